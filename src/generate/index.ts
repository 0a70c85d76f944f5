// Leaf input → a complete disclosure: tables derived (derive.ts), the explanation written from them
// (narrative/write.ts), contents, glossary and forms added. Inconsistent input is refused with findings.
import { auditDisclosure, type Finding } from '../audit/index.js';
import { Amount, checkSum, Decimal } from '../model/money.js';
import { Disclosure, type Section, type TocEntry } from '../model/schema.js';
import {
  explanationPartTitle,
  glossaryLine,
  kindWord,
  writeExplanation,
  type ExplanationFacts,
} from '../narrative/write.js';
import { writeShanghaiExplanation } from '../narrative/write-shanghai.js';
import { deriveTables, functionTree, shanghaiTables } from './derive.js';
import { defaultGlossary } from './glossary.js';
import {
  FISCAL_KEYS,
  GenerateInput,
  PERSONNEL_GROUPS,
  SOURCE_KEYS,
  type GenerateInputRaw,
} from './input-schema.js';

/** A problem of the input: a finding of the auditor's shape (rule id, severity, Chinese message, position). */
export type InputFinding = Finding;

export interface GenerateResult {
  /** The derived document; present even when findings refuse it, so that callers can show what was derived. */
  disclosure: Disclosure;
  findings: InputFinding[];
  /** True when no finding is an error. */
  ok: boolean;
}

const wan = (v: string | Decimal) => {
  const d = new Decimal(v);
  return Amount.of(d, '万元', Math.max(2, d.decimalPlaces()));
};

/**
 * Compares two sets of leaves that must add up to the same amount, allowing what printed rounding allows. A gap
 * within rounding is recorded in `gaps` (the sample's economic lines, typed to 0.01 from exact amounts, add to 0.02
 * more than the 基本支出 they break down).
 */
function agree(expected: Decimal, parts: Decimal[], gaps: Decimal[]): { ok: boolean; sum: Decimal } {
  const r = checkSum(wan(expected), parts.map(wan));
  if (r.agreement === 'rounding') gaps.push(r.difference.abs());
  return { ok: r.agreement !== 'mismatch', sum: r.expected.value };
}

/** Checks what the derivation cannot guarantee: that separate leaf lists describe the same money. */
export function checkInput(input: GenerateInput): InputFinding[] {
  return inputChecks(input).findings;
}

