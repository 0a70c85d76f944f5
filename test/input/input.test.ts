import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { comparableData } from '../../src/generate/compare.js';
import { generate } from '../../src/generate/index.js';
import { GenerateInput } from '../../src/generate/input-schema.js';
import { syntheticInput } from '../../src/generate/synthetic.js';
import { readInput } from '../../src/input/index.js';
import { readWorkbook, writeTemplate } from '../../src/input/workbook.js';
import { Decimal } from '../../src/model/money.js';
import { readLayoutBytes } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';

const fixture = JSON.parse(
  readFileSync(new URL('../generate/fixtures/xinzhou-2023-input.json', import.meta.url), 'utf8'),
);
/** Decimal text compared by value ("944.90" and "944.9" are the same amount). */
const canon = (x: unknown): unknown =>
  typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x)
    ? new Decimal(x).toFixed()
    : Array.isArray(x)
      ? x.map(canon)
      : x && typeof x === 'object'
        ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, canon(v)]))
        : x;

const dir = mkdtempSync(join(tmpdir(), 'yusuan-input-'));

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(args), stderr };
  } finally {
    process.stderr.write = write;
  }
}

describe('input workbook', () => {
  it('has an instructions sheet and one sheet per kind of input, with Chinese headers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeTemplate('shanxi')) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '填报说明',
      '单位信息',
      '概况',
      '功能科目',
      '类款名称',
      '经济科目',
      '项目',
      '三公经费',
      '机关运行经费',
      '政府性基金收入',
      '上年数与原因',
      '政府采购',
      '资产与其他说明',
      '绩效目标',
      '绩效指标',
      '名词解释',
    ]);
    const fn = wb.getWorksheet('功能科目')!;
    expect(fn.getRow(1).getCell(3).value).toBe('基本支出-一般公共预算');
    expect(wb.getWorksheet('名词解释')!.rowCount).toBe(13);
  });

  it('gives back the leaf input it was filled with (amounts stored as numbers)', async () => {
    const bytes = await writeTemplate('shanxi', fixture);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('功能科目')!.getRow(2).getCell(3).value).toBe(1357.1198);
    const back = GenerateInput.parse(await readWorkbook(bytes));
    const original = GenerateInput.parse(fixture);
    for (const key of [
      'unit',
      'functions',
      'economic',
      'projects',
      'operatingCosts',
      'prior',
      'procurement',
    ] as const)
      expect(canon(back[key]), key).toEqual(canon(original[key]));
    expect(comparableData(generate(back).disclosure)).toEqual(comparableData(generate(original).disclosure));
  });

  it('carries performance forms and indicators through the workbook (synthetic data)', async () => {
    const input = syntheticInput({ seed: 3, projects: 4 });
    const back = await readWorkbook(await writeTemplate('shanxi', input));
    const a = comparableData(generate(back, { audit: false }).disclosure);
    const b = comparableData(generate(input, { audit: false }).disclosure);
    expect(canon(a)).toEqual(canon(b));
    expect(a.forms).toHaveLength(4);
  });

  it('an empty template is refused with a message, not a crash', async () => {
    const file = join(dir, 'empty.xlsx');
    writeFileSync(file, await writeTemplate('shanxi'));
    await expect(readInput(file)).rejects.toThrow(/基础数据格式不符：unit\.name/);
  });
});

describe('yusuan render', () => {
  it('renders leaf input given as YAML to text that parses back to the same data', async () => {
    const file = join(dir, 'input.yaml');
    writeFileSync(file, stringify(fixture));
    const out = join(dir, 'out.txt');
    const r = await run(['render', file, '--format', 'txt', '-o', out]);
    expect(r).toEqual({ code: 0, stderr: '' });
    const back = recognize(await readLayoutBytes(out, new Uint8Array(readFileSync(out))));
    expect(comparableData(back)).toEqual(comparableData(generate(fixture).disclosure));
  });

  it('renders a parsed document ({files:[…]} from yusuan parse) as it is', async () => {
    const doc = generate(fixture).disclosure;
    const file = join(dir, 'parsed.json');
    writeFileSync(file, JSON.stringify({ files: [{ file: 'x.txt', document: doc }] }));
    const out = join(dir, 'doc.txt');
    expect((await run(['render', file, '--format', 'txt', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('2010301\t行政运行\t1,361.58\t1,357.12\t4.46');
  });

  it('refuses inconsistent input with its findings and writes nothing (exit 1)', async () => {
    const bad = structuredClone(fixture);
    bad.projects[1].amounts.general_public = '55.00';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const out = join(dir, 'bad.txt');
    const r = await run(['render', file, '--format', 'txt', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '错误：' + file + '：本年项目合计（general_public）968.56万元与功能科目项目支出 967.56万元不符',
    );
    expect(r.stderr).toContain('输入数据不一致，未生成文件');
    expect(() => readFileSync(out)).toThrow();
  });

  it('names the file and the reason for unreadable input (exit 2), and still renders the others', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"unit": ');
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(fixture));
    const outDir = join(dir, 'many');
    const r = await run(['render', broken, good, '--format', 'txt', '-o', outDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^错误：${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：不是有效的 JSON/YAML`),
    );
    expect(readFileSync(join(outDir, 'good.txt'), 'utf8')).toContain('第三部分 2023年度单位预算情况说明');
  });

  it('hands the other formats to the renderers (HTML of the generated sample)', async () => {
    const file = join(dir, 'for-html.json');
    writeFileSync(file, JSON.stringify(fixture));
    const out = join(dir, 'out.html');
    expect((await run(['render', file, '--format', 'html', '-o', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('1,361.58');
    expect(html).toContain('比上年减少726.75万元，下降19.61%');
  });

  it('derives the Shanghai table set when leaf data is rendered with --layout shanghai', async () => {
    const file = join(dir, 'for-shanghai.json');
    writeFileSync(file, JSON.stringify(fixture));
    const out = join(dir, 'shanghai.txt');
    expect((await run(['render', file, '--format', 'txt', '--layout', 'shanghai', '-o', out])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('2023年预算单位财务收支预算总表');
    expect(text).not.toContain('政府性基金预算收入表');
  });

  it('writes the template workbook', async () => {
    const out = join(dir, 'template.xlsx');
    expect((await run(['template', '--family', 'shanghai', '-o', out])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await run(['template', '--family', 'beijing', '-o', out])).code).toBe(2);
  });
});
