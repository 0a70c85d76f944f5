// model → a printable grid: one table of the disclosure laid out by a layout template (header rows with spans,
// body rows of formatted cells). HTML, DOCX and XLSX all draw the same grid, so they cannot disagree.
import { Decimal, formatDecimal, type MoneyUnit } from '../model/money.js';
import type {
  Disclosure,
  Indicator,
  PerformanceForm,
  Row,
  RowRole,
  Table,
  TableKind,
} from '../model/schema.js';
import type { ColumnTemplate, Layout, RowHeaderKind, SideTemplate, TableTemplate } from './layouts/types.js';
import { fill } from './layouts/types.js';

export interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Amount cells: the printed amount as exact decimal text in the grid's unit (null when empty). */
  amount?: string | null;
  /** Label cells that should stand out (totals, form captions). */
  strong?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Never wrapped (classification codes: a code broken over two lines reads as two codes). */
  nowrap?: boolean;
}

export interface GridRow {
  cells: GridCell[];
  role?: RowRole;
  /** Printed on the same page as the row before it (a form's signature row). */
  keepWithPrevious?: boolean;
}

export interface TableGrid {
  kind: TableKind | 'unknown' | 'performance_form';
  title: string;
  number?: string;
  unit?: MoneyUnit;
  unitName?: string;
  /** Decimals printed for amounts. */
  scale: number;
  columnCount: number;
  /** Relative width of each column (labels wider than amounts). */
  widths: number[];
  header: GridRow[];
  body: GridRow[];
  notes: string[];
  empty: boolean;
  /** Income and expenditure side by side (收支总表). */
  twoSided?: boolean;
}

const FACTOR: Record<MoneyUnit, number> = { 元: 0, 万元: 4 };

/** Converts an amount between units and rounds it to the printed scale, exactly. */
export function printedAmount(value: string, from: MoneyUnit, to: MoneyUnit, scale: number): string {
  const shift = FACTOR[from] - FACTOR[to];
  return new Decimal(value).mul(new Decimal(10).pow(shift)).toFixed(scale, Decimal.ROUND_HALF_UP);
}

interface Leaf {
  path: string[];
  width: number;
}

/** Header rows from leaf paths (["收入", "项目"], ["支出", "金额", "小计"] …): groups span, short paths drop. */
function headerRows(leaves: readonly Leaf[]): GridRow[] {
  const depth = Math.max(1, ...leaves.map((l) => l.path.length));
  const rows: GridRow[] = [];
  for (let d = 0; d < depth; d++) {
    const cells: GridCell[] = [];
    for (let i = 0; i < leaves.length;) {
      const path = leaves[i].path;
      if (d > path.length - 1) {
        i++;
        continue;
      }
      if (d === path.length - 1) {
        cells.push({
          text: path[d],
          rowSpan: depth - d > 1 ? depth - d : undefined,
          align: 'center',
          strong: true,
        });
        i++;
        continue;
      }
      let j = i + 1;
      const prefix = path.slice(0, d + 1).join('\u0000');
      while (
        j < leaves.length &&
        leaves[j].path.length > d + 1 &&
        leaves[j].path.slice(0, d + 1).join('\u0000') === prefix
      )
        j++;
      cells.push({ text: path[d], colSpan: j - i > 1 ? j - i : undefined, align: 'center', strong: true });
      i = j;
    }
    rows.push({ cells });
  }
  return rows;
}

const leafOf = (label: string, group: string | undefined, width: number, year: number): Leaf => ({
  path: (group ? [group, label] : [label]).map((t) => fill(t, { year, unit: '', kind: '' })),
  width,
});

/** The label of a column as printed in the data: the last part of a multi-row header. */
const lastPart = (label: string) => label.split('/').pop() ?? label;

/**
 * Template columns, plus any data column with a value that the template lacks (no number is ever dropped). A table
 * read from another layout (its amounts in columns the template does not have, none in the template's own) is
 * printed with its own columns: the template's would stand empty beside them and read as blanks.
 */
