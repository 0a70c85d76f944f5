// Failed logins are throttled: per login and address, and per address over all logins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle, waitText } from '../../src/web/login-throttle.js';
import { ORIGIN, form, testSite, type TestSite } from './helpers.js';

let site: TestSite;

beforeAll(async () => {
  site = await testSite({
    loginThrottle: { failuresPerLogin: 3, failuresPerAddress: 100, blockSeconds: 600 },
  });
  for (const login of ['rev', 'other'])
    await site.accounts.createUser({ login, name: login, role: 'reviewer', password: 'reviewer-pass-1' });
});
afterAll(() => site.close());

const attempt = (login: string, password: string) =>
  site.app.request(`${ORIGIN}/login`, form({ login, password }));

describe('the login form', () => {
  it('blocks a login after three wrong passwords in a row, even with the right one, and says for how long', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('rev', 'wrong-password')).status).toBe(401);
    const blocked = await attempt('rev', 'reviewer-pass-1');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('600');
    expect(await blocked.text()).toContain('登录失败次数过多，请 10 分钟后再试');
    // another login from the same address is not blocked
    expect((await attempt('other', 'reviewer-pass-1')).status).toBe(303);
  });

  it('a successful login clears the count of failures in a row', async () => {
    for (let i = 0; i < 2; i++) expect((await attempt('other', 'wrong-password')).status).toBe(401);
    expect((await attempt('other', 'reviewer-pass-1')).status).toBe(303);
    for (let i = 0; i < 2; i++) expect((await attempt('other', 'wrong-password')).status).toBe(401);
    expect((await attempt('other', 'reviewer-pass-1')).status).toBe(303);
  });
});

describe('LoginThrottle', () => {
  it('counts per login and address, and blocks an address that fails over many logins', async () => {
    const throttle = new LoginThrottle({ failuresPerLogin: 2, failuresPerAddress: 3, blockSeconds: 90 });
    await throttle.failed('a', '10.0.0.1');
    expect(await throttle.waitSeconds('a', '10.0.0.1')).toBe(0);
    await throttle.failed('A', '10.0.0.1'); // logins compare without case
    expect(await throttle.waitSeconds('a', '10.0.0.1')).toBe(90);
    expect(await throttle.waitSeconds('a', '10.0.0.2')).toBe(0);
    expect(await throttle.waitSeconds('b', '10.0.0.1')).toBe(0);
    await throttle.failed('c', '10.0.0.1'); // the address's third failure
    expect(await throttle.waitSeconds('d', '10.0.0.1')).toBe(90);
    expect(await throttle.waitSeconds('d', '10.0.0.3')).toBe(0);
  });

  it('writes the wait in minutes or seconds', () => {
    expect(waitText(900)).toBe('15 分钟');
    expect(waitText(61)).toBe('2 分钟');
    expect(waitText(40)).toBe('40 秒');
  });
});
