import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoAccounts } from '../src/seed/demo.ts';
import { Agent, formOf } from './support/agent.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server?.cleanup());

/** Every same-site link on the pages a visitor reaches from the home page, signed out and signed in. */
async function crawl(agent: Agent, start: string[]) {
  const seen = new Map<string, number>();
  const queue = [...start];
  while (queue.length && seen.size < 60) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const res = await agent.get(path);
    seen.set(path, res.status);
    if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
    const html = await res.text();
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = href!.replace(/&amp;/g, '&');
      if (!link.startsWith('/oidc/v1/userlogout') && !link.startsWith('/assets/') && !seen.has(link)) queue.push(link);
    }
  }
  return seen;
}

// 忘記密碼 and 啟用帳號 (陸.1, 柒) come with the recovery flows built beside this branch: remove this list when they merge.
test('no page links to a page that does not exist, signed out or signed in', async () => {
  const visitor = await crawl(new Agent(server.issuer), ['/', '/?lang=en']);
  const broken = [...visitor].filter(([, status]) => status >= 400);
  assert.deepEqual(broken, []);
  assert.ok(visitor.size >= 8, `crawled ${visitor.size} pages`);

  const teacher = new Agent(server.issuer);
  const { action, fields } = formOf(await (await teacher.get('/login')).text());
  await teacher.post(action, { ...fields, account: demoAccounts[0].username, password: demoAccounts[0].password, captcha: TEST_CAPTCHA, action: 'login' });
  const signedIn = await crawl(teacher, ['/', '/account', '/apps']);
  assert.deepEqual([...signedIn].filter(([, status]) => status >= 400), []);
});