function columnsFor(
  template: readonly ColumnTemplate[],
  table: Table | undefined,
  side?: 'income' | 'expenditure',
): ColumnTemplate[] {
  if (!table) return [...template];
  const rows = table.rows.filter((r) => !side || sideOf(r, table) === side);
  const filled = (id: string) => rows.some((r) => r.cells[id]?.value != null);
  const own = table.columns.filter((c) => !side || !c.side || c.side === side);
  const extra = own.filter((c) => !template.some((t) => t.id === c.id) && filled(c.id));
  if (extra.length && !template.some((t) => filled(t.id)))
    return own.map((c) => {
      const path = c.label.split('/');
      return {
        id: c.id,
        label: path[path.length - 1],
        ...(path.length > 1 ? { group: path[path.length - 2] } : {}),
      };
    });
  return [...template, ...extra.map((c) => ({ id: c.id, label: lastPart(c.label) }))];
}

function sideOf(row: Row, table: Table): 'income' | 'expenditure' {
  if (row.side) return row.side;
  const incomeIds = new Set(table.columns.filter((c) => c.side === 'income').map((c) => c.id));
  return Object.keys(row.cells).some((id) => incomeIds.has(id)) ? 'income' : 'expenditure';
}

interface Context {
  table: Table | undefined;
  /** The table was read from a published document (its shape may differ from the template's), not generated. */
  read: boolean;
  template: TableTemplate;
  unit: MoneyUnit;
  scale: number;
}

function amountCell(row: Row | undefined, id: string, ctx: Context): GridCell {
  const cell = row?.cells[id];
  if (!cell || cell.value == null) return { text: '', amount: null, align: 'right' };
  const amount = printedAmount(cell.value, ctx.table?.unit ?? ctx.unit, ctx.unit, ctx.scale);
  return { text: formatDecimal(amount, ctx.scale), amount, align: 'right' };
}

function rowHeaderText(row: Row, kind: RowHeaderKind): string {
  const code = row.code ?? '';
  switch (kind) {
    case 'code':
      return code;
    case 'code_class':
      return code.slice(0, 3);
    case 'code_item':
      return code.slice(3, 5);
    case 'code_sub':
      return code.slice(5, 7);
    case 'name':
      return row.code ? row.name : row.label || row.name;
    case 'governmentName':
      return row.governmentName ?? '';
  }
}

const isTotal = (role: RowRole) =>
  role === 'total' || role === 'year_total' || role === 'grand_total' || role === 'subtotal';

function orderRows(rows: readonly Row[], position: 'first' | 'last'): Row[] {
  const totals = rows.filter((r) => r.role === 'total');
  const rest = rows.filter((r) => r.role !== 'total');
  return position === 'first' ? [...totals, ...rest] : [...rest, ...totals];
}

/**
 * The template's row headers, fitted to a table read from a published document (of another layout or year): its codes get a column when the template
 * prints names only (a reader would otherwise lose the 类/款/项 hierarchy), and a 政府预算经济分类 name column that
 * no row fills is left out rather than printed empty.
 */
function rowHeadersFor({ template, table, read }: Context): TableTemplate['rowHeaders'] {
  if (!table || !read) return template.rowHeaders;
  let headers = template.rowHeaders;
  if (!headers.some((h) => h.kind.startsWith('code')) && table.rows.some((r) => r.code))
    headers = [{ kind: 'code', label: '科目编码' }, ...headers];
  if (headers.some((h) => h.kind === 'governmentName') && !table.rows.some((r) => r.governmentName))
    headers = headers.filter((h) => h.kind !== 'governmentName');
  return headers;
}

