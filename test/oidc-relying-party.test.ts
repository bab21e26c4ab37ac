import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import * as oidc from 'openid-client';
import { addClient } from '../src/oidc/client-registry.ts';
import { demoAccounts } from '../src/seed/demo.ts';
import { Agent, formOf } from './support/agent.ts';
import { freshDatabase, skipReason, testDrivers } from './support/postgres.ts';
import { startServer, type TestServer } from './support/server.ts';
import { discover, signIn } from './support/sign-in.ts';
import { waitFor } from './support/wait.ts';

const teacher = demoAccounts[0];
const rawGet = (url: string, token: string) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

// On the embedded server exactly as `npm start` runs it (its own PostgreSQL in DATA_DIR), and on an external one.
for (const driver of testDrivers) {
  const skip = skipReason(driver);
  describe(`a school application signs teachers in with openid-client (${driver})`, { skip }, () => {
    let server: TestServer;
    let dropDb: (() => Promise<void>) | undefined;
    const redirectUri = 'http://school-app.localhost:8123/callback';
    const apps: Record<'basic' | 'post', { id: string; secret: string }> = {} as never;

    before(async () => {
      const db = driver === 'external' ? await freshDatabase('external') : undefined;
      dropDb = db?.drop;
      server = await startServer(db ? { databaseUrl: db.url } : { embedded: true });
      const provider = (await import('../src/oidc/provider.ts')).createProvider(server.services);
      for (const method of ['basic', 'post'] as const) {
        const c = await addClient(
          server.services.clients,
          { name: `校務系統 ${method}`, redirectUris: [redirectUri], authMethod: `client_secret_${method}` },
          async (m) => (await provider).Client.validate(m),
        );
        apps[method] = { id: c.clientId, secret: c.clientSecret! };
      }
    });
    after(async () => {
      await server?.cleanup();
      await dropDb?.();
    });

    test('discovery advertises the Ministry paths', async () => {
      const config = await discover(server.issuer, apps.basic.id, apps.basic.secret);
      const meta = config.serverMetadata();
      assert.equal(meta.authorization_endpoint, `${server.issuer}/oidc/v1/azp`);
      assert.equal(meta.token_endpoint, `${server.issuer}/oidc/v1/token`);
      assert.equal(meta.userinfo_endpoint, `${server.issuer}/oidc/v1/userinfo`);
      assert.equal(meta.jwks_uri, `${server.issuer}/oidc/v1/jwksets`);
      assert.equal(meta.end_session_endpoint, `${server.issuer}/oidc/v1/userlogout`);
      assert.equal(meta.eduinfo_endpoint, `${server.issuer}/moeresource/api/v1/oidc/eduinfo`);
      assert.equal(meta.profile_endpoint, `${server.issuer}/moeresource/api/v1/oidc/profile`);
      for (const scope of ['openid', 'profile', 'email', 'openid2', 'eduinfo', 'educloudroles', 'guid', 'personid'])
        assert.ok(meta.scopes_supported?.includes(scope), scope);
      assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
      assert.ok(meta.token_endpoint_auth_methods_supported?.includes('client_secret_post'));
    });

    for (const method of ['basic', 'post'] as const) {
      test(`code + PKCE through the login form, tokens, userinfo, eduinfo, refresh, logout (client_secret_${method})`, async () => {
        const config = await discover(server.issuer, apps[method].id, apps[method].secret, method);
        const agent = new Agent(server.issuer);
        const { tokens } = await signIn(agent, config, { redirectUri, username: teacher.username, password: teacher.password });

        assert.equal(tokens.token_type, 'bearer');
        assert.equal(tokens.expires_in, 3600);
        assert.ok(tokens.refresh_token, 'a refresh token without offline_access, as existing clients expect');
        const claims = tokens.claims()!;
        assert.match(claims.sub, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        assert.equal(claims.aud, apps[method].id);
        const header = JSON.parse(Buffer.from(tokens.id_token!.split('.')[0]!, 'base64url').toString());
        assert.equal(header.alg, 'RS256');

        const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        assert.equal(userinfo.name, teacher.displayName);
        assert.equal(userinfo.preferred_username, teacher.username);
        assert.equal(userinfo.email, teacher.email);
        assert.ok(Array.isArray(userinfo.open2_id) && userinfo.open2_id.length === 1);

        const raw = await rawGet(`${server.issuer}/moeresource/api/v1/oidc/eduinfo`, tokens.access_token);
        assert.equal(raw.status, 200);
        assert.equal(raw.headers['content-encoding'], 'gzip');
        assert.deepEqual([...raw.body.subarray(0, 2)], [0x1f, 0x8b], 'body is gzip');
        const edu = JSON.parse(gunzipSync(raw.body).toString());
        assert.equal(edu.sub, claims.sub);
        assert.equal(edu.schoolid, teacher.affiliation.schoolCode);
        assert.equal(edu.titles[0].titles[0], '教師');
        assert.equal(edu.classinfo[0].classtitle, '三年一班');

        const cnc = await fetch(`${server.issuer}/cncresource/api/v1/eduinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
        assert.deepEqual(await cnc.json(), edu);
        const profile = (await (await fetch(`${server.issuer}/moeresource/api/v1/oidc/profile`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()) as any;
        assert.equal(profile.sub, claims.sub);
        assert.equal(profile.name, teacher.displayName);
        assert.equal(profile.schools[0].schoolid, teacher.affiliation.schoolCode);
        const noToken = await fetch(`${server.issuer}/moeresource/api/v1/oidc/eduinfo`);
        assert.equal(noToken.status, 401);
        assert.match(noToken.headers.get('www-authenticate')!, /invalid_token/);

        const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
        assert.notEqual(refreshed.access_token, tokens.access_token);
        const again = await oidc.fetchUserInfo(config, refreshed.access_token, claims.sub);
        assert.equal(again.sub, claims.sub);

        // RP-initiated logout: the confirm page, then back to the application; the SSO session is gone.
        const end = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'http://school-app.localhost:8123/' });
        const confirm = await agent.follow(end.href);
        const { action, fields } = formOf(await confirm.res.text());
        const done = await agent.post(action, { ...fields, logout: 'yes' });
        assert.equal(done.status, 303);
        assert.equal(done.headers.get('location'), 'http://school-app.localhost:8123/');
        const next = await agent.follow(oidc.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope: 'openid', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }).href);
        assert.match(await next.res.text(), /name="password"/, 'signed out: the login form again');
      });
    }

    test('a service client gets a token with client_credentials, which opens no personal data', async () => {
      const provider = await (await import('../src/oidc/provider.ts')).createProvider(server.services);
      const svc = await addClient(server.services.clients, { name: '排程服務', service: true, scopes: 'openid eduinfo' }, (m) => provider.Client.validate(m));
      const config = await discover(server.issuer, svc.clientId, svc.clientSecret);
      const token = await oidc.clientCredentialsGrant(config, { scope: 'eduinfo' });
      assert.equal(token.token_type, 'bearer');
      const res = await fetch(`${server.issuer}/cncresource/api/v1/eduinfo`, { headers: { authorization: `Bearer ${token.access_token}` } });
      assert.equal(res.status, 401, 'no account behind a service token');
    });

    test('after sign-in on the SSO site, 介接應用服務 lists the applications as sign-in links', async () => {
      const agent = new Agent(server.issuer);
      const { action, fields } = formOf(await (await agent.get('/login')).text());
      assert.equal((await agent.post(action, { ...fields, account: teacher.username, password: teacher.password, captcha: '424', action: 'login' })).status, 302);
      const apps = await (await agent.get('/apps')).text();
      assert.ok(apps.includes('href="http://localhost') && apps.includes('/demo/login"'), 'the demo application links to its sign-in');
      assert.ok(apps.includes('校務系統 basic'));
      const profile = await (await agent.get('/account')).text();
      assert.ok(profile.includes(teacher.displayName) && profile.includes('縣立鎮西國小'));
    });

    test('a second application signs in without a password (single sign-on) after consent', async () => {
      const agent = new Agent(server.issuer);
      await signIn(agent, await discover(server.issuer, apps.basic.id, apps.basic.secret), { redirectUri, username: teacher.username, password: teacher.password });
      const second = await discover(server.issuer, apps.post.id, apps.post.secret, 'post');
      const { tokens } = await signIn(agent, second, { redirectUri, username: 'unused', password: 'unused' });
      assert.equal(tokens.claims()!.preferred_username, teacher.username);
      // The audit write is not on the redirect's path; wait for it rather than race it.
      const audited = await waitFor('the audit event', async () =>
        (await server.services.db.query(`SELECT 1 FROM audit_events WHERE type = 'app.signed_in' AND client_id = $1`, [apps.post.id])).length > 0 || undefined,
      );
      assert.ok(audited, 'the single sign-on is an audited authentication event too');
    });
  });
}
