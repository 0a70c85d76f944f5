// The explanation (情况说明) against the tables: every amount, share, change, count and list it states.
import { Amount, Decimal } from '../../model/money.js';
import type { Section } from '../../model/schema.js';
import type { AmountClaim, Claim, CountClaim, Percent } from '../../narrative/claims.js';
import { compareAmounts } from '../amounts.js';
import { bindClaim, sectionLabel, topicOf, type SectionTopic } from '../bind.js';
import type { Fact } from '../facts.js';
import { at, looseName, tableLabel } from '../tables.js';
import type { FindingInput, Rule, RuleContext } from '../types.js';

/** Where a claim is, for a finding. */
export function claimAt(claim: Claim): Partial<FindingInput> {
  const out: Partial<FindingInput> = {
    table: null,
    section: sectionLabel(claim.place.section),
    excerpt: claim.place.sentence,
  };
  const src = claim.place.source ?? claim.place.section.source;
  if (src) {
    out.page = src.page;
    if (src.line) out.line = src.line;
  }
  return out;
}

/** The enclosing section (a level-2 item for a level-3 sub-item), for topic detection. */
function parentOf(sections: readonly Section[], index: number): Section | undefined {
  if (index < 0 || index >= sections.length) return undefined;
  const level = sections[index].level;
  for (let i = index - 1; i >= 0; i--) if (sections[i].level < level) return sections[i];
  return undefined;
}

function topicFor(ctx: RuleContext, claim: Claim): SectionTopic {
  return topicOf(claim.place.section, parentOf(ctx.doc.sections, claim.place.sectionIndex));
}

const amountClaims = (ctx: RuleContext) => ctx.claims().filter((c): c is AmountClaim => c.kind === 'amount');

function factText(fact: Fact): string {
  const name = fact.row?.name ?? '';
  // a name that carries its own quotes (“三公”经费小计) is not quoted again
  return `${tableLabel(fact.table)}${!name ? '' : /[“”]/.test(name) ? name : `“${name}”`}`;
}

export const narrativeAmount: Rule = {
  meta: {
    id: 'narrative.amount',
    category: 'narrative',
    severity: 'error',
    title: '说明中的金额与表中数据一致',
    basis: '情况说明的数字均取自报表（财预〔2016〕143号）；差异超出四舍五入即为错误',
  },
  check(ctx) {
    const facts = ctx.facts();
    for (const claim of amountClaims(ctx)) {
      const fact = bindClaim(claim, facts, topicFor(ctx, claim));
      if (!fact) continue;
      const unit = claim.amount.unit;
      const cmp = compareAmounts(claim.amount, fact.parts ?? [fact.amount], unit);
      if (!cmp || cmp.status === 'exact') continue;
      const rounding = cmp.status === 'rounding';
      // 877,080元 printed as 87.70万元: the digits are right, the conversion cut instead of rounding.
      const truncated = !rounding && !fact.parts && fact.amount && cutAt(fact.amount, claim.amount);
      // The finding concerns both the sentence and the cell: it names the section and the table.
      const cell = at(fact.table, fact.row, fact.column);
      // The table's figure as printed (2,961.68), not at the claim's precision (0.3 → 2961.7).
      const printed =
        fact.amount && fact.amount.unit === unit && !fact.parts ? fact.amount.toString() : cmp.expected;
      ctx.report({
        ...claimAt(claim),
        table: fact.table.kind,
        row_code: cell.row_code,
        row_name: cell.row_name,
        column: cell.column,
        severity: rounding ? 'info' : truncated ? 'warning' : undefined,
        message: `说明称“${claim.subject}${claim.text}”，${factText(fact)}为${printed}${unit}${rounding ? '（四舍五入差异）' : truncated ? `（${fact.amount!.toString()}${fact.amount!.unit}，说明中末位截断而未四舍五入）` : `，相差${cmp.difference.toFixed()}${unit}`}`,
        expected: cmp.expected,
        actual: cmp.actual,
      });
    }
  },
};

/** The printed amount is the table's amount cut (not rounded) at the printed precision. */
function cutAt(table: Amount, printed: Amount): boolean {
  const exact = table.to(printed.unit).value;
  return exact.toDecimalPlaces(printed.scale, Decimal.ROUND_DOWN).eq(printed.value);
}

