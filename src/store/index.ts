// The repository (SQLite embedded by default, PostgreSQL for servers): one typed API over both.
//
//   const store = await openStore(url?)  // url: --db value, else DATABASE_URL, else ./data/yusuan.db; migrates
//   await store.ingest({ disclosure, files: [{ name, bytes }], parseMs })  // one transaction; idempotent by hash
//   await store.recordFailure({ name, bytes, reason, code })                // a file that could not be read
//   await store.units({ search: '政协', region, limit, offset })            // units with document counts, years
//   await store.unit(id)                     // names, 部门/单位, its documents
//   await store.history(unitId, ['three_public.total', 'code:2010301'])   // a fact over the years
//   await store.documents({ region, year, kind, family, unitId, search, limit, offset })
//   await store.document(id)                 // summary, source files, model (Disclosure), findings
//   await store.compare({ year, facts: ['three_public.total', 'share.basic'], kind, region, unitIds })
//   await store.findings({ rule, severity, year, region, kind, unitId, documentId })
//   for await (const rows of store.factRows(filter)) …  // table cells in 元, one document at a time
//   await store.failures(); await store.stats(); await store.getFile(sha256); await store.reaudit(filter)
//   await store.close()
//
// Amounts are exact decimal text in 元 (never floats). Fact selectors: a named fact of the audit
// (three_public.total / .abroad / .reception / .vehicles, operating_costs.total, expenditure.basic / .project /
// .year_total, income.year_total, economic.personnel / .public, …), share.basic / share.project (percent of
// 基本 + 项目), or code:<classification code>[@table kind][/column id] (default: 支出总表, 合计).
export { openStore, Store, documentKey } from './store.js';
export type { IngestInput, IngestResult, FailureInput, SourceFile } from './store.js';
export { StoreError, locate, maskPassword, DEFAULT_DB } from './connect.js';
export type { Dialect, Location } from './connect.js';
export { sha256 } from './blobs.js';
export { FACT_SELECTORS, parseSelector } from './queries.js';
export type {
  CompareRequest,
  CompareRow,
  DocumentDetail,
  DocumentFilter,
  DocumentSummary,
  FactRow,
  FailureRow,
  FindingFilter,
  FindingRow,
  HistoryFilter,
  HistoryPoint,
  Page,
  Selector,
  StoredFile,
  UnitDetail,
  UnitFilter,
  UnitSummary,
} from './queries.js';
