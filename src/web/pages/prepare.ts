// The preparer's pages: their units and drafts, how to start a draft, and the editor (leaf values on the left;
// the generated document with its audit on the right, recomputed in the browser as the preparer types).
import type { GenerateInput } from '../../generate/input-schema.js';
import { KIND_LABEL } from '../../report/index.js';
import { annotatedDocumentHtml } from '../../report/html.js';
import { h, trusted, type Safe } from '../html.js';
import { page } from '../layout.js';
import type { SessionUser } from '../accounts.js';
import type { Draft } from '../accounts-db.js';
import type { DocumentInfo, UnitInfo } from '../repository.js';
import { findingsList } from './document.js';
import { KEY_FIGURES } from '../figures.js';
import { wan } from './format.js';
import type { Disclosure } from '../../model/schema.js';
import type { Finding } from '../../audit/index.js';

interface Common {
  user?: SessionUser | null;
  csrf?: string;
}

export function prepareHome(input: Common & { units: { unit: UnitInfo; drafts: Draft[] }[] }): Safe {
  const body = h`<h1>编制</h1>
<p class="muted">只需填写明细数据；汇总表、财政拨款表、情况说明和审核结果自动生成。<a href="/prepare/template.xlsx">下载空白填报工作簿</a></p>
${
  input.units.length
    ? input.units.map(
        ({
          unit,
          drafts,
        }) => h`<section class="panel"><h2 class="first"><a href="/prepare/${unit.id}">${unit.name}</a></h2>
${drafts.length ? h`<p>草稿：${drafts.map((d) => h`<a href="/prepare/${unit.id}/${d.year}">${d.year}年</a> `)}</p>` : h`<p class="muted">尚无草稿。</p>`}</section>`,
      )
    : h`<section class="panel"><p class="muted">您还没有负责编制的单位，请联系管理员。</p></section>`
}`;
  return page({ title: '编制', nav: 'prepare', ...input }, body);
}

export function prepareUnit(
  input: Common & { unit: UnitInfo; drafts: Draft[]; documents?: DocumentInfo[]; error?: string },
): Safe {
  const { unit, drafts } = input;
  const published = (input.documents ?? []).filter((d) => d.kind.endsWith('budget'));
  const latest = drafts[0];
  const body = h`<div class="crumbs"><a href="/prepare">编制</a> › ${unit.name}</div><h1>${unit.name}：草稿</h1>
${input.error ? h`<p class="flash error">${input.error}</p>` : ''}
${
  drafts.length
    ? h`<section class="panel"><h2 class="first">已有草稿</h2><table class="data"><thead><tr><th>年度</th><th>类型</th><th>最后修改</th></tr></thead><tbody>${drafts.map(
        (d) =>
          h`<tr><td><a href="/prepare/${unit.id}/${d.year}">${d.year}年</a></td><td>${KIND_LABEL[(d.input.unit as { kind?: string }).kind ?? 'unit_budget']}</td><td>${d.updatedBy} ${d.updatedAt.slice(0, 16).replace('T', ' ')}</td></tr>`,
      )}</tbody></table>
<form method="post" action="/prepare/${unit.id}/next"><input type="hidden" name="_csrf" value="${input.csrf ?? ''}"><p><button type="submit" class="secondary">以 ${latest.year} 年草稿为基础编制 ${latest.year + 1} 年</button> <span class="muted small">沿用明细，上年数取自 ${latest.year} 年生成的文件</span></p></form></section>`
    : ''
}
${
  published.length
    ? h`<section class="panel"><h2 class="first">从已公开的文件开始</h2><p class="muted small">读取该文件报表中的明细（项级科目按基本、项目和资金来源，经济分类、项目、“三公”经费、机关运行经费），上年数取自该文件。</p>
${published.map(
  (d) =>
    h`<form method="post" action="/prepare/${unit.id}/from/${d.id}" class="inline"><input type="hidden" name="_csrf" value="${input.csrf ?? ''}"><button type="submit" class="secondary">以 ${d.year} 年${KIND_LABEL[d.kind] ?? ''}为基础编制 ${d.year + 1} 年</button></form> `,
)}</section>`
    : ''
}
<section class="panel"><h2 class="first">从填报工作簿开始</h2>
<p><a href="/prepare/template.xlsx">下载空白填报工作簿</a>，填好后上传（也可上传基础数据 JSON）。</p>
<form method="post" action="/prepare/${unit.id}/start" enctype="multipart/form-data" class="search"><input type="hidden" name="_csrf" value="${input.csrf ?? ''}">
<input type="file" name="file" accept=".xlsx,.json" required aria-label="填报工作簿"><button type="submit">开始编制</button></form></section>`;
  return page({ title: `编制：${unit.name}`, nav: 'prepare', ...input }, body);
}

