// 项目支出绩效目标申报表: one form per project. Extractions shift the form's cells left and right from line to
// line, so fields are read by their LABELS and by the order of the filled cells, never by column index.
import type { LayoutLine } from '../layout/types.js';
import { toHalfWidth } from '../model/money.js';
import type { MoneyUnit } from '../model/money.js';
import type { Funding, Indicator, PerformanceForm } from '../model/schema.js';
import type { Context } from './context.js';
import { isFormTitle, isPartHeading } from './lines.js';
import { amountOf, clean, compact, filled } from './text.js';
import {
  CONTACT_LABELS,
  FORM_FIELDS,
  FUNDING_LABELS,
  INDICATOR_LEVEL1,
  INDICATOR_LEVEL2,
} from './vocabulary.js';

type TextField = 'overview' | 'basis' | 'necessity' | 'measures' | 'plan';
const TEXT_FIELDS: TextField[] = ['overview', 'basis', 'necessity', 'measures', 'plan'];

/** A funding label ("其中：中央财政资金", "年度资金总额："); the cheap test first, since every cell is asked. */
function fundingLabel(c: string): (typeof FUNDING_LABELS)[number] | undefined {
  if (!c.includes('资金') && !c.includes('自筹')) return undefined;
  return FUNDING_LABELS.find((l) => l.pattern.test(c));
}

const ANY_CONTACT = /^(项目)?负责人|^经办人|^联系电话|^填报日期/;

const emptyFunding = (): Funding => ({
  total: null,
  central: null,
  provincial: null,
  local: null,
  selfRaised: null,
  other: null,
});

/** Reads "≥95%", "≤60万元", "≥95百分号", "3年", "提高70%", "良好定性" into operator, number and unit. */
export function indicatorValue(printed: string): Pick<Indicator, 'operator' | 'value' | 'valueUnit'> {
  let t = toHalfWidth(compact(printed))
    .replace(/百分号|百分比|％/g, '%')
    .replace(/^[（(]|[)）]$/g, '');
  let operator: Indicator['operator'] = null;
  const ops: [RegExp, NonNullable<Indicator['operator']>][] = [
    [/^(≥|>=|＞=|大于等于|大于或等于|不低于|不少于)/, '≥'],
    [/^(≤|<=|＜=|小于等于|小于或等于|不高于|不超过|不多于)/, '≤'],
    [/^(=|＝|等于)/, '='],
    [/^(>|＞|大于|高于|超过)/, '>'],
    [/^(<|＜|小于|低于)/, '<'],
    [/^(≈|约)/, '≈'],
  ];
  for (const [re, op] of ops) {
    const m = re.exec(t);
    if (m) {
      operator = op;
      t = t.slice(m[0].length);
      break;
    }
  }
  // a change word ("提高70%") keeps the number but states no comparison
  const change = /^(提高|增长|增加|降低|减少|下降|提升)/.exec(t);
  if (change) t = t.slice(change[0].length);
  const m = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(.*)$/.exec(t);
  if (!m) {
    const unitOnly = /^(万元|元|%|个|次|人|年|月|天|项|份|家|件)$/.exec(t);
    return { operator, value: null, valueUnit: unitOnly ? unitOnly[1] : null };
  }
  const value = amountOf(m[1]) ?? null;
  return {
    operator: operator ?? (change ? null : '='),
    value,
    valueUnit: m[2] !== '' ? m[2] : null,
  };
}

/** A cell that reads as an indicator value rather than an indicator name. */
function looksLikeValue(text: string): boolean {
  const v = indicatorValue(text);
  return v.value !== null || v.operator !== null || compact(text).length <= 4;
}

interface IndicatorState {
  level1: string;
  level2: { period: string; year: string };
}

