import { describe, expect, it } from 'vitest';
import { normalizeGlyphs } from '../../src/read/pdf/glyphs.js';

describe('radical code points in PDF text', () => {
  it('maps Kangxi radicals and radical-supplement forms back to ideographs', () => {
    // What pdfjs returns for "忻州市人民政府办公室" and "预算支出总表" in a Chromium-made PDF.
    expect(normalizeGlyphs('忻州市\u2f08\u2ea0政府办公室')).toBe('忻州市人民政府办公室');
    expect(normalizeGlyphs('预算\u2f40出总表')).toBe('预算支出总表');
    // ⼾ stands for the simplified 户 in Chromium's PDFs (NFKC would give the traditional 戶).
    expect(normalizeGlyphs('财政专\u2f3e管理资金')).toBe('财政专户管理资金');
    expect(normalizeGlyphs('\u2ed4\u2eda')).toBe('门页');
    // 公务用车 as Chromium prints it in a 三公 table
    expect(normalizeGlyphs('公务用\u2ecb购置费')).toBe('公务用车购置费');
  });
  it('leaves full-width punctuation and ordinary text alone', () => {
    expect(normalizeGlyphs('政府办公厅（室）及相关机构事务，１')).toBe('政府办公厅（室）及相关机构事务，１');
  });
});
