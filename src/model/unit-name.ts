// Names of budget units as printed: the same unit appears with or without its party prefix, with 委员会 shortened
// to 委, with a parenthesised qualifier, or abbreviated on a table caption (江苏省人大 for 江苏省人大常委会办公厅).

/** The name reduced to what identifies the unit (中国共产党江苏省委员会办公厅 = 中共江苏省委办公厅 = 江苏省委办公厅). */
export function normalizeUnit(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^(中国共产党|中共)/, '')
    .replace(/委员会/g, '委')
    .replace(/（[^）]*）|\([^)]*\)/g, '');
}

/** An administrative division, and only that (上海市普陀区, 江苏省, 某某县某某镇): a place, which names no unit. */
const PLACE_ONLY =
  /^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|特别行政区|市|自治州|地区|州|盟|区|县|自治县|旗|镇|乡|街道))+$/u;

/** True when a printed name is only a place (a template's 上海市普陀区XX单位 read without its XX). */
export function isPlaceOnly(name: string): boolean {
  return PLACE_ONLY.test(normalizeUnit(name));
}

/**
 * True when two printed names denote the same unit: equal once normalised, or one the other's beginning (a caption
 * cut short or abbreviated) of at least four characters. A shorter name that is only a place (上海市普陀区) is the
 * beginning of every unit of that place and abbreviates none of them.
 */
export function sameUnit(a: string, b: string): boolean {
  const x = normalizeUnit(a);
  const y = normalizeUnit(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.startsWith(short) && !PLACE_ONLY.test(short);
}
