import { describe, expect, it } from 'vitest';
import {
  Amount,
  checkSum,
  Decimal,
  formatDecimal,
  parseNumber,
  percentAgrees,
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
