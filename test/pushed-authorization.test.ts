import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { demoAccounts } from '../src/seed/demo.ts';
import { Agent, formOf } from './support/agent.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { discover } from './support/sign-in.ts';

const teacher = demoAccounts[0];
const redirectUri = 'http://app.localhost:9400/cb';

describe('pushed authorization requests (RFC 9126)', () => {
  let server: TestServer;
  let config: oidc.Configuration;
  before(async () => {
    server = await startServer();
    const provider = await createProvider(server.services);
    const c = await addClient(server.services.clients, { name: '校務系統', redirectUris: [redirectUri], firstParty: true }, (m) => provider.Client.validate(m));
    config = await discover(server.issuer, c.clientId, c.clientSecret);
  });
  after(() => server?.cleanup());

  test('the advertised endpoint answers under /oidc and the pushed request signs a teacher in', async () => {
    assert.equal(config.serverMetadata().pushed_authorization_request_endpoint, `${server.issuer}/oidc/v1/par`);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = await oidc.buildAuthorizationUrlWithPAR(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      state,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    assert.ok(url.searchParams.get('request_uri')?.startsWith('urn:ietf:params:oauth:request_uri:'));
    assert.equal(url.searchParams.get('redirect_uri'), null, 'the parameters travelled by the back channel');

    const agent = new Agent(server.issuer);
    const login = formOf(await (await agent.follow(url.href)).res.text());
    const res = await agent.post(login.action, { ...login.fields, account: teacher.username, password: teacher.password, captcha: TEST_CAPTCHA, action: 'login' });
    const landed = await agent.follow(new URL(res.headers.get('location')!, server.issuer).href, (u) => u.href.startsWith(redirectUri));
    const tokens = await oidc.authorizationCodeGrant(config, landed.url, { pkceCodeVerifier: verifier, expectedState: state });
    assert.equal(tokens.claims()?.sub !== undefined, true);
  });
});
