// `yusuan template [--family shanxi|shanghai] -o FILE.xlsx`: the empty input workbook for `yusuan render`.
import { emit, UsageError } from '../io.js';

export interface TemplateOptions {
  family?: string;
  output: string;
}

export async function templateCommand(opts: TemplateOptions): Promise<number> {
  const family = opts.family ?? 'shanxi';
  if (family !== 'shanxi' && family !== 'shanghai')
    throw new UsageError(`未知的版式：${family}（可选 shanxi、shanghai）`);
  if (!opts.output || opts.output === '-') throw new UsageError('请用 -o 指定输出的 .xlsx 文件');
  const { writeTemplate } = await import('../../input/workbook.js');
  await emit(opts.output, await writeTemplate(family));
  return 0;
}
