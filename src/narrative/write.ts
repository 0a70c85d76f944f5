// The explanation writer: 第三部分 情况说明 written from the tables of a disclosure (derived or parsed) and the few
// facts tables do not hold (prior-year figures, reasons, procurement, assets). Every sentence follows the wording
// preparers use in the Shanxi family (the sample); amounts, shares and changes come from narrative/vocabulary.ts,
// every amount in 万元 with two decimals (a preparer's "529.5万元" beside "2,979.49万元" reads as a typing slip).
import { Amount, Decimal } from '../model/money.js';
import type { Disclosure, Row, Section, Table, TableKind } from '../model/schema.js';
import { phraseAmount, phraseChange, phraseShare } from './vocabulary.js';

/** Enumeration of glossary entries: 一 … 十一 …. */
export function chineseOrdinal(n: number): string {
  const d = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : d[n];
  if (n < 20) return '十' + d[n - 10];
  return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
}

/** A glossary entry as the family prints it ("一、基本支出：指…"). */
export function glossaryLine(n: number, term: string, definition: string): string {
  return `${chineseOrdinal(n)}、${term}：${definition}`;
}

/** Facts of the explanation that are not in the tables. Amounts are decimal text in 万元. */
export interface ExplanationFacts {
  prior?: {
    total?: string;
    generalCurrent?: string;
    operatingCosts?: string;
    threePublic?: string;
    /** 政府性基金 and 国有资本经营 appropriations of the prior year (the Shanghai wording compares them too). */
    govFund?: string;
    stateCapital?: string;
  };
  reasons?: { total?: string; generalCurrent?: string; operatingCosts?: string; threePublic?: string };
  procurement?: { goods?: string; works?: string; services?: string };
  assets?: { vehicles?: string; buildings?: string; other?: string };
  otherNotes?: { purchaseServices?: string; other?: string[] };
  /** What each 项 (7-digit function code) is used for: the Shanghai wording explains every one ("主要用于…"). */
  uses?: Record<string, string>;
  /** Projects with performance targets and their funds (万元), when the forms are not part of the document. */
  performance?: { projects: number; amount: string };
}

const ZERO = new Decimal(0);
const wan = (d: Decimal) => Amount.of(d, '万元', 2);

/** "2,979.49万元" */
const amt = (d: Decimal) => phraseAmount(wan(d));

function findTable(doc: Disclosure, kind: TableKind): Table | undefined {
  return doc.tables.find((t) => t.kind === kind);
}

function value(r: Row | undefined, column: string): Decimal {
  const v = r?.cells[column]?.value;
  return v ? new Decimal(v) : ZERO;
}

function totalRow(t: Table | undefined, side?: 'income' | 'expenditure'): Row | undefined {
  return t?.rows.find((r) => r.role === 'total' && (!side || !r.side || r.side === side));
}

function roleRow(t: Table | undefined, role: Row['role'], side: 'income' | 'expenditure'): Row | undefined {
  return t?.rows.find((r) => r.role === role && r.side === side);
}

function sideItems(t: Table | undefined, side: 'income' | 'expenditure'): Row[] {
  return t?.rows.filter((r) => r.side === side && r.role === 'item' && !r.parent) ?? [];
}

/** Joins list items with 、 after dropping the 、 inside a name, so that the list stays unambiguous. */
function list(names: readonly string[]): string {
  return names.map((n) => n.replace(/、/g, '')).join('、');
}

function section(
  kind: Section['kind'],
  number: string,
  title: string,
  level: number,
  part: string,
  paragraphs: string[],
): Section {
  return { kind, number, title, level, part, paragraphs: paragraphs.map((text) => ({ text })) };
}

function reasonClause(reason: string | undefined): string {
  return reason && reason.trim() ? `，主要原因是${reason.trim().replace(/[。；;，,]+$/, '')}` : '';
}

/** The words of the document's kind: 单位 or 部门. */
export function kindWord(doc: Disclosure): '单位' | '部门' {
  return doc.metadata.kind.startsWith('department') ? '部门' : '单位';
}

/** Title of 第三部分 in the Shanxi family. */
export function explanationPartTitle(doc: Disclosure): string {
  return `第三部分 ${doc.metadata.year}年度${kindWord(doc)}预算情况说明`;
}

