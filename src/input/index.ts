// Input of `yusuan render`: leaf data (JSON, YAML or the filled input workbook) to be derived, or a complete
// disclosure (`yusuan parse` output, `{files:[…]}` or a bare document) to be rendered as it is.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { GenerateInput, type GenerateInputRaw } from '../generate/input-schema.js';
import { Disclosure } from '../model/schema.js';
import { ReadError } from '../read/errors.js';

export type RenderInput =
  | { kind: 'leaves'; file: string; input: GenerateInputRaw }
  | { kind: 'document'; file: string; disclosure: Disclosure };

/** The first problems of a schema check, in Chinese, with the path of each. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  return error.issues
    .slice(0, limit)
    .map((i) => `${i.path.length ? i.path.join('.') : '（根）'}：${i.message}`)
    .join('；');
}

/** Decides what a parsed JSON/YAML value is and validates it. */
export function interpretInput(file: string, value: unknown): RenderInput[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ReadError(file, '输入不是对象（应为数据模型或基础数据）', 'bad_input');
  const obj = value as Record<string, unknown>;
  if (Array.isArray(obj.files)) {
    const docs = (obj.files as Record<string, unknown>[]).filter(
      (f) => f && typeof f === 'object' && f.document,
    );
    if (docs.length === 0) throw new ReadError(file, 'files 中没有可用的文档', 'bad_input');
    return docs.flatMap((f) => interpretInput(file, f.document));
  }
  if ('metadata' in obj && 'tables' in obj) {
    const r = Disclosure.safeParse(obj);
    if (!r.success) throw new ReadError(file, `数据模型格式不符：${describeIssues(r.error)}`, 'bad_input');
    return [{ kind: 'document', file, disclosure: r.data }];
  }
  if ('unit' in obj) {
    const r = GenerateInput.safeParse(obj);
    if (!r.success) throw new ReadError(file, `基础数据格式不符：${describeIssues(r.error)}`, 'bad_input');
    return [{ kind: 'leaves', file, input: obj as GenerateInputRaw }];
  }
  throw new ReadError(
    file,
    '无法识别的输入：应含 unit（基础数据）或 metadata 与 tables（数据模型）',
    'bad_input',
  );
}

/** Reads one input file: a workbook (by content), else JSON or YAML text. */
export async function readInput(file: string): Promise<RenderInput[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new ReadError(file, '文件不存在或无法打开', 'missing');
  }
  if (bytes.byteLength === 0) throw new ReadError(file, '文件为空', 'empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const { readWorkbook } = await import('./workbook.js');
    let input: GenerateInputRaw;
    try {
      input = await readWorkbook(bytes);
    } catch (e) {
      throw new ReadError(
        file,
        `无法读取填报工作簿（${e instanceof Error ? e.message : String(e)}）`,
        'bad_input',
      );
    }
    return interpretInput(file, input);
  }
  let value: unknown;
  const text = Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  try {
    // JSON first: `yusuan parse` output is large and JSON.parse is much faster than a YAML parser.
    value = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e);
    throw new ReadError(file, `不是有效的 JSON/YAML（${detail}）`, 'bad_input');
  }
  return interpretInput(file, value);
}
