// The reviewer's checklist (公开情况检查表): items from the family's data, verdicts from the findings, one planted
// defect turning exactly its item to 否, and the checklist of the sample and of every corpus document.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDisclosure, type Finding } from '../../src/audit/index.js';
import { generate } from '../../src/generate/index.js';
import { syntheticInput } from '../../src/generate/synthetic.js';
import { Decimal } from '../../src/model/money.js';
import type { Disclosure } from '../../src/model/schema.js';
import { parseFiles } from '../../src/parse.js';
import { bundledSamplePath, sharedRoot } from '../../src/paths.js';
import { registeredFamilies } from '../../src/recognize/family.js';
import { buildChecklist, checklistTitle, verdictOf, type Checklist } from '../../src/report/checklist.js';
import { jsonReport } from '../../src/report/index.js';

const corpusDir = join(sharedRoot, 'corpus');
const FULI = '上海_普陀区社会福利院_2024_单位预算.pdf';
const CAIZHENG = '上海_普陀区财政局_2025_部门预算.pdf';

const checklistOf = (doc: Disclosure, options = {}) =>
  buildChecklist('doc', doc, auditDisclosure(doc).findings, options);
const failing = (c: Checklist) => c.items.filter((i) => !i.conforms).map((i) => i.id);

describe('checklist of a document generated from the sample data (Shanxi family)', () => {
  const input = JSON.parse(
    readFileSync(new URL('../generate/fixtures/xinzhou-2023-input.json', import.meta.url), 'utf8'),
  );
  const clean = (): Disclosure => structuredClone(generate(input, { audit: false }).disclosure);

  it('lists the family items in print order, one row per required table by its official name, all 是', () => {
    const c = checklistOf(clean());
    expect(c.title).toBe('2023年度忻州市单位预算公开情况检查表');
    expect(c.items.map((i) => i.label)).toEqual([
      '及时性',
      '封面',
      '目录',
      '主要职能',
      '机构设置',
      '《预算收支总表》',
      '《预算收入总表》',
      '《预算支出总表》',
      '《财政拨款收支总表》',
      '《一般公共预算支出预算表》',
      '《一般公共预算安排基本支出分经济科目表》',
      '《政府性基金预算收入表》',
      '《政府性基金预算支出表》',
      '《国有资本经营预算收支预算表》',
      '《一般公共预算“三公”经费支出预算表》',
      '《机关运行经费预算财政拨款情况统计表》',
      '《项目支出预算表（本年预算）》',
      '《项目支出预算表（上年结转）》',
      '单位预算情况说明',
      '绩效目标',
      '名词解释',
    ]);
    expect(failing(c)).toEqual([]);
    expect(c.items[0].note).toBe(
      '文件本身不载明公开日期，本工具无法核对；请按批复后20日内公开的要求人工确认',
    );
  });

  /** Each planted defect and the one item it must turn to 否. */
  const PLANTED: [string, (d: Disclosure) => void][] = [
    ['contents', (d) => d.contents.push({ title: '第五部分 政府采购明细', level: 1 })],
    [
      'duties',
      (d) => {
        d.overview.duties = [];
        d.sections = d.sections.filter((s) => s.kind !== 'duties');
        d.contents = d.contents.filter((e) => !/职责/.test(e.title));
      },
    ],
    [
      'organisation',
      (d) => {
        d.overview.organisation = [];
        d.sections = d.sections.filter((s) => s.kind !== 'organisation');
        d.contents = d.contents.filter((e) => !/机构设置/.test(e.title));
      },
    ],
    [
      'glossary',
      (d) => {
        d.glossary = [];
        d.sections = d.sections.filter((s) => s.kind !== 'glossary');
        d.contents = d.contents.filter((e) => !/名词解释/.test(e.title));
      },
    ],
    [
      'explanation',
      (d) => {
        const s = d.sections.find((x) => x.kind === 'procurement')!;
        s.paragraphs[0].text += '其他采购事项详见XX。';
      },
    ],
  ];
  for (const [item, plant] of PLANTED)
    it(`a planted defect of “${item}” turns exactly that item to 否`, () => {
      const doc = clean();
      plant(doc);
      expect(failing(checklistOf(doc))).toEqual([item]);
    });

  it('a wrong year in a table title (a missing note, a missing table) turns exactly that table to 否', () => {
    const kinds = clean().tables.map((t) => t.kind);
    expect(kinds).toHaveLength(13);
    for (const kind of kinds) {
      const doc = clean();
      const t = doc.tables.find((x) => x.kind === kind)!;
      // An empty table gets a wrong year (its “本表无数据” may also be said in the explanation, so dropping the note
      // proves nothing); a title that names 上年 may print another year: such a table is left out, with its contents
      // entry; any other gets a wrong year.
      if (t.empty) t.title = t.title.replace('2023年', '2022年');
      else if (/上年|结转/.test(t.title)) {
        const bare = t.title.replace(/^\d{4}年/, '');
        doc.tables = doc.tables.filter((x) => x !== t);
        doc.contents = doc.contents.filter((e) => !e.title.includes(bare));
      } else t.title = t.title.replace('2023年', '2022年');
      expect(failing(checklistOf(doc)), kind).toEqual([`table:${kind}`]);
    }
  });

  it('a form whose 年度资金总额 differs from its project turns exactly 绩效目标 to 否', () => {
    const doc = generate(syntheticInput({ seed: 5 }), { audit: false }).disclosure;
    expect(doc.performanceForms.length).toBeGreaterThan(0);
    expect(failing(checklistOf(doc))).toEqual([]);
    doc.performanceForms[0].funding.year.total = '1';
    expect(failing(checklistOf(doc))).toEqual(['performance']);
  });

  it('says what it did not look at: the cover’s layout, a table read with little confidence', () => {
    const doc = clean();
    doc.tables.find((t) => t.kind === 'revenue')!.reading = {
      method: 'projection',
      confidence: 'low',
      placed: 40,
      printed: 44,
      identities: { checked: 10, held: 7 },
      reasons: ['4个金额未能归入任何一栏'],
    };
    const c = checklistOf(doc);
    expect(c.items.find((i) => i.id === 'cover')!.note).toBe(
      '封面版式未审核；年度和单位名称的前后一致性见各表',
    );
    expect(c.items.find((i) => i.id === 'table:revenue')!.note).toBe(
      '本表读取把握不大（4个金额未能归入任何一栏），请对照原文',
    );
    expect(failing(c)).toEqual([]);
  });

  it('及时性 is checked against the 20-day rule only when both dates are given', () => {
    const doc = clean();
    const late = checklistOf(doc, { approved: '2023-02-10', published: '2023-03-10' });
    expect(failing(late)).toEqual(['timeliness']);
    expect(late.items[0].problems.map((p) => p.text)).toEqual([
      '批复2023-02-10，公开2023-03-10，相隔28日，超过批复后20日内公开的要求',
    ]);
    const inTime = checklistOf(doc, { approved: '2023-02-10', published: '2023-02-28' });
    expect(failing(inTime)).toEqual([]);
    expect(inTime.items[0].note).toBe('批复2023-02-10，公开2023-02-28，相隔18日，在20日内');
    expect(checklistOf(doc, { published: '2023-03-10' }).items[0].note).toBe(
      '公开日期2023-03-10；批复日期未知，未按“批复后20日内公开”核对',
    );
  });

  it('a row whose 合计 is not 基本支出 + 项目支出 is written the reviewers’ way', () => {
    const doc = clean();
    const t = doc.tables.find((x) => x.kind === 'expenditure')!;
    const row = t.rows.find((r) => r.code === '2010301')!;
    row.cells.basic = { ...row.cells.basic, value: '1000.00', printed: '1,000.00' };
    const c = checklistOf(doc);
    const item = c.items.find((i) => i.id === 'table:expenditure')!;
    expect(item.conforms).toBe(false);
    expect(item.problems[0].text).toBe(
      `《预算支出总表》中“行政运行”这一行，合计${row.cells.total.printed}万元，基本支出1,000.00万元，项目支出${row.cells.project.printed}万元，合计数不等于基本支出与项目支出之和`,
    );
  });
});