export const narrativeUnbound: Rule = {
  meta: {
    id: 'narrative.unbound',
    category: 'narrative',
    severity: 'info',
    title: '说明中无法对应到报表的金额',
    basis: '提示：这些数字在报表中找不到对应项，需人工核对',
  },
  check(ctx) {
    const facts = ctx.facts();
    for (const claim of amountClaims(ctx)) {
      if (bindClaim(claim, facts, topicFor(ctx, claim))) continue;
      // A part of an amount that adds up is checked by narrative.parts.
      ctx.report({
        ...claimAt(claim),
        message: `“${claim.subject || '（无主语）'}${claim.text}”在报表中没有对应的数据，未能核对`,
        actual: claim.amount.toString(),
      });
    }
  },
};

/** The interval of part/whole×100 allowed by the printed precision of both amounts and of the percentage. */
export function shareInterval(
  part: Amount,
  whole: Amount,
  pct: Percent,
  /** For a whole that is a sum of printed amounts: the sum of their rounding tolerances. */
  wholeTolerance?: Decimal,
): { low: Decimal; high: Decimal; exact: Decimal | null } {
  const p = part.value;
  const w = whole.to(part.unit).value;
  const tp = part.roundingTolerance();
  const tw = wholeTolerance ?? whole.to(part.unit).roundingTolerance();
  const half = new Decimal(10).pow(-pct.scale).div(2);
  const exact = w.isZero() ? null : p.div(w).mul(100);
  const lowDen = w.plus(tw);
  const highDen = w.minus(tw);
  const low = lowDen.lte(0) ? new Decimal(0) : Decimal.max(p.minus(tp), 0).div(lowDen).mul(100).minus(half);
  const high = highDen.lte(0) ? new Decimal(Infinity) : p.plus(tp).div(highDen).mul(100).plus(half);
  return { low, high, exact };
}

export const narrativeShare: Rule = {
  meta: {
    id: 'narrative.share',
    category: 'narrative',
    severity: 'error',
    title: '占比与金额一致',
    basis: '“占X%”应等于该项金额除以总额，误差不超过两者及百分数的印刷精度',
  },
  check(ctx) {
    const all = amountClaims(ctx);
    all.forEach((c, i) => ORDER.set(c, i));
    for (const claim of all) {
      if (!claim.share || (!claim.whole && !claim.shareOf)) continue;
      // The whole is usually the paragraph's first amount; a share may also refer to another total stated before
      // it in the same section. It is wrong only when no such total explains it.
      const named = claim.shareOf ? namedWhole(ctx, claim, all) : undefined;
      let wholes = [
        ...(claim.whole ? [claim.whole] : []),
        ...all.filter((c) => c !== claim.whole && c !== claim && !c.share && before(c, claim)),
      ];
      // A share that names its whole is not checked against an amount of another name.
      if (claim.shareOf && !named) {
        const name = looseName(claim.shareOf);
        wholes = wholes.filter((c) => looseName(c.subject).includes(name));
        if (wholes.length === 0) continue;
      }
      const candidates: Amount[] = named ? [named.amount] : wholes.map((c) => c.amount);
      const agrees = candidates.some((w) => {
        if (w.isZero()) return true;
        const { low, high } = shareInterval(claim.amount, w, claim.share!, named?.tolerance);
        return claim.share!.value.gte(low) && claim.share!.value.lte(high);
      });
      if (agrees) continue;
      const whole = named?.amount ?? wholes[0].amount;
      const { exact } = shareInterval(claim.amount, whole, claim.share);
      const expected = `${exact!.toFixed(claim.share.scale, Decimal.ROUND_HALF_UP)}%`;
      const truncated = isTruncation(exact!, claim.share) ? '（末位截断）' : '';
      // The whole is certain when a table gives the one the share names, or when it opens the list the share
      // belongs to; otherwise a human decides.
      const certain = named
        ? named.certain
        : wholes[0] === claim.whole &&
          (claim.head === claim.whole ||
            /主要包括|其中|主要用于|分别为|包括/.test(claim.whole.place.sentence));
      // Preparers often move the last digit of one share so that the list adds up to 100%: a difference of one
      // unit in the last printed digit in such a list is a rounding adjustment, not a wrong figure.
      const adjusted = isTailAdjustment(claim, all, expected);
      ctx.report({
        ...claimAt(claim),
        severity: adjusted ? 'info' : certain ? undefined : 'warning',
        message: `“${claim.subject}${claim.text}，占${claim.share.text}”：按${named?.label ?? `总额${wholes[0].text}`}计算应占${expected}${truncated && !adjusted ? `，印为${claim.share.text}${truncated}` : ''}${adjusted ? '（各项占比合计为100%，属尾差调整）' : ''}`,
        expected,
        actual: claim.share.text,
      });
    }
  },
};

