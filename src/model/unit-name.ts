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

/**
 * True when two printed names denote the same unit: equal once normalised, or one the other's beginning (a caption
 * cut short or abbreviated) of at least four characters.
 */
export function sameUnit(a: string, b: string): boolean {
  const x = normalizeUnit(a);
  const y = normalizeUnit(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.startsWith(short);
}
