// Year over year: the previous year's figures the explanation implies, checked against last year's document.
import { Decimal } from '../../model/money.js';
import type { AmountClaim } from '../../narrative/claims.js';
import { bindClaim, topicOf } from '../bind.js';
import type { Fact, Facts } from '../facts.js';
import type { Rule } from '../types.js';
import { claimAt, impliedPrior } from './narrative.js';

/** The same fact in the prior document: by id, or by class name. */
function priorFact(fact: Fact, priorFacts: Facts): Fact | undefined {
  if (fact.id.startsWith('class.') && fact.row) {
    for (const [name, f] of priorFacts.classes) if (name === fact.row.name.replace(/\s/g, '')) return f;
  }
  return priorFacts.get(fact.id);
}

export const priorChange: Rule = {
  meta: {
    id: 'prior.change',
    category: 'prior',
    severity: 'error',
    title: '说明中的上年数与上年度文件一致',
    basis: '“比上年增减”所隐含的上年数应等于同一单位上年度公开文件中的对应数（同口径）',
  },
  check(ctx) {
    const prior = ctx.prior;
    const priorFacts = ctx.priorFacts();
    if (!prior || !priorFacts) return;
    const year = ctx.doc.metadata.year;
    if (prior.metadata.year !== year - 1) {
      ctx.report({
        table: null,
        severity: 'warning',
        message: `--prior 文件是${prior.metadata.year}年度，本文件是${year}年度，不是上一年度，未核对上年数`,
      });
      return;
    }
    const facts = ctx.facts();
    for (const claim of ctx.claims().filter((c): c is AmountClaim => c.kind === 'amount')) {
      const ch = claim.change;
      if (!ch || (ch.year && ch.year !== year - 1)) continue;
      const fact = bindClaim(claim, facts, topicOf(claim.place.section));
      if (!fact) continue;
      const last = priorFact(fact, priorFacts);
      if (!last?.amount) continue;
      const unit = claim.amount.unit;
      const lastValue = last.amount.to(unit).value;
      const tolLast = last.amount.to(unit).roundingTolerance();
      const implied = impliedPrior(claim);
      if (implied) {
        const diff = implied.value.minus(lastValue).abs();
        if (diff.gte(implied.tolerance.plus(tolLast)))
          ctx.report({
            ...claimAt(claim),
            message: `“${claim.subject}”比上年${ch.direction === 'decrease' ? '减少' : '增加'}${ch.amountText}，即上年为${implied.value.toFixed()}${unit}；上年度文件中为${lastValue.toFixed()}${unit}`,
            expected: lastValue.toFixed(),
            actual: implied.value.toFixed(),
          });
      }
      const actualChange = claim.amount.value.minus(lastValue);
      const actualDirection = actualChange.isZero()
        ? 'flat'
        : actualChange.isPositive()
          ? 'increase'
          : 'decrease';
      const stated = ch.direction ?? ch.percentDirection;
      if (
        stated &&
        stated !== actualDirection &&
        !actualChange.abs().lt(claim.amount.roundingTolerance().plus(tolLast))
      )
        ctx.report({
          ...claimAt(claim),
          message: `“${claim.subject}”说明为${stated === 'increase' ? '增加' : stated === 'decrease' ? '减少' : '持平'}，按上年度文件（${lastValue.toFixed()}${unit}）实为${actualDirection === 'increase' ? '增加' : actualDirection === 'decrease' ? '减少' : '持平'}`,
        });
      if (ch.percent && !lastValue.isZero()) {
        const rate = actualChange.abs().div(lastValue).mul(100);
        const half = new Decimal(10).pow(-ch.percent.scale).div(2);
        const slack = claim.amount.roundingTolerance().plus(tolLast).div(lastValue).mul(100).mul(2);
        if (ch.percent.value.minus(rate).abs().gt(half.plus(slack)))
          ctx.report({
            ...claimAt(claim),
            message: `“${claim.subject}”变动率写${ch.percent.text}，按上年度文件计算为${rate.toFixed(ch.percent.scale, Decimal.ROUND_HALF_UP)}%`,
            expected: `${rate.toFixed(ch.percent.scale, Decimal.ROUND_HALF_UP)}%`,
            actual: ch.percent.text,
          });
      }
    }
  },
};

export const PRIOR_RULES: Rule[] = [priorChange];
