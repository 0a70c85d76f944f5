// Seeded synthetic disclosures: random, realistic and internally consistent leaf input of any size, and
// optionally a derived document with planted errors recorded as ground truth (for the auditor's tests and bench).
// Amounts are drawn in 分 (integers) so that every sum is exact.
import { Decimal } from '../model/money.js';
import type { Disclosure, Indicator, PerformanceForm } from '../model/schema.js';
import { FUNCTION_ITEMS, FUNCTION_SUBCLASSES } from './catalog.js';
import { ECONOMIC_GROUPS, type GenerateInputRaw } from './input-schema.js';

type EconomicGroup = (typeof ECONOMIC_GROUPS)[number];

/** mulberry32: small, fast and reproducible across platforms. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  seed: number;
  /** Number of 项 (7-digit function rows). */
  functions?: number;
  /** Number of current-year projects. */
  projects?: number;
  /** Number of economic lines of basic expenditure. */
  economicItems?: number;
  /** Number of 上年结转 projects. */
  carryoverProjects?: number;
  family?: 'shanxi' | 'shanghai';
  /** Include 政府性基金 money (exercises tables 7 and 8). */
  govFund?: boolean;
}

const UNIT_NAMES = ['人民政府办公室', '财政局', '商务局', '司法局', '统计局', '民政局', '教育局', '档案馆'];
const CITIES = ['忻州市', '太原市', '大同市', '晋中市', '运城市', '临汾市'];
const PROJECT_WORDS = [
  '信息化运维经费',
  '专项业务经费',
  '调研经费',
  '宣传经费',
  '培训费',
  '法律顾问费',
  '督查经费',
  '档案数字化经费',
  '网络安全保障经费',
  '驻村帮扶干部补助经费',
  '重点工作推进经费',
  '会议保障经费',
];
/** (group, 部门预算经济科目, 政府预算经济科目) as real documents pair them. */
const ECONOMIC_POOL: [EconomicGroup, string, string][] = [
  ['工资福利支出', '基本工资', '工资奖金津补贴'],
  ['工资福利支出', '津贴补贴', '工资奖金津补贴'],
  ['工资福利支出', '奖金', '工资奖金津补贴'],
  ['工资福利支出', '绩效工资', '工资福利支出'],
  ['工资福利支出', '机关事业单位基本养老保险缴费', '社会保障缴费'],
  ['工资福利支出', '职业年金缴费', '社会保障缴费'],
  ['工资福利支出', '职工基本医疗保险缴费', '社会保障缴费'],
  ['工资福利支出', '其他社会保障缴费', '社会保障缴费'],
  ['工资福利支出', '住房公积金', '住房公积金'],
  ['工资福利支出', '伙食补助费', '工资奖金津补贴'],
  ['商品和服务支出', '办公费', '办公经费'],
  ['商品和服务支出', '印刷费', '办公经费'],
  ['商品和服务支出', '水费', '办公经费'],
  ['商品和服务支出', '电费', '办公经费'],
  ['商品和服务支出', '邮电费', '办公经费'],
  ['商品和服务支出', '差旅费', '办公经费'],
  ['商品和服务支出', '维修(护)费', '维修(护)费'],
  ['商品和服务支出', '租赁费', '办公经费'],
  ['商品和服务支出', '会议费', '会议费'],
  ['商品和服务支出', '培训费', '培训费'],
  ['商品和服务支出', '委托业务费', '委托业务费'],
  ['商品和服务支出', '工会经费', '办公经费'],
  ['商品和服务支出', '福利费', '办公经费'],
  ['商品和服务支出', '其他交通费用', '办公经费'],
  ['商品和服务支出', '其他商品和服务支出', '其他商品和服务支出'],
  ['对个人和家庭的补助', '离休费', '离退休费'],
  ['对个人和家庭的补助', '退休费', '离退休费'],
  ['对个人和家庭的补助', '生活补助', '社会福利和救助'],
  ['对个人和家庭的补助', '医疗费补助', '社会福利和救助'],
  ['资本性支出', '办公设备购置', '设备购置'],
  ['资本性支出', '信息网络及软件购置更新', '设备购置'],
];

/** 分 → "1234.56" */
const yuanText = (fen: number) => new Decimal(fen).div(100).toFixed(2);

