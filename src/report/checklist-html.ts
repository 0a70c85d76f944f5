// The checklist as HTML: a fragment for a document's page in the web application, and a self-contained page for
// several documents (inline style, no scripts or external assets).
import type { Checklist } from './checklist.js';
import type { ChecklistPictures } from './checklist-xlsx.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const CHECKLIST_STYLE = `
.checklist{border-collapse:collapse;width:100%;font-size:14px;line-height:1.6}
.checklist caption{font-size:1.3em;font-weight:bold;padding:.4em 0}
.checklist th,.checklist td{border:1px solid #888;padding:4px 8px;vertical-align:middle}
.checklist th{background:#f2f2f2}.checklist td.c{text-align:center}
.checklist td.no{color:#c00000;font-weight:bold;text-align:center}
.checklist ol{margin:0;padding-left:1.6em}.checklist .verify{color:#8a6d00}.checklist .note{color:#555}
.checklist img{width:100%;max-width:560px;display:block;margin:2px 0}.checklist col.pic{width:34%}
`;

const BASE_STYLE =
  'body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}section{margin-bottom:3em}';

function problemsHtml(item: Checklist['items'][number]): string {
  const parts: string[] = [];
  if (item.note) parts.push(`<div class="note">${esc(item.note)}</div>`);
  if (item.problems.length)
    parts.push(`<ol>${item.problems.map((p) => `<li>${esc(p.text)}</li>`).join('')}</ol>`);
  if (item.toVerify.length)
    parts.push(
      `<div class="verify">请核实：</div><ol class="verify" start="${item.problems.length + 1}">${item.toVerify
        .map((p) => `<li>${esc(p.text)}</li>`)
        .join('')}</ol>`,
    );
  return parts.join('');
}

/** One document's checklist as a table (embed it with CHECKLIST_STYLE). */
export function checklistHtml(c: Checklist, pictures: ChecklistPictures = new Map()): string {
  const groupSize = new Map<string, number>();
  for (const i of c.items) groupSize.set(i.group, (groupSize.get(i.group) ?? 0) + 1);
  const seen = new Set<string>();
  const rows = c.items.map((item) => {
    const group = seen.has(item.group)
      ? ''
      : `<td class="c" rowspan="${groupSize.get(item.group)}">${esc(item.group)}</td>`;
    seen.add(item.group);
    const picture = pictures.get(item.id);
    const img = picture
      ? `<img alt="${esc(item.label)}问题截图" src="data:image/png;base64,${Buffer.from(picture.png).toString('base64')}">`
      : '';
    const verdict = item.conforms ? '<td class="c">是</td>' : '<td class="no">否</td>';
    return `<tr>${group}<td>${esc(item.label)}</td>${verdict}<td>${problemsHtml(item)}</td><td>${img}</td></tr>`;
  });
  return `<table class="checklist">
<caption>${esc(c.title)}</caption>
<colgroup><col style="width:5.5em"><col style="width:15em"><col style="width:6em"><col><col class="pic"></colgroup>
<tr><th>单位名称</th><td colspan="4">${esc(c.unit)}</td></tr>
<tr><th>公开网址</th><td colspan="4">${esc(c.url ?? '')}</td></tr>
<tr><th>检查项目</th><th>检查内容</th><th>符合要求（是/否）</th><th>问题</th><th>问题截图</th></tr>
${rows.join('\n')}
</table>`;
}

/** A self-contained page of several checklists. */
export function checklistPage(
  lists: readonly { checklist: Checklist; pictures?: ChecklistPictures }[],
): string {
  const body = lists.map((l) => `<section>${checklistHtml(l.checklist, l.pictures)}</section>`).join('\n');
  const title = lists.length === 1 ? lists[0].checklist.title : '公开情况检查表';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${BASE_STYLE}${CHECKLIST_STYLE}</style></head>
<body>
${body}
</body></html>
`;
}
