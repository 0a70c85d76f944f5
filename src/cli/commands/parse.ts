// `yusuan parse FILE… [--format json|cells|fdp] [-o OUT]`
import { parseFiles } from '../../parse.js';
import { cellsCsv } from '../../export/cells.js';
import { emit, progress, UsageError, warn } from '../io.js';

export interface ParseOptions {
  format: string;
  output?: string;
  progress?: boolean;
}

/**
 * Exit code 2 when a file could not be read, or was read only in part (a truncated document: its data is still
 * output, with import notes saying what is missing); 0 otherwise.
 */
export async function parseCommand(files: string[], opts: ParseOptions): Promise<number> {
  if (!['json', 'cells', 'fdp'].includes(opts.format))
    throw new UsageError(`不支持的输出格式：${opts.format}（可选 json、cells、fdp）`);
  const bar = progress(files.length, '读取', opts.progress !== false);
  const outcomes = await parseFiles(files, { onFile: (f) => bar.tick(f) });
  bar.stop();
  let failed = false;
  const ok = [];
  for (const o of outcomes) {
    if ('error' in o) {
      failed = true;
      warn(`错误：${o.error.message}`);
      continue;
    }
    const incomplete = o.disclosure.importNotes.find((n) => n.level === 'error');
    if (incomplete) {
      failed = true;
      warn(`错误：${o.file}：${incomplete.message}，已输出读到的部分`);
    }
    ok.push({ file: o.file, disclosure: o.disclosure });
  }
  if (opts.format === 'json') {
    const files = outcomes.map((o) =>
      'error' in o
        ? { file: o.file, error: o.error.reason }
        : { file: o.file, files: o.files, document: o.disclosure },
    );
    await emit(opts.output, JSON.stringify({ files }, null, 2) + '\n');
  } else if (opts.format === 'cells') {
    await emit(opts.output, cellsCsv(ok));
  } else {
    const { writeDataPackage } = await import('../../export/fdp.js');
    if (!opts.output) throw new UsageError('fdp 格式需要用 -o 指定输出目录');
    await writeDataPackage(opts.output, ok);
  }
  return failed ? 2 : 0;
}
