// /api/openapi.json, generated from the zod schemas the handlers use (z.toJSONSchema), so the description and
// the server cannot disagree.
import { z } from 'zod';
import {
  AuditReport,
  ApiError,
  CompareResult,
  DocumentDetail,
  DocumentSummary,
  Finding,
  FindingsResponse,
  Review,
  Summary,
  UnitSummary,
} from './schemas.js';
import { DOWNLOAD_FORMATS } from './downloads.js';
import { KEY_FIGURES } from './figures.js';

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: Json, description = '成功') => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string) => json(ref('Error'), description);
const query = (name: string, description: string, schema: Json = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

let cached: Json | undefined;

export function openApiDocument(): Json {
  if (cached) return cached;
  const registry = z.registry<{ id: string }>();
  for (const s of [
    Finding,
    Summary,
    Review,
    AuditReport,
    ApiError,
    CompareResult,
    DocumentDetail,
    DocumentSummary,
    FindingsResponse,
    UnitSummary,
  ])
    registry.add(s as z.ZodType, { id: (s.meta() as { id: string }).id });
  const generated = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  });
  // OpenAPI components carry no $schema/$id of their own; schemas shared without an id of ours join them.
  const schemas: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(generated.schemas as Record<string, Json>)) {
    const { $schema: _s, $id: _i, $defs, ...rest } = schema;
    if (id === '__shared') Object.assign(schemas, $defs as Json);
    else schemas[id] = rest;
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'yusuan 预算公开审核平台 API',
      version: '1',
      description: '预算公开、决算公开文件的查询、审核与比较。金额均为精确小数文本。',
    },
    paths: {
      '/api/units': {
        get: {
          summary: '单位列表（按名称检索）',
          parameters: [query('q', '单位名称中的字词')],
          responses: {
            200: json({ type: 'object', properties: { units: { type: 'array', items: ref('Unit') } } }),
          },
        },
      },
      '/api/units/{id}': {
        get: {
          summary: '一个单位及其各年度文件',
          parameters: [idParam],
          responses: {
            200: json({
              type: 'object',
              properties: { unit: ref('Unit'), documents: { type: 'array', items: ref('DocumentSummary') } },
            }),
            404: error('没有这个单位'),
          },
        },
      },
      '/api/documents': {
        get: {
          summary: '文件列表',
          parameters: [
            query('unit', '单位编号'),
            query('year', '年度', { type: 'integer' }),
            query('kind', '文件类型', {
              type: 'string',
              enum: ['unit_budget', 'department_budget', 'unit_final', 'department_final'],
            }),
            query('region', '地区'),
          ],
          responses: {
            200: json({
              type: 'object',
              properties: { documents: { type: 'array', items: ref('DocumentSummary') } },
            }),
            400: error('参数有误'),
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: '一份文件的完整数据模型',
          parameters: [idParam],
          responses: { 200: json(ref('Document')), 404: error('没有这份文件') },
        },
      },
      '/api/documents/{id}/findings': {
        get: {
          summary: '一份文件的审核发现及审核意见',
          parameters: [idParam],
          responses: { 200: json(ref('Findings')), 404: error('没有这份文件') },
        },
      },
      '/api/documents/{id}/download/{format}': {
        get: {
          summary: '下载：原始文件、JSON、单元格 CSV、审核报告、生成的 PDF/DOCX/XLSX/HTML',
          parameters: [
            idParam,
            {
              name: 'format',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: [...DOWNLOAD_FORMATS] },
            },
          ],
          responses: {
            200: { description: '文件' },
            404: error('没有这份文件'),
            503: error('该格式暂不可用'),
          },
        },
      },
      '/api/audit': {
        post: {
          summary: '上传一个或多个文件并审核；store=1 时同时存入资料库（需审核人员或管理员登录）',
          parameters: [query('store', '是否存入资料库', { type: 'string', enum: ['0', '1'] })],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
                },
              },
            },
          },
          responses: {
            200: json(ref('AuditReport')),
            400: error('没有收到文件'),
            403: error('无权存入资料库'),
            413: error('上传内容过大'),
            415: error('不支持的文件类型'),
          },
        },
      },
      '/api/compare': {
        get: {
          summary: '多个单位、多个年度按所选指标并列比较',
          parameters: [
            query('documents', '以逗号分隔的文件编号'),
            query('units', '以逗号分隔的单位编号'),
            query('years', '以逗号分隔的年度'),
            query(
              'figures',
              `以逗号分隔的指标：${KEY_FIGURES.map((f) => `${f.id}（${f.label}）`).join('，')}`,
            ),
            query('format', '输出格式', { type: 'string', enum: ['json', 'csv'] }),
          ],
          responses: { 200: json(ref('Compare')), 400: error('参数有误') },
        },
      },
      '/healthz': { get: { summary: '健康检查', responses: { 200: json({ type: 'object' }) } } },
    },
    components: { schemas },
  };
  return cached;
}
