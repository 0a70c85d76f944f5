// The reviewer items of two corpus documents that the audit found only with these rules: 本单位 in a 部门预算, the
// template's "（增加内容）", the code printed "7 11 02", and covers that agree with their tables (no false alarm).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDisclosure, type Finding } from '../../src/audit/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { parseFiles } from '../../src/parse.js';
import { sharedRoot } from '../../src/paths.js';

const FULI = '上海_普陀区社会福利院_2024_单位预算.pdf';
const CAIZHENG = '上海_普陀区财政局_2025_部门预算.pdf';
const RULES = new Set(['text.wording', 'text.editorial', 'codes.format', 'completeness.cover']);

const docs = new Map<string, Disclosure>();
beforeAll(async () => {
  for (const o of await parseFiles([FULI, CAIZHENG].map((f) => join(sharedRoot, 'corpus', f))))
    if ('disclosure' in o) docs.set(o.file.split('/').pop()!, o.disclosure);
}, 120_000);

function found(file: string): Pick<Finding, 'rule' | 'severity' | 'page' | 'message'>[] {
  return auditDisclosure(docs.get(file)!)
    .findings.filter((f) => RULES.has(f.rule))
    .map(({ rule, severity, page, message }) => ({ rule, severity, page, message }));
}

describe('reviewer items on the corpus', () => {
  it('普陀区社会福利院 2024: the code 71102 in both tables, （增加内容） on p.16, the cover agrees', () => {
    expect(found(FULI)).toEqual([
      {
        rule: 'codes.format',
        severity: 'warning',
        page: 9,
        message: '预算单位支出预算总表“事业单位医疗”的科目编码71102与所属类210不一致，应为2101102',
      },
      {
        rule: 'codes.format',
        severity: 'warning',
        page: 11,
        message:
          '预算单位一般公共预算支出功能分类预算表“事业单位医疗”的科目编码71102与所属类210不一致，应为2101102',
      },
      {
        rule: 'text.editorial',
        severity: 'warning',
        page: 16,
        message: '标题中残留模板的编辑提示“（增加内容）”，应删除',
      },
    ]);
  });

  it('普陀区财政局 2025 部门预算: 本单位 in the 政府采购 and 绩效目标 paragraphs (p.22), the cover agrees', () => {
    const message = '这是部门预算，文中却用了“本单位”，描述部门整体应为“本部门”';
    expect(found(CAIZHENG)).toEqual([
      { rule: 'text.wording', severity: 'warning', page: 22, message },
      { rule: 'text.wording', severity: 'warning', page: 22, message },
    ]);
  });
});
