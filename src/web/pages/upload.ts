// Upload and audit: many files at once, a progress bar (client island), the results of each file; stored in the
// repository only when the user asks and may.
import { KIND_LABEL } from '../../report/index.js';
import { annotatedDocumentHtml } from '../../report/html.js';
import { h, trusted, type Safe } from '../html.js';
import { page } from '../layout.js';
import type { SessionUser } from '../accounts.js';
import { ACCEPTED_EXTENSIONS, type FileResult } from '../audit-files.js';
import { findingsList } from './document.js';
import { summaryBadges } from './home.js';

/** One file's result: its findings and, folded, the document with the findings marked. */
export function fileResult(r: FileResult, n: number): Safe {
  if ('error' in r)
    return h`<section class="file" data-file="${r.file}"><h3>${r.file}</h3><p class="flash error">无法读取：${r.error}</p></section>`;
  const m = r.disclosure.metadata;
  // Anchors are made unique per file so that several results can sit on one page.
  const { html, targets } = annotatedDocumentHtml(r.disclosure, r.findings);
  const prefix = `r${n}-`;
  const body = html.replace(/\b(id="|href="#)(f|l)(\d+)"/g, `$1${prefix}$2$3"`);
  const list = findingsList(
    r.findings,
    targets.map((t) => (t ? prefix + t : undefined)),
  ).value.replace(/\b(id="|href="#)l(\d+)"/g, `$1${prefix}l$2"`);
  const stored = r.stored
    ? h`<p class="flash ok">已存入资料库：<a href="/documents/${r.stored}">查看文件页</a></p>`
    : r.storeError
      ? h`<p class="flash error">未存入资料库：${r.storeError}</p>`
      : '';
  return h`<section class="file" data-file="${r.file}"><h3>${r.file}</h3>
<p>${m.unit} · ${m.year}年${KIND_LABEL[m.kind] ?? m.kind} · ${summaryBadges(r.summary)}</p>${stored}
<div class="doc-layout"><details class="doc-body" open><summary>文件正文（发现已标注）</summary>${trusted(body)}</details>
<aside class="doc-side"><h3>审核发现</h3>${trusted(list)}</aside></div></section>`;
}

export function uploadPage(input: {
  user?: SessionUser | null;
  csrf?: string;
  canStore: boolean;
  results?: FileResult[];
  maxMb: number;
}) {
  const accept = ACCEPTED_EXTENSIONS.join(',');
  const body = h`<h1>上传审核</h1>
<form method="post" action="/upload" enctype="multipart/form-data" class="panel" id="upload-form">
<input type="hidden" name="_csrf" value="${input.csrf ?? ''}">
<div class="dropzone" id="dropzone"><p>把公开文件拖到这里，或 <label class="button secondary">选择文件<input type="file" name="files" multiple accept="${accept}" id="files" hidden></label></p>
<p class="muted small">可一次上传多个文件（PDF、XLSX/XLS、DOCX、TXT，合计不超过 ${input.maxMb} MB）；同一单位分册公开的文字稿与报表请一起上传。</p>
<p id="chosen" class="small"></p></div>
${input.canStore ? h`<p><label><input type="checkbox" name="store" value="1"> 审核后存入资料库</label></p>` : h`<p class="muted small">审核结果只显示，不保存。审核人员登录后可选择存入资料库。</p>`}
<p><button type="submit" id="submit">开始审核</button></p>
<div id="progress" hidden><progress max="100" value="0"></progress><p class="small" id="progress-text"></p></div>
</form>
<div class="results" id="results">${(input.results ?? []).map((r, i) => fileResult(r, i))}</div>`;
  return page(
    { title: '上传审核', nav: 'upload', user: input.user, csrf: input.csrf, scripts: ['upload'] },
    body,
  );
}
