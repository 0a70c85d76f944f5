// Server-rendered pages: home, documents, a unit, a document, downloads, reviews, upload and compare.
import { Hono, type Context } from 'hono';
import type { AppContext } from '../app.js';
import { canEditUnit, canReview, canStore, type ReviewState } from '../accounts.js';
import { findingKey } from '../finding-key.js';
import { auditUploads, checkExtension, UnsupportedFile, type Upload } from '../audit-files.js';
import { compare, parseList } from '../compare.js';
import {
  attachment,
  download,
  DOWNLOAD_FORMATS,
  DownloadUnavailable,
  type DownloadFormat,
} from '../downloads.js';
import { messagePage } from '../layout.js';
import type { Safe } from '../html.js';
import { documentPage } from '../pages/document.js';
import { comparePage } from '../pages/compare.js';
import { documentsPage, homePage } from '../pages/home.js';
import { unitPage } from '../pages/unit.js';
import { uploadPage } from '../pages/upload.js';
import type { WebEnv } from '../security.js';
import { KIND_LABEL } from '../../report/index.js';

type C = Context<WebEnv>;

const render = (c: C, page: Safe, status: 200 | 400 | 403 | 404 | 415 | 503 = 200) =>
  c.html(page.value, status);
const message = (c: C, title: string, text: string, status: 400 | 403 | 404 | 415 | 503) =>
  render(c, messagePage(title, text, c.get('user')), status);
const common = (c: C) => ({ user: c.get('user'), csrf: c.get('csrf') });

