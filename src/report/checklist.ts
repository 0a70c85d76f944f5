// The reviewer's checklist (公开情况检查表): one row per part of the document and per required table, 符合要求 是/否,
// and the problems in the reviewers' words. The items come from the family's data (recognize/families/*); the
// verdicts come from the audit's findings, sorted into the item they fall in.
import type { Finding } from '../audit/index.js';
import { sectionLabel } from '../audit/bind.js';
import '../recognize/families/index.js';
import {
  FINAL_TABLE_NAMES,
  familyRequiredTables,
  registeredFamilies,
  type ChecklistPart,
  type ChecklistSpec,
} from '../recognize/family.js';
import type { Disclosure, DocumentKind, Row, Section, SourceRef, Table } from '../model/schema.js';
import { Decimal } from '../model/money.js';
import { placeOrder, placeText } from './place.js';

export interface ChecklistProblem {
  /** The problem as a reviewer writes it. */
  text: string;
  finding: Finding;
  /** Where to picture it: page (1-based) and, for PDF sources, the top of the line in points from the page top. */
  page?: number;
  y?: number;
}

export interface ChecklistItem {
  /** `timeliness`, `cover` … or `table:<kind>`. */
  id: string;
  /** 及时性 or 内容规范性. */
  group: string;
  label: string;
  /** 符合要求. */
  conforms: boolean;
  /** Errors and presentation warnings: each one makes the item 否. */
  problems: ChecklistProblem[];
  /** Warnings that ask for a look but prove nothing (practice varies, uncertain binding): never 否. */
  toVerify: ChecklistProblem[];
  /** What the tool could or could not check (及时性). */
  note?: string;
}

export interface Checklist {
  title: string;
  unit: string;
  url?: string;
  file: string;
  items: ChecklistItem[];
}

export interface ChecklistOptions {
  /** 发布地址. */
  url?: string;
  /** 发布日期 and 批复日期 (YYYY-MM-DD), for the 20-day rule of 财预〔2016〕143号. */
  published?: string;
  approved?: string;
}

const COMMON_LABELS: Record<ChecklistPart, string> = {
  timeliness: '及时性',
  cover: '封面',
  contents: '目录',
  duties: '主要职能',
  organisation: '机构设置',
  glossary: '名词解释',
  explanation: '{主体}预算编制说明',
  tables: '',
  other_notes: '其他相关说明',
  projects: '项目经费情况说明',
  performance: '绩效目标',
};

/** Items of a document of no known family: what every disclosure must hold (DOMAIN.md §6). */
const COMMON_SPEC: ChecklistSpec = {
  items: ['timeliness', 'cover', 'contents', 'duties', 'organisation', 'explanation', 'tables', 'glossary'],
  whenPresent: ['performance'],
  tableNames: {},
};

/** Table names of a document of no known family: its kind's usual name. */
const KIND_NAMES: Record<string, string> = {
  summary: '收支预算总表',
  revenue: '收入预算总表',
  expenditure: '支出预算总表',
  fiscal_summary: '财政拨款收支预算总表',
  fiscal_expenditure: '财政拨款支出预算表',
  fiscal_basic: '财政拨款基本支出预算表',
  general_expenditure: '一般公共预算支出功能分类预算表',
  general_basic_economic: '一般公共预算基本支出经济分类预算表',
  gov_fund_revenue: '政府性基金预算收入表',
  gov_fund_expenditure: '政府性基金预算支出功能分类预算表',
  state_capital: '国有资本经营预算支出功能分类预算表',
  three_public: '“三公”经费支出预算表',
  operating_costs: '机关运行经费预算表',
  procurement: '政府采购预算表',
  projects: '项目支出预算表',
  projects_carryover: '项目支出预算表（上年结转）',
};

const isFinal = (kind: DocumentKind) => kind.endsWith('_final');
const subject = (kind: DocumentKind) => (kind.startsWith('department') ? '部门' : '单位');

/**
 * Findings that judge the presentation (missing parts, wording, names, year and unit): a warning of these rules
 * makes an item 否. Other warnings (practice varies, a claim bound with doubt) are listed to verify, never 否.
 */
const PRESENTATION_RULES =
  /^(completeness\.(tables|sections|empty-note|toc|year-unit|cover)|text\.|codes\.consistent-name)/;