describe('reviewers’ wording of a broken hierarchy', () => {
  it('a 款 whose amounts are not the sum of its 项 is written row, column, printed and summed amounts', () => {
    const input = JSON.parse(
      readFileSync(new URL('../generate/fixtures/xinzhou-2023-input.json', import.meta.url), 'utf8'),
    );
    const doc = generate(input, { audit: false }).disclosure;
    const t = doc.tables.find((x) => x.kind === 'expenditure')!;
    const row = t.rows.find((r) => r.code === '20103')!;
    const printed = row.cells.total.value!;
    // 合计 and 基本支出 raised together: the row still adds up, its 项 no longer do.
    for (const col of ['total', 'basic']) {
      const v = new Decimal(row.cells[col].value!).plus(100).toFixed(2);
      row.cells[col] = { ...row.cells[col], value: v, printed: v };
    }
    const item = checklistOf(doc).items.find((i) => i.id === 'table:expenditure')!;
    const raised = new Decimal(printed).plus(100).toFixed(2);
    expect(item.problems.map((p) => p.text)).toContain(
      `《预算支出总表》中“政府办公厅（室）及相关机构事务”这一行，合计栏印为${raised}万元，其下各项之和为${printed}万元，二者不等（相差100万元）`,
    );
  });
});

describe('verdicts', () => {
  const f = (rule: string, severity: Finding['severity'], message = '…'): Finding => ({
    rule,
    severity,
    message,
    table: null,
  });
  it('errors and presentation warnings make an item 否; other warnings ask to verify; info and reading notes nothing', () => {
    expect(verdictOf(f('table.row-sum', 'error'))).toBe('problem');
    expect(verdictOf(f('text.placeholder', 'warning'))).toBe('problem');
    expect(verdictOf(f('completeness.toc', 'warning'))).toBe('problem');
    expect(verdictOf(f('cross.economic-function', 'warning'))).toBe('verify');
    expect(verdictOf(f('narrative.share', 'info'))).toBe('none');
    expect(verdictOf(f('completeness.import', 'warning', '读取说明：表格跨页'))).toBe('none');
    expect(verdictOf(f('completeness.tables', 'warning', '未能确认…请人工确认'))).toBe('none');
  });
});