/** The input's findings, and the largest gap between leaf lists that agree only within rounding. */
function inputChecks(input: GenerateInput): { findings: InputFinding[]; roundingGap: Decimal } {
  const gaps: Decimal[] = [new Decimal(0)];
  const findings: InputFinding[] = [];
  const f = (x: InputFinding) => findings.push(x);
  const { missingNames } = functionTree(input);
  for (const code of missingNames)
    f({
      rule: 'input.function-name',
      severity: 'error',
      message: `缺少功能科目 ${code} 的名称，请在 functionNames 中给出`,
      table: null,
      row_name: code,
    });
  const seen = new Set<string>();
  for (const leaf of input.functions) {
    if (seen.has(leaf.code))
      f({
        rule: 'input.duplicate-code',
        severity: 'error',
        message: `功能科目 ${leaf.code} 重复`,
        table: null,
      });
    seen.add(leaf.code);
  }
  const sumFn = (pick: (l: GenerateInput['functions'][number]) => string) =>
    input.functions.reduce((a, l) => {
      const v = pick(l);
      return v === '0' ? a : a.plus(v);
    }, new Decimal(0));

  // 项目支出表 = 项目支出 by source (current year), 上年结转 projects = 上年结转安排.
  for (const carryover of [false, true]) {
    const keys = carryover ? FISCAL_KEYS : SOURCE_KEYS;
    const projects = input.projects.filter((p) => p.carryover === carryover);
    for (const k of keys) {
      const fn = sumFn((l) => (carryover ? l.carryover[k as (typeof FISCAL_KEYS)[number]] : l.project[k]));
      const parts = projects.map((p) => new Decimal(p.amounts[k]));
      const r = agree(fn, parts, gaps);
      if (!r.ok)
        f({
          rule: carryover ? 'input.carryover-projects' : 'input.projects',
          severity: 'error',
          message: `${carryover ? '上年结转项目' : '本年项目'}合计（${k}）${r.sum.toFixed(2)}万元与功能科目${
            carryover ? '上年结转安排' : '项目支出'
          } ${fn.toFixed(2)}万元不符`,
          table: carryover ? 'projects_carryover' : 'projects',
          column: k,
          expected: fn.toFixed(2),
          actual: r.sum.toFixed(2),
        });
    }
    if (carryover)
      for (const p of projects)
        for (const k of ['special_account', 'unit_funds'] as const)
          if (!new Decimal(p.amounts[k]).isZero())
            f({
              rule: 'input.carryover-source',
              severity: 'error',
              message: `上年结转项目“${p.name}”只能列财政拨款资金`,
              table: 'projects_carryover',
              row_name: p.name,
            });
  }

  // 经济科目 = 一般公共预算 基本支出.
  const basicGeneral = sumFn((l) => l.basic.general_public);
  if (input.economic.length > 0 || !basicGeneral.isZero()) {
    const r = agree(
      basicGeneral,
      input.economic.map((e) => new Decimal(e.amount)),
      gaps,
    );
    if (!r.ok)
      f({
        rule: 'input.economic',
        severity: 'error',
        message: `经济科目合计 ${r.sum.toFixed(2)}万元与一般公共预算基本支出 ${basicGeneral.toFixed(2)}万元不符`,
        table: 'general_basic_economic',
        expected: basicGeneral.toFixed(2),
        actual: r.sum.toFixed(2),
      });
  }

  // 机关运行经费 = 公用经费 for 行政单位 and 参公 units; a 事业单位 may differ.
  const publicCosts = input.economic
    .filter((e) => !PERSONNEL_GROUPS.includes(e.group))
    .reduce((a, e) => a.plus(e.amount), new Decimal(0));
  const ops = input.operatingCosts.reduce(
    (a, o) => a.plus(o.general_public).plus(o.gov_fund).plus(o.state_capital),
    new Decimal(0),
  );
  if (input.unit.unitType !== 'institution' && !agree(publicCosts, [ops], gaps).ok)
    f({
      rule: 'input.operating-costs',
      severity: 'warning',
      message: `机关运行经费 ${ops.toFixed(2)}万元与公用经费 ${publicCosts.toFixed(2)}万元不一致`,
      table: 'operating_costs',
      expected: publicCosts.toFixed(2),
      actual: ops.toFixed(2),
    });

  // 政府性基金收入 = 政府性基金 appropriations.
  const govFund = sumFn((l) => new Decimal(l.basic.gov_fund).plus(l.project.gov_fund).toString());
  if (input.govFundRevenue.length > 0 || !govFund.isZero()) {
    const r = agree(
      govFund,
      input.govFundRevenue.map((g) => new Decimal(g.amount)),
      gaps,
    );
    if (!r.ok)
      f({
        rule: 'input.gov-fund-revenue',
        severity: 'error',
        message: `政府性基金收入 ${r.sum.toFixed(2)}万元与政府性基金支出 ${govFund.toFixed(2)}万元不符`,
        table: 'gov_fund_revenue',
        expected: govFund.toFixed(2),
        actual: r.sum.toFixed(2),
      });
  }

  // Performance forms: one per project, annual funding (元) = the project's amount (万元).
  const projects = new Map(input.projects.filter((p) => !p.carryover).map((p) => [p.name, p]));
  const formNames = new Set<string>();
  for (const form of input.performanceForms) {
    formNames.add(form.project);
    const p = projects.get(form.project);
    if (!p) {
      f({
        rule: 'input.form-project',
        severity: 'error',
        message: `绩效目标表“${form.project}”在本年项目中不存在`,
        table: 'performance_targets',
        row_name: form.project,
      });
      continue;
    }
    const projectTotal = SOURCE_KEYS.reduce((a, k) => a.plus(p.amounts[k]), new Decimal(0));
    const yearTotal = form.funding.year.total;
    if (yearTotal == null) continue;
    const formWan = Amount.of(yearTotal, form.unit).to('万元');
    const tol = wan(projectTotal).roundingTolerance().plus(formWan.roundingTolerance());
    if (formWan.value.minus(projectTotal).abs().gt(tol))
      f({
        rule: 'input.form-funding',
        severity: 'error',
        message: `绩效目标表“${form.project}”年度资金总额 ${yearTotal}${form.unit} 与项目金额 ${projectTotal.toFixed(
          2,
        )}万元不符`,
        table: 'performance_targets',
        row_name: form.project,
        expected: projectTotal.toFixed(2),
        actual: formWan.value.toFixed(6),
      });
  }
  if (input.performanceForms.length > 0)
    for (const name of projects.keys())
      if (!formNames.has(name))
        f({
          rule: 'input.form-missing',
          severity: 'warning',
          message: `项目“${name}”没有绩效目标表`,
          table: 'performance_targets',
          row_name: name,
        });

  // A change without its reason is what reviewers flag first ("主要原因是。").
  const all = SOURCE_KEYS.reduce(
    (a, k) => a.plus(sumFn((l) => new Decimal(l.basic[k]).plus(l.project[k]).toString())),
    sumFn((l) => FISCAL_KEYS.reduce((s, k) => s.plus(l.carryover[k]), new Decimal(0)).toString()),
  );
  if (input.prior.total !== undefined && !all.eq(input.prior.total) && !input.reasons.total?.trim())
    f({
      rule: 'input.reason-missing',
      severity: 'warning',
      message: '收支总计与上年不同，但没有给出变动原因（reasons.total）',
      table: null,
    });
  return { findings, roundingGap: Decimal.max(...gaps) };
}