/** Reading notes: how the file was read, not what it says. */
function isReadingNote(f: Finding): boolean {
  return (
    f.rule === 'completeness.import' ||
    /^读取说明/.test(f.message) ||
    // The auditor could not confirm a table it may have misread: a doubt of the reading, not of the document.
    /请人工确认/.test(f.message)
  );
}

export type Verdict = 'problem' | 'verify' | 'none';

/** What a finding does to its item: turn it 否, ask for a look, or nothing (info and reading notes). */
export function verdictOf(f: Finding): Verdict {
  if (f.severity === 'info' || isReadingNote(f)) return 'none';
  if (f.severity === 'error') return 'problem';
  return PRESENTATION_RULES.test(f.rule) ? 'problem' : 'verify';
}

function specOf(doc: Disclosure): ChecklistSpec {
  return registeredFamilies().find((f) => f.id === doc.metadata.family)?.checklist ?? COMMON_SPEC;
}

function requiredOf(doc: Disclosure): string[] {
  return familyRequiredTables(doc.metadata.family, doc.metadata.kind);
}

/** "普陀区" from "上海市普陀区财政局"; the province or city when no district is named; "" when unknown. */
export function regionOf(doc: Disclosure): string {
  const unit = doc.metadata.unit.replace(/\s/g, '');
  const district = /^(?:[^省市]{2,7}[省市])?([^省市区县]{1,5}(?:新区|区|县|旗))/.exec(unit);
  if (district) return district[1];
  const city = /^([^省市]{2,7}[省市])/.exec(unit);
  if (city) return city[1];
  return doc.metadata.region ?? '';
}

export function checklistTitle(doc: Disclosure): string {
  const m = doc.metadata;
  const what = isFinal(m.kind) ? '决算' : '预算';
  return `${m.year}年度${regionOf(doc)}${subject(m.kind)}${what}公开情况检查表`;
}

/** Which item a finding falls in: the section it quotes, else its table, else what its rule is about. */
type Slot = ChecklistPart | `table:${string}`;

/** Each section of the document, mapped to the item it belongs to, walking in print order. */
function sectionSlots(doc: Disclosure, spec: ChecklistSpec): Map<string, ChecklistPart> {
  const has = (p: ChecklistPart) => spec.items.includes(p);
  const starts: Partial<Record<string, ChecklistPart>> = {
    duties: 'duties',
    organisation: 'organisation',
    glossary: 'glossary',
    other_notes: has('other_notes') ? 'other_notes' : 'explanation',
    projects: has('projects') ? 'projects' : 'explanation',
  };
  const out = new Map<string, ChecklistPart>();
  let current: ChecklistPart | null = null;
  for (const s of doc.sections) {
    const start = starts[s.kind];
    if (start) current = start;
    // A sub-item of 其他相关说明 or 项目经费情况说明 (三公, 政府采购, 绩效目标 …) stays in it; elsewhere the
    // explanation's items (收支, 三公 …) make up the 编制说明.
    else if (current !== 'other_notes' && current !== 'projects') current = 'explanation';
    out.set(sectionLabel(s), current);
    out.set(s.title, current);
  }
  return out;
}

/** The item a part named only in words belongs to (completeness.sections' "缺少“三公经费说明”", 概况's "单位职责"). */
function namedSlot(label: string, spec: ChecklistSpec): ChecklistPart | null {
  if (/职能|职责/.test(label)) return 'duties';
  if (/机构/.test(label)) return 'organisation';
  if (/名词解释|名称解释/.test(label)) return 'glossary';
  if (/三公|机关运行|政府采购|国有资产|绩效/.test(label) && spec.items.includes('other_notes'))
    return 'other_notes';
  return null;
}

function slotOf(
  f: Finding,
  doc: Disclosure,
  spec: ChecklistSpec,
  sections: Map<string, ChecklistPart>,
): Slot {
  if (f.rule === 'completeness.toc') return 'contents';
  if (f.rule === 'completeness.sections') return (f.section && namedSlot(f.section, spec)) || 'explanation';
  if (f.rule === 'completeness.tables' && !f.table) return 'tables';
  const aboutText = f.rule.startsWith('narrative.') || f.rule.startsWith('text.') || !f.table;
  if (f.rule === 'completeness.cover') return 'cover';
  if (f.section && aboutText) {
    const slot = sections.get(f.section) ?? namedSlot(f.section, spec);
    if (slot) return slot;
  }
  if (f.table === 'performance_targets' || f.rule.startsWith('performance.')) return 'performance';
  if (f.table) return `table:${f.table}`;
  if (f.rule === 'completeness.year-unit' || f.rule === 'completeness.cover') return 'cover';
  return 'explanation';
}

