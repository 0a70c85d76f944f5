// Every PDF of the corpus read into the model: metadata from the content, the tables recognised, exact values
// chosen by hand from the published files (read with `pdftotext -layout`), and the identities that hold by
// construction (类 = Σ款, 款 = Σ项, 合计 = Σ类, 合计 = 基本 + 项目 …) on the parsed data.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, TableKind } from '../../src/model/schema.js';
import { identityViolations } from './identities.js';
import { cell, CORPUS_PDFS, corpusDocuments } from './lookup.js';

const PDFS = CORPUS_PDFS;
const corpus = corpusDocuments();
const doc = corpus.doc;

beforeAll(() => corpus.load(), 240_000);

interface Expected {
  unit: string;
  year: number;
  kind: Disclosure['metadata']['kind'];
  family: Disclosure['metadata']['family'];
  /** Kinds that must be recognised (with data unless listed in `empty`). */
  tables: TableKind[];
  empty?: TableKind[];
  /** [table, row code or name, column, value] */
  values: [TableKind, string, string, string][];
}

const SHANGHAI_9: TableKind[] = [
  'summary',
  'revenue',
  'expenditure',
  'fiscal_summary',
  'general_expenditure',
  'gov_fund_expenditure',
  'state_capital',
  'general_basic_economic',
  'three_public',
];
const JIANGSU_CORE: TableKind[] = [
  'summary',
  'revenue',
  'fiscal_summary',
  'fiscal_expenditure',
  'fiscal_basic',
  'general_expenditure',
  'general_basic_economic',
  'operating_costs',
];

