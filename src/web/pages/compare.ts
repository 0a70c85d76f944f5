// Compare: chosen units and years side by side on chosen key figures, a table, a chart and a CSV export.
import { h, trusted } from '../html.js';
import { page } from '../layout.js';
import type { SessionUser } from '../accounts.js';
import { comparisonChart, type Comparison } from '../compare.js';
import { KEY_FIGURES } from '../figures.js';
import type { UnitInfo } from '../repository.js';
import { wan } from './format.js';
import { KIND_LABEL } from '../../report/index.js';

export interface ComparePageInput {
  user?: SessionUser | null;
  csrf?: string;
  units: UnitInfo[];
  chosenUnits: string[];
  years: number[];
  allYears: number[];
  comparison: Comparison;
  query: string;
}

export function comparePage(input: ComparePageInput) {
  const c = input.comparison;
  const chosen = new Set(input.chosenUnits);
  const figureIds = new Set(c.figures.map((f) => f.id));
  const table = c.rows.length
    ? h`<div class="scroll"><table class="data" id="comparison"><thead><tr><th>单位</th><th>年度</th><th>类型</th>${c.figures.map((f) => h`<th class="n">${f.label}</th>`)}</tr></thead><tbody>
${c.rows.map((r) => h`<tr><td><a href="/documents/${r.document}">${r.unit}</a></td><td>${r.year}</td><td>${KIND_LABEL[r.kind] ?? r.kind}</td>${c.figures.map((f) => h`<td class="n">${wan(r.values[f.id])}</td>`)}</tr>`)}
</tbody></table></div><p class="muted small">单位：万元；“—”表示该文件未列示。CSV 为精确到元的原始金额。</p>
<p><a class="button secondary" href="/api/compare?${input.query}&amp;format=csv" download>导出 CSV</a></p>
<div class="chart">${trusted(comparisonChart(c))}</div>`
    : h`<p class="muted">请在上方选择单位（可多选）和年度。</p>`;
  const body = h`<h1>比较</h1>
<form method="get" action="/compare" class="panel" id="compare-form">
<div class="grid2"><div><h3 class="first">单位</h3>
<select name="units" multiple size="8" aria-label="单位">${input.units.map((u) => h`<option value="${u.id}"${chosen.has(u.id) ? ' selected' : ''}>${u.name}（${u.years.join('、')}）</option>`)}</select>
<p class="muted small">按住 Ctrl（或 ⌘）可选多个单位。</p></div>
<div><h3 class="first">年度</h3><div>${input.allYears.map((y) => h`<label class="check"><input type="checkbox" name="years" value="${y}"${input.years.includes(y) ? ' checked' : ''}> ${y}</label> `)}</div>
<p class="muted small">不选年度即比较全部年度。</p>
<h3>指标</h3><div>${KEY_FIGURES.map((f) => h`<label class="check"><input type="checkbox" name="figures" value="${f.id}"${figureIds.has(f.id) ? ' checked' : ''}> ${f.label}</label> `)}</div></div></div>
<p><button type="submit">比较</button></p></form>
<section class="panel">${table}</section>`;
  return page({ title: '比较', nav: 'compare', user: input.user, csrf: input.csrf }, body);
}