/** The official name of a table kind in this document, with 《》. */
function tableName(kind: string, doc: Disclosure, spec: ChecklistSpec): string {
  const s = subject(doc.metadata.kind);
  const own = spec.tableNames[kind as keyof ChecklistSpec['tableNames']];
  if (own) return `《${own.replace('{主体}', s)}》`;
  const printed = doc.tables.find((t) => t.kind === kind);
  if (printed) return `《${bareTitle(printed, doc)}》`;
  const names = isFinal(doc.metadata.kind) ? { ...KIND_NAMES, ...FINAL_TABLE_NAMES } : KIND_NAMES;
  return `《${names[kind] ?? kind}》`;
}

/** A printed title without its year and unit prefixes. */
function bareTitle(t: Table, doc: Disclosure): string {
  let title = t.title.replace(/^\s*\d{4}\s*年(度)?/, '').trim();
  if (doc.metadata.unit && title.startsWith(doc.metadata.unit)) title = title.slice(doc.metadata.unit.length);
  return title || t.kind;
}

/** Builds the checklist of one audited document. */
export function buildChecklist(
  file: string,
  doc: Disclosure,
  findings: readonly Finding[],
  options: ChecklistOptions = {},
): Checklist {
  const spec = specOf(doc);
  const kind = doc.metadata.kind;
  const s = subject(kind);
  const sections = sectionSlots(doc, spec);
  const required = requiredOf(doc);
  const printedKinds = doc.tables
    .map((t) => t.kind)
    .filter((k) => k !== 'unknown' && k !== 'performance_targets');
  const tableKinds = [...new Set([...required, ...printedKinds])];

  const bySlot = new Map<Slot, Finding[]>();
  for (const f of findings) {
    if (verdictOf(f) === 'none') continue;
    let slot = slotOf(f, doc, spec, sections);
    if (slot.startsWith('table:') && !tableKinds.includes(slot.slice(6))) slot = 'explanation';
    if (slot === 'performance' && !spec.items.includes('performance')) slot = 'explanation';
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), f]);
  }

  const items: ChecklistItem[] = [];
  const push = (id: Slot, label: string, note?: string) => {
    const found = [...(bySlot.get(id) ?? [])].sort((a, b) => placeOrder(a) - placeOrder(b));
    const problems = distinct(
      found.filter((f) => verdictOf(f) === 'problem').map((f) => problemOf(f, doc, spec)),
    );
    const toVerify = distinct(
      found.filter((f) => verdictOf(f) === 'verify').map((f) => problemOf(f, doc, spec)),
    );
    items.push({
      id,
      group: id === 'timeliness' ? '及时性' : '内容规范性',
      label,
      conforms: problems.length === 0,
      problems,
      toVerify,
      ...(note ? { note } : {}),
    });
  };
  for (const part of spec.items) {
    if (spec.only?.[part] && !spec.only[part]!.includes(kind)) continue;
    if (spec.whenPresent?.includes(part) && !present(part, doc, bySlot)) continue;
    if (part === 'tables') {
      for (const k of tableKinds) push(`table:${k}`, tableName(k, doc, spec), readingNote(doc, k));
      continue;
    }
    let label = spec.labels?.[part] ?? COMMON_LABELS[part];
    if (part === 'explanation' && !spec.labels?.explanation && isFinal(kind)) label = '{主体}决算情况说明';
    if (part === 'timeliness') {
      const t = timeliness(options);
      push(part, label, t.conforms ? t.note : undefined);
      if (!t.conforms) {
        const item = items[items.length - 1];
        item.conforms = false;
        item.problems.push({ text: t.note, finding: timelinessFinding(t.note) });
      }
      continue;
    }
    push(part, label.replace('{主体}', s), coverageNote(part, doc));
  }
  // Findings of an item the family does not list (a section of its own) are not lost.
  const listed = new Set(items.map((i) => i.id));
  for (const slot of bySlot.keys()) {
    if (listed.has(slot)) continue;
    if (slot === 'tables') push(slot, '公开报表');
    else if (slot.startsWith('table:')) push(slot, tableName(slot.slice(6), doc, spec));
    else push(slot, COMMON_LABELS[slot as ChecklistPart].replace('{主体}', s));
  }

  return {
    title: checklistTitle(doc),
    unit: doc.metadata.unit,
    ...(options.url ? { url: options.url } : {}),
    file,
    items,
  };
}

