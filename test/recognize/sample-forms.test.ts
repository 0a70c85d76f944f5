// The sample's 项目支出绩效目标申报表 (10 printed, for 11 projects), every field, read from the real document.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, PerformanceForm } from '../../src/model/schema.js';
import { indicatorValue } from '../../src/recognize/form.js';
import { parseSample } from './helpers.js';

let doc: Disclosure;
beforeAll(async () => {
  doc = await parseSample();
});

const form = (project: string): PerformanceForm => {
  const f = doc.performanceForms.find((x) => x.project === project);
  if (!f) throw new Error(`no form ${project}`);
  return f;
};

/** project, period total, year total (元), nature, period, handler, phone, filing date, indicators period/year. */
const FORMS: [string, string, string, string, string, string, string, string, number, number][] = [
  [
    '对外交流与合作洽谈项目经费',
    '2400000',
    '600000',
    '经常性项目（长期开展）',
    '4年',
    '范滢',
    '3039377',
    '20221103153701',
    7,
    7,
  ],
  [
    '法律顾问费',
    '700000',
    '100000',
    '经常性项目（长期开展）',
    '4年',
    '范迪',
    '3039377',
    '20221103112119',
    9,
    9,
  ],
  [
    '护林防火、生态环境媒体暗访专项经费',
    '2650000',
    '500000',
    '经常性项目（长期开展）',
    '4年',
    '李海燕',
    '3039336',
    '20221103152108',
    7,
    7,
  ],
  [
    '领导调研经费',
    '2160000',
    '540000',
    '经常性项目（长期开展）',
    '4年',
    '范迪',
    '3039377',
    '20221103152856',
    7,
    7,
  ],
  [
    '山西地域文化通览忻州分卷编撰工作经费',
    '1600000',
    '400000',
    '延续性项目（阶段开展）',
    '4年',
    '张建平',
    '18636068028',
    '20221025101506',
    7,
    7,
  ],
  [
    '市政府办公室系统专业化能力提升及网站与政务新媒体培训费',
    '600000',
    '200000',
    '经常性项目（长期开展）',
    '3年',
    '聂艳文',
    '3039335',
    '20221028095030',
    8,
    8,
  ],
  [
    '忻州市老区建设促进会经费',
    '320000',
    '80000',
    '经常性项目（长期开展）',
    '4年',
    '韩卓汝',
    '15110556893',
    '20221103113108',
    9,
    9,
  ],
  [
    '忻州市政府信息化项目运维费',
    '33572000',
    '5629000',
    '经常性项目（长期开展）',
    '4年',
    '孙志强',
    '3902809',
    '20221103105200',
    7,
    7,
  ],
  [
    '遗属生活补助',
    '133824',
    '44608',
    '经常性项目（长期开展）',
    '3年',
    '江中兵',
    '3039335',
    '20230129165048',
    6,
    6,
  ],
  [
    '重点工作督查经费及机关运行保障经费',
    '1400000',
    '1400000',
    '一次性项目（1年结束）',
    '1年',
    '赵建梅',
    '3039312',
    '20230119154036',
    7,
    7,
  ],
];

