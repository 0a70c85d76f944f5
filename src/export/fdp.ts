// `--format fdp`: a Frictionless Data Package (datapackage.json + CSV resources) for researchers' tools.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Disclosure } from '../model/schema.js';
import { cellsCsv, CELL_COLUMNS } from './cells.js';
import { csvLine } from './csv.js';

const CELL_TYPES: Record<string, string> = { value: 'number', page: 'integer' };

export async function writeDataPackage(
  dir: string,
  docs: readonly { file: string; disclosure: Disclosure }[],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const multi = docs.length > 1;
  await writeFile(join(dir, 'cells.csv'), cellsCsv(docs));
  let meta = csvLine(['file', 'unit', 'year', 'kind', 'family']);
  for (const { file, disclosure: d } of docs)
    meta += csvLine([file, d.metadata.unit, d.metadata.year, d.metadata.kind, d.metadata.family]);
  await writeFile(join(dir, 'documents.csv'), meta);
  const cellFields = [...CELL_COLUMNS, ...(multi ? ['file'] : [])].map((name) => ({
    name,
    type: CELL_TYPES[name] ?? 'string',
  }));
  const pkg = {
    profile: 'tabular-data-package',
    name: 'yusuan-disclosures',
    title: '预算公开数据',
    resources: [
      {
        name: 'documents',
        path: 'documents.csv',
        profile: 'tabular-data-resource',
        schema: {
          fields: [
            { name: 'file', type: 'string' },
            { name: 'unit', type: 'string' },
            { name: 'year', type: 'integer' },
            { name: 'kind', type: 'string' },
            { name: 'family', type: 'string' },
          ],
        },
      },
      { name: 'cells', path: 'cells.csv', profile: 'tabular-data-resource', schema: { fields: cellFields } },
    ],
  };
  await writeFile(join(dir, 'datapackage.json'), JSON.stringify(pkg, null, 2) + '\n');
}