const SOURCE_LABEL: Record<string, string> = {
  general_public: '一般公共预算',
  gov_fund: '政府性基金',
  state_capital: '国有资本经营',
  special_account: '财政专户',
  unit_funds: '单位资金',
};

/** An editable leaf amount (万元); `path` says where it sits in the input. */
const leaf = (path: string, value: string, label: string) =>
  h`<input class="leaf" type="text" inputmode="decimal" data-path="${path}" value="${value === '0' ? '' : value}" aria-label="${label}">`;

/** Sources a list uses anywhere (so that an all-zero source does not take a column). */
function usedSources(records: Record<string, string>[], keys: readonly string[]): string[] {
  const used = keys.filter((k) => records.some((r) => r[k] && r[k] !== '0'));
  return used.length ? used : ['general_public'];
}

function leafEditor(input: GenerateInput): Safe {
  const fnSources = usedSources(
    input.functions.flatMap((f) => [f.basic, f.project]),
    Object.keys(SOURCE_LABEL),
  );
  const functions = h`<h3>功能分类明细（万元）</h3><div class="scroll"><table class="data"><thead><tr><th>科目</th><th>名称</th>${fnSources.map((s) => h`<th class="n">基本·${SOURCE_LABEL[s]}</th>`)}${fnSources.map((s) => h`<th class="n">项目·${SOURCE_LABEL[s]}</th>`)}</tr></thead><tbody>
${input.functions.map(
  (f, i) =>
    h`<tr><td>${f.code}</td><td>${f.name}</td>${fnSources.map((s) => h`<td class="n">${leaf(`functions.${i}.basic.${s}`, f.basic[s as keyof typeof f.basic], `${f.name} 基本支出 ${SOURCE_LABEL[s]}`)}</td>`)}${fnSources.map((s) => h`<td class="n">${leaf(`functions.${i}.project.${s}`, f.project[s as keyof typeof f.project], `${f.name} 项目支出 ${SOURCE_LABEL[s]}`)}</td>`)}</tr>`,
)}</tbody></table></div>`;
  const economic = h`<h3>基本支出经济分类（万元）</h3><div class="scroll"><table class="data"><thead><tr><th>类</th><th>科目</th><th class="n">金额</th></tr></thead><tbody>
${input.economic.map((e, i) => h`<tr><td>${e.group}</td><td>${e.department}</td><td class="n">${leaf(`economic.${i}.amount`, e.amount, e.department)}</td></tr>`)}</tbody></table></div>`;
  const projSources = usedSources(
    input.projects.map((p) => p.amounts),
    Object.keys(SOURCE_LABEL),
  );
  const projects = input.projects.length
    ? h`<h3>项目（万元）</h3><div class="scroll"><table class="data"><thead><tr><th>项目</th>${projSources.map((s) => h`<th class="n">${SOURCE_LABEL[s]}</th>`)}</tr></thead><tbody>
${input.projects.map((p, i) => h`<tr><td>${p.name}${p.carryover ? '（上年结转）' : ''}</td>${projSources.map((s) => h`<td class="n">${leaf(`projects.${i}.amounts.${s}`, p.amounts[s as keyof typeof p.amounts], `${p.name} ${SOURCE_LABEL[s]}`)}</td>`)}</tr>`)}</tbody></table></div>`
    : '';
  const tp = input.threePublic;
  const threeItems: [keyof typeof tp, string][] = [
    ['abroad', '因公出国（境）费'],
    ['vehiclePurchase', '公务用车购置费'],
    ['vehicleOperation', '公务用车运行维护费'],
    ['reception', '公务接待费'],
  ];
  const three = h`<h3>“三公”经费（一般公共预算，万元）</h3><table class="data"><tbody>${threeItems.map(([k, label]) => h`<tr><td>${label}</td><td class="n">${leaf(`threePublic.${k}.general_public`, tp[k].general_public, label)}</td></tr>`)}</tbody></table>`;
  const operating = input.operatingCosts.length
    ? h`<h3>机关运行经费（万元）</h3><table class="data"><tbody>${input.operatingCosts.map((o, i) => h`<tr><td>${o.unit}</td><td class="n">${leaf(`operatingCosts.${i}.general_public`, o.general_public, `${o.unit} 机关运行经费`)}</td></tr>`)}</tbody></table>`
    : '';
  return h`${functions}${economic}${projects}${three}${operating}`;
}

