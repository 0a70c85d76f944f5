// Charts as SVG rendered on the server (echarts SSR, no DOM, no network): the structure of the 一般公共预算
// 当年拨款 by function class, and the composition of expenditure (基本支出 / 项目支出).
import { PieChart } from 'echarts/charts';
import { TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { Decimal, formatDecimal } from '../model/money.js';
import type { Disclosure, Row, Table } from '../model/schema.js';

export interface Chart {
  id: 'general_structure' | 'composition';
  title: string;
  svg: string;
  /** The slices, as printed in the labels (for tests and for a text fallback). */
  slices: { name: string; amount: string; percent: string }[];
}

// Only what the charts use: the full bundle costs a third more per chart to initialise.
echarts.use([PieChart, TitleComponent, SVGRenderer]);

// The document's two faces (see html.ts): labels in Song, the title in Hei.
const FONT = "'Noto Serif CJK SC TT', 'Noto Serif CJK SC', serif";
const TITLE_FONT = "'Noto Sans CJK SC TT', 'Noto Sans CJK SC', sans-serif";
const COLOURS = ['#2f5d8a', '#c0504d', '#9bbb59', '#8064a2', '#4bacc6', '#f79646', '#7f7f7f', '#4f81bd'];

function slicesOf(items: { name: string; value: string }[], unit: string) {
  const whole = items.reduce((acc, i) => acc.plus(i.value), new Decimal(0));
  return items.map((i) => ({
    name: i.name,
    amount: `${formatDecimal(i.value, 2)}${unit}`,
    percent: whole.isZero()
      ? '0.00%'
      : `${new Decimal(i.value).div(whole).mul(100).toFixed(2, Decimal.ROUND_HALF_UP)}%`,
    value: i.value,
  }));
}

function pie(
  title: string,
  slices: ReturnType<typeof slicesOf>,
  width: number,
  height: number,
  donut: boolean,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    color: COLOURS,
    textStyle: { fontFamily: FONT },
    title: {
      text: title,
      left: 'center',
      top: 6,
      textStyle: { fontSize: 15, fontFamily: TITLE_FONT, fontWeight: 'bold' },
    },
    series: [
      {
        type: 'pie',
        radius: donut ? ['32%', '58%'] : '58%',
        center: ['50%', '56%'],
        minShowLabelAngle: 0,
        avoidLabelOverlap: true,
        label: {
          fontSize: 11,
          fontFamily: FONT,
          formatter: (p: { dataIndex: number }) => labelOf(slices[p.dataIndex]),
        },
        labelLine: { length: 12, length2: 10 },
        // Geometry only: the printed figures in the labels come from exact decimals above.
        data: slices.map((s) => ({ name: s.name, value: Number(s.value) })),
      },
    ],
  });
  // echarts draws a white halo (a stroke) around outside labels; Chromium prints stroked text as Type 3 glyph
  // outlines instead of the embedded font, so the halo is taken off.
  const svg = chart
    .renderToSVGString()
    .replace(
      /(<text[^>]*?) stroke="[^"]*" stroke-width="[^"]*" paint-order="stroke" stroke-miterlimit="[^"]*"/g,
      '$1',
    );
  chart.dispose();
  return svg;
}

const labelOf = (s: { name: string; amount: string; percent: string }) =>
  `${s.name}\n${s.amount}（${s.percent}）`;

const total = (row: Row, id: string) => row.cells[id]?.value ?? null;

/** 一般公共预算当年拨款结构图: the function classes (类) of the 一般公共预算 expenditure table. */
export function generalStructureChart(doc: Disclosure, width = 640, height = 340): Chart | null {
  const table: Table | undefined =
    doc.tables.find((t) => t.kind === 'general_expenditure' && !t.empty) ??
    doc.tables.find((t) => t.kind === 'expenditure' && !t.empty);
  if (!table) return null;
  const classes = table.rows
    .filter((r) => r.code?.length === 3 && total(r, 'total') && !new Decimal(total(r, 'total')!).isZero())
    .map((r) => ({ name: r.name, value: total(r, 'total')! }));
  if (classes.length === 0) return null;
  const slices = slicesOf(classes, table.unit);
  const title = '一般公共预算当年拨款结构图';
  return {
    id: 'general_structure',
    title,
    svg: pie(title, slices, width, height, false),
    slices: slices.map(({ name, amount, percent }) => ({ name, amount, percent })),
  };
}

/** 支出构成图: 基本支出 and 项目支出 of the 支出总表's 合计 row. */
export function compositionChart(doc: Disclosure, width = 640, height = 300): Chart | null {
  const table = doc.tables.find((t) => t.kind === 'expenditure' && !t.empty);
  const row = table?.rows.find((r) => r.role === 'total');
  if (!table || !row) return null;
  const parts = [
    { name: '基本支出', value: total(row, 'basic') ?? '0' },
    { name: '项目支出', value: total(row, 'project') ?? '0' },
  ].filter((p) => !new Decimal(p.value).isZero());
  if (parts.length === 0) return null;
  const slices = slicesOf(parts, table.unit);
  const title = '支出预算构成图';
  return {
    id: 'composition',
    title,
    svg: pie(title, slices, width, height, true),
    slices: slices.map(({ name, amount, percent }) => ({ name, amount, percent })),
  };
}
