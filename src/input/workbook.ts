// The input workbook of `yusuan template`: one sheet per kind of leaf input, Chinese headers, an instructions sheet.
// The same sheet definitions write the empty workbook and read a filled one, so the two cannot drift apart.
import ExcelJS from 'exceljs';
import { defaultGlossary } from '../generate/glossary.js';
import { GenerateInput, type GenerateInputRaw } from '../generate/input-schema.js';
import { Decimal } from '../model/money.js';
import type { Indicator, PerformanceForm } from '../model/schema.js';

type Row = Record<string, string>;

interface SheetDef {
  name: string;
  /** Header → key in the row record. */
  columns: [header: string, key: string, width?: number][];
  /** Prefilled rows (labels the preparer fills in beside). */
  rows?: Row[];
  note: string;
}

const SOURCES: [string, string][] = [
  ['一般公共预算', 'general_public'],
  ['政府性基金预算', 'gov_fund'],
  ['国有资本经营预算', 'state_capital'],
  ['财政专户管理资金', 'special_account'],
  ['单位资金', 'unit_funds'],
];
const FISCAL = SOURCES.slice(0, 3);

const UNIT_FIELDS: [string, string][] = [
  ['单位名称', 'name'],
  ['年度', 'year'],
  ['文件类型（单位预算/部门预算）', 'kind'],
  ['版式（shanxi/shanghai）', 'family'],
  ['单位性质（行政单位/参公事业单位/事业单位）', 'unitType'],
  ['主管部门代码', 'departmentCode'],
  ['地区（绩效表标题用，如 忻州市）', 'region'],
  ['纳入预算的单位（用；分隔）', 'unitsIncluded'],
];
const PRIOR_FIELDS: [string, string][] = [
  ['预算收支总计', 'total'],
  ['一般公共预算当年拨款', 'generalCurrent'],
  ['机关运行经费', 'operatingCosts'],
  ['“三公”经费', 'threePublic'],
];
const THREE_PUBLIC: [string, string][] = [
  ['因公出国（境）费', 'abroad'],
  ['公务接待费', 'reception'],
  ['公务用车购置费', 'vehiclePurchase'],
  ['公务用车运行维护费', 'vehicleOperation'],
];
const NOTE_FIELDS: [string, string][] = [
  ['车辆情况', 'vehicles'],
  ['房屋情况', 'buildings'],
  ['其他国有资产占有使用情况', 'other'],
  ['政府购买服务指导性目录', 'purchaseServices'],
  ['其他说明（多条用；分隔）', 'otherNotes'],
];
const FUNDING: [string, string][] = [
  ['中央财政资金', 'central'],
  ['省级财政资金', 'provincial'],
  ['市县（区）财政资金', 'local'],
  ['单位自筹', 'selfRaised'],
  ['其他资金', 'other'],
];
const FORM_TEXT: [string, string][] = [
  ['主管部门', 'department'],
  ['实施单位', 'implementingUnit'],
  ['项目属性', 'nature'],
  ['项目期（年）', 'periodYears'],
  ['项目概况', 'overview'],
  ['立项依据', 'basis'],
  ['项目设立必要性', 'necessity'],
  ['保证项目实施的制度、措施', 'measures'],
  ['项目实施计划', 'plan'],
  ['实施期目标', 'goalPeriod'],
  ['年度目标', 'goalYear'],
  ['负责人', 'responsible'],
  ['经办人', 'handler'],
  ['联系电话', 'phone'],
  ['填报日期', 'filingDate'],
];

