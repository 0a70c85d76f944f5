// Drafts for preparers: from leaf input (the generator's schema) to a complete document with its audit, on the
// server for export and, with the same code bundled, in the browser while a preparer types.
import { generate } from '../generate/index.js';
import { GenerateInput, type GenerateInputRaw } from '../generate/input-schema.js';
import { describeIssues } from '../input/index.js';
import { Decimal } from '../model/money.js';
import { keyFigures } from './figures.js';

export class DraftInputError extends Error {}

/** Validates leaf input; the message names the first problems and where they are. */
export function validDraftInput(value: unknown): GenerateInputRaw {
  const r = GenerateInput.safeParse(value);
  if (!r.success) throw new DraftInputError(`基础数据格式不符：${describeIssues(r.error)}`);
  return value as GenerateInputRaw;
}

/** Reads a started draft: a filled input workbook (.xlsx) or leaf input as JSON. */
export async function draftFromFile(name: string, bytes: Uint8Array): Promise<GenerateInputRaw> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    const { readWorkbook } = await import('../input/workbook.js');
    try {
      return validDraftInput(await readWorkbook(bytes));
    } catch (e) {
      if (e instanceof DraftInputError) throw e;
      throw new DraftInputError(
        `无法读取填报工作簿 ${name}（${e instanceof Error ? e.message.split('\n')[0] : String(e)}）`,
      );
    }
  }
  if (lower.endsWith('.json')) {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new DraftInputError(`${name} 不是有效的 JSON`);
    }
    return validDraftInput(value);
  }
  throw new DraftInputError(`请上传填好的填报工作簿（.xlsx）或基础数据（.json），而不是 ${name}`);
}

/**
 * Next year's draft from this year's: the same leaves (the preparer edits what changed), the year moved on, and
 * the prior-year figures of the explanation taken from this year's generated document.
 */
export function nextYearDraft(raw: GenerateInputRaw): GenerateInputRaw {
  const input = GenerateInput.parse(raw);
  const { disclosure } = generate(input, { audit: false });
  const figures = keyFigures(disclosure);
  const wan = (yuan: string | undefined) =>
    yuan === undefined ? undefined : new Decimal(yuan).div(10000).toFixed();
  const general = disclosure.tables.length ? figures.general_total : undefined;
  return {
    ...(raw as object),
    unit: { ...input.unit, year: input.unit.year + 1 },
    prior: {
      total: wan(figures.expenditure_total),
      generalCurrent: wan(general),
      operatingCosts: wan(figures.operating_costs),
      threePublic: wan(figures.three_public),
    },
    reasons: {},
  } as GenerateInputRaw;
}
