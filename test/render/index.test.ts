import { describe, expect, it } from 'vitest';
import { renderDocument, RenderUnavailable, resolveLayout } from '../../src/render/index.js';
import { parsedSample } from './helpers.js';

describe('renderDocument', () => {
  it('renders HTML and XLSX bytes for the sample in its own layout', async () => {
    const doc = await parsedSample();
    const html = new TextDecoder().decode(await renderDocument(doc, 'html'));
    expect(html).toContain('<h1 class="part" id="part-1">第一部分 概况</h1>');
    const xlsx = await renderDocument(doc, 'xlsx');
    expect([xlsx[0], xlsx[1]]).toEqual([0x50, 0x4b]);
  });

  it('takes a layout by name and refuses an unknown one in Chinese', async () => {
    const doc = await parsedSample();
    expect(resolveLayout(doc, 'shanghai').family).toBe('shanghai');
    expect(resolveLayout(doc).family).toBe('shanxi');
    expect(() => resolveLayout(doc, 'beijing')).toThrow(RenderUnavailable);
    expect(() => resolveLayout(doc, 'beijing')).toThrow('未知的版式：beijing（可选 shanxi、shanghai）');
  });

  it('renders plain text through the text renderer', async () => {
    const text = new TextDecoder().decode(await renderDocument(await parsedSample(), 'txt'));
    expect(text).toContain('2010301\t行政运行\t1,361.58\t1,357.12\t4.46');
  });
});
