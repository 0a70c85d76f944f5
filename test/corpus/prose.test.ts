// The prose of corpus PDFs whose contents page is laid out as a grid (title | leaders, no page numbers) or printed
// without leaders at all: the contents are read, the unnumbered body headings they name open their sections, and
// neither the importer nor the auditor reports the sections as missing. Expected titles and terms are those
// printed on the pages named in the comments (read with `pdftotext -layout`).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/audit/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { parseFile } from '../../src/parse.js';
import { sharedRoot } from '../../src/paths.js';

const dir = join(sharedRoot, 'corpus');
const docs = new Map<string, Disclosure>();

const GRID_CONTENTS = [
  '上海_普陀区人民政府办公室_2025_部门预算.pdf',
  '上海_普陀区财政局_2025_部门预算.pdf',
  '上海_普陀区万里街道办事处_2024_部门预算.pdf',
];
const NO_LEADERS = '上海_普陀区万里街道办事处_2023_部门预算.pdf';
const NARROW = '江苏_省委办公厅_2017_部门预算_文字.pdf';
const FINAL = '上海_普陀区财政局_2024_决算.pdf';

beforeAll(async () => {
  for (const f of [...GRID_CONTENTS, NO_LEADERS, NARROW, FINAL]) {
    const o = await parseFile(join(dir, f));
    if (!('disclosure' in o)) throw new Error(`${f}: ${o.error.message}`);
    docs.set(f, o.disclosure);
  }
}, 120_000);

const doc = (f: string): Disclosure => docs.get(f)!;

describe('contents laid out as a grid (title | leaders, no page numbers)', () => {
  it.each(GRID_CONTENTS)('%s: the 16 contents entries are read (p. 1–2)', (f) => {
    const titles = doc(f).contents.map((c) => c.title);
    expect(titles).toHaveLength(16);
    expect(titles.slice(0, 5)).toEqual([
      '一、部门主要职能',
      '二、部门机构设置',
      '三、名词解释',
      '四、部门预算编制说明',
      '五、部门预算表',
    ]);
    // 万里街道 2024 prints this entry without its year (INDEX.md)
    expect(titles[13]).toMatch(/^9[.．](202[45]年)?部门“三公”经费和机关运行经费预算表$/);
    expect(titles.slice(14)).toEqual(['六、其他相关情况说明', '七、项目经费情况说明']);
    expect(doc(f).contents.every((c) => c.page === undefined)).toBe(true);
  });

  it('区府办 2025: the unnumbered headings open 一 to 四, and the glossary has its 8 terms (p. 3–5)', () => {
    const d = doc('上海_普陀区人民政府办公室_2025_部门预算.pdf');
    const head = d.sections.slice(0, 4).map((s) => [s.number, s.kind, s.title, s.source?.page]);
    expect(head).toEqual([
      ['一', 'duties', '上海市普陀区人民政府办公室主要职能', 3],
      ['二', 'organisation', '上海市普陀区人民政府办公室机构设置', 4],
      ['三', 'glossary', '名词解释', 5],
      ['四', 'changes', '2025年部门预算编制说明', 6],
    ]);
    expect(d.glossary.map((g) => g.term)).toEqual([
      '财政拨款收入',
      '事业收入',
      '事业单位经营收入',
      '其他收入',
      '基本支出预算',
      '项目支出预算',
      '“三公”经费',
      '机关运行经费',
    ]);
    expect(d.overview.duties[0].text).toMatch(
      /^上海市普陀区人民政府办公室是协助区政府领导处理区政府日常工作/,
    );
  });

  it.each(GRID_CONTENTS)('%s: no section or contents entry is reported missing', (f) => {
    const rules = auditDisclosure(doc(f)).findings.map((x) => x.rule);
    expect(rules.filter((r) => r === 'completeness.sections' || r === 'completeness.toc')).toEqual([]);
    expect(doc(f).importNotes.filter((n) => n.code === 'contents_mismatch')).toEqual([]);
  });
});

describe('contents without leaders or page numbers', () => {
  it('万里街道 2023: the contents end where the body repeats a title without its number (p. 2–3)', () => {
    const d = doc(NO_LEADERS);
    expect(d.contents.map((c) => c.title).at(-1)).toBe('八、绩效目标');
    expect(d.contents).toHaveLength(17);
    expect(d.sections[0]).toMatchObject({ number: '一', kind: 'duties', title: '部门主要职能' });
    expect(d.sections[0].source?.page).toBe(3);
  });
});

describe('narrow pages (26 characters to a line)', () => {
  // p. 11: the heading wraps after 支, and every line of the paragraph is shorter than 30 characters
  it('省委办公厅 2017 text volume: a wrapped heading is one title, a wrapped paragraph one paragraph', () => {
    const s = doc(NARROW).sections.find((x) => x.kind === 'three_public')!;
    expect(s.title).toBe('一般公共预算“三公”经费、会议费、培训费支出预算表情况说明');
    expect(s.source?.page).toBe(11);
    expect(s.paragraphs.map((p) => p.text.slice(0, 24))).toEqual([
      '本表反映部门年度一般公共预算资金安排的“三公”经',
      '省委办公厅2017年度一般公共预算拨款安排的“三',
      '1．因公出国（境）费用预算支出 70 万元，本年',
      '2．公务用车购置及运行费预算支出411.20万元',
      '（1）公务用车购置预算支出数 0 万元，本年数与',
      '（2）公务用车运行维护费预算支出411.20万元',
      '3．公务接待费预算支出 28 万元，本年数与上年',
      '省委办公厅 2017 年度一般公共预算拨款安排的',
      '省委办公厅 2017 年度一般公共预算拨款安排的',
    ]);
    expect(s.paragraphs[1].text).toMatch(/因公出国（境）费支出70万元，占“三公”经费的 13\.75%；/);
    expect(s.paragraphs[1].text).toMatch(/占“三公”经费的 5\.50%。具体情况如下：$/);
    expect(s.paragraphs[8].text).toBe(
      '省委办公厅 2017 年度一般公共预算拨款安排的培训费预算支出 25 万元，本年数与上年预算数一致。',
    );
  });
});

describe('a line ending in a colon at the right margin', () => {
  // p. 22: "…一般行政管理事务（项）。主要用于：" fills the line; the next line says what it is used for
  it('财政局 2024 决算: the item goes on below the colon', () => {
    const texts = doc(FINAL).sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    expect(texts).toContain(
      '2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于：局财政业务指导与宣传等基本支出。' +
        '年初预算为 10.00万元，支出决算为10.00万元。',
    );
  });
});

const NOTE_GOV_FUND = '注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。';
const NOTE_STATE_CAPITAL = '注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。';

describe('tables published empty', () => {
  // p. 16–17: header, a lone 合计 row, then "注:本部门2025年无…故本表为空表。"
  it('区府办 2025 部门预算: the note under the lone 合计 row belongs to the table', () => {
    const d = doc('上海_普陀区人民政府办公室_2025_部门预算.pdf');
    const notes = (kind: string) => d.tables.find((t) => t.kind === kind)!.notes;
    expect(notes('gov_fund_expenditure')).toEqual([NOTE_GOV_FUND]);
    expect(notes('state_capital')).toEqual([NOTE_STATE_CAPITAL]);
    const emptyNote = auditDisclosure(d).findings.filter((f) => f.rule === 'completeness.empty-note');
    expect(
      emptyNote.filter((f) => f.table === 'gov_fund_expenditure' || f.table === 'state_capital'),
    ).toEqual([]);
  });
});
