// The classification catalogs bundled under data/catalogs (partial: a missing code is never an error).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

export interface CatalogEntry {
  code: string;
  name: string;
  level: number;
  parent: string | null;
  /** Fiscal years observed ("2024|2025") or "seed-…" for rows from knowledge. */
  edition: string;
}

export type CatalogName = 'exp_func' | 'dep_bgt_eco' | 'gov_bgt_eco';

const cache = new Map<CatalogName, Map<string, CatalogEntry[]>>();

/** Entries by code (several when the name changed between editions). */
export function catalog(name: CatalogName): Map<string, CatalogEntry[]> {
  let map = cache.get(name);
  if (map) return map;
  map = new Map();
  const text = readFileSync(join(packageRoot, 'data', 'catalogs', `${name}.csv`), 'utf8');
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim());
  const cols = header.split(',');
  for (const line of lines) {
    const cells = line.split(',');
    const get = (c: string) => cells[cols.indexOf(c)]?.trim() ?? '';
    const entry: CatalogEntry = {
      code: get('code'),
      name: get('name'),
      level: Number(get('level')),
      parent: get('parent_code') || null,
      edition: get('edition'),
    };
    const list = map.get(entry.code) ?? [];
    list.push(entry);
    map.set(entry.code, list);
  }
  cache.set(name, map);
  return map;
}

/**
 * Names that an edition retired, with the last fiscal year they were valid and their successor
 * (DOMAIN.md §5, catalogs README: 2019 and 2021 editions).
 */
export const RETIRED_NAMES: { code: string; name: string; lastYear: number; successor: string }[] = [
  { code: '210', name: '医疗卫生与计划生育支出', lastYear: 2018, successor: '卫生健康支出' },
  { code: '220', name: '国土海洋气象等支出', lastYear: 2018, successor: '自然资源海洋气象等支出' },
  { code: '21305', name: '扶贫', lastYear: 2020, successor: '巩固脱贫攻坚成果衔接乡村振兴' },
];
