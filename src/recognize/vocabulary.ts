// Family-independent vocabulary of disclosures, as data: how table titles, column headers, row labels, section
// titles and performance-form fields are worded. Family modules (families/*.ts) add their own variants; the
// recogniser's logic only consults these lists.
import type { CanonicalColumnId, RowRole, SectionKind, TableKind } from '../model/schema.js';

/** A table kind recognised from its (normalised) title. The first matching pattern wins. */
export interface TitlePattern {
  kind: TableKind;
  pattern: RegExp;
}

/** A column header (compact, without a leading year) that maps to a canonical column id. */
export interface ColumnAlias {
  id: CanonicalColumnId;
  pattern: RegExp;
}

export interface RowRolePattern {
  role: RowRole;
  pattern: RegExp;
  /** Restricts the pattern to one side of a two-sided table. */
  side?: 'income' | 'expenditure';
}

export interface SectionPattern {
  kind: SectionKind;
  pattern: RegExp;
}

/** What a table of a kind must show in its header to be confirmed (any of `anyColumn`; two sides). */
export interface TableShape {
  anyColumn?: CanonicalColumnId[];
  twoSided?: boolean;
}

/** Order matters: more specific titles first. */
export const TABLE_TITLES: TitlePattern[] = [
  { kind: 'projects_carryover', pattern: /项目支出.*表.*上年结转|上年结转.*项目支出.*表/ },
  { kind: 'performance_targets', pattern: /绩效目标.*表/ },
  { kind: 'projects', pattern: /项目支出.*表|项目(经费|支出)?明细表/ },
  { kind: 'three_public', pattern: /三公/ },
  { kind: 'operating_costs', pattern: /机关运行经费/ },
  { kind: 'procurement', pattern: /政府采购/ },
  { kind: 'gov_fund_expenditure', pattern: /政府性基金.*收入支出|政府性基金.*支出/ },
  { kind: 'gov_fund_revenue', pattern: /政府性基金.*收入/ },
  { kind: 'state_capital', pattern: /国有资本经营/ },
  // 财政拨款 without 一般公共预算: all three budgets' money (财政拨款基本支出预算表（经济科目）)
  { kind: 'fiscal_basic', pattern: /^(?!.*一般公共预算).*财政拨款基本支出/ },
  { kind: 'general_basic_economic', pattern: /一般公共预算.*基本支出|基本支出.*经济(分类|科目)/ },
  { kind: 'general_expenditure', pattern: /一般公共预算.*支出/ },
  { kind: 'fiscal_basic', pattern: /财政拨款.*基本支出/ },
  { kind: 'fiscal_summary', pattern: /财政拨款.*收.*支.*总表|财政拨款收支/ },
  { kind: 'fiscal_expenditure', pattern: /财政拨款.*支出/ },
  { kind: 'summary', pattern: /收.*支.*总表|收支(预算|决算)?表/ },
  { kind: 'revenue', pattern: /收入.*表/ },
  { kind: 'expenditure', pattern: /支出.*表/ },
];

/** Header shapes that confirm a title (DOMAIN.md §2). */
export const TABLE_SHAPES: Partial<Record<TableKind, TableShape>> = {
  summary: { twoSided: true },
  fiscal_summary: { twoSided: true },
  revenue: {
    anyColumn: ['general_public', 'gov_fund', 'state_capital', 'special_account', 'unit_funds', 'fiscal'],
  },
  expenditure: { anyColumn: ['basic', 'project'] },
  general_expenditure: { anyColumn: ['basic', 'project', 'total', 'final'] },
  gov_fund_expenditure: { anyColumn: ['basic', 'project', 'total', 'final'] },
  fiscal_expenditure: { anyColumn: ['basic', 'project'] },
  // a basic-expenditure economic table may print its one amount column as 基本支出
  general_basic_economic: { anyColumn: ['personnel', 'public', 'total', 'final', 'basic'] },
  fiscal_basic: { anyColumn: ['personnel', 'public', 'total', 'basic'] },
};

/** Parenthesised qualifiers that do not change a table's kind. */
export const TITLE_NOISE: RegExp[] = [/[（(]不含上年结转[)）]/g, /[（(]按功能分类[)）]/g];

/** A printed table number on its own line or before the title: 表一, 公开01表, 预算公开表10, 部门公开表9, 公开表二, 附表1. */
export const TABLE_NUMBER =
  /^((?:预算|部门|单位|决算)?公开表\s*[一二三四五六七八九十\d]+|表\s*[一二三四五六七八九十\d]+|公开\s*\d+\s*表|附表\s*[一二三四五六七八九十\d]+)(?:[:：\s]|$)/;

