// The identities a budget table holds by construction (DOMAIN.md §4): 合计 = Σ类, 类 = Σ款, 款 = Σ项, and row sums
// (合计 = 基本 + 项目, 基本 = 人员 + 公用, 合计 = Σ funding sources). The recogniser checks them on what it read to
// judge its own reading: a misread table breaks many of them, a document defect in one cell only a few.
import { Amount, checkSum } from '../model/money.js';
import type { Row, Table } from '../model/schema.js';

/** Row-sum relations: the total column and the columns that add up to it. */
const ROW_SUMS: [string, string[]][] = [
  ['total', ['basic', 'project']],
  ['basic', ['personnel', 'public']],
  ['total', ['personnel', 'public', 'project']],
  ['total', ['personnel', 'public']],
  ['total', ['fiscal', 'business_income', 'operating_income', 'other_income']],
  ['total', ['general_public', 'gov_fund', 'state_capital']],
];

/** One identity checked: where, and whether it held within the printed precision. */
export interface IdentityCheck {
  row: Row;
  column: string;
  held: boolean;
}

function amount(row: Row, column: string, table: Table): Amount | null {
  const v = row.cells[column]?.value;
  return v === undefined || v === null ? null : Amount.of(v, table.unit);
}

function rowSums(table: Table, out: IdentityCheck[]): void {
  const ids = new Set(table.columns.map((c) => c.id));
  for (const row of table.rows) {
    for (const [totalId, sumParts] of ROW_SUMS) {
      let partIds = sumParts;
      if (!ids.has(totalId) || !partIds.every((p) => ids.has(p))) continue;
      // the narrower relations only where the wider columns are absent
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
      if (total === null || parts.length === 0) continue;
      out.push({ row, column: totalId, held: checkSum(total, parts).agreement !== 'mismatch' });
    }
  }
}

function hierarchy(table: Table, out: IdentityCheck[]): void {
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
        const total = amount(parent, col, table);
        const parts = children.map((c) => amount(c, col, table)).filter((a): a is Amount => a !== null);
        if (total === null || parts.length === 0) continue;
        out.push({ row: parent, column: col, held: checkSum(total, parts).agreement !== 'mismatch' });
      }
    }
    const top = coded.filter((r) => r.code!.length === 3);
    const totalRow = rows.find((r) => r.role === 'total');
    if (!totalRow || top.length === 0) continue;
    for (const col of columns) {
      const total = amount(totalRow, col, table);
      const parts = top.map((c) => amount(c, col, table)).filter((a): a is Amount => a !== null);
      if (total === null || parts.length === 0) continue;
      out.push({ row: totalRow, column: col, held: checkSum(total, parts).agreement !== 'mismatch' });
    }
  }
}

/** Every by-construction identity the table's reading allows to check. */
export function tableIdentities(table: Table): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  rowSums(table, out);
  hierarchy(table, out);
  return out;
}
