// The identities a budget table holds by construction (DOMAIN.md §4): 合计 = Σ类, 类 = Σ款, 款 = Σ项, and row sums
// (合计 = 基本 + 项目, 基本 = 人员 + 公用, 合计 = Σ funding sources). The recogniser checks them on what it read to
// judge its own reading: a misread table breaks many of them, a document defect in one cell only a few.
import { Amount, sumAgrees } from '../model/money.js';
import { OTHER_USE_IDS, type Row, type Table } from '../model/schema.js';

/** Row-sum relations: the total column and the columns that add up to it. */
const ROW_SUMS: [string, string[]][] = [
  ['total', ['basic', 'project']],
  ['basic', ['personnel', 'public']],
  ['total', ['personnel', 'public', 'project']],
  ['total', ['personnel', 'public']],
  ['total', ['fiscal', 'business_income', 'operating_income', 'other_income']],
  ['total', ['general_public', 'gov_fund', 'state_capital']],
];

/** Sources of a 决算 收入决算表 printed beside 财政拨款 / 事业 / 经营 / 其他收入. */
const EXTRA_SOURCES = ['superior_subsidy', 'affiliated_remittance'];

/** One identity checked: where, and whether it held within the printed precision. */
export interface IdentityCheck {
  row: Row;
  column: string;
  held: boolean;
}

/** A cell's amount in the table's unit; null when empty or absent. */
export function cellAmount(row: Row, column: string, table: Table): Amount | null {
  const v = row.cells[column]?.value;
  return v === undefined || v === null ? null : Amount.of(v, table.unit);
}

/**
 * The row-sum relations a table's columns allow: the narrower ones (人员 + 公用 without 项目) only where the wider
 * columns are absent, and 单位预留机动经费 (Jiangsu) as the third part of 合计 beside 基本支出 and 项目支出.
 */
export function rowSumRelations(columnIds: ReadonlySet<string>): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const [totalId, sumParts] of ROW_SUMS) {
    if (!columnIds.has(totalId) || !sumParts.every((p) => columnIds.has(p))) continue;
    if (
      totalId === 'total' &&
      sumParts.length === 2 &&
      sumParts[0] === 'personnel' &&
      (columnIds.has('project') || columnIds.has('basic'))
    )
      continue;
    if (totalId === 'total' && sumParts.includes('personnel') && columnIds.has('basic')) continue;
    // parts a table may print beside the usual ones: 预留机动经费 (Jiangsu), the 决算's 上缴上级支出 / 经营支出 /
    // 对附属单位补助支出 beside 基本 + 项目, and its 上级补助收入 / 附属单位上缴收入 beside the other sources
    const optional =
      totalId !== 'total'
        ? []
        : sumParts[0] === 'basic'
          ? OTHER_USE_IDS
          : sumParts[0] === 'fiscal'
            ? EXTRA_SOURCES
            : [];
    out.push([totalId, [...sumParts, ...optional.filter((u) => columnIds.has(u))]]);
  }
  return out;
}

/** Coded rows by side: each parent with the rows one level below it (类 → 款 → 项), and the 合计 row over the 类. */
export interface CodeGroups {
  parents: { parent: Row; children: Row[] }[];
  totalRow: Row | undefined;
  classes: Row[];
}

export function codeGroups(table: Table): CodeGroups[] {
  const bySide = new Map<string, Row[]>();
  for (const row of table.rows) {
    const rows = bySide.get(row.side ?? '');
    if (rows) rows.push(row);
    else bySide.set(row.side ?? '', [row]);
  }
  return [...bySide.values()].map((rows) => {
    const coded = rows.filter((r) => r.code && r.role === 'item');
    // a row one level below another has the other's code and two more digits
    const below = new Map<string, Row[]>();
    for (const r of coded) {
      const parentCode = r.code!.slice(0, -2);
      const children = below.get(parentCode);
      if (children) children.push(r);
      else below.set(parentCode, [r]);
    }
    const parents = coded
      .map((parent) => ({ parent, children: below.get(parent.code!) ?? [] }))
      .filter((g) => g.children.length > 0);
    return {
      parents,
      totalRow: rows.find((r) => r.role === 'total'),
      classes: coded.filter((r) => r.code!.length === 3),
    };
  });
}

/** A cell's amount as the model's decimal text; null when empty or absent. */
function cellValue(row: Row, column: string): string | null {
  return row.cells[column]?.value ?? null;
}

/** Records whether a total agrees with its present parts within the rounding their decimals allow (sumAgrees). */
function check(
  row: Row,
  column: string,
  total: string,
  parts: (string | null)[],
  out: IdentityCheck[],
): void {
  const present = parts.filter((v): v is string => v !== null);
  if (present.length === 0) return;
  out.push({ row, column, held: sumAgrees(total, present) });
}

function rowSums(table: Table, out: IdentityCheck[]): void {
  const relations = rowSumRelations(new Set(table.columns.map((c) => c.id)));
  for (const row of table.rows) {
    for (const [totalId, partIds] of relations) {
      const total = cellValue(row, totalId);
      if (total !== null)
        check(
          row,
          totalId,
          total,
          partIds.map((p) => cellValue(row, p)),
          out,
        );
    }
  }
}

function hierarchy(table: Table, out: IdentityCheck[]): void {
  const columns = table.columns.map((c) => c.id);
  const sum = (total: Row, rows: Row[]) => {
    for (const col of columns) {
      const t = cellValue(total, col);
      if (t !== null)
        check(
          total,
          col,
          t,
          rows.map((c) => cellValue(c, col)),
          out,
        );
    }
  };
  for (const { parents, totalRow, classes } of codeGroups(table)) {
    for (const { parent, children } of parents) sum(parent, children);
    if (totalRow && classes.length) sum(totalRow, classes);
  }
}

/** Every by-construction identity the table's reading allows to check. */
export function tableIdentities(table: Table): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  rowSums(table, out);
  hierarchy(table, out);
  return out;
}
