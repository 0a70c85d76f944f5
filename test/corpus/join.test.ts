// A department that publishes its text and its tables as two PDFs: parsing both gives one document.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFiles } from '../../src/parse.js';
import { normalizeUnit } from '../../src/recognize/join.js';
import { sharedRoot } from '../../src/paths.js';

const corpus = (name: string) => join(sharedRoot, 'corpus', name);

describe('joining 文字 and 报表 volumes', () => {
  it('pairs four volumes of two years by unit and year, whatever the order of the files', async () => {
    const files = [
      '江苏_省委办公厅_2018_部门预算_报表.pdf',
      '江苏_省委办公厅_2017_部门预算_文字.pdf',
      '江苏_省委办公厅_2017_部门预算_报表.pdf',
      '江苏_省委办公厅_2018_部门预算_文字.pdf',
      '江苏_省人民检察院_2017_部门预算.pdf',
    ].map(corpus);
    const outs = await parseFiles(files);
    expect(outs).toHaveLength(3);
    const byYear = new Map(
      outs.flatMap((o) =>
        'disclosure' in o ? [[`${o.disclosure.metadata.unit}/${o.disclosure.metadata.year}`, o]] : [],
      ),
    );
    const y2017 = byYear.get('江苏省委办公厅/2017')!;
    expect(y2017.files).toEqual([files[1], files[2]]);
    const y2018 = byYear.get('江苏省委办公厅/2018')!;
    expect(y2018.files).toEqual([files[3], files[0]]);
    expect(byYear.get('江苏省人民检察院/2017')!.files).toEqual([files[4]]);
    if (!('disclosure' in y2018)) throw new Error('not parsed');
    const d = y2018.disclosure;
    expect(d.metadata.family).toBe('jiangsu');
    expect(d.metadata.kind).toBe('department_budget');
    expect(d.metadata.sources.map((s) => s.pages)).toEqual([13, 15]);
    expect(d.tables.map((t) => t.kind)).toContain('procurement');
    expect(d.sections.length).toBeGreaterThan(5);
    expect(d.importNotes.some((n) => n.code === 'joined_volumes')).toBe(true);
    expect(d.importNotes.some((n) => n.code === 'missing_table' && /summary$/.test(n.message))).toBe(false);
  });

  it('joins the 政协 volumes although the 2018 text volume prints its unit only on the cover', async () => {
    const outs = await parseFiles([
      corpus('江苏_省政协办公厅_2018_部门预算_文字.pdf'),
      corpus('江苏_省政协办公厅_2018_部门预算_报表.pdf'),
    ]);
    expect(outs).toHaveLength(1);
    if (!('disclosure' in outs[0])) throw new Error('not parsed');
    expect(outs[0].disclosure.metadata.unit).toBe('江苏省政协办公厅');
    expect(outs[0].disclosure.metadata.year).toBe(2018);
  });

  it('leaves volumes of different units apart', async () => {
    const outs = await parseFiles([
      corpus('江苏_省政协办公厅_2017_部门预算_文字.pdf'),
      corpus('江苏_省委办公厅_2017_部门预算_报表.pdf'),
    ]);
    expect(outs).toHaveLength(2);
  });

  it('reads party prefixes and abbreviations of a unit name as the same unit', () => {
    expect(normalizeUnit('中国共产党江苏省委员会办公厅')).toBe('江苏省委办公厅');
    expect(normalizeUnit('中共江苏省委办公厅')).toBe('江苏省委办公厅');
  });
});