export const COLUMN_ALIASES: ColumnAlias[] = [
  { id: 'total', pattern: /^(合计|小计|总计|预算合计|本年合计|金额合计|本年(收入|支出)合计)$/ },
  { id: 'current', pattern: /^(当年|本年)(预算)?(安排|拨款|财政拨款)?$|^当年预算数$/ },
  { id: 'carryover', pattern: /^上年(财政拨款)?结转(结余)?(安排|资金)?$|^年初结转(和)?结余$/ },
  { id: 'basic', pattern: /^基本支出$/ },
  { id: 'personnel', pattern: /^人员(经费|支出)$/ },
  { id: 'public', pattern: /^公用(经费|支出)$/ },
  { id: 'project', pattern: /^项目支出$/ },
  { id: 'reserve', pattern: /预留机动经费$/ },
  { id: 'fiscal', pattern: /^财政拨款(收入|合计)?$/ },
  { id: 'general_public', pattern: /^一般公共预算(拨款|资金)?(收入)?$|^一般公共预算财政拨款$/ },
  { id: 'gov_fund', pattern: /^政府性基金(预算)?(财政)?(拨款|资金)?(收入)?$/ },
  { id: 'state_capital', pattern: /^国有资本经营预算(财政)?(拨款|资金)?(收入)?$/ },
  { id: 'special_account', pattern: /财政专户管理(的)?(资金|事业收入)(收入)?$/ },
  { id: 'unit_funds', pattern: /^单位资金$/ },
  { id: 'business_income', pattern: /^事业收入$/ },
  { id: 'operating_income', pattern: /^(事业单位)?经营收入$/ },
  { id: 'other_income', pattern: /^其他收入$/ },
  { id: 'superior_subsidy', pattern: /^上级补助收入$/ },
  { id: 'affiliated_remittance', pattern: /^附属单位上缴收入$/ },
  { id: 'remittance_to_superior', pattern: /^上缴上级支出$/ },
  { id: 'operating_expenditure', pattern: /^经营支出$/ },
  { id: 'affiliated_subsidy', pattern: /^对附属单位补助支出$/ },
  { id: 'prior_year', pattern: /^上年(预算|决算)?数?$/ },
  { id: 'budget', pattern: /^年初预算(数)?$/ },
  { id: 'final', pattern: /^决算(数)?$/ },
  { id: 'amount', pattern: /^(金额|预算数|本年预算数|预算金额|数额|)$|收入预算$/ },
];

/**
 * Header words of the national templates that name a column without a canonical id (read as `other:<header>`), so
 * that a header row holding them is recognised as a header. Never label headers: those come from LABEL_HEADERS.
 */
export const HEADER_WORDS: RegExp[] = [
  // 支出预算总表 beside 单位预留机动经费; 决算 funds tables: 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余
  /^结转下年资金$/,
  /^年末结转和结余$/,
];

/** Headers of the label columns (codes and names), compact. */
export const LABEL_HEADERS: {
  role: 'code' | 'codePart' | 'name' | 'governmentName' | 'numbering';
  pattern: RegExp;
}[] = [
  // the row numbers some templates print beside each label (行次 1, 2, 3 … of a 收入支出决算总表): never amounts
  { role: 'numbering', pattern: /^行次$/ },
  { role: 'governmentName', pattern: /^政府(预算)?(支出)?经济(分类)?科目(名称)?$/ },
  // "科目编码" and its 类/款/项 sub-header sometimes come merged out of a PDF ("支出功能分类科目编码款")
  { role: 'codePart', pattern: /^[类款项]$|(编码|代码)[类款项]$/ },
  { role: 'code', pattern: /(科目|分类)(编码|代码)$|^(科目)?编码$|^功能分类科目编码$/ },
  {
    role: 'name',
    pattern:
      /^项目(名称)?$|(科目|分类)(名称)?$|^(单位|部门)名称$|^部门(预算)?(支出)?经济(分类)?科目(名称)?$|^项目[（(].*[)）]$/,
  },
];

/** Header words that group columns (no data of their own). */
export const GROUP_HEADERS =
  /^(收入|支出|本年收入|本年支出|财政拨款|预算数|决算数|栏次|行次|项目|科目|支出功能分类科目|支出经济分类科目|金额|功能分类|经济分类|(一般公共预算|政府性基金|国有资本经营)(预算)?(收入|支出)(预算)?)$/;

/** A header cell that states which side of a two-sided table its columns belong to. */
export function sideOfHeader(text: string): 'income' | 'expenditure' | null {
  if (/收入$|^收入/.test(text) && !/支出/.test(text)) return 'income';
  if (/支出$|^支出/.test(text) && !/收入/.test(text)) return 'expenditure';
  return null;
}

export const ROW_ROLES: RowRolePattern[] = [
  { role: 'year_total', pattern: /^本年(收入|支出)(合计|小计)$/ },
  { role: 'grand_total', pattern: /^(收入|支出)总计$/ },
  {
    role: 'carryover',
    // 决算: 年初结转和结余, and 使用非财政拨款结余 beside it, add to the year's income in 总计
    pattern:
      /^上年(财政拨款)?结转(结余)?$|^上年结余$|^用事业基金弥补收支差额$|^年初(财政拨款)?结转和结余$|^使用非财政拨款结余$/,
    side: 'income',
  },
  {
    role: 'year_end_carryover',
    pattern: /^年终结转(结余)?$|^结转下年$|^年末(财政拨款)?结转和结余$|^结余分配$/,
  },
  { role: 'total', pattern: /^(合计|总计|部门合计|单位合计|支出合计|收入合计)$/ },
  { role: 'subtotal', pattern: /^小计$/ },
];

