// PDF parsing benchmarks: a corpus PDF parsed to the model, and in the same run the plain-text extraction of the
// same file by poppler (`pdftotext -layout`) and by PyMuPDF, so that the ratios compare like with like; and the
// whole corpus (every PDF of ../shared/corpus), for the parse time per page over all of it.
// Wall time is what the ratios use. CPU time is reported beside it because the machine may be shared: ours is
// process.cpuUsage() (every thread of this process: the reading worker, the main thread, the GC helpers), the
// other tools' is the child's rusage (bash `time`).
// The median is a batch's steady pace (after the warm-up calls: worker started, pdf.js loaded, code compiled).
// A single file read by a fresh `yusuan parse` pays all of that: reported beside it as the first call in this
// process and as whole `yusuan parse` processes, the latter against pdftotext's processes (which also start cold).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import { registerBench } from '../registry.js';
import { readLayoutBytes } from '../../read/index.js';
import { recognize } from '../../recognize/index.js';
import { packageRoot, sharedRoot } from '../../paths.js';

const run = promisify(execFile);

const CORPUS = join(sharedRoot, 'corpus');
/** A 21-page Shanghai unit budget: 9 tables, narrative, printed by WPS. */
const FILE = join(CORPUS, '上海_普陀区人民政府办公室_2025_单位预算.pdf');
const PAGES = 21;
const PYMUPDF = 'import fitz,sys\nd=fitz.open(sys.argv[1])\nt="".join(p.get_text() for p in d)\n';

