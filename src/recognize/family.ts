// Families: the provincial layouts of disclosures (DOMAIN.md §1). A family module contributes vocabulary (title
// variants, column aliases, row roles, section titles) and a detector; the recogniser core merges the detected
// family's vocabulary in front of the common one and never names a family itself.
import type { MoneyUnit } from '../model/money.js';
import type { DocumentKind, Family, TableKind } from '../model/schema.js';
import {
  COLUMN_ALIASES,
  HEADER_WORDS,
  ROW_ROLES,
  SECTION_KINDS_BY_TITLE,
  TABLE_SHAPES,
  TABLE_TITLES,
  type ColumnAlias,
  type RowRolePattern,
  type SectionPattern,
  type TableShape,
  type TitlePattern,
} from './vocabulary.js';

/** What the detector sees: the document's lines as text (cells joined by tabs), in order. */
export interface DocumentText {
  lines: readonly string[];
  /** All lines joined by newlines, for quick `includes`/regex tests. */
  all: string;
}

export interface FamilyModule {
  id: Family;
  /** How strongly the content looks like this family: 0 = not at all; the highest score wins. */
  detect(doc: DocumentText): number;
  /** Title variants checked before the common ones. */
  tableTitles?: TitlePattern[];
  /** Header aliases checked before the common ones. */
  columnAliases?: ColumnAlias[];
  /**
   * Header words that name a column without a canonical id (read as `other:<header>`), so that a header row
   * holding them is still recognised as a header. Never label headers: those come from LABEL_HEADERS.
   */
  headerWords?: RegExp[];
  rowRoles?: RowRolePattern[];
  sectionKinds?: SectionPattern[];
  tableShapes?: Partial<Record<TableKind, TableShape>>;
  /**
   * Tables every document of the family publishes (missing ones become import notes and audit errors); a table
   * the family publishes only sometimes is not listed. Read through `familyRequiredTables`.
   */
  requiredTables?: TableKind[];
  /**
   * Which documents the layout is for: 预算 (the default) or 决算. A document of the other kind read with the
   * family's vocabulary is held to the national list of its kind, not to the family's.
   */
  documents?: 'budget' | 'final';
  /** Unit of tables that print none. */
  defaultUnit?: MoneyUnit;
  /** Whether the family publishes performance-target forms (one per project). */
  performanceForms?: boolean;
  /**
   * Whether the family's PDFs print one grid row over several lines (amounts vertically centred apart from codes
   * and names, as the ONLYOFFICE-made Shanghai 决算 does): such lines are folded back into rows (split-rows.ts).
   * Unset (every family today): decided per table — folded when the folded rows hold the table's identities better
   * (a lone amount between the two lines of a wrapped label, Jiangsu, stays unfolded).
   */
  splitRows?: boolean;
  /** The reviewer's checklist (公开情况检查表) of the family's documents: items in print order. */
  checklist?: ChecklistSpec;
}

/**
 * One item of a reviewer's checklist: a part of the document; `tables` stands for one row per required table
 * (`requiredTables`, named by `tableNames`).
 */
export type ChecklistPart =
  | 'timeliness' // 及时性
  | 'cover' // 封面
  | 'contents' // 目录
  | 'duties' // 主要职能
  | 'organisation' // 机构设置
  | 'glossary' // 名词解释
  | 'explanation' // 预算编制说明 / 情况说明
  | 'tables'
  | 'other_notes' // 其他相关说明
  | 'projects' // 项目经费情况说明
  | 'performance'; // 绩效目标

/** `{主体}` in a label or table name stands for 单位 or 部门, by the document's kind. */
export interface ChecklistSpec {
  items: ChecklistPart[];
  /** Items that only these kinds of document have (项目经费情况说明: 部门预算). */
  only?: Partial<Record<ChecklistPart, DocumentKind[]>>;
  /** Items listed only when the document prints them or a finding concerns them (绩效目标 forms "sometimes"). */
  whenPresent?: ChecklistPart[];
  /** Labels that differ from the common ones. */
  labels?: Partial<Record<ChecklistPart, string>>;
  /** Official table names, without 《》. */
  tableNames: Partial<Record<TableKind, string>>;
}

