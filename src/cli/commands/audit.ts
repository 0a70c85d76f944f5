// `yusuan audit FILE… [--format text|json|html|csv] [--fail-on error|warning|never] [--prior FILE] [--rules]`
import { auditDisclosure, listRules, SEVERITY_POLICY, type Severity } from '../../audit/index.js';
import { parseFile, parseFiles } from '../../parse.js';
import type { FileAudit } from '../../report/index.js';
import { SEVERITY_LABEL } from '../../report/index.js';
import { emit, progress, UsageError, warn } from '../io.js';

export interface AuditCommandOptions {
  format?: string;
  failOn?: string;
  prior?: string;
  rules?: boolean;
  output?: string;
  progress?: boolean;
  /** Checklist: 发布地址 per file, in the order of the files. */
  url?: string[];
  published?: string;
  approved?: string;
  pictures?: boolean;
}

const FORMATS = ['text', 'json', 'html', 'csv', 'checklist'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FAIL_ON = ['error', 'warning', 'never'];

/** Exit code: 2 when a file cannot be read at all, 1 when a finding at or above --fail-on exists, else 0. */
export async function auditCommand(files: string[], opts: AuditCommandOptions): Promise<number> {
  const format = opts.format ?? 'text';
  const failOn = opts.failOn ?? 'error';
  if (!FORMATS.includes(format))
    throw new UsageError(`不支持的输出格式：${format}（可选 text、json、html、csv、checklist）`);
  for (const [flag, value] of [
    ['--published', opts.published],
    ['--approved', opts.approved],
  ] as const)
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value))))
      throw new UsageError(`${flag} 应为日期 YYYY-MM-DD，而不是 ${value}`);
  if (format === 'checklist' && !opts.output && process.stdout.isTTY)
    throw new UsageError('检查表是 XLSX 文件：请用 -o 指定输出文件（如 -o 检查表.xlsx，或 .html）');
  if (!FAIL_ON.includes(failOn))
    throw new UsageError(`--fail-on 只能是 error、warning 或 never，而不是 ${failOn}`);
  if (opts.rules) {
    await emit(opts.output, rulesListing(format));
    return 0;
  }
  if (!files.length) throw new UsageError('请给出要审核的文件（或用 --rules 列出审核规则）');

  let prior;
  if (opts.prior) {
    const outcome = await parseFile(opts.prior);
    if ('error' in outcome) throw new UsageError(`上年度文件无法读取：${outcome.error.message}`);
    prior = outcome.disclosure;
  }

  const bar = progress(files.length, '审核', opts.progress !== false);
  const outcomes = await parseFiles(files, { onFile: (f) => bar.tick(f) });
  bar.stop();
  const reports: FileAudit[] = [];
  let unreadable = false;
  for (const o of outcomes) {
    if ('error' in o) {
      unreadable = true;
      warn(`错误：${o.error.message}`);
      reports.push({ file: o.file, error: o.error.reason });
      continue;
    }
    const partial = o.disclosure.importNotes.find((n) => n.level === 'error');
    if (partial) warn(`注意：${o.file}：${partial.message}，只审核读到的部分`);
    const { findings, summary } = auditDisclosure(o.disclosure, { prior });
    reports.push({ file: o.file, document: o.disclosure, findings, summary });
  }
  if (format === 'checklist') {
    const { writeChecklists } = await import('../../report/checklist-write.js');
    await emit(opts.output, await writeChecklists(reports, opts, warn));
  } else await emit(opts.output, await render(format, reports, !opts.output && !!process.stdout.isTTY, opts));
  if (unreadable) return 2;
  const threshold: Severity[] =
    failOn === 'error' ? ['error'] : failOn === 'warning' ? ['error', 'warning'] : [];
  const failing = reports.some((r) => r.findings?.some((f) => threshold.includes(f.severity)));
  return failing ? 1 : 0;
}

async function render(
  format: string,
  reports: FileAudit[],
  colour: boolean,
  opts: AuditCommandOptions,
): Promise<string> {
  switch (format) {
    case 'json': {
      const { checklistOptionsOf } = await import('../../report/checklist-write.js');
      return (await import('../../report/index.js')).jsonReport(reports, (i) => checklistOptionsOf(opts, i));
    }
    case 'csv':
      return (await import('../../report/csv.js')).csvReport(reports);
    case 'html':
      return (await import('../../report/html.js')).htmlReport(reports);
    default:
      return (await import('../../report/text.js')).textReport(reports, { colour });
  }
}

function rulesListing(format: string): string {
  const rules = listRules();
  if (format === 'json') return JSON.stringify({ policy: SEVERITY_POLICY, rules }, null, 2) + '\n';
  if (format === 'csv') {
    const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return (
      [
        'id,category,severity,title,basis',
        ...rules.map((r) => [r.id, r.category, r.severity, r.title, r.basis].map(q).join(',')),
      ].join('\n') + '\n'
    );
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  const policy = (['error', 'warning', 'info'] as const).map((k) => `  ${SEVERITY_POLICY[k]}`).join('\n');
  return (
    `严重程度：\n${policy}\n\n` +
    rules
      .map(
        (r) =>
          `${r.id.padEnd(width)}  ${SEVERITY_LABEL[r.severity]}  ${r.title}\n${' '.repeat(width + 2)}依据：${r.basis}`,
      )
      .join('\n') +
    `\n共 ${rules.length} 条规则\n`
  );
}
