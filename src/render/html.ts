// Print-ready HTML: one self-contained file (inline CSS and SVG, no network) that Chromium prints to PDF with
// a title page, contents with page numbers, bordered tables whose headers repeat on every page, and page numbers.
import type { Disclosure } from '../model/schema.js';
import { planDocument, type Block, type DocumentPlan } from './document.js';
import { placeCells, type GridCell, type GridRow, type TableGrid } from './grid.js';
import { layoutFor } from './layouts/index.js';
import type { Layout } from './layouts/types.js';

export interface HtmlOptions {
  layout?: Layout;
  /** Page of each anchor, known after a first print; without it the contents list no page numbers. */
  pageNumbers?: ReadonlyMap<string, number>;
  /** Reserve room for page numbers in the contents (first pass of the PDF renderer). */
  reservePageNumbers?: boolean;
  charts?: boolean;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

// Body in Song (宋体), headings, table headers and totals in Hei (黑体), as Chinese disclosures are set. The "TT"
// families are TrueType copies of Noto CJK (scripts/setup.sh): Chromium embeds them as subset CID fonts, while the
// CFF originals, kept as the fallback, would be embedded as Type 3. Two faces only: each face costs print time.
const SONG = '"Noto Serif CJK SC TT", "Noto Serif CJK SC", serif';
const HEI = '"Noto Sans CJK SC TT", "Noto Sans CJK SC", sans-serif';

const CSS = `
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @bottom-center { content: counter(page); font: 10pt ${SONG}; } }
@page cover { @bottom-center { content: none; } }
* { box-sizing: border-box; }
html { font: 12pt/1.75 ${SONG}; color: #000; }
body { margin: 0; }
h1, h2, h3, h4, th, b, strong, .cover, .toc li.l1, table.grid td.strong, table.grid tr.total td,
  table.grid tr.subtotal td, table.grid tr.grand_total td, table.grid tr.year_total td {
  font-family: ${HEI}; font-weight: bold; }
.cover { page: cover; height: 250mm; display: flex; flex-direction: column; justify-content: center;
  align-items: center; text-align: center; break-after: page; }
.cover .unit { font-size: 26pt; letter-spacing: 0.08em; margin-bottom: 14mm; }
.cover .subtitle { font-size: 22pt; letter-spacing: 0.12em; }
.contents { break-after: page; }
.contents h1 { text-align: center; font-size: 18pt; letter-spacing: 1em; margin: 0 0 6mm; }
.toc { list-style: none; margin: 0; padding: 0; font-size: 11pt; line-height: 1.75; }
.toc.dense { font-size: 10pt; line-height: 1.55; }
.toc li { display: flex; align-items: baseline; }
.toc li.l2 { padding-left: 2em; } .toc li.l3 { padding-left: 4em; }
.toc a { color: inherit; text-decoration: none; }
.toc .leader { flex: 1; border-bottom: 1px dotted #555; margin: 0 0.4em; transform: translateY(-0.3em); }
.toc .page { min-width: 2em; text-align: right; font-variant-numeric: tabular-nums; }
h1.part { font-size: 16pt; text-align: center; margin: 0 0 6mm; break-before: page; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; } h3 { font-size: 12pt; margin: 4mm 0 2mm; } h4 { font-size: 12pt; margin: 3mm 0 1mm; }
h2, h3, h4 { break-after: avoid; }
p { text-indent: 2em; margin: 0 0 1.5mm; text-align: justify; }
.table-block { break-before: page; }
h1.part + .table-block { break-before: auto; }
.table-block .number { text-align: left; font-size: 10pt; margin-bottom: 1mm; }
.table-block h2 { text-align: center; font-size: 14pt; margin: 0 0 3mm; }
.table-meta { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 1.5mm; }
table.grid { width: 100%; border-collapse: collapse; font-size: var(--fit, 9pt); line-height: 1.35; table-layout: fixed; }
table.grid th, table.grid td { border: 0.75pt solid #000; padding: 1.2mm 1.5mm; vertical-align: middle;
  overflow-wrap: anywhere; }
/* Header words break only between words (<wbr> marks them); a word wider than its column still wraps. */
table.grid th { text-align: center; background: #f2f2f2; }
table.grid th, table.grid td.strong { word-break: keep-all; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
table.grid tr.keep { break-before: avoid; }
table.grid td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; padding-right: 2mm; }
table.grid td.c { text-align: center; } table.grid td.nw { white-space: nowrap; overflow-wrap: normal; }
/* Two-sided summary tables are printed on one page, as published. */
table.grid.two-sided { font-size: var(--fit, 8.5pt); line-height: 1.25; }
table.grid.two-sided th, table.grid.two-sided td { padding-top: 0.55mm; padding-bottom: 0.55mm; }
.notes { font-size: 9.5pt; margin-top: 2mm; } .notes p { text-indent: 0; }
.form-block { break-before: page; }
.form-block h2 { text-align: center; font-size: 14pt; margin: 0; }
.form-block .subtitle { text-align: center; margin: 0 0 3mm; text-indent: 0; }
table.form { font-size: 8.5pt; line-height: 1.3; }
table.form td { padding: 0.8mm 1.2mm; }
table.form td.strong { background: #f7f7f7; }
table.form td.num { padding-right: 2mm; }
.tight table.grid { font-size: min(8pt, var(--fit, 8pt)); line-height: 1.2; }
.tight table.grid th, .tight table.grid td { padding-top: 0.4mm; padding-bottom: 0.4mm; }
.tighter table.grid { font-size: min(7.5pt, var(--fit, 7.5pt)); line-height: 1.15; }
.tighter table.grid th, .tighter table.grid td { padding-top: 0.2mm; padding-bottom: 0.2mm; }
figure.chart { margin: 4mm auto; text-align: center; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 10mm; background: #fff; }
  .cover { height: auto; min-height: 60vh; border-bottom: 1px solid #ccc; } .table-block, .form-block, h1.part { margin-top: 12mm; } }
`;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The words of a label ("2023年|合计", "科目|编码", "财政专户|管理|资金"), for headers that must not break inside a
 * word. ICU's dictionary leaves single characters (年, 性, 专, 户, punctuation); they belong to a neighbour.
 */
export function labelWords(text: string): string[] {
  const words: string[] = [];
  let glueNext = false;
  for (const { segment } of segmenter.segment(text)) {
    const single = [...segment].length === 1 && !/\s/.test(segment);
    const opening = /^[（(“《]$/.test(segment);
    if (words.length && (glueNext || (single && !opening))) words[words.length - 1] += segment;
    else words.push(segment);
    glueNext = opening || (single && words.length === 1 && [...words[0]].length === 1);
  }
  return words;
}

/** Escaped label with a break opportunity (<wbr>) between its words only. */
const wordBreaks = (text: string) => labelWords(text).map(escapeHtml).join('<wbr>');

function cellHtml(cell: GridCell, tag: 'td' | 'th'): string {
  const attrs: string[] = [];
  if (cell.colSpan && cell.colSpan > 1) attrs.push(`colspan="${cell.colSpan}"`);
  if (cell.rowSpan && cell.rowSpan > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
  const classes: string[] = [];
  if (cell.amount !== undefined) classes.push('num');
  else if (cell.align === 'center') classes.push('c');
  if (cell.nowrap) classes.push('nw');
  if (cell.strong && tag === 'td') classes.push('strong');
  if (cell.amount != null) attrs.push(`data-value="${cell.amount}"`);
  if (classes.length) attrs.push(`class="${classes.join(' ')}"`);
  const text = tag === 'th' || cell.strong ? wordBreaks(cell.text) : escapeHtml(cell.text);
  return `<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>${text}</${tag}>`;
}

function rowHtml(row: GridRow, tag: 'td' | 'th'): string {
  const classes = [row.role && row.role !== 'item' ? row.role : '', row.keepWithPrevious ? 'keep' : '']
    .filter(Boolean)
    .join(' ');
  return `<tr${classes ? ` class="${classes}"` : ''}>${row.cells.map((c) => cellHtml(c, tag)).join('')}</tr>`;
}

/** Width of the page's text block (A4, 18 mm margins), in mm. */
const TEXT_WIDTH_MM = 174;
const MM_PER_PT = 0.3528;
/** Amount digits set in tabular figures are about 0.55 em wide; a cell adds 2.5 mm of padding. */
const amountMm = (chars: number, pt: number) => chars * 0.55 * pt * MM_PER_PT + 2.5;

/**
 * Column widths and font size of a grid. Amount columns get at least the width of their longest amount (they never
 * wrap: an amount running into the next cell reads as one number); the label columns share the rest, at no less
 * than a quarter of the width, by their relative widths. When the amounts do not fit, the font steps down; below 6.5 pt the
 * last size is kept.
 */
export function gridFit(grid: TableGrid, basePt: number): { percents: number[]; pt: number } {
  const longest = grid.widths.map(() => 0);
  for (const { col, cell } of placeCells(grid.body))
    if (cell.amount != null && (cell.colSpan ?? 1) === 1)
      longest[col] = Math.max(longest[col], [...cell.text].length);
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  const plain = grid.widths.map((w) => (w / sum) * TEXT_WIDTH_MM);
  let pt = basePt;
  let need: number[] = [];
  for (; ; pt -= 0.5) {
    need = longest.map((n, i) => (n ? Math.max(plain[i], amountMm(n, pt)) : 0));
    const amounts = need.reduce((a, b) => a + b, 0);
    if (amounts <= TEXT_WIDTH_MM * 0.75 || pt <= 6.5) break;
  }
  const amounts = need.reduce((a, b) => a + b, 0);
  const labelShare = grid.widths.reduce((a, w, i) => a + (longest[i] ? 0 : w), 0);
  const rest = Math.max(TEXT_WIDTH_MM - amounts, 0);
  const mm = grid.widths.map((w, i) => (longest[i] ? need[i] : labelShare ? (w / labelShare) * rest : 0));
  const total = mm.reduce((a, b) => a + b, 0) || 1;
  return { percents: mm.map((m) => (m / total) * 100), pt };
}

function colgroup(percents: number[]): string {
  return `<colgroup>${percents.map((p) => `<col style="width:${p.toFixed(2)}%">`).join('')}</colgroup>`;
}

export function gridHtml(grid: TableGrid, className = 'grid'): string {
  if (grid.twoSided) className += ' two-sided';
  const head = grid.header.length
    ? `<thead>${grid.header.map((r) => rowHtml(r, 'th')).join('')}</thead>`
    : '';
  // Forms lay out their own spans; tables fit their amounts (a smaller size than the CSS's is set as --fit).
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  const base = grid.twoSided ? 8.5 : 9;
  const { percents, pt } = className.includes('form')
    ? { percents: grid.widths.map((w) => (w / sum) * 100), pt: base }
    : gridFit(grid, base);
  const style = pt < base ? ` style="--fit:${pt}pt"` : '';
  return `<table class="${className}"${style}>${colgroup(percents)}${head}<tbody>${grid.body.map((r) => rowHtml(r, 'td')).join('')}</tbody></table>`;
}

/** Contents lines that fit one A4 page at the normal spacing (11pt × 1.75 in 255 mm, less the heading). */
const CONTENTS_LINES_PER_PAGE = 33;

function blockHtml(block: Block, plan: DocumentPlan, options: HtmlOptions): string {
  switch (block.type) {
    case 'cover':
      return `<section class="cover"><div class="unit">${escapeHtml(block.title)}</div><div class="subtitle">${escapeHtml(block.subtitle)}</div></section>`;
    case 'contents': {
      const items = block.entries.map((e) => {
        const page = options.pageNumbers?.get(e.id);
        const pageText = page !== undefined ? String(page) : options.reservePageNumbers ? '00' : '';
        return `<li class="l${e.level}"><a href="#${e.id}">${escapeHtml(e.title)}</a><span class="leader"></span><span class="page">${pageText}</span></li>`;
      });
      // A long contents list is set tighter so that it stays on its page.
      const dense = block.entries.length > CONTENTS_LINES_PER_PAGE ? ' dense' : '';
      return `<section class="contents"><h1>目录</h1><ol class="toc${dense}">${items.join('')}</ol></section>`;
    }
    case 'part':
      return `<h1 class="part" id="${block.id}">${escapeHtml(block.text)}</h1>`;
    case 'heading': {
      const level = Math.min(4, Math.max(2, block.level));
      return `<h${level} id="${block.id}">${escapeHtml(block.text)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table': {
      const g = block.grid;
      const meta = `<div class="table-meta"><span>${escapeHtml(plan.layout.unitNameLabel + (g.unitName ?? ''))}</span><span>单位：${g.unit ?? ''}</span></div>`;
      const notes = g.notes.length
        ? `<div class="notes">${g.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`
        : '';
      return `<section class="table-block" id="${block.id}" data-kind="${g.kind}">${g.number ? `<div class="number">${escapeHtml(g.number)}</div>` : ''}<h2>${escapeHtml(g.title)}</h2>${meta}${gridHtml(g)}${notes}</section>`;
    }
    case 'chart':
      return `<figure class="chart" data-chart="${block.chart.id}">${block.chart.svg}</figure>`;
    case 'form':
      return `<section class="form-block" id="${block.id}"><h2>${escapeHtml(block.grid.title)}</h2><p class="subtitle">${escapeHtml(block.subtitle)}</p>${gridHtml(block.grid, 'grid form')}</section>`;
  }
}

/** Renders an already planned document. */
export function planHtml(plan: DocumentPlan, options: HtmlOptions = {}): string {
  const body = plan.blocks.map((b) => blockHtml(b, plan, options)).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(plan.title)}</title>
<style>${CSS}</style></head>
<body>
${body}
</body></html>
`;
}

/** The disclosure as one print-ready HTML page. */
export function renderHtml(doc: Disclosure, options: HtmlOptions = {}): string {
  const layout = options.layout ?? layoutFor(doc.metadata.family);
  return planHtml(planDocument(doc, layout, { charts: options.charts }), options);
}
