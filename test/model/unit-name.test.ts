import { describe, expect, it } from 'vitest';
import { normalizeUnit, sameUnit } from '../../src/model/unit-name.js';

describe('unit names', () => {
  it('normalises party prefixes, 委员会 and qualifiers', () => {
    expect(normalizeUnit('中国共产党江苏省委员会办公厅')).toBe('江苏省委办公厅');
    expect(normalizeUnit('上海市普陀区社会福利院（事业单位）')).toBe('上海市普陀区社会福利院');
  });

  it('takes a caption cut short or abbreviated for the same unit, not a different unit', () => {
    expect(sameUnit('中国共产党江苏省委员会办', '江苏省委办公厅')).toBe(true);
    expect(sameUnit('江苏省人大', '江苏省人大常委会办公厅')).toBe(true);
    expect(sameUnit('江苏省', '江苏省人大常委会办公厅')).toBe(false);
    // A place names no unit: a template's 上海市普陀区XX单位 read without XX abbreviates none of the district's units.
    expect(sameUnit('上海市普陀区', '上海市普陀区财政局')).toBe(false);
    expect(sameUnit('江苏省南京市玄武区孝陵卫街道', '江苏省南京市玄武区孝陵卫街道办事处')).toBe(false);
    expect(sameUnit('江苏省政协办公厅', '江苏省委办公厅')).toBe(false);
    expect(sameUnit('', '江苏省委办公厅')).toBe(false);
  });
});