function sheets(family: string): SheetDef[] {
  return [
    {
      name: '单位信息',
      columns: [
        ['项目', 'field', 40],
        ['内容', 'value', 50],
      ],
      rows: UNIT_FIELDS.map(([label]) => ({ field: label, value: '' })),
      note: '单位名称和年度必填；其余可留空。',
    },
    {
      name: '概况',
      columns: [
        ['类别（职责/机构设置）', 'kind', 22],
        ['段落', 'text', 100],
      ],
      note: '第一部分 概况：每段一行。',
    },
    {
      name: '功能科目',
      columns: [
        ['科目编码（7位项级）', 'code', 16],
        ['科目名称', 'name', 30],
        ...SOURCES.map(([h, k]): [string, string, number] => [`基本支出-${h}`, `basic.${k}`, 14]),
        ...SOURCES.map(([h, k]): [string, string, number] => [`项目支出-${h}`, `project.${k}`, 14]),
        ...FISCAL.map(([h, k]): [string, string, number] => [`上年结转-${h}`, `carryover.${k}`, 14]),
      ],
      note: '每个项级科目一行，金额单位万元。类、款及各合计由系统汇总。',
    },
    {
      name: '类款名称',
      columns: [
        ['科目编码（3位类或5位款）', 'code', 20],
        ['科目名称', 'name', 40],
      ],
      note: '系统内置类名称和常用款名称；其他款的名称在此补充。',
    },
    {
      name: '经济科目',
      columns: [
        ['经济分类（工资福利支出/商品和服务支出/对个人和家庭的补助/资本性支出）', 'group', 30],
        ['部门预算支出经济科目', 'department', 24],
        ['政府预算支出经济科目', 'government', 24],
        ['金额', 'amount', 14],
      ],
      note: '一般公共预算基本支出按经济科目，每行一对科目，金额单位万元；合计须等于功能科目的一般公共预算基本支出。',
    },
    {
      name: '项目',
      columns: [
        ['项目名称', 'name', 40],
        ['是否上年结转（是/否）', 'carryover', 12],
        ...SOURCES.map(([h, k]): [string, string, number] => [h, k, 14]),
      ],
      note: '每个项目一行，金额单位万元；本年项目合计须等于功能科目的项目支出。',
    },
    {
      name: '三公经费',
      columns: [['项目', 'item', 22], ...FISCAL.map(([h, k]): [string, string, number] => [h, k, 14])],
      rows: THREE_PUBLIC.map(([label]) => ({ item: label })),
      note: '金额单位万元；没有则留空。',
    },
    {
      name: '机关运行经费',
      columns: [['单位名称', 'unit', 30], ...FISCAL.map(([h, k]): [string, string, number] => [h, k, 14])],
      note: '每个单位一行，金额单位万元。',
    },
    {
      name: '政府性基金收入',
      columns: [
        ['收入科目编码', 'code', 16],
        ['科目名称', 'name', 30],
        ['金额', 'amount', 14],
      ],
      note: '有政府性基金拨款时填写，合计须等于政府性基金支出。',
    },
    {
      name: '上年数与原因',
      columns: [
        ['项目', 'field', 24],
        ['上年数（万元）', 'prior', 14],
        ['变动主要原因', 'reason', 60],
      ],
      rows: PRIOR_FIELDS.map(([label]) => ({ field: label })),
      note: '用于情况说明中的同比变化；有变化时请写明原因。',
    },
    {
      name: '政府采购',
      columns: [
        ['项目', 'field', 16],
        ['金额（万元）', 'amount', 14],
      ],
      rows: [{ field: '货物' }, { field: '工程' }, { field: '服务' }],
      note: '政府采购预算。',
    },
    {
      name: '资产与其他说明',
      columns: [
        ['项目', 'field', 30],
        ['内容', 'value', 80],
      ],
      rows: NOTE_FIELDS.map(([label]) => ({ field: label })),
      note: '国有资产占有使用情况和其他说明，原样写入情况说明。',
    },
    {
      name: '绩效目标',
      columns: [
        ['项目名称', 'project', 30],
        ...FORM_TEXT.map(([h, k]): [string, string, number] => [h, k, 16]),
        ...FUNDING.map(([h, k]): [string, string, number] => [`实施期-${h}（元）`, `period.${k}`, 14]),
        ...FUNDING.map(([h, k]): [string, string, number] => [`年度-${h}（元）`, `year.${k}`, 14]),
      ],
      note: '每个本年项目一行；资金单位元，资金总额由系统汇总。',
    },
    {
      name: '绩效指标',
      columns: [
        ['项目名称', 'project', 30],
        ['期间（实施期/年度）', 'side', 12],
        ['一级指标', 'level1', 12],
        ['二级指标', 'level2', 16],
        ['三级指标', 'name', 30],
        ['指标值', 'printed', 14],
      ],
      note: '每个指标一行，指标值如 ≥95%、≤60万元、良好。',
    },
    {
      name: '名词解释',
      columns: [
        ['名词', 'term', 20],
        ['解释', 'definition', 100],
      ],
      rows: defaultGlossary(family).map((g) => ({ term: g.term, definition: g.definition })),
      note: '已按版式预填，可修改。',
    },
  ];
}

