// PDF bytes → positioned text runs per page, through pdfjs-dist (Apache-2.0). Only the text layer is read: no
// rendering, no fonts loaded, no worker, no network. Time and page count are bounded so that a hostile file ends
// in a ReadError instead of hanging the batch.
import { ReadError } from '../errors.js';
import { normalizeGlyphs } from './glyphs.js';
import { withSyncInflate } from './inflate.js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { collectEdges, PathRecorder, type Edge } from './rules.js';

/** One positioned piece of text, in points, origin at the top-left of the (rotated) page. */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, measured from the page top. */
  baseline: number;
  /** Font size (height of the glyph box). */
  size: number;
}

export interface PdfPage {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** The drawn horizontal and vertical rules (table grids), in the runs' coordinates; absent when not read. */
  edges?: Edge[];
}

export interface PdfText {
  pages: PdfPage[];
  /** Pages in the file (may exceed `pages.length` when the limit cut reading short). */
  pageCount: number;
  producer?: string;
}

export interface ExtractOptions {
  /** Refuse files with more pages than this (real disclosures have a few dozen). */
  maxPages?: number;
  /** Give up on a file after this many milliseconds. */
  timeoutMs?: number;
  /**
   * Read the pages' drawn rules too (default true; the grid reader needs them). `operator-list` takes them from a
   * separate operator list of every page even when the text pass can report them (slower; for comparison).
   */
  rules?: boolean | 'operator-list';
}

export const DEFAULT_MAX_PAGES = 1000;
export const DEFAULT_TIMEOUT_MS = 60_000;

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfjsWorker = InstanceType<PdfjsModule['PDFWorker']>;
interface Pdfjs {
  lib: PdfjsModule;
  /** One in-thread pdfjs "worker" serving every document read on this thread. */
  worker: PdfjsWorker;
  /** Whether the text pass reports the path operators it reads (see loadWorkerModule). */
  hooked: boolean;
}

/** The global the text pass calls with each path operator (a Symbol.for key: no name another library could take). */
const OPERATOR_HOOK = Symbol.for('yusuan.pdf.textPassOperator');
type OperatorHook = (fn: number, args: ArrayLike<unknown>, ctm: ArrayLike<number>) => void;

/** Where pdfjs 5.4's text pass (PartialEvaluator.getTextContent) has read an operator and is about to use it. */
const TEXT_PASS_ANCHOR = `        const fn = operation.fn;
        args = operation.args;
        switch (fn | 0) {
          case OPS.setFont:`;

/**
 * pdfjs's worker module, with one call added to its text pass: each path operator it reads (which it otherwise
 * skips) goes to the OPERATOR_HOOK global with the transformation in force. The drawn rules then come
 * from the same parse as the text, instead of an operator list that evaluates the page a second time (glyphs and
 * fonts included: it doubled the parse time). The line is added to the module's source when it is loaded, at a
 * place found by its exact text; when that text is not found once (another pdfjs version), the module is loaded
 * as published and rules come from operator lists.
 */
async function loadWorkerModule(): Promise<{ module: unknown; hooked: boolean }> {
  const specifier = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  try {
    const path = createRequire(import.meta.url).resolve(specifier);
    const source = await readFile(path, 'utf8');
    const at = source.indexOf(TEXT_PASS_ANCHOR);
    if (at >= 0 && source.indexOf(TEXT_PASS_ANCHOR, at + 1) < 0) {
      // Only the path operators (moveTo … endPath, consecutive in pdfjs's OPS) leave the loop.
      const hook = `globalThis[Symbol.for(${JSON.stringify(OPERATOR_HOOK.description)})]`;
      const call = `\n        if (fn >= OPS.moveTo && fn <= OPS.endPath) ${hook}?.(fn, args, stateManager.state.ctm);`;
      const cut = at + TEXT_PASS_ANCHOR.indexOf('switch');
      // Stack traces keep naming pdfjs's file (contain.ts recognises pdfjs's stray rejections by it).
      const patched = `${source.slice(0, cut)}${call}\n        ${source.slice(cut)}\n//# sourceURL=${pathToFileURL(path).href}\n`;
      const url = `data:text/javascript;base64,${Buffer.from(patched).toString('base64')}`;
      return { module: await import(url), hooked: true };
    }
  } catch {
    // Unreadable or not loadable as data: the published module follows.
  }
  return { module: await import(specifier), hooked: false };
}
let pdfjsPromise: Promise<Pdfjs> | undefined;