function contents(doc: Disclosure): TocEntry[] {
  const kw = kindWord(doc);
  const toc: TocEntry[] = [
    { title: '第一部分 概况', level: 1 },
    { title: `一、本${kw}职责`, level: 2 },
    { title: '二、机构设置情况', level: 2 },
    { title: `第二部分 ${doc.metadata.year}年${kw}预算报表`, level: 1 },
    ...doc.tables.map((t) => ({ title: t.title, level: 2 })),
    { title: explanationPartTitle(doc), level: 1 },
  ];
  for (const s of doc.sections)
    if (s.part?.startsWith('第三部分') && (s.level === 2 || (s.level === 3 && s.kind === 'other_notes')))
      toc.push({
        title: s.level === 2 ? `${s.number}、${s.title}` : `${s.number}${s.title}`,
        level: s.level,
      });
  toc.push({ title: '第四部分 名词解释', level: 1 });
  return toc;
}

/** The facts of the explanation that come from the input rather than from the tables. */
export function explanationFacts(input: GenerateInput): ExplanationFacts {
  return {
    prior: input.prior,
    reasons: input.reasons,
    procurement: input.procurement,
    assets: input.assets,
    otherNotes: input.otherNotes,
  };
}

/** Overview sections (第一部分) as the family prints them. */
function overviewSections(input: GenerateInput, kw: string): Section[] {
  const part = '第一部分 概况';
  return [
    {
      kind: 'duties',
      number: '一',
      title: `本${kw}职责`,
      level: 2,
      part,
      paragraphs: input.overview.duties.map((text) => ({ text })),
    },
    {
      kind: 'organisation',
      number: '二',
      title: '机构设置情况',
      level: 2,
      part,
      paragraphs: input.overview.organisation.map((text) => ({ text })),
    },
  ];
}

/**
 * An auditor's error between two derived totals that differ by no more than the leaves' own rounding gap: the
 * auditor compares two printed figures (±0.01), while each total here adds many leaves typed to 0.01. `audit`
 * accepts the published document's 0.02 gaps as rounding; the generator accepts them too, with a warning.
 */
