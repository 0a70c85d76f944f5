// HTML report: the document's tables and explanation with every finding highlighted at its cell or sentence,
// and a summary list linking to each. One self-contained file: inline style, no scripts or external assets.
import { placeText } from './place.js';
import type { Finding } from '../audit/index.js';
import { sectionLabel } from '../audit/bind.js';
import type { Disclosure, PerformanceForm, Row, Table } from '../model/schema.js';
import { KIND_LABEL, SEVERITY_LABEL, type FileAudit } from './index.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;line-height:1.6}
h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}h3{font-size:1.05em;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}td,th{border:1px solid #bbb;padding:2px 6px}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
.error{background:#fdd;outline:2px solid #d00}.warning{background:#fff3c4;outline:2px solid #d90}
.info{background:#e3f2fd;outline:1px dashed #1976d2}
mark{padding:0 2px}.sev-error{color:#b00;font-weight:bold}.sev-warning{color:#a60;font-weight:bold}
.sev-info{color:#1565c0}ol.findings li{margin:.2em 0}.counts span{margin-right:1.5em}
.note{color:#666;font-size:.9em}.form{border:1px solid #ddd;padding:.5em 1em;margin:1em 0}
`;

/** Anchors: which finding sits where. A finding is placed once, at the most precise place found. */
class Placement {
  placed = new Set<number>();
  /** The element id each placed finding is shown at (several findings may share one cell). */
  target = new Map<number, string>();
  constructor(readonly findings: readonly Finding[]) {}
  anchor(i: number, at = `f${i + 1}`): string {
    this.placed.add(i);
    this.target.set(i, at);
    return at;
  }
}

function cellFindings(p: Placement, table: Table, row: Row, column: string | null): number[] {
  const out: number[] = [];
  p.findings.forEach((f, i) => {
    // Findings about a sentence are shown at the sentence.
    if (p.placed.has(i) || f.table !== table.kind || f.section) return;
    const sameRow =
      (f.row_code && f.row_code === row.code) ||
      (!f.row_code && f.row_name && f.row_name === (row.name || row.label));
    if (!sameRow) return;
    if (column === null ? !f.column || !(f.column in row.cells) : f.column === column) out.push(i);
  });
  return out;
}

function worst(p: Placement, ids: number[]): string {
  const sev = ids.map((i) => p.findings[i].severity);
  return sev.includes('error') ? 'error' : sev.includes('warning') ? 'warning' : 'info';
}

function mark(p: Placement, ids: number[], content: string, tag: 'td' | 'mark', numeric = false): string {
  const n = numeric ? ' n' : '';
  if (!ids.length)
    return tag === 'td' ? (numeric ? `<td class="n">${content}</td>` : `<td>${content}</td>`) : content;
  const first = p.anchor(ids[0]);
  ids.slice(1).forEach((i) => p.anchor(i, first));
  const title = esc(
    ids.map((i) => `${SEVERITY_LABEL[p.findings[i].severity]}：${p.findings[i].message}`).join('\n'),
  );
  const refs = ids.map((i) => `<a href="#l${i + 1}">[${i + 1}]</a>`).join('');
  const cls = worst(p, ids);
  if (tag === 'td')
    return `<td id="${first}" class="${cls}${n}" title="${title}">${content}<sup>${refs}</sup></td>`;
  return `<mark id="${first}" class="${cls}" title="${title}">${content}</mark><sup>${refs}</sup>`;
}

function tableHtml(p: Placement, table: Table, index: number): string {
  const cols = table.columns;
  const head = `<tr><th>科目编码</th><th>名称</th>${cols.map((c) => `<th>${esc(c.label || c.id)}</th>`).join('')}</tr>`;
  const body = table.rows
    .map((row) => {
      const label = mark(p, cellFindings(p, table, row, null), esc(row.label || row.name), 'td');
      const cells = cols
        .map((c) => {
          const cell = row.cells[c.id];
          if (cell && row.side && c.side && c.side !== row.side) return '<td></td>';
          return mark(p, cellFindings(p, table, row, c.id), esc(cell?.printed ?? ''), 'td', true);
        })
        .join('');
      return `<tr><td>${esc(row.code ?? '')}</td>${label}${cells}</tr>`;
    })
    .join('\n');
  const tableLevel: number[] = [];
  p.findings.forEach((f, i) => {
    if (!p.placed.has(i) && f.table === table.kind && !f.row_name && !f.row_code && !f.section)
      tableLevel.push(i);
  });
  const title = mark(p, tableLevel, esc(table.title), 'mark');
  const notes = table.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('');
  return `<h3 id="t${index}">${title}（单位：${esc(table.unit)}）</h3>\n<table>${head}\n${body}</table>${notes}`;
}

const squash = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/[。；;！!？?，,]+$/, '');

/** Highlights, sentence by sentence, every finding whose excerpt is (in) that sentence of its section. */
function paragraphHtml(p: Placement, text: string, section: string): string {
  const sentences = text.match(/[^。；;！!？?\n]+[。；;！!？?\n]*/g) ?? [text];
  const html = sentences.map((sentence) => {
    const key = squash(sentence);
    if (key.length < 2) return esc(sentence);
    const ids: number[] = [];
    p.findings.forEach((f, i) => {
      if (p.placed.has(i) || f.section !== section || !f.excerpt) return;
      const fk = squash(f.excerpt);
      if (fk.length >= 2 && (key.includes(fk) || fk.includes(key))) ids.push(i);
    });
    ids.sort((a, b) => SEVERITY_ORDER[p.findings[a].severity] - SEVERITY_ORDER[p.findings[b].severity]);
    return mark(p, ids, esc(sentence), 'mark');
  });
  return `<p>${html.join('')}</p>`;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function formHtml(p: Placement, form: PerformanceForm): string {
  const mine = (pred: (f: Finding) => boolean) =>
    p.findings
      .map((f, i) => ({ f, i }))
      .filter(
        ({ f, i }) =>
          !p.placed.has(i) && f.table === 'performance_targets' && f.row_name === form.project && pred(f),
      )
      .map(({ i }) => i);
  const rows: string[] = [];
  for (const which of ['period', 'year'] as const) {
    for (const ind of form.indicators[which]) {
      const text = `${ind.name} ${ind.printed}`.trim();
      const ids = mine(
        (f) =>
          f.excerpt === text &&
          (f.message.includes(which === 'period' ? '实施期' : '年度') || !/实施期|年度/.test(f.message)),
      );
      rows.push(
        `<tr><td>${which === 'period' ? '实施期' : '年度'}</td><td>${esc(ind.level1)}</td><td>${esc(ind.level2)}</td>${mark(p, ids, esc(ind.name), 'td')}<td>${esc(ind.printed)}</td></tr>`,
      );
    }
  }
  const head = mark(
    p,
    mine(() => true),
    esc(form.project),
    'mark',
  );
  const f = form.funding;
  return `<div class="form"><h3>${head}</h3><p>实施期资金总额：${esc(f.period.total ?? '')}${form.unit}；年度资金总额：${esc(f.year.total ?? '')}${form.unit}</p><table><tr><th>期间</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>${rows.join('')}</table></div>`;
}

function documentHtml(p: Placement, doc: Disclosure): string {
  const parts: string[] = [];
  parts.push('<h2>报表</h2>');
  doc.tables.forEach((t, i) => parts.push(tableHtml(p, t, i)));
  parts.push('<h2>情况说明</h2>');
  for (const s of doc.sections) {
    if (s.kind === 'glossary') continue;
    const label = sectionLabel(s);
    const level = Math.min(4, s.level + 2);
    const heading = mark(
      p,
      p.findings
        .map((f, i) => ({ f, i }))
        .filter(({ f, i }) => !p.placed.has(i) && f.section === label && !f.excerpt)
        .map(({ i }) => i),
      esc(label),
      'mark',
    );
    parts.push(`<h${level}>${heading}</h${level}>`);
    for (const para of s.paragraphs) parts.push(paragraphHtml(p, para.text, label));
  }
  if (doc.performanceForms.length) {
    parts.push('<h2>项目支出绩效目标申报表</h2>');
    for (const form of doc.performanceForms) parts.push(formHtml(p, form));
  }
  return parts.join('\n');
}

function fileHtml(f: FileAudit, n: number): string {
  if (f.error !== undefined || !f.document)
    return `<h1>${esc(f.file)}</h1><p class="sev-error">无法读取：${esc(f.error ?? '')}</p>`;
  const doc = f.document;
  const findings = f.findings ?? [];
  const p = new Placement(findings);
  const body = documentHtml(p, doc);
  const m = doc.metadata;
  const s = f.summary ?? { error: 0, warning: 0, info: 0 };
  const unplaced = findings.map((x, i) => ({ x, i })).filter(({ i }) => !p.placed.has(i));
  const list = findings
    .map((x, i) => {
      const target = `#${p.target.get(i) ?? `u${i + 1}`}`;
      return `<li id="l${i + 1}" value="${i + 1}"><a href="${target}"><span class="sev-${x.severity}">${SEVERITY_LABEL[x.severity]}</span> ${esc(x.message)}</a> <span class="note">${esc(x.rule)}${placeText(x) ? ` · ${placeText(x)}` : ''}</span></li>`;
    })
    .join('\n');
  const rest = unplaced.length
    ? `<h2>未能在正文中定位的发现</h2><ul>${unplaced.map(({ x, i }) => `<li id="u${i + 1}" class="${x.severity}">[${i + 1}] ${esc(x.message)}${x.excerpt ? `：“${esc(x.excerpt)}”` : ''}</li>`).join('')}</ul>`
    : '';
  return `<section id="file${n}"><h1>${esc(m.unit)} ${m.year}年${esc(KIND_LABEL[m.kind] ?? m.kind)} 审核报告</h1>
<p class="note">文件：${esc(f.file)}</p>
<p class="counts"><span class="sev-error">错误 ${s.error}</span><span class="sev-warning">警告 ${s.warning}</span><span class="sev-info">提示 ${s.info}</span></p>
<h2>发现清单</h2><ol class="findings">${list}</ol>
${rest}
${body}</section>`;
}

/**
 * The document's tables and explanation with every finding marked at its cell or sentence, for embedding in a
 * page: `targets[i]` is the element id finding i is shown at (undefined when it could not be placed).
 */
export function annotatedDocumentHtml(
  doc: Disclosure,
  findings: readonly Finding[],
): { html: string; targets: (string | undefined)[] } {
  const p = new Placement(findings);
  const html = documentHtml(p, doc);
  return { html, targets: findings.map((_, i) => p.target.get(i)) };
}

export function htmlReport(files: readonly FileAudit[]): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>yusuan 审核报告</title><style>${STYLE}</style></head>
<body>
${files.map((f, i) => fileHtml(f, i)).join('\n<hr>\n')}
</body></html>
`;
}
