// The disclosure data model, schema first: static types are inferred from these schemas, the same schemas validate
// untrusted input (JSON/YAML given to `render`) and are exported as JSON Schema into docs/.
import { z } from 'zod';

/** Canonical table kinds (DOMAIN.md §1). */
export const TABLE_KINDS = [
  'summary', // 收支总表
  'revenue', // 收入总表
  'expenditure', // 支出总表
  'fiscal_summary', // 财政拨款收支总表
  'fiscal_expenditure', // 财政拨款支出预算表
  'fiscal_basic', // 财政拨款基本支出预算表
  'general_expenditure', // 一般公共预算支出（功能分类）表
  'general_basic_economic', // 一般公共预算基本支出经济分类表
  'gov_fund_revenue', // 政府性基金预算收入表
  'gov_fund_expenditure', // 政府性基金预算支出表
  'state_capital', // 国有资本经营预算表
  'three_public', // "三公"经费表
  'operating_costs', // 机关运行经费表
  'procurement', // 政府采购表
  'projects', // 项目支出表（本年）
  'projects_carryover', // 项目支出表（上年结转）
  'performance_targets', // 绩效目标表 (as a table, where a family prints one)
] as const;
export const TableKind = z.enum(TABLE_KINDS);
export type TableKind = z.infer<typeof TableKind>;
export const TableKindOrUnknown = z.union([TableKind, z.literal('unknown')]);
export type TableKindOrUnknown = z.infer<typeof TableKindOrUnknown>;

/** Canonical column ids (INTERFACES.md); anything else is `other:<printed header>`. */
export const COLUMN_IDS = [
  'amount',
  'total',
  'current',
  'carryover',
  'basic',
  'personnel',
  'public',
  'project',
  'reserve',
  'fiscal',
  'general_public',
  'gov_fund',
  'state_capital',
  'special_account',
  'unit_funds',
  'business_income',
  'operating_income',
  'other_income',
  // 决算 income sources and uses beside 事业收入 / 基本支出 (收入决算表, 支出决算表 of the national template)
  'superior_subsidy', // 上级补助收入
  'affiliated_remittance', // 附属单位上缴收入
  'remittance_to_superior', // 上缴上级支出
  'operating_expenditure', // 经营支出
  'affiliated_subsidy', // 对附属单位补助支出
  'prior_year',
  'budget',
  'final',
] as const;
export type CanonicalColumnId = (typeof COLUMN_IDS)[number];
/** Columns that split an amount by its source of funds (收入来源), in the order tables print them. */
export const SOURCE_COLUMN_IDS = [
  'general_public',
  'gov_fund',
  'state_capital',
  'special_account',
  'unit_funds',
  'superior_subsidy',
  'business_income',
  'operating_income',
  'affiliated_remittance',
  'other_income',
] as const satisfies readonly CanonicalColumnId[];
/** The three budgets whose money is 财政拨款. */
/** Uses of money that add to 基本支出 + 项目支出 in a total (预留机动经费; the 决算's 上缴上级 / 经营 / 对附属单位). */
export const OTHER_USE_IDS = [
  'reserve',
  'remittance_to_superior',
  'operating_expenditure',
  'affiliated_subsidy',
] as const satisfies readonly CanonicalColumnId[];
export const FISCAL_SOURCE_IDS = [
  'general_public',
  'gov_fund',
  'state_capital',
] as const satisfies readonly CanonicalColumnId[];
export const ColumnId = z.union([z.enum(COLUMN_IDS), z.string().regex(/^other:.*$/)]);
export type ColumnId = z.infer<typeof ColumnId>;

export const MoneyUnit = z.enum(['元', '万元']);

