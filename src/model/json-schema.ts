// JSON Schema of the data model, generated from the zod schema (docs/disclosure.schema.json).
import { z } from 'zod';
import { Disclosure } from './schema.js';

export function disclosureJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://yusuan.dev/schema/disclosure.schema.json',
    title: '预算/决算公开文件 (yusuan Disclosure)',
    ...z.toJSONSchema(Disclosure, { io: 'input', unrepresentable: 'any' }),
  };
}
