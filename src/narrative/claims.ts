// Reading claims out of the explanation (情况说明): every amount with its subject, the share or the year-on-year
// change printed with it, counts ("项目11个") and lists of items ("主要包括：…"). The auditor binds each claim
// to the table fact it describes; the words come from the shared vocabulary.
import { Amount, Decimal } from '../model/money.js';
import type { Disclosure, Section, SourceRef } from '../model/schema.js';
import { AMOUNT_PATTERN, PERCENT_PATTERN, directionOf, readAmount, type Direction } from './vocabulary.js';

export interface ClaimPlace {
  /** Index of the section in `doc.sections`. */
  sectionIndex: number;
  section: Section;
  paragraph: number;
  sentence: string;
  source?: SourceRef;
}

export interface Percent {
  value: Decimal;
  scale: number;
  text: string;
}

/** A year-on-year change printed after an amount: "比上年减少726.75万元，下降19.61%". */
export interface ChangeClaim {
  direction: Direction | null;
  /** Direction word of the percentage ("下降"), when it has its own. */
  percentDirection: Direction | null;
  amount?: Amount;
  amountText?: string;
  percent?: Percent;
  /** "上年", "2022年预算同口径" … */
  comparedTo: string;
  /** Year compared with, when printed ("2022年"); otherwise the previous year is meant. */
  year?: number;
}

export interface AmountClaim {
  kind: 'amount';
  /** The words naming what the amount is ("一般公共预算拨款收入"), without lead words. */
  subject: string;
  amount: Amount;
  /** The amount as printed ("2,979.49万元"). */
  text: string;
  place: ClaimPlace;
  /** First amount of its sentence / of its paragraph. */
  sentenceHead: boolean;
  paragraphHead: boolean;
  /** "占67.53%" printed right after the amount. */
  share?: Percent;
  /** The whole the share names ("占“三公”经费的8.75%" → "“三公”经费"), when it names one. */
  shareOf?: string;
  /** The first amount of the paragraph: the whole a share refers to. */
  whole?: AmountClaim;
  /** The first amount of the sentence, which a change refers to. */
  head?: AmountClaim;
  change?: ChangeClaim;
  /** Items listed after the amount ("主要包括：离休费、…"); `open` when the list ends with 等. */
  list?: { items: string[]; open: boolean };
  /** Amounts printed after "其中" that should add up to this one ("货物…、工程…、服务…"). */
  parts?: AmountClaim[];
}

/** "设21个内设机构，分别是…", "实行绩效目标管理的项目11个". */
export interface CountClaim {
  kind: 'count';
  count: number;
  text: string;
  /** The noun counted ("内设机构", "项目"). */
  noun: string;
  list?: { items: string[]; open: boolean };
  place: ClaimPlace;
}

export type Claim = AmountClaim | CountClaim;

const SENTENCE_END = /[。；;！!？?\n]+/;
/** A line break inside a paragraph that is only a wrap (no punctuation before it). */
const WRAP = /([^。；;：:，,、！!？?\n])\n(?=\S)/g;
const LEAD_WORDS =
  /^(?:其中|主要包括|包括|主要用于以下方面|主要用于|用于|分别为|分别是|收入为|支出为|为|是|共计|共|合计|涉及|安排|即|以及|和|及)[:：]?/;
/** A direction word, or the template's "增加（减少）" left unedited (a change whose direction is not stated). */
const DIRECTION =
  '(?:增加|减少|增长|下降|上升|降低|提高|增多|减小|缩减)(?:[（(](?:增加|减少|增长|下降)[）)])?';
const CHANGE_LEAD = new RegExp(
  `(?:比|较|与|同比)\\s*(上年|上一年|上年度|\\d{4}\\s*年(?:度)?[^，,；;。]*?)\\s*(?:预算)?(?:同口径)?(?:相比|比较)?\\s*(${DIRECTION})\\s*$`,
);
/** "…预算增加1421.25万元" without naming the year compared: still a change, not a part. */
const BARE_CHANGE = new RegExp(`(${DIRECTION})\\s*$`);
const PERCENT_CHANGE_WORD = BARE_CHANGE;
const SHARE_WORD = /(占|比重|比例为?)\s*[^，,；;。]{0,12}$/;
/** The whole a share names: "占“三公”经费的", "占部门预算总支出的". */
const SHARE_OF = /占\s*([^，,；;。\d]{2,12}?)\s*的\s*(?:比重为?|比例为?)?\s*$/;
const FLAT = /(与|和|同)(上年|上一年|\d{4}年)[^，,；;。]{0,8}(持平|相同|一致|无变化)/;

