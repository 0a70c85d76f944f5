// PDF parsing benchmark: a corpus PDF parsed to the model, and in the same run the plain-text extraction of the
// same file by poppler (`pdftotext -layout`) and by PyMuPDF, so that the ratios compare like with like.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import { registerBench } from '../registry.js';
import { readLayoutBytes } from '../../read/index.js';
import { recognize } from '../../recognize/index.js';
import { sharedRoot } from '../../paths.js';

const run = promisify(execFile);

/** A 21-page Shanghai unit budget: 9 tables, narrative, printed by WPS. */
const FILE = join(sharedRoot, 'corpus', '上海_普陀区人民政府办公室_2025_单位预算.pdf');
const PAGES = 21;
const PYMUPDF = 'import fitz,sys\nd=fitz.open(sys.argv[1])\nt="".join(p.get_text() for p in d)\n';

let parseMs: number[] = [];

async function medianOf(times: number, op: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await op();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

/** Debian's python3 carries python3-fitz; a pyenv python on PATH may not. */
async function python(): Promise<string | null> {
  for (const py of ['/usr/bin/python3', 'python3']) {
    try {
      await run(py, ['-c', 'import fitz']);
      return py;
    } catch {
      // try the next interpreter
    }
  }
  return null;
}

const round = (n: number) => Math.round(n * 10) / 10;

registerBench({
  id: 'parse.pdf_corpus',
  title: '解析PDF（上海区级单位预算，21页，9张表）并与 pdftotext / PyMuPDF 比较',
  repeat: { full: 10, quick: 3 },
  setup: async () => {
    if (!existsSync(FILE)) throw new Error(`找不到语料文件（需要 ../shared/corpus）：${FILE}`);
    const bytes = new Uint8Array(await readFile(FILE));
    parseMs = [];
    return async () => {
      const t0 = performance.now();
      const d = recognize(await readLayoutBytes(FILE, bytes));
      parseMs.push(performance.now() - t0);
      return d;
    };
  },
  extra: async () => {
    const sorted = [...parseMs].sort((a, b) => a - b);
    const ours = sorted[Math.floor(sorted.length / 2)];
    const out: Record<string, number | string> = { pages: PAGES, ms_per_page: round(ours / PAGES) };
    try {
      const poppler = await medianOf(5, () => run('pdftotext', ['-layout', FILE, '-']));
      out.pdftotext_ms = round(poppler);
      out.ratio_vs_pdftotext = round(ours / poppler);
      out.target_ratio = 3;
    } catch {
      out.pdftotext_ms = '未安装 poppler-utils';
    }
    const py = await python();
    if (py) {
      const mupdf = await medianOf(5, () => run(py, ['-c', PYMUPDF, FILE]));
      out.pymupdf_ms = round(mupdf);
      out.ratio_vs_pymupdf = round(ours / mupdf);
    } else out.pymupdf_ms = '未安装 python3-fitz';
    return out;
  },
});