const EXPECTED: Record<string, Expected> = {
  '上海_普陀区人民政府办公室_2025_单位预算.pdf': {
    unit: '上海市普陀区人民政府办公室',
    year: 2025,
    kind: 'unit_budget',
    family: 'shanghai',
    tables: SHANGHAI_9,
    empty: ['gov_fund_expenditure', 'state_capital'],
    values: [
      ['expenditure', '2010301', 'total', '12029501.84'],
      ['expenditure', '2010301', 'basic', '11919501.84'],
      ['expenditure', '2010301', 'project', '110000.00'],
      ['expenditure', '2010399', 'project', '20120000.00'],
      ['revenue', '2210203', 'fiscal', '1867680.00'],
      ['revenue', '2010399', 'total', '20120000.00'],
      ['general_expenditure', '2101102', 'basic', '314218.15'],
      ['general_basic_economic', '302', 'public', '1932777.54'],
      ['general_basic_economic', '30217', 'public', '185000.00'],
      ['general_basic_economic', '合计', 'personnel', '22473997.81'],
      ['general_basic_economic', '合计', 'public', '2132777.54'],
    ],
  },
  '上海_普陀区人民政府办公室_2025_部门预算.pdf': {
    unit: '上海市普陀区人民政府办公室',
    year: 2025,
    kind: 'department_budget',
    family: 'shanghai',
    tables: SHANGHAI_9,
    empty: ['gov_fund_expenditure', 'state_capital'],
    values: [
      ['expenditure', '2010302', 'project', '46140000.00'],
      ['general_expenditure', '2080505', 'total', '1763159.52'],
      ['general_basic_economic', '30217', 'public', '185000.00'],
      ['general_basic_economic', '30302', 'personnel', '1188720.00'],
      ['general_basic_economic', '合计', 'total', '24606775.35'],
    ],
  },
  '上海_上海市财政局_2025_单位预算.pdf': {
    unit: '上海市财政局',
    year: 2025,
    kind: 'unit_budget',
    family: 'shanghai',
    tables: SHANGHAI_9.filter((k) => k !== 'revenue'),
    empty: ['gov_fund_expenditure', 'state_capital'],
    values: [
      ['expenditure', '20106', 'total', '127886849'],
      ['expenditure', '20106', 'basic', '84861719'],
      ['expenditure', '20106', 'project', '43025130'],
      ['expenditure', '合计', 'total', '171915169'],
      ['general_basic_economic', '合计', 'total', '127642039'],
      ['general_basic_economic', '合计', 'personnel', '102464260'],
      ['general_basic_economic', '合计', 'public', '25177779'],
    ],
  },
  '上海_普陀区万里街道办事处_2023_部门预算.pdf': {
    unit: '上海市普陀区人民政府万里街道办事处',
    year: 2023,
    kind: 'department_budget',
    family: 'shanghai',
    tables: SHANGHAI_9,
    empty: ['gov_fund_expenditure', 'state_capital'],
    values: [
      ['revenue', '20105', 'total', '627600'],
      ['expenditure', '合计', 'total', '164978640'],
      ['general_expenditure', '合计', 'total', '164978640'],
    ],
  },
  '上海_普陀区商务委员会_2025_单位预算.pdf': {
    unit: '上海市普陀区商务委员会',
    year: 2025,
    kind: 'unit_budget',
    family: 'shanghai',
    tables: SHANGHAI_9,
    empty: ['gov_fund_expenditure', 'state_capital'],
    values: [
      ['revenue', '20113', 'fiscal', '21601733.00'],
      ['expenditure', '合计', 'project', '351684000.00'],
      ['general_basic_economic', '合计', 'personnel', '18120593.00'],
      ['general_basic_economic', '合计', 'public', '1710062.00'],
    ],
  },
  '上海_普陀区社会福利院_2024_单位预算.pdf': {
    unit: '上海市普陀区社会福利院',
    year: 2024,
    kind: 'unit_budget',
    family: 'shanghai',
    tables: SHANGHAI_9,
    empty: ['gov_fund_expenditure', 'state_capital'],
    values: [
      ['revenue', '合计', 'total', '12121164'],
      ['revenue', '合计', 'fiscal', '9501164'],
      ['revenue', '合计', 'business_income', '2620000'],
      ['revenue', '208', 'business_income', '2620000'],
      ['expenditure', '合计', 'project', '2620000'],
      ['general_basic_economic', '合计', 'personnel', '7380214'],
      ['general_basic_economic', '合计', 'public', '2120950'],
    ],
  },
  '上海_普陀区财政局_2025_部门预算.pdf': {
    unit: '上海市普陀区财政局',
    year: 2025,
    kind: 'department_budget',
    family: 'shanghai',
    tables: SHANGHAI_9.filter((k) => k !== 'revenue'),
    empty: ['gov_fund_expenditure', 'state_capital'],
    values: [
      ['expenditure', '201', 'total', '22186440.80'],
      ['expenditure', '201', 'basic', '16093326.00'],
      ['expenditure', '201', 'project', '6093114.80'],
      ['general_basic_economic', '合计', 'total', '25121091.00'],
    ],
  },
  '上海_普陀区财政局_2024_决算.pdf': {
    unit: '上海市普陀区财政局',
    year: 2024,
    kind: 'department_final',
    family: 'shanghai_final',
    tables: [
      'summary',
      'revenue',
      'expenditure',
      'fiscal_summary',
      'general_expenditure',
      'general_basic_economic',
      'three_public',
      'gov_fund_expenditure',
      'state_capital',
    ],
    empty: ['gov_fund_expenditure', 'state_capital'],
    values: [
      ['general_expenditure', '201', 'total', '2106.66'],
      ['general_expenditure', '201', 'basic', '1503.52'],
      ['general_expenditure', '201', 'project', '603.14'],
    ],
  },
  '江苏_省政协办公厅_2018_部门预算_报表.pdf': {
    unit: '江苏省政协办公厅',
    year: 2018,
    kind: 'department_budget',
    family: 'jiangsu',
    tables: JIANGSU_CORE,
    values: [
      ['summary', '财政拨款', 'amount', '10070.48'],
      ['summary', '一般公共服务支出', 'amount', '7827.46'],
      ['summary', '基本支出', 'amount', '5678.17'],
      ['summary', '单位预留机动经费', 'amount', '1157.63'],
      ['fiscal_expenditure', '2010201', 'amount', '4432.78'],
      ['fiscal_expenditure', '合计', 'amount', '10070.48'],
      ['fiscal_basic', '30201', 'amount', '110.00'],
      ['general_basic_economic', '合计', 'amount', '5598.17'],
      ['general_expenditure', '2210202', 'amount', '1107.60'],
    ],
  },
  '江苏_省委办公厅_2017_部门预算_报表.pdf': {
    unit: '中国共产党江苏省委员会办公厅',
    year: 2017,
    kind: 'department_budget',
    family: 'jiangsu',
    tables: JIANGSU_CORE.filter((k) => k !== 'revenue'),
    values: [
      ['fiscal_expenditure', '20131', 'amount', '16845.17'],
      ['fiscal_expenditure', '合计', 'amount', '20702.25'],
      ['general_basic_economic', '合计', 'amount', '9964.07'],
    ],
  },
  '江苏_省人大常委会办公厅_2018_部门预算.pdf': {
    unit: '江苏省人大常委会办公厅',
    year: 2018,
    kind: 'department_budget',
    family: 'jiangsu',
    tables: JIANGSU_CORE.filter((k) => k !== 'summary'),
    values: [
      ['fiscal_expenditure', '20101', 'amount', '12706.28'],
      ['fiscal_expenditure', '合计', 'amount', '15897.44'],
      ['fiscal_basic', '30101', 'amount', '1186.73'],
    ],
  },
  '江苏_省人民检察院_2018_部门预算.pdf': {
    unit: '江苏省人民检察院',
    year: 2018,
    kind: 'department_budget',
    family: 'jiangsu',
    tables: JIANGSU_CORE,
    values: [
      ['fiscal_expenditure', '2040401', 'amount', '10883.36'],
      ['fiscal_expenditure', '2040405', 'amount', '1895.00'],
      ['fiscal_expenditure', '合计', 'amount', '21940.96'],
      ['fiscal_expenditure', '2080506', 'amount', '418.37'],
    ],
  },
  '上海_普陀区万里街道办事处_2024_部门预算.pdf': {
    unit: '上海市普陀区人民政府万里街道办事处',
    year: 2024,
    kind: 'department_budget',
    family: 'shanghai',
    tables: SHANGHAI_9.filter((k) => k !== 'three_public'),
    empty: ['gov_fund_expenditure', 'state_capital'],
    values: [
      ['revenue', '20105', 'total', '257700'],
      ['expenditure', '合计', 'total', '156211123'],
      ['fiscal_summary', '一般公共预算资金', 'amount', '156211123'],
    ],
  },
  '江苏_省委办公厅_2018_部门预算_报表.pdf': {
    unit: '中共江苏省委办公厅',
    year: 2018,
    kind: 'department_budget',
    family: 'jiangsu',
    tables: JIANGSU_CORE,
    values: [
      ['general_expenditure', '201', 'amount', '20153.75'],
      ['general_basic_economic', '合计', 'amount', '10403.11'],
      ['fiscal_basic', '30101', 'amount', '1475.07'],
    ],
  },
  '江苏_省政协办公厅_2017_部门预算_报表.pdf': {
    unit: '江苏省政协办公厅',
    year: 2017,
    kind: 'department_budget',
    family: 'jiangsu',
    tables: JIANGSU_CORE,
    values: [
      ['fiscal_expenditure', '2010201', 'amount', '3233.03'],
      ['fiscal_expenditure', '合计', 'amount', '9066.79'],
    ],
  },
  '江苏_省人民检察院_2017_部门预算.pdf': {
    unit: '江苏省人民检察院',
    year: 2017,
    kind: 'department_budget',
    family: 'jiangsu',
    tables: JIANGSU_CORE,
    values: [
      ['fiscal_expenditure', '2040401', 'amount', '7968.14'],
      ['fiscal_expenditure', '合计', 'amount', '17981.68'],
      ['fiscal_basic', '30101', 'amount', '2010.25'],
    ],
  },
  '江苏_省人大常委会办公厅_2017_部门预算.pdf': {
    unit: '江苏省人大常委会办公厅',
    year: 2017,
    kind: 'department_budget',
    family: 'jiangsu',
    tables: JIANGSU_CORE,
    values: [
      ['fiscal_expenditure', '20101', 'amount', '10528.33'],
      ['fiscal_expenditure', '2010199', 'amount', '100.00'],
      ['fiscal_basic', '30101', 'amount', '1015.15'],
      ['general_basic_economic', '合计', 'amount', '7666.68'],
    ],
  },
  '江苏_省高级人民法院_2017_部门预算.pdf': {
    unit: '江苏省高级人民法院',
    year: 2017,
    kind: 'department_budget',
    family: 'jiangsu',
    tables: JIANGSU_CORE,
    values: [
      ['fiscal_expenditure', '20405', 'amount', '23513.11'],
      ['fiscal_basic', '合计', 'amount', '17123.19'],
      ['fiscal_basic', '30101', 'amount', '2509.00'],
    ],
  },
  '江苏_省高级人民法院_2018_部门预算.pdf': {
    unit: '江苏省高级人民法院',
    year: 2018,
    kind: 'department_budget',
    family: 'jiangsu',
    tables: JIANGSU_CORE,
    values: [
      ['fiscal_expenditure', '20405', 'amount', '26200.88'],
      ['fiscal_basic', '合计', 'amount', '18570.82'],
      ['fiscal_basic', '30101', 'amount', '2679.68'],
    ],
  },
};

