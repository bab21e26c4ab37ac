import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { addClient } from '../src/oidc/client-registry.ts';
import { rotateSigningKey } from '../src/oidc/keys.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { demoAccounts } from '../src/seed/demo.ts';
import { Agent } from './support/agent.ts';
import { waitFor } from './support/wait.ts';
import { startServer, type TestServer } from './support/server.ts';
import { authorize, discover, signIn } from './support/sign-in.ts';

const teacher = demoAccounts[0];
const redirectUri = 'http://app.localhost:9100/cb';
const kidOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()).kid as string;

describe('nothing important lives only in memory', () => {
  const servers: TestServer[] = [];
  after(async () => {
    for (const s of servers.reverse()) await s.cleanup();
  });

  test('after a restart the SSO session, the refresh token and the signing key still work', async () => {
    const logs: string[] = [];
    const first = await startServer({ logs, env: { LOG_LEVEL: 'debug' } });
    servers.push(first);
    const provider = await createProvider(first.services);
    const c = await addClient(first.services.clients, { name: 'App', redirectUris: [redirectUri], firstParty: true }, (m) => provider.Client.validate(m));
    const agent = new Agent(first.issuer);
    const { tokens } = await signIn(agent, await discover(first.issuer, c.clientId, c.clientSecret), {
      redirectUri,
      username: teacher.username,
      password: teacher.password,
    });

    const second = await first.restart();
    servers.push(second);
    const config = await discover(second.issuer, c.clientId, c.clientSecret);
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    assert.equal(refreshed.claims()?.sub, tokens.claims()!.sub);
    assert.equal(kidOf(refreshed.id_token!), kidOf(tokens.id_token!), 'the same signing key after restart');

    const again = await authorize(agent, config, { redirectUri, username: 'x', password: 'x' });
    assert.ok(again.landed?.searchParams.get('code'), 'the SSO session survived: no login form');
    assert.equal((await agent.get('/account')).status, 200, 'the SSO site session survived');

    // Logs carry request ids but none of the secrets that passed through.
    const text = logs.join('');
    assert.match(text, /"requestId":/);
    for (const secret of [teacher.password, tokens.access_token, tokens.refresh_token!, tokens.id_token!, c.clientSecret!, again.landed!.searchParams.get('code')!])
      assert.ok(!text.includes(secret), 'a secret leaked into the logs');
  });

  test('keys rotate without a restart: new tokens use the new key, tokens signed with the old one still verify', async () => {
    const server = await startServer();
    servers.push(server);
    const provider = await createProvider(server.services);
    const c = await addClient(server.services.clients, { name: 'App', redirectUris: [redirectUri], firstParty: true }, (m) => provider.Client.validate(m));
    const { tokens: before } = await signIn(new Agent(server.issuer), await discover(server.issuer, c.clientId, c.clientSecret), {
      redirectUri,
      username: teacher.username,
      password: teacher.password,
    });
    // Rotated from another node (the CLI): the change is announced and this node rebuilds at once, without a restart.
    const newKid = await rotateSigningKey(server.services.signingKeys, server.services.keyBox);
    await waitFor('the rotation to reach this node', async () => {
      const published = (await (await fetch(`${server.issuer}/oidc/v1/jwksets`)).json()) as { keys: { kid: string }[] };
      return published.keys.some((k) => k.kid === newKid);
    }, 5_000);
    assert.equal(await server.oidc.refresh(), false, 'the notification already rebuilt it; nothing changed since');
    const restarted = server;

    const jwks = (await (await fetch(`${restarted.issuer}/oidc/v1/jwksets`)).json()) as { keys: { kid: string; d?: string }[] };
    assert.deepEqual(jwks.keys.map((k) => k.kid).sort(), [kidOf(before.id_token!), newKid].sort());
    assert.ok(jwks.keys.every((k) => k.d === undefined), 'only public parts are published');

    const config = await discover(restarted.issuer, c.clientId, c.clientSecret);
    const { tokens: after } = await signIn(new Agent(restarted.issuer), config, { redirectUri, username: teacher.username, password: teacher.password });
    assert.equal(kidOf(after.id_token!), newKid);
    // The old ID token is still accepted where a signature is checked (logout's id_token_hint).
    const end = oidc.buildEndSessionUrl(config, { id_token_hint: before.id_token!, post_logout_redirect_uri: 'http://app.localhost:9100/' });
    const res = await fetch(end, { redirect: 'manual' });
    assert.equal(res.status, 200);
    assert.ok(!(await res.text()).includes('發生錯誤'));
    const tampered = new URL(end);
    tampered.searchParams.set('id_token_hint', before.id_token!.slice(0, -4) + 'AAAA');
    const refused = await fetch(tampered, { redirect: 'manual' });
    assert.equal(refused.status, 400, 'a hint with a bad signature is refused, so the old one was really verified');

    const sealed = await restarted.services.db.query<{ sealed_jwk: string }>('SELECT sealed_jwk FROM signing_keys');
    assert.ok(sealed.every((r) => !r.sealed_jwk.includes('"d"')), 'private keys are stored encrypted');
  });
});