/** The nine tables of the national 部门决算 template (财政部), by their official names. */
export const FINAL_TABLE_NAMES: Partial<Record<TableKind, string>> = {
  summary: '收入支出决算总表',
  revenue: '收入决算表',
  expenditure: '支出决算表',
  fiscal_summary: '财政拨款收入支出决算总表',
  general_expenditure: '一般公共预算财政拨款支出决算表',
  general_basic_economic: '一般公共预算财政拨款基本支出决算表',
  three_public: '财政拨款“三公”经费支出决算表',
  gov_fund_expenditure: '政府性基金预算财政拨款收入支出决算表',
  state_capital: '国有资本经营预算财政拨款支出决算表',
};

/**
 * The tables every budget publishes whatever its layout (财预〔2016〕143号; DOMAIN.md §1): the fallback of the
 * `generic` family. Tables some layouts add (财政拨款支出, 机关运行经费, 政府采购, 项目支出 …) are not in it.
 */
export const COMMON_BUDGET_TABLES: readonly TableKind[] = [
  'summary',
  'revenue',
  'expenditure',
  'fiscal_summary',
  'general_expenditure',
  'general_basic_economic',
  'three_public',
];

/** The vocabulary in force for one document: the family's entries first, then the common ones. */
export interface Vocabulary {
  family: Family;
  tableTitles: TitlePattern[];
  columnAliases: ColumnAlias[];
  headerWords: RegExp[];
  rowRoles: RowRolePattern[];
  sectionKinds: SectionPattern[];
  tableShapes: Partial<Record<TableKind, TableShape>>;
  requiredTables: TableKind[];
  defaultUnit: MoneyUnit;
  performanceForms: boolean;
  /** Fold grid rows printed over several lines: as the family says, else `auto` (per table, table.ts). */
  splitRows: boolean | 'auto';
}

const registry: FamilyModule[] = [];

/** Adds a family module (families/index.ts registers every module once). */
export function registerFamily(family: FamilyModule): void {
  if (!registry.some((f) => f.id === family.id)) registry.push(family);
}

export function registeredFamilies(): readonly FamilyModule[] {
  return registry;
}

/**
 * The tables a document of this family and kind must publish, the one list the recogniser's notes, the auditor and
 * the checklist share. A registered family gives its own list (for the kind of document it is for); `generic` and a
 * document of the other kind get the national list of their kind (预算: COMMON_BUDGET_TABLES; 决算: the nine tables
 * of the national 部门决算 template); `unknown` and a family without a module have none: which tables a layout we do
 * not know must publish is not known either.
 */
export function familyRequiredTables(family: string, kind?: DocumentKind): TableKind[] {
  const final = kind?.endsWith('_final') ?? false;
  const national = final ? (Object.keys(FINAL_TABLE_NAMES) as TableKind[]) : [...COMMON_BUDGET_TABLES];
  const module = registry.find((f) => f.id === family);
  if (!module) return family === 'generic' ? national : [];
  if (kind && (module.documents === 'final') !== final) return national;
  return [...(module.requiredTables ?? [])];
}

/** Picks the family with the highest positive score; `generic` when none claims the document. */
export function detectFamily(doc: DocumentText): FamilyModule | null {
  let best: FamilyModule | null = null;
  let bestScore = 0;
  for (const f of registry) {
    const score = f.detect(doc);
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}

export function vocabularyOf(family: FamilyModule | null): Vocabulary {
  return {
    family: family?.id ?? 'unknown',
    tableTitles: [...(family?.tableTitles ?? []), ...TABLE_TITLES],
    columnAliases: [...(family?.columnAliases ?? []), ...COLUMN_ALIASES],
    headerWords: [...(family?.headerWords ?? []), ...HEADER_WORDS],
    rowRoles: [...(family?.rowRoles ?? []), ...ROW_ROLES],
    sectionKinds: [...(family?.sectionKinds ?? []), ...SECTION_KINDS_BY_TITLE],
    tableShapes: { ...TABLE_SHAPES, ...(family?.tableShapes ?? {}) },
    requiredTables: family?.requiredTables ?? [],
    defaultUnit: family?.defaultUnit ?? '万元',
    performanceForms: family?.performanceForms ?? false,
    splitRows: family?.splitRows ?? 'auto',
  };
}