export function figuresBox(figures: Record<string, string>): Safe {
  return h`<table class="data" id="key-figures"><tbody>${KEY_FIGURES.filter((f) => f.id in figures).map(
    (f) => h`<tr><td>${f.label}</td><td class="n" data-figure="${f.id}">${wan(figures[f.id])}</td></tr>`,
  )}</tbody></table><p class="muted small">单位：万元</p>`;
}

export function previewHtml(doc: Disclosure, findings: Finding[]): { document: string; findings: string } {
  const { html, targets } = annotatedDocumentHtml(doc, findings);
  return { document: html, findings: findingsList(findings, targets).value };
}

export const PREPARE_EXPORTS: [string, string][] = [
  ['pdf', 'PDF'],
  ['docx', 'Word'],
  ['xlsx', 'Excel'],
  ['html', 'HTML'],
  ['json', '数据 JSON'],
  ['input', '填报工作簿'],
];

export function prepareEditor(
  input: Common & {
    unit: UnitInfo;
    draft: Draft;
    parsed: GenerateInput;
    doc: Disclosure;
    findings: Finding[];
    figures: Record<string, string>;
  },
): Safe {
  const { unit, draft } = input;
  const preview = previewHtml(input.doc, input.findings);
  const errors = input.findings.filter((f) => f.severity === 'error').length;
  const body = h`<div class="crumbs"><a href="/prepare">编制</a> › <a href="/prepare/${unit.id}">${unit.name}</a> › ${draft.year}年</div>
<h1>${unit.name} ${draft.year}年${KIND_LABEL[input.parsed.unit.kind] ?? ''}（草稿）</h1>
<p class="muted small">最后修改：${draft.updatedBy} ${draft.updatedAt.slice(0, 16).replace('T', ' ')} · 导出：${PREPARE_EXPORTS.map(([f, label]) => h`<a href="/prepare/${unit.id}/${draft.year}/export/${f}" download>${label}</a> `)}</p>
<script type="application/json" id="draft-input">${trusted(JSON.stringify(draft.input).replace(/</g, '\\u003c'))}</script>
<div class="doc-layout prepare">
<section>
<div class="panel"><h2 class="first">填写明细</h2><p class="muted small">修改金额后，右侧的合计、报表、情况说明和审核结果随即更新；点“保存草稿”后保存。</p>
<form id="leaf-form">${leafEditor(input.parsed)}
<p><button type="button" id="save" data-url="/prepare/${unit.id}/${draft.year}">保存草稿</button> <span id="save-status" class="small muted" role="status"></span></p></form></div>
<div class="panel"><h2 class="first">生成的文件</h2><article class="doc-body" id="preview">${trusted(preview.document)}</article></div>
</section>
<aside class="doc-side">
<section class="panel"><h3 class="first">主要数字</h3><div id="figures">${figuresBox(input.figures)}</div></section>
<section class="panel"><h3 class="first">审核 <span id="audit-count" class="badge ${errors ? 'error' : 'ok'}">${errors ? `错误 ${errors}` : '无错误'}</span></h3><div id="findings">${trusted(preview.findings)}</div></section>
</aside></div>`;
  return page(
    { title: `编制：${unit.name} ${draft.year}年`, nav: 'prepare', scripts: ['prepare'], ...input },
    body,
  );
}
