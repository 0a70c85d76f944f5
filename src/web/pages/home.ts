// Home: search units, recent documents, counts by year and by region.
import { KIND_LABEL } from '../../report/index.js';
import { h } from '../html.js';
import { page } from '../layout.js';
import type { SessionUser } from '../accounts.js';
import type { Counts, DocumentInfo, UnitInfo } from '../repository.js';

export function summaryBadges(s: DocumentInfo['summary']) {
  return h`<span class="badge error">错误 ${s.error}</span> <span class="badge warning">警告 ${s.warning}</span> <span class="badge info">提示 ${s.info}</span>`;
}

export function documentRows(docs: readonly DocumentInfo[], withUnit = true) {
  return h`<div class="scroll"><table class="data"><thead><tr>${withUnit ? h`<th>单位</th>` : ''}<th>年度</th><th>类型</th><th>地区</th><th>审核结果</th></tr></thead><tbody>
${docs.map(
  (d) =>
    h`<tr>${withUnit ? h`<td><a href="/documents/${d.id}">${d.unit}</a></td>` : ''}<td>${withUnit ? d.year : h`<a href="/documents/${d.id}">${d.year}年</a>`}</td><td>${KIND_LABEL[d.kind] ?? d.kind}${d.status === 'draft' ? h` <span class="badge status">草稿</span>` : ''}</td><td>${d.region ?? ''}</td><td>${summaryBadges(d.summary)}</td></tr>`,
)}</tbody></table></div>`;
}

export interface HomeInput {
  user?: SessionUser | null;
  csrf?: string;
  query: string;
  units: UnitInfo[];
  recent: DocumentInfo[];
  counts: Counts;
}

export function homePage(input: HomeInput) {
  const { counts } = input;
  const units = input.units.length
    ? h`<div class="scroll"><table class="data"><thead><tr><th>单位</th><th>地区</th><th>年度</th><th class="n">文件数</th></tr></thead><tbody>${input.units.map(
        (u) =>
          h`<tr><td><a href="/units/${u.id}">${u.name}</a></td><td>${u.region ?? ''}</td><td>${u.years.join('、')}</td><td class="n">${u.documents}</td></tr>`,
      )}</tbody></table></div>`
    : h`<p class="muted">没有名称包含“${input.query}”的单位。</p>`;
  const body = h`<h1>预算公开、决算公开文件</h1>
<div class="grid3">
<div class="panel stat"><b>${counts.units}</b><span>个单位</span></div>
<div class="panel stat"><b>${counts.documents}</b><span>份文件</span></div>
<div class="panel stat"><b>${counts.byYear.length ? `${counts.byYear[counts.byYear.length - 1].year}–${counts.byYear[0].year}` : '—'}</b><span>年度范围</span></div>
</div>
<section class="panel"><h2 class="first">查找单位</h2>
<form class="search" method="get" action="/" role="search"><input type="search" name="q" value="${input.query}" placeholder="输入单位名称中的字词，如“财政局”“人民法院”" aria-label="单位名称"><button type="submit">查找</button></form>
${units}</section>
<div class="grid2">
<section class="panel"><h2 class="first">最近收录</h2>${documentRows(input.recent)}</section>
<section class="panel"><h2 class="first">按年度</h2>
<table class="data"><thead><tr><th>年度</th><th class="n">文件数</th></tr></thead><tbody>${counts.byYear.map((y) => h`<tr><td><a href="/documents?year=${y.year}">${y.year}年</a></td><td class="n">${y.count}</td></tr>`)}</tbody></table>
<h2>按地区</h2>
<table class="data"><thead><tr><th>地区</th><th class="n">文件数</th></tr></thead><tbody>${counts.byRegion.map((r) => h`<tr><td><a href="/documents?region=${r.region}">${r.region}</a></td><td class="n">${r.count}</td></tr>`)}</tbody></table>
</section></div>`;
  return page({ title: '首页', nav: 'home', user: input.user, csrf: input.csrf }, body);
}

export function documentsPage(input: {
  user?: SessionUser | null;
  csrf?: string;
  title: string;
  docs: DocumentInfo[];
}) {
  return page(
    { title: input.title, nav: 'home', user: input.user, csrf: input.csrf },
    h`<div class="crumbs"><a href="/">首页</a></div><h1>${input.title}</h1><section class="panel">${input.docs.length ? documentRows(input.docs) : h`<p class="muted">没有文件。</p>`}</section>`,
  );
}
