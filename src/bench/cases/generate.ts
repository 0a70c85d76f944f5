// Generation benchmarks: leaf input → derived tables → explanation → plain text, for a document the size of the
// sample and for a synthetic 200-项 document. The derived document's audit is timed separately (audit.*).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { registerBench } from '../registry.js';
import { generate } from '../../generate/index.js';
import { syntheticInput } from '../../generate/synthetic.js';
import { packageRoot } from '../../paths.js';
import { renderText } from '../../render/txt.js';

registerBench({
  id: 'generate.sample_txt',
  title: '由样本基础数据生成全文（推导13张表、写情况说明、输出文本）',
  repeat: { full: 200, quick: 30 },
  setup: async () => {
    const file = join(packageRoot, 'test', 'generate', 'fixtures', 'xinzhou-2023-input.json');
    const input = JSON.parse(await readFile(file, 'utf8'));
    return () => renderText(generate(input, { audit: false }).disclosure);
  },
});

registerBench({
  id: 'generate.synthetic_200',
  title: '生成合成文件（200个项级科目、60个项目，含文本输出）',
  repeat: { full: 30, quick: 5 },
  setup: async () => {
    const input = syntheticInput({ seed: 200, functions: 200, projects: 60, economicItems: 40 });
    return () => renderText(generate(input, { audit: false }).disclosure);
  },
});
