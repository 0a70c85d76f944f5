// `yusuan audit`: formats, exit codes (INTERFACES.md) and unreadable files among readable ones.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditCommand } from '../../src/cli/commands/audit.js';
import { bundledSamplePath } from '../../src/paths.js';

const sample = bundledSamplePath();
let dir: string;
let stderr: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yusuan-audit-'));
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr.push(String(s));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('yusuan audit', () => {
  it('exits 0 on the sample with the default --fail-on error, 1 with --fail-on warning', async () => {
    const out = join(dir, 'a.txt');
    expect(await auditCommand([sample], { format: 'text', output: out })).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('错误 0  警告 12  提示 15');
    expect(text).toContain('【表：2023年项目支出预算表（本年预算）】');
    expect(text).not.toContain('\x1b[');
    expect(await auditCommand([sample], { failOn: 'warning', output: out })).toBe(1);
    expect(await auditCommand([sample], { failOn: 'never', output: out })).toBe(0);
  });

  it('exits 2 when a file cannot be read, still auditing the others (JSON)', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const out = join(dir, 'a.json');
    expect(await auditCommand([empty, sample], { format: 'json', output: out })).toBe(2);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.files).toHaveLength(2);
    expect(json.files[0].file).toBe(empty);
    expect(typeof json.files[0].error).toBe('string');
    expect(json.files[1].summary).toEqual({ error: 0, warning: 12, info: 15 });
    expect(stderr.join('')).toContain(empty);
  });

  it('writes one CSV row per finding', async () => {
    const out = join(dir, 'a.csv');
    await auditCommand([sample], { format: 'csv', output: out });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'file,rule,severity,table,section,row_code,row_name,column,expected,actual,page,line,message,excerpt',
    );
    expect(lines).toHaveLength(1 + 27);
    expect(lines.some((l) => l.includes('performance.form-per-project,warning,projects'))).toBe(true);
  });

  it('writes a self-contained HTML report with every finding linked to its cell or sentence', async () => {
    const out = join(dir, 'a.html');
    await auditCommand([sample], { format: 'html', output: out });
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<link|src=|https?:/);
    for (let i = 1; i <= 27; i++) expect(html).toContain(`id="l${i}"`);
    // The missing form points at the project's cell; the 部门 wording at its sentence.
    expect(html).toMatch(
      /<td id="f\d+" class="warning n" title="警告：项目“驻村帮扶干部补助经费”[^>]*>18\.20</,
    );
    expect(html).toMatch(
      /<mark id="f\d+" class="warning" title="警告：这是单位预算[^>]*>2023年忻州市人民政府办公室部门各单位政府采购预算总额/,
    );
    // Findings the document has no place for (the importer's remarks) are listed apart.
    expect(html.match(/id="u\d+"/g)).toHaveLength(2);
  });

  it('checks the changes the explanation states against --prior', async () => {
    // A "prior year" that is the sample itself relabelled 2022: every stated change then contradicts it.
    const prior = join(dir, 'prior.txt');
    writeFileSync(prior, readFileSync(sample, 'utf8').replace(/2023/g, '2022'));
    const out = join(dir, 'p.json');
    expect(await auditCommand([sample], { format: 'json', prior, output: out })).toBe(1);
    const findings = JSON.parse(readFileSync(out, 'utf8')).files[0].findings;
    const prior_ = findings.filter((f: { rule: string }) => f.rule === 'prior.change');
    expect(prior_.length).toBeGreaterThan(0);
    expect(prior_[0]).toMatchObject({
      severity: 'error',
      section: '一、单位预算收支数据变动情况及原因',
      expected: '2979.49',
      actual: '3706.24',
    });
  });

  it('lists the rules', async () => {
    const out = join(dir, 'rules.txt');
    expect(await auditCommand([], { rules: true, output: out })).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('table.row-sum');
    expect(text).toMatch(/共 \d+ 条规则/);
    // The severity policy is stated once, before the rules.
    expect(text.startsWith('严重程度：\n  错误：文件确有错误，差异超出四舍五入范围')).toBe(true);
    expect(text).toContain('  提示：无法核对');
    const json = join(dir, 'rules.json');
    await auditCommand([], { rules: true, format: 'json', output: json });
    const listed = JSON.parse(readFileSync(json, 'utf8')) as {
      policy: Record<string, string>;
      rules: unknown[];
    };
    expect(Object.keys(listed.policy)).toEqual(['error', 'warning', 'info']);
    expect(listed.rules.length).toBeGreaterThan(50);
  });

  it('refuses an unknown format or threshold', async () => {
    await expect(auditCommand([sample], { format: 'xml' })).rejects.toThrow('不支持的输出格式');
    await expect(auditCommand([sample], { failOn: 'info' })).rejects.toThrow('--fail-on');
  });
});
