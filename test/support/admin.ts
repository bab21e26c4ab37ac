import type { Role } from '../../src/storage/ports.ts';
import type { AdminScope } from '../../src/domain/admin-scopes.ts';
import { Agent } from './agent.ts';
import type { TestServer } from './server.ts';
import { accountWithTwoFactor, csrfOf, passwordSignIn, secondFactor } from './two-factor.ts';
import { oathtool } from './oathtool.ts';

export const ADMIN_PASSWORD = 'Adm1n-Passw0rd!';

export interface AdminUser {
  username: string;
  accountId: string;
  secret: string;
}

/**
 * An account holding `role` (with its county name or school code), two-factor on, granted through the
 * same service as `edusso role grant`.
 */
export async function adminUser(server: TestServer, username: string, role: Role, scope: { county?: string; school?: string } = {}): Promise<AdminUser> {
  const { account, secret } = await accountWithTwoFactor(server, username, ADMIN_PASSWORD, { email: `${username}@example.test` });
  await server.services.roleAdmin.grant({ account: username, role, ...scope });
  return { username, accountId: account.id, secret };
}

/** An agent signed in as `user` through /login and the second-factor page (a real TOTP code): the console is open to it. */
export async function adminAgent(server: TestServer, user: AdminUser): Promise<Agent> {
  const agent = new Agent(server.issuer);
  const first = await passwordSignIn(agent, user.username, ADMIN_PASSWORD);
  if (!first.location?.includes('/login/second-factor')) throw new Error(`expected the second-factor step, got ${first.status} ${first.location}`);
  await server.services.db.query(`UPDATE two_factor SET last_step = last_step - 2 WHERE account_id = $1`, [user.accountId]);
  const done = await secondFactor(agent, await oathtool(user.secret));
  if (done.status !== 303 && done.status !== 302) throw new Error(`second factor refused (${done.status})`);
  return agent;
}

/** The CSRF token of the session, as a console page carries it (for X-CSRF-Token on API changes). */
export async function consoleCsrf(agent: Agent): Promise<string> {
  return csrfOf(await (await agent.get('/admin')).text()) || csrfOf(await (await agent.get('/account/password')).text());
}

/** Calls the admin API with the session or a Bearer token; JSON in and out. */
export async function api(target: Agent | { issuer: string; token: string }, method: string, path: string, body?: unknown, csrf?: string) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrf) headers['x-csrf-token'] = csrf;
  const init: RequestInit = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
  let res: Response;
  if (target instanceof Agent) res = await target.request(`/admin/api/v1${path}`, init);
  else {
    headers.authorization = `Bearer ${target.token}`;
    res = await fetch(`${target.issuer}/admin/api/v1${path}`, init);
  }
  const type = res.headers.get('content-type') ?? '';
  const json = type.includes('json') ? await res.json() : undefined;
  const text = json === undefined ? await res.text() : undefined;
  return { status: res.status, json: json as any, text, headers: res.headers };
}

/** A service client holding `scopes` (admin ones or not), bounded to a county when given, and a client-credentials token. */
export async function adminToken(server: TestServer, scopes: (AdminScope | 'openid')[], opts: { county?: string } = {}) {
  const client = await server.services.clientAdmin.add({ name: `county system ${Math.random().toString(36).slice(2, 8)}`, service: true, scopes: scopes.join(' '), adminCounty: opts.county });
  const res = await fetch(`${server.issuer}/oidc/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' ') }),
  });
  const body = (await res.json()) as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
  return { issuer: server.issuer, token: body.access_token, clientId: client.clientId };
}

/** The audit events of a type written since `since` (a Date), newest first. */
export async function auditSince(server: TestServer, type: string, since: Date) {
  return server.services.db.query<{ type: string; actor: string | null; account_id: string | null; client_id: string | null; detail: any }>(
    `SELECT type, actor, account_id, client_id, detail FROM audit_events WHERE type = $1 AND at >= $2 ORDER BY id DESC`,
    [type, since],
  );
}

/**
 * Signs an administrator in inside Chromium, through /login and the second-factor page (a real code),
 * and lands on `next` (the console by default).
 */
export async function adminSignInPage(page: import('playwright-core').Page, server: TestServer, user: AdminUser, lang: 'zh-TW' | 'en', next = '/admin') {
  const { TEST_CAPTCHA } = await import('./server.ts');
  await page.goto(`${server.issuer}/login?lang=${lang}&next=${encodeURIComponent(next)}`);
  await page.locator('input[name="account"]').fill(user.username);
  await page.locator('#password').fill(ADMIN_PASSWORD);
  await page.locator('#captcha').fill(TEST_CAPTCHA);
  await page.locator('button.primary[value="login"]').click();
  await page.waitForURL(/\/login\/second-factor/);
  await server.services.db.query(`UPDATE two_factor SET last_step = last_step - 2 WHERE account_id = $1`, [user.accountId]);
  await page.locator('input[name="code"]').fill(oathtool(user.secret));
  await page.locator('input[name="code"]').press('Enter');
  await page.waitForURL((u) => u.pathname === next.split('?')[0]);
}
