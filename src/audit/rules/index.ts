// The catalogue: every rule module, in report order. The engine runs whatever is listed here.
import type { Rule } from '../types.js';
import { CODE_RULES } from './codes.js';
import { COMPLETENESS_RULES } from './completeness.js';
import { CROSS_RULES } from './cross.js';
import { EXECUTION_RULES } from './execution.js';
import { NARRATIVE_RULES } from './narrative.js';
import { PERFORMANCE_RULES } from './performance.js';
import { PRESENTATION_RULES } from './presentation.js';
import { PRIOR_RULES } from './prior.js';
import { TABLE_RULES } from './table.js';
import { TEXT_RULES } from './text.js';

export const RULES: readonly Rule[] = [
  ...TABLE_RULES,
  ...CROSS_RULES,
  ...NARRATIVE_RULES,
  ...EXECUTION_RULES,
  ...PERFORMANCE_RULES,
  ...COMPLETENESS_RULES,
  ...CODE_RULES,
  ...TEXT_RULES,
  ...PRESENTATION_RULES,
  ...PRIOR_RULES,
];
