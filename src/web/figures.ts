// Key figures of a disclosure (the facts a reader compares across years and units), in 元 as exact decimals.
import { computeFacts } from '../audit/facts.js';
import type { Disclosure } from '../model/schema.js';

export interface FigureDef {
  id: string;
  label: string;
  /** Facts tried in order: the first one the document prints is the figure. */
  facts: string[];
}

export const KEY_FIGURES: readonly FigureDef[] = [
  { id: 'income_total', label: '收入总计', facts: ['income.grand_total', 'income.year_total'] },
  {
    id: 'expenditure_total',
    label: '支出总计',
    facts: ['expenditure.grand_total', 'expenditure.year_total'],
  },
  { id: 'general_total', label: '一般公共预算当年拨款', facts: ['general.total'] },
  { id: 'basic', label: '基本支出', facts: ['expenditure.basic', 'general.basic', 'economic.total'] },
  { id: 'project', label: '项目支出', facts: ['expenditure.project', 'general.project', 'projects.total'] },
  { id: 'personnel', label: '人员经费', facts: ['economic.personnel'] },
  { id: 'public', label: '公用经费', facts: ['economic.public'] },
  { id: 'three_public', label: '“三公”经费', facts: ['three_public.total'] },
  { id: 'abroad', label: '因公出国（境）费', facts: ['three_public.abroad'] },
  { id: 'vehicles', label: '公务用车购置及运行费', facts: ['three_public.vehicles'] },
  { id: 'reception', label: '公务接待费', facts: ['three_public.reception'] },
  { id: 'operating_costs', label: '机关运行经费', facts: ['operating_costs.total'] },
];

export const FIGURE_BY_ID = new Map(KEY_FIGURES.map((f) => [f.id, f]));

/** Figure id → amount in 元 (plain decimal text); a figure the document does not print is absent. */
export function keyFigures(doc: Disclosure): Record<string, string> {
  let facts;
  try {
    facts = computeFacts(doc);
  } catch {
    // A document read only in part may lack what the fact finder expects: it simply has no key figures.
    return {};
  }
  const out: Record<string, string> = {};
  for (const def of KEY_FIGURES) {
    for (const id of def.facts) {
      const fact = facts.get(id);
      if (!fact) continue;
      out[def.id] = fact.amount ? fact.amount.to('元').value.toFixed() : '0';
      break;
    }
  }
  return out;
}