/** One line per problem: two rules (or two paths of one rule) saying the same thing at one place are one problem. */
function distinct(problems: ChecklistProblem[]): ChecklistProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.text) && !!seen.add(p.text));
}

function present(part: ChecklistPart, doc: Disclosure, bySlot: Map<Slot, Finding[]>): boolean {
  if (bySlot.has(part)) return true;
  if (part === 'performance') return doc.performanceForms.length > 0;
  return true;
}

/** What the tool could not look at in a part, said beside its verdict. */
function coverageNote(part: ChecklistPart, doc: Disclosure): string | undefined {
  if (part === 'cover')
    return doc.metadata.title
      ? '封面版式未审核；封面标题的年度、单位和预算/决算、部门/单位已与报表标题核对'
      : '封面版式未审核；未读到封面标题，年度和单位名称的前后一致性见各表';
  if (part === 'contents' && !doc.contents.length) return '未读到目录，未核对目录与正文';
  return undefined;
}

/** A table read with little confidence: its verdict rests on a reading that may be wrong. */
function readingNote(doc: Disclosure, kind: string): string | undefined {
  const t = doc.tables.find((x) => x.kind === kind);
  if (!t) return undefined;
  if (t.reading?.confidence === 'low')
    return `本表读取把握不大${t.reading.reasons.length ? `（${t.reading.reasons.join('；')}）` : ''}，请对照原文`;
  return undefined;
}

function timelinessFinding(message: string): Finding {
  return { rule: 'timeliness', severity: 'error', message, table: null };
}

const DAY = 86_400_000;

/** 财预〔2016〕143号: published within 20 days of approval. The tool knows neither date unless told. */
function timeliness(options: ChecklistOptions): { conforms: boolean; note: string } {
  const parse = (s: string | undefined) => (s ? Date.parse(`${s}T00:00:00Z`) : NaN);
  const published = parse(options.published);
  const approved = parse(options.approved);
  if (!Number.isNaN(published) && !Number.isNaN(approved)) {
    const days = Math.round((published - approved) / DAY);
    if (days <= 20)
      return {
        conforms: true,
        note: `批复${options.approved}，公开${options.published}，相隔${days}日，在20日内`,
      };
    return {
      conforms: false,
      note: `批复${options.approved}，公开${options.published}，相隔${days}日，超过批复后20日内公开的要求`,
    };
  }
  if (!Number.isNaN(published))
    return { conforms: true, note: `公开日期${options.published}；批复日期未知，未按“批复后20日内公开”核对` };
  return {
    conforms: true,
    note: '文件本身不载明公开日期，本工具无法核对；请按批复后20日内公开的要求人工确认',
  };
}

/** The finding in a reviewer's words: the table by its official name, the row, the printed amounts. */
function problemOf(f: Finding, doc: Disclosure, spec: ChecklistSpec): ChecklistProblem {
  const table = f.table ? doc.tables.find((t) => t.kind === f.table) : undefined;
  const row = table ? findRow(table, f) : undefined;
  let text = f.message;
  if (f.rule === 'table.row-sum' && table && row && f.column)
    text = rowSumText(table, row, f.column, tableName(table.kind, doc, spec));
  else if (
    f.rule === 'table.hierarchy' &&
    table &&
    row &&
    f.column &&
    isDecimal(f.expected) &&
    isDecimal(f.actual)
  )
    text = hierarchyText(table, row, f.column, f.expected, f.actual, tableName(table.kind, doc, spec));
  else if (table && !f.section && !text.includes('《')) {
    const printed = bareTitle(table, doc);
    const official = tableName(table.kind, doc, spec);
    text = text.includes(printed) ? text.replace(printed, official) : `${official}：${text}`;
  }
  const place = placeText(f);
  if (place) text = `${text.replace(/[。；]$/, '')}（${place}）`;
  const src = sourceOf(f, doc, table, row);
  return {
    text,
    finding: f,
    ...(src?.page ? { page: src.page } : {}),
    ...(src?.y !== undefined ? { y: src.y } : {}),
  };
}

function findRow(table: Table, f: Finding): Row | undefined {
  if (f.row_code) {
    const byCode = table.rows.find(
      (r) => r.code === f.row_code && (!f.row_name || (r.name || r.label) === f.row_name),
    );
    if (byCode) return byCode;
  }
  if (f.row_name) return table.rows.find((r) => (r.name || r.label) === f.row_name);
  return undefined;
}

