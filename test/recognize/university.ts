// A Ministry-of-Education university's 部门预算, a family the reader was never tuned for: five tables in 万元, a 栏次
// row under every header, the school's name in every title, a blank 单位名称 field. The same tables are laid out as
// text, as a workbook and as a printed PDF by the tests that read them.

export const SCHOOL = '北京华章大学';
const TWO_SIDED_HEADER = [
  ['收入', '', '支出', ''],
  ['项目', '预算数', '项目', '预算数'],
  ['栏次', '1', '栏次', '2'],
];
const FUNCTION_HEADER = [
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['栏次', '', '1', '2', '3'],
];

/** The document's tables: title, then its rows (a blank 单位名称 field and the money unit first). */
export const TABLES: { title: string; rows: string[][] }[] = [
  {
    title: `一、${SCHOOL}2024年部门收支总表`,
    rows: [
      ['单位名称：', '', '', '单位：万元'],
      ...TWO_SIDED_HEADER,
      ['一、一般公共预算财政拨款', '50,000.00', '一、教育支出', '80,000.00'],
      ['二、政府性基金预算财政拨款', '', '二、科学技术支出', '4,000.00'],
      ['三、事业收入', '30,000.00', '三、住房保障支出', '3,000.00'],
      ['四、其他收入', '5,000.00', '', ''],
      ['本年收入合计', '85,000.00', '本年支出合计', '87,000.00'],
      ['上年结转', '2,000.00', '结转下年', ''],
      ['收入总计', '87,000.00', '支出总计', '87,000.00'],
    ],
  },
  {
    title: `二、${SCHOOL}2024年部门收入总表`,
    rows: [
      ['单位名称：', '', '', '', '', '单位：万元'],
      ['单位名称', '合计', '上年结转', '一般公共预算财政拨款', '事业收入', '其他收入'],
      ['栏次', '1', '2', '3', '4', '5'],
      ['合计', '87,000.00', '2,000.00', '50,000.00', '30,000.00', '5,000.00'],
      [SCHOOL, '87,000.00', '2,000.00', '50,000.00', '30,000.00', '5,000.00'],
    ],
  },
  {
    title: `三、${SCHOOL}2024年部门支出总表`,
    rows: [
      ['单位名称：', '', '', '', '单位：万元'],
      ...FUNCTION_HEADER,
      ['', '合计', '87,000.00', '63,000.00', '24,000.00'],
      ['205', '教育支出', '80,000.00', '60,000.00', '20,000.00'],
      ['20502', '普通教育', '80,000.00', '60,000.00', '20,000.00'],
      ['2050205', '高等教育', '80,000.00', '60,000.00', '20,000.00'],
      ['206', '科学技术支出', '4,000.00', '', '4,000.00'],
      ['20602', '基础研究', '4,000.00', '', '4,000.00'],
      ['2060203', '自然科学基金', '4,000.00', '', '4,000.00'],
      ['221', '住房保障支出', '3,000.00', '3,000.00', ''],
      ['22102', '住房改革支出', '3,000.00', '3,000.00', ''],
      ['2210201', '住房公积金', '3,000.00', '3,000.00', ''],
    ],
  },
  {
    title: `四、${SCHOOL}2024年财政拨款收支总表`,
    rows: [
      ['单位名称：', '', '', '单位：万元'],
      ...TWO_SIDED_HEADER,
      ['一、一般公共预算财政拨款', '50,000.00', '一、教育支出', '46,000.00'],
      ['二、政府性基金预算财政拨款', '', '二、科学技术支出', '1,000.00'],
      ['', '', '三、住房保障支出', '3,000.00'],
      ['收入总计', '50,000.00', '支出总计', '50,000.00'],
    ],
  },
  {
    title: `五、${SCHOOL}2024年一般公共预算财政拨款支出表`,
    rows: [
      ['单位名称：', '', '', '', '单位：万元'],
      ...FUNCTION_HEADER,
      ['', '合计', '50,000.00', '35,000.00', '15,000.00'],
      ['205', '教育支出', '46,000.00', '32,000.00', '14,000.00'],
      ['20502', '普通教育', '46,000.00', '32,000.00', '14,000.00'],
      ['2050205', '高等教育', '46,000.00', '32,000.00', '14,000.00'],
      ['206', '科学技术支出', '1,000.00', '', '1,000.00'],
      ['20602', '基础研究', '1,000.00', '', '1,000.00'],
      ['2060203', '自然科学基金', '1,000.00', '', '1,000.00'],
      ['221', '住房保障支出', '3,000.00', '3,000.00', ''],
      ['22102', '住房改革支出', '3,000.00', '3,000.00', ''],
      ['2210201', '住房公积金', '3,000.00', '3,000.00', ''],
    ],
  },
];

/** The tables as a printed page each: title, meta line, a ruled grid (a caption over empty cells spans them). */
export function universityHtml(): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const pages = TABLES.map((t) => {
    const [meta, ...grid] = t.rows;
    const rows = grid.map((r, k) => {
      const header = k < grid.findIndex((g) => g.some((c) => /\d,\d{3}\./.test(c)));
      const cells: string[] = [];
      for (let i = 0; i < r.length; i++) {
        let span = 1;
        while (header && r[i] !== '' && i + span < r.length && r[i + span] === '') span++;
        cells.push(`<td${span > 1 ? ` colspan="${span}"` : ''}>${esc(r[i])}</td>`);
        i += span - 1;
      }
      return `<tr>${cells.join('')}</tr>`;
    });
    return `<section><h2>${esc(t.title)}</h2><p class="meta"><span>${esc(meta[0])}</span><span>${esc(meta[meta.length - 1])}</span></p><table>${rows.join('')}</table></section>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4 landscape; margin: 15mm; }
body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 10pt; }
section { page-break-after: always; }
h2 { text-align: center; font-size: 14pt; }
.meta { display: flex; justify-content: space-between; }
table { border-collapse: collapse; width: 100%; }
td { border: 0.75pt solid #000; padding: 3pt 4pt; }
</style></head><body><h1>${esc(SCHOOL)}2024年部门预算</h1><section></section>${pages.join('')}</body></html>`;
}
