// The explanation in the Shanghai wording (区级单位/部门预算): one 编制说明 (收入, 支出, 财政拨款 by budget, the reason,
// then every 项 of the 财政拨款 tables as "1. “类-款-项”科目X万元，主要用于…"), and 其他相关情况说明 (三公, 机关运行经费,
// 政府采购, 绩效目标, 国有资产). Tables are in 元, the prose in 万元; amounts print without ".00" ("4,614万元",
// "0万元"), as Shanghai preparers write them. Written from the tables of any disclosure plus the facts tables do not
// hold (prior-year figures, reasons, procurement, assets, uses of each 项).
import { Amount, Decimal, formatDecimal } from '../model/money.js';
import type { Disclosure, Row, Section, Table, TableKind } from '../model/schema.js';
import type { ExplanationFacts } from './write.js';

const ZERO = new Decimal(0);

/** "9,101.68万元", "4,614万元", "0万元": two decimals at most, none when the amount is whole. */
export function shanghaiAmount(wan: Decimal): string {
  const d = wan.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return `${formatDecimal(d, d.isInteger() ? 0 : 2)}万元`;
}

/** "比2024年预算减少2,389.52万元", "比2024年预算持平" ("与2024年预算持平" in the 三公 item, as published). */
function change(current: Decimal, prior: Decimal | undefined, year: number, same = '比'): string {
  if (prior === undefined) return '';
  const diff = current.minus(prior).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (diff.isZero()) return `，${same}${year - 1}年预算持平`;
  return `，比${year - 1}年预算${diff.isPositive() ? '增加' : '减少'}${shanghaiAmount(diff.abs())}`;
}

const table = (doc: Disclosure, kind: TableKind) => doc.tables.find((t) => t.kind === kind);

/** A cell in 万元, whatever the table's unit. */
function wanOf(t: Table | undefined, row: Row | undefined, column: string): Decimal {
  const v = row?.cells[column]?.value;
  if (!t || !v) return ZERO;
  return Amount.of(v, t.unit).to('万元').value;
}

const totalRow = (t: Table | undefined, side?: 'income' | 'expenditure') =>
  t?.rows.find((r) => r.role === 'total' && (!side || !r.side || r.side === side)) ??
  t?.rows.find((r) => r.role === 'grand_total' && (!side || r.side === side));

const optional = (v: string | undefined) => (v === undefined ? undefined : new Decimal(v));

function section(
  kind: Section['kind'],
  number: string | undefined,
  title: string,
  paragraphs: string[],
): Section {
  return { kind, number, title, level: 2, paragraphs: paragraphs.map((text) => ({ text })) };
}

