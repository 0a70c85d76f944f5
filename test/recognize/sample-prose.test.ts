// The sample's contents, 概况, 第三部分 sections and 名词解释, read from the real document.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/model/schema.js';
import { parseSample } from './helpers.js';

let doc: Disclosure;
beforeAll(async () => {
  doc = await parseSample();
});

describe('table of contents', () => {
  it('lists every entry with its printed page and level', () => {
    expect(doc.contents).toHaveLength(33);
    expect(doc.contents.slice(0, 5).map((e) => [e.title, e.page, e.level])).toEqual([
      ['第一部分 概况', 1, 1],
      ['一、本单位职责', 1, 2],
      ['二、机构设置情况', 1, 2],
      ['第二部分 2023年单位预算报表', 3, 1],
      ['2023年预算收支总表', 3, 2],
    ]);
    expect(doc.contents.slice(-4).map((e) => [e.title, e.page, e.level])).toEqual([
      ['十二、其他说明', 32, 2],
      ['(一) 政府购买服务指导性目录', 32, 3],
      ['(二) 其他', 32, 3],
      ['第四部分 名词解释', 33, 1],
    ]);
    expect(doc.contents.find((e) => e.title.startsWith('十一'))).toMatchObject({
      title: '十一、国有资产占有使用情况',
      page: 32,
    });
  });

  it('finds every contents entry in the body (no completeness note)', () => {
    expect(doc.importNotes.filter((n) => n.code === 'incomplete' || n.code === 'contents_mismatch')).toEqual(
      [],
    );
    expect(doc.importNotes.filter((n) => n.code === 'missing_table')).toEqual([]);
  });
});

describe('第一部分 概况', () => {
  it('reads the 13 duties as printed', () => {
    expect(doc.overview.duties).toHaveLength(13);
    expect(doc.overview.duties[0].text).toBe('(一) 负责市政府各类会议的组织实施工作。');
    expect(doc.overview.duties[12].text).toMatch(/^\(十三\) 职能转变。全面加强党的领导.*“六型”政府。$/);
    expect(doc.overview.duties[0].source).toEqual({ page: 48, line: 48 });
  });

  it('joins the organisation paragraph the extraction broke in two, and lists the units included', () => {
    expect(doc.overview.organisation[0].text).toMatch(
      /^\(一\) 忻州市人民政府办公室设21个内设机构.*政务改革协调科（信息科）。$/,
    );
    expect(doc.importNotes).toContainEqual({
      level: 'info',
      code: 'joined_lines',
      message: '段落在“、政务改革协”处断行，已与下一行合并',
      source: { page: 78, line: 78 },
    });
    expect(doc.overview.unitsIncluded).toEqual([
      '忻州市人民政府办公室机关',
      '忻州市政府信息中心',
      '忻州市老区建设服务中心',
    ]);
    expect(doc.overview.organisation.at(-1)?.text).toMatch(/^（说明：忻州市政府信息中心.*并公开。）$/);
  });
});

