// The JSON API under /api, described by /api/openapi.json (openapi.ts, from the same zod schemas).
import { Hono, type Context } from 'hono';
import type { AppContext } from '../app.js';
import { canStore } from '../accounts.js';
import { findingKey } from '../finding-key.js';
import {
  auditUploads,
  checkExtension,
  UnsupportedFile,
  type FileResult,
  type Upload,
} from '../audit-files.js';
import { compare, comparisonCsv, parseList } from '../compare.js';
import {
  attachment,
  download,
  DOWNLOAD_FORMATS,
  DownloadUnavailable,
  type DownloadFormat,
} from '../downloads.js';
import { openApiDocument } from '../openapi.js';
import { CompareQuery, DocumentDetail, FindingsResponse, UnitSummary, DocumentSummary } from '../schemas.js';
import type { WebEnv } from '../security.js';
import { DocumentKind } from '../../model/schema.js';

const apiError = (c: Context, status: 400 | 403 | 404 | 413 | 415 | 503, error: string) =>
  c.json({ error }, status);

/** Files of a multipart body (`files` or `file` fields), refused with 415 when a type is not accepted. */
export async function uploadsOf(c: Context): Promise<Upload[] | Response> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data'))
    return apiError(c, 415, '请以 multipart/form-data 上传文件（字段名 files）');
  const body = await c.req.parseBody({ all: true });
  const files = [body.files, body.file].flat().filter((f): f is File => f instanceof File);
  if (!files.length) return apiError(c, 400, '没有收到文件（字段名 files）');
  try {
    files.forEach((f) => checkExtension(f.name));
  } catch (e) {
    if (e instanceof UnsupportedFile) return apiError(c, 415, e.message);
    throw e;
  }
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** INTERFACES.md `audit --format json`, plus `stored` (the document id) when the file was stored. */
export function auditJson(results: readonly FileResult[]) {
  return {
    files: results.map((r) =>
      'error' in r
        ? { file: r.file, error: r.error }
        : {
            file: r.file,
            document: {
              unit: r.disclosure.metadata.unit,
              year: r.disclosure.metadata.year,
              kind: r.disclosure.metadata.kind,
              family: r.disclosure.metadata.family,
            },
            findings: r.findings,
            summary: r.summary,
            ...(r.stored ? { stored: r.stored } : {}),
            ...(r.storeError ? { storeError: r.storeError } : {}),
          },
    ),
  };
}

const wantsStore = (v: string | undefined) => v === '1' || v === 'true';

export function apiRoutes(ctx: AppContext) {
  const api = new Hono<WebEnv>();
  const repo = ctx.repository;

  api.get('/openapi.json', (c) => c.json(openApiDocument()));

  api.get('/units', async (c) => {
    const units = await repo.searchUnits(c.req.query('q') ?? '', 500);
    return c.json({ units: units.map((u) => UnitSummary.parse(u)) });
  });

  api.get('/units/:id', async (c) => {
    const unit = await repo.unit(c.req.param('id'));
    if (!unit) return apiError(c, 404, '没有这个单位');
    const documents = await repo.documents({ unit: unit.id });
    return c.json({ unit, documents });
  });

  api.get('/documents', async (c) => {
    const year = c.req.query('year');
    const kind = c.req.query('kind');
    if (year && !/^\d{4}$/.test(year)) return apiError(c, 400, `年度应为四位数字：${year}`);
    if (kind && !DocumentKind.safeParse(kind).success)
      return apiError(c, 400, `文件类型应为 ${DocumentKind.options.join('、')} 之一：${kind}`);
    const documents = await repo.documents({
      unit: c.req.query('unit') || undefined,
      year: year ? Number(year) : undefined,
      kind: kind || undefined,
      region: c.req.query('region') || undefined,
      limit: 1000,
    });
    return c.json({ documents: documents.map((d) => DocumentSummary.parse(d)) });
  });

  api.get('/documents/:id', async (c) => {
    const doc = await repo.document(c.req.param('id'));
    if (!doc) return apiError(c, 404, '没有这份文件');
    const { findings: _findings, ...rest } = doc;
    return c.json(DocumentDetail.parse(rest));
  });

  api.get('/documents/:id/findings', async (c) => {
    const doc = await repo.document(c.req.param('id'));
    if (!doc) return apiError(c, 404, '没有这份文件');
    const reviews = await ctx.accounts.reviews(doc.id);
    return c.json(
      FindingsResponse.parse({
        document: doc.id,
        findings: doc.findings,
        summary: doc.summary,
        reviews: [...reviews].map(([finding, r]) => ({ finding, ...r })),
        keys: doc.findings.map(findingKey),
      }),
    );
  });

  api.get('/documents/:id/download/:format', async (c) => {
    const format = c.req.param('format') as DownloadFormat;
    if (!DOWNLOAD_FORMATS.includes(format)) return apiError(c, 404, `不支持的下载格式：${format}`);
    const doc = await repo.document(c.req.param('id'));
    if (!doc) return apiError(c, 404, '没有这份文件');
    try {
      const d = await download(repo, doc, format);
      return c.body(d.body as Uint8Array<ArrayBuffer> | string, 200, {
        'Content-Type': d.type,
        'Content-Disposition': attachment(d.filename),
      });
    } catch (e) {
      if (e instanceof DownloadUnavailable) return apiError(c, 503, e.message);
      throw e;
    }
  });

  api.post('/audit', async (c) => {
    const store = wantsStore(c.req.query('store'));
    if (store && !canStore(c.get('user')))
      return apiError(c, 403, '只有审核人员和管理员可以把文件存入资料库');
    const uploads = await uploadsOf(c);
    if (uploads instanceof Response) return uploads;
    const results = await auditUploads(uploads, store ? repo : undefined);
    return c.json(auditJson(results));
  });

  api.get('/compare', async (c) => {
    const q = CompareQuery.safeParse(c.req.query());
    if (!q.success) return apiError(c, 400, '比较参数有误：format 只能是 json 或 csv');
    const years = parseList(q.data.years).map(Number);
    if (years.some((y) => !Number.isInteger(y))) return apiError(c, 400, '年度应为数字，以逗号分隔');
    const result = await compare(repo, {
      documents: parseList(q.data.documents),
      units: parseList(q.data.units),
      years,
      figures: parseList(q.data.figures),
    });
    if (q.data.format === 'csv')
      return c.body('\uFEFF' + comparisonCsv(result), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachment('比较.csv'),
      });
    return c.json(result);
  });

  return api;
}