/**
 * The whole a share names ("占“三公”经费的8.75%"): the table fact of that name when the tables give one (certain);
 * otherwise, when several amounts of the paragraph are shares of the same named whole, their sum (the items of a
 * breakdown: 出国 + 用车 + 接待 = “三公”经费), which a human should confirm.
 */
function namedWhole(
  ctx: RuleContext,
  claim: AmountClaim,
  all: readonly AmountClaim[],
): { amount: Amount; label: string; certain: boolean; tolerance?: Decimal } | undefined {
  const name = claim.shareOf!;
  const fact = bindClaim({ ...claim, subject: name }, ctx.facts(), topicFor(ctx, claim));
  if (fact?.amount)
    return { amount: fact.amount, label: `${factText(fact)}${fact.amount.toString()}`, certain: true };
  const siblings = all.filter(
    (c) =>
      c.shareOf === name &&
      c.place.sectionIndex === claim.place.sectionIndex &&
      c.place.paragraph === claim.place.paragraph,
  );
  if (siblings.length < 2) return undefined;
  let sum = siblings[0].amount;
  for (const c of siblings.slice(1)) sum = sum.plus(c.amount);
  const unit = claim.amount.unit;
  const tolerance = siblings.reduce((t, c) => t.plus(c.amount.to(unit).roundingTolerance()), new Decimal(0));
  return { amount: sum, label: `${name}（各项合计${sum.toString()}）`, certain: false, tolerance };
}

/**
 * The share differs by one unit of its last digit, and it belongs to a run of consecutive shares of its section
 * (the items of one breakdown, often one per line) that adds up to exactly 100%.
 */
function isTailAdjustment(claim: AmountClaim, all: readonly AmountClaim[], expected: string): boolean {
  const share = claim.share!;
  const unit = new Decimal(10).pow(-share.scale);
  if (
    !share.value
      .minus(new Decimal(expected.replace('%', '')))
      .abs()
      .eq(unit)
  )
    return false;
  const shares = all.filter((c) => c.share && c.place.sectionIndex === claim.place.sectionIndex);
  const k = shares.indexOf(claim);
  for (let start = Math.max(0, k - 8); start <= k; start++) {
    let sum = new Decimal(0);
    for (let end = start; end < Math.min(shares.length, start + 10); end++) {
      sum = sum.plus(shares[end].share!.value);
      if (end >= k && end > start && sum.eq(100)) return true;
      if (sum.gt(100)) break;
    }
  }
  return false;
}

/** True when `a` is printed before `b` in the same section. */
function before(a: AmountClaim, b: AmountClaim): boolean {
  if (a.place.sectionIndex !== b.place.sectionIndex || a.place.section !== b.place.section) return false;
  return (
    a.place.paragraph < b.place.paragraph || (a.place.paragraph === b.place.paragraph && order(a) < order(b))
  );
}

const ORDER = new WeakMap<AmountClaim, number>();
function order(c: AmountClaim): number {
  return ORDER.get(c) ?? 0;
}

/** The previous year's amount a change implies: current − increase, current + decrease. */
export function impliedPrior(
  claim: AmountClaim,
): { value: Decimal; tolerance: Decimal; unit: Amount['unit'] } | null {
  const ch = claim.change;
  if (!ch?.amount || !ch.direction || ch.direction === 'flat') return null;
  const unit = claim.amount.unit;
  const c = claim.amount.value;
  const a = ch.amount.to(unit).value;
  const value = ch.direction === 'decrease' ? c.plus(a) : c.minus(a);
  return {
    value,
    tolerance: claim.amount.roundingTolerance().plus(ch.amount.to(unit).roundingTolerance()),
    unit,
  };
}

