// Office benchmarks: the Shanghai Excel templates of the corpus (XLSX and XLS) and the bundled sample laid out as
// a Word document, each read to the model; and the refusal of a ZIP bomb, which must cost next to nothing.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { registerBench } from '../registry.js';
import { linesAsDocx } from '../docx-fixture.js';
import { readLayoutBytes, ReadError } from '../../read/index.js';
import { recognize } from '../../recognize/index.js';
import { bundledSamplePath, sharedRoot } from '../../paths.js';

function corpusCase(id: string, title: string, name: string): void {
  const file = join(sharedRoot, 'corpus', name);
  registerBench({
    id,
    title,
    repeat: { full: 20, quick: 5 },
    setup: async () => {
      if (!existsSync(file)) throw new Error(`找不到语料文件（需要 ../shared/corpus）：${file}`);
      const bytes = new Uint8Array(await readFile(file));
      return async () => recognize(await readLayoutBytes(file, bytes));
    },
  });
}

corpusCase(
  'parse.xlsx_template',
  '解析XLSX（上海区级单位预算模板，16个工作表）',
  '上海_区级单位预算公开模板_预算模板.xlsx',
);
corpusCase(
  'parse.xls_template',
  '解析XLS（上海区级单位预算样张，16个工作表）',
  '上海_区级单位预算公开样张_2026_预算模板.xls',
);

/** The sample as Word: paragraphs and Word tables. */
async function sampleAsDocx(): Promise<Uint8Array> {
  const text = await readFile(bundledSamplePath(), 'utf8');
  return linesAsDocx(text.split(/\r?\n/).map((line) => line.split('\t')));
}

registerBench({
  id: 'parse.docx_sample',
  title: '解析DOCX（样本转为Word：段落+Word表格，13张表、绩效表）',
  repeat: { full: 30, quick: 5 },
  setup: async () => {
    const bytes = await sampleAsDocx();
    return async () => recognize(await readLayoutBytes('sample.docx', bytes));
  },
});

registerBench({
  id: 'read.zip_bomb_refused',
  title: '拒绝压缩炸弹（声明 1 KB、实际 64 MB 的 XLSX 条目）',
  repeat: { full: 30, quick: 5 },
  setup: async () => {
    const zip = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': new Uint8Array(64 << 20),
    });
    // Declare 1,000 bytes for the workbook part in its local header and in the central directory.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 4 <= zip.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && zip[i + 30] === 0x78) view.setUint32(i + 22, 1000, true);
      if (sig === 0x02014b50 && zip[i + 46] === 0x78) view.setUint32(i + 24, 1000, true);
    }
    return async () => {
      try {
        await readLayoutBytes('bomb.xlsx', zip);
      } catch (e) {
        if (e instanceof ReadError && e.code === 'zip_bomb') return;
        throw e;
      }
      throw new Error('压缩炸弹未被拒绝');
    };
  },
});
