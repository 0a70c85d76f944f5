// `--format cells` of the sample: every numeric cell of the 13 tables, with canonical ids, in document order.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cellRecords, cellsCsv } from '../../src/export/cells.js';
import { parseSample, samplePath } from './helpers.js';

describe('cells export of the sample', () => {
  it('lists exactly the numeric cells the tables print', async () => {
    const doc = await parseSample();
    const records = cellRecords(doc);
    // every "1,234.56"-shaped cell between the first table title and the explanation (counted on the raw text)
    const raw = (await readFile(samplePath, 'utf8')).split('\n');
    const start = raw.findIndex((l) => l.trim() === '2023年预算收支总表');
    const end = raw.findIndex((l) => l.trim() === '第三部分 2023年度单位预算情况说明');
    const printed = raw
      .slice(start, end)
      .flatMap((l) => l.split('\t'))
      .filter((c) => /^[\d,]+\.\d{2}$/.test(c.trim()));
    expect(records).toHaveLength(259);
    expect(printed).toHaveLength(259);
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.table] = (counts[r.table] ?? 0) + 1;
    expect(counts).toEqual({
      summary: 17,
      revenue: 38,
      expenditure: 42,
      fiscal_summary: 17,
      general_expenditure: 42,
      general_basic_economic: 77,
      operating_costs: 4,
      projects: 22,
    });
  });

  it('writes canonical ids, codes, names, labels and source lines', async () => {
    const doc = await parseSample();
    const lines = cellsCsv([{ file: 'sample.txt', disclosure: doc }]).split('\n');
    expect(lines[0]).toBe(
      'table,row_code,row_name,column,value,unit,table_title,row_label,column_label,page',
    );
    expect(lines[1]).toBe(
      'summary,,一般公共预算,amount,2979.49,万元,2023年预算收支总表,一、一般公共预算,收入/2023年,104',
    );
    expect(lines).toContain(
      'expenditure,2010301,行政运行,basic,1357.12,万元,2023年预算支出总表,行政运行,2023年预算数/基本支出,178',
    );
    expect(lines).toContain(
      'fiscal_summary,,住房保障支出,general_public,153.45,万元,2023年财政拨款收支总表,二十、住房保障支出,支出/金额/一般公共预算,223',
    );
    expect(lines).toContain(
      'general_basic_economic,,工资福利支出,personnel,1526.15,万元,2023年一般公共预算安排基本支出分经济科目表（不含上年结转）,工资福利支出,2023年预算数/人员经费,279',
    );
    expect(lines).toContain(
      'general_basic_economic,,商品和服务支出,public,296.73,万元,2023年一般公共预算安排基本支出分经济科目表（不含上年结转）,商品和服务支出,2023年预算数/公用经费,294',
    );
    expect(lines).toContain(
      'operating_costs,,部门合计,total,331.73,万元,2023年机关运行经费预算财政拨款情况统计表,部门合计,2023预算数/合计,383',
    );
    expect(lines).toContain(
      'projects,,忻州市政府信息化项目运维费,general_public,562.90,万元,2023年项目支出预算表（本年预算）,忻州市政府信息化项目运维费,2023年财政拨款/一般公共预算,399',
    );
    expect(lines.at(-2)).toBe(
      'projects,,驻村帮扶干部补助经费,general_public,18.20,万元,2023年项目支出预算表（本年预算）,驻村帮扶干部补助经费,2023年财政拨款/一般公共预算,405',
    );
  });
});
