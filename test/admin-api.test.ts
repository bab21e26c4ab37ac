import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { adminAgent, adminToken, adminUser, api, auditSince, consoleCsrf, ADMIN_PASSWORD, type AdminUser } from './support/admin.ts';
import type { Agent } from './support/agent.ts';
import { oathtool, oathtoolSkipReason } from './support/oathtool.ts';
import { startServer, type TestServer } from './support/server.ts';
import { signedInAgent } from './support/signed-in-agent.ts';
import { hashPassword } from '../src/security/password.ts';
import { postWith } from './support/two-factor.ts';

type Doc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, any> } };

/** A checker of bodies against the document's own schemas (JSON Schema 2020-12, as OpenAPI 3.1 says). */
function bodyChecker(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');
  const resolve = (schema: any): any => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'));
  return (schema: any, body: unknown) => {
    const validate = ajv.compile(resolve(schema));
    return validate(body) ? undefined : ajv.errorsText(validate.errors);
  };
}

/** A path of the document with its parameters filled in by something that names nothing real. */
const concrete = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => (/id$/i.test(name) ? '999999' : 'nothing-here'));

describe('the administration API: its OpenAPI document, its doors and its error shape', { skip: oathtoolSkipReason() }, () => {
  let server: TestServer;
  let doc: Doc;
  let system: AdminUser;
  let systemAgent: Agent;
  let csrf: string;

  before(async () => {
    server = await startServer();
    system = await adminUser(server, 'sys.admin', 'system-admin');
    systemAgent = await adminAgent(server, system);
    csrf = await consoleCsrf(systemAgent);
    doc = (await (await fetch(`${server.issuer}/admin/api/v1/openapi.json`)).json()) as Doc;
  });
  after(() => server?.cleanup());

  test('the document is a valid OpenAPI 3.1 document, generated from the routes themselves', async () => {
    const r = await new Validator({ strict: false } as never).validate(doc as never);
    assert.equal(r.valid, true, JSON.stringify(r.errors, null, 1));
    assert.equal((doc as any).openapi, '3.1.0');
    assert.ok(doc.paths['/me']?.get, 'GET /me is described');
    assert.ok((doc as any).components.securitySchemes.clientCredentials.flows.clientCredentials.scopes['admin:people']);
  });

  test('every operation answers as described: its statuses are documented and every body matches its schema', async () => {
    const check = bodyChecker(doc);
    const failures: string[] = [];
    const expectDescribed = (label: string, op: any, res: { status: number; json: unknown }) => {
      const described = op.responses[String(res.status)];
      if (!described) return failures.push(`${label}: status ${res.status} is not in the document`);
      const schema = described.content?.['application/json']?.schema;
      if (schema && res.json !== undefined) {
        const err = check(schema, res.json);
        if (err) failures.push(`${label} ${res.status}: ${err}`);
      }
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const url = concrete(path);
        const label = `${method.toUpperCase()} ${path}`;
        // No credentials at all: 401 with the error shape.
        const anonymous = await fetch(`${server.issuer}/admin/api/v1${url}`, { method, headers: { accept: 'application/json', 'content-type': 'application/json' }, body: op.requestBody ? '{}' : undefined });
        const anonymousBody = await anonymous.json();
        assert.equal(anonymous.status, 401, `${label} without credentials`);
        expectDescribed(`${label} anonymous`, op, { status: anonymous.status, json: anonymousBody });
        // As a system administrator: a GET answers; a change with a body that is not even an object is refused as invalid.
        if (op.requestBody) {
          const res = await api(systemAgent, method.toUpperCase(), url, ['not', 'an', 'object'], csrf);
          expectDescribed(`${label} bad body`, op, res);
          if (![400, 404].includes(res.status)) failures.push(`${label} with a bad body answered ${res.status}`);
        } else if (method === 'get') {
          const res = await api(systemAgent, 'GET', url);
          expectDescribed(label, op, res);
          if (res.status >= 500) failures.push(`${label}: ${res.status}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  test('a refusal is JSON with a machine-readable code and a zh-TW message; nothing is changed', async () => {
    const res = await api(systemAgent, 'GET', '/no-such-thing');
    assert.equal(res.status, 404);
    assert.equal(res.json.error, 'not_found');
    assert.match(res.json.message, /[\u4e00-\u9fff]/);
    const badToken = await api({ issuer: server.issuer, token: 'forged-token' }, 'GET', '/me');
    assert.equal(badToken.status, 401);
    assert.equal(badToken.json.error, 'unauthorized');
    assert.match(badToken.headers.get('www-authenticate') ?? '', /Bearer/);
  });

  test('a console-session change without the page’s CSRF token is refused', async () => {
    const ops = Object.entries(doc.paths).flatMap(([path, o]) => Object.entries(o).filter(([m]) => m !== 'get').map(([m]) => [m, path] as const));
    for (const [method, path] of ops) {
      const res = await api(systemAgent, method.toUpperCase(), concrete(path), {});
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.json.error, 'csrf');
    }
  });

  test('a token without admin scopes is refused on every operation that needs one, and each refusal is audited', async () => {
    const plain = await adminToken(server, ['openid']);
    const since = new Date();
    let refused = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op['x-capability']) continue;
        const res = await api(plain, method.toUpperCase(), concrete(path), op.requestBody ? {} : undefined);
        assert.equal(res.status, 403, `${method} ${path}`);
        assert.equal(res.json.error, 'forbidden');
        refused++;
      }
    }
    const events = await auditSince(server, 'admin.refused', since);
    assert.equal(events.filter((e) => e.actor === `client:${plain.clientId}`).length, refused);
    const me = await api(plain, 'GET', '/me');
    assert.equal(me.status, 200);
    assert.deepEqual(me.json.scopes, []);
  });

  test('a token with admin scopes acts as its client, bounded to its county', async () => {
    const county = (await server.services.store.directory.findCounty('雲林縣'))!;
    const token = await adminToken(server, ['admin:people'], { county: county.code });
    const me = await api(token, 'GET', '/me');
    assert.equal(me.status, 200);
    assert.deepEqual(me.json, { kind: 'client', id: token.clientId, roles: [], scopes: ['admin:people'], countyCode: county.code, pages: ['/admin', '/admin/people', '/admin/students'] });
  });

  describe('the console’s door', () => {
    test('signed out: to the login page, which comes back', async () => {
      const res = await fetch(`${server.issuer}/admin/tickets`, { redirect: 'manual' });
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent('/admin/tickets')}`);
    });

    test('an account without a role: 403, audited; its API calls are refused too', async () => {
      const { store } = server.services;
      const plain = await store.accounts.create({ username: 'no.role', passwordHash: await hashPassword(ADMIN_PASSWORD), displayName: '一般老師' });
      const agent = await signedInAgent(server.issuer, 'no.role', ADMIN_PASSWORD);
      const since = new Date();
      const res = await agent.get('/admin');
      assert.equal(res.status, 403);
      assert.match(await res.text(), /沒有管理角色/);
      const refused = await auditSince(server, 'admin.refused', since);
      assert.equal(refused[0]?.actor, `account:${plain.id}`);
      const me = await api(agent, 'GET', '/admin-nothing');
      assert.equal(me.status, 404);
    });

    test('a role without two-factor: told to bind it first', async () => {
      const { store } = server.services;
      await store.accounts.create({ username: 'no.factor', passwordHash: await hashPassword(ADMIN_PASSWORD), displayName: '客服' });
      await server.services.roleAdmin.grant({ account: 'no.factor', role: 'helpdesk' });
      const agent = await signedInAgent(server.issuer, 'no.factor', ADMIN_PASSWORD);
      const res = await agent.get('/admin');
      assert.equal(res.status, 403);
      assert.match(await res.text(), /雙因子/);
      const me = await api(agent, 'GET', '/me');
      assert.equal(me.status, 401);
      assert.equal(me.json.error, 'unauthorized');
    });

    test('a session without the second factor proves it through the re-ask (password and code), then the console opens', async () => {
      const { store } = server.services;
      const account = await store.accounts.create({ username: 'late.factor', passwordHash: await hashPassword(ADMIN_PASSWORD), displayName: '學校管理者' });
      const agent = await signedInAgent(server.issuer, 'late.factor', ADMIN_PASSWORD);
      // Two-factor turned on after this session signed in with the password alone.
      const { newTotpSecret, totpStep } = await import('../src/methods/totp.ts');
      const secret = newTotpSecret();
      await store.twoFactor.bind(account.id, server.services.pii.seal(secret), totpStep() - 2);
      await store.twoFactor.enable(account.id, []);
      await server.services.roleAdmin.grant({ account: 'late.factor', role: 'helpdesk' });
      const res = await agent.get('/admin/tickets');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/account/confirm?next=${encodeURIComponent('/admin/tickets')}`);
      const html = await (await agent.get(res.headers.get('location')!)).text();
      const done = await postWith(agent, html, '/account/confirm', { password: ADMIN_PASSWORD, code: oathtool(secret), next: '/admin/tickets' });
      assert.equal(done.status, 303, done.html.slice(0, 500));
      const open = await agent.get('/admin');
      assert.equal(open.status, 200);
      assert.match(await open.text(), /管理後台/);
    });
  });
});
