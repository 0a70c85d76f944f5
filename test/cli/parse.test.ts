// `yusuan parse` with good and bad files in one call: bad files get a one-line Chinese message naming the file and
// the reason on stderr and exit code 2, while the other files are still processed and output.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { samplePath } from '../recognize/helpers.js';

let dir: string;
const files: Record<string, string> = {};

/** 鲁迅《故乡》(1921, public domain): Chinese prose that is not a disclosure. */
const NOVEL =
  '我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。\n时候既然是深冬；渐近故乡时，天气又阴晦了，冷风吹进船舱中，呜呜的响，从篷隙向外一望，苍黄的天底下，远近横着几个萧索的荒村，没有一些活气。我的心禁不住悲凉起来了。\n阿！这不是我二十年来时时记得的故乡？\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yusuan-cli-'));
  const sample = await readFile(samplePath, 'utf8');
  const lines = sample.split('\n');
  let seed = 42;
  const random = Uint8Array.from(
    { length: 2048 },
    () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23,
  );
  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0,
    0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
  ]);
  const contents: Record<string, string | Uint8Array> = {
    'sample.txt': sample,
    'empty.txt': '',
    'half.txt': lines.slice(0, Math.floor(lines.length / 2)).join('\n'),
    'random.bin': random,
    'image.png': png,
    'novel.txt': NOVEL,
  };
  for (const [name, content] of Object.entries(contents)) {
    files[name] = join(dir, name);
    await writeFile(files[name], content);
  }
});

let stderr: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  stderr = [];
});

async function run(args: string[]): Promise<number> {
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  return main(args);
}

describe('yusuan parse', () => {
  it('processes every file of one call and reports each bad one on one line', async () => {
    const out = join(dir, 'all.json');
    const order = ['empty.txt', 'sample.txt', 'random.bin', 'half.txt', 'image.png', 'novel.txt'];
    const code = await run(['parse', ...order.map((n) => files[n]), '--format', 'json', '-o', out]);
    expect(code).toBe(2);
    const messages = stderr.join('').trimEnd().split('\n');
    expect(messages).toEqual([
      `错误：${files['empty.txt']}：文件为空`,
      `错误：${files['random.bin']}：不是文本文件（含二进制内容），无法识别`,
      `错误：${files['half.txt']}：文件不完整：目录所列的13项内容在正文中未找到（三、支出预算情况说明、四、财政拨款收支预算总体情况说明、五、一般公共预算支出情况说明等），已输出读到的部分`,
      `错误：${files['image.png']}：不是文本文件（含二进制内容），无法识别`,
      `错误：${files['novel.txt']}：不是预算/决算公开文件：未找到预算或决算的标题、报表、章节或绩效目标表`,
    ]);
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(order.map((n) => files[n]));
    expect(json.files[0]).toEqual({ file: files['empty.txt'], error: '文件为空' });
    expect(json.files[1].document.tables).toHaveLength(13);
    expect(json.files[1].document.performanceForms).toHaveLength(10);
    // the truncated document: everything up to the cut, and notes saying what is missing
    const half = json.files[3].document;
    expect(half.tables).toHaveLength(13);
    expect(half.performanceForms).toHaveLength(0);
    expect(half.glossary).toHaveLength(0);
    expect(
      half.sections
        .filter((s: { part?: string }) => s.part?.startsWith('第三部分'))
        .map((s: { title: string }) => s.title),
    ).toEqual(['单位预算收支数据变动情况及原因', '收入预算情况说明']);
    expect(
      half.importNotes
        .filter((n: { level: string }) => n.level === 'error')
        .map((n: { code: string }) => n.code),
    ).toEqual(['incomplete']);
    expect(json.files[5]).toEqual({
      file: files['novel.txt'],
      error: '不是预算/决算公开文件：未找到预算或决算的标题、报表、章节或绩效目标表',
    });
  });

  it('exits 0 for a complete document and writes cells', async () => {
    const out = join(dir, 'cells.csv');
    expect(await run(['parse', files['sample.txt'], '--format', 'cells', '-o', out])).toBe(0);
    expect(stderr).toEqual([]);
    const csv = (await readFile(out, 'utf8')).trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 259);
  });

  it('reports a missing file and an unknown format', async () => {
    expect(await run(['parse', join(dir, 'nope.txt'), '-o', join(dir, 'x.json')])).toBe(2);
    expect(stderr.join('')).toBe(`错误：${join(dir, 'nope.txt')}：文件不存在或无法打开\n`);
    stderr = [];
    expect(await run(['parse', files['sample.txt'], '--format', 'xml'])).toBe(2);
    expect(stderr.join('')).toBe('错误：不支持的输出格式：xml（可选 json、cells、fdp）\n');
  });
});
