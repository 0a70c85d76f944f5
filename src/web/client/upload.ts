// Upload and audit: files are sent one by one (a progress bar per byte sent, then 审核中), and each file's result
// is inserted as the server renders it. Without script, the form posts all files at once.
import { bindFindings } from './findings.js';

bindFindings();

const form = document.getElementById('upload-form') as HTMLFormElement | null;
const input = document.getElementById('files') as HTMLInputElement | null;
const zone = document.getElementById('dropzone');
const chosen = document.getElementById('chosen');
const results = document.getElementById('results');
const progressBox = document.getElementById('progress');
const bar = progressBox?.querySelector('progress');
const text = document.getElementById('progress-text');
const csrf = document.querySelector<HTMLMetaElement>('meta[name=csrf-token]')?.content ?? '';

function showChosen(): void {
  if (!chosen || !input?.files) return;
  const names = [...input.files].map((f) => `${f.name}（${(f.size / 1024 / 1024).toFixed(1)} MB）`);
  chosen.textContent = names.length ? `已选择 ${names.length} 个文件：${names.join('，')}` : '';
}

input?.addEventListener('change', showChosen);
zone?.addEventListener('dragover', (e) => {
  e.preventDefault();
  zone.classList.add('over');
});
zone?.addEventListener('dragleave', () => zone.classList.remove('over'));
zone?.addEventListener('drop', (e) => {
  e.preventDefault();
  zone.classList.remove('over');
  if (input && e.dataTransfer?.files.length) {
    input.files = e.dataTransfer.files;
    showChosen();
  }
});

function send(file: File, store: boolean, index: number, onProgress: (f: number) => void): Promise<string> {
  return new Promise((resolve) => {
    const body = new FormData();
    body.append('files', file);
    if (store) body.append('store', '1');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/upload');
    xhr.setRequestHeader('X-Fragment', '1');
    xhr.setRequestHeader('X-Result-Index', String(index));
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status === 200) resolve(xhr.responseText);
      else
        resolve(
          failure(
            file.name,
            xhr.status === 413 || xhr.status === 415
              ? plain(xhr.responseText)
              : `服务器返回 ${xhr.status}：${plain(xhr.responseText)}`,
          ),
        );
    };
    xhr.onerror = () => resolve(failure(file.name, '网络错误，未能上传'));
    xhr.send(body);
  });
}

/** The text of a server message (the 413/415 answers are plain text; other errors are pages). */
function plain(response: string): string {
  const doc = new DOMParser().parseFromString(response, 'text/html');
  return (doc.querySelector('main p')?.textContent ?? doc.body.textContent ?? '').trim().slice(0, 300);
}

function failure(name: string, message: string): string {
  const section = document.createElement('section');
  section.className = 'file';
  const h = document.createElement('h3');
  h.textContent = name;
  const p = document.createElement('p');
  p.className = 'flash error';
  p.textContent = message;
  section.append(h, p);
  return section.outerHTML;
}

form?.addEventListener('submit', async (event) => {
  const files = input?.files ? [...input.files] : [];
  if (!files.length || !results || !bar || !text || !progressBox) return;
  event.preventDefault();
  const store = (form.querySelector('input[name=store]') as HTMLInputElement | null)?.checked ?? false;
  const submit = document.getElementById('submit') as HTMLButtonElement | null;
  if (submit) submit.disabled = true;
  progressBox.hidden = false;
  results.replaceChildren();
  for (const [i, file] of files.entries()) {
    const html = await send(file, store, i, (f) => {
      bar.value = ((i + f) / files.length) * 100;
      text.textContent =
        f < 1
          ? `正在上传第 ${i + 1}/${files.length} 个文件：${file.name}（${Math.round(f * 100)}%）`
          : `正在审核：${file.name}……`;
    });
    results.insertAdjacentHTML('beforeend', html);
    bar.value = ((i + 1) / files.length) * 100;
  }
  text.textContent = `已完成 ${files.length} 个文件。`;
  if (submit) submit.disabled = false;
});