/** The printed percentage is the exact rate cut after its last digit instead of rounded (35.778… → 35.77). */
export function isTruncation(exact: Decimal, printed: Percent): boolean {
  const down = exact.toDecimalPlaces(printed.scale, Decimal.ROUND_DOWN);
  return (
    down.eq(printed.value) && !exact.toDecimalPlaces(printed.scale, Decimal.ROUND_HALF_UP).eq(printed.value)
  );
}

/** "变动率应为35.78%，印为35.77%（末位截断）" or "变动率应为1.69%，而说明写1.66%". */
function percentVerdict(rate: Decimal, printed: Percent): string {
  const exact = rate.toFixed(printed.scale, Decimal.ROUND_HALF_UP);
  return isTruncation(rate, printed)
    ? `变动率应为${exact}%，印为${printed.text}（末位截断）`
    : `变动率应为${exact}%，而说明写${printed.text}`;
}

export const narrativeChange: Rule = {
  meta: {
    id: 'narrative.change',
    category: 'narrative',
    severity: 'error',
    title: '增减额、增减率与方向一致',
    basis: '“比上年减少A，下降B%”：B = A ÷ 上年数，上年数 = 本年数 ± A；方向词不得矛盾',
  },
  check(ctx) {
    const priors = new Map<string, { claim: AmountClaim; value: Decimal; tolerance: Decimal }>();
    const facts = ctx.facts();
    for (const claim of amountClaims(ctx)) {
      const ch = claim.change;
      if (!ch) continue;
      if (ch.direction && ch.percentDirection && ch.direction !== ch.percentDirection) {
        ctx.report({
          ...claimAt(claim),
          message: `“${claim.subject}”的增减方向前后矛盾：金额为${ch.direction === 'increase' ? '增加' : '减少'}，比率为${ch.percentDirection === 'increase' ? '增长' : '下降'}`,
        });
      }
      if (ch.amount && ch.percent && ch.direction && ch.direction !== 'flat') {
        const unit = claim.amount.unit;
        const a = ch.amount.to(unit);
        const c = claim.amount;
        const ta = a.roundingTolerance();
        const tc = c.roundingTolerance();
        const sign = ch.direction === 'decrease' ? 1 : -1;
        const prior = (aa: Decimal, cc: Decimal) => cc.plus(aa.mul(sign));
        const half = new Decimal(10).pow(-ch.percent.scale).div(2);
        const pLow = prior(a.value.minus(ta), c.value.plus(tc));
        const pHigh = prior(a.value.plus(ta), c.value.minus(tc));
        const exactPrior = prior(a.value, c.value);
        if (exactPrior.gt(0)) {
          const low = pLow.gt(0)
            ? Decimal.max(a.value.minus(ta), 0).div(Decimal.max(pLow, pHigh)).mul(100).minus(half)
            : new Decimal(0);
          const high = Decimal.min(pLow, pHigh).gt(0)
            ? a.value.plus(ta).div(Decimal.min(pLow, pHigh)).mul(100).plus(half)
            : new Decimal(Infinity);
          const printed = ch.percent.value;
          if (printed.lt(low) || printed.gt(high)) {
            const rate = a.value.div(exactPrior).mul(100);
            const exact = rate.toFixed(ch.percent.scale, Decimal.ROUND_HALF_UP);
            ctx.report({
              ...claimAt(claim),
              message: `“${claim.subject}${claim.text}”比${ch.comparedTo}${ch.direction === 'decrease' ? '减少' : '增加'}${ch.amountText}，上年数应为${exactPrior.toFixed()}${unit}，${percentVerdict(rate, ch.percent)}`,
              expected: `${exact}%`,
              actual: ch.percent.text,
            });
          }
        }
      }
      const implied = impliedPrior(claim);
      if (!implied) continue;
      const fact = bindClaim(claim, facts, topicFor(ctx, claim));
      // 收入总计与支出总计逐年相等，两者的上年数也应相等。
      if (!fact) continue;
      // Budgeted totals balance every year, so 收入总计 and 支出总计 share one prior; executed amounts need not.
      const executed = /执行|决算|实际/.test(ch!.comparedTo);
      const key = /grand_total$/.test(fact.id) && !executed ? 'grand_total' : fact.id;
      const compared = `${key}@${ch!.year ?? 'prev'}`;
      const earlier = priors.get(compared);
      if (!earlier) {
        priors.set(compared, { claim, ...implied });
        continue;
      }
      const diff = earlier.value.minus(implied.value).abs();
      // Equal printed current amounts of equal facts leave only the rounding of the two printed changes.
      const sameCurrent =
        earlier.claim.amount.value.eq(claim.amount.value) &&
        earlier.claim.amount.scale === claim.amount.scale;
      const tolerance = sameCurrent
        ? earlier.claim.change!.amount!.roundingTolerance().plus(ch.amount!.roundingTolerance())
        : earlier.tolerance.plus(implied.tolerance);
      if (diff.gte(tolerance))
        ctx.report({
          ...claimAt(claim),
          // 收入总计 vs 支出总计 are equal only where the text means the totals: certain when both print one amount.
          severity: sameCurrent || earlier.claim.subject === claim.subject ? undefined : 'warning',
          message: `“${claim.subject}”隐含的上年数为${implied.value.toFixed()}${implied.unit}，与前文“${earlier.claim.subject}”隐含的上年数${earlier.value.toFixed()}${implied.unit}不一致`,
          expected: earlier.value.toFixed(),
          actual: implied.value.toFixed(),
        });
    }
  },
};