const INCOME_PHRASES: Record<string, string> = {
  一般公共预算: '一般公共预算拨款收入',
  政府性基金预算: '政府性基金预算拨款收入',
  国有资本经营预算: '国有资本经营预算拨款收入',
  财政专户管理资金: '财政专户管理资金收入',
  单位资金: '单位资金',
};

/** Writes the whole 第三部分 (twelve items with their sub-items) from the tables and the facts. */
export function writeExplanation(doc: Disclosure, facts: ExplanationFacts = {}): Section[] {
  const y = doc.metadata.year;
  const unit = doc.metadata.unit;
  const kw = kindWord(doc);
  const part = explanationPartTitle(doc);
  const sections: Section[] = [];
  const prior = facts.prior ?? {};
  const reasons = facts.reasons ?? {};

  const summary = findTable(doc, 'summary');
  const incomeTotal = value(roleRow(summary, 'grand_total', 'income'), 'amount');
  const incomeYear = value(roleRow(summary, 'year_total', 'income'), 'amount');
  const incomeCarry = value(roleRow(summary, 'carryover', 'income'), 'amount');
  const expRow = roleRow(summary, 'grand_total', 'expenditure');
  const expTotal = value(expRow, 'total');
  const expYearRow = roleRow(summary, 'year_total', 'expenditure');
  // Families whose summary splits expenditure by 基本/项目 (Shanghai) say nothing of 当年/结转 there: the income
  // side says it.
  const split = expYearRow && 'current' in expYearRow.cells;
  const expCurrent = split ? value(expYearRow, 'current') : incomeYear;
  const expCarry = split ? value(expYearRow, 'carryover') : incomeCarry;

  // 一、收支数据变动情况及原因
  {
    const change = (current: Decimal) =>
      prior.total !== undefined ? `，${phraseChange(wan(current), wan(new Decimal(prior.total)))}` : '';
    const reason = prior.total !== undefined ? reasonClause(reasons.total) : '';
    sections.push(
      section('changes', '一', `${kw}预算收支数据变动情况及原因`, 2, part, [
        `${y}年度预算收入总计${amt(incomeTotal)}，其中：本年收入${amt(incomeYear)}，上年结转${amt(incomeCarry)}` +
          `${change(incomeTotal)}${reason}；本年${kw}预算支出总计${amt(expTotal)}，其中：本年预算安排` +
          `${amt(expCurrent)}，上年结转${amt(expCarry)}${change(expTotal)}${reason}。`,
      ]),
    );
  }

  // 二、收入预算情况说明
  {
    const parts = sideItems(summary, 'income').map((r) => {
      const v = value(r, 'amount');
      return `${INCOME_PHRASES[r.name] ?? r.name}${amt(v)}，${phraseShare(wan(v), wan(incomeTotal))}`;
    });
    parts.push(`上年结转${amt(incomeCarry)}，${phraseShare(wan(incomeCarry), wan(incomeTotal))}`);
    sections.push(
      section('revenue', '二', '收入预算情况说明', 2, part, [
        `${y}年度预算收入${amt(incomeTotal)}，主要包括${parts.join('；')}。`,
      ]),
    );
  }

  // 三、支出预算情况说明
  {
    const t = totalRow(findTable(doc, 'expenditure'));
    const all = value(t, 'total');
    const basic = value(t, 'basic');
    const project = value(t, 'project');
    sections.push(
      section('expenditure', '三', '支出预算情况说明', 2, part, [
        `${y}年度支出预算${amt(all)}，其中：基本支出${amt(basic)}，${phraseShare(wan(basic), wan(all))}；` +
          `项目支出${amt(project)}，${phraseShare(wan(project), wan(all))}。`,
      ]),
    );
  }

  // 四、财政拨款收支预算总体情况说明
  {
    const fiscal = findTable(doc, 'fiscal_summary');
    const grand = value(roleRow(fiscal, 'grand_total', 'income'), 'amount');
    // By budget: this year's appropriation plus that budget's share of 上年财政拨款结转.
    const byBudget = new Map<string, Decimal>();
    for (const r of fiscal?.rows ?? [])
      if (r.side === 'income' && r.role === 'item')
        byBudget.set(r.name, (byBudget.get(r.name) ?? ZERO).plus(value(r, 'amount')));
    const year = value(roleRow(fiscal, 'year_total', 'income'), 'amount');
    const carry = value(roleRow(fiscal, 'carryover', 'income'), 'amount');
    const spending = sideItems(fiscal, 'expenditure')
      .filter((r) => !value(r, 'total').isZero())
      .map((r) => `${r.name}${amt(value(r, 'total'))}`);
    // The split by year follows the total it divides (a "其中" binds to the amount before it).
    sections.push(
      section('fiscal', '四', '财政拨款收支预算总体情况说明', 2, part, [
        `${y}年度财政拨款收支总预算${amt(grand)}，其中：当年拨款收入${amt(year)}，上年结转收入${amt(carry)}。` +
          `收入为一般公共预算拨款${amt(byBudget.get('一般公共预算') ?? ZERO)}，政府性基金预算拨款` +
          `${amt(byBudget.get('政府性基金预算') ?? ZERO)}，国有资本经营预算拨款` +
          `${amt(byBudget.get('国有资本经营预算') ?? ZERO)}。` +
          (spending.length ? `支出包括：${spending.join('、')}。` : ''),
      ]),
    );
  }

  // 五、一般公共预算支出情况说明
  const general = findTable(doc, 'general_expenditure');
  const generalTotal = value(totalRow(general), 'total');
  {
    sections.push(section('general_expenditure', '五', '一般公共预算支出情况说明', 2, part, []));
    const change =
      prior.generalCurrent !== undefined
        ? `，${phraseChange(wan(generalTotal), wan(new Decimal(prior.generalCurrent)))}` +
          reasonClause(reasons.generalCurrent)
        : '';
    sections.push(
      section('general_scale', '（一）', '一般公共预算当年拨款规模变化情况', 3, part, [
        `${y}年度一般公共预算当年拨款${amt(generalTotal)}${change}。`,
      ]),
    );
    const classes = (general?.rows ?? []).filter((r) => r.role === 'item' && r.code?.length === 3);
    const uses = classes.map(
      (r) => `${r.name}${amt(value(r, 'total'))}，${phraseShare(wan(value(r, 'total')), wan(generalTotal))}`,
    );
    sections.push(
      section('general_structure', '（二）', '一般公共预算当年拨款结构情况', 3, part, [
        uses.length
          ? `${y}年度一般公共预算当年拨款${amt(generalTotal)}，主要用于以下方面：${uses.join('；')}。`
          : `${y}年度${kw}无一般公共预算当年拨款。`,
        '一般公共预算当年拨款结构图',
      ]),
    );
  }

  // 六、一般公共预算基本支出情况说明
  {
    const eco = findTable(doc, 'general_basic_economic');
    const t = totalRow(eco);
    const items = (eco?.rows ?? []).filter((r) => r.role === 'item');
    const names = (column: string) => [
      ...new Set(items.filter((r) => !value(r, column).isZero()).map((r) => r.name)),
    ];
    sections.push(
      section('general_basic', '六', '一般公共预算基本支出情况说明', 2, part, [
        `${y}年度一般公共预算基本支出${amt(value(t, 'total'))}，其中：`,
        `人员经费${amt(value(t, 'personnel'))}，主要包括：${list(names('personnel'))}；`,
        `公用经费${amt(value(t, 'public'))}，主要包括：${list(names('public'))}等。`,
      ]),
    );
  }

  // 七、"三公"经费增减变动原因说明
  {
    const tp = findTable(doc, 'three_public');
    const byName = (name: string) =>
      value(
        tp?.rows.find((r) => r.name === name),
        'total',
      );
    const all = value(totalRow(tp), 'total');
    let text: string;
    if (all.isZero() && (prior.threePublic === undefined || new Decimal(prior.threePublic).isZero()))
      text = `本${kw}无“三公”经费预算。`;
    else {
      text =
        `${y}年“三公”经费预算${amt(all)}，其中：因公出国（境）费${amt(byName('因公出国（境）费'))}，` +
        `公务接待费${amt(byName('公务接待费'))}，公务用车购置及运行费${amt(byName('公务用车购置及运行费'))}`;
      // The vehicle split follows as its own clause: a nested "其中" would read as parts of the whole 三公 total.
      text +=
        `；公务用车购置费${amt(byName('公务用车购置费'))}，` +
        `公务用车运行维护费${amt(byName('公务用车运行维护费'))}`;
      if (prior.threePublic !== undefined)
        text +=
          `。“三公”经费预算${phraseChange(wan(all), wan(new Decimal(prior.threePublic)))}` +
          reasonClause(reasons.threePublic);
      text += '。';
    }
    sections.push(section('three_public', '七', '“三公”经费增减变动原因说明', 2, part, [text]));
  }

  // 八、机关运行经费增减变动原因说明
  {
    const ops = value(totalRow(findTable(doc, 'operating_costs')), 'total');
    let text = `${y}年${kw}机关运行经费预算拨款${amt(ops)}`;
    if (prior.operatingCosts !== undefined) {
      const p = new Decimal(prior.operatingCosts);
      // Two decimals like every other amount of the document ("减少19.60万元").
      const phrase = phraseChange(wan(ops), wan(p), { comparedTo: `${y - 1}年预算同口径` });
      text += `，${phrase}`;
      const word = ops.gt(p) ? '增加' : ops.lt(p) ? '减少' : '';
      if (word && reasons.operatingCosts?.trim())
        text += `，${word}主要原因是${reasons.operatingCosts.trim().replace(/[。；;，,]+$/, '')}`;
    }
    sections.push(section('operating_costs', '八', '机关运行经费增减变动原因说明', 2, part, [text + '。']));
  }

  // 九、政府采购情况
  {
    const p = facts.procurement ?? {};
    const goods = new Decimal(p.goods || 0);
    const works = new Decimal(p.works || 0);
    const services = new Decimal(p.services || 0);
    const all = goods.plus(works).plus(services);
    const who = kw === '部门' ? `${unit}部门各单位` : `${unit}${kw}`;
    const text = all.isZero()
      ? `${y}年${who}无政府采购预算。`
      : `${y}年${who}政府采购预算总额${amt(all)}。其中：政府采购货物预算${amt(goods)}、` +
        `政府采购工程预算${amt(works)}、政府采购服务预算${amt(services)}。`;
    sections.push(section('procurement', '九', '政府采购情况', 2, part, [text]));
  }

  // 十、绩效管理情况
  {
    const projects = (findTable(doc, 'projects')?.rows ?? []).filter((r) => r.role === 'item');
    const amount = projects.reduce((a, r) => a.plus(value(r, 'general_public')), ZERO);
    const n = projects.length;
    sections.push(section('performance', '十', '绩效管理情况', 2, part, []));
    sections.push(
      section('performance', '1', '绩效管理情况', 4, part, [
        n
          ? `${y}年${unit}${kw}实行绩效目标管理的项目${n}个，涉及一般公共预算当年拨款${amt(amount)}。`
          : `${y}年${unit}${kw}无实行绩效目标管理的项目。`,
      ]),
    );
    // The forms attached are named by their count when they are fewer than the projects: "（详见以下附表）" after
    // 11 projects promises 11 forms.
    const forms = doc.performanceForms.length;
    const attached =
      forms === 0 ? '' : forms >= n ? '（详见以下附表）' : `以下附表列示其中${forms}个项目的绩效目标申报表。`;
    sections.push(
      section('performance', '2', '绩效目标情况（附表说明）', 4, part, [
        n
          ? `按照${y}年预算编制的相关规定，结合${kw}工作实际及年度目标任务，共有${n}个项目实行绩效目标管理，` +
            `分别为：${list(projects.map((r) => r.name))}。${attached}`
          : '无',
      ]),
    );
  }

  // 十一、国有资产占有使用情况
  {
    const a = facts.assets ?? {};
    sections.push(section('assets', '十一', '国有资产占有使用情况', 2, part, []));
    sections.push(section('assets', '1', '车辆情况', 4, part, [a.vehicles?.trim() || `${kw}无车辆。`]));
    sections.push(section('assets', '2', '房屋情况', 4, part, [a.buildings?.trim() || '无']));
    sections.push(section('assets', '3', '其他国有资产占有使用情况', 4, part, [a.other?.trim() || '无']));
  }

  // 十二、其他说明
  {
    const o = facts.otherNotes ?? {};
    sections.push(section('other_notes', '十二', '其他说明', 2, part, []));
    sections.push(
      section('other_notes', '（一）', '政府购买服务指导性目录', 3, part, [
        o.purchaseServices?.trim() || '无',
      ]),
    );
    const other: string[] = [];
    const govFund = findTable(doc, 'gov_fund_expenditure');
    if (!govFund || govFund.empty || value(totalRow(govFund), 'total').isZero())
      other.push(`${y}年${kw}无政府性基金收支预算。`);
    other.push(...(o.other ?? []).filter((s) => s.trim()));
    sections.push(section('other_notes', '（二）', '其他', 3, part, other.length ? other : ['无']));
  }
  return sections;
}