function singleSided(
  ctx: Context,
  year: number,
  extraRows: Row[],
): Pick<TableGrid, 'header' | 'body' | 'widths'> {
  const { template, table } = ctx;
  const columns = columnsFor(template.columns, table);
  const rowHeaders = rowHeadersFor(ctx);
  const codeKinds = rowHeaders.filter((h) => h.kind.startsWith('code'));
  // Wide tables (预算收入总表: seven amounts) give their names less room so that amounts keep theirs.
  const nameWidth = codeKinds.length > 0 && columns.length > 5 ? 2.4 : 3;
  const leaves = [
    ...rowHeaders.map((h) =>
      leafOf(h.label, h.group, h.kind === 'code' ? 1.3 : h.kind.startsWith('code_') ? 0.62 : nameWidth, year),
    ),
    ...columns.map((c) => leafOf(c.label, c.group, 1.2, year)),
  ];
  const header = headerRows(leaves);
  if (template.numberRow)
    header.push({ cells: leaves.map((_, i) => ({ text: String(i + 1), align: 'center' as const })) });
  const rows = [...orderRows(table?.rows ?? [], template.totalPosition), ...extraRows];
  const body = rows.map((row): GridRow => {
    const cells: GridCell[] = [];
    const strong = isTotal(row.role);
    if (codeKinds.length > 0 && !row.code) {
      // An uncoded row (合计) spans the code and name columns, as published tables print it.
      cells.push({ text: row.label || row.name, colSpan: codeKinds.length + 1, align: 'center', strong });
      for (const h of rowHeaders.filter((h) => !h.kind.startsWith('code') && h.kind !== 'name'))
        cells.push({ text: rowHeaderText(row, h.kind) });
    } else {
      for (const h of rowHeaders)
        cells.push({
          text: rowHeaderText(row, h.kind),
          strong,
          align: 'left',
          nowrap: h.kind.startsWith('code') || undefined,
        });
    }
    for (const c of columns) cells.push(amountCell(row, c.id, ctx));
    return { cells, role: row.role };
  });
  return { header, body, widths: leaves.map((l) => l.width) };
}

const FOOT_ROLES: readonly RowRole[] = ['year_total', 'carryover', 'year_end_carryover', 'grand_total'];

/** Splits one side of a two-sided table into its body and its foot (from 本年合计 on), 总计 last. */
function splitSide(rows: readonly Row[]): { body: Row[]; foot: Row[]; grand: Row[] } {
  const start = rows.findIndex((r) => r.role === 'year_total');
  const body = start < 0 ? rows.filter((r) => !FOOT_ROLES.includes(r.role)) : rows.slice(0, start);
  const tail = start < 0 ? rows.filter((r) => FOOT_ROLES.includes(r.role)) : rows.slice(start);
  return {
    body,
    foot: tail.filter((r) => r.role !== 'grand_total'),
    grand: tail.filter((r) => r.role === 'grand_total'),
  };
}

function twoSided(ctx: Context, year: number): Pick<TableGrid, 'header' | 'body' | 'widths'> {
  const { template, table } = ctx;
  const sides = template.sides!;
  const incomeCols = columnsFor(sides.income.columns, table, 'income');
  const spendCols = columnsFor(sides.expenditure.columns, table, 'expenditure');
  const labelLeaves = (s: SideTemplate): Leaf[] =>
    s.rowHeaders
      ? s.rowHeaders.map((h) => ({
          ...leafOf(h.label, h.group, h.kind === 'code' ? 1.3 : 2, year),
          path: [s.title, ...leafOf(h.label, h.group, 1, year).path],
        }))
      : [leafOf(s.rowHeader, s.title, s.widths?.label ?? 3.2, year)];
  const sideLeaves = (s: SideTemplate, cols: ColumnTemplate[]): Leaf[] => [
    ...labelLeaves(s),
    ...cols.map((c) => ({
      ...leafOf(c.label, c.group, s.widths?.amount ?? 1.2, year),
      path: [s.title, ...leafOf(c.label, c.group, 1, year).path],
    })),
  ];
  const leaves = [...sideLeaves(sides.income, incomeCols), ...sideLeaves(sides.expenditure, spendCols)];
  const header = headerRows(leaves);
  const rows = table?.rows ?? [];
  const sideRows = (side: 'income' | 'expenditure') => {
    const split = splitSide(rows.filter((r) => sideOf(r, table!) === side));
    // A coded side lists its 合计 where single-sided tables of the layout do.
    if (sides[side].rowHeaders) split.body = orderRows(split.body, template.totalPosition);
    return split;
  };
  const income = sideRows('income');
  const spend = sideRows('expenditure');
  const labels = (row: Row | undefined, s: SideTemplate): GridCell[] => {
    const strong = row ? isTotal(row.role) : false;
    if (!s.rowHeaders)
      return [{ text: row ? row.label || row.name : '', strong, align: strong ? 'center' : 'left' }];
    if (row && !row.code)
      return [{ text: row.label || row.name, colSpan: s.rowHeaders.length, strong, align: 'center' }];
    return s.rowHeaders.map((h) => ({
      text: row ? rowHeaderText(row, h.kind) : '',
      align: 'left' as const,
      nowrap: h.kind.startsWith('code') || undefined,
    }));
  };
  const half = (row: Row | undefined, s: SideTemplate, cols: ColumnTemplate[]): GridCell[] => [
    ...labels(row, s),
    ...cols.map((c) => amountCell(row, c.id, ctx)),
  ];
  const zip = (a: Row[], b: Row[]): GridRow[] =>
    Array.from({ length: Math.max(a.length, b.length) }, (_, i) => ({
      cells: [...half(a[i], sides.income, incomeCols), ...half(b[i], sides.expenditure, spendCols)],
      role: a[i]?.role ?? b[i]?.role,
    }));
  const body = [
    ...zip(income.body, spend.body),
    ...zip(income.foot, spend.foot),
    ...zip(income.grand, spend.grand),
  ];
  return { header, body, widths: leaves.map((l) => l.width) };
}

