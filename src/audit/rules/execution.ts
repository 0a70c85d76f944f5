// Sentences that compare a budget with an execution: the Shanghai execution sentence ("2025年当年预算执行数为A万元，
// 2026年预算安排B万元，比2025年预算执行数增加C万元，增长D%") and the 决算 sentence ("年初预算为A万元，支出决算为
// B万元，完成年初预算的X%。决算数小于预算数的主要原因…"): every figure against the others.
import { Amount, Decimal } from '../../model/money.js';
import type { Disclosure, SourceRef } from '../../model/schema.js';
import type { Percent } from '../../narrative/claims.js';
import { readAmount } from '../../narrative/vocabulary.js';
import { sectionLabel } from '../bind.js';
import type { FindingInput, Rule } from '../types.js';
import { shareInterval } from './narrative.js';

interface Sentence {
  text: string;
  /** The sentences before it in its paragraph. */
  before: string;
  section: string;
  source?: SourceRef;
}

/** Every sentence of the explanation, whitespace removed (PDF lines wrap inside numbers and words). */
export function sentences(doc: Disclosure): Sentence[] {
  const out: Sentence[] = [];
  for (const s of doc.sections) {
    if (s.kind === 'glossary') continue;
    for (const p of s.paragraphs) {
      const parts = p.text.replace(/[\s\u3000]+/g, '').split(/(?<=[。！？])/);
      let before = '';
      for (const text of parts) {
        if (text) out.push({ text, before, section: sectionLabel(s), source: p.source ?? s.source });
        before += text;
      }
    }
  }
  return out;
}

function place(s: Sentence): Partial<FindingInput> {
  const out: Partial<FindingInput> = { table: null, section: s.section, excerpt: s.text };
  if (s.source) {
    out.page = s.source.page;
    if (s.source.line) out.line = s.source.line;
  }
  return out;
}

const NUMBER = '(-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?)';
const WORD = '(增加（减少）|减少（增加）|增长（下降）|下降（增长）|增加|减少|增长|下降|上升|降低|持平)';

const EXECUTION = new RegExp(
  `(\\d{4})年(?:当年)?预算执行数?为?${NUMBER}万元[，,](\\d{4})年预算(?:安排)?(?:为)?${NUMBER}万元[，,](?:比|较)(\\d{4})年(?:当年)?预算执行数?(.*?)(?:[。；;]|$)`,
);
const TAIL = new RegExp(`^${WORD}?(?:${NUMBER}万元)?[，,]?(?:${WORD}?(\\d+(?:\\.\\d+)?)[%％])?`);

function percentOf(text: string): Percent {
  const dot = text.indexOf('.');
  return { value: new Decimal(text), scale: dot < 0 ? 0 : text.length - dot - 1, text: `${text}%` };
}

function directionOf(word: string | undefined): 'increase' | 'decrease' | 'flat' | null {
  if (!word || /（/.test(word)) return null;
  if (/增加|增长|上升/.test(word)) return 'increase';
  if (/减少|下降|降低/.test(word)) return 'decrease';
  return 'flat';
}

/** The direction two printed amounts show; 'flat' when equal as printed. */
function actualDirection(from: Amount, to: Amount): 'increase' | 'decrease' | 'flat' {
  const d = to.value.minus(from.to(to.unit).value);
  return d.isZero() ? 'flat' : d.isPositive() ? 'increase' : 'decrease';
}

const DIRECTION_TEXT = { increase: '增加', decrease: '减少', flat: '持平' } as const;

