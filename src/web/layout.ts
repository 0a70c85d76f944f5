// The page shell every page shares: header with navigation, the signed-in user, main content, footer. Styles and
// scripts are same-origin files (/static), which the Content-Security-Policy allows and nothing else.
import { h, type Safe } from './html.js';
import type { SessionUser } from './accounts.js';

export const ROLE_LABEL: Record<string, string> = {
  admin: '管理员',
  reviewer: '审核人员',
  preparer: '编制人员',
};

export interface PageOptions {
  title: string;
  user?: SessionUser | null;
  /** The navigation entry to mark as current. */
  nav?: 'home' | 'compare' | 'upload' | 'prepare' | 'admin' | 'login';
  /** Client islands to load (bundles under /static). */
  scripts?: string[];
  csrf?: string;
}

const NAV: [PageOptions['nav'], string, string][] = [
  ['home', '/', '首页'],
  ['compare', '/compare', '比较'],
  ['upload', '/upload', '上传审核'],
  ['prepare', '/prepare', '编制'],
];

export function page(options: PageOptions, body: Safe): Safe {
  const user = options.user;
  const nav = NAV.map(
    ([id, href, label]) =>
      h`<a href="${href}"${options.nav === id ? h` aria-current="page"` : ''}>${label}</a>`,
  );
  if (user?.role === 'admin')
    nav.push(h`<a href="/admin"${options.nav === 'admin' ? h` aria-current="page"` : ''}>用户与单位</a>`);
  const account = user
    ? h`<span class="who">${user.name}（${ROLE_LABEL[user.role] ?? user.role}）</span>
        <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${options.csrf ?? ''}"><button type="submit" class="link">退出</button></form>`
    : h`<a href="/login"${options.nav === 'login' ? h` aria-current="page"` : ''}>登录</a>`;
  return h`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${options.title} · 预算公开审核平台</title><link rel="stylesheet" href="/static/app.css">
${options.csrf ? h`<meta name="csrf-token" content="${options.csrf}">` : ''}
</head><body>
<header class="top"><div class="wrap"><a class="brand" href="/"><span class="seal">预</span>预算公开审核平台</a>
<nav class="main">${nav}</nav><div class="account">${account}</div></div></header>
<main class="wrap">${body}</main>
<footer class="wrap foot">yusuan · 预算公开、决算公开文件的读取、审核、生成与比较 · <a href="/api/openapi.json">API</a></footer>
${(options.scripts ?? []).map((s) => h`<script type="module" src="/static/${s}.js"></script>`)}
</body></html>`;
}

/** A page that only says something went wrong, in Chinese, with the status code. */
export function messagePage(title: string, message: string, user?: SessionUser | null): Safe {
  return page(
    { title, user },
    h`<section class="panel message"><h1>${title}</h1><p>${message}</p><p><a href="/">返回首页</a></p></section>`,
  );
}
