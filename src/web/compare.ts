// Units and years side by side on chosen key figures (amounts in 元, exact), as data, CSV and a chart.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { csvLine } from '../export/csv.js';
import { Decimal } from '../model/money.js';
import { KIND_LABEL } from '../report/index.js';
import { FIGURE_BY_ID, KEY_FIGURES, keyFigures } from './figures.js';
import type { Repository, StoredDocument } from './repository.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface CompareRow {
  document: string;
  unit: string;
  year: number;
  kind: StoredDocument['kind'];
  values: Record<string, string | null>;
}

export interface Comparison {
  figures: { id: string; label: string }[];
  rows: CompareRow[];
}

export const DEFAULT_FIGURES = ['expenditure_total', 'basic', 'project', 'three_public', 'operating_costs'];

export function parseList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Chosen figures that exist, in the catalogue's order; the defaults when none is chosen. */
export function chosenFigures(ids: readonly string[]): string[] {
  const known = ids.filter((id) => FIGURE_BY_ID.has(id));
  return known.length ? KEY_FIGURES.map((f) => f.id).filter((id) => known.includes(id)) : DEFAULT_FIGURES;
}

export interface CompareSelection {
  documents?: string[];
  units?: string[];
  years?: number[];
  figures?: string[];
}

/** At most this many documents in one comparison: a table a person can read, and a bounded query. */
export const MAX_COMPARED = 60;

export async function compare(repository: Repository, selection: CompareSelection): Promise<Comparison> {
  const ids = new Set(selection.documents ?? []);
  for (const unit of selection.units ?? []) {
    for (const d of await repository.documents({ unit, limit: MAX_COMPARED })) {
      if (!selection.years?.length || selection.years.includes(d.year)) ids.add(d.id);
    }
  }
  const docs: StoredDocument[] = [];
  for (const id of [...ids].slice(0, MAX_COMPARED)) {
    const doc = await repository.document(id);
    if (doc) docs.push(doc);
  }
  // One unit's documents by year even when its printed name changed over the years.
  docs.sort(
    (a, b) =>
      (a.unitId === b.unitId
        ? 0
        : a.unit.localeCompare(b.unit, 'zh-CN') || a.unitId.localeCompare(b.unitId)) ||
      a.year - b.year ||
      a.kind.localeCompare(b.kind),
  );
  const figures = chosenFigures(selection.figures ?? []);
  return {
    figures: figures.map((id) => ({ id, label: FIGURE_BY_ID.get(id)!.label })),
    rows: docs.map((d) => {
      const all = keyFigures(d.disclosure);
      return {
        document: d.id,
        unit: d.unit,
        year: d.year,
        kind: d.kind,
        values: Object.fromEntries(figures.map((f) => [f, all[f] ?? null])),
      };
    }),
  };
}

export function comparisonCsv(c: Comparison): string {
  let out = csvLine(['单位', '年度', '类型', ...c.figures.map((f) => `${f.label}（元）`)]);
  for (const r of c.rows)
    out += csvLine([
      r.unit,
      r.year,
      KIND_LABEL[r.kind] ?? r.kind,
      ...c.figures.map((f) => r.values[f.id] ?? ''),
    ]);
  return out;
}

const FONT = 'Noto Sans CJK SC, sans-serif';
const COLOURS = ['#1f3b5a', '#8c1c13', '#5b8c5a', '#c98b2b', '#6b5b95', '#4a8db7', '#7f7f7f'];

/** A grouped bar chart in 万元 (one group per document, one bar per figure), as SVG. */
export function comparisonChart(
  c: Comparison,
  label: (r: CompareRow) => string = (r) =>
    `${r.unit.length > 10 ? r.unit.slice(0, 10) + '…' : r.unit}\n${r.year}`,
  width = 900,
  height = 360,
): string {
  if (!c.rows.length) return '';
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  // Bar heights only: the table beside the chart prints the exact amounts.
  const wan = (v: string | null) =>
    v === null ? null : new Decimal(v).div(10000).toDecimalPlaces(2).toNumber();
  chart.setOption({
    animation: false,
    color: COLOURS,
    textStyle: { fontFamily: FONT },
    legend: { top: 0, left: 'center', textStyle: { fontFamily: FONT, fontSize: 12 } },
    grid: { left: 70, right: 20, top: 48 + 22 * Math.floor(c.figures.length / 4), bottom: 60 },
    xAxis: {
      type: 'category',
      data: c.rows.map(label),
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: 'value', name: '万元', nameGap: 8, nameTextStyle: { align: 'right' } },
    series: c.figures.map((f) => ({
      type: 'bar',
      name: f.label,
      data: c.rows.map((r) => wan(r.values[f.id])),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