describe('checklist of the sample and of every corpus document', () => {
  const docs = new Map<string, Disclosure>();
  beforeAll(async () => {
    const files = [
      bundledSamplePath(),
      ...readdirSync(corpusDir)
        .filter((f) => /\.(pdf|xlsx?|txt)$/.test(f))
        .sort()
        .map((f) => join(corpusDir, f)),
    ];
    for (const o of await parseFiles(files))
      if ('disclosure' in o) docs.set(o.file.split('/').pop()!, o.disclosure);
  }, 240_000);

  it('every readable document gets its family’s items, and an item is 否 exactly when it holds a problem', () => {
    expect(docs.size).toBeGreaterThanOrEqual(30);
    for (const [name, doc] of docs) {
      const { findings } = auditDisclosure(doc);
      const c = buildChecklist(name, doc, findings);
      const family = registeredFamilies().find((f) => f.id === doc.metadata.family);
      expect(c.items[0].id, name).toBe('timeliness');
      for (const kind of family?.requiredTables ?? [])
        expect(
          c.items.some((i) => i.id === `table:${kind}`),
          `${name} ${kind}`,
        ).toBe(true);
      for (const item of c.items) {
        expect(item.conforms, `${name} ${item.id}`).toBe(item.problems.length === 0);
        for (const p of item.problems) expect(verdictOf(p.finding), name).toBe('problem');
        for (const p of item.toVerify) expect(verdictOf(p.finding), name).toBe('verify');
      }
      // Every finding that matters lands in one item; info and reading notes in none.
      const listed = new Set(c.items.flatMap((i) => [...i.problems, ...i.toVerify]).map((p) => p.text));
      const placed = c.items.flatMap((i) => [...i.problems, ...i.toVerify]).map((p) => p.finding);
      for (const finding of findings)
        if (verdictOf(finding) === 'none') expect(placed, name).not.toContain(finding);
      expect(listed.size, name).toBe(placed.length);
    }
  });

  it('普陀区社会福利院 2024: 编制说明, two tables and 其他相关说明 are 否, for what a reviewer would write', () => {
    const doc = docs.get(FULI)!;
    const c = checklistOf(doc);
    expect(checklistTitle(doc)).toBe('2024年度普陀区单位预算公开情况检查表');
    expect(failing(c)).toEqual(['explanation', 'table:summary', 'table:fiscal_summary', 'other_notes']);
    const texts = (id: string) => c.items.find((i) => i.id === id)!.problems.map((p) => p.text);
    // The PDF prints "7 11 02 事业单位医疗" under 210 11: a code to look at, not a class missing from another table.
    const expenditure = c.items.find((i) => i.id === 'table:expenditure')!;
    expect(expenditure.problems).toEqual([]);
    expect(expenditure.toVerify.map((p) => p.text).join('\n')).toContain('科目编码印为71102');
    expect(texts('other_notes')).toEqual(['“主要原因是”之后没有内容，原因或内容未填写（第16页第5行）']);
    expect(texts('explanation')).toContain(
      '文中使用了2018年以前的科目名称“医疗卫生与计划生育支出”，2024年应为“卫生健康支出”（第6页第20行）',
    );
    // "社会福利事业单位（项）”738.66万元" against the table's 6,964,796元
    expect(texts('explanation').join('\n')).toContain('738.66万元');
  });

  it('普陀区财政局 2025 部门预算: only 编制说明 否, 部门 names, 项目经费情况说明 listed', () => {
    const doc = docs.get(CAIZHENG)!;
    const c = checklistOf(doc);
    expect(c.title).toBe('2025年度普陀区部门预算公开情况检查表');
    // p.7: "职业年金缴费支出（项）”887.36万元" for the table's 87.36, and items 7–11 printed again on p.8
    expect(failing(c)).toEqual(['explanation']);
    const explanation = c.items
      .find((i) => i.id === 'explanation')!
      .problems.map((p) => p.text)
      .join('\n');
    expect(explanation).toContain('887.36万元');
    expect(explanation).toContain('重复印刷');
    expect(c.items.map((i) => i.label).slice(7, 16)).toEqual([
      '《部门财务收支预算总表》',
      '《部门收入预算总表》',
      '《部门支出预算总表》',
      '《部门财政拨款收支预算总表》',
      '《部门一般公共预算支出功能分类预算表》',
      '《部门政府性基金预算支出功能分类预算表》',
      '《国有资本经营预算支出功能分类预算表》',
      '《部门一般公共预算基本支出部门预算经济分类预算表》',
      '《部门“三公”经费和机关运行经费预算表》',
    ]);
    expect(c.items.map((i) => i.id).slice(-2)).toEqual(['other_notes', 'projects']);
  });

  it('in a Shanghai 部门预算, a placeholder under 其他相关情况说明 or 项目经费情况说明 turns that item too', () => {
    for (const [kind, item] of [
      ['procurement', 'other_notes'],
      ['projects', 'projects'],
    ] as const) {
      const doc = structuredClone(docs.get(CAIZHENG)!);
      // The part's own text, or that of its first sub-item (项目概述 under 项目经费情况说明).
      const at = doc.sections.findIndex((x) => x.kind === kind);
      const s = doc.sections.slice(at).find((x) => x.paragraphs.length)!;
      s.paragraphs[0].text += '详见XX。';
      expect(failing(checklistOf(doc)), kind).toEqual(['explanation', item]);
    }
  });

  it('the JSON report carries the checklist of each file', () => {
    const doc = docs.get(FULI)!;
    const { findings, summary } = auditDisclosure(doc);
    const json = JSON.parse(
      jsonReport([{ file: FULI, document: doc, findings, summary }], () => ({
        url: 'https://example.gov.cn/x',
      })),
    );
    const list = json.files[0].checklist as {
      item: string;
      conforms: boolean;
      problems: { page?: number }[];
    }[];
    expect(list.filter((i) => !i.conforms).map((i) => i.item)).toEqual([
      'explanation',
      'table:summary',
      'table:fiscal_summary',
      'other_notes',
    ]);
    expect(list.find((i) => i.item === 'other_notes')!.problems[0].page).toBe(16);
  });
});
