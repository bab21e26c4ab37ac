import { newTotpSecret, totpStep } from '../../src/methods/totp.ts';
import { hashPassword } from '../../src/security/password.ts';
import { recoveryCodeHash } from '../../src/methods/totp.ts';
import { Agent } from './agent.ts';
import { oathtool } from './oathtool.ts';
import { TEST_CAPTCHA, type TestServer } from './server.ts';

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Posts to `path` with the CSRF token of `html`, following nothing. */
export async function postWith(agent: Agent, html: string, path: string, fields: Record<string, string>) {
  const res = await agent.post(path, { _csrf: csrfOf(html), ...fields });
  return { status: res.status, location: res.headers.get('location') ?? undefined, html: await res.text() };
}

/** Signs in on /login with the password; returns where the site sends the browser (the second-factor page, or the account). */
export async function passwordSignIn(agent: Agent, username: string, password: string, next = '') {
  const html = await (await agent.get(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`)).text();
  const captchaId = /name="captcha_id" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return postWith(agent, html, `/login${next ? `?next=${encodeURIComponent(next)}` : ''}`, { account: username, password, captcha_id: captchaId, captcha: TEST_CAPTCHA, action: 'login' });
}

/** The second-factor page's form posted with a code (mode `code` or `recovery`). */
export async function secondFactor(agent: Agent, code: string, mode: 'code' | 'recovery' = 'code') {
  const html = await (await agent.get(`/login/second-factor${mode === 'recovery' ? '?mode=recovery' : ''}`)).text();
  return postWith(agent, html, '/login/second-factor', { code, mode });
}

/**
 * A code the app would show now, for an authenticator used a minute ago (its last accepted step set
 * two steps back): a test takes several codes within one 30-second step, a person never does.
 */
export async function freshCode(server: TestServer, accountId: string, secret: string) {
  await server.services.db.query(`UPDATE two_factor SET last_step = $2 WHERE account_id = $1`, [accountId, totpStep() - 2]);
  return oathtool(secret);
}

/** An account with two-factor bound and on (set up through the store), and its recovery codes. */
export async function accountWithTwoFactor(server: TestServer, username: string, password: string, extra: { email?: string; personIdHash?: string; personIdSealed?: string } = {}) {
  const { store, pii } = server.services;
  const account = await store.accounts.create({ username, passwordHash: await hashPassword(password), displayName: '測試老師', emailVerified: Boolean(extra.email), ...extra });
  const secret = newTotpSecret();
  await store.twoFactor.bind(account.id, pii.seal(secret), totpStep() - 2);
  const recoveryCodes = ['abcde-fghij', 'klmno-pqrst'];
  await store.twoFactor.enable(account.id, recoveryCodes.map((c) => recoveryCodeHash(c)!));
  return { account, secret, recoveryCodes };
}
