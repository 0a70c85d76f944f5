// The optional OCR path: tesseract's TSV words become runs in PDF points, with amounts split by the OCR joined.
import { describe, expect, it } from 'vitest';
import { runsFromTsv } from '../../src/read/ocr.js';

const HEADER =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (left: number, top: number, width: number, text: string, conf = 90) =>
  `5\t1\t1\t1\t1\t1\t${left}\t${top}\t${width}\t50\t${conf}\t${text}`;

describe('tesseract TSV → runs', () => {
  it('converts 300 dpi pixels to points and keeps only words', () => {
    const tsv = [HEADER, '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t', word(300, 600, 200, '行政运行')].join(
      '\n',
    );
    const runs = runsFromTsv(tsv);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toEqual({ text: '行政运行', x0: 72, x1: 120, baseline: 156, size: 12 });
  });

  it('joins the pieces of an amount and restores a missing decimal point', () => {
    const tsv = [
      HEADER,
      word(1000, 600, 60, '82,'),
      word(1065, 600, 150, '096,，797'),
      word(1240, 600, 40, '42'),
      word(1600, 600, 200, '15,686,797.42'),
      word(1000, 800, 100, '-1', -1),
    ].join('\n');
    expect(runsFromTsv(tsv).map((r) => r.text)).toEqual(['82,096,797.42', '15,686,797.42']);
  });
});