describe('performance forms', () => {
  it('reads the 10 printed forms in order (驻村帮扶干部补助经费 has none in the sample)', () => {
    expect(doc.performanceForms.map((f) => f.project)).toEqual(FORMS.map((f) => f[0]));
  });

  for (const [project, periodTotal, yearTotal, nature, period, handler, phone, date, np, ny] of FORMS) {
    it(`${project}: header fields, funding by source in 元, contacts, indicator counts`, () => {
      const f = form(project);
      expect(f.department).toEqual({ code: '103', name: '忻州市人民政府办公室' });
      expect(f.implementingUnit).toBe('忻州市人民政府办公室');
      expect(f.nature).toBe(nature);
      expect(f.period).toBe(period);
      expect(f.periodYears).toBe(Number(period.replace('年', '')));
      expect(f.unit).toBe('元');
      expect(f.funding.period).toEqual({
        total: periodTotal,
        central: '0',
        provincial: '0',
        local: periodTotal,
        selfRaised: '0',
        other: null,
      });
      expect(f.funding.year).toEqual({
        total: yearTotal,
        central: '0',
        provincial: '0',
        local: yearTotal,
        selfRaised: '0',
        other: null,
      });
      expect(f.contacts).toEqual({ handler, phone });
      expect(f.filingDate).toBe(date);
      expect([f.indicators.period.length, f.indicators.year.length]).toEqual([np, ny]);
      for (const field of ['overview', 'basis', 'necessity', 'measures', 'plan'] as const) {
        expect(f[field]?.length ?? 0).toBeGreaterThan(5);
      }
      expect(f.goals.period?.length ?? 0).toBeGreaterThan(5);
    });
  }

  it('reads every indicator of 法律顾问费, with "≥95百分号" as ≥ 95 %', () => {
    const f = form('法律顾问费');
    const rows = (side: 'period' | 'year') =>
      f.indicators[side].map((i) => [
        i.level1,
        i.level2,
        i.name,
        i.printed,
        i.operator,
        i.value,
        i.valueUnit,
      ]);
    expect(rows('period')).toEqual([
      ['产出指标', '数量指标', '聘请法律顾问公司', '1个', '=', '1', '个'],
      ['产出指标', '质量指标', '更好地保障依法行政', '良好定性', null, null, null],
      ['产出指标', '时效指标', '合同服务期', '3年', '=', '3', '年'],
      ['产出指标', '成本指标', '依法行政能力提升认可度（%）', '≥95百分号', '≥', '95', '%'],
      ['效益指标', '经济效益指标', '更好地促进全市经济发展', '≥92百分号', '≥', '92', '%'],
      ['效益指标', '社会效益指标', '法律保障提供及时性', '100百分号', '=', '100', '%'],
      ['效益指标', '生态效益指标', '促进社会可持续发展', '≥93百分号', '≥', '93', '%'],
      ['效益指标', '可持续影响指标', '提高政府依法行政水平', '≥94百分号', '≥', '94', '%'],
      ['满意度指标', '服务对象满意度指标', '法律保障满意度', '≥95百分号', '≥', '95', '%'],
    ]);
    // the year side names the first indicator differently
    expect(rows('year')[0]).toEqual(['产出指标', '数量指标', '聘请律师事务所数量', '1个', '=', '1', '个']);
    expect(rows('year').slice(1)).toEqual(rows('period').slice(1));
    expect(f.goals.year).toBe(
      '2023年，深入推进依法行政，逐步提高政府依法决策水平，加快建设法治政府，保障本单位法律完善度',
    );
    expect(f.indicators.period[0].source).toEqual({ page: 538, line: 538 });
  });

  it('reads 对外交流 whose 满意度 二级指标 is printed without 指标 on one side', () => {
    const f = form('对外交流与合作洽谈项目经费');
    expect(f.indicators.period.at(-1)).toMatchObject({
      level1: '满意度指标',
      level2: '服务对象满意度',
      name: '相关部门及群众满意度',
      operator: '≥',
      value: '90',
      valueUnit: '%',
    });
    expect(f.indicators.year.at(-1)?.level2).toBe('服务对象满意度指标');
    expect(f.indicators.period[3]).toMatchObject({
      level2: '成本指标',
      name: '对外交流与洽谈任务平均每月2次，每次经费约2.5万元',
      operator: '≤',
      value: '60',
      valueUnit: '万元',
    });
  });

  it('repairs 领导调研经费: the repeated 满意度 row, the 成本指标 value "万元", the missing year goal', () => {
    const f = form('领导调研经费');
    const cost = (side: 'period' | 'year') => f.indicators[side].find((i) => i.level2 === '成本指标');
    expect(cost('period')).toMatchObject({ printed: '万元', operator: null, value: null, valueUnit: '万元' });
    expect(cost('year')).toMatchObject({ printed: '64万元', operator: '=', value: '64', valueUnit: '万元' });
    expect(f.indicators.period.filter((i) => i.level1 === '满意度指标')).toHaveLength(1);
    expect(f.indicators.period.find((i) => i.level2 === '经济效益指标')?.value).toBe('94');
    expect(f.indicators.year.find((i) => i.level2 === '经济效益指标')?.value).toBe('90');
    expect(f.goals.year).toBeUndefined();
    const notes = doc.importNotes.filter((n) => n.message.includes('领导调研经费'));
    expect(notes.map((n) => [n.level, n.code, n.source?.line])).toEqual([
      ['warning', 'form_goal_missing', 600],
      ['warning', 'indicator_value_missing', 605],
      ['warning', 'duplicate_row', 610],
      ['warning', 'duplicate_row', 610],
    ]);
  });

  it('reads 信息化项目运维费 whose cells are shifted by one column on some lines', () => {
    const f = form('忻州市政府信息化项目运维费');
    expect(f.indicators.period.map((i) => [i.level1, i.level2, i.printed])).toEqual([
      ['产出指标', '数量指标', '≥90%'],
      ['产出指标', '质量指标', '≥90%'],
      ['产出指标', '时效指标', '≥95%'],
      ['产出指标', '成本指标', '≤562.9万元'],
      ['效益指标', '经济效益指标', '≥50%'],
      ['效益指标', '社会效益指标', '≥70%'],
      ['满意度指标', '服务对象满意度指标', '≥85%'],
    ]);
    expect(f.indicators.year[3]).toMatchObject({ name: '共13个子项目每个项目按合同价支付', value: '562.9' });
  });

  it('reads 遗属生活补助 (a missing 经济效益 value row and 可持续影响 printed in the 一级 column)', () => {
    const f = form('遗属生活补助');
    expect(f.indicators.year.map((i) => [i.level2, i.printed, i.operator, i.value, i.valueUnit])).toEqual([
      ['数量指标', '4人', '=', '4', '人'],
      ['质量指标', '100%', '=', '100', '%'],
      ['时效指标', '100%', '=', '100', '%'],
      ['成本指标', '44608元', '=', '44608', '元'],
      ['社会效益指标', '提高70%', null, '70', '%'],
      ['服务对象满意度指标', '≥95%', '≥', '95', '%'],
    ]);
    expect(f.indicators.year[5].level1).toBe('满意度指标');
  });
});

describe('indicator values', () => {
  it('reads operators, numbers and units as printed in real forms', () => {
    expect(indicatorValue('≥95百分号')).toEqual({ operator: '≥', value: '95', valueUnit: '%' });
    expect(indicatorValue('≤562.9万元')).toEqual({ operator: '≤', value: '562.9', valueUnit: '万元' });
    expect(indicatorValue('不低于90％')).toEqual({ operator: '≥', value: '90', valueUnit: '%' });
    expect(indicatorValue('140万元')).toEqual({ operator: '=', value: '140', valueUnit: '万元' });
    expect(indicatorValue('提高25%')).toEqual({ operator: null, value: '25', valueUnit: '%' });
    expect(indicatorValue('有效')).toEqual({ operator: null, value: null, valueUnit: null });
    expect(indicatorValue('万元')).toEqual({ operator: null, value: null, valueUnit: '万元' });
    expect(indicatorValue('≥1,200人次')).toEqual({ operator: '≥', value: '1200', valueUnit: '人次' });
  });
});
