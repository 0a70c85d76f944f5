// Audit benchmark: every rule over the parsed sample (parsing is timed by parse.sample_txt).
import { readFile } from 'node:fs/promises';
import { registerBench } from '../registry.js';
import { readLayoutBytes } from '../../read/index.js';
import { recognize } from '../../recognize/index.js';
import { auditDisclosure } from '../../audit/index.js';
import { bundledSamplePath } from '../../paths.js';

registerBench({
  id: 'audit.sample_txt',
  title: '审核样本（全部规则，不含解析）',
  targetMs: 20,
  repeat: { full: 200, quick: 30 },
  setup: async () => {
    const bytes = new Uint8Array(await readFile(bundledSamplePath()));
    const doc = recognize(await readLayoutBytes('sample.txt', bytes));
    return () => auditDisclosure(doc);
  },
});
