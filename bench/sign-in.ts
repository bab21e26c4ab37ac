// Full sign-ins (authorization request → login form with argon2id → code → tokens → userinfo) against
// the real service on PGlite, sequential and 8 at a time, and the cost of a token refresh.
// Run: node bench/sign-in.ts [--n 60]
import { parseArgs } from 'node:util';
import * as oidc from 'openid-client';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { demoAccounts } from '../src/seed/demo.ts';
import { Agent } from '../test/support/agent.ts';
import { startServer } from '../test/support/server.ts';
import { discover, signIn } from '../test/support/sign-in.ts';

const n = Number(parseArgs({ options: { n: { type: 'string' } } }).values.n ?? 60);
const server = await startServer();
const provider = await createProvider(server.services);
const redirectUri = 'http://bench.localhost/cb';
const c = await addClient(server.services.clients, { name: 'bench', redirectUris: [redirectUri], firstParty: true }, (m) => provider.Client.validate(m));
const config = await discover(server.issuer, c.clientId, c.clientSecret);
const teacher = demoAccounts[0];

async function one() {
  const { tokens } = await signIn(new Agent(server.issuer), config, { redirectUri, username: teacher.username, password: teacher.password });
  await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
  return tokens;
}
const pct = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!.toFixed(1);

await one(); // warm up
const times: number[] = [];
let started = performance.now();
for (let i = 0; i < n; i++) {
  const t = performance.now();
  await one();
  times.push(performance.now() - t);
}
const sequential = (n / (performance.now() - started)) * 1000;
console.log(`sequential: ${n} sign-ins, ${sequential.toFixed(1)}/s, p50 ${pct(times, 0.5)} ms, p95 ${pct(times, 0.95)} ms`);

started = performance.now();
await Promise.all(Array.from({ length: 8 }, async () => {
  for (let i = 0; i < n / 8; i++) await one();
}));
console.log(`8 concurrent: ${n} sign-ins, ${((n / (performance.now() - started)) * 1000).toFixed(1)}/s`);

const tokens = await one();
const refresh: number[] = [];
let rt = tokens.refresh_token!;
for (let i = 0; i < n; i++) {
  const t = performance.now();
  rt = (await oidc.refreshTokenGrant(config, rt)).refresh_token ?? rt;
  refresh.push(performance.now() - t);
}
console.log(`refresh_token grant: p50 ${pct(refresh, 0.5)} ms, p95 ${pct(refresh, 0.95)} ms`);
await server.cleanup();
