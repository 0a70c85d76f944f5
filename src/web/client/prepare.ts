// The prepare editor: every change of a leaf amount regenerates the whole document in the browser with the
// project's own generator and auditor (bundled), then shows the derived totals, tables, explanation and audit.
import { generate } from '../../generate/index.js';
import { figuresBox, previewHtml } from '../pages/prepare.js';
import { keyFigures } from '../figures.js';
import { bindFindings } from './findings.js';

bindFindings();

const source = document.getElementById('draft-input');
const form = document.getElementById('leaf-form');
const preview = document.getElementById('preview');
const figures = document.getElementById('figures');
const findings = document.getElementById('findings');
const count = document.getElementById('audit-count');
const save = document.getElementById('save') as HTMLButtonElement | null;
const status = document.getElementById('save-status');
const csrf = document.querySelector<HTMLMetaElement>('meta[name=csrf-token]')?.content ?? '';

type Json = Record<string, unknown>;
const input = JSON.parse(source?.textContent ?? '{}') as Json;
const AMOUNT = /^-?\d+(\.\d+)?$/;

/** Writes a value at a dotted path ("functions.0.basic.general_public"), creating objects on the way. */
function setAt(root: Json, path: string, value: string): void {
  const keys = path.split('.');
  let node: Json = root;
  for (const k of keys.slice(0, -1)) {
    if (node[k] === undefined || node[k] === null) node[k] = {};
    node = node[k] as Json;
  }
  node[keys[keys.length - 1]] = value;
}

function recompute(): void {
  const { disclosure, findings: found } = generate(input as never);
  const p = previewHtml(disclosure, found);
  if (preview) preview.innerHTML = p.document;
  if (findings) findings.innerHTML = p.findings;
  if (figures) figures.innerHTML = figuresBox(keyFigures(disclosure)).value;
  const errors = found.filter((f) => f.severity === 'error').length;
  if (count) {
    count.className = `badge ${errors ? 'error' : 'ok'}`;
    count.textContent = errors ? `错误 ${errors}` : '无错误';
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
form?.addEventListener('input', (event) => {
  const field = event.target as HTMLInputElement;
  const path = field.dataset.path;
  if (!path) return;
  const text = field.value.trim().replace(/,/g, '');
  const valid = text === '' || AMOUNT.test(text);
  field.setAttribute('aria-invalid', valid ? 'false' : 'true');
  field.title = valid ? '' : '请输入数字，如 1361.58';
  if (!valid) return;
  setAt(input, path, text === '' ? '0' : text);
  if (status) status.textContent = '有未保存的修改';
  clearTimeout(timer);
  timer = setTimeout(recompute, 120);
});

save?.addEventListener('click', async () => {
  save.disabled = true;
  if (status) status.textContent = '正在保存……';
  try {
    const res = await fetch(save.dataset.url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { saved?: boolean; error?: string };
    if (status)
      status.textContent = res.ok
        ? `已保存（${new Date().toLocaleTimeString('zh-CN')}）`
        : `未保存：${body.error ?? res.status}`;
  } catch {
    if (status) status.textContent = '未保存：网络错误';
  } finally {
    save.disabled = false;
  }
});