/** The explanation sections of a Shanghai-layout document. */
export function writeShanghaiExplanation(doc: Disclosure, facts: ExplanationFacts = {}): Section[] {
  const y = doc.metadata.year;
  const unit = doc.metadata.unit;
  const kw = doc.metadata.kind.startsWith('department') ? '部门' : '单位';
  const prior = facts.prior ?? {};
  const reasons = facts.reasons ?? {};
  const A = shanghaiAmount;

  // 编制说明
  const revenue = table(doc, 'revenue');
  const rt = totalRow(revenue);
  const fiscalSummary = table(doc, 'fiscal_summary');
  const fe = totalRow(fiscalSummary, 'expenditure');
  const fiscalIncome = rt?.cells.fiscal ? wanOf(revenue, rt, 'fiscal') : wanOf(fiscalSummary, fe, 'total');
  const fiscalSpend = wanOf(fiscalSummary, fe, 'total');
  const priorFiscal = optional(prior.total);
  const paragraphs = [
    `${y}年，${unit}收入预算${A(wanOf(revenue, rt, 'total'))}，其中：财政拨款收入${A(fiscalIncome)}` +
      `${change(fiscalIncome, priorFiscal, y)}；事业收入${A(wanOf(revenue, rt, 'business_income'))}；` +
      `事业单位经营收入${A(wanOf(revenue, rt, 'operating_income'))}；其他收入${A(wanOf(revenue, rt, 'other_income'))}。`,
    `支出预算${A(wanOf(table(doc, 'expenditure'), totalRow(table(doc, 'expenditure')), 'total'))}，其中：` +
      `财政拨款支出预算${A(fiscalSpend)}${change(fiscalSpend, priorFiscal, y)}。财政拨款支出预算中，` +
      `一般公共预算拨款支出预算${A(wanOf(fiscalSummary, fe, 'general_public'))}` +
      `${change(wanOf(fiscalSummary, fe, 'general_public'), optional(prior.generalCurrent), y)}；` +
      `政府性基金拨款支出预算${A(wanOf(fiscalSummary, fe, 'gov_fund'))}` +
      `${change(wanOf(fiscalSummary, fe, 'gov_fund'), optional(prior.govFund), y)}；` +
      `国有资本经营预算拨款支出预算${A(wanOf(fiscalSummary, fe, 'state_capital'))}` +
      `${change(wanOf(fiscalSummary, fe, 'state_capital'), optional(prior.stateCapital), y)}。`,
  ];
  if (priorFiscal !== undefined && !fiscalSpend.eq(priorFiscal) && reasons.total?.trim())
    paragraphs.push(
      `财政拨款收入支出${fiscalSpend.gt(priorFiscal) ? '增加' : '减少'}的主要原因是` +
        `${reasons.total.trim().replace(/[。；;，,]+$/, '')}。`,
    );
  // Every 项 of the three 财政拨款 function tables, named 类-款-项 as the classification does.
  const items: string[] = [];
  for (const kind of ['general_expenditure', 'gov_fund_expenditure', 'state_capital'] as const) {
    const t = table(doc, kind);
    const nameOf = (code: string) => t?.rows.find((r) => r.code === code)?.name ?? '';
    for (const r of t?.rows ?? []) {
      if (r.code?.length !== 7 || wanOf(t, r, 'total').isZero()) continue;
      const use = facts.uses?.[r.code]?.trim().replace(/[。；;，,]+$/, '');
      items.push(
        `${items.length + 1}. “${nameOf(r.code.slice(0, 3))}-${nameOf(r.code.slice(0, 5))}-${r.name}”科目` +
          `${A(wanOf(t, r, 'total'))}${use ? `，主要用于${use}` : ''}。`,
      );
    }
  }
  if (items.length) paragraphs.push('财政拨款支出主要内容如下：', ...items);
  const sections = [section('changes', undefined, `${y}年${kw}预算编制说明`, paragraphs)];

  // 其他相关情况说明: 一、“三公”经费
  const tp = table(doc, 'three_public');
  const item = (name: RegExp) =>
    wanOf(
      tp,
      tp?.rows.find((r) => name.test(r.name)),
      'total',
    );
  const threeTotal = wanOf(tp, totalRow(tp), 'total');
  sections.push(
    section('three_public', '一', `${y}年“三公”经费预算情况说明`, [
      `${y}年“三公”经费预算数为${A(threeTotal)}${change(threeTotal, optional(prior.threePublic), y, '与')}。其中：`,
      `（一）因公出国（境）费${A(item(/因公出国/))}。`,
      `（二）公务用车购置及运行费${A(item(/公务用车购置及运行/))}。其中：公务用车购置费${A(item(/^公务用车购置费$/))}；` +
        `公务用车运行费${A(item(/公务用车运行(维护)?费$/))}。`,
      `（三）公务接待费${A(item(/公务接待/))}。`,
    ]),
  );

  // 二、机关运行经费: folded into the 三公 table in this family, or a table of its own.
  const ops = table(doc, 'operating_costs');
  const opsRow = tp?.rows.find((r) => /机关运行经费/.test(r.name));
  const operating = opsRow ? wanOf(tp, opsRow, 'total') : wanOf(ops, totalRow(ops), 'total');
  sections.push(
    section('operating_costs', '二', '机关运行经费预算', [
      `${y}年${unit}财政拨款的机关运行经费预算为${A(operating)}` +
        `${change(operating, optional(prior.operatingCosts), y)}。`,
    ]),
  );

  // 三、政府采购
  const p = facts.procurement ?? {};
  const goods = new Decimal(p.goods || 0);
  const works = new Decimal(p.works || 0);
  const services = new Decimal(p.services || 0);
  sections.push(
    section('procurement', '三', '政府采购预算情况', [
      `${y}年度本${kw}政府采购预算${A(goods.plus(works).plus(services))}，其中：政府采购货物预算${A(goods)}、` +
        `政府采购工程预算${A(works)}、政府采购服务预算${A(services)}。`,
    ]),
  );

  // 四、绩效目标: the projects with forms, and their funds.
  const forms = doc.performanceForms;
  const formFunds = forms.reduce(
    (a, f) => a.plus(f.funding.year.total ? Amount.of(f.funding.year.total, f.unit).to('万元').value : ZERO),
    ZERO,
  );
  const targeted = facts.performance ?? { projects: forms.length, amount: formFunds.toString() };
  sections.push(
    section('performance', '四', '绩效目标设置情况', [
      targeted.projects > 0
        ? `${y}年度，本${kw}编报绩效目标的项目共${targeted.projects}个，涉及项目预算资金${A(new Decimal(targeted.amount))}。`
        : `${y}年度，本${kw}无编报绩效目标的项目。`,
    ]),
  );

  // 五、国有资产: the preparer's own statement.
  const assets = facts.assets ?? {};
  const assetText = [assets.vehicles, assets.buildings, assets.other].filter((t): t is string =>
    Boolean(t?.trim()),
  );
  sections.push(section('assets', '五', '国有资产占有使用情况', assetText.length ? assetText : ['无']));
  return sections;
}
