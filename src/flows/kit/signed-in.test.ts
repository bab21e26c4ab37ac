import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireRecentSignIn, safeNext } from './signed-in.ts';

test('safeNext keeps local paths and refuses anything that leaves the site', () => {
  assert.equal(safeNext('/account/password'), '/account/password');
  assert.equal(safeNext('/account?x=1'), '/account?x=1');
  for (const bad of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '', '/a b', undefined, ['/x']])
    assert.equal(safeNext(bad), undefined, String(bad));
});

test('requireRecentSignIn lets a session proven within 5 minutes through and sends an older one to the question, coming back', () => {
  const ctx = (minutesAgo: number) => {
    const c = { state: { session: { authenticatedAt: new Date(Date.now() - minutesAgo * 60_000) } }, originalUrl: '/account/school?x=1', status: 200, location: '' } as any;
    c.redirect = (to: string) => (c.location = to);
    return c;
  };
  const fresh = ctx(1);
  assert.equal(requireRecentSignIn(fresh), true);
  assert.equal(fresh.location, '');
  const stale = ctx(6);
  assert.equal(requireRecentSignIn(stale), false);
  assert.equal(stale.status, 303);
  assert.equal(stale.location, '/account/confirm?next=%2Faccount%2Fschool%3Fx%3D1');
  const posted = ctx(6);
  requireRecentSignIn(posted, '/account/passkeys/k1/remove');
  assert.equal(posted.location, '/account/confirm?next=%2Faccount%2Fpasskeys%2Fk1%2Fremove');
});