export function pageRoutes(ctx: AppContext) {
  const app = new Hono<WebEnv>();
  const repo = ctx.repository;

  app.get('/', async (c) => {
    const query = (c.req.query('q') ?? '').trim().slice(0, 50);
    const [units, recent, counts] = await Promise.all([
      repo.searchUnits(query, 30),
      repo.documents({ limit: 10 }),
      repo.counts(),
    ]);
    return render(c, homePage({ ...common(c), query, units, recent, counts }));
  });

  app.get('/documents', async (c) => {
    const year = Number(c.req.query('year')) || undefined;
    const region = c.req.query('region') || undefined;
    const kind = c.req.query('kind') || undefined;
    const docs = await repo.documents({ year, region, kind, limit: 500 });
    const title =
      [region, year ? `${year}年` : '', kind ? (KIND_LABEL[kind] ?? kind) : ''].filter(Boolean).join(' ') ||
      '全部';
    return render(c, documentsPage({ ...common(c), title: `${title}文件`, docs }));
  });

  app.get('/units/:id', async (c) => {
    const unit = await repo.unit(c.req.param('id'));
    if (!unit) return message(c, '找不到单位', '没有这个单位。', 404);
    const documents = await repo.documents({ unit: unit.id, limit: 200 });
    const ids = documents.map((d) => d.id);
    const [totals, threePublic] = await Promise.all([
      compare(repo, { documents: ids, figures: ['expenditure_total', 'basic', 'project'] }),
      compare(repo, {
        documents: ids,
        figures: ['three_public', 'abroad', 'vehicles', 'reception', 'operating_costs'],
      }),
    ]);
    return render(
      c,
      unitPage({
        ...common(c),
        unit,
        documents,
        totals,
        threePublic,
        canPrepare: canEditUnit(c.get('user'), unit.id),
      }),
    );
  });

  app.get('/documents/:id', async (c) => {
    const doc = await repo.document(c.req.param('id'));
    if (!doc) return message(c, '找不到文件', '没有这份文件。', 404);
    const reviews = await ctx.accounts.reviews(doc.id);
    return render(c, documentPage({ ...common(c), doc, reviews }));
  });

  app.get('/documents/:id/download/:format', async (c) => {
    const format = c.req.param('format') as DownloadFormat;
    if (!DOWNLOAD_FORMATS.includes(format)) return message(c, '无法下载', `不支持的格式：${format}`, 404);
    const doc = await repo.document(c.req.param('id'));
    if (!doc) return message(c, '找不到文件', '没有这份文件。', 404);
    try {
      const d = await download(repo, doc, format);
      return c.body(d.body as Uint8Array<ArrayBuffer> | string, 200, {
        'Content-Type': d.type,
        'Content-Disposition': attachment(d.filename),
      });
    } catch (e) {
      if (e instanceof DownloadUnavailable) return message(c, '暂时无法下载', e.message, 503);
      throw e;
    }
  });

  app.post('/documents/:id/findings/:n/review', async (c) => {
    const user = c.get('user');
    if (!canReview(user))
      return message(c, '无权操作', '只有审核人员可以对发现发表意见或标记处理结果。', 403);
    const doc = await repo.document(c.req.param('id'));
    const n = Number(c.req.param('n'));
    if (!doc || !Number.isInteger(n) || n < 0 || n >= doc.findings.length)
      return message(c, '找不到发现', '没有这条审核发现。', 404);
    const body = await c.req.parseBody();
    const text = typeof body.text === 'string' ? body.text.trim().slice(0, 2000) : '';
    const status = (
      ['open', 'resolved', 'accepted'].includes(String(body.status)) ? body.status : 'open'
    ) as ReviewState;
    if (!text && status === 'open') return message(c, '内容为空', '请填写审核意见。', 400);
    await ctx.accounts.addReview(doc.id, findingKey(doc.findings[n]), {
      author: user!.name,
      text: text || (status === 'resolved' ? '已更正' : '已接受单位说明'),
      at: new Date().toISOString(),
      status: status === 'open' ? undefined : status,
    });
    return c.redirect(`/documents/${doc.id}#l${n + 1}`, 303);
  });

  app.get('/upload', (c) =>
    render(
      c,
      uploadPage({
        ...common(c),
        canStore: canStore(c.get('user')),
        maxMb: ctx.maxUploadBytes / 1024 / 1024,
      }),
    ),
  );

  app.post('/upload', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const files = [body.files].flat().filter((f): f is File => f instanceof File && f.size > 0);
    const store = body.store === '1';
    if (store && !canStore(c.get('user')))
      return message(c, '无权操作', '只有审核人员和管理员可以把文件存入资料库。', 403);
    if (!files.length) return message(c, '没有文件', '请选择要审核的文件。', 400);
    try {
      files.forEach((f) => checkExtension(f.name));
    } catch (e) {
      if (e instanceof UnsupportedFile) return message(c, '文件类型不支持', e.message, 415);
      throw e;
    }
    const uploads: Upload[] = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const results = await auditUploads(uploads, store ? repo : undefined);
    if (c.req.header('x-fragment') === '1') {
      const { fileResult } = await import('../pages/upload.js');
      const offset = Number(c.req.header('x-result-index')) || 0;
      return c.html(results.map((r, i) => fileResult(r, offset + i).value).join(''));
    }
    return render(
      c,
      uploadPage({
        ...common(c),
        canStore: canStore(c.get('user')),
        maxMb: ctx.maxUploadBytes / 1024 / 1024,
        results,
      }),
    );
  });

  app.get('/compare', async (c) => {
    const chosenUnits = c.req.queries('units')?.flatMap((u) => parseList(u)) ?? [];
    const years = (c.req.queries('years') ?? [])
      .flatMap((y) => parseList(y))
      .map(Number)
      .filter(Number.isInteger);
    const figures = (c.req.queries('figures') ?? []).flatMap((f) => parseList(f));
    const [units, counts] = await Promise.all([repo.searchUnits('', 1000), repo.counts()]);
    const comparison = await compare(repo, { units: chosenUnits, years, figures });
    const query = new URLSearchParams({
      units: chosenUnits.join(','),
      years: years.join(','),
      figures: comparison.figures.map((f) => f.id).join(','),
    }).toString();
    return render(
      c,
      comparePage({
        ...common(c),
        units,
        chosenUnits,
        years,
        allYears: counts.byYear.map((y) => y.year).sort((a, b) => a - b),
        comparison,
        query,
      }),
    );
  });

  return app;
}
