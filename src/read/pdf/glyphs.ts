// Some PDF producers (Chromium among them) map ideographs to the code points of their radical forms:
// pdfjs then returns ⼈ (U+2F08 KANGXI RADICAL MAN) for 人 and ⺠ (U+2EA0) for 民. Titles and names must compare
// with the real characters, so extracted text is mapped back. Only these two blocks are touched: NFKC on the whole
// text would also turn full-width punctuation （，） into ASCII, which the documents print on purpose.

/** CJK Radicals Supplement forms that stand for a whole simplified character (no NFKC mapping for most). */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};

/**
 * Kangxi radicals whose compatibility mapping is the traditional form, while the simplified fonts draw (and
 * Chromium maps) the simplified character with them: ⼾ (U+2F3E) is printed for 户, NFKC would give 戶.
 */
const KANGXI_SIMPLIFIED: Record<string, string> = {
  '\u2f3e': '户',
};

const RADICALS = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** Replaces radical code points with the ideographs they stand for. */
export function normalizeGlyphs(text: string): string {
  if (!RADICALS.test(text)) return text;
  RADICALS.lastIndex = 0;
  return text.replace(RADICALS, (c) => {
    // Kangxi radicals (U+2F00–U+2FD5) all have a compatibility mapping to the unified ideograph.
    if (c >= '\u2f00') return KANGXI_SIMPLIFIED[c] ?? c.normalize('NFKC');
    return RADICAL_SUPPLEMENT[c] ?? c;
  });
}
