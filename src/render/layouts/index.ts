// The layouts yusuan can render, by family. A family without its own layout is rendered in the Shanxi one.
import type { Family } from '../../model/schema.js';
import { shanghai } from './shanghai.js';
import { shanxi } from './shanxi.js';
import type { Layout } from './types.js';

export type { Layout, TableTemplate } from './types.js';

const layouts: Partial<Record<Family, Layout>> = { shanxi, shanghai, shanghai_final: shanghai };

/** Names accepted by `--layout`. */
export const LAYOUT_NAMES = ['shanxi', 'shanghai'] as const;

export function layoutFor(family: Family | string): Layout {
  return layouts[family as Family] ?? shanxi;
}

export function isLayoutName(name: string): boolean {
  return (LAYOUT_NAMES as readonly string[]).includes(name);
}
