// The API's shapes as zod schemas: handlers validate with them and /api/openapi.json is generated from them, so
// the description cannot drift from what the server does.
import { z } from 'zod';
import { Disclosure, DocumentKind } from '../model/schema.js';

export const Severity = z.enum(['error', 'warning', 'info']);

export const Finding = z
  .object({
    rule: z.string().describe('稳定的规则编号'),
    severity: Severity,
    message: z.string(),
    table: z.string().nullable(),
    row_code: z.string().optional(),
    row_name: z.string().optional(),
    column: z.string().optional(),
    expected: z.string().optional(),
    actual: z.string().optional(),
    page: z.number().int().optional(),
    line: z.number().int().optional(),
    section: z.string().optional(),
    excerpt: z.string().optional(),
    also: z
      .object({
        table: z.string(),
        row_name: z.string().optional(),
        column: z.string().optional(),
        page: z.number().int().optional(),
      })
      .optional()
      .describe('两处不一致时的另一处'),
  })
  .meta({ id: 'Finding' });

export const Summary = z
  .object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() })
  .meta({ id: 'Summary' });

export const ReviewStatus = z.enum(['open', 'resolved', 'accepted']);

export const Review = z
  .object({
    finding: z.string().describe('发现的标识（规则、表、行、列、章节与摘录的摘要，重新审核后不变）'),
    status: ReviewStatus,
    comments: z.array(
      z.object({ author: z.string(), text: z.string(), at: z.string(), status: ReviewStatus.optional() }),
    ),
  })
  .meta({ id: 'Review' });

export const UnitSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    region: z.string().nullable(),
    documents: z.number().int(),
    years: z.array(z.number().int()),
  })
  .meta({ id: 'Unit' });

export const DocumentSummary = z
  .object({
    id: z.string(),
    unitId: z.string(),
    unit: z.string(),
    year: z.number().int(),
    kind: DocumentKind,
    family: z.string(),
    region: z.string().nullable(),
    files: z.array(z.string()),
    status: z.enum(['published', 'draft']),
    summary: Summary,
  })
  .meta({ id: 'DocumentSummary' });

export const DocumentDetail = DocumentSummary.extend({ disclosure: Disclosure }).meta({ id: 'Document' });

export const FindingsResponse = z
  .object({
    document: z.string(),
    findings: z.array(Finding),
    /** findingKey of each finding, to match reviews. */
    keys: z.array(z.string()),
    summary: Summary,
    reviews: z.array(Review),
  })
  .meta({ id: 'Findings' });

/** INTERFACES.md `audit --format json`, plus the id of each stored document. */
export const AuditReport = z
  .object({
    files: z.array(
      z.union([
        z.object({
          file: z.string(),
          document: z.object({
            unit: z.string(),
            year: z.number().int(),
            kind: DocumentKind,
            family: z.string(),
          }),
          findings: z.array(Finding),
          summary: Summary,
          stored: z.string().optional().describe('存入资料库后的文件编号'),
        }),
        z.object({ file: z.string(), error: z.string() }),
      ]),
    ),
  })
  .meta({ id: 'AuditReport' });

export const CompareQuery = z.object({
  documents: z.string().optional().describe('以逗号分隔的文件编号'),
  units: z.string().optional().describe('以逗号分隔的单位编号'),
  years: z.string().optional().describe('以逗号分隔的年度'),
  figures: z.string().optional().describe('以逗号分隔的指标编号（见 figures）'),
  format: z.enum(['json', 'csv']).optional(),
});

export const CompareResult = z
  .object({
    figures: z.array(z.object({ id: z.string(), label: z.string() })),
    rows: z.array(
      z.object({
        document: z.string(),
        unit: z.string(),
        year: z.number().int(),
        kind: DocumentKind,
        values: z.record(z.string(), z.string().nullable()).describe('指标编号 → 金额（元，精确小数）'),
      }),
    ),
  })
  .meta({ id: 'Compare' });

export const ApiError = z.object({ error: z.string() }).meta({ id: 'Error' });
