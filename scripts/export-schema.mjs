// Writes docs/disclosure.schema.json from the compiled model (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { disclosureJsonSchema } from '../dist/model/json-schema.js';

writeFileSync(
  new URL('../docs/disclosure.schema.json', import.meta.url),
  JSON.stringify(disclosureJsonSchema(), null, 2) + '\n',
);