interface Timing {
  wall: number;
  cpu: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const round = (n: number) => Math.round(n * 10) / 10;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Times an in-process operation: wall and CPU of this process. */
async function timed(op: () => Promise<unknown>): Promise<Timing> {
  const c0 = cpuMs();
  const t0 = performance.now();
  await op();
  return { wall: performance.now() - t0, cpu: cpuMs() - c0 };
}

/**
 * Runs a program `times` times: median wall time of the spawned process (process start included, as before) and,
 * in a second series, median CPU of the child alone (its user + system time from bash's `time`; NaN without bash).
 */
async function medianOfProgram(times: number, argv: string[]): Promise<Timing> {
  const walls: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run(argv[0], argv.slice(1), { maxBuffer: 64 << 20 });
    walls.push(performance.now() - t0);
  }
  const cpus: number[] = [];
  for (let i = 0; i < times; i++) {
    try {
      const script = 'TIMEFORMAT="%3U %3S"; time "$@" >/dev/null 2>&1';
      const { stderr } = await run('bash', ['-c', script, '_', ...argv]);
      const [user, sys] = stderr.trim().split(/\s+/).map(Number);
      cpus.push((user + sys) * 1000);
    } catch {
      cpus.push(NaN);
    }
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/** The program exists and runs (a missing one would only show in bash's exit status). */
async function available(argv: string[]): Promise<boolean> {
  try {
    await run(argv[0], argv.slice(1));
    return true;
  } catch {
    return false;
  }
}

/** Debian's python3 carries python3-fitz; a pyenv python on PATH may not. */
async function python(): Promise<string | null> {
  for (const py of ['/usr/bin/python3', 'python3']) if (await available([py, '-c', 'import fitz'])) return py;
  return null;
}

/** Our figures and the comparison programs' on the same files, as bench `extra` fields. */
async function compare(
  ours: Timing[],
  pages: number,
  files: string[],
  times: number,
): Promise<Record<string, number | string>> {
  const wall = median(ours.map((t) => t.wall));
  const cpu = median(ours.map((t) => t.cpu));
  const out: Record<string, number | string> = {
    pages,
    ms_per_page: round(wall / pages),
    cpu_ms: round(cpu),
    cpu_ms_per_page: round(cpu / pages),
  };
  const all = async (argv: (f: string) => string[]) => {
    let w = 0;
    let c = 0;
    for (const f of files) {
      const t = await medianOfProgram(times, argv(f));
      w += t.wall;
      c += t.cpu;
    }
    return { wall: w, cpu: c };
  };
  if (await available(['pdftotext', '-v'])) {
    const poppler = await all((f) => ['pdftotext', '-layout', f, '-']);
    out.pdftotext_ms = round(poppler.wall);
    out.pdftotext_cpu_ms = round(poppler.cpu);
    out.ratio_vs_pdftotext = ratio(wall, poppler.wall);
    out.cpu_ratio_vs_pdftotext = ratio(cpu, poppler.cpu);
    out.target_ratio = 3;
  } else out.pdftotext_ms = '未安装 poppler-utils';
  const py = await python();
  if (py) {
    const mupdf = await all((f) => [py, '-c', PYMUPDF, f]);
    out.pymupdf_ms = round(mupdf.wall);
    out.pymupdf_cpu_ms = round(mupdf.cpu);
    out.ratio_vs_pymupdf = ratio(wall, mupdf.wall);
    out.cpu_ratio_vs_pymupdf = ratio(cpu, mupdf.cpu);
  } else out.pymupdf_ms = '未安装 python3-fitz';
  return out;
}

let parsed: Timing[] = [];

registerBench({
  id: 'parse.pdf_corpus',
  title: '解析PDF（上海区级单位预算，21页，9张表）并与 pdftotext / PyMuPDF 比较',
  repeat: { full: 10, quick: 3 },
  setup: async () => {
    if (!existsSync(FILE)) throw new Error(`找不到语料文件（需要 ../shared/corpus）：${FILE}`);
    const bytes = new Uint8Array(await readFile(FILE));
    parsed = [];
    return async () => {
      let d: unknown;
      parsed.push(await timed(async () => (d = recognize(await readLayoutBytes(FILE, bytes)))));
      return d;
    };
  },
  extra: async (runs) => {
    const out = await compare(parsed.slice(-runs), PAGES, [FILE], 5);
    const [first] = parsed;
    out.first_parse_ms = round(first.wall);
    out.first_parse_cpu_ms = round(first.cpu);
    const cli = [process.execPath, join(packageRoot, 'bin', 'yusuan.js'), 'parse', FILE, '--format', 'json'];
    const cold = await medianOfProgram(3, [...cli, '-o', '/dev/null', '--no-progress']);
    out.cold_process_ms = round(cold.wall);
    out.cold_process_cpu_ms = round(cold.cpu);
    if (typeof out.pdftotext_ms === 'number')
      out.cold_ratio_vs_pdftotext = ratio(cold.wall, out.pdftotext_ms);
    return out;
  },
});

let corpus: { file: string; bytes: Uint8Array; pages: number }[] = [];
let corpusParsed: Timing[] = [];

registerBench({
  id: 'parse.pdf_corpus_all',
  title: '解析语料中的全部PDF（每页耗时）并与 pdftotext / PyMuPDF 比较',
  repeat: { full: 3, quick: 1 },
  setup: async () => {
    if (!existsSync(CORPUS)) throw new Error(`找不到语料目录（需要 ../shared/corpus）：${CORPUS}`);
    const files = readdirSync(CORPUS)
      .filter((f) => f.toLowerCase().endsWith('.pdf'))
      .sort();
    corpus = [];
    for (const f of files) {
      const file = join(CORPUS, f);
      const bytes = new Uint8Array(await readFile(file));
      // The first read also warms pdfjs up on every producer's files.
      const layout = await readLayoutBytes(file, bytes);
      recognize(layout);
      corpus.push({ file, bytes, pages: layout.pages });
    }
    corpusParsed = [];
    return async () => {
      corpusParsed.push(
        await timed(async () => {
          for (const { file, bytes } of corpus) recognize(await readLayoutBytes(file, bytes));
        }),
      );
    };
  },
  extra: (runs) =>
    compare(
      corpusParsed.slice(-runs),
      corpus.reduce((n, c) => n + c.pages, 0),
      corpus.map((c) => c.file),
      1,
    ),
});