function readIndicators(
  items: string[],
  state: IndicatorState,
  line: LayoutLine,
  form: PerformanceForm,
  ctx: Context,
): void {
  const rest = items.filter((t) => compact(t) !== '绩效指标');
  if (rest.length === 0) return;
  const first = compact(rest[0]);
  if (
    INDICATOR_LEVEL1.test(first) &&
    !(
      first === '成本指标' &&
      !(rest[1] && INDICATOR_LEVEL2.test(compact(rest[1])) && compact(rest[1]) !== '成本指标')
    )
  ) {
    state.level1 = rest.shift()!;
  }
  const segments: { level2: string | null; cells: string[] }[] = [];
  for (const t of rest) {
    if (INDICATOR_LEVEL2.test(compact(t))) segments.push({ level2: t, cells: [] });
    else if (segments.length === 0) segments.push({ level2: null, cells: [t] });
    else segments[segments.length - 1].cells.push(t);
  }
  // one group of four cells without a repeated 二级指标: period and year side by side
  if (segments.length === 1 && segments[0].cells.length === 4) {
    const [a, b, c, d] = segments[0].cells;
    segments.splice(
      0,
      1,
      { level2: segments[0].level2, cells: [a, b] },
      { level2: segments[0].level2, cells: [c, d] },
    );
  }
  const sides: ('period' | 'year')[] = ['period', 'year'];
  segments.slice(0, 2).forEach((seg, i) => {
    const side = sides[i];
    if (seg.level2) state.level2[side] = seg.level2;
    if (seg.cells.length === 0) return;
    let name = '';
    let printed = '';
    if (seg.cells.length >= 2) {
      name = seg.cells.slice(0, -1).join('');
      printed = seg.cells[seg.cells.length - 1];
    } else if (looksLikeValue(seg.cells[0])) printed = seg.cells[0];
    else name = seg.cells[0];
    const indicator: Indicator = {
      level1: state.level1,
      level2: state.level2[side],
      name,
      printed,
      ...indicatorValue(printed),
      source: ctx.source(line),
    };
    const list = form.indicators[side];
    const twin = list.find(
      (x) =>
        x.level1 === indicator.level1 &&
        x.level2 === indicator.level2 &&
        x.name === indicator.name &&
        x.printed === indicator.printed,
    );
    if (twin) {
      ctx.note(
        'warning',
        'duplicate_row',
        `绩效目标表“${form.project}”的${side === 'period' ? '实施期' : '年度'}指标“${name}”重复出现，已只保留一次`,
        line,
      );
      return;
    }
    if (printed === '' || (indicator.value === null && indicator.valueUnit !== null)) {
      ctx.note(
        'warning',
        'indicator_value_missing',
        `绩效目标表“${form.project}”的${side === 'period' ? '实施期' : '年度'}指标“${name}”的指标值“${printed}”没有数值`,
        line,
      );
    }
    list.push(indicator);
  });
  if (segments.length > 2) {
    ctx.note(
      'warning',
      'form_unread_cells',
      `绩效目标表“${form.project}”有一行指标多于两组，多余部分未读`,
      line,
    );
  }
}

/** Funding labels and amounts inside one cell: layouts sometimes merge "2,400,000年度资金总额：600,000" into one. */
const FUNDING_TOKEN =
  /(?:其中[:：]?)?(?:实施期资金总额|年度资金总额|中央(?:财政)?资金|省级(?:财政)?资金|(?:市县[（(]区[)）]|市县|市级|县级|区级|本级)(?:财政)?资金|单位自筹|其他资金)[:：]?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/** A funding label anywhere in a cell (followed by its amount when cells were merged). */
const FUNDING_IN_CELL =
  /(实施期资金总额|年度资金总额|中央(财政)?资金|省级(财政)?资金|(市县[（(]区[)）]|市县)(财政)?资金|单位自筹)[:：]?\d/;

function readFunding(cells: string[], form: PerformanceForm): void {
  let pending: { side: 'period' | 'year'; field: keyof Funding } | null = null;
  const seen = new Map<keyof Funding, number>();
  for (const raw of cells) {
    const t = compact(raw);
    const unit = /^项目资金[（(](万元|元)[)）]/.exec(t);
    if (unit) {
      form.unit = unit[1] as MoneyUnit;
      continue;
    }
    for (const [token] of t.matchAll(FUNDING_TOKEN)) {
      const label = fundingLabel(token);
      if (label) {
        const n = seen.get(label.field) ?? 0;
        seen.set(label.field, n + 1);
        const bare = token.replace(/^其中[:：]?/, '');
        const side = /^实施期/.test(bare)
          ? 'period'
          : /^年度/.test(bare)
            ? 'year'
            : n === 0
              ? 'period'
              : 'year';
        pending = { side, field: label.field };
        continue;
      }
      const value = amountOf(token);
      if (value && pending) {
        form.funding[pending.side][pending.field] = value;
        pending = null;
      }
    }
  }
}

