// Plain text in the sample's own format: one line per paragraph or table row, cells separated by tabs, parts and
// tables in the order the Shanxi family prints them. `yusuan parse` reads it back into the same data.
import { Decimal, formatDecimal } from '../model/money.js';
import { glossaryLine } from '../narrative/write.js';
import type {
  Disclosure,
  Funding,
  Indicator,
  PerformanceForm,
  Row,
  Section,
  Table,
} from '../model/schema.js';

const CODED_KINDS = new Set([
  'revenue',
  'expenditure',
  'general_expenditure',
  'gov_fund_revenue',
  'gov_fund_expenditure',
  'fiscal_expenditure',
  'fiscal_basic',
]);

/** One header column: its path of printed header segments, top to bottom. */
type HeaderPath = string[];

/** Header lines from column paths: a segment shared by neighbours is printed once, above its first column. */
function headerLines(paths: HeaderPath[]): string[][] {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const lines: string[][] = [];
  for (let level = 0; level < depth; level++) {
    lines.push(
      paths.map((p, i) => {
        const seg = p[level] ?? '';
        if (!seg || i === 0) return seg;
        const prev = paths[i - 1];
        const samePrefix = p.slice(0, level + 1).every((s, j) => prev[j] === s);
        return samePrefix ? '' : seg;
      }),
    );
  }
  return lines;
}

const split = (label: string) => label.split('/').filter((s) => s !== '');

function printedCell(row: Row, id: string): string {
  return row.cells[id]?.printed ?? '';
}

function valueColumns(t: Table, side?: 'income' | 'expenditure') {
  return t.columns.filter((c) => (side ? c.side === side : true));
}

function labelCells(row: Row, coded: boolean, economic: boolean): string[] {
  if (economic) return [row.label, row.governmentName ?? ''];
  if (coded) return row.code ? [row.code, row.label] : [row.label, ''];
  return [row.label];
}

function oneSidedTable(t: Table): string[][] {
  const coded = CODED_KINDS.has(t.kind) || t.rows.some((r) => r.code);
  // Economic rows print as the pair (部门, 政府) where the family pairs them, else like coded rows (Shanghai: 301 …).
  const economic =
    t.rows.some((r) => r.governmentName !== undefined) ||
    (t.kind === 'general_basic_economic' && !t.rows.some((r) => r.code));
  const cols = valueColumns(t);
  const valuePaths = cols.map((c) => split(c.label));
  const deep = valuePaths.some((p) => p.length > 1);
  let labelPaths: HeaderPath[];
  if (economic) labelPaths = [['部门预算支出经济科目名称'], ['政府预算支出经济科目名称']];
  else if (coded)
    labelPaths = deep
      ? [
          ['项目', '科目编码'],
          ['项目', '科目名称'],
        ]
      : [['科目编码'], ['科目名称']];
  else if (t.kind === 'operating_costs') labelPaths = [['单位名称']];
  else if (t.kind === 'projects' || t.kind === 'projects_carryover') labelPaths = [['项目名称']];
  else labelPaths = [['项目']];
  const lines = headerLines([...labelPaths, ...valuePaths]);
  if (t.kind === 'projects' || t.kind === 'projects_carryover')
    lines.push(Array.from({ length: labelPaths.length + cols.length }, (_, i) => String(i + 1)));
  for (const r of t.rows)
    lines.push([...labelCells(r, coded, economic), ...cols.map((c) => printedCell(r, c.id))]);
  return lines;
}

