import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disclosureJsonSchema } from '../../src/model/json-schema.js';
import { Disclosure } from '../../src/model/schema.js';

describe('data model schema', () => {
  it('docs/disclosure.schema.json is the schema generated from the zod model (run scripts/export-schema.mjs)', () => {
    const onDisk = JSON.parse(
      readFileSync(new URL('../../docs/disclosure.schema.json', import.meta.url), 'utf8'),
    );
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(disclosureJsonSchema())));
  });
  it('refuses a binary float where an exact decimal is required', () => {
    const bad = {
      metadata: { unit: '某单位', year: 2023, kind: 'unit_budget', family: 'shanxi' },
      tables: [
        {
          kind: 'summary',
          title: 't',
          unit: '万元',
          columns: [],
          rows: [{ name: 'a', label: 'a', cells: { total: { value: 1.5, printed: '1.5' } } }],
        },
      ],
    };
    const r = Disclosure.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['tables', 0, 'rows', 0, 'cells', 'total', 'value']);
  });
});