/** Lays out one table of `doc` (or an empty one when the document lacks it) with a layout template. */
export function tableGrid(doc: Disclosure, layout: Layout, template: TableTemplate, n: number): TableGrid {
  const table = doc.tables.find((t) => t.kind === template.kind);
  const year = doc.metadata.year;
  const kind = layout.kindWords[doc.metadata.kind];
  const sameFamily = layout.family === doc.metadata.family;
  const ctx: Context = { table, read: !!table?.source, template, unit: template.unit, scale: template.scale };
  const extra: Row[] = [];
  if (template.appendTotalOf) {
    const other = doc.tables.find((t) => t.kind === template.appendTotalOf!.kind);
    const total = other?.rows.find((r) => r.role === 'total') ?? other?.rows[0];
    if (other && total) {
      // Values of the folded-in table are converted from its own unit, so tag its cells with it.
      const cells: Row['cells'] = {};
      for (const [id, c] of Object.entries(total.cells))
        cells[id] = {
          ...c,
          value: c.value == null ? null : printedAmount(c.value, other.unit, table?.unit ?? template.unit, 6),
        };
      extra.push({
        name: template.appendTotalOf.label,
        label: template.appendTotalOf.label,
        role: 'item',
        cells,
      });
    }
  }
  const parts = template.sides ? twoSided(ctx, year) : singleSided(ctx, year, extra);
  const hasValues = parts.body.some((r) => r.cells.some((c) => c.amount != null));
  const empty = table ? table.empty || !hasValues : true;
  const notes = [...(table?.notes ?? [])];
  if (empty && !notes.some((n) => n.includes('无数据'))) notes.push(layout.emptyNote);
  return {
    kind: template.kind,
    title:
      sameFamily && table?.title
        ? table.title
        : fill(template.title, { year, unit: doc.metadata.unit, kind }),
    // One numbering scheme per document: the layout's, whatever the source printed ("部门公开表9").
    number: template.number ? fill(template.number, { year, unit: '', kind, n }) : undefined,
    unit: template.unit,
    unitName: table?.unitName ?? doc.metadata.unit,
    scale: template.scale,
    columnCount: parts.widths.length,
    ...parts,
    notes,
    empty,
    twoSided: Boolean(template.sides),
  };
}

