// A unit: its documents by year, and its key figures over the years as tables and charts.
import { h, trusted } from '../html.js';
import { page } from '../layout.js';
import type { SessionUser } from '../accounts.js';
import { comparisonChart, type Comparison } from '../compare.js';
import type { DocumentInfo, UnitInfo } from '../repository.js';
import { documentRows } from './home.js';
import { wan } from './format.js';
import { KIND_LABEL } from '../../report/index.js';

export interface UnitInput {
  user?: SessionUser | null;
  csrf?: string;
  unit: UnitInfo;
  documents: DocumentInfo[];
  /** Totals and 基本/项目. */
  totals: Comparison;
  /** 三公 and its parts, 机关运行经费. */
  threePublic: Comparison;
  canPrepare: boolean;
}

export function figureTable(c: Comparison) {
  return h`<div class="scroll"><table class="data"><thead><tr><th>年度</th><th>类型</th>${c.figures.map((f) => h`<th class="n">${f.label}</th>`)}</tr></thead><tbody>
${c.rows.map((r) => h`<tr><td><a href="/documents/${r.document}">${r.year}</a></td><td>${KIND_LABEL[r.kind] ?? r.kind}</td>${c.figures.map((f) => h`<td class="n">${wan(r.values[f.id])}</td>`)}</tr>`)}
</tbody></table></div><p class="muted small">单位：万元；“—”表示该文件未列示。</p>`;
}

export function unitPage(input: UnitInput) {
  const { unit } = input;
  const byYear = (r: { year: number }) => `${r.year}年`;
  const charts = input.totals.rows.length
    ? h`<div class="grid2">
<section class="panel"><h2 class="first">收支总额与支出结构</h2><div class="chart">${trusted(comparisonChart(input.totals, byYear, 560, 320))}</div>${figureTable(input.totals)}</section>
<section class="panel"><h2 class="first">“三公”经费与机关运行经费</h2><div class="chart">${trusted(comparisonChart(input.threePublic, byYear, 560, 320))}</div>${figureTable(input.threePublic)}</section>
</div>`
    : '';
  const body = h`<div class="crumbs"><a href="/">首页</a> › 单位</div>
<h1>${unit.name}</h1><p class="muted">${unit.region ?? ''} · ${unit.documents} 份文件 · ${unit.years.join('、')}年
${input.canPrepare ? h` · <a href="/prepare?unit=${unit.id}">编制下一年度草稿</a>` : ''}
 · <a href="/compare?units=${unit.id}">比较各年度</a></p>
${charts}
<section class="panel"><h2 class="first">各年度文件</h2>${documentRows(input.documents, false)}</section>`;
  return page({ title: unit.name, nav: 'home', user: input.user, csrf: input.csrf }, body);
}
