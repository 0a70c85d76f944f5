// The identities that hold by construction in every budget table (DOMAIN.md §4): 类 = Σ款, 款 = Σ项, 合计 = Σ类,
// and row sums (合计 = 基本 + 项目, 人员 + 公用, Σ sources). Returns one line per violation beyond rounding.
import { Amount, checkSum } from '../../src/model/money.js';
import type { Disclosure, Row, Table } from '../../src/model/schema.js';
import { cellAmount, codeGroups, rowSumRelations } from '../../src/recognize/identities.js';

function label(table: Table, row: Row): string {
  return `p${row.source?.page ?? table.source?.page ?? '?'} ${table.kind} ${row.code ?? ''}${row.name}`;
}

// Missing totals count as zero here (the test's stricter reading), unlike the recogniser's confidence check.
function checkRowSums(table: Table, out: string[]): void {
  const relations = rowSumRelations(new Set(table.columns.map((c) => c.id)));
  for (const row of table.rows) {
    for (const [totalId, partIds] of relations) {
      const total = cellAmount(row, totalId, table);
      const parts = partIds.map((p) => cellAmount(row, p, table)).filter((a): a is Amount => a !== null);
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
  for (const { parents, totalRow, classes } of codeGroups(table)) {
    for (const { parent, children } of parents) {
      for (const col of columns) {
        const total = cellAmount(parent, col, table) ?? Amount.zero(table.unit);
        const parts = children.map((c) => cellAmount(c, col, table)).filter((a): a is Amount => a !== null);
        if (parts.length === 0 && total.isZero()) continue;
        const r = checkSum(total, parts);
        if (r.agreement === 'mismatch')
          out.push(`${label(table, parent)}: ${col} ${total} ≠ Σ下级 ${r.expected}`);
      }
    }
    if (!totalRow || classes.length === 0) continue;
    for (const col of columns) {
      const total = cellAmount(totalRow, col, table);
      if (total === null) continue;
      const parts = classes.map((c) => cellAmount(c, col, table)).filter((a): a is Amount => a !== null);
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