/** A table the layout does not know, printed with its own title and columns. */
export function unknownTableGrid(table: Table): TableGrid {
  const coded = table.rows.some((r) => r.code);
  const template: TableTemplate = {
    kind: 'summary',
    title: table.title,
    unit: table.unit,
    scale: 2,
    totalPosition: 'first',
    rowHeaders: coded
      ? [
          { kind: 'code', label: '科目编码' },
          { kind: 'name', label: '科目名称' },
        ]
      : [{ kind: 'name', label: '项目' }],
    columns: table.columns.map((c) => {
      const parts = c.label.split('/');
      return { id: c.id, label: parts.pop() ?? c.label, group: parts.length ? parts.join('/') : undefined };
    }),
  };
  const parts = singleSided({ table, read: false, template, unit: table.unit, scale: 2 }, 0, []);
  return {
    kind: table.kind,
    title: table.title,
    number: table.number,
    unit: table.unit,
    unitName: table.unitName,
    scale: 2,
    columnCount: parts.widths.length,
    ...parts,
    notes: table.notes,
    empty: table.empty,
  };
}

/** Formats a form amount as printed (元 without decimals when whole: "2,400,000"). */
function formAmount(value: string | null): string {
  if (value == null) return '';
  const d = new Decimal(value);
  return formatDecimal(d, d.isInteger() ? 0 : 2);
}

/** 填报日期 as a date: budget systems export a timestamp ("20221103153701" → "2022-11-03"). */
export function filingDateText(printed: string | undefined): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{4}|\d{6})?$/.exec(printed?.trim() ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : (printed ?? '');
}

/** The form's title: its own, else the layout's with the family's issuer ("忻州市市级预算部门（单位）"). */
export function formTitle(form: PerformanceForm, layout: Layout, region: string | undefined): string {
  if (form.title) return form.title;
  const issuer = layout.performanceFormIssuer;
  return issuer && region
    ? fill(issuer, { year: 0, unit: '', kind: '', region }) + layout.performanceFormTitle
    : layout.performanceFormTitle;
}

type IndicatorPair = { level1: string; level2: string; period?: Indicator; year?: Indicator };

/** "服务对象满意度" and "服务对象满意度指标" name the same 二级指标. */
const level2Key = (s: string) => s.replace(/\s+/g, '').replace(/指标$/, '');

/**
 * The indicator rows of a form: period and year side by side, grouped by 一级指标; with the family's standard rows,
 * a 二级指标 the form leaves empty is printed blank in its place, as the family's template prints it.
 */
export function indicatorRows(form: PerformanceForm, layout: Layout): IndicatorPair[][] {
  const { period, year } = form.indicators;
  const pairs: IndicatorPair[] = Array.from({ length: Math.max(period.length, year.length) }, (_, i) => ({
    level1: period[i]?.level1 ?? year[i]?.level1 ?? '',
    level2: period[i]?.level2 ?? year[i]?.level2 ?? '',
    period: period[i],
    year: year[i],
  }));
  const groups = new Map<string, IndicatorPair[]>();
  for (const p of pairs) groups.set(p.level1, [...(groups.get(p.level1) ?? []), p]);
  const standard = layout.standardIndicators;
  if (!standard || ![...groups.keys()].every((l1) => standard.some((g) => g.level1 === l1)))
    return [...groups.values()];
  return standard.map((g) => {
    const rows = [...(groups.get(g.level1) ?? [])];
    const rank = (level2: string) => g.level2.findIndex((l) => level2Key(l) === level2Key(level2));
    g.level2.forEach((level2, k) => {
      if (rows.some((r) => rank(r.level2) === k || (r.year && rank(r.year.level2) === k))) return;
      const after = rows.findIndex((r) => rank(r.level2) > k);
      const blank = { level1: g.level1, level2 };
      if (after < 0) rows.push(blank);
      else rows.splice(after, 0, blank);
    });
    return rows;
  });
}