export const executionSentence: Rule = {
  meta: {
    id: 'narrative.execution',
    category: 'narrative',
    severity: 'error',
    title: '预算执行数与预算安排数的比较一致',
    basis:
      '“上年预算执行数为A，本年预算安排B，比上年预算执行数增加C，增长D%”：C = B − A，D = C ÷ A，方向与A、B一致，B与本项金额一致；A为0时无增长率',
  },
  check(ctx) {
    const year = ctx.doc.metadata.year;
    for (const s of sentences(ctx.doc)) {
      const m = EXECUTION.exec(s.text);
      if (!m) continue;
      const [, yearA, textA, yearB, textB, yearCompared, tail] = m;
      const a = readAmount(textA, '万元');
      const b = readAmount(textB, '万元');
      const at = place(s);
      if (Number(yearB) !== year || Number(yearA) !== year - 1 || Number(yearCompared) !== Number(yearA))
        ctx.report({
          ...at,
          severity: 'warning',
          message: `${year}年预算的执行数比较中年度不符：执行数为${yearA}年，预算安排为${yearB}年，比较对象为${yearCompared}年（应分别为${year - 1}年、${year}年、${year - 1}年）`,
        });
      // The item's amount opens the sentence before ("“…（项）”25.77万元，主要用于…"): the budget B is that amount.
      const previous =
        s.before
          .split(/(?<=[。！？])/)
          .filter(Boolean)
          .pop() ?? '';
      const head = /[（(][类款项][）)][^。]*?([\d,]+(?:\.\d+)?)万元/.exec(previous);
      if (head) {
        const item = readAmount(head[1], '万元');
        if (!item.value.eq(b.value))
          ctx.report({
            ...at,
            message: `${yearB}年预算安排${b.toString()}万元，与本项所列的${item.toString()}万元不一致`,
            expected: item.toString(),
            actual: b.toString(),
          });
      }
      const t = TAIL.exec(tail);
      if (!t) continue;
      const [, word1, textC, word2, textD] = t;
      const word = directionOf(word1) ? word1 : word2;
      const stated = directionOf(word);
      const shown = actualDirection(a, b);
      if (stated && stated !== shown)
        ctx.report({
          ...at,
          message: `执行数${a.toString()}万元、预算安排${b.toString()}万元，应为${DIRECTION_TEXT[shown]}，说明写“${word}”`,
          expected: DIRECTION_TEXT[shown],
          actual: word,
        });
      const diff = new Amount(b.value.minus(a.value).abs(), '万元', Math.max(a.scale, b.scale));
      if (textC) {
        const c = readAmount(textC, '万元');
        const tolerance = a.roundingTolerance().plus(b.roundingTolerance()).plus(c.roundingTolerance());
        if (c.value.minus(diff.value).abs().gte(tolerance))
          ctx.report({
            ...at,
            message: `增减额应为${diff.toString()}万元（${b.toString()} − ${a.toString()}），说明写${c.toString()}万元`,
            expected: diff.toString(),
            actual: c.toString(),
          });
      }
      if (!textD) continue;
      const d = percentOf(textD);
      if (a.isZero()) {
        ctx.report({
          ...at,
          severity: 'warning',
          message: `${yearA}年预算执行数为0，增减比例无法计算，说明却写${d.text}`,
          actual: d.text,
        });
        continue;
      }
      // D = |B − A| ÷ A; the tolerance follows the printed precision of A, B and D.
      const { low, high, exact } = shareInterval(diff, a, d, a.roundingTolerance());
      const widen = b.roundingTolerance().div(a.value).mul(100);
      if (d.value.gte(low.minus(widen)) && d.value.lte(high.plus(widen))) continue;
      const expected = `${exact!.toFixed(d.scale, Decimal.ROUND_HALF_UP)}%`;
      ctx.report({
        ...at,
        message: `增减比例应为${expected}（|${b.toString()} − ${a.toString()}| ÷ ${a.toString()}），说明写${d.text}`,
        expected,
        actual: d.text,
      });
    }
  },
};

const FINAL = new RegExp(
  `年初预算(?:数)?为${NUMBER}万元[，,][^。]*?决算(?:数)?为${NUMBER}万元[，,]?(?:完成年初预算的(\\d+(?:\\.\\d+)?)[%％])?`,
);
const VERDICT = /决算数(大于|小于|等于|与)(?:年初)?预算数(持平|相等|一致)?/;

export const finalAgainstBudget: Rule = {
  meta: {
    id: 'narrative.final-budget',
    category: 'narrative',
    severity: 'error',
    title: '决算数与年初预算数的比较一致',
    basis:
      '“年初预算为A，支出决算为B，完成年初预算的X%，决算数小于预算数”：X = B ÷ A，大于/小于/等于与A、B一致；A为0时无完成比例',
  },
  check(ctx) {
    if (!ctx.doc.metadata.kind.endsWith('final')) return;
    for (const s of sentences(ctx.doc)) {
      const m = FINAL.exec(s.text);
      if (!m) continue;
      const a = readAmount(m[1], '万元');
      const b = readAmount(m[2], '万元');
      const at = place(s);
      if (m[3]) {
        const x = percentOf(m[3]);
        if (a.isZero())
          ctx.report({
            ...at,
            severity: 'warning',
            message: `年初预算为0，完成年初预算的比例无法计算，说明却写${x.text}`,
            actual: x.text,
          });
        else {
          const { low, high, exact } = shareInterval(b, a, x);
          if (x.value.lt(low) || x.value.gt(high)) {
            const expected = `${exact!.toFixed(x.scale, Decimal.ROUND_HALF_UP)}%`;
            ctx.report({
              ...at,
              message: `完成年初预算的比例应为${expected}（${b.toString()} ÷ ${a.toString()}），说明写${x.text}`,
              expected,
              actual: x.text,
            });
          }
        }
      }
      // The verdict may open the next sentence ("决算数小于预算数的主要原因：…").
      const rest = s.text.slice(m.index + m[0].length);
      const verdict = VERDICT.exec(rest) ?? VERDICT.exec(nextSentence(ctx.doc, s) ?? '');
      if (!verdict) continue;
      const stated = verdict[1] === '大于' ? 'increase' : verdict[1] === '小于' ? 'decrease' : 'flat';
      const shown = actualDirection(a, b);
      if (stated !== shown) {
        const word = { increase: '大于', decrease: '小于', flat: '等于' }[shown];
        ctx.report({
          ...at,
          message: `年初预算${a.toString()}万元、决算${b.toString()}万元，应为“决算数${word}预算数”，说明写“决算数${verdict[1]}预算数”`,
          expected: `决算数${word}预算数`,
          actual: verdict[0],
        });
      }
    }
  },
};

function nextSentence(doc: Disclosure, s: Sentence): string | undefined {
  const all = sentences(doc);
  const k = all.findIndex((x) => x.text === s.text && x.before === s.before);
  const next = all[k + 1];
  return next && next.section === s.section ? next.text : undefined;
}

export const EXECUTION_RULES: Rule[] = [executionSentence, finalAgainstBudget];
