// A disclosure and its audit as rows: table cells in 元, named facts, findings, and summary columns.
import { Decimal } from '../model/money.js';
import type { Disclosure } from '../model/schema.js';
import type { Finding } from '../audit/index.js';
import { computeFacts } from '../audit/facts.js';
import type { FactTable, FindingTable, NamedFactTable } from './schema.js';

const YUAN_PER: Record<string, number> = { 元: 1, 万元: 10_000 };

export function toYuan(value: string, unit: string): string {
  return new Decimal(value).times(YUAN_PER[unit] ?? 1).toFixed();
}

/** Every numeric cell, in document order. */
export function factRows(documentId: number, doc: Disclosure): FactTable[] {
  const out: FactTable[] = [];
  doc.tables.forEach((table, tableIndex) => {
    table.rows.forEach((row, rowIndex) => {
      for (const [column, cell] of Object.entries(row.cells)) {
        if (cell.value == null) continue;
        out.push({
          document_id: documentId,
          table_index: tableIndex,
          table_kind: table.kind,
          table_title: table.title,
          row_index: rowIndex,
          row_code: row.code ?? null,
          row_name: row.name,
          row_label: row.label,
          side: row.side ?? null,
          column_id: column,
          value: new Decimal(cell.value).toFixed(),
          unit: table.unit,
          amount: toYuan(cell.value, table.unit),
          page: cell.source?.page ?? row.source?.page ?? null,
        });
      }
    });
  });
  return out;
}

/** The audit's named facts (三公 and its parts, 机关运行经费, 基本/项目支出 …) in 元. */
export function namedFactRows(documentId: number, doc: Disclosure): NamedFactTable[] {
  const facts = computeFacts(doc);
  const out: NamedFactTable[] = [];
  for (const fact of facts.byId.values()) {
    out.push({
      document_id: documentId,
      fact: fact.id,
      label: fact.label,
      amount: fact.amount ? fact.amount.to('元').value.toFixed() : null,
      table_kind: fact.table.kind,
      row_code: fact.row?.code ?? null,
      row_name: fact.row?.name ?? null,
      column_id: fact.column ?? null,
      page: fact.row?.source?.page ?? fact.table.source?.page ?? null,
    });
  }
  return out;
}

export function findingRows(documentId: number, findings: readonly Finding[]): FindingTable[] {
  return findings.map((f, position) => ({
    document_id: documentId,
    position,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    table_kind: f.table,
    row_code: f.row_code ?? null,
    row_name: f.row_name ?? null,
    column_id: f.column ?? null,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    page: f.page ?? null,
    line: f.line ?? null,
    section: f.section ?? null,
    excerpt: f.excerpt ?? null,
  }));
}

/** How far the reading can be trusted, for lists: partial (cut off), low (a table read uncertainly) or high. */
export function confidenceOf(doc: Disclosure): { confidence: string; tables: number; low: number } {
  const low = doc.tables.filter((t) => t.reading?.confidence === 'low').length;
  const partial = doc.importNotes.some((n) => n.level === 'error');
  return { confidence: partial ? 'partial' : low ? 'low' : 'high', tables: doc.tables.length, low };
}