describe('第三部分 情况说明', () => {
  it('has the 12 items with their sub-items and canonical kinds', () => {
    const explanation = doc.sections.filter((s) => s.part === '第三部分 2023年度单位预算情况说明');
    expect(explanation.map((s) => [s.level, s.number, s.title, s.kind])).toEqual([
      [2, '一', '单位预算收支数据变动情况及原因', 'changes'],
      [2, '二', '收入预算情况说明', 'revenue'],
      [2, '三', '支出预算情况说明', 'expenditure'],
      [2, '四', '财政拨款收支预算总体情况说明', 'fiscal'],
      [2, '五', '一般公共预算支出情况说明', 'general_expenditure'],
      [3, '(一)', '一般公共预算当年拨款规模变化情况', 'general_scale'],
      [3, '(二)', '一般公共预算当年拨款结构情况', 'general_structure'],
      [2, '六', '一般公共预算基本支出情况说明', 'general_basic'],
      [2, '七', '“三公”经费增减变动原因说明', 'three_public'],
      [2, '八', '机关运行经费增减变动原因说明', 'operating_costs'],
      [2, '九', '政府采购情况', 'procurement'],
      [2, '十', '绩效管理情况', 'performance'],
      [4, '1', '绩效管理情况', 'performance'],
      [4, '2', '绩效目标情况（附表说明）', 'performance'],
      [2, '十一', '国有资产占有使用情况', 'assets'],
      [4, '1', '车辆情况', 'assets'],
      [4, '2', '房屋情况', 'assets'],
      [4, '3', '其他国有资产占有使用情况', 'assets'],
      [2, '十二', '其他说明', 'other_notes'],
      [3, '（一）', '政府购买服务指导性目录', 'other_notes'],
      [3, '（二）', '其他', 'other_notes'],
    ]);
  });

  it('keeps the text of every section', () => {
    const text = (title: string) =>
      doc.sections
        .find((s) => s.title === title)
        ?.paragraphs.map((p) => p.text)
        .join('\n');
    expect(text('单位预算收支数据变动情况及原因')).toMatch(
      /^2023年度预算收入总计2,979.49万元，其中：本年收入2,979.49万元，上年结转0.00万元，比上年减少726.75万元，下降19.61%，.*下降19.61%，主要原因是公用经费及忻州市政府信息化项目运维费减少。$/,
    );
    expect(text('支出预算情况说明')).toBe(
      '2023年度支出预算2,979.49万元，其中：基本支出2,011.93万元，占67.53%；项目支出967.56万元，占32.47%。',
    );
    expect(text('一般公共预算当年拨款规模变化情况')).toBe(
      '2023 年度一般公共预算当年拨款2,979.49万元,比上年减少726.75万元,下降19.61%。',
    );
    expect(text('一般公共预算当年拨款结构情况')).toMatch(
      /住房保障支出153.45万元,占5.15%。\n一般公共预算当年拨款结构图$/,
    );
    expect(text('一般公共预算基本支出情况说明')?.split('\n')).toHaveLength(3);
    expect(text('“三公”经费增减变动原因说明')).toBe('本单位无“三公”经费预算。');
    expect(text('机关运行经费增减变动原因说明')).toBe(
      '2023年单位机关运行经费预算拨款331.73万元,比2022年预算同口径减少19.6万元,下降5.58%,减少主要原因是在职人员减少。',
    );
    expect(text('政府采购情况')).toBe(
      '2023年忻州市人民政府办公室部门各单位政府采购预算总额529.5万元。其中:政府采购货物预算30.8万元、政府采购工程预算 10万元、政府采购服务预算488.7万元。',
    );
    expect(text('绩效目标情况（附表说明）')).toMatch(
      /共有11个项目实行绩效目标管理.*遗属生活补助。（详见以下附表）$/,
    );
    expect(text('车辆情况')).toBe('单位无车辆。');
    expect(text('房屋情况')).toBe('办公用房由忻州市直属机关事务服务中心统一管理。');
    expect(text('其他国有资产占有使用情况')).toBe('无');
    expect(text('政府购买服务指导性目录')).toBe('无');
    expect(text('其他')).toBe('2023年单位无政府性基金收支预算。');
    // the forms between 十 and 十一 are forms, not paragraphs
    expect(doc.sections.every((s) => s.paragraphs.every((p) => !p.text.includes('绩效指标')))).toBe(true);
  });

  it('has parts as level-1 sections, with 概况 items as duties and organisation', () => {
    expect(doc.sections.filter((s) => s.level === 1).map((s) => [s.number, s.title, s.kind])).toEqual([
      ['第一部分', '概况', 'other'],
      ['第二部分', '2023年单位预算报表', 'other'],
      ['第三部分', '2023年度单位预算情况说明', 'other'],
      ['第四部分', '名词解释', 'glossary'],
    ]);
    expect(doc.sections.find((s) => s.kind === 'duties')?.paragraphs).toHaveLength(13);
    expect(doc.sections.find((s) => s.kind === 'organisation')?.title).toBe('机构设置情况');
  });
});

describe('第四部分 名词解释', () => {
  it('reads every entry with term and definition (the sample prints 12)', () => {
    expect(doc.glossary.map((g) => g.term)).toEqual([
      '基本支出',
      '项目支出',
      '“三公”经费',
      '机关运行经费',
      '政府购买服务',
      '财政专户管理资金',
      '单位资金',
      '上年结转',
      '一般公共预算',
      '政府性基金预算',
      '国有资本经营预算',
      '财政拨款',
    ]);
    expect(doc.glossary[0].definition).toBe(
      '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。',
    );
    // the definition printed on the line after its term
    expect(doc.glossary[5].definition).toMatch(
      /^专指教育收费，包括目前在财政专户管理的高中以上学费.*培训费等。$/,
    );
    // terms printed without a colon
    expect(doc.glossary[8].definition).toMatch(/^是指以税收为主体的财政收入/);
    expect(doc.glossary[10].definition).toBe('是对国有资本收益作出支出安排的收支预算。');
    expect(doc.glossary[11].definition).toBe('包含一般公共预算、政府性基金预算、国有资本经营预算。');
    expect(doc.glossary[11].source).toEqual({ page: 855, line: 855 });
  });
});