/** Income and expenditure side by side (收支总表, 财政拨款收支总表, 国有资本经营预算收支表). */
function twoSidedTable(t: Table): string[][] {
  const sides = ['income', 'expenditure'] as const;
  const parts = sides.map((side) => {
    const cols = valueColumns(t, side);
    const rows = t.rows.filter((r) => r.side === side);
    const coded = rows.some((r) => r.code) || t.kind === 'state_capital';
    const paths = cols.map((c) => split(c.label));
    const group = paths[0]?.[0] ?? (side === 'income' ? '收入' : '支出');
    const labelPaths = coded
      ? [
          [group, '项目', side === 'income' ? '收入科目编码' : '科目编码'],
          [group, '项目', '科目名称'],
        ]
      : [[group, '项目']];
    if (coded && side === 'expenditure') labelPaths.forEach((p) => p.splice(1, 1));
    // Items of a sub-list (上年财政拨款结转's three budgets) print below the totals, not beside the classes.
    const items = rows.filter((r) => r.role === 'item' && !r.parent);
    const footer = rows.filter((r) => !items.includes(r) && r.role !== 'grand_total');
    const grand = rows.filter((r) => r.role === 'grand_total');
    const line = (r: Row | undefined) => [
      ...(r ? labelCells(r, coded, false) : labelPaths.map(() => '')),
      ...cols.map((c) => (r ? printedCell(r, c.id) : '')),
    ];
    return { cols, labelPaths, paths, items, footer, grand, line, coded };
  });
  const [inc, exp] = parts;
  const header = headerLines([...inc.labelPaths, ...inc.paths, ...exp.labelPaths, ...exp.paths]);
  const lines: string[][] = [...header];
  // Totals (合计 rows of a coded side) come first, before the items, as the family prints them.
  const lead = (p: (typeof parts)[number]) => (p.coded ? p.footer.filter((r) => r.role === 'total') : []);
  const rest = (p: (typeof parts)[number]) =>
    p.coded ? p.footer.filter((r) => r.role !== 'total') : p.footer;
  const zip = (a: Row[], b: Row[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) lines.push([...inc.line(a[i]), ...exp.line(b[i])]);
  };
  zip(lead(inc), lead(exp));
  zip(inc.items, exp.items);
  zip(rest(inc), rest(exp));
  zip(inc.grand, exp.grand);
  return lines;
}

function tableLines(t: Table): string[] {
  const out: string[] = [];
  if (t.number) out.push(t.number, '');
  out.push(t.title, '');
  if (t.unitName) out.push(`单位名称：${t.unitName}`, '');
  out.push(`单位：${t.unit}`, '');
  const twoSided =
    t.columns.some((c) => c.side === 'income') && t.columns.some((c) => c.side === 'expenditure');
  const grid = twoSided ? twoSidedTable(t) : oneSidedTable(t);
  for (const cells of grid) out.push(cells.join('\t'));
  for (const note of t.notes) out.push('', note);
  out.push('');
  return out;
}

function money(value: string | null, unit: string): string {
  if (value == null) return '';
  const d = new Decimal(value);
  return formatDecimal(d, unit === '元' ? Math.max(0, d.decimalPlaces()) : 2);
}

function formLines(form: PerformanceForm, year: number, region: string | undefined): string[] {
  const out: string[] = [];
  out.push(
    form.title ?? `${region ?? ''}市级预算部门（单位）项目支出绩效目标申报表`.replace(/^市级/, ''),
    '',
  );
  out.push(`(${year}年度)`, '');
  const dept = form.department
    ? form.department.code
      ? `${form.department.code}-${form.department.name}`
      : form.department.name
    : '';
  out.push(`项目名称\t${form.project}`);
  out.push(`主管部门及代码\t${dept}\t实施单位\t${form.implementingUnit ?? ''}`);
  out.push(`项目属性\t${form.nature ?? ''}\t项目期\t${form.period ?? ''}`);
  const f = (x: Funding, k: keyof Funding) => money(x[k], form.unit);
  const { period, year: y } = form.funding;
  out.push(
    `项目资金（${form.unit}）\t实施期资金总额：\t${f(period, 'total')}\t年度资金总额：\t${f(y, 'total')}`,
    `\t其中：中央财政资金\t${f(period, 'central')}\t其中：中央财政资金\t${f(y, 'central')}`,
    `\t省级财政资金\t${f(period, 'provincial')}\t省级财政资金\t${f(y, 'provincial')}`,
    `\t市县（区）财政资金\t${f(period, 'local')}\t市县（区）财政资金\t${f(y, 'local')}`,
    `\t单位自筹\t${f(period, 'selfRaised')}\t单位自筹\t${f(y, 'selfRaised')}`,
    `\t其他资金\t${f(period, 'other')}\t其他资金\t${f(y, 'other')}`,
  );
  out.push(`项目概况\t${form.overview ?? ''}`);
  out.push(`立项依据\t${form.basis ?? ''}`);
  out.push(`项目设立必要性\t${form.necessity ?? ''}`);
  out.push(`保证项目实施的制度、措施\t${form.measures ?? ''}`);
  out.push(`项目实施计划\t${form.plan ?? ''}`);
  out.push(`\t实施期目标\t年度目标`);
  out.push(`总体目标\t${form.goals.period ?? ''}\t${form.goals.year ?? ''}`);
  out.push('绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值');
  const n = Math.max(form.indicators.period.length, form.indicators.year.length);
  let lastLevel1 = '';
  for (let i = 0; i < n; i++) {
    const p: Indicator | undefined = form.indicators.period[i];
    const q: Indicator | undefined = form.indicators.year[i];
    const level1 = p?.level1 ?? q?.level1 ?? '';
    out.push(
      [
        '',
        level1 !== lastLevel1 ? level1 : '',
        p?.level2 ?? '',
        p?.name ?? '',
        p?.printed ?? '',
        q?.level2 ?? '',
        q?.name ?? '',
        q?.printed ?? '',
      ].join('\t'),
    );
    lastLevel1 = level1;
  }
  const c = form.contacts;
  out.push(
    `负责人：\t${c.responsible ?? ''}\t经办人：\t${c.handler ?? ''}\t联系电话：\t${c.phone ?? ''}\t填报日期：\t${
      form.filingDate ?? ''
    }`,
  );
  out.push('');
  return out;
}

