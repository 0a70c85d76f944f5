// Text report: Chinese, grouped by table and section, coloured only on a terminal.
import { placeOrder, placeText } from './place.js';
import type { Finding, Severity } from '../audit/index.js';
import { groupOf, KIND_LABEL, SEVERITY_LABEL, type FileAudit } from './index.js';

const COLOUR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';

export function textReport(files: readonly FileAudit[], options: { colour?: boolean } = {}): string {
  const c = (code: string, s: string) => (options.colour ? `${code}${s}${RESET}` : s);
  const out: string[] = [];
  for (const f of files) {
    if (f.error !== undefined || !f.document) {
      out.push(c(BOLD, `文件：${f.file}`), `  ${c(COLOUR.error, '无法读取')}：${f.error ?? ''}`, '');
      continue;
    }
    const m = f.document.metadata;
    const s = f.summary ?? { error: 0, warning: 0, info: 0 };
    out.push(c(BOLD, `文件：${f.file}（${m.unit} ${m.year}年 ${KIND_LABEL[m.kind] ?? m.kind}）`));
    out.push(
      `  ${c(COLOUR.error, `错误 ${s.error}`)}  ${c(COLOUR.warning, `警告 ${s.warning}`)}  ${c(COLOUR.info, `提示 ${s.info}`)}`,
    );
    const groups = new Map<string, Finding[]>();
    for (const finding of f.findings ?? []) {
      const g = groupOf(finding, f.document);
      const list = groups.get(g) ?? [];
      list.push(finding);
      groups.set(g, list);
    }
    // Groups in document order (by the first line they point at).
    const firstLine = (l: Finding[]) => Math.min(...l.map(placeOrder));
    for (const [group, list] of [...groups].sort((a, b) => firstLine(a[1]) - firstLine(b[1]))) {
      out.push('', `  ${c(BOLD, `【${group}】`)}`);
      for (const x of list) {
        const where = [x.row_code, x.row_name && x.row_name !== x.row_code ? x.row_name : undefined, x.column]
          .filter(Boolean)
          .join(' / ');
        const pos = placeText(x);
        out.push(
          `    ${c(COLOUR[x.severity], SEVERITY_LABEL[x.severity])} ${x.message}${where ? `〔${where}〕` : ''}${pos ? `（${pos}）` : ''} [${x.rule}]`,
        );
      }
    }
    out.push('');
  }
  return out.join('\n') + '\n';
}