/** An exact decimal as canonical text: "1361.58", "-4.5", "0". Never a binary float. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'exact decimal text such as "1361.58"');
export type DecimalString = z.infer<typeof DecimalString>;

/** Where something came from: 1-based page (line number for plain text), and optional positions. */
export const SourceRef = z.object({
  file: z.string().optional(),
  page: z.number().int().positive(),
  line: z.number().int().positive().optional(),
  /** Left/top of the text run in PDF points (PDF sources only). */
  x: z.number().optional(),
  y: z.number().optional(),
  /** Spreadsheet sheet and cell reference ("A12"). */
  sheet: z.string().optional(),
  cell: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const DocumentKind = z.enum(['unit_budget', 'department_budget', 'unit_final', 'department_final']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Layout families (DOMAIN.md §1). */
/** `unknown`: no family recognised; the document is read generically (titled tables, label paths, amounts). */
export const Family = z.enum([
  'shanxi',
  'shanghai',
  'shanghai_final',
  'central_final',
  'jiangsu',
  'chongqing',
  'generic',
  'unknown',
]);
export type Family = z.infer<typeof Family>;

export const Metadata = z.object({
  /** 单位/部门名称 as printed. */
  unit: z.string(),
  year: z.number().int().min(1990).max(2100),
  kind: DocumentKind,
  family: Family,
  title: z.string().optional(),
  /** 行政单位 / 参公事业单位 / 事业单位, when stated; matters for 机关运行经费 identities. */
  unitType: z.enum(['administrative', 'civil_service_managed', 'institution']).optional(),
  region: z.string().optional(),
  sources: z
    .array(
      z.object({
        file: z.string(),
        format: z.enum(['txt', 'pdf', 'xlsx', 'xls', 'docx', 'json', 'yaml']),
        pages: z.number().int().optional(),
      }),
    )
    .default([]),
});
export type Metadata = z.infer<typeof Metadata>;

export const Paragraph = z.object({ text: z.string(), source: SourceRef.optional() });
export type Paragraph = z.infer<typeof Paragraph>;

/** 概况: duties, organisation, units included. */
export const Overview = z.object({
  duties: z.array(Paragraph).default([]),
  organisation: z.array(Paragraph).default([]),
  /** Units consolidated in a 部门 document (or the unit itself). */
  unitsIncluded: z.array(z.string()).default([]),
  /** Further 概况 items some families print (年度主要工作任务, 编制依据 …). */
  other: z.array(z.object({ title: z.string(), paragraphs: z.array(Paragraph) })).default([]),
});
export type Overview = z.infer<typeof Overview>;

export const TocEntry = z.object({
  title: z.string(),
  /** Printed page number, when the contents list one. */
  page: z.number().int().optional(),
  level: z.number().int().min(1).max(4),
  source: SourceRef.optional(),
});
export type TocEntry = z.infer<typeof TocEntry>;

/** Canonical ids of explanation sections; `other` when not recognised. */
export const SECTION_KINDS = [
  'duties',
  'organisation',
  'changes', // 收支数据变动情况及原因
  'revenue',
  'expenditure',
  'fiscal',
  'general_expenditure',
  'general_scale', // 当年拨款规模变化
  'general_structure', // 当年拨款结构
  'general_basic',
  'three_public',
  'operating_costs',
  'procurement',
  'performance',
  'assets',
  'gov_fund',
  'state_capital',
  'projects', // 项目经费情况说明
  'other_notes', // 其他说明 / 其他相关情况说明
  'glossary',
  'other',
] as const;
export const SectionKind = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof SectionKind>;

/** A numbered part of the document's prose (第三部分 items and their sub-items). */
export const Section = z.object({
  kind: SectionKind,
  /** Printed number: "一", "（一）", "1". */
  number: z.string().optional(),
  title: z.string(),
  /** 1 = 第X部分, 2 = 一、, 3 = （一）, 4 = 1、 */
  level: z.number().int().min(1).max(5),
  /** Title of the enclosing part (第三部分 …), when any. */
  part: z.string().optional(),
  paragraphs: z.array(Paragraph).default([]),
  source: SourceRef.optional(),
});
export type Section = z.infer<typeof Section>;

export const GlossaryEntry = z.object({
  term: z.string(),
  definition: z.string(),
  source: SourceRef.optional(),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

/**
 * How a table was read, and how far the reading can be trusted. The auditor turns findings that rest on a table
 * read with `low` confidence into one reading note for that table (severity policy: an error must be certain).
 */
export const TableReading = z.object({
  /** How the columns were found: the PDF's drawn grid, projection of text positions, a spreadsheet/Word grid, tab-separated text, generated from data, or guessed. */
  method: z.enum(['grid', 'projection', 'sheet', 'text', 'generated', 'guessed']),
  confidence: z.enum(['high', 'low']),
  /** Amounts placed in a recognised column / amounts printed in the table's body. */
  placed: z.number().int().nonnegative(),
  printed: z.number().int().nonnegative(),
  /** The table's own identities (合计 = Σ, 类 = Σ款 …): how many were checked and how many held within rounding. */
  identities: z.object({ checked: z.number().int().nonnegative(), held: z.number().int().nonnegative() }),
  /** Why the confidence is low, in Chinese, one reason per entry. */
  reasons: z.array(z.string()).default([]),
});
export type TableReading = z.infer<typeof TableReading>;

/** One numeric (or empty) cell of a table row. */
export const Cell = z.object({
  /** Exact value in the table's unit; null for an empty cell or a dash. */
  value: DecimalString.nullable(),
  /** Text as printed. */
  printed: z.string(),
  source: SourceRef.optional(),
});
export type Cell = z.infer<typeof Cell>;

export const RowRole = z.enum([
  'item', // an ordinary line: a classification code, an income source, a project
  'total', // 合计 / 部门合计
  'subtotal', // a group subtotal (工资福利支出 in the economic table, 小计)
  'year_total', // 本年收入合计 / 本年支出合计
  'carryover', // 上年结转 (income side)
  'year_end_carryover', // 年终结转 (expenditure side)
  'grand_total', // 收入总计 / 支出总计
  'memo', // "其中：" lines and other rows that do not add up
]);
export type RowRole = z.infer<typeof RowRole>;

export const Column = z.object({
  id: ColumnId,
  /** Header as printed; multi-row headers joined with "/". */
  label: z.string(),
  /** For two-sided summary tables: which side the column belongs to. */
  side: z.enum(['income', 'expenditure']).optional(),
});
export type Column = z.infer<typeof Column>;

export const Row = z.object({
  /** Classification code as one digit string ("2010301"), also when printed in 类/款/项 columns. */
  code: z.string().regex(/^\d+$/).optional(),
  /** Label without enumeration prefix and without whitespace. */
  name: z.string(),
  /** Label as printed. */
  label: z.string(),
  /** Economic rows printed as a pair: the 政府预算经济分类 name beside the 部门 name. */
  governmentName: z.string().optional(),
  /** 1 = 类 / group, 2 = 款, 3 = 项 (from the code length, or from indentation). */
  level: z.number().int().min(0).max(4).optional(),
  /** Code (or name, when uncoded) of the parent row. */
  parent: z.string().optional(),
  role: RowRole.default('item'),
  /** Two-sided summary tables: income or expenditure side. */
  side: z.enum(['income', 'expenditure']).optional(),
  /** Cells by column id. */
  cells: z.record(z.string(), Cell),
  source: SourceRef.optional(),
});
export type Row = z.infer<typeof Row>;

export const Table = z.object({
  kind: TableKindOrUnknown,
  /** Title as printed (with year and unit prefixes). */
  title: z.string(),
  /** Printed number: "表一", "公开01表", "预算公开表10". */
  number: z.string().optional(),
  unit: MoneyUnit,
  /** 单位名称 line above the table, when printed. */
  unitName: z.string().optional(),
  columns: z.array(Column),
  rows: z.array(Row),
  /** Notes printed with the table ("注：本表无数据"). */
  notes: z.array(z.string()).default([]),
  /** True when the table is published without data ("本表无数据" or no values at all). */
  empty: z.boolean().default(false),
  /** How the table was read and how confident the reading is (absent: read from data, trusted). */
  reading: TableReading.optional(),
  source: SourceRef.optional(),
});
export type Table = z.infer<typeof Table>;

/** Funding of a project by source (元), for the whole period or for the year. */
export const Funding = z.object({
  total: DecimalString.nullable(),
  central: DecimalString.nullable().default(null), // 中央财政资金
  provincial: DecimalString.nullable().default(null), // 省级财政资金
  local: DecimalString.nullable().default(null), // 市县（区）财政资金
  selfRaised: DecimalString.nullable().default(null), // 单位自筹
  other: DecimalString.nullable().default(null), // 其他资金
});
export type Funding = z.infer<typeof Funding>;

export const Indicator = z.object({
  level1: z.string(), // 一级指标: 产出指标 / 效益指标 / 满意度指标
  level2: z.string(), // 二级指标: 数量指标 …
  name: z.string(), // 三级指标
  /** Printed value ("≥95%", "≤60万元", "良好定性"). */
  printed: z.string(),
  operator: z.enum(['≥', '≤', '=', '>', '<', '≈']).nullable(),
  /** Numeric part of the value, when there is one. */
  value: DecimalString.nullable(),
  /** Unit of the value ("%", "万元", "次", "个"); "百分号" is read as "%". */
  valueUnit: z.string().nullable(),
  source: SourceRef.optional(),
});
export type Indicator = z.infer<typeof Indicator>;

/** 项目支出绩效目标申报表/填报表: one per project. */
export const PerformanceForm = z.object({
  /** Title as printed, with its issuer ("忻州市市级预算部门（单位）项目支出绩效目标申报表"). */
  title: z.string().optional(),
  project: z.string(),
  /** 主管部门及代码: "103-忻州市人民政府办公室". */
  department: z.object({ code: z.string().optional(), name: z.string() }).optional(),
  implementingUnit: z.string().optional(),
  /** 项目属性 / 项目性质: 经常性项目（长期开展）… */
  nature: z.string().optional(),
  /** 项目期 as printed ("4年"), and in years when it can be read. */
  period: z.string().optional(),
  periodYears: z.number().optional(),
  /** Amounts of the form, always in the form's unit (元 in the Shanxi family). */
  unit: MoneyUnit.default('元'),
  funding: z.object({ period: Funding, year: Funding }),
  overview: z.string().optional(), // 项目概况
  basis: z.string().optional(), // 立项依据
  necessity: z.string().optional(), // 项目设立必要性
  measures: z.string().optional(), // 保证项目实施的制度、措施
  plan: z.string().optional(), // 项目实施计划
  goals: z.object({ period: z.string().optional(), year: z.string().optional() }),
  indicators: z.object({ period: z.array(Indicator), year: z.array(Indicator) }),
  contacts: z.object({
    responsible: z.string().optional(),
    handler: z.string().optional(),
    phone: z.string().optional(),
  }),
  /** 填报日期 as printed ("20221103153701"). */
  filingDate: z.string().optional(),
  source: SourceRef.optional(),
});
export type PerformanceForm = z.infer<typeof PerformanceForm>;

/** Something the importer could not read or had to repair; the auditor reports it. */
export const ImportNote = z.object({
  level: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  source: SourceRef.optional(),
});
export type ImportNote = z.infer<typeof ImportNote>;

export const Disclosure = z.object({
  schemaVersion: z.literal(1).default(1),
  metadata: Metadata,
  overview: Overview.default({ duties: [], organisation: [], unitsIncluded: [], other: [] }),
  contents: z.array(TocEntry).default([]),
  sections: z.array(Section).default([]),
  glossary: z.array(GlossaryEntry).default([]),
  tables: z.array(Table).default([]),
  performanceForms: z.array(PerformanceForm).default([]),
  importNotes: z.array(ImportNote).default([]),
});
export type Disclosure = z.infer<typeof Disclosure>;
export type DisclosureInput = z.input<typeof Disclosure>;