/** A section heading as the family prints it: 一、… （一）… 1、…（asset items end with a colon）. */
function heading(s: Section): string {
  if (!s.number) return s.title;
  if (/^第.+部分$/.test(s.number)) return `${s.number} ${s.title}`;
  if (/^[（(]/.test(s.number)) return `${s.number}${s.title}`;
  return `${s.number}、${s.title}${s.kind === 'assets' && s.level === 4 ? '：' : ''}`;
}

const isPart = (s: Section) => s.level === 1 && /^第.+部分$/.test(s.number ?? '');
const isOverview = (s: Section) => s.kind === 'duties' || s.kind === 'organisation';

/** The whole document as tab-separated text in the Shanxi family's order. */
export function renderText(doc: Disclosure): string {
  const { unit, year } = doc.metadata;
  const kw = doc.metadata.kind.startsWith('department') ? '部门' : '单位';
  const what = doc.metadata.kind.endsWith('_final') ? '决算' : '预算';
  const out: string[] = ['', unit, '', `${year}年度${kw}${what}公开`, ''];
  if (doc.contents.length) {
    out.push('目 录', '');
    // Dot leaders mark a contents entry when there is no page number (plain text has no pages).
    for (const e of doc.contents) out.push(`${e.title}.....${e.page ? '\t' + e.page : ''}`);
    out.push('');
  }
  const parts = doc.sections.filter(isPart);
  const partTitle = (n: string, fallback: string) => {
    const p = parts.find((s) => s.number === n);
    return p ? heading(p) : fallback;
  };
  const section = (s: Section) => {
    out.push(heading(s), '');
    for (const p of s.paragraphs) out.push(p.text, '');
  };

  out.push(partTitle('第一部分', '第一部分 概况'), '');
  const overview = doc.sections.filter(isOverview);
  if (overview.length) overview.forEach(section);
  else {
    section({
      kind: 'duties',
      number: '一',
      title: `本${kw}职责`,
      level: 2,
      paragraphs: doc.overview.duties,
    });
    section({
      kind: 'organisation',
      number: '二',
      title: '机构设置情况',
      level: 2,
      paragraphs: doc.overview.organisation,
    });
  }

  out.push(partTitle('第二部分', `第二部分 ${year}年${kw}预算报表`), '');
  for (const t of doc.tables) out.push(...tableLines(t));

  const explanation = doc.sections.filter((s) => !isPart(s) && !isOverview(s) && s.kind !== 'glossary');
  if (explanation.length || doc.performanceForms.length)
    out.push(partTitle('第三部分', explanation[0]?.part ?? `第三部分 ${year}年度${kw}预算情况说明`), '');
  let formsWritten = false;
  const forms = () => {
    for (const form of doc.performanceForms) out.push(...formLines(form, year, doc.metadata.region));
    formsWritten = true;
  };
  for (const s of explanation) {
    section(s);
    if (!formsWritten && s.kind === 'performance' && /绩效目标/.test(s.title)) forms();
  }
  if (!formsWritten) forms();

  out.push(partTitle('第四部分', '第四部分 名词解释'), '');
  doc.glossary.forEach((g, i) => out.push(glossaryLine(i + 1, g.term, g.definition), ''));
  return out.join('\n');
}
