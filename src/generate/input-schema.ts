// The leaf input of the generator: only what a preparer knows and cannot derive. Every total, every summary table,
// the table of contents and the whole 第三部分 explanation are derived from it (derive.ts, narrative/write.ts).
// Amounts are exact decimal strings in 万元 (numbers written in JSON/YAML are accepted and turned into their
// shortest decimal text, which is exact for anything typed by hand).
import { z } from 'zod';
import { DecimalString, DocumentKind, GlossaryEntry, PerformanceForm } from '../model/schema.js';

/** An amount in 万元: "1361.58" (or 1361.58 in JSON/YAML). Empty means zero. */
export const LeafAmount = z
  .union([DecimalString, z.number().finite(), z.literal('')])
  .transform((v) => (v === '' ? '0' : typeof v === 'number' ? String(v) : v))
  .pipe(DecimalString);
export type LeafAmount = z.output<typeof LeafAmount>;

const amount = () => LeafAmount.default('0');

/** The three budgets of 财政拨款 (一般公共预算, 政府性基金预算, 国有资本经营预算). */
export const FiscalSources = z.object({
  general_public: amount(),
  gov_fund: amount(),
  state_capital: amount(),
});
export type FiscalSources = z.output<typeof FiscalSources>;

/** Every source of the current year's income (本年收入). */
export const Sources = FiscalSources.extend({
  special_account: amount(), // 财政专户管理资金
  unit_funds: amount(), // 单位资金
});
export type Sources = z.output<typeof Sources>;

export const SOURCE_KEYS = [
  'general_public',
  'gov_fund',
  'state_capital',
  'special_account',
  'unit_funds',
] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];
export const FISCAL_KEYS = ['general_public', 'gov_fund', 'state_capital'] as const;
export type FiscalKey = (typeof FISCAL_KEYS)[number];

/** One 项 (7-digit function code) with its amounts by use (基本/项目) and by source. */
export const FunctionLeaf = z.object({
  code: z.string().regex(/^\d{7}$/, '功能科目须为7位项级编码'),
  name: z.string().min(1),
  basic: Sources.prefault({}), // 基本支出
  project: Sources.prefault({}), // 项目支出（当年）
  /** 上年结转安排 (project spending financed by last year's unspent 财政拨款). */
  carryover: FiscalSources.prefault({}),
});
export type FunctionLeaf = z.output<typeof FunctionLeaf>;

/** Groups of the 部门预算支出经济分类 in basic expenditure (301, 302, 303, 310), in the order tables print them. */
export const ECONOMIC_GROUPS = [
  '工资福利支出',
  '商品和服务支出',
  '对个人和家庭的补助',
  '资本性支出',
] as const;
/** Groups counted as 人员经费; the others are 公用经费 (DOMAIN.md §4, as the sample prints them). */
export const PERSONNEL_GROUPS: readonly string[] = ['工资福利支出', '对个人和家庭的补助'];

/** One line of 一般公共预算基本支出分经济科目表: the pair (部门 name, 政府 name) and its amount. */
export const EconomicLeaf = z.object({
  group: z.enum(ECONOMIC_GROUPS),
  department: z.string().min(1), // 部门预算支出经济科目名称
  government: z.string().default(''), // 政府预算支出经济科目名称
  amount: LeafAmount,
});
export type EconomicLeaf = z.output<typeof EconomicLeaf>;

export const ProjectLeaf = z.object({
  name: z.string().min(1),
  /** True for a 上年结转 project (only 财政拨款 sources). */
  carryover: z.boolean().default(false),
  amounts: Sources.prefault({}),
});
export type ProjectLeaf = z.output<typeof ProjectLeaf>;

export const ThreePublicLeaf = z.object({
  abroad: FiscalSources.prefault({}), // 因公出国（境）费
  reception: FiscalSources.prefault({}), // 公务接待费
  vehiclePurchase: FiscalSources.prefault({}), // 公务用车购置费
  vehicleOperation: FiscalSources.prefault({}), // 公务用车运行维护费
});
export type ThreePublicLeaf = z.output<typeof ThreePublicLeaf>;

