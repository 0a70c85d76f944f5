// A tagged template for server-rendered pages: every interpolated value is escaped unless it is already Safe
// markup, so document text (a narrative containing `<script>`) can only ever render as text.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeText = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Markup that has been built by `h` or escaped already. */
export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Trusted markup (produced by our own renderers, which escape document text themselves). */
export const trusted = (markup: string) => new Safe(markup);

type Value = Safe | string | number | null | undefined | false | readonly Value[];

function part(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Safe) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  return escapeText(String(v));
}

export function h(strings: TemplateStringsArray, ...values: Value[]): Safe {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
  return new Safe(out);
}