/** Years the content does not print where the reader looks (a tables volume without dated titles). */
const YEAR_NOT_PRINTED = new Set([
  '江苏_省委办公厅_2018_部门预算_报表.pdf',
  '江苏_省政协办公厅_2017_部门预算_报表.pdf',
  '江苏_省人大常委会办公厅_2018_部门预算.pdf',
  '江苏_省委办公厅_2017_部门预算_报表.pdf',
  '江苏_省政协办公厅_2018_部门预算_报表.pdf',
]);

describe('every corpus PDF', () => {
  it('is in the corpus (32 PDFs)', () => {
    expect(PDFS).toHaveLength(32);
  });

  it.each(PDFS)('%s parses into a disclosure without error', (f) => {
    const d = doc(f);
    expect(d.metadata.sources[0].format).toBe('pdf');
    expect(d.metadata.sources[0].pages).toBeGreaterThan(10);
    expect(['shanghai', 'shanghai_final', 'jiangsu']).toContain(d.metadata.family);
  });

  it.each(PDFS)('%s: the by-construction identities hold on the parsed tables', (f) => {
    expect(
      identityViolations(doc(f)).filter((v) => !KNOWN_VIOLATIONS[f]?.some((k) => v.includes(k))),
    ).toEqual([]);
  });
});