type Listener = (event: { data: unknown }) => void;

const NOT_PLAIN = Symbol('not plain');

/**
 * A deep copy of plain data (primitives, arrays, objects with Object or null prototype), as structuredClone would
 * make it; NOT_PLAIN for anything else (typed arrays, errors, maps, functions, cycles), which goes to
 * structuredClone itself.
 */
function copyPlain(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null)
    return typeof value === 'function' || typeof value === 'symbol' ? NOT_PLAIN : value;
  if (depth > 32) return NOT_PLAIN;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = copyPlain(value[i], depth + 1);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out[i] = v;
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = copyPlain((value as Record<string, unknown>)[key], depth + 1);
    if (v === NOT_PLAIN) return NOT_PLAIN;
    out[key] = v;
  }
  return out;
}

/** A text-content chunk of pdfjs's stream protocol: `{ stream: ENQUEUE (4), chunk: { items, styles, lang } }`. */
function isTextChunk(msg: unknown): msg is { chunk: { items: unknown[]; styles: unknown } } {
  const m = msg as { stream?: unknown; chunk?: { items?: unknown } } | null;
  return typeof m === 'object' && m !== null && m.stream === 4 && Array.isArray(m.chunk?.items);
}

/** An operator-list chunk: `{ stream: ENQUEUE (4), chunk: { fnArray, argsArray, … } }`. */
function isOperatorChunk(msg: unknown): msg is { chunk: { fnArray: unknown[]; argsArray: unknown[] } } {
  const m = msg as { stream?: unknown; chunk?: { fnArray?: unknown; argsArray?: unknown } } | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.stream === 4 &&
    Array.isArray(m.chunk?.fnArray) &&
    Array.isArray(m.chunk?.argsArray)
  );
}

/** A message copied as structuredClone would copy it, or NOT_PLAIN (see PlainLoopbackPort). */
function copyMessage(msg: unknown): unknown {
  // pdfjs empties the chunk's two arrays right after sending (OperatorList.flush) but never touches the argument
  // arrays they hold: copying the two arrays is enough, however many glyphs and path buffers they carry.
  if (isOperatorChunk(msg))
    return {
      ...msg,
      chunk: { ...msg.chunk, fnArray: msg.chunk.fnArray.slice(), argsArray: msg.chunk.argsArray.slice() },
    };
  if (!isTextChunk(msg)) return copyPlain(msg, 0);
  const styles = copyPlain(msg.chunk.styles, 0);
  if (styles === NOT_PLAIN) return NOT_PLAIN;
  return { ...msg, chunk: { ...msg.chunk, items: msg.chunk.items.slice(), styles } };
}

/**
 * The message channel between pdfjs's API and its in-thread worker: pdfjs's own LoopbackPort (delivery on the
 * microtask queue, every listener sees every message, handlers filter by name), with a cheaper copy. LoopbackPort
 * structured-clones each message, and Node 20's structuredClone costs ~8 µs a call even for a five-field object
 * (it serialises through a MessageChannel); reading the 21-page bench document sends ~1,500 messages (stream
 * pulls and their replies, text chunks of 10 items). Plain data is copied in JS; anything else (the PDF bytes,
 * which are transferred, errors, typed arrays) still goes through structuredClone. Text chunks, most of the data,
 * are copied one level less deep: the item objects are shared, because pdfjs (5.4, getTextContent) creates a new
 * object for every item it pushes and never touches an item, or the chunk's arrays, after enqueueing them.
 */