interface Token {
  type: 'amount' | 'percent';
  index: number;
  end: number;
  number: string;
  unit?: string;
  text: string;
}

function tokens(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(new RegExp(AMOUNT_PATTERN.source, 'g'))) {
    out.push({
      type: 'amount',
      index: m.index!,
      end: m.index! + m[0].length,
      number: m[1],
      unit: m[2],
      text: m[0],
    });
  }
  for (const m of sentence.matchAll(new RegExp(PERCENT_PATTERN.source, 'g'))) {
    out.push({ type: 'percent', index: m.index!, end: m.index! + m[0].length, number: m[1], text: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The direction a word states; none for the template's "增加（减少）" (text.template reports it). */
function directionWord(word: string): Direction | null {
  return /[（(]/.test(word) ? null : directionOf(word);
}

function readPercent(t: Token): Percent {
  const dot = t.number.indexOf('.');
  return { value: new Decimal(t.number), scale: dot < 0 ? 0 : t.number.length - dot - 1, text: t.text };
}

/** The subject of an amount: the words since the last clause mark, without lead words and a year prefix. */
export function subjectOf(lead: string): string {
  const clause = lead.split(/[，,：:；;、。]/).pop() ?? '';
  let s = clause.replace(/[\s\u3000]/g, '');
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s
      .replace(/^\d{4}年(度)?/, '')
      .replace(LEAD_WORDS, '')
      .replace(/^(本单位|本部门)/, '')
      .replace(/^(单位|部门)(?=(预算|决算|机关|实行|政府|各))/, '');
    if (s === before) break;
  }
  return s;
}

/** Items of a list "离休费、其他社会保障缴费、…、职工基本医疗保险缴费" (ending 等 → open). */
export function readList(text: string): { items: string[]; open: boolean } {
  let body = text.replace(/[（(]详见[^）)]*[）)]/g, '').trim();
  body = body.replace(/[。；;，,]\s*$/, '');
  let open = false;
  if (/等(项目|内容|方面)?$/.test(body)) {
    open = true;
    body = body.replace(/等(项目|内容|方面)?$/, '');
  }
  const items = body
    .split(/[、，,；;]/)
    .map((s) => s.replace(/[\s\u3000]/g, ''))
    .filter((s) => s.length > 0);
  return { items, open };
}

const LIST_INTRO = /(主要包括|包括|分别为|分别是)[:：]?/;

function listAfter(sentence: string, from: number): { items: string[]; open: boolean } | undefined {
  const rest = sentence.slice(from);
  const m = LIST_INTRO.exec(rest);
  if (!m || m.index > 6) return undefined;
  const body = rest.slice(m.index + m[0].length);
  if (new RegExp(AMOUNT_PATTERN.source).test(body)) return undefined;
  const list = readList(body);
  return list.items.length > 1 ? list : undefined;
}

/** Every claim of one section. */
export function sectionClaims(section: Section, sectionIndex: number): Claim[] {
  const claims: Claim[] = [];
  section.paragraphs.forEach((paragraph, pIndex) => {
    let paragraphHead: AmountClaim | undefined;
    let previousHead: AmountClaim | undefined;
    const sentences = paragraph.text
      .replace(WRAP, '$1')
      .split(SENTENCE_END)
      .filter((s) => s.trim());
    for (const sentence of sentences) {
      const place: ClaimPlace = {
        sectionIndex,
        section,
        paragraph: pIndex,
        sentence: sentence.trim(),
        source: paragraph.source,
      };
      let sentenceHead: AmountClaim | undefined;
      let last: AmountClaim | undefined;
      let lastChange: ChangeClaim | undefined;
      // "其中：A、B、C" lists the parts of the amount before it, also across a full stop.
      const opensWithParts = /^\s*其中/.test(sentence);
      let partsOwner: AmountClaim | undefined = opensWithParts ? previousHead : undefined;
      let cursor = 0;
      for (const t of tokens(sentence)) {
        const lead = sentence.slice(cursor, t.index);
        cursor = t.end;
        if (t.type === 'amount') {
          const amount = readAmount(t.number, t.unit!);
          const change = CHANGE_LEAD.exec(lead);
          const owner = sentenceHead ?? last;
          const bare = !change && owner ? BARE_CHANGE.exec(lead) : null;
          if ((change || bare) && owner) {
            const yearMatch = change ? /(\d{4})\s*年/.exec(change[1]) : null;
            lastChange = {
              direction: directionWord(change ? change[2] : bare![1]),
              percentDirection: null,
              amount,
              amountText: t.text,
              comparedTo: change ? change[1].replace(/\s/g, '') : '上年',
              year: yearMatch ? Number(yearMatch[1]) : undefined,
            };
            // Only a change that names what it compares with is checked against its owner.
            if (change) owner.change = lastChange;
            continue;
          }
          const claim: AmountClaim = {
            kind: 'amount',
            subject: subjectOf(lead),
            amount,
            text: t.text,
            place,
            sentenceHead: !sentenceHead,
            paragraphHead: !paragraphHead,
            whole: paragraphHead,
            head: sentenceHead,
          };
          const list = listAfter(sentence, t.end);
          if (list) claim.list = list;
          if (/其中/.test(lead)) {
            partsOwner = opensWithParts ? partsOwner : sentenceHead;
            if (partsOwner) (partsOwner.parts ??= []).push(claim);
          } else if (partsOwner && /^[、，,]/.test(lead.trimStart()) && claim.subject) {
            (partsOwner.parts ??= []).push(claim);
          }
          sentenceHead ??= claim;
          paragraphHead ??= claim;
          last = claim;
          lastChange = undefined;
          claims.push(claim);
        } else {
          const pct = readPercent(t);
          const word = PERCENT_CHANGE_WORD.exec(lead);
          if (word && lastChange && !lastChange.percent) {
            lastChange.percent = pct;
            lastChange.percentDirection = directionWord(word[1]);
          } else if (word && (sentenceHead ?? last) && !(sentenceHead ?? last)!.change) {
            const owner = (sentenceHead ?? last)!;
            const cmp = /(上年|上一年|\d{4}年)/.exec(lead);
            owner.change = {
              direction: null,
              percentDirection: directionWord(word[1]),
              percent: pct,
              comparedTo: cmp ? cmp[1] : '上年',
            };
          } else if (SHARE_WORD.test(lead) && last && !last.share) {
            last.share = pct;
            const named = SHARE_OF.exec(lead);
            if (named) last.shareOf = named[1];
          }
        }
      }
      if (sentenceHead) previousHead = sentenceHead;
      if (sentenceHead && !sentenceHead.change && FLAT.test(sentence)) {
        sentenceHead.change = { direction: 'flat', percentDirection: null, comparedTo: '上年' };
      }
      for (const m of sentence.matchAll(/(?:设|有|共有|共|项目)?\s*(\d+)\s*个([^\d，,。；;、：:]{0,12})/g)) {
        const before = sentence.slice(Math.max(0, m.index! - 12), m.index!);
        const noun = m[2] || before;
        const rest = sentence.slice(m.index! + m[0].length);
        const intro = /^[^。；;]{0,20}?(分别是|分别为|包括)[:：]?/.exec(rest);
        const claim: CountClaim = {
          kind: 'count',
          count: Number(m[1]),
          text: m[0],
          noun: /项目/.test(before + m[0]) ? '项目' : noun,
          place,
        };
        if (intro) claim.list = readList(rest.slice(intro.index + intro[0].length));
        claims.push(claim);
      }
    }
  });
  return claims;
}

/** Every claim of the document's prose (概况 and the explanation), in document order. */
export function extractClaims(doc: Disclosure): Claim[] {
  // 概况 states counts too ("设21个内设机构，分别是…"); its paragraphs are read as sections of their own.
  const overview: Section[] = [
    { kind: 'duties', title: '本单位职责', level: 2, paragraphs: doc.overview.duties },
    { kind: 'organisation', title: '机构设置', level: 2, paragraphs: doc.overview.organisation },
  ];
  const fromOverview = overview.flatMap((s) => sectionClaims(s, -1));
  const hasOwn = doc.sections.some(
    (s) => (s.kind === 'duties' || s.kind === 'organisation') && s.paragraphs.length,
  );
  return [...(hasOwn ? [] : fromOverview), ...doc.sections.flatMap((s, i) => sectionClaims(s, i))];
}

export { Amount };