/** A performance form laid out as the Shanxi 申报表 prints it: 8 columns, captions left. */
export function formGrid(form: PerformanceForm, layout: Layout, region?: string): TableGrid {
  const caption = (text: string, colSpan?: number, rowSpan?: number): GridCell => ({
    text,
    colSpan,
    rowSpan,
    strong: true,
    align: 'center',
  });
  const text = (t: string | undefined, colSpan?: number, rowSpan?: number): GridCell => ({
    text: t ?? '',
    colSpan,
    rowSpan,
    align: 'left',
  });
  const money = (v: string | null): GridCell => ({
    text: formAmount(v),
    colSpan: 2,
    amount: v,
    align: 'right',
  });
  const { period, year } = form.funding;
  const fundingLines: [string, string, keyof typeof period][] = [
    ['实施期资金总额：', '年度资金总额：', 'total'],
    ['其中：中央财政资金', '其中：中央财政资金', 'central'],
    ['省级财政资金', '省级财政资金', 'provincial'],
    ['市县（区）财政资金', '市县（区）财政资金', 'local'],
    ['单位自筹', '单位自筹', 'selfRaised'],
    ['其他资金', '其他资金', 'other'],
  ];
  const department = form.department
    ? [form.department.code, form.department.name].filter(Boolean).join('-')
    : undefined;
  const body: GridRow[] = [
    { cells: [caption('项目名称'), text(form.project, 7)] },
    {
      cells: [
        caption('主管部门及代码'),
        text(department, 3),
        caption('实施单位'),
        text(form.implementingUnit, 3),
      ],
    },
    { cells: [caption('项目属性'), text(form.nature, 3), caption('项目期'), text(form.period, 3)] },
    ...fundingLines.map(([a, b, key], i) => ({
      cells: [
        ...(i === 0 ? [caption(`项目资金（${form.unit}）`, undefined, fundingLines.length)] : []),
        text(a),
        money(period[key]),
        text(b, 2),
        money(year[key]),
      ],
    })),
    ...(
      [
        ['项目概况', form.overview],
        ['立项依据', form.basis],
        ['项目设立必要性', form.necessity],
        ['保证项目实施的制度、措施', form.measures],
        ['项目实施计划', form.plan],
      ] as const
    ).map(([label, value]) => ({ cells: [caption(label), text(value, 7)] })),
    { cells: [caption(''), caption('实施期目标', 3), caption('年度目标', 4)] },
    { cells: [caption('总体目标'), text(form.goals.period, 3), text(form.goals.year, 4)] },
  ];
  const groups = indicatorRows(form, layout);
  const count = groups.reduce((n, g) => n + g.length, 0);
  body.push({
    cells: [
      caption('绩效指标', undefined, count + 1),
      ...['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'].map((t) =>
        caption(t),
      ),
    ],
  });
  for (const group of groups)
    group.forEach((r, i) => {
      const blank = !r.period && !r.year;
      body.push({
        cells: [
          // 一级指标 is one merged cell over its rows, as the family prints it.
          ...(i === 0 ? [text(r.level1, undefined, group.length > 1 ? group.length : undefined)] : []),
          text(blank ? r.level2 : r.period?.level2),
          text(r.period?.name),
          text(r.period?.printed),
          text(blank ? r.level2 : r.year?.level2),
          text(r.year?.name),
          text(r.year?.printed),
        ],
      });
    });
  const c = form.contacts;
  body.push({
    keepWithPrevious: true,
    cells: [
      caption('负责人：'),
      text(c.responsible),
      caption('经办人：'),
      text(c.handler),
      caption('联系电话：'),
      { ...text(c.phone), nowrap: true },
      caption('填报日期：'),
      { ...text(filingDateText(form.filingDate)), nowrap: true },
    ],
  });
  return {
    kind: 'performance_form',
    title: formTitle(form, layout, region),
    unit: form.unit,
    scale: 0,
    columnCount: 8,
    // The funding labels ("其中：中央财政资金") fit their column on one line.
    widths: [1.4, 1.75, 1.2, 1.15, 1.1, 1.2, 1.15, 1.1],
    header: [],
    body,
    notes: [],
    empty: false,
  };
}

/** Position (0-based row and column) of every cell of grid rows, honouring the spans of earlier cells. */
export function placeCells(rows: readonly GridRow[]): { row: number; col: number; cell: GridCell }[] {
  const taken = new Set<string>();
  const out: { row: number; col: number; cell: GridCell }[] = [];
  rows.forEach((r, ri) => {
    let col = 0;
    for (const cell of r.cells) {
      while (taken.has(`${ri}:${col}`)) col++;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) taken.add(`${ri + dr}:${col + dc}`);
      out.push({ row: ri, col, cell });
      col += cs;
    }
  });
  return out;
}
