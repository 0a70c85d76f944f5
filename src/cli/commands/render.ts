// `yusuan render INPUT… --format html|pdf|docx|xlsx|txt -o OUT [--layout shanxi|shanghai]`
// Leaf data is derived into a complete document first; input the derivation or the auditor finds inconsistent is
// refused with its findings (exit code 1) and nothing is written for it. A complete document is rendered as it is.
import { basename, extname, join } from 'node:path';
import type { Finding } from '../../audit/index.js';
import { generate } from '../../generate/index.js';
import { readInput, type RenderInput } from '../../input/index.js';
import type { Disclosure } from '../../model/schema.js';
import { ReadError } from '../../read/errors.js';
import { renderText } from '../../render/txt.js';
import { emit, UsageError, warn } from '../io.js';

const FORMATS = ['html', 'pdf', 'docx', 'xlsx', 'txt'] as const;
type Format = (typeof FORMATS)[number];

export interface RenderCommandOptions {
  format: string;
  output: string;
  layout?: string;
}

interface RenderModule {
  renderDocument: (doc: Disclosure, format: Format, options: Record<string, unknown>) => Promise<Uint8Array>;
  withBrowser?: <T>(fn: (browser: unknown) => Promise<T>) => Promise<T>;
}

/** The renderers of the other formats (src/render/index.ts), loaded only when asked for. */
async function renderers(): Promise<RenderModule | null> {
  const specifier = '../../render/index.js';
  try {
    return (await import(specifier)) as RenderModule;
  } catch {
    return null;
  }
}

function findingLine(file: string, f: Finding): string {
  const where = [f.table, f.row_name, f.column].filter(Boolean).join(' ');
  const label = f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示';
  return `${label}：${file}：${f.message}${where ? `（${where}）` : ''} [${f.rule}]`;
}

function outputPath(
  output: string,
  input: RenderInput,
  format: Format,
  several: boolean,
  index: number,
): string {
  if (!several) return output;
  const stem = basename(input.file, extname(input.file)) + (index > 0 ? `-${index + 1}` : '');
  return join(output, `${stem}.${format}`);
}

export async function renderCommand(inputs: string[], opts: RenderCommandOptions): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(opts.format))
    throw new UsageError(`不支持的输出格式：${opts.format}（可选 ${FORMATS.join('、')}）`);
  if (opts.layout && !['shanxi', 'shanghai'].includes(opts.layout))
    throw new UsageError(`未知的版式：${opts.layout}（可选 shanxi、shanghai）`);
  const format = opts.format as Format;
  let code = 0;
  const jobs: { input: RenderInput; doc: Disclosure; index: number }[] = [];
  for (const file of inputs) {
    let items: RenderInput[];
    try {
      items = await readInput(file);
    } catch (e) {
      warn(`错误：${e instanceof ReadError ? e.message : `${file}：${String(e)}`}`);
      code = 2;
      continue;
    }
    items.forEach((input, index) => {
      if (input.kind === 'document') {
        jobs.push({ input, doc: input.disclosure, index });
        return;
      }
      // For leaf data the layout also chooses the family's set of tables (derived from the same computations).
      const leaves =
        opts.layout && input.input.unit
          ? { ...input.input, unit: { ...input.input.unit, family: opts.layout as 'shanxi' | 'shanghai' } }
          : input.input;
      const result = generate(leaves);
      for (const f of result.findings) warn(findingLine(file, f));
      if (!result.ok) {
        warn(`错误：${file}：输入数据不一致，未生成文件`);
        code = Math.max(code, 1);
        return;
      }
      jobs.push({ input, doc: result.disclosure, index });
    });
  }
  const several = jobs.length > 1 || inputs.length > 1;
  const run = async (browser?: unknown) => {
    for (const job of jobs) {
      const target = outputPath(opts.output, job.input, format, several, job.index);
      let bytes: Uint8Array;
      if (format === 'txt' && !opts.layout) bytes = new TextEncoder().encode(renderText(job.doc));
      else {
        const mod = await renderers();
        if (!mod) throw new UsageError(`${format} 格式的渲染器不可用`);
        try {
          bytes = await mod.renderDocument(job.doc, format, { layout: opts.layout, browser });
        } catch (e) {
          warn(`错误：${job.input.file}：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
          code = 2;
          continue;
        }
      }
      await emit(target, bytes);
    }
  };
  if (format === 'pdf' && jobs.length > 1) {
    // One browser for the whole batch.
    const mod = await renderers();
    if (mod?.withBrowser) await mod.withBrowser((browser) => run(browser));
    else await run();
  } else await run();
  return code;
}
