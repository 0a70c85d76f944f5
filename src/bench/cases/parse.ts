// Parsing benchmarks: the bundled sample (text) into the model.
import { readFile } from 'node:fs/promises';
import { registerBench } from '../registry.js';
import { readLayoutBytes } from '../../read/index.js';
import { recognize } from '../../recognize/index.js';
import { bundledSamplePath } from '../../paths.js';

registerBench({
  id: 'parse.sample_txt',
  title: '解析样本（文本，13张表、10张绩效表）',
  targetMs: 10,
  repeat: { full: 200, quick: 30 },
  setup: async () => {
    const bytes = new Uint8Array(await readFile(bundledSamplePath()));
    return async () => recognize(await readLayoutBytes('sample.txt', bytes));
  },
});