/**
 * Violations that are not reading errors: the published document itself prints them (see
 * docs/notes/issue-4-pdf.md), or the table layout is one the reader does not reconstruct yet (noted there too).
 */
const KNOWN_VIOLATIONS: Record<string, string[]> = {
  // p29: the 款 codes of 津贴补贴 and 绩效工资 are printed as "2" and "7" (not "02", "07"), so their rows
  // are not children of 301 and 301 does not add up from what is printed.
  '上海_普陀区万里街道办事处_2024_部门预算.pdf': ['301工资福利支出'],
};

/** Files whose unit is not read (none now: a cover title broken over two lines is joined, recognize/index.ts). */
const UNIT_NOT_READ = new Set<string>([]);

describe.each(Object.entries(EXPECTED))('%s', (file, e) => {
  it('reads unit, year, kind and family from the content', () => {
    const m = doc(file).metadata;
    if (!UNIT_NOT_READ.has(file)) expect(m.unit).toBe(e.unit);
    if (!YEAR_NOT_PRINTED.has(file)) expect(m.year).toBe(e.year);
    expect(m.kind).toBe(e.kind);
    expect(m.family).toBe(e.family);
  });

  it('recognises the tables', () => {
    const d = doc(file);
    for (const kind of e.tables) {
      const tables = d.tables.filter((t) => t.kind === kind);
      expect(tables.length, kind).toBeGreaterThan(0);
      const empty = e.empty?.includes(kind) ?? false;
      expect(
        tables.some((t) => !t.empty),
        `${kind} has data`,
      ).toBe(!empty);
    }
  });

  it('reads the hand-checked values exactly', () => {
    const d = doc(file);
    for (const [kind, row, column, value] of e.values)
      expect(cell(d, kind, row, column), `${kind} ${row} ${column}`).toBe(value);
  });
});