export const OperatingCostLeaf = FiscalSources.extend({ unit: z.string().min(1) });
export type OperatingCostLeaf = z.output<typeof OperatingCostLeaf>;

/** Prior-year figures for the year-on-year sentences: facts of last year's documents, not of these tables. */
export const PriorYear = z.object({
  /** 上年预算收入总计 / 支出总计 (the same number in a balanced budget). */
  total: LeafAmount.optional(),
  /** 上年一般公共预算当年拨款. */
  generalCurrent: LeafAmount.optional(),
  /** 上年机关运行经费 (同口径). */
  operatingCosts: LeafAmount.optional(),
  /** 上年"三公"经费合计. */
  threePublic: LeafAmount.optional(),
});
export type PriorYear = z.output<typeof PriorYear>;

/** Reasons the preparer gives for changes (主要原因是…); required when the change is not zero. */
export const Reasons = z.object({
  total: z.string().optional(),
  generalCurrent: z.string().optional(),
  operatingCosts: z.string().optional(),
  threePublic: z.string().optional(),
});

/** 政府采购预算 (万元), as the preparer states it. */
export const Procurement = z.object({
  goods: amount(), // 货物
  works: amount(), // 工程
  services: amount(), // 服务
});
export type Procurement = z.output<typeof Procurement>;

/** 国有资产占有使用情况: statements of fact. */
export const Assets = z.object({
  vehicles: z.string().default('单位无车辆。'),
  buildings: z.string().default(''),
  other: z.string().default('无'),
});

export const GovFundRevenueLeaf = z.object({
  code: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  amount: LeafAmount,
});

export const UnitInfo = z.object({
  name: z.string().min(1), // 单位名称
  year: z.number().int().min(1990).max(2100),
  kind: DocumentKind.default('unit_budget'),
  family: z.enum(['shanxi', 'shanghai']).default('shanxi'),
  unitType: z.enum(['administrative', 'civil_service_managed', 'institution']).optional(),
  /** 主管部门及代码, printed on performance forms ("103"). */
  departmentCode: z.string().optional(),
  /** Region printed in form titles ("忻州市"). */
  region: z.string().optional(),
  unitsIncluded: z.array(z.string()).default([]),
});
export type UnitInfo = z.output<typeof UnitInfo>;

export const GenerateInput = z.object({
  unit: UnitInfo,
  overview: z
    .object({ duties: z.array(z.string()).default([]), organisation: z.array(z.string()).default([]) })
    .prefault({}),
  functions: z.array(FunctionLeaf).default([]),
  /** Names of 类 and 款 codes not in the built-in list ({"20103": "政府办公厅（室）及相关机构事务"}). */
  functionNames: z.record(z.string().regex(/^\d{3}(\d{2})?$/), z.string()).default({}),
  economic: z.array(EconomicLeaf).default([]),
  projects: z.array(ProjectLeaf).default([]),
  performanceForms: z.array(PerformanceForm).default([]),
  threePublic: ThreePublicLeaf.prefault({}),
  operatingCosts: z.array(OperatingCostLeaf).default([]),
  govFundRevenue: z.array(GovFundRevenueLeaf).default([]),
  prior: PriorYear.prefault({}),
  reasons: Reasons.prefault({}),
  procurement: Procurement.prefault({}),
  assets: Assets.prefault({}),
  otherNotes: z
    .object({
      /** 政府购买服务指导性目录. */
      purchaseServices: z.string().default('无'),
      other: z.array(z.string()).default([]),
    })
    .prefault({}),
  /** 名词解释; the family's standard entries when omitted. */
  glossary: z.array(GlossaryEntry).optional(),
});
export type GenerateInput = z.output<typeof GenerateInput>;
export type GenerateInputRaw = z.input<typeof GenerateInput>;