export const narrativeParts: Rule = {
  meta: {
    id: 'narrative.parts',
    category: 'narrative',
    severity: 'error',
    title: '“其中”各项之和等于总额',
    basis: '算术：如政府采购预算总额 = 货物 + 工程 + 服务',
  },
  check(ctx) {
    for (const claim of amountClaims(ctx)) {
      if (!claim.parts || claim.parts.length < 2) continue;
      const cmp = compareAmounts(
        claim.amount,
        claim.parts.map((p) => p.amount),
        claim.amount.unit,
      );
      if (!cmp || cmp.status === 'exact') continue;
      const rounding = cmp.status === 'rounding';
      ctx.report({
        ...claimAt(claim),
        severity: rounding ? 'info' : undefined,
        message: `“${claim.subject}${claim.text}”与其中各项（${claim.parts.map((p) => p.subject + p.text).join('、')}）之和${cmp.expected}${claim.amount.unit}${rounding ? '有四舍五入差异' : '不符'}`,
        expected: cmp.expected,
        actual: cmp.actual,
      });
    }
  },
};

export const narrativeCount: Rule = {
  meta: {
    id: 'narrative.count',
    category: 'narrative',
    severity: 'error',
    title: '个数与列举的项目一致',
    basis: '“设21个内设机构，分别是…”、“项目11个”：个数应等于列举的项数和项目支出表的项目数',
  },
  check(ctx) {
    const facts = ctx.facts();
    for (const claim of ctx.claims().filter((c): c is CountClaim => c.kind === 'count')) {
      // A list of fewer than two items was not read as a list (a wrapped or garbled sentence).
      if (
        claim.list &&
        !claim.list.open &&
        claim.list.items.length >= 2 &&
        claim.list.items.length !== claim.count
      )
        ctx.report({
          ...claimAt(claim),
          message: `说明称${claim.count}个${claim.noun}，随后列举了${claim.list.items.length}个`,
          expected: String(claim.list.items.length),
          actual: String(claim.count),
        });
      if (
        claim.noun === '项目' &&
        facts.projects.length &&
        topicFor(ctx, claim) === 'performance' &&
        claim.count !== facts.projects.length
      )
        ctx.report({
          ...claimAt(claim),
          severity: 'warning',
          message: `说明称${claim.count}个项目实行绩效目标管理，项目支出表列有${facts.projects.length}个项目`,
          expected: String(facts.projects.length),
          actual: String(claim.count),
        });
    }
  },
};