class PlainLoopbackPort {
  readonly #listeners = new Set<Listener>();

  postMessage(msg: unknown, transfer?: unknown[]): void {
    const plain = transfer?.length && !isOperatorChunk(msg) ? NOT_PLAIN : copyMessage(msg);
    const data =
      plain !== NOT_PLAIN
        ? plain
        : structuredClone(
            msg,
            transfer ? ({ transfer } as Parameters<typeof structuredClone>[1]) : undefined,
          );
    void Promise.resolve().then(() => {
      for (const listener of this.#listeners) listener.call(this, { data });
    });
  }

  /** pdfjs removes its handlers through the signal (MessageHandler.destroy aborts it) when a document closes. */
  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    this.#listeners.add(listener);
    signal?.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

/**
 * Loads pdfjs once per thread (the import costs ~100 ms) and sets up its worker side in this thread on a
 * PlainLoopbackPort, kept for every document. The legacy build's core-js polyfills replace Array.prototype.push
 * process-wide with a slower one (forced for an edge case of array-likes longer than 2^32); the native push is put
 * back, which made text extraction ~15% cheaper.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    const nativePush = Array.prototype.push;
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const { module, hooked } = await loadWorkerModule();
    const { WorkerMessageHandler } = module as {
      WorkerMessageHandler: { initializeFromPort(port: unknown): void };
    };
    Array.prototype.push = nativePush;
    const port = new PlainLoopbackPort();
    WorkerMessageHandler.initializeFromPort(port);
    const worker = new lib.PDFWorker({ port: port as never, verbosity: 0 });
    return { lib, worker, hooked };
  })();
  return pdfjsPromise;
}

/** Whether this thread's pdfjs reports paths from its text pass (false: the published module, operator lists). */
export async function textPassReportsPaths(): Promise<boolean> {
  return (await loadPdfjs()).hooked;
}

/** A zero-width or whitespace-only item carries no text; pdfjs also reports nonsense widths for some of them. */
function isBlank(s: string): boolean {
  return s.trim() === '';
}

/**
 * Where a page's drawn rules come from: pdfjs's text pass (hooked), a separate operator list (pages with figures
 * only, when the text pass cannot report paths; every page when asked for), or nowhere.
 */
type RuleSource = 'text-pass' | 'operator-list' | 'all-operator-lists' | 'none';

function ruleSource(option: ExtractOptions['rules'], hooked: boolean): RuleSource {
  if (option === false) return 'none';
  if (option === 'operator-list') return 'all-operator-lists';
  return hooked ? 'text-pass' : 'operator-list';
}

/** Text passes run one at a time on a thread while the operator hook is set, so that no page gets another's paths. */
let passes: Promise<unknown> = Promise.resolve();

/** A page's text content; with a recorder, the path operators of the same pass go to it. */
function textPass(
  page: Awaited<ReturnType<Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>['getPage']>>,
  recorder: PathRecorder | undefined,
  hooked: boolean,
): ReturnType<typeof page.getTextContent> {
  if (!hooked) return page.getTextContent();
  // Passes without a recorder queue too: while another page's hook is set, their paths would land in it.
  const hook: OperatorHook | undefined = recorder && ((fn, args, ctm) => recorder.op(fn, args, ctm));
  const run = passes.then(async () => {
    if (hook) (globalThis as Record<symbol, unknown>)[OPERATOR_HOOK] = hook;
    try {
      return await page.getTextContent();
    } finally {
      delete (globalThis as Record<symbol, unknown>)[OPERATOR_HOOK];
    }
  });
  passes = run.catch(() => undefined);
  return run;
}

/** Runs of figures on a page before its drawn rules are worth reading. */
const MIN_FIGURES_FOR_RULES = 3;

/**
 * Whether a page's text looks like a table: several runs of figures (amounts, codes). The operator list that holds
 * the rules costs about as much as the text itself (pdf.js evaluates the whole content stream again, glyphs
 * included), so prose pages, covers and contents skip it.
 */
export function looksTabular(runs: readonly TextRun[]): boolean {
  let figures = 0;
  for (const r of runs) if (FIGURE.test(r.text) && ++figures >= MIN_FIGURES_FOR_RULES) return true;
  return false;
}

const FIGURE = /^\s*[-−]?[\d,，]+(?:\.\d+)?\s*$/;

/** Reads the text layer of every page. Throws ReadError for encrypted, corrupt, oversized or slow files. */
export async function extractPdfText(
  file: string,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<PdfText> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { lib: pdfjs, worker, hooked } = await loadPdfjs();
  // pdfjs takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    worker,
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ReadError(file, `PDF解析超时（超过${Math.round(timeoutMs / 1000)}秒）`, 'timeout')),
      timeoutMs,
    );
  });
  try {
    return await withSyncInflate(() =>
      Promise.race([
        readAll(file, task, maxPages, pdfjs, ruleSource(options.rules, hooked), hooked),
        timeout,
      ]),
    );
  } catch (e) {
    throw asReadError(file, e);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

async function readAll(
  file: string,
  task: ReturnType<PdfjsModule['getDocument']>,
  maxPages: number,
  pdfjs: PdfjsModule,
  rules: RuleSource,
  hooked: boolean,
): Promise<PdfText> {
  const doc = await task.promise;
  if (doc.numPages > maxPages)
    throw new ReadError(file, `PDF页数过多（${doc.numPages}页，上限${maxPages}页）`, 'too_many_pages');
  let producer: string | undefined;
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as { Producer?: unknown; Creator?: unknown } | undefined;
    const p = info?.Producer ?? info?.Creator;
    if (typeof p === 'string') producer = p;
  } catch {
    // Metadata is optional; a broken Info dictionary must not stop reading the text.
  }
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const size = { width: viewport.width, height: viewport.height };
    const recorder =
      rules === 'text-pass' ? new PathRecorder(pdfjs.OPS, viewport.transform, size) : undefined;
    const content = await textPass(page, recorder, hooked);
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item) || isBlank(item.str)) continue;
      // Device coordinates: the viewport transform applies the page's rotation and flips y to the top.
      const m = pdfjs.Util.transform(viewport.transform, item.transform);
      const size = Math.hypot(m[2], m[3]) || item.height || 10;
      // Vertical text (rotated runs) is rare in disclosures; keep it but measure along its own axis.
      const horizontal = Math.abs(m[1]) < 1e-3 && Math.abs(m[2]) < 1e-3;
      // At scale 1 pdfjs reports the advance width in points, whatever the page rotation.
      const width = horizontal ? item.width : size;
      runs.push({
        text: normalizeGlyphs(item.str),
        x0: m[4],
        x1: m[4] + Math.abs(width),
        baseline: m[5],
        size,
      });
    }
    let edges = recorder?.edges;
    if (rules === 'all-operator-lists' || (rules === 'operator-list' && looksTabular(runs))) {
      const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
      edges = collectEdges(ops.fnArray, ops.argsArray, pdfjs.OPS, viewport.transform, size);
    }
    pages.push({ page: n, ...size, runs, ...(edges ? { edges } : {}) });
    page.cleanup();
  }
  return { pages, pageCount: doc.numPages, producer };
}

/** pdfjs errors (InvalidPDFException, PasswordException, …) become one Chinese sentence. */
function asReadError(file: string, e: unknown): ReadError {
  if (e instanceof ReadError) return e;
  const name = (e as { name?: string })?.name ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') return new ReadError(file, 'PDF已加密，需要密码才能读取', 'encrypted');
  if (name === 'InvalidPDFException' || /Invalid PDF|XRef|startxref|trailer/i.test(message))
    return new ReadError(file, 'PDF文件已损坏或不完整（无法解析文件结构）', 'corrupt');
  return new ReadError(file, `PDF读取失败（${message.split('\n')[0].slice(0, 160)}）`, 'corrupt');
}
