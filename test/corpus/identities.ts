// The identities that hold by construction in every budget table (DOMAIN.md §4): 类 = Σ款, 款 = Σ项, 合计 = Σ类,
// and row sums (合计 = 基本 + 项目, 人员 + 公用, Σ sources). Returns one line per violation beyond rounding.
import { Amount, checkSum } from '../../src/model/money.js';
import type { Disclosure, Row, Table } from '../../src/model/schema.js';

/** Row-sum relations: the total column and the columns that add up to it. */
const ROW_SUMS: [string, string[]][] = [
  ['total', ['basic', 'project']],
  ['basic', ['personnel', 'public']],
  ['total', ['personnel', 'public', 'project']],
  ['total', ['personnel', 'public']],
  ['total', ['fiscal', 'business_income', 'operating_income', 'other_income']],
  ['total', ['general_public', 'gov_fund', 'state_capital']],
];

function amount(row: Row, column: string, table: Table): Amount | null {
  const v = row.cells[column]?.value;
  return v === undefined || v === null ? null : Amount.of(v, table.unit);
}

function label(table: Table, row: Row): string {
  return `p${row.source?.page ?? table.source?.page ?? '?'} ${table.kind} ${row.code ?? ''}${row.name}`;
}

function checkRowSums(table: Table, out: string[]): void {
  const ids = new Set(table.columns.map((c) => c.id));
  for (const row of table.rows) {
    for (const [totalId, sumParts] of ROW_SUMS) {
      let partIds = sumParts;
      if (!ids.has(totalId) || !partIds.every((p) => ids.has(p))) continue;
      // the narrower relation (人员+公用 without 项目) only where no 项目/基本 column exists
      if (
        totalId === 'total' &&
        partIds.length === 2 &&
        partIds[0] === 'personnel' &&
        (ids.has('project') || ids.has('basic'))
      )
        continue;
      if (totalId === 'total' && partIds.includes('personnel') && ids.has('basic')) continue;
      // 单位预留机动经费 (Jiangsu) is the third part of 合计 beside 基本支出 and 项目支出
      if (totalId === 'total' && partIds[0] === 'basic' && ids.has('reserve'))
        partIds = [...partIds, 'reserve'];
      const total = amount(row, totalId, table);
      const parts = partIds.map((p) => amount(row, p, table)).filter((a): a is Amount => a !== null);
      if (total === null && parts.length === 0) continue;
      const t = total ?? Amount.zero(table.unit);
      const r = checkSum(t, parts);
      if (r.agreement === 'mismatch')
        out.push(`${label(table, row)}: ${totalId} ${t} ≠ ${partIds.join('+')} ${r.expected}`);
    }
  }
}

function checkHierarchy(table: Table, out: string[]): void {
  const columns = table.columns.map((c) => c.id);
  const bySide = new Map<string, Row[]>();
  for (const row of table.rows) {
    const key = row.side ?? '';
    bySide.set(key, [...(bySide.get(key) ?? []), row]);
  }
  for (const rows of bySide.values()) {
    const coded = rows.filter((r) => r.code && r.role === 'item');
    for (const parent of coded) {
      const code = parent.code!;
      const children = coded.filter((r) => r.code!.length === code.length + 2 && r.code!.startsWith(code));
      if (children.length === 0) continue;
      for (const col of columns) {
        const total = amount(parent, col, table) ?? Amount.zero(table.unit);
        const parts = children.map((c) => amount(c, col, table)).filter((a): a is Amount => a !== null);
        if (parts.length === 0 && total.isZero()) continue;
        const r = checkSum(total, parts);
        if (r.agreement === 'mismatch')
          out.push(`${label(table, parent)}: ${col} ${total} ≠ Σ下级 ${r.expected}`);
      }
    }
    const top = coded.filter((r) => r.code!.length === 3);
    const totalRow = rows.find((r) => r.role === 'total');
    if (!totalRow || top.length === 0) continue;
    for (const col of columns) {
      const total = amount(totalRow, col, table);
      if (total === null) continue;
      const parts = top.map((c) => amount(c, col, table)).filter((a): a is Amount => a !== null);
      const r = checkSum(total, parts);
      if (r.agreement === 'mismatch')
        out.push(`${label(table, totalRow)}: ${col} ${total} ≠ Σ类 ${r.expected}`);
    }
  }
}

/** Every violation of a by-construction identity in the document's tables. */
export function identityViolations(d: Disclosure): string[] {
  const out: string[] = [];
  for (const table of d.tables) {
    checkRowSums(table, out);
    checkHierarchy(table, out);
  }
  return out;
}
