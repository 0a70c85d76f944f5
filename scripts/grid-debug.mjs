#!/usr/bin/env node
// Draws what the grid reader sees on one PDF page as SVG: the drawn rules (grey), the cells of each grid found
// (blue when trusted, red when not, with the reason), the crossings of rules (dots) and the text runs (boxes).
// Runs on the compiled dist/ (npm run build first).
//
//   node scripts/grid-debug.mjs FILE.pdf PAGE [-o out.svg]
import { readFileSync, writeFileSync } from 'node:fs';
import { extractPdfText } from '../dist/read/pdf/extract.js';
import { DEFAULT_TOLERANCES, joinEdges, meets, snapEdges } from '../dist/read/pdf/grid.js';
import { readRuledPage } from '../dist/read/pdf/ruled.js';

const args = process.argv.slice(2);
const out = args.includes('-o') ? args[args.indexOf('-o') + 1] : undefined;
const [file, pageArg] = args.filter((a, i) => a !== '-o' && args[i - 1] !== '-o');
if (!file || !pageArg) {
  console.error('用法：node scripts/grid-debug.mjs 文件.pdf 页码 [-o 输出.svg]');
  process.exit(2);
}
const text = await extractPdfText(file, readFileSync(file));
const page = text.pages.find((p) => p.page === Number(pageArg));
if (!page) {
  console.error(`${file}：没有第${pageArg}页（共${text.pageCount}页）`);
  process.exit(1);
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const f = (x) => Math.round(x * 10) / 10;
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${f(page.width)}" height="${f(page.height)}" viewBox="0 0 ${f(page.width)} ${f(page.height)}" font-size="6">`,
  `<rect width="100%" height="100%" fill="white"/>`,
];
const edges = page.edges ?? [];
for (const e of edges) {
  const [x1, y1, x2, y2] = e.orient === 'h' ? [e.from, e.at, e.to, e.at] : [e.at, e.from, e.at, e.to];
  svg.push(
    `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="#999" stroke-width="1.2"/>`,
  );
}
const rules = joinEdges(snapEdges(edges, DEFAULT_TOLERANCES.snapTolerance), DEFAULT_TOLERANCES.joinTolerance);
const hs = rules.filter((e) => e.orient === 'h');
for (const v of rules.filter((e) => e.orient === 'v'))
  for (const h of hs)
    if (meets(h, v, DEFAULT_TOLERANCES.intersectionTolerance))
      svg.push(`<circle cx="${f(v.at)}" cy="${f(h.at)}" r="1.5" fill="#e60"/>`);
const ruled = readRuledPage(page);
for (const { grid, placed } of ruled.grids) {
  const colour = placed.distrust ? '#d00' : '#06c';
  for (const c of grid.cells)
    svg.push(
      `<rect x="${f(c.x0)}" y="${f(c.y0)}" width="${f(c.x1 - c.x0)}" height="${f(c.y1 - c.y0)}" fill="${colour}" fill-opacity="0.06" stroke="${colour}" stroke-width="0.4"/>`,
    );
  const label = `${placed.rows[0]?.gridId ?? ''} ${grid.xs.length - 1}列×${grid.ys.length - 1}行${placed.distrust ? `：${placed.distrust}` : ''}`;
  svg.push(`<text x="${f(grid.xs[0])}" y="${f(grid.ys[0] - 2)}" fill="${colour}">${esc(label)}</text>`);
}
for (const r of page.runs)
  svg.push(
    `<rect x="${f(r.x0)}" y="${f(r.baseline - r.size)}" width="${f(r.x1 - r.x0)}" height="${f(r.size)}" fill="none" stroke="#0a0" stroke-width="0.3"/>`,
  );
svg.push('</svg>');
const result = svg.join('\n');
if (out) {
  writeFileSync(out, result);
  console.log(
    `${out}：${edges.length}条线，${ruled.grids.length}个网格（${ruled.grids.filter((g) => !g.placed.distrust).length}个可信），${page.runs.length}段文字`,
  );
} else process.stdout.write(result);
