// Signing in and out, and the administrators' page for users and the units each preparer prepares.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { ROLES } from '../accounts.js';
import { h, type Safe } from '../html.js';
import { messagePage, page, ROLE_LABEL } from '../layout.js';
import { clearSessionCookie, setSessionCookie, type WebEnv } from '../security.js';
import { clientAddress, waitText } from '../login-throttle.js';

type C = Context<WebEnv>;

/** Only paths of this site may follow a login (no open redirect). */
const localPath = (next: unknown) => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/');

function loginPage(c: C, error?: string, next = '/'): Safe {
  return page(
    { title: '登录', nav: 'login', user: c.get('user') },
    h`<section class="panel message"><h1>登录</h1>
${error ? h`<p class="flash error">${error}</p>` : ''}
<form method="post" action="/login" class="form-grid">
<input type="hidden" name="next" value="${next}">
<label for="login">用户名</label><input type="text" id="login" name="login" autocomplete="username" required>
<label for="password">密码</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<span></span><button type="submit">登录</button></form>
<p class="muted small">公开文件无需登录即可查阅。编制人员、审核人员和管理员的账号由管理员开设。</p></section>`,
  );
}

export const NewUserForm = z.object({
  login: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{2,40}$/, '用户名只能用 2–40 位字母、数字、点、下划线或连字符'),
  name: z.string().trim().min(1, '请填写姓名').max(40, '姓名过长'),
  role: z.enum(ROLES as [string, ...string[]], { error: '角色无效' }),
  password: z.string().min(10, '密码至少 10 位').max(200, '密码过长'),
  units: z.string().optional(),
});

const unitList = (s: string | undefined) =>
  (s ?? '')
    .split(/[,，\s]+/)
    .map((u) => u.trim())
    .filter(Boolean);

export function accountRoutes(ctx: AppContext) {
  const app = new Hono<WebEnv>();

  app.get('/login', (c) => c.html(loginPage(c, undefined, localPath(c.req.query('next'))).value));

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const login = typeof body.login === 'string' ? body.login.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const address = clientAddress(c);
    // A blocked pair is refused before the password is checked, so that guessing gains nothing while it lasts.
    const wait = await ctx.loginThrottle.waitSeconds(login, address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      const message = `登录失败次数过多，请 ${waitText(wait)}后再试`;
      return c.html(loginPage(c, message, localPath(body.next)).value, 429);
    }
    const user = login && password ? await ctx.accounts.authenticate(login, password) : undefined;
    if (!user) {
      if (login) await ctx.loginThrottle.failed(login, address);
      return c.html(loginPage(c, '用户名或密码不正确', localPath(body.next)).value, 401);
    }
    await ctx.loginThrottle.succeeded(login, address);
    const old = c.get('sessionToken');
    if (old) await ctx.accounts.endSession(old);
    const session = await ctx.accounts.startSession(user.id);
    setSessionCookie(c, session.token, session.expires);
    return c.redirect(localPath(body.next), 303);
  });

  app.post('/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) await ctx.accounts.endSession(token);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  });

  app.use('/admin/*', async (c, next) => {
    if (c.get('user')?.role !== 'admin')
      return c.html(messagePage('无权访问', '只有管理员可以管理用户和单位。', c.get('user')).value, 403);
    return next();
  });
  app.use('/admin', async (c, next) => {
    if (c.get('user')?.role !== 'admin')
      return c.html(messagePage('无权访问', '只有管理员可以管理用户和单位。', c.get('user')).value, 403);
    return next();
  });

  const adminPage = async (c: C, flash?: { ok?: string; error?: string }) => {
    const users = await ctx.accounts.users();
    const units = await ctx.repository.searchUnits('', 2000);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    return page(
      { title: '用户与单位', nav: 'admin', user: c.get('user'), csrf: c.get('csrf') },
      h`<h1>用户与单位</h1>
${flash?.ok ? h`<p class="flash ok">${flash.ok}</p>` : ''}${flash?.error ? h`<p class="flash error">${flash.error}</p>` : ''}
<section class="panel"><h2 class="first">用户</h2><div class="scroll"><table class="data"><thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th>负责编制的单位（编号，以逗号分隔）</th></tr></thead><tbody>
${users.map(
  (u) =>
    h`<tr><td>${u.login}</td><td>${u.name}</td><td>${ROLE_LABEL[u.role]}</td><td>${
      u.role === 'preparer'
        ? h`<form method="post" action="/admin/users/${u.id}/units" class="search"><input type="hidden" name="_csrf" value="${c.get('csrf')}"><input type="text" name="units" value="${u.units.join(',')}" aria-label="单位编号"><button class="secondary" type="submit">保存</button></form><span class="muted small">${u.units.map((id) => unitName.get(id) ?? id).join('、')}</span>`
        : h`<span class="muted">—</span>`
    }</td></tr>`,
)}</tbody></table></div></section>
<section class="panel"><h2 class="first">新增用户</h2>
<form method="post" action="/admin/users" class="form-grid"><input type="hidden" name="_csrf" value="${c.get('csrf')}">
<label for="nu-login">用户名</label><input type="text" id="nu-login" name="login" required>
<label for="nu-name">姓名</label><input type="text" id="nu-name" name="name" required>
<label for="nu-role">角色</label><select id="nu-role" name="role">${ROLES.map((r) => h`<option value="${r}">${ROLE_LABEL[r]}</option>`)}</select>
<label for="nu-password">初始密码</label><input type="password" id="nu-password" name="password" minlength="10" required autocomplete="new-password">
<label for="nu-units">负责的单位编号</label><input type="text" id="nu-units" name="units" placeholder="编制人员填写，如 3,7">
<span></span><button type="submit">新增</button></form></section>
<section class="panel"><h2 class="first">单位编号</h2><div class="scroll"><table class="data"><thead><tr><th class="n">编号</th><th>单位</th><th>地区</th></tr></thead><tbody>
${units.map((u) => h`<tr><td class="n">${u.id}</td><td><a href="/units/${u.id}">${u.name}</a></td><td>${u.region ?? ''}</td></tr>`)}</tbody></table></div></section>`,
    );
  };

  app.get('/admin', async (c) => c.html((await adminPage(c)).value));

  app.post('/admin/users', async (c) => {
    const parsed = NewUserForm.safeParse(await c.req.parseBody());
    if (!parsed.success)
      return c.html((await adminPage(c, { error: parsed.error.issues[0].message })).value, 400);
    const { login, name, role, password, units } = parsed.data;
    const exists = (await ctx.accounts.users()).some((u) => u.login === login);
    if (exists) return c.html((await adminPage(c, { error: `用户名 ${login} 已被使用` })).value, 400);
    await ctx.accounts.createUser({
      login,
      name,
      role: role as (typeof ROLES)[number],
      password,
      units: unitList(units),
    });
    return c.html((await adminPage(c, { ok: `已新增用户 ${login}` })).value);
  });

  app.post('/admin/users/:id/units', async (c) => {
    const body = await c.req.parseBody();
    const id = Number(c.req.param('id'));
    const user = (await ctx.accounts.users()).find((u) => u.id === id);
    if (!user) return c.html((await adminPage(c, { error: '没有这个用户' })).value, 404);
    await ctx.accounts.setUnits(id, unitList(typeof body.units === 'string' ? body.units : ''));
    return c.html((await adminPage(c, { ok: `已更新 ${user.name} 负责的单位` })).value);
  });

  return app;
}
