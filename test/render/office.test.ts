import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/model/schema.js';
import { chromiumMissing, withBrowser } from '../../src/render/browser.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparableData } from '../../src/generate/compare.js';
import { parseFile } from '../../src/parse.js';
import { filingDateText } from '../../src/render/grid.js';
import { renderDocument } from '../../src/render/index.js';
import { planDocument } from '../../src/render/document.js';
import { shanxi } from '../../src/render/layouts/shanxi.js';
import { parsedSample } from './helpers.js';

let sample: Disclosure;
beforeAll(async () => {
  sample = await parsedSample();
});

describe('XLSX', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderXlsx(sample)) as unknown as ArrayBuffer);
  });

  it('has one sheet per table, then one per performance form', () => {
    const names = book.worksheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(['1 预算收支总表', '2 预算收入总表', '3 预算支出总表']);
    expect(names).toHaveLength(13 + sample.performanceForms.length);
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });

  it('stores 2010301 as the number 1361.58 with the format #,##0.00, in the right columns', () => {
    const sheet = book.getWorksheet('3 预算支出总表')!;
    expect(sheet.getCell('A1').value).toBe('2023年预算支出总表');
    expect(sheet.getCell('A2').value).toBe('单位名称：忻州市人民政府办公室');
    expect(sheet.getCell('E2').value).toBe('单位：万元');
    expect([sheet.getCell('C4').value, sheet.getCell('D4').value, sheet.getCell('E4').value]).toEqual([
      '合计',
      '基本支出',
      '项目支出',
    ]);
    let found = 0;
    sheet.eachRow((row) => {
      if (row.getCell(1).value !== '2010301') return;
      found = row.number;
      expect(row.getCell(2).value).toBe('行政运行');
      expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).toEqual([
        1361.58, 1357.12, 4.46,
      ]);
      expect(row.getCell(3).numFmt).toBe('#,##0.00');
    });
    expect(found).toBeGreaterThan(4);
    // The header group 2023年预算数 is one merged cell over the three amount columns.
    expect(sheet.getCell('C3').value).toBe('2023年预算数');
    expect(sheet.getCell('E3').isMerged).toBe(true);
  });

  it('keeps empty tables with their note and forms in 元', () => {
    const empty = book.getWorksheet('10 一般公共预算“三公”经费支出预算表')!;
    const texts: string[] = [];
    empty.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain('注：本表无数据');
    const form = book.worksheets.find((s) => s.name.includes('对外交流与合作洽谈项目经费'))!;
    const amounts: number[] = [];
    form.eachRow((row) =>
      row.eachCell(
        (c) => c.master.address === c.address && typeof c.value === 'number' && amounts.push(c.value),
      ),
    );
    expect(amounts.slice(0, 2)).toEqual([2400000, 600000]);
  });
});

describe('DOCX', () => {
  let xml: string;
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await renderDocx(sample));
    xml = await zip.file('word/document.xml')!.async('string');
  });

  const texts = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);

  it('holds real Word tables, one per table and per form, with repeated header rows', () => {
    expect(xml.match(/<w:tbl>/g)).toHaveLength(13 + sample.performanceForms.length);
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('has the 2010301 row of the 预算支出总表 with its three amounts, right aligned', () => {
    // The title is in the contents first, then above its table.
    const title = '>2023年预算支出总表<';
    const after = xml.slice(xml.indexOf(title, xml.indexOf(title) + 1));
    const table = after.slice(after.indexOf('<w:tbl>'), after.indexOf('</w:tbl>'));
    const rows = [...table.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]);
    const row = rows.find((r) => texts(r)[0] === '2010301')!;
    expect(texts(row)).toEqual(['2010301', '行政运行', '1,361.58', '1,357.12', '4.46']);
    expect(row).toContain('<w:jc w:val="right"/>');
  });

  it('prints the cover, the parts and the glossary as paragraphs', () => {
    const all = texts(xml);
    expect(all.slice(0, 2)).toEqual(['忻州市人民政府办公室', '2023年度单位预算公开']);
    expect(all).toContain('第四部分 名词解释');
    expect(all).toContain('一、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。');
  });
});

describe('DOCX as published', () => {
  let xml: string;
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await renderDocx(sample));
    xml = await zip.file('word/document.xml')!.async('string');
  });

  it('has a real TOC field over parts, tables and items, with page numbers written in', () => {
    expect(xml).toContain('TOC \\h \\o &quot;1-3&quot;');
    const toc = xml.slice(xml.indexOf('TOC \\h'), xml.indexOf('</w:sdtContent>'));
    const entries = [
      ...toc.matchAll(
        /<w:t(?: [^>]*)?>([^<]*)<\/w:t>[\s\S]*?PAGEREF (_Toc\d+)[\s\S]*?<w:t(?: [^>]*)?>(\d+)<\/w:t>/g,
      ),
    ].map((m) => [m[1], Number(m[3])] as const);
    const titles = entries.map(([t]) => t);
    expect(titles).toEqual(
      expect.arrayContaining(['第一部分 概况', '2023年预算收支总表', '十、绩效管理情况']),
    );
    expect(titles).toEqual(planDocument(sample, shanxi).contents.map((e) => e.title));
    const pages = entries.map(([, p]) => p);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect(pages[0]).toBeGreaterThan(2);
  });

  it('centres the cover on its own page, without a page number', () => {
    const cover = xml.slice(0, xml.indexOf('</w:p>', xml.indexOf('</w:sectPr>')));
    expect(cover).toContain('<w:vAlign w:val="center"/>');
    expect(cover).toContain('2023年度单位预算公开');
    expect(cover).not.toContain('<w:footerReference');
  });

  it('gives back the ten performance forms, 填报日期 as the date it prints', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yusuan-docx-')), 'sample.docx');
    writeFileSync(file, await renderDocx(sample));
    const outcome = await parseFile(file);
    if (!('disclosure' in outcome)) throw new Error(outcome.error.message);
    const dated = (d: Disclosure) =>
      comparableData(d).forms.map((f) => ({ ...f, filingDate: filingDateText(f.filingDate) }));
    expect(dated(outcome.disclosure)).toEqual(dated(sample));
    expect(outcome.disclosure.performanceForms.map((f) => f.filingDate)).toContain('2022-11-03');
  });
});

describe.skipIf(chromiumMissing() !== null)('DOCX charts', () => {
  it('draws the charts when rendered through renderDocument without a browser of its own', async () => {
    const zip = await JSZip.loadAsync(await renderDocument(sample, 'docx'));
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/')).length).toBe(4);
  });

  it('embeds both charts as SVG with the PNG fallback Word needs', async () => {
    const bytes = await withBrowser((browser) => renderDocx(sample, { browser }));
    const zip = await JSZip.loadAsync(bytes);
    const media = Object.keys(zip.files)
      .filter((n) => n.startsWith('word/media/'))
      .sort();
    expect(media).toEqual([
      'word/media/image1.png',
      'word/media/image1.svg',
      'word/media/image2.png',
      'word/media/image2.svg',
    ]);
    const png = await zip.file('word/media/image1.png')!.async('uint8array');
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2);
    expect(xml).toContain('一般公共预算当年拨款结构图');
  });
});
