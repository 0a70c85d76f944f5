// The repository's tables as Kysely sees them. Amounts are exact decimal text on both engines: PostgreSQL keeps
// them in `numeric` (the driver returns numeric as text), SQLite in `text` (its NUMERIC affinity would turn them
// into binary floats).
import type { Generated } from 'kysely';

/** An exact decimal amount: written and read as canonical text ("1361.58"). */
export type DecimalColumn = string;
/** A timestamp as ISO-8601 text (one representation on both engines). */
export type TimeColumn = string;

export interface UnitTable {
  id: Generated<number>;
  /** normalizeUnit(name): what identifies the unit across spellings. */
  key: string;
  /** The latest printed name. */
  name: string;
  region: string | null;
  /** The 部门 this unit belongs to (set from a 部门 document's list of units included). */
  parent_id: number | null;
}

export interface UnitNameTable {
  /** A printed spelling, normalised. */
  key: string;
  unit_id: number;
  name: string;
}

export interface FileTable {
  sha256: string;
  /** File name as first given (without folders). */
  name: string;
  size: number;
  format: string;
  stored_at: TimeColumn;
}

/** Original bytes in PostgreSQL (SQLite keeps them on disk beside the database file). */
export interface FileContentTable {
  sha256: string;
  content: Uint8Array;
}

export interface DocumentTable {
  id: Generated<number>;
  /** SHA-256 of the sorted source hashes: one document per set of source files. */
  key: string;
  unit_id: number;
  /** 单位/部门名称 as printed. */
  unit_name: string;
  year: number;
  kind: string;
  family: string;
  region: string | null;
  title: string | null;
  /** Tables read / of them read with low confidence. */
  tables: number;
  tables_low: number;
  /** 'high' when every table was read with confidence, 'low' otherwise, 'partial' when the file was cut off. */
  confidence: string;
  parse_ms: number;
  model: string;
  stored_at: TimeColumn;
  audited_at: TimeColumn;
  errors: number;
  warnings: number;
  infos: number;
}

export interface DocumentFileTable {
  document_id: number;
  sha256: string;
  position: number;
}

/** One numeric cell of a table, as INTERFACES.md's `--format cells` row, with its amount in 元. */
export interface FactTable {
  document_id: number;
  table_index: number;
  table_kind: string;
  table_title: string;
  row_index: number;
  row_code: string | null;
  row_name: string;
  row_label: string;
  /** Two-sided summary tables: 'income' or 'expenditure'. */
  side: string | null;
  column_id: string;
  /** Value in the table's unit as printed, and that unit. */
  value: DecimalColumn;
  unit: string;
  /** The same amount in 元. */
  amount: DecimalColumn;
  page: number | null;
}

/** A named fact of the audit (三公 total, 机关运行经费, 基本支出 …) in 元: what comparisons are made on. */
export interface NamedFactTable {
  document_id: number;
  fact: string;
  label: string;
  amount: DecimalColumn | null;
  table_kind: string;
  row_code: string | null;
  row_name: string | null;
  column_id: string | null;
  page: number | null;
}

export interface FindingTable {
  document_id: number;
  position: number;
  rule: string;
  severity: string;
  message: string;
  table_kind: string | null;
  row_code: string | null;
  row_name: string | null;
  column_id: string | null;
  expected: string | null;
  actual: string | null;
  page: number | null;
  line: number | null;
  section: string | null;
  excerpt: string | null;
}

/** A file that could not be stored, with the reason (kept until a later run stores it). */
export interface FailureTable {
  sha256: string;
  name: string;
  reason: string;
  code: string;
  failed_at: TimeColumn;
}

/** A volume parsed by a queue worker whose partner has not been read yet. */
export interface StagedVolumeTable {
  sha256: string;
  name: string;
  model: string;
  parse_ms: number;
  staged_at: TimeColumn;
}

export interface Database {
  staged_volumes: StagedVolumeTable;
  units: UnitTable;
  unit_names: UnitNameTable;
  files: FileTable;
  file_contents: FileContentTable;
  documents: DocumentTable;
  document_files: DocumentFileTable;
  facts: FactTable;
  named_facts: NamedFactTable;
  findings: FindingTable;
  failures: FailureTable;
}
