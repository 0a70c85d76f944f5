// Preparers' drafts: only a preparer of the unit (or an administrator) may see or change a unit's draft.
import { Hono, type Context } from 'hono';
import type { AppContext } from '../app.js';
import { canEditUnit } from '../accounts.js';
import { generate } from '../../generate/index.js';
import { GenerateInput } from '../../generate/input-schema.js';
import { leafInputFromDocument } from '../../generate/from-document.js';
import { renderDocument, RenderUnavailable, type RenderFormat } from '../../render/index.js';
import { attachment } from '../downloads.js';
import { keyFigures } from '../figures.js';
import { messagePage } from '../layout.js';
import { prepareEditor, prepareHome, prepareUnit, PREPARE_EXPORTS } from '../pages/prepare.js';
import { draftFromFile, DraftInputError, nextYearDraft, validDraftInput } from '../prepare.js';
import type { WebEnv } from '../security.js';

type C = Context<WebEnv>;

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

export function prepareRoutes(ctx: AppContext) {
  const app = new Hono<WebEnv>();
  const denied = (c: C) =>
    c.html(
      messagePage('无权编辑', '您不是该单位的编制人员，不能查看或修改它的草稿。', c.get('user')).value,
      403,
    );

  app.get('/prepare/template.xlsx', async (c) => {
    const { writeTemplate } = await import('../../input/workbook.js');
    return c.body((await writeTemplate('shanxi')) as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': TYPES.xlsx,
      'Content-Disposition': attachment('预算公开填报工作簿.xlsx'),
    });
  });

  app.get('/prepare', async (c) => {
    const user = c.get('user');
    if (!user) return c.redirect('/login?next=/prepare', 303);
    const ids =
      user.role === 'admin' ? (await ctx.repository.searchUnits('', 500)).map((u) => u.id) : user.units;
    const units = [];
    for (const id of ids) {
      const unit = await ctx.repository.unit(id);
      if (unit) units.push({ unit, drafts: await ctx.drafts.list(id) });
    }
    return c.html(prepareHome({ user, csrf: c.get('csrf'), units }).value);
  });

  /** The unit, when the signed-in user may edit its drafts. */
  const editable = async (c: C) => {
    const unit = await ctx.repository.unit(c.req.param('unit') ?? '');
    return unit && canEditUnit(c.get('user'), unit.id) ? unit : undefined;
  };

  app.get('/prepare/:unit{[0-9]+}', async (c) => {
    if (!c.get('user')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    const unit = await editable(c);
    if (!unit) return denied(c);
    return c.html(
      prepareUnit({ user: c.get('user'), csrf: c.get('csrf'), unit, drafts: await ctx.drafts.list(unit.id) })
        .value,
    );
  });

  app.post('/prepare/:unit{[0-9]+}/start', async (c) => {
    const unit = await editable(c);
    if (!unit) return denied(c);
    const body = await c.req.parseBody();
    const file = body.file;
    const drafts = await ctx.drafts.list(unit.id);
    const fail = (error: string, status: 400 | 415) =>
      c.html(prepareUnit({ user: c.get('user'), csrf: c.get('csrf'), unit, drafts, error }).value, status);
    if (!(file instanceof File) || !file.size) return fail('请选择填好的填报工作簿或基础数据文件', 400);
    try {
      const input = await draftFromFile(file.name, new Uint8Array(await file.arrayBuffer()));
      const year = GenerateInput.parse(input).unit.year;
      await ctx.drafts.save(unit.id, year, input, c.get('user')!.name);
      return c.redirect(`/prepare/${unit.id}/${year}`, 303);
    } catch (e) {
      if (e instanceof DraftInputError) return fail(e.message, /不是有效|请上传/.test(e.message) ? 415 : 400);
      throw e;
    }
  });

  app.post('/prepare/:unit{[0-9]+}/next', async (c) => {
    const unit = await editable(c);
    if (!unit) return denied(c);
    const [latest] = await ctx.drafts.list(unit.id);
    if (!latest) return c.redirect(`/prepare/${unit.id}`, 303);
    const next = nextYearDraft(latest.input);
    const year = latest.year + 1;
    if (!(await ctx.drafts.get(unit.id, year)))
      await ctx.drafts.save(unit.id, year, next, c.get('user')!.name);
    return c.redirect(`/prepare/${unit.id}/${year}`, 303);
  });

  app.post('/prepare/:unit{[0-9]+}/from/:doc{[0-9]+}', async (c) => {
    const unit = await editable(c);
    if (!unit) return denied(c);
    const doc = await ctx.repository.document(c.req.param('doc'));
    const drafts = await ctx.drafts.list(unit.id);
    const fail = (error: string) =>
      c.html(prepareUnit({ user: c.get('user'), csrf: c.get('csrf'), unit, drafts, error }).value, 400);
    if (!doc || doc.unitId !== unit.id) return fail('该文件不属于这个单位');
    let input;
    try {
      input = validDraftInput(leafInputFromDocument(doc.disclosure));
    } catch (e) {
      if (e instanceof DraftInputError) return fail(`无法从该文件取得明细：${e.message}`);
      throw e;
    }
    if (!GenerateInput.parse(input).functions.length)
      return fail('该文件的支出表未能读出项级科目，无法作为编制的基础；请从填报工作簿开始');
    const next = nextYearDraft(input);
    const year = doc.year + 1;
    if (!(await ctx.drafts.get(unit.id, year)))
      await ctx.drafts.save(unit.id, year, next, c.get('user')!.name);
    return c.redirect(`/prepare/${unit.id}/${year}`, 303);
  });

  app.get('/prepare/:unit{[0-9]+}/:year{[0-9]{4}}', async (c) => {
    if (!c.get('user')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    const unit = await editable(c);
    if (!unit) return denied(c);
    const draft = await ctx.drafts.get(unit.id, Number(c.req.param('year')));
    if (!draft) return c.html(messagePage('没有草稿', '该年度还没有草稿。', c.get('user')).value, 404);
    const parsed = GenerateInput.parse(draft.input);
    const { disclosure, findings } = generate(parsed);
    return c.html(
      prepareEditor({
        user: c.get('user'),
        csrf: c.get('csrf'),
        unit,
        draft,
        parsed,
        doc: disclosure,
        findings,
        figures: keyFigures(disclosure),
      }).value,
    );
  });

  app.post('/prepare/:unit{[0-9]+}/:year{[0-9]{4}}', async (c) => {
    const unit = await editable(c);
    if (!unit) return c.json({ error: '您不是该单位的编制人员，不能修改它的草稿' }, 403);
    const year = Number(c.req.param('year'));
    let input;
    try {
      input = validDraftInput(await c.req.json());
    } catch (e) {
      if (e instanceof DraftInputError) return c.json({ error: e.message }, 400);
      return c.json({ error: '请求内容不是有效的 JSON' }, 400);
    }
    if (GenerateInput.parse(input).unit.year !== year) return c.json({ error: `草稿年度应为 ${year}` }, 400);
    await ctx.drafts.save(unit.id, year, input, c.get('user')!.name);
    const { findings } = generate(input);
    return c.json({ saved: true, errors: findings.filter((f) => f.severity === 'error').length });
  });

  app.get('/prepare/:unit{[0-9]+}/:year{[0-9]{4}}/export/:format', async (c) => {
    const unit = await editable(c);
    if (!unit) return denied(c);
    const format = c.req.param('format');
    if (!PREPARE_EXPORTS.some(([f]) => f === format))
      return c.html(messagePage('无法导出', `不支持的格式：${format}`, c.get('user')).value, 404);
    const draft = await ctx.drafts.get(unit.id, Number(c.req.param('year')));
    if (!draft) return c.html(messagePage('没有草稿', '该年度还没有草稿。', c.get('user')).value, 404);
    const base = `${unit.name}_${draft.year}_草稿`;
    if (format === 'input') {
      const { writeTemplate } = await import('../../input/workbook.js');
      const family = GenerateInput.parse(draft.input).unit.family;
      return c.body((await writeTemplate(family, draft.input)) as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': TYPES.xlsx,
        'Content-Disposition': attachment(`${base}_填报工作簿.xlsx`),
      });
    }
    const { disclosure } = generate(draft.input, { audit: false });
    if (format === 'json')
      return c.body(JSON.stringify(disclosure, null, 2), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': attachment(`${base}.json`),
      });
    try {
      const bytes = await renderDocument(disclosure, format as RenderFormat);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': TYPES[format],
        'Content-Disposition': attachment(`${base}.${format}`),
      });
    } catch (e) {
      if (e instanceof RenderUnavailable)
        return c.html(messagePage('暂时无法导出', e.message, c.get('user')).value, 503);
      throw e;
    }
  });

  return app;
}