function readContacts(cells: string[], form: PerformanceForm): void {
  for (let k = 0; k < cells.length; k++) {
    const t = clean(cells[k]);
    const label = ANY_CONTACT.test(compact(t))
      ? CONTACT_LABELS.find((l) => l.pattern.test(compact(t)))
      : undefined;
    if (!label) continue;
    let value = clean(t.replace(/^[^:：]*[:：]/, ''));
    if (value === compact(t)) value = '';
    if (value === '' && k + 1 < cells.length && !ANY_CONTACT.test(compact(cells[k + 1]))) {
      value = clean(cells[k + 1]);
      k++;
    }
    if (value === '') continue;
    if (label.field === 'filingDate') form.filingDate = value;
    else form.contacts[label.field] = value;
  }
}

/** Reads the form whose title is at `start`; ends before the next form, heading or part. */
export function readForm(
  lines: readonly LayoutLine[],
  start: number,
  ctx: Context,
): { form: PerformanceForm; next: number } {
  const form: PerformanceForm = {
    project: '',
    unit: '元',
    funding: { period: emptyFunding(), year: emptyFunding() },
    goals: {},
    indicators: { period: [], year: [] },
    contacts: {},
    source: ctx.source(lines[start]),
  };
  const title = filled(lines[start])[0]?.compact;
  if (title) form.title = title;
  const state: IndicatorState = { level1: '', level2: { period: '', year: '' } };
  let inIndicators = false;
  let j = start + 1;
  for (; j < lines.length; j++) {
    const line = lines[j];
    const f = filled(line);
    if (f.length === 0) continue;
    if (isFormTitle(line) || isPartHeading(line)) break;
    if (line.cells.length < 2 && !line.inTable) {
      if (j <= start + 2 && /^[（(]?\d{4}年度?[)）]?$/.test(f[0].compact)) continue;
      break;
    }
    const cells = f.map((c) => c.text);
    const compacts = f.map((c) => c.compact);
    const head = compacts[0];
    const after = cells.slice(1);
    if (compacts.some((c) => fundingLabel(c) !== undefined || FUNDING_IN_CELL.test(c))) {
      readFunding(cells, form);
    } else if (FORM_FIELDS.project.test(head)) {
      form.project = compact(after.join(''));
    } else if (FORM_FIELDS.department.test(head)) {
      const dept = clean(after[0] ?? '');
      const m = /^(\d+)\s*[-－—–]\s*(.+)$/.exec(dept);
      form.department = m ? { code: m[1], name: m[2] } : { name: dept };
      const k = after.findIndex((c) => FORM_FIELDS.implementingUnit.test(compact(c)));
      if (k >= 0 && after[k + 1]) form.implementingUnit = clean(after[k + 1]);
    } else if (FORM_FIELDS.nature.test(head)) {
      form.nature = clean(after[0] ?? '');
      const k = after.findIndex((c) => FORM_FIELDS.period.test(compact(c)));
      if (k >= 0 && after[k + 1]) {
        form.period = clean(after[k + 1]);
        const years = /^(\d+(?:\.\d+)?)\s*年$/.exec(form.period);
        if (years) form.periodYears = Number(years[1]);
      }
    } else if (TEXT_FIELDS.some((field) => FORM_FIELDS[field].test(head))) {
      const field = TEXT_FIELDS.find((fl) => FORM_FIELDS[fl].test(head))!;
      form[field] = after.map(clean).join(' ');
    } else if (FORM_FIELDS.goals.test(head)) {
      if (after[0]) form.goals.period = clean(after[0]);
      if (after[1]) form.goals.year = clean(after[1]);
      if (after.length === 1) {
        ctx.note(
          'warning',
          'form_goal_missing',
          `绩效目标表“${form.project}”只有一项总体目标，按实施期目标读取`,
          line,
        );
      }
    } else if (FORM_FIELDS.goalsHeader.test(head)) {
      continue;
    } else if (compacts.some((c) => ANY_CONTACT.test(c))) {
      readContacts(cells, form);
    } else if (
      FORM_FIELDS.indicatorsHeader.test(head) &&
      cells.some((c) => /^[一二三]级指标$/.test(compact(c)))
    ) {
      inIndicators = true;
    } else if (inIndicators || compacts.some((c) => INDICATOR_LEVEL2.test(c))) {
      inIndicators = true;
      readIndicators(cells, state, line, form, ctx);
    } else {
      ctx.note(
        'warning',
        'form_unread_line',
        `绩效目标表“${form.project}”有一行未能识别：${cells.join(' ')}`,
        line,
      );
    }
  }
  if (!form.project) ctx.note('warning', 'form_no_project', '绩效目标表没有项目名称', lines[start]);
  return { form, next: j };
}
