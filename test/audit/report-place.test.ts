import { describe, expect, it } from 'vitest';
import { placeOrder, placeText } from '../../src/report/place.js';

describe('where a finding is, in the reports', () => {
  it('names the page and the line within it for paged sources, the line for plain text', () => {
    expect(placeText({ page: 9, line: 17 })).toBe('第9页第17行');
    expect(placeText({ page: 405, line: 405 })).toBe('第405行');
    expect(placeText({ page: 12 })).toBe('第12页');
    expect(placeText({})).toBe('');
  });

  it('orders findings by page, then line', () => {
    const places = [
      { page: 14, line: 2 },
      { page: 9, line: 30 },
      { page: 9, line: 17 },
    ];
    expect([...places].sort((a, b) => placeOrder(a) - placeOrder(b))).toEqual([
      { page: 9, line: 17 },
      { page: 9, line: 30 },
      { page: 14, line: 2 },
    ]);
  });
});
