// The drawn rules read from pdfjs's text pass are those of a separate operator list, and the grid reader reads
// real corpus tables cell by cell (a rotated PScript5 page, merged header cells, labels wrapped in their cells).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayoutDocument } from '../../src/layout/types.js';
import { sharedRoot } from '../../src/paths.js';
import { extractPdfText, textPassReportsPaths } from '../../src/read/pdf/extract.js';
import { readPdf } from '../../src/read/pdf/index.js';

const corpus = join(sharedRoot, 'corpus');
const RENDA_2019 = '江苏_省人大常委会办公厅_2019_部门预算_报表.pdf';
const RENDA_2018 = '江苏_省人大常委会办公厅_2018_部门预算.pdf';
const ZHENGXIE_2017 = '江苏_省政协办公厅_2017_部门预算_报表.pdf';

type Rule = { orient: string; at: number; from: number; to: number };
const r1 = (v: number) => Math.round(v);
const order = (a: Rule, b: Rule) =>
  a.orient.localeCompare(b.orient) || r1(a.at) - r1(b.at) || r1(a.from) - r1(b.from) || r1(a.to) - r1(b.to);
/** The same rules, up to the single-precision rounding of operator-list path buffers. */
function sameRules(a: Rule[], b: Rule[]): boolean {
  const x = [...a].sort(order);
  const y = [...b].sort(order);
  const near = (u: number, v: number) => Math.abs(u - v) < 0.01;
  return (
    x.length === y.length &&
    x.every(
      (e, i) =>
        e.orient === y[i].orient && near(e.at, y[i].at) && near(e.from, y[i].from) && near(e.to, y[i].to),
    )
  );
}

describe('rules from the text pass', () => {
  it('are reported by the installed pdfjs (the added line found its place)', async () => {
    expect(await textPassReportsPaths()).toBe(true);
  });

  it.each([
    RENDA_2019,
    '上海_普陀区人民政府办公室_2025_单位预算.pdf',
    '江苏_省高级人民法院_2019_部门预算.pdf',
  ])('%s: the same rules as the operator lists, page by page', async (file) => {
    const bytes = readFileSync(join(corpus, file));
    const hooked = await extractPdfText(file, bytes);
    const listed = await extractPdfText(file, bytes, { rules: 'operator-list' });
    expect(hooked.pages.map((p) => p.edges?.length ?? 0)).toEqual(
      listed.pages.map((p) => p.edges?.length ?? 0),
    );
    for (let i = 0; i < hooked.pages.length; i++)
      expect(sameRules(hooked.pages[i].edges ?? [], listed.pages[i].edges ?? [])).toBe(true);
    expect(hooked.pages.reduce((n, p) => n + (p.edges?.length ?? 0), 0)).toBeGreaterThan(100);
  });
});

describe('rules of documents read at the same time', () => {
  it('go to their own pages', async () => {
    const files = [RENDA_2019, ZHENGXIE_2017];
    const bytes = files.map((f) => readFileSync(join(corpus, f)));
    const alone = [];
    for (let k = 0; k < files.length; k++) alone.push(await extractPdfText(files[k], bytes[k]));
    const together = await Promise.all([
      extractPdfText(files[0], bytes[0]),
      extractPdfText(RENDA_2018, readFileSync(join(corpus, RENDA_2018)), { rules: false }),
      extractPdfText(files[1], bytes[1]),
    ]);
    expect(together[1].pages.every((p) => p.edges === undefined)).toBe(true);
    for (const [k, t] of [together[0], together[2]].entries())
      for (let i = 0; i < t.pages.length; i++)
        expect(sameRules(t.pages[i].edges ?? [], alone[k].pages[i].edges ?? [])).toBe(true);
  });
});

describe('ruled grids of corpus pages', () => {
  const docs = new Map<string, LayoutDocument>();
  beforeAll(async () => {
    for (const f of [RENDA_2019, RENDA_2018, ZHENGXIE_2017])
      docs.set(f, await readPdf(f, readFileSync(join(corpus, f)), { ocr: false }));
  });
  const rows = (file: string, page: number) =>
    docs.get(file)!.lines.filter((l) => l.page === page && l.grid === 'ruled');
  const texts = (file: string, page: number) => rows(file, page).map((l) => l.cells.map((c) => c.text));

  it('reads the rotated PScript5 page of a tables-only volume (人大 2019 公开表五) with its three columns', () => {
    const t = texts(RENDA_2019, 5);
    expect(t).toHaveLength(22);
    expect(t[0]).toEqual(['功能科目编码', '功能科目名称', '金额']);
    expect(t[1]).toEqual(['合计', '', '18,330.37']);
    expect(rows(RENDA_2019, 5)[1].cells[0].colSpan).toBe(2);
    expect(t[16]).toEqual(['2080505', '机关事业单位基本养老保险缴费支出', '607.10']);
    expect(t[21]).toEqual(['2210202', '提租补贴', '2,548.30']);
    expect(new Set(rows(RENDA_2019, 5).map((l) => l.gridId))).toEqual(new Set(['p5g1']));
  });

  it('keeps a two-sided summary header as rows with spans, and joins labels wrapped in their cells (人大 2018 收支总表)', () => {
    const r = rows(RENDA_2018, 8);
    expect(r.slice(0, 3).map((l) => l.cells.map((c) => [c.text, c.colSpan ?? 1, c.rowSpan ?? 1]))).toEqual([
      [
        ['收入', 2, 1],
        ['', 1, 1],
        ['支出', 4, 1],
        ['', 1, 1],
        ['', 1, 1],
        ['', 1, 1],
      ],
      [
        ['项目名称', 1, 2],
        ['金额', 1, 2],
        ['功能分类', 2, 1],
        ['', 1, 1],
        ['支出用途', 2, 1],
        ['', 1, 1],
      ],
      [
        ['', 1, 1],
        ['', 1, 1],
        ['功能科目名称', 1, 1],
        ['金额', 1, 1],
        ['项目名称', 1, 1],
        ['金额', 1, 1],
      ],
    ]);
    const t = texts(RENDA_2018, 8);
    expect(t[3]).toEqual([
      '一、财政拨款',
      '15897.44',
      '一、一般公共服务支出',
      '12706.28',
      '一、基本支出',
      '7877.76',
    ]);
    expect(t[5]).toEqual(['2.政府性基金预算', '', '三、国防支出', '', '三、单位预留机动经费', '1685.72']);
    expect(t).toContainEqual(['', '', '九、医疗卫生与计划生育支出', '', '', '']);
  });

  it('reads a 三公 header three rows deep (政协 2017 表十一) with every span', () => {
    const r = rows(ZHENGXIE_2017, 11);
    expect(r.map((l) => l.cells.map((c) => c.text))).toEqual([
      ['合计', '“三公”经费', '', '', '', '', '', '会议费', '培训费'],
      ['', '小计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费', '', ''],
      ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '', '', ''],
      ['1,852.32', '676.10', '76.00', '156.60', '', '156.60', '443.50', '1,094.62', '81.60'],
    ]);
    expect(r[0].cells.map((c) => c.colSpan ?? 1)).toEqual([1, 6, 1, 1, 1, 1, 1, 1, 1]);
    expect(r[0].cells.map((c) => c.rowSpan ?? 1)).toEqual([3, 1, 1, 1, 1, 1, 1, 3, 3]);
  });
});
