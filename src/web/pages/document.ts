// The document page: the tables and the explanation as published, every finding marked at its cell or sentence;
// the findings listed by severity beside it (a click scrolls to and marks the place); reading notes apart;
// downloads; reviewers' comments and decisions on each finding.
import type { Finding } from '../../audit/index.js';
import { KIND_LABEL, SEVERITY_LABEL } from '../../report/index.js';
import { annotatedDocumentHtml } from '../../report/html.js';
import { placeText } from '../../report/place.js';
import { h, trusted, type Safe } from '../html.js';
import { page } from '../layout.js';
import type { StoredDocument } from '../repository.js';
import type { FindingReview, SessionUser } from '../accounts.js';
import { findingKey } from '../finding-key.js';

/** Rules that describe how the document was read rather than what is wrong with it. */
export const isReadingNote = (f: Finding) =>
  f.rule === 'completeness.import' || f.rule === 'table.reading' || f.rule.startsWith('reading.');

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export const REVIEW_LABEL = { open: '待处理', resolved: '已更正', accepted: '已接受说明' } as const;

export const DOWNLOADS: [string, string][] = [
  ['original', '原始文件'],
  ['json', '数据 JSON'],
  ['cells', '单元格 CSV'],
  ['report', '审核报告'],
  ['checklist', '检查表'],
  ['pdf', 'PDF'],
  ['docx', 'Word'],
  ['xlsx', 'Excel'],
];

export interface DocumentPageInput {
  doc: StoredDocument;
  user?: SessionUser | null;
  csrf?: string;
  /** By findingKey(). */
  reviews?: ReadonlyMap<string, FindingReview>;
}

export function documentTitle(doc: { unit: string; year: number; kind: string }): string {
  return `${doc.unit} ${doc.year}年${KIND_LABEL[doc.kind] ?? doc.kind}`;
}

/** The findings list; the numbers are positions in the stored list, which the cell marks link to (#l1 …). */
export function findingsList(
  findings: readonly Finding[],
  targets: readonly (string | undefined)[],
  extra?: (f: Finding, i: number) => Safe | string,
): Safe {
  const order = findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !isReadingNote(f))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i);
  if (!order.length) return h`<p class="muted">未发现问题。</p>`;
  return h`<ol class="findings">${order.map(({ f, i }) => {
    const target = targets[i];
    const where = [placeText(f), f.row_name, f.section].filter(Boolean).join(' · ');
    return h`<li id="l${i + 1}" data-severity="${f.severity}">
<a class="goto" href="#${target ?? `l${i + 1}`}" data-target="${target ?? ''}"><span class="badge ${f.severity}">${SEVERITY_LABEL[f.severity]}</span> <span class="msg">${f.message}</span></a>
<div class="where">[${i + 1}] ${f.rule}${where ? ` · ${where}` : ''}${target ? '' : ' · 未能在正文中定位'}</div>${extra ? extra(f, i) : ''}</li>`;
  })}</ol>`;
}

function readingNotes(doc: StoredDocument): Safe {
  const notes: string[] = [];
  for (const n of doc.disclosure.importNotes) notes.push(n.message);
  for (const t of doc.disclosure.tables)
    if (t.reading?.confidence === 'low')
      notes.push(
        `${t.title}：识读把握不大（${t.reading.reasons.join('；') || '列位置不确定'}），据此的核对从宽处理`,
      );
  for (const f of doc.findings) if (isReadingNote(f)) notes.push(f.message);
  if (!notes.length) return h``;
  return h`<section class="panel soft"><h3>阅读说明</h3><ul class="notes">${notes.map((n) => h`<li>${n}</li>`)}</ul></section>`;
}

function reviewBlock(input: DocumentPageInput, i: number): Safe {
  const review = input.reviews?.get(findingKey(input.doc.findings[i]));
  const comments = review?.comments.length
    ? h`<ul class="comments">${review.comments.map(
        (c) =>
          h`<li><b>${c.author}</b> ${c.at.slice(0, 16).replace('T', ' ')}${c.status ? h` <span class="badge status">${REVIEW_LABEL[c.status]}</span>` : ''}：${c.text}</li>`,
      )}</ul>`
    : '';
  const status =
    review && review.status !== 'open'
      ? h` <span class="badge ok">${REVIEW_LABEL[review.status]}</span>`
      : '';
  const role = input.user?.role;
  const form =
    role === 'reviewer' || role === 'admin'
      ? h`<form method="post" action="/documents/${input.doc.id}/findings/${i}/review" class="review">
<input type="hidden" name="_csrf" value="${input.csrf ?? ''}"><textarea name="text" placeholder="审核意见" aria-label="审核意见"></textarea>
<button name="status" value="open" class="secondary" type="submit">发表意见</button><button name="status" value="resolved" class="secondary" type="submit">标记已更正</button><button name="status" value="accepted" class="secondary" type="submit">接受说明</button></form>`
      : '';
  return h`${status}${comments}${form}`;
}

export function documentPage(input: DocumentPageInput): Safe {
  const { doc } = input;
  const { html, targets } = annotatedDocumentHtml(doc.disclosure, doc.findings);
  const s = doc.summary;
  const downloads = DOWNLOADS.map(
    ([format, label]) => h`<a href="/documents/${doc.id}/download/${format}" download>${label}</a>`,
  );
  const title = documentTitle(doc);
  const body = h`<div class="crumbs"><a href="/">首页</a> › <a href="/units/${doc.unitId}">${doc.unit}</a> › ${doc.year}年</div>
<h1>${title}${doc.status === 'draft' ? h` <span class="badge status">草稿</span>` : ''}</h1>
<p class="muted small">${doc.region ?? ''} · 版式：${doc.family} · 来源文件：${doc.files.join('，')}</p>
<div class="downloads">${downloads}</div>
<div class="doc-layout">
<article class="doc-body" id="document">${trusted(html)}</article>
<aside class="doc-side">
<section class="panel"><h3>审核发现</h3>
<div class="sev-tabs"><span class="badge error">错误 ${s.error}</span><span class="badge warning">警告 ${s.warning}</span><span class="badge info">提示 ${s.info}</span></div>
${findingsList(doc.findings, targets, (_f, i) => reviewBlock(input, i))}</section>
${readingNotes(doc)}
</aside></div>`;
  return page({ title, user: input.user, csrf: input.csrf, scripts: ['document'] }, body);
}