/** Explanation section kinds by title; the first match wins, so narrower titles come first. */
export const SECTION_KINDS_BY_TITLE: SectionPattern[] = [
  { kind: 'glossary', pattern: /名词解释|名称解释/ },
  { kind: 'duties', pattern: /职责|职能|主要任务/ },
  { kind: 'organisation', pattern: /机构设置|单位构成|部门构成|机构情况/ },
  { kind: 'general_scale', pattern: /拨款规模/ },
  { kind: 'general_structure', pattern: /拨款结构/ },
  { kind: 'three_public', pattern: /三公/ },
  { kind: 'operating_costs', pattern: /机关运行经费/ },
  { kind: 'procurement', pattern: /政府采购/ },
  { kind: 'assets', pattern: /国有资产/ },
  { kind: 'performance', pattern: /绩效/ },
  { kind: 'projects', pattern: /项目经费/ },
  { kind: 'gov_fund', pattern: /政府性基金/ },
  { kind: 'state_capital', pattern: /国有资本经营/ },
  { kind: 'general_basic', pattern: /一般公共预算.*基本支出/ },
  { kind: 'general_expenditure', pattern: /一般公共预算.*支出/ },
  { kind: 'fiscal', pattern: /财政拨款/ },
  { kind: 'changes', pattern: /变动|收.*支.*总体情况|收支预算总体|收支(预算|决算)?总表.*说明|预算编制说明/ },
  { kind: 'revenue', pattern: /收入(预算|决算)?(情况|总表)/ },
  { kind: 'expenditure', pattern: /支出(预算|决算)?(情况|总表)/ },
  { kind: 'other_notes', pattern: /其他(相关)?(情况)?说明|其他重要事项/ },
];

/** Title words of the parts of a document (第X部分 …). */
export const PART_HEADING = /^第[一二三四五六七八九十]+部分/;

/** Performance-target forms (项目支出绩效目标申报表/填报表). */
export const FORM_TITLE = /绩效目标(申报|填报|申请)?表/;

/** Labels of performance-form fields, compact. */
export const FORM_FIELDS = {
  project: /^项目名称[:：]?$/,
  department: /^主管部门(及代码)?[:：]?$/,
  implementingUnit: /^实施单位[:：]?$/,
  nature: /^项目(属性|性质|类型)[:：]?$/,
  period: /^项目(期|周期|实施期)[:：]?$/,
  funding: /^项目资金[（(]?(万?元)?[)）]?[:：]?$/,
  overview: /^项目概况[:：]?$/,
  basis: /^立项依据[:：]?$/,
  necessity: /^项目设立(的)?必要性[:：]?$/,
  measures: /^保证项目实施的制度[、，,]?措施[:：]?$/,
  plan: /^项目实施(计划|进度计划)[:：]?$/,
  goalsHeader: /^(实施期目标|年度目标)$/,
  goals: /^总体目标[:：]?$/,
  indicatorsHeader: /^绩效指标$/,
} as const;

/** Funding lines of a form: label → Funding field. */
export const FUNDING_LABELS: {
  field: 'total' | 'central' | 'provincial' | 'local' | 'selfRaised' | 'other';
  pattern: RegExp;
}[] = [
  { field: 'total', pattern: /(实施期|年度)资金总额[:：]?$/ },
  { field: 'central', pattern: /中央(财政)?资金[:：]?$/ },
  { field: 'provincial', pattern: /省级(财政)?资金[:：]?$/ },
  { field: 'local', pattern: /(市县|市级|县级|区级|市县[（(]区[)）]|本级)(财政)?资金[:：]?$/ },
  { field: 'selfRaised', pattern: /单位自筹[:：]?$/ },
  { field: 'other', pattern: /其他资金[:：]?$/ },
];

/** Contact fields of a form. */
export const CONTACT_LABELS: {
  field: 'responsible' | 'handler' | 'phone' | 'filingDate';
  pattern: RegExp;
}[] = [
  { field: 'responsible', pattern: /^(项目)?负责人[:：]?/ },
  { field: 'handler', pattern: /^经办人[:：]?/ },
  { field: 'phone', pattern: /^联系电话[:：]?/ },
  { field: 'filingDate', pattern: /^填报日期[:：]?/ },
];

/** 一级指标. */
export const INDICATOR_LEVEL1 = /^(产出|效益|满意度|成本)指标$/;
/** 二级指标 (with or without the trailing 指标). */
export const INDICATOR_LEVEL2 =
  /^(数量|质量|时效|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|服务对象满意度|经济成本|社会成本|生态环境成本)(指标)?$/;