/** Splits `total` 分 into `n` random non-negative integer parts that add up exactly. */
function splitFen(total: number, n: number, r: () => number): number[] {
  if (n <= 0) return [];
  const weights = Array.from({ length: n }, () => 0.2 + r());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[0] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

function pick<T>(items: readonly T[], r: () => number): T {
  return items[Math.floor(r() * items.length)];
}

/** 项 codes and names: real catalogue rows first, then further codes under real 款 when more are asked for. */
function functionCodes(n: number, r: () => number): [string, string][] {
  const pool = [...FUNCTION_ITEMS] as [string, string][];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const chosen = pool.slice(0, Math.min(n, pool.length));
  const used = new Set(chosen.map(([c]) => c));
  const subclasses = Object.keys(FUNCTION_SUBCLASSES);
  let k = 0;
  while (chosen.length < n) {
    const sub = subclasses[k % subclasses.length];
    const suffix = String(10 + Math.floor(k / subclasses.length)).padStart(2, '0');
    const code = sub + suffix;
    k++;
    if (used.has(code) || suffix === '99') continue;
    used.add(code);
    chosen.push([code, `${FUNCTION_SUBCLASSES[sub].replace(/事务$|支出$/, '')}专项${suffix}`]);
  }
  return chosen.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function indicators(project: string, yearTotalWan: string, r: () => number): Indicator[] {
  const pct = (n: number) => ({ operator: '≥' as const, value: String(n), valueUnit: '%' });
  const list: Omit<Indicator, 'source'>[] = [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: `${project.slice(0, 6)}完成数量`,
      printed: `≥${1 + Math.floor(r() * 9)}次`,
      operator: '≥',
      value: null,
      valueUnit: '次',
    },
    { level1: '产出指标', level2: '质量指标', name: '任务完成合格率', printed: '≥95%', ...pct(95) },
    { level1: '产出指标', level2: '时效指标', name: '完成及时率', printed: '≥90%', ...pct(90) },
    {
      level1: '产出指标',
      level2: '成本指标',
      name: '年度总成本',
      printed: `≤${yearTotalWan}万元`,
      operator: '≤',
      value: yearTotalWan,
      valueUnit: '万元',
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '服务保障水平提升',
      printed: '有效',
      operator: null,
      value: null,
      valueUnit: null,
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '服务群众满意率',
      printed: '≥90%',
      ...pct(90),
    },
  ];
  for (const i of list)
    if (i.printed.startsWith('≥') && i.valueUnit === '次') i.value = i.printed.replace(/\D/g, '');
  return list as Indicator[];
}

function form(
  name: string,
  yearFen: number,
  years: number,
  unit: string,
  deptCode: string,
  r: () => number,
): PerformanceForm {
  // Forms are in 元: 1 分 of 万元 is 100 元, so amounts stay whole.
  const yearYuan = String(yearFen * 100);
  const periodYuan = String(yearFen * 100 * years);
  const funding = (total: string) => ({
    total,
    central: '0',
    provincial: '0',
    local: total,
    selfRaised: '0',
    other: null,
  });
  const wanText = new Decimal(yearFen)
    .div(100)
    .toFixed(2)
    .replace(/\.?0+$/, '');
  return {
    project: name,
    department: { code: deptCode, name: unit },
    implementingUnit: unit,
    nature: years > 1 ? '经常性项目（长期开展）' : '一次性项目（1年结束）',
    period: `${years}年`,
    periodYears: years,
    unit: '元',
    funding: { period: funding(periodYuan), year: funding(yearYuan) },
    overview: `保障${name.replace(/经费$|费$/, '')}工作正常开展。`,
    basis: '根据本单位职责和年度工作安排。',
    necessity: '保障单位履行职责。',
    measures: '严格执行单位财务管理制度。',
    plan: '全年按计划实施。',
    goals: { period: `实施期内完成${name}相关工作任务。`, year: `本年度完成${name}相关工作任务。` },
    indicators: { period: indicators(name, wanText, r), year: indicators(name, wanText, r) },
    contacts: {
      handler: pick(['张伟', '王芳', '李娜', '刘洋', '陈静'], r),
      phone: '3039377',
    },
    filingDate: '20221103153701',
  };
}

/** Random, consistent leaf input (万元, two decimals). */
export function syntheticInput(options: SyntheticOptions): GenerateInputRaw {
  const r = rng(options.seed);
  const nFunctions = options.functions ?? 8 + Math.floor(r() * 10);
  const nProjects = options.projects ?? 3 + Math.floor(r() * 10);
  const nEconomic = Math.min(options.economicItems ?? 12 + Math.floor(r() * 15), ECONOMIC_POOL.length * 2);
  const nCarry = options.carryoverProjects ?? (r() < 0.3 ? 1 + Math.floor(r() * 2) : 0);
  const year = 2021 + Math.floor(r() * 5);
  const city = pick(CITIES, r);
  const unit = city + pick(UNIT_NAMES, r);
  const deptCode = String(100 + Math.floor(r() * 300));
  const codes = functionCodes(nFunctions, r);

  // Basic expenditure: 一般公共预算, sometimes 单位资金 or 财政专户.
  const fns = codes.map(([code, name]) => ({
    code,
    name,
    basic: {} as Record<string, string>,
    project: {} as Record<string, string>,
    carryover: {} as Record<string, string>,
  }));
  const basicFen = fns.map((): number => (r() < 0.7 ? Math.floor(r() * 500_00) + 1_00 : 0));
  if (!basicFen.some((b) => b > 0)) basicFen[0] = 50_000;
  fns.forEach((f, i) => {
    if (basicFen[i]) f.basic.general_public = yuanText(basicFen[i]);
    if (r() < 0.1) f.basic.unit_funds = yuanText(Math.floor(r() * 50_00) + 1_00);
  });

  // Projects: each financed by sources and booked to one 项; the 项's 项目支出 is the sum of its projects.
  const projectSources: Record<string, number>[] = [];
  const projects = [];
  const projectNames = new Set<string>();
  for (let i = 0; i < nProjects + nCarry; i++) {
    const carry = i >= nProjects;
    let name = `${pick(['', '市级', '年度', '专项', '重点'], r)}${pick(PROJECT_WORDS, r)}`;
    for (let k = 2; projectNames.has(name); k++) name = `${name.replace(/（\d+）$/, '')}（${k}）`;
    projectNames.add(name);
    const sources: Record<string, number> = { general_public: Math.floor(r() * 300_00) + 1_00 };
    if (!carry && options.govFund !== false && r() < (options.govFund ? 0.5 : 0.08))
      sources.gov_fund = Math.floor(r() * 200_00) + 1_00;
    if (!carry && r() < 0.08) sources.special_account = Math.floor(r() * 50_00) + 1_00;
    projectSources.push(sources);
    const target = fns[Math.floor(r() * fns.length)];
    for (const [k, fen] of Object.entries(sources)) {
      const bucket = carry ? target.carryover : target.project;
      bucket[k] = yuanText(Math.round(Number(bucket[k] ?? '0') * 100) + fen);
    }
    projects.push({
      name,
      carryover: carry,
      amounts: Object.fromEntries(Object.entries(sources).map(([k, v]) => [k, yuanText(v)])),
    });
  }

  // Economic lines split basic 一般公共预算 exactly; personnel dominates as in real budgets.
  const basicGeneral = basicFen.reduce((a, b) => a + b, 0);
  const pool = ECONOMIC_POOL.slice();
  const lines: [EconomicGroup, string, string][] = [];
  for (let i = 0; i < nEconomic; i++) {
    const base = pool[i % pool.length];
    lines.push(i < pool.length ? base : [base[0], base[1], base[0]]);
  }
  const ordered = lines.sort((a, b) => ECONOMIC_GROUPS.indexOf(a[0]) - ECONOMIC_GROUPS.indexOf(b[0]));
  const parts = splitFen(basicGeneral, ordered.length, r);
  const economic = ordered.map(([group, department, government], i) => ({
    group,
    department,
    government,
    amount: yuanText(parts[i]),
  }));
  const publicFen = economic
    .filter((e) => e.group === '商品和服务支出' || e.group === '资本性支出')
    .reduce((a, e) => a + Math.round(Number(e.amount) * 100), 0);

  // 三公: often none; otherwise small amounts.
  const small = () => (r() < 0.5 ? '0' : yuanText(Math.floor(r() * 20_00) + 10));
  const threePublic =
    r() < 0.4
      ? {}
      : {
          abroad: { general_public: small() },
          reception: { general_public: small() },
          vehiclePurchase: { general_public: small() },
          vehicleOperation: { general_public: small() },
        };

  const total = fns.reduce(
    (a, f) =>
      a +
      [...Object.values(f.basic), ...Object.values(f.project), ...Object.values(f.carryover)].reduce(
        (s, v) => s + Math.round(Number(v) * 100),
        0,
      ),
    0,
  );
  const priorTotal = Math.max(1_00, Math.round(total * (0.8 + r() * 0.4)));
  const govFundFen = projectSources.reduce((a, s) => a + (s.gov_fund ?? 0), 0);
  const generalCurrent = fns.reduce(
    (a, f) =>
      a +
      Math.round(Number(f.basic.general_public ?? 0) * 100) +
      Math.round(Number(f.project.general_public ?? 0) * 100),
    0,
  );

  return {
    unit: {
      name: unit,
      year,
      kind: 'unit_budget',
      family: options.family ?? 'shanxi',
      unitType: 'administrative',
      departmentCode: deptCode,
      region: city,
      unitsIncluded: [unit],
    },
    overview: {
      duties: [`（一）负责${unit.replace(city, '')}职责范围内的各项工作。`, '（二）完成上级交办的其他任务。'],
      organisation: [`${unit}内设${3 + Math.floor(r() * 15)}个科室。`],
    },
    functions: fns,
    economic,
    projects,
    performanceForms: projects
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => !p.carryover)
      .map(({ p, i }) =>
        form(
          p.name,
          Object.values(projectSources[i]).reduce((a, b) => a + b, 0),
          1 + Math.floor(r() * 4),
          unit,
          deptCode,
          r,
        ),
      ),
    threePublic,
    operatingCosts: [{ unit, general_public: yuanText(publicFen) }],
    govFundRevenue: govFundFen
      ? [{ code: '1030148', name: '国有土地使用权出让收入', amount: yuanText(govFundFen) }]
      : [],
    prior: {
      total: yuanText(priorTotal),
      generalCurrent: yuanText(Math.max(1_00, Math.round(generalCurrent * (0.8 + r() * 0.4)))),
      operatingCosts: yuanText(Math.max(1_00, Math.round(publicFen * (0.85 + r() * 0.3)))),
    },
    reasons: {
      total: pick(['人员经费调整', '项目支出变动', '公用经费压减'], r),
      generalCurrent: pick(['人员经费调整', '项目支出变动'], r),
      operatingCosts: pick(['在职人员减少', '严格控制一般性支出', '人员增加'], r),
    },
    procurement:
      r() < 0.3
        ? {}
        : {
            goods: yuanText(Math.floor(r() * 100_00)),
            works: yuanText(Math.floor(r() * 50_00)),
            services: yuanText(Math.floor(r() * 500_00)),
          },
    assets: {
      vehicles: r() < 0.5 ? '单位无车辆。' : `单位共有车辆${1 + Math.floor(r() * 5)}辆。`,
      buildings: '办公用房由机关事务服务中心统一管理。',
      other: '无',
    },
  };
}