const printedAmount = (printed: string | undefined) => (printed && printed.trim() ? printed.trim() : '0');

/** "《单位支出预算总表》中“行政运行”这一行，合计A元，基本支出B元，项目支出C元，合计数不等于基本支出与项目支出之和". */
function rowSumText(table: Table, row: Row, total: string, name: string): string {
  const cols = table.columns.filter(
    (c) => c.id in row.cells && (!row.side || !c.side || c.side === row.side),
  );
  const parts = cols.filter((c) => c.id !== total);
  const totalCol = cols.find((c) => c.id === total);
  const label = (c: { id: string; label: string }) => c.label.split('/').pop() || c.id;
  const amounts = [totalCol, ...parts]
    .filter((c): c is NonNullable<typeof c> => !!c)
    .map((c) => `${label(c)}${printedAmount(row.cells[c.id]?.printed)}${table.unit}`)
    .join('，');
  const partNames = parts.length <= 3 ? parts.map(label).join('与') : '各组成栏';
  const totalName = totalCol ? label(totalCol) : '合计';
  return `${name}中“${row.name || row.label}”这一行，${amounts}，${totalName}数不等于${partNames}之和`;
}

const isDecimal = (s: string | undefined): s is string => s !== undefined && /^-?\d+(\.\d+)?$/.test(s);

/** "《…》中“工资福利支出”这一行，合计栏印为B元，其下各款之和为A元，二者不等（相差C元）". */
function hierarchyText(
  table: Table,
  row: Row,
  column: string,
  expected: string,
  actual: string,
  name: string,
): string {
  const col = table.columns.find((c) => c.id === column);
  const label = col?.label.split('/').pop() || column;
  const parts =
    row.role === 'total' ? '各类' : row.level === 1 ? '其下各款' : row.level === 2 ? '其下各项' : '其下各行';
  const diff = new Decimal(actual).minus(expected).abs().toFixed();
  return `${name}中“${row.name || row.label}”这一行，${label}栏印为${actual}${table.unit}，${parts}之和为${expected}${table.unit}，二者不等（相差${diff}${table.unit}）`;
}

/** The model's position of what a finding points at: the cell, the row, the sentence, the table or the section. */
function sourceOf(f: Finding, doc: Disclosure, table?: Table, row?: Row): SourceRef | undefined {
  if (row) {
    const cell = f.column ? row.cells[f.column] : undefined;
    return cell?.source?.y !== undefined ? cell.source : (row.source ?? table?.source);
  }
  if (f.section) {
    const section = doc.sections.find((s: Section) => sectionLabel(s) === f.section || s.title === f.section);
    if (section) {
      const para =
        (f.excerpt && section.paragraphs.find((p) => p.text.includes(f.excerpt!.slice(0, 12)))) ||
        section.paragraphs.find((p) => p.source?.page === f.page && p.source?.line === f.line);
      if (para?.source) return para.source;
      if (section.source && (!f.page || section.source.page === f.page)) return section.source;
    }
  }
  if (table?.source) return table.source;
  return f.page ? { page: f.page, ...(f.line ? { line: f.line } : {}) } : undefined;
}

/** The checklist as data for the JSON report (`checklist` array per file). */
export function checklistJson(c: Checklist): unknown[] {
  return c.items.map((i) => ({
    item: i.id,
    group: i.group,
    label: i.label,
    conforms: i.conforms,
    problems: i.problems.map((p) => problemJson(p)),
    to_verify: i.toVerify.map((p) => problemJson(p)),
    ...(i.note ? { note: i.note } : {}),
  }));
}

function problemJson(p: ChecklistProblem): Record<string, unknown> {
  return {
    text: p.text,
    rule: p.finding.rule,
    severity: p.finding.severity,
    ...(p.page ? { page: p.page } : {}),
  };
}

/** 问题 text of an item: numbered 1., 2., …; warnings to verify follow under 请核实. */
export function problemsText(item: ChecklistItem): string {
  const lines = item.problems.map((p, i) => `${i + 1}.${p.text}`);
  if (item.toVerify.length)
    lines.push(
      `请核实：${item.toVerify.map((p, i) => `${item.problems.length + i + 1}.${p.text}`).join('\n')}`,
    );
  if (item.note) lines.unshift(item.note);
  return lines.join('\n');
}
