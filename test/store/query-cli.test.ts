// `yusuan ingest` and `yusuan query` in-process on the bundled sample: exact amounts in 元 in every output format,
// and clear Chinese messages for mistakes.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { bundledSamplePath } from '../../src/paths.js';
import { describeStores, freshUrl } from './helpers.js';

let out: string[] = [];
let err: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  out = [];
  err = [];
});

async function run(args: string[]): Promise<number> {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  return main(args);
}

describeStores('yusuan query', (dialect) => {
  let db: string;
  beforeAll(async () => {
    db = await freshUrl(dialect);
    expect(await run(['ingest', bundledSamplePath(), '--db', db, '--no-progress'])).toBe(0);
    vi.restoreAllMocks();
    out = [];
    err = [];
  }, 120_000);

  it('compares a year on named facts, a share and a classification code, as CSV', async () => {
    const facts = [
      'operating_costs.total',
      'share.basic',
      'share.project',
      'code:2010301',
      'three_public.total',
    ];
    expect(
      await run(['query', 'compare', '--year', '2023', '--fact', ...facts, '--format', 'csv', '--db', db]),
    ).toBe(0);
    expect(out.join('')).toBe(
      '单位,类型,文件,机关运行经费（元）,基本支出占比（%）,项目支出占比（%）,code:2010301（元）,“三公”经费合计（元）\n' +
        '忻州市人民政府办公室,unit_budget,1,3317300,67.53,32.47,13615800,\n',
    );
  });

  it("prints a unit's history as a table and as JSON", async () => {
    expect(await run(['query', 'history', '忻州', '--fact', 'code:2010301', '--db', db])).toBe(0);
    expect(out.join('')).toBe(
      '年度  类型         文件  code:2010301（元）\n2023  unit_budget  1     13615800\n共 1 行\n',
    );
    out = [];
    expect(
      await run(['query', 'history', '忻州', '--fact', 'code:2010301', '--format', 'json', '--db', db]),
    ).toBe(0);
    expect(JSON.parse(out.join('')).history).toEqual([
      {
        documentId: 1,
        year: 2023,
        kind: 'unit_budget',
        fact: 'code:2010301',
        label: '2010301 行政运行',
        amount: '13615800',
      },
    ]);
  });

  it('exports the cells of a selection as CSV in 元', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'yusuan-facts-')), 'facts.csv');
    expect(await run(['query', 'facts', '--year', '2023', '-o', file, '--db', db])).toBe(0);
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[0]).toBe(
      'document_id,unit,year,table,row_code,row_name,side,column,value,unit_printed,amount_yuan,table_title,row_label,page',
    );
    expect(lines.filter((l) => l.includes(',2010301,行政运行,,total,'))[0]).toMatch(
      /^1,忻州市人民政府办公室,2023,revenue,2010301,行政运行,,total,1361\.58,万元,13615800,/,
    );
  });

  it('says in Chinese what is wrong with a query', async () => {
    expect(await run(['query', 'compare', '--db', db])).toBe(2);
    expect(err.join('')).toBe('错误：请用 --year 指定要比较的年度\n');
    err = [];
    expect(await run(['query', 'history', '999', '--db', db])).toBe(2);
    expect(err.join('')).toBe('错误：没有编号为 999 的单位\n');
    err = [];
    expect(await run(['query', 'compare', '--year', '2023', '--fact', '三公', '--db', db])).toBe(2);
    expect(err.join('')).toBe(
      '错误：无法识别的数据项：三公（如 three_public.total、share.basic、code:2010301）\n',
    );
    err = [];
    expect(await run(['query', 'budget', '--db', db])).toBe(2);
    expect(err.join('')).toBe(
      '错误：不支持的查询：budget（可选 units、documents、document、history、compare、findings、failures、facts、export）\n',
    );
  });
});