function withinLeafRounding(f: InputFinding, gap: Decimal): boolean {
  if (f.severity !== 'error' || gap.isZero()) return false;
  if (!f.rule.startsWith('cross.') && f.rule !== 'narrative.amount') return false;
  if (f.expected == null || f.actual == null) return false;
  try {
    return new Decimal(f.expected).minus(f.actual).abs().lte(gap);
  } catch {
    return false;
  }
}

const asRoundingWarning = (f: InputFinding): InputFinding => ({
  ...f,
  severity: 'warning',
  message: `${f.message}（差额不超过明细金额的舍入误差，按舍入处理）`,
});

export interface GenerateOptions {
  /**
   * Audit the derived document (default true): its errors refuse the input like the input checks do; its
   * warnings are passed on. Round-trip tests that only compare data switch it off for speed.
   */
  audit?: boolean;
}

/** Derives the whole document from validated leaf input. */
export function generate(
  raw: GenerateInputRaw | GenerateInput,
  options: GenerateOptions = {},
): GenerateResult {
  const input = GenerateInput.parse(raw);
  const { findings, roundingGap } = inputChecks(input);
  const { nodes } = functionTree(input);
  const kw = input.unit.kind.startsWith('department') ? '部门' : '单位';
  const doc: Disclosure = Disclosure.parse({
    metadata: {
      unit: input.unit.name,
      year: input.unit.year,
      kind: input.unit.kind,
      family: input.unit.family,
      title: `${input.unit.name}${input.unit.year}年度${kw}预算公开`,
      ...(input.unit.unitType ? { unitType: input.unit.unitType } : {}),
      ...(input.unit.region ? { region: input.unit.region } : {}),
    },
    overview: {
      duties: input.overview.duties.map((text) => ({ text })),
      organisation: input.overview.organisation.map((text) => ({ text })),
      unitsIncluded: input.unit.unitsIncluded,
    },
    tables:
      input.unit.family === 'shanghai'
        ? shanghaiTables(input, nodes, deriveTables(input, nodes))
        : deriveTables(input, nodes),
    performanceForms: input.performanceForms,
    glossary: input.glossary ?? defaultGlossary(input.unit.family),
  });
  const part = (
    number: string,
    title: string,
    kind: Section['kind'] = 'other',
    paragraphs: string[] = [],
  ) => ({
    kind,
    number,
    title,
    level: 1,
    paragraphs: paragraphs.map((text) => ({ text })),
  });
  if (input.unit.family === 'shanghai') {
    // The Shanghai layout prints its explanation in its own wording and order (编制说明, 其他相关情况说明).
    doc.sections = [
      ...overviewSections(input, kw),
      ...writeShanghaiExplanation(doc, explanationFacts(input)),
    ];
    doc.contents = contents(doc);
    return audited(doc, findings, roundingGap, options);
  }
  const explanation = writeExplanation(doc, explanationFacts(input));
  doc.sections = [
    part('第一部分', '概况'),
    ...overviewSections(input, kw),
    part('第二部分', `${input.unit.year}年${kw}预算报表`),
    part('第三部分', explanationPartTitle(doc).replace(/^第三部分\s*/, '')),
    ...explanation,
    part(
      '第四部分',
      '名词解释',
      'glossary',
      doc.glossary.map((g, i) => glossaryLine(i + 1, g.term, g.definition)),
    ),
  ];
  doc.contents = contents(doc);
  return audited(doc, findings, roundingGap, options);
}

/** Audits the derived document (unless switched off) and decides whether the input is accepted. */
function audited(
  doc: Disclosure,
  findings: InputFinding[],
  roundingGap: Decimal,
  options: GenerateOptions,
): GenerateResult {
  if (options.audit !== false) {
    for (const f of auditDisclosure(doc).findings)
      if (f.severity !== 'info') findings.push(withinLeafRounding(f, roundingGap) ? asRoundingWarning(f) : f);
  }
  return { disclosure: doc, findings, ok: !findings.some((x) => x.severity === 'error') };
}