export const narrativeList: Rule = {
  meta: {
    id: 'narrative.list',
    category: 'narrative',
    severity: 'warning',
    title: '列举的项目与报表一致',
    basis: '人员经费、公用经费“主要包括”的科目应与经济分类表一致；列举的绩效项目应与项目支出表一致',
  },
  check(ctx) {
    const facts = ctx.facts();
    const compare = (
      claim: Claim,
      listed: { items: string[]; open: boolean },
      known: string[],
      other: string[],
      what: string,
    ) => {
      const knownLoose = new Set(known.map(looseName));
      const otherLoose = new Set(other.map(looseName));
      for (const item of listed.items) {
        const l = looseName(item);
        if (knownLoose.has(l)) continue;
        const contradicts = otherLoose.has(l);
        ctx.report({
          ...claimAt(claim),
          severity: contradicts ? 'error' : 'warning',
          message: contradicts
            ? `“${item}”列在${what}中，但报表中它属于另一类`
            : `列举的“${item}”在报表的${what}中找不到`,
          actual: item,
        });
      }
      if (!listed.open) {
        const listedLoose = new Set(listed.items.map(looseName));
        const missing = known.filter((k) => !listedLoose.has(looseName(k)));
        if (missing.length)
          ctx.report({
            ...claimAt(claim),
            message: `${what}的列举缺少报表中的：${missing.join('、')}`,
            expected: missing.join('、'),
          });
      }
    };
    for (const claim of ctx.claims()) {
      if (claim.kind === 'amount' && claim.list) {
        const s = claim.subject;
        if (/人员经费/.test(s) && facts.personnelItems.length)
          compare(claim, claim.list, facts.personnelItems, facts.publicItems, '人员经费');
        else if (/公用经费/.test(s) && facts.publicItems.length)
          compare(claim, claim.list, facts.publicItems, facts.personnelItems, '公用经费');
      } else if (claim.kind === 'count' && claim.list && claim.noun === '项目' && facts.projects.length) {
        compare(
          claim,
          claim.list,
          facts.projects.map((p) => p.name),
          [],
          '项目支出表',
        );
      }
    }
  },
};

export const narrativeSharesTotal: Rule = {
  meta: {
    id: 'narrative.shares-total',
    category: 'narrative',
    severity: 'warning',
    title: '同一总额的各项占比合计不超过100%',
    basis: '各项占同一总额的比例之和不得超过100%（四舍五入误差除外）；嵌套的“其中”项不计入',
  },
  check(ctx) {
    const all = amountClaims(ctx);
    // "基本支出A，占a%，其中人员经费B，占b%": B is part of A, not one more item of the whole.
    const nested = new Set<AmountClaim>();
    for (const c of all) if (c.share) for (const p of c.parts ?? []) nested.add(p);
    const byWhole = new Map<AmountClaim, AmountClaim[]>();
    for (const c of all) {
      if (!c.share || !c.whole || c.shareOf || nested.has(c)) continue;
      byWhole.set(c.whole, [...(byWhole.get(c.whole) ?? []), c]);
    }
    for (const [whole, all] of byWhole) {
      // "…，其中人员经费B，占b%" (the head of the sentence took the 其中): B is nested in the item before it.
      const items = all.filter((c, k) => {
        const prev = all[k - 1];
        if (!prev || prev.place.sentence !== c.place.sentence) return true;
        const s = c.place.sentence;
        const from = s.indexOf(prev.text);
        const to = s.indexOf(c.text, from + prev.text.length);
        return from < 0 || to < 0 || !/其中/.test(s.slice(from, to));
      });
      if (items.length < 2) continue;
      // Subjects must differ: the same item stated twice is not two shares.
      if (new Set(items.map((c) => looseName(c.subject))).size !== items.length) continue;
      const sum = items.reduce((t, c) => t.plus(c.share!.value), new Decimal(0));
      const shown = sum.toFixed(Math.max(...items.map((c) => c.share!.scale)));
      const tolerance = items.reduce(
        (t, c) => t.plus(new Decimal(10).pow(-c.share!.scale).div(2)),
        new Decimal(0),
      );
      if (sum.minus(100).lte(tolerance)) continue;
      ctx.report({
        ...claimAt(items[items.length - 1]),
        message: `占“${whole.subject}${whole.text}”的各项比例合计${shown}%，超过100%（${items.map((c) => `${c.subject}${c.share!.text}`).join('、')}）`,
        expected: '100%',
        actual: `${shown}%`,
      });
    }
  },
};

export const NARRATIVE_RULES: Rule[] = [
  narrativeAmount,
  narrativeShare,
  narrativeChange,
  narrativeParts,
  narrativeSharesTotal,
  narrativeCount,
  narrativeList,
  narrativeUnbound,
];