const UNIT_TYPE_NAMES: Record<string, string> = {
  administrative: '行政单位',
  civil_service_managed: '参公事业单位',
  institution: '事业单位',
};

/** The rows of every sheet for existing leaf input (a template filled in, e.g. from last year's data). */
function rowsFromInput(input: GenerateInput): Record<string, Row[]> {
  const flat = (prefix: string, o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}${k}`, v === '0' ? '' : v]));
  const u = input.unit;
  const unitValues: Record<string, string> = {
    name: u.name,
    year: String(u.year),
    kind: u.kind.startsWith('department') ? '部门预算' : '单位预算',
    family: u.family,
    unitType: u.unitType ? UNIT_TYPE_NAMES[u.unitType] : '',
    departmentCode: u.departmentCode ?? '',
    region: u.region ?? '',
    unitsIncluded: u.unitsIncluded.join('；'),
  };
  const prior = input.prior as Record<string, string | undefined>;
  const reasons = input.reasons as Record<string, string | undefined>;
  const notes: Record<string, string> = {
    vehicles: input.assets.vehicles,
    buildings: input.assets.buildings,
    other: input.assets.other,
    purchaseServices: input.otherNotes.purchaseServices,
    otherNotes: input.otherNotes.other.join('；'),
  };
  const tp = input.threePublic as Record<string, Record<string, string>>;
  return {
    单位信息: UNIT_FIELDS.map(([label, key]) => ({ field: label, value: unitValues[key] })),
    概况: [
      ...input.overview.duties.map((text) => ({ kind: '职责', text })),
      ...input.overview.organisation.map((text) => ({ kind: '机构设置', text })),
    ],
    功能科目: input.functions.map((f) => ({
      code: f.code,
      name: f.name,
      ...flat('basic.', f.basic),
      ...flat('project.', f.project),
      ...flat('carryover.', f.carryover),
    })),
    类款名称: Object.entries(input.functionNames).map(([code, name]) => ({ code, name })),
    经济科目: input.economic.map((e) => ({ ...e })),
    项目: input.projects.map((p) => ({
      name: p.name,
      carryover: p.carryover ? '是' : '否',
      ...flat('', p.amounts),
    })),
    三公经费: THREE_PUBLIC.map(([label, key]) => ({ item: label, ...flat('', tp[key]) })),
    机关运行经费: input.operatingCosts.map((o) => ({ ...flat('', o), unit: o.unit })),
    政府性基金收入: input.govFundRevenue.map((g) => ({ ...g })),
    上年数与原因: PRIOR_FIELDS.map(([label, key]) => ({
      field: label,
      prior: prior[key] ?? '',
      reason: reasons[key] ?? '',
    })),
    政府采购: [
      { field: '货物', amount: input.procurement.goods },
      { field: '工程', amount: input.procurement.works },
      { field: '服务', amount: input.procurement.services },
    ],
    资产与其他说明: NOTE_FIELDS.map(([label, key]) => ({ field: label, value: notes[key] })),
    绩效目标: input.performanceForms.map((f) => {
      const money = (side: 'period' | 'year') =>
        Object.fromEntries(FUNDING.map(([, k]) => [`${side}.${k}`, f.funding[side][k as 'central'] ?? '']));
      return {
        project: f.project,
        department: f.department?.name ?? '',
        implementingUnit: f.implementingUnit ?? '',
        nature: f.nature ?? '',
        periodYears: f.periodYears !== undefined ? String(f.periodYears) : '',
        overview: f.overview ?? '',
        basis: f.basis ?? '',
        necessity: f.necessity ?? '',
        measures: f.measures ?? '',
        plan: f.plan ?? '',
        goalPeriod: f.goals.period ?? '',
        goalYear: f.goals.year ?? '',
        responsible: f.contacts.responsible ?? '',
        handler: f.contacts.handler ?? '',
        phone: f.contacts.phone ?? '',
        filingDate: f.filingDate ?? '',
        ...money('period'),
        ...money('year'),
      };
    }),
    绩效指标: input.performanceForms.flatMap((f) =>
      (['period', 'year'] as const).flatMap((side) =>
        f.indicators[side].map((i) => ({
          project: f.project,
          side: side === 'period' ? '实施期' : '年度',
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          printed: i.printed,
        })),
      ),
    ),
    名词解释: (input.glossary ?? defaultGlossary(u.family)).map((g) => ({
      term: g.term,
      definition: g.definition,
    })),
  };
}

const TEXT_KEYS = new Set(['code', 'year', 'departmentCode', 'phone', 'filingDate', 'periodYears', 'value']);

/** Amounts are stored as numbers, so that the preparer can add them up in Excel; codes stay text. */
function asCells(r: Row): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r))
    out[k] = !TEXT_KEYS.has(k) && /^-?\d+(\.\d+)?$/.test(v) && v.length < 16 ? Number(v) : v;
  return out;
}

/** The input workbook for a family: empty, or filled in with existing leaf input. */
export async function writeTemplate(
  family: 'shanxi' | 'shanghai' = 'shanxi',
  input?: GenerateInputRaw,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yusuan';
  const defs = sheets(family);
  const filled = input ? rowsFromInput(GenerateInput.parse(input)) : undefined;
  const intro = wb.addWorksheet('填报说明');
  intro.columns = [
    { header: '工作表', key: 'sheet', width: 18 },
    { header: '填写内容', key: 'note', width: 100 },
  ];
  intro.addRow({
    sheet: '总则',
    note: '只填写基础数据；各类合计、汇总表、空表说明、目录和情况说明由 yusuan render 自动生成。',
  });
  intro.addRow({ sheet: '版式', note: family === 'shanghai' ? '上海（9张表）' : '山西（13张表）' });
  for (const d of defs) intro.addRow({ sheet: d.name, note: d.note });
  intro.getRow(1).font = { bold: true };
  for (const d of defs) {
    const ws = wb.addWorksheet(d.name);
    ws.columns = d.columns.map(([header, key, width]) => ({ header, key, width: width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of filled?.[d.name] ?? d.rows ?? []) ws.addRow(asCells(r));
    if (d.name === '单位信息' && !filled) ws.getCell('B5').value = family;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v);
}

/** Rows of a sheet as records keyed by the definition's keys (columns found by their header text). */
function readRows(wb: ExcelJS.Workbook, def: SheetDef): Row[] {
  const ws = wb.getWorksheet(def.name);
  if (!ws) return [];
  const header = ws.getRow(1);
  const keyAt = new Map<number, string>();
  header.eachCell((cell, col) => {
    const text = cellText(cell.value);
    const found = def.columns.find(([h]) => h === text);
    if (found) keyAt.set(col, found[1]);
  });
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const r: Row = {};
    row.eachCell((cell, col) => {
      const key = keyAt.get(col);
      if (key) r[key] = cellText(cell.value);
    });
    if (Object.values(r).some((v) => v !== '')) rows.push(r);
  });
  return rows;
}

const KINDS: Record<string, string> = { 单位预算: 'unit_budget', 部门预算: 'department_budget' };
const UNIT_TYPES: Record<string, string> = {
  行政单位: 'administrative',
  参公事业单位: 'civil_service_managed',
  事业单位: 'institution',
};

function pick(r: Row, prefix: string, keys: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, k] of keys) if (r[`${prefix}${k}`]) out[k] = r[`${prefix}${k}`];
  return out;
}

const OPERATOR = /^(≥|≤|=|>|<|≈)?\s*(\d+(?:\.\d+)?)\s*(.*)$/;

/** Operator, number and unit of a printed indicator value ("≥95%", "≤60万元", "1个"). */
export function indicatorValue(printed: string): Pick<Indicator, 'operator' | 'value' | 'valueUnit'> {
  const m = OPERATOR.exec(printed.replace(/百分号/g, '%'));
  if (!m) return { operator: null, value: null, valueUnit: null };
  return {
    operator: (m[1] as Indicator['operator']) ?? null,
    value: m[2],
    valueUnit: m[3] ? m[3] : null,
  };
}

/** Reads a filled input workbook into leaf input (validated later by the generator's schema). */
export async function readWorkbook(bytes: Uint8Array): Promise<GenerateInputRaw> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const defs = new Map(sheets('shanxi').map((d) => [d.name, d]));
  const rows = (name: string) => readRows(wb, defs.get(name)!);
  const byField = (name: string) => new Map(rows(name).map((r) => [r.field, r]));

  const info = byField('单位信息');
  const unitValue = (key: string) => info.get(UNIT_FIELDS.find(([, k]) => k === key)![0])?.value ?? '';
  const priorRows = byField('上年数与原因');
  const prior: Record<string, string> = {};
  const reasons: Record<string, string> = {};
  for (const [label, key] of PRIOR_FIELDS) {
    const r = priorRows.get(label);
    if (r?.prior) prior[key] = r.prior;
    if (r?.reason) reasons[key] = r.reason;
  }
  const procurementRows = byField('政府采购');
  const notes = byField('资产与其他说明');
  const note = (key: string) => notes.get(NOTE_FIELDS.find(([, k]) => k === key)![0])?.value ?? '';
  const threeRows = new Map(rows('三公经费').map((r) => [r.item, r]));
  const indicators = rows('绩效指标');
  const glossary = rows('名词解释').filter((r) => r.term && r.definition);
  const family = unitValue('family') === 'shanghai' ? 'shanghai' : 'shanxi';

  const forms: PerformanceForm[] = rows('绩效目标').map((r) => {
    const funding = (side: 'period' | 'year') => {
      const parts = pick(r, `${side}.`, FUNDING);
      const total = Object.values(parts).reduce((a, v) => a.plus(v), new Decimal(0));
      return {
        total: Object.keys(parts).length ? total.toFixed() : null,
        central: parts.central ?? null,
        provincial: parts.provincial ?? null,
        local: parts.local ?? null,
        selfRaised: parts.selfRaised ?? null,
        other: parts.other ?? null,
      };
    };
    const ind = (side: string) =>
      indicators
        .filter((i) => i.project === r.project && i.side === side)
        .map((i) => ({
          level1: i.level1 ?? '',
          level2: i.level2 ?? '',
          name: i.name ?? '',
          printed: i.printed ?? '',
          ...indicatorValue(i.printed ?? ''),
        }));
    const years = r.periodYears ? Number(r.periodYears) : undefined;
    const code = unitValue('departmentCode');
    return {
      project: r.project,
      ...(r.department || code
        ? { department: { ...(code ? { code } : {}), name: r.department || unitValue('name') } }
        : {}),
      ...(r.implementingUnit ? { implementingUnit: r.implementingUnit } : {}),
      ...(r.nature ? { nature: r.nature } : {}),
      ...(years ? { period: `${years}年`, periodYears: years } : {}),
      unit: '元',
      funding: { period: funding('period'), year: funding('year') },
      ...(r.overview ? { overview: r.overview } : {}),
      ...(r.basis ? { basis: r.basis } : {}),
      ...(r.necessity ? { necessity: r.necessity } : {}),
      ...(r.measures ? { measures: r.measures } : {}),
      ...(r.plan ? { plan: r.plan } : {}),
      goals: {
        ...(r.goalPeriod ? { period: r.goalPeriod } : {}),
        ...(r.goalYear ? { year: r.goalYear } : {}),
      },
      indicators: { period: ind('实施期'), year: ind('年度') },
      contacts: {
        ...(r.responsible ? { responsible: r.responsible } : {}),
        ...(r.handler ? { handler: r.handler } : {}),
        ...(r.phone ? { phone: r.phone } : {}),
      },
      ...(r.filingDate ? { filingDate: r.filingDate } : {}),
    };
  });

  const overview = rows('概况');
  return {
    unit: {
      name: unitValue('name'),
      year: Number(unitValue('year')),
      kind: (KINDS[unitValue('kind')] ?? 'unit_budget') as 'unit_budget',
      family,
      ...(UNIT_TYPES[unitValue('unitType')]
        ? { unitType: UNIT_TYPES[unitValue('unitType')] as 'administrative' }
        : {}),
      ...(unitValue('departmentCode') ? { departmentCode: unitValue('departmentCode') } : {}),
      ...(unitValue('region') ? { region: unitValue('region') } : {}),
      unitsIncluded: unitValue('unitsIncluded')
        .split(/[；;]/)
        .map((s) => s.trim())
        .filter(Boolean),
    },
    overview: {
      duties: overview.filter((r) => r.kind === '职责').map((r) => r.text),
      organisation: overview.filter((r) => r.kind !== '职责').map((r) => r.text),
    },
    functions: rows('功能科目').map((r) => ({
      code: r.code,
      name: r.name,
      basic: pick(r, 'basic.', SOURCES),
      project: pick(r, 'project.', SOURCES),
      carryover: pick(r, 'carryover.', FISCAL),
    })),
    functionNames: Object.fromEntries(rows('类款名称').map((r) => [r.code, r.name])),
    economic: rows('经济科目').map((r) => ({
      group: r.group as '工资福利支出',
      department: r.department,
      government: r.government ?? '',
      amount: r.amount ?? '0',
    })),
    projects: rows('项目').map((r) => ({
      name: r.name,
      carryover: r.carryover === '是',
      amounts: pick(r, '', SOURCES),
    })),
    performanceForms: forms,
    threePublic: Object.fromEntries(
      THREE_PUBLIC.map(([label, key]) => [key, pick(threeRows.get(label) ?? {}, '', FISCAL)]),
    ),
    operatingCosts: rows('机关运行经费').map((r) => ({ unit: r.unit, ...pick(r, '', FISCAL) })),
    govFundRevenue: rows('政府性基金收入').map((r) => ({
      code: r.code,
      name: r.name,
      amount: r.amount ?? '0',
    })),
    prior,
    reasons,
    procurement: {
      goods: procurementRows.get('货物')?.amount ?? '0',
      works: procurementRows.get('工程')?.amount ?? '0',
      services: procurementRows.get('服务')?.amount ?? '0',
    },
    assets: {
      ...(note('vehicles') ? { vehicles: note('vehicles') } : {}),
      ...(note('buildings') ? { buildings: note('buildings') } : {}),
      ...(note('other') ? { other: note('other') } : {}),
    },
    otherNotes: {
      ...(note('purchaseServices') ? { purchaseServices: note('purchaseServices') } : {}),
      other: note('otherNotes')
        .split(/[；;]/)
        .map((s) => s.trim())
        .filter(Boolean),
    },
    ...(glossary.length
      ? { glossary: glossary.map((g) => ({ term: g.term, definition: g.definition })) }
      : {}),
  };
}