/** One planted error and where the auditor should find it. */
export interface PlantedError {
  kind: 'table_cell' | 'narrative_amount' | 'narrative_percent';
  table?: string;
  row?: string;
  column?: string;
  section?: string;
  original: string;
  mutated: string;
  /** The kind of identity that the change breaks. */
  breaks: 'row_sum' | 'hierarchy' | 'cross_table' | 'narrative';
  /** Auditor rule ids that should fire (a table error breaks all of them; a narrative error at least one). */
  rules: string[];
}

/**
 * Plants `count` errors in a derived document (in place on a copy) and returns the ground truth. Table errors change
 * one 项 cell of the 预算支出总表 (breaking its row sum, the 款 total and the 一般公共预算 table); narrative errors change
 * one amount or percentage in a sentence of 第三部分.
 */
export function plantErrors(
  doc: Disclosure,
  seed: number,
  count = 1,
): { document: Disclosure; truth: PlantedError[] } {
  const r = rng(seed ^ 0x9e3779b9);
  const copy: Disclosure = structuredClone(doc);
  const truth: PlantedError[] = [];
  for (let i = 0; i < count; i++) {
    const choice = r();
    if (choice < 0.5) {
      const t = copy.tables.find((x) => x.kind === 'expenditure');
      const rows = t?.rows.filter((x) => x.code?.length === 7 && x.cells.total?.value) ?? [];
      if (!t || rows.length === 0) continue;
      const row = pick(rows, r);
      const cell = row.cells.total;
      const original = cell.value!;
      const mutated = new Decimal(original).plus(new Decimal(1 + Math.floor(r() * 500)).div(100)).toFixed(2);
      cell.value = mutated;
      cell.printed = mutated;
      truth.push({
        kind: 'table_cell',
        table: t.kind,
        row: row.code,
        column: 'total',
        original,
        mutated,
        breaks: 'row_sum',
        rules: ['table.row-sum', 'table.hierarchy', 'cross.function-rows'],
      });
    } else {
      const sections = copy.sections.filter((s) =>
        s.paragraphs.some((p) => /\d[\d,]*\.\d{2}(万元|%)/.test(p.text)),
      );
      if (sections.length === 0) continue;
      const s = pick(sections, r);
      const p = s.paragraphs.find((x) => /\d[\d,]*\.\d{2}(万元|%)/.test(x.text))!;
      const matches = [...p.text.matchAll(/(\d[\d,]*\.\d{2})(万元|%)/g)];
      const m = pick(matches, r);
      const value = new Decimal(m[1].replace(/,/g, ''));
      const changed = value.plus(new Decimal(1 + Math.floor(r() * 900)).div(100)).toFixed(2);
      const before = p.text.slice(0, m.index);
      p.text = before + changed + m[2] + p.text.slice(m.index! + m[0].length);
      truth.push({
        kind: m[2] === '%' ? 'narrative_percent' : 'narrative_amount',
        section: s.kind,
        original: m[0],
        mutated: changed + m[2],
        breaks: 'narrative',
        // A percentage after 占 is a share, one after 增长/下降 a change; an amount after 增加/减少 is a change.
        rules:
          m[2] === '%'
            ? /占$/.test(before)
              ? ['narrative.share']
              : ['narrative.change']
            : /(增加|减少)$/.test(before)
              ? ['narrative.change']
              : ['narrative.amount'],
      });
    }
  }
  return { document: copy, truth };
}
