// Property-based fuzzing of the whole per-file path (`parseFile`: sniff → reader → recogniser) with mutated real
// files (bit flips, truncations, splices of corpus documents) and random bytes, under misleading extensions.
// Property: every call resolves, within a per-call timeout, to a disclosure or to a ReadError whose message
// starts with the file name. Seeds are fixed, so a failure reproduces.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/parse.js';
import { ReadError } from '../../src/read/index.js';
import { bundledSamplePath, sharedRoot } from '../../src/paths.js';

const CORPUS = [
  '上海_区级单位预算公开模板_预算模板.xlsx',
  '上海_区级单位预算公开样张_2026_预算模板.xls',
  '上海_普陀区人民政府办公室_2025_单位预算.pdf',
];
const EXTENSIONS = ['.xlsx', '.xls', '.docx', '.pdf', '.txt', ''];
const PER_CALL_TIMEOUT_MS = 30_000;
// Longer campaigns: YUSUAN_FUZZ_RUNS=2000 YUSUAN_FUZZ_SEED=7 npx vitest run test/read/hostile-fuzz.test.ts
const RUNS = Number(process.env.YUSUAN_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.YUSUAN_FUZZ_SEED ?? 20261128);

let dir: string;
const seeds: Uint8Array[] = [];

async function disclosureDocx(): Promise<Uint8Array> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph('忻州市人民政府办公室2023年单位预算'),
          new Paragraph('3.预算支出总表'),
          new Paragraph('单位：万元'),
          new Table({
            rows: [
              new TableRow({
                children: [cell('科目编码'), cell('科目名称'), cell('合计'), cell('基本支出')],
              }),
              new TableRow({
                children: [cell('2010301'), cell('行政运行'), cell('1,361.58'), cell('1,357.12')],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yusuan-fuzz-'));
  for (const name of CORPUS) seeds.push(new Uint8Array(await readFile(join(sharedRoot, 'corpus', name))));
  seeds.push(new Uint8Array(await readFile(bundledSamplePath())));
  seeds.push(await disclosureDocx());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Mutation =
  | { kind: 'random'; bytes: Uint8Array }
  | { kind: 'flip'; seed: number; flips: [number, number][] }
  | { kind: 'truncate'; seed: number; at: number }
  | { kind: 'splice'; a: number; b: number; cutA: number; cutB: number }
  | { kind: 'overwrite'; seed: number; at: number; bytes: Uint8Array };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const seedIndex = fc.nat({ max: 4 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 2048 }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    seed: seedIndex,
    flips: fc.array(fc.tuple(fraction, fc.nat({ max: 7 })), { minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), seed: seedIndex, at: fraction }),
  fc.record({
    kind: fc.constant('splice' as const),
    a: seedIndex,
    b: seedIndex,
    cutA: fraction,
    cutB: fraction,
  }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    seed: seedIndex,
    at: fraction,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 512 }),
  }),
);

function apply(m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'random':
      return m.bytes;
    case 'flip': {
      const out = seeds[m.seed].slice();
      for (const [where, bit] of m.flips) out[Math.floor(where * out.length)] ^= 1 << bit;
      return out;
    }
    case 'truncate':
      return seeds[m.seed].slice(0, Math.floor(m.at * seeds[m.seed].length));
    case 'splice': {
      const a = seeds[m.a];
      const b = seeds[m.b];
      const head = a.subarray(0, Math.floor(m.cutA * a.length));
      const tail = b.subarray(Math.floor(m.cutB * b.length));
      const out = new Uint8Array(head.length + tail.length);
      out.set(head);
      out.set(tail, head.length);
      return out;
    }
    case 'overwrite': {
      const out = seeds[m.seed].slice();
      out.set(m.bytes.subarray(0, out.length - Math.floor(m.at * out.length)), Math.floor(m.at * out.length));
      return out;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('fuzzing parseFile with mutated corpus files and random bytes', () => {
  it('always resolves to a disclosure or to a ReadError naming the file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutation, fc.constantFrom(...EXTENSIONS), async (m, extension) => {
        const file = join(dir, `case-${n++}${extension}`);
        await writeFile(file, apply(m));
        const outcome = await withTimeout(parseFile(file), PER_CALL_TIMEOUT_MS, file);
        expect(outcome.file).toBe(file);
        if ('error' in outcome) {
          expect(outcome.error).toBeInstanceOf(ReadError);
          expect(outcome.error.message.startsWith(`${file}：`)).toBe(true);
          // One line, in Chinese, no stack trace.
          expect(outcome.error.message).not.toMatch(/\n|\bat .+:\d+:\d+/);
        } else {
          expect(outcome.disclosure).toBeTypeOf('object');
        }
        await rm(file);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
