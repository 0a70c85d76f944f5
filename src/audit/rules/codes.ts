// Classification codes: (code, name) pairs against the catalog, and one name per code within a document.
import { catalog, RETIRED_NAMES, type CatalogName } from '../../catalog/index.js';
import type { Table } from '../../model/schema.js';
import { at, codedRows, fitsHierarchy, looseName, tableLabel } from '../tables.js';
import type { Rule } from '../types.js';

const ECONOMIC_KINDS = new Set(['general_basic_economic', 'fiscal_basic']);

function catalogFor(table: Table, code: string): CatalogName | null {
  if (ECONOMIC_KINDS.has(table.kind)) return code.startsWith('5') ? 'gov_bgt_eco' : 'dep_bgt_eco';
  if (/^2\d\d/.test(code)) return 'exp_func';
  return null;
}

export const codesCatalog: Rule = {
  meta: {
    id: 'codes.catalog',
    category: 'codes',
    severity: 'info',
    title: '科目编码与名称对照目录',
    basis: '《政府收支分类科目》：按文件年度的版本核对（编码, 名称）；目录不全，未收录的编码仅作提示',
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const table of ctx.doc.tables) {
      for (const row of table.rows) {
        if (!row.code || seen.has(row.code + row.name)) continue;
        seen.add(row.code + row.name);
        const which = catalogFor(table, row.code);
        if (!which) continue;
        const entries = catalog(which).get(row.code);
        if (!entries) {
          ctx.report({
            ...at(table, row),
            message: `科目编码${row.code}“${row.name}”不在随附目录中（目录不全，仅供参考）`,
          });
          continue;
        }
        const name = looseName(row.name);
        if (entries.some((e) => looseName(e.name) === name)) continue;
        // Retired names are reported by text.outdated-name.
        if (RETIRED_NAMES.some((r) => r.code === row.code && looseName(r.name) === name)) continue;
        ctx.report({
          ...at(table, row),
          message: `科目编码${row.code}在目录中名为“${entries.map((e) => e.name).join('／')}”，${tableLabel(table)}印为“${row.name}”`,
          expected: entries[0].name,
          actual: row.name,
        });
      }
    }
  },
};

export const codesConsistent: Rule = {
  meta: {
    id: 'codes.consistent-name',
    category: 'codes',
    severity: 'error',
    title: '同一科目编码在文件中只有一个名称',
    basis: '同一年度同一编码的科目名称唯一；同一文件中一码两名必有一处错误',
  },
  check(ctx) {
    const names = new Map<string, { name: string; table: Table }>();
    for (const table of ctx.doc.tables) {
      const family = ECONOMIC_KINDS.has(table.kind) ? 'eco' : 'func';
      for (const row of table.rows) {
        if (!row.code || !row.name.trim()) continue;
        const key = `${family}:${row.code}`;
        const first = names.get(key);
        if (!first) {
          names.set(key, { name: row.name, table });
          continue;
        }
        if (looseName(first.name) !== looseName(row.name))
          ctx.report({
            ...at(table, row),
            message: `科目编码${row.code}在${tableLabel(first.table)}中名为“${first.name}”，在${tableLabel(table)}中名为“${row.name}”`,
            expected: first.name,
            actual: row.name,
          });
      }
    }
  },
};

export const codesFormat: Rule = {
  meta: {
    id: 'codes.format',
    category: 'codes',
    severity: 'warning',
    title: '科目编码完整：类3位、款5位、项7位，且与上级科目相符',
    basis: '《政府收支分类科目》的编码规则；印刷不全的编码（如“301 2”、类栏印“7”）使读者无法对应科目',
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      const coded = codedRows(table);
      for (const [code, row] of coded) {
        if (fitsHierarchy(code, coded)) continue;
        ctx.report({
          ...at(table, row),
          message: `${tableLabel(table)}“${row.name}”的科目编码印为${code}，${code.length === 5 || code.length === 7 ? '与表中上级科目编码不相符' : '位数不符合类3位、款5位、项7位'}`,
          actual: code,
        });
      }
    }
  },
};

export const CODE_RULES: Rule[] = [codesCatalog, codesConsistent, codesFormat];
