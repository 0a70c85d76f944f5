import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Amount,
  checkSum,
  Decimal,
  isNumeric,
  formatDecimal,
  parseNumber,
  percentAgrees,
  sumAgrees,
} from '../../src/model/money.js';

describe('parseNumber', () => {
  it('reads printed amounts with separators, full-width digits, dashes and parentheses', () => {
    expect(parseNumber('2,979.49')).toEqual({ value: '2979.49', scale: 2 });
    expect(parseNumber('14,348,853.34')).toEqual({ value: '14348853.34', scale: 2 });
    expect(parseNumber('１，３６１．５８')).toEqual({ value: '1361.58', scale: 2 });
    expect(parseNumber('600,000')).toEqual({ value: '600000', scale: 0 });
    expect(parseNumber('（12.50）')).toEqual({ value: '-12.50', scale: 2 });
    expect(parseNumber('-4.46')).toEqual({ value: '-4.46', scale: 2 });
    expect(parseNumber('0.00')).toEqual({ value: '0.00', scale: 2 });
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('—')).toBeNull();
    expect(parseNumber('-')).toBeNull();
    expect(parseNumber('行政运行')).toBeUndefined();
    expect(parseNumber('1,36.5')).toBeUndefined();
  });
});

describe('Amount', () => {
  it('converts between 元 and 万元 exactly, carrying the printed precision', () => {
    const a = Amount.parse('1,361.58', '万元')!;
    expect(a.to('元').toString()).toBe('13615800');
    const b = Amount.parse('171,915,169', '元')!;
    expect(b.to('万元').toString()).toBe('17191.5169');
    expect(b.to('万元').round(0).toString()).toBe('17192');
  });

  it('never uses binary floats: 0.1 + 0.2 is 0.3', () => {
    expect(Amount.of('0.1', '元').plus(Amount.of('0.2', '元')).toString()).toBe('0.3');
  });

  it('formats with thousands separators', () => {
    expect(formatDecimal(new Decimal('2979.49'), 2)).toBe('2,979.49');
    expect(formatDecimal(new Decimal('-1234567.005'), 2)).toBe('-1,234,567.01');
  });
});

describe('rounding tolerance from printed precision', () => {
  const w = (s: string) => Amount.parse(s, '万元')!;
  it('accepts the sample 商品和服务支出 296.73 against items adding to 296.75 as rounding', () => {
    const items = [
      '100.75',
      '10.00',
      '5.00',
      '10.00',
      '10.00',
      '4.00',
      '5.00',
      '15.00',
      '10.00',
      '8.41',
      '2.80',
      '24.52',
      '8.16',
      '77.27',
      '5.84',
    ].map(w);
    const r = checkSum(w('296.73'), items);
    expect(r.expected.toString()).toBe('296.75');
    expect(r.agreement).toBe('rounding');
  });
  it('rejects a difference larger than rounding allows', () => {
    expect(checkSum(w('300.00'), [w('100.00'), w('199.00')]).agreement).toBe('mismatch');
    expect(checkSum(w('299.00'), [w('100.00'), w('199.00')]).agreement).toBe('exact');
  });
  it('derives the tolerance of whole-万元 narrative figures from their precision', () => {
    expect(w('17192').roundingTolerance().toString()).toBe('0.5');
    expect(w('1.5').roundingTolerance().toString()).toBe('0.05');
  });
  it('checks a printed percentage against the ratio of printed amounts', () => {
    expect(percentAgrees(new Decimal('67.53'), 2, w('2011.93'), w('2979.49')).agrees).toBe(true);
    expect(percentAgrees(new Decimal('67.58'), 2, w('2011.93'), w('2979.49')).agrees).toBe(false);
  });
});

describe('sumAgrees (integer identities)', () => {
  const agrees = (total: string, parts: string[]) =>
    checkSum(
      Amount.of(total, '万元'),
      parts.map((p) => Amount.of(p, '万元')),
    ).agreement !== 'mismatch';

  it('answers as checkSum: exact, within rounding, beyond it', () => {
    expect(sumAgrees('299.00', ['100.00', '199.00'])).toBe(true);
    expect(sumAgrees('296.73', ['288.41', '8.33'])).toBe(true);
    expect(sumAgrees('12.50', ['6.22', '6.35'])).toBe(false);
    expect(sumAgrees('-4.46', ['-4.00', '-0.46'])).toBe(true);
    expect(sumAgrees('-4.46', ['-4.00', '0.46'])).toBe(false);
    // as Amount.of reads decimal text, trailing zeros are not printed precision: "300.00" may be off by 0.5
    expect(sumAgrees('300.00', ['100.00', '199.00'])).toBe(true);
    expect(sumAgrees('300.00', ['100.00', '198.00'])).toBe(false);
    for (const [t, p] of [
      ['300.00', ['100.00', '199.00']],
      ['12.50', ['6.20', '6.36']],
      ['0', ['-0.00', '0.6']],
    ] as const)
      expect(sumAgrees(t, [...p])).toBe(agrees(t, [...p]));
  });

  it('stays exact past 2^53 (bigint) and for text of another shape (checkSum)', () => {
    expect(sumAgrees('90071992547409.93', ['90071992547409.92', '0.01'])).toBe(true);
    expect(sumAgrees('90071992547409.93', ['90071992547409.92', '0.05'])).toBe(false);
    expect(sumAgrees('12345678901234567890', ['12345678901234567889', '1'])).toBe(true);
    expect(sumAgrees('12345678901234567890', ['12345678901234567887', '1'])).toBe(false);
    expect(sumAgrees('1e3', ['999', '1'])).toBe(true);
    expect(sumAgrees('1e3', ['997', '1'])).toBe(false);
  });

  it('agrees with checkSum on random printed amounts', () => {
    const digits = fc.stringMatching(/^(0|[1-9]\d{0,15})$/);
    const decimal = fc
      .tuple(fc.boolean(), digits, fc.stringMatching(/^(\d{0,4})$/))
      .map(([neg, int, dec]) => `${neg ? '-' : ''}${int}${dec ? `.${dec}` : ''}`);
    fc.assert(
      fc.property(decimal, fc.array(decimal, { minLength: 1, maxLength: 12 }), (total, parts) => {
        expect(sumAgrees(total, parts)).toBe(agrees(total, parts));
      }),
      { numRuns: 2000 },
    );
    // a total built to sit at the edge of the tolerance
    fc.assert(
      fc.property(
        fc.array(decimal, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: -3, max: 3 }),
        (parts, k) => {
          const exact = parts.reduce((a, p) => a.plus(p), new Decimal(0));
          const total = exact.plus(new Decimal(k).div(200)).toFixed(3);
          expect(sumAgrees(total, parts)).toBe(agrees(total, parts));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('isNumeric', () => {
  it('tells printed numbers from dashes and words without building a decimal', () => {
    for (const t of ['2,979.49', '（12.50）', '-4.46', '.5', '１，３６１．５８', '0'])
      expect([t, isNumeric(t)]).toEqual([t, true]);
    for (const t of ['', '—', '-', '行政运行', '1,36.5', '12.5万'])
      expect([t, isNumeric(t)]).toEqual([t, false]);
  });
});
