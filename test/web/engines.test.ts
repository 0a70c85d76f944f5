// The web application's own tables (users, sessions, reviews, drafts) on both engines: SQLite, and PostgreSQL when
// YUSUAN_TEST_PG_URL names a server (npm test starts one).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeStores, freshUrl } from '../store/helpers.js';
import { ORIGIN, form, signIn, testSite, type TestSite } from './helpers.js';

describeStores('accounts, reviews and drafts', (dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await testSite({}, await freshUrl(dialect));
    await site.accounts.createUser({
      login: 'rev',
      name: '审核员',
      role: 'reviewer',
      password: 'reviewer-pass-1',
    });
  });
  afterAll(() => site.close());

  it('signs in, keeps a reviewer’s decision on a finding, and signs out', async () => {
    expect(await site.accounts.countUsers()).toBe(1);
    expect(await site.accounts.authenticate('rev', 'wrong-password')).toBeUndefined();
    const session = await signIn(site, 'rev', 'reviewer-pass-1');
    const res = await site.app.request(
      `${ORIGIN}/documents/${site.sampleId}/findings/2/review`,
      form({ text: '已与单位核实', status: 'accepted', _csrf: session.csrf }, session),
    );
    expect(res.status).toBe(303);
    const findings = (await (
      await site.app.request(`${ORIGIN}/api/documents/${site.sampleId}/findings`)
    ).json()) as {
      keys: string[];
      reviews: { finding: string; status: string }[];
    };
    expect(findings.reviews).toEqual([
      expect.objectContaining({ finding: findings.keys[2], status: 'accepted' }),
    ]);
    await site.app.request(`${ORIGIN}/logout`, form({ _csrf: session.csrf }, session));
    expect(await site.accounts.session(session.cookie.split('=')[1])).toBeUndefined();
  });

  it('saves a draft and replaces it on the next save', async () => {
    const unitId = (await site.repository.document(site.sampleId))!.unitId;
    const input = JSON.parse(readFileSync('test/generate/fixtures/xinzhou-2023-input.json', 'utf8'));
    await site.drafts.save(unitId, 2023, input, '编制员');
    input.functions[0].basic.general_public = '1400';
    await site.drafts.save(unitId, 2023, input, '编制员');
    const drafts = await site.drafts.list(unitId);
    expect(drafts.map((d) => [d.year, (d.input as typeof input).functions[0].basic.general_public])).toEqual([
      [2023, '1400'],
    ]);
  });
});
