import { describe, expect, it } from 'vitest';
import { Amount } from '../../src/model/money.js';
import { directionOf, phraseChange, phraseShare, readAmount } from '../../src/narrative/vocabulary.js';

const w = (s: string) => Amount.parse(s, '万元')!;

describe('narrative vocabulary', () => {
  it('phrases a decrease as the sample does', () => {
    expect(phraseChange(w('2979.49'), w('3706.24'))).toBe('比上年减少726.75万元，下降19.61%');
  });
  it('phrases an increase and no change', () => {
    expect(phraseChange(w('110.00'), w('100.00'))).toBe('比上年增加10.00万元，增长10.00%');
    expect(phraseChange(w('100.00'), w('100.00'))).toBe('与上年持平');
  });
  it('phrases a share', () => {
    expect(phraseShare(w('2011.93'), w('2979.49'))).toBe('占67.53%');
  });
  it('reads direction words and prose amounts', () => {
    expect(directionOf('下降')).toBe('decrease');
    expect(directionOf('增长')).toBe('increase');
    expect(readAmount('17,192', '万元').toString()).toBe('17192');
    expect(readAmount('1.5', '亿元').toString()).toBe('15000');
  });
});
