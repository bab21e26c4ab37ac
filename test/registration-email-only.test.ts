import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoSourcePeople } from '../src/seed/demo.ts';
import { Agent } from './support/agent.ts';
import { latestCode, outbox, submit, throughVerification } from './support/registration.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
before(async () => {
  server = await startServer({ env: { REGISTRATION_VERIFY_MOBILE: 'false' } });
});
after(() => server?.cleanup());

test('REGISTRATION_VERIFY_MOBILE=false: only the email code is asked and no SMS is sent', async () => {
  const agent = new Agent(server.issuer);
  const person = { ...demoSourcePeople[1], birthday: '1979/11/20' };
  assert.ok((await throughVerification(agent, server.services.db, person)).url.endsWith('/confirm'));
  await submit(agent, '/register/confirm', {});
  await submit(agent, '/register/privacy', { decision: 'agree' });
  const acct = { username: 'email.only', password: 'Cloud#Gate2026', email: 'email.only@example.edu.tw', mobile: '0919191919' };
  const codes = await submit(agent, '/register/account', { ...acct, password2: acct.password });
  assert.ok(codes.html.includes('電子郵件驗證碼'));
  assert.ok(!codes.html.includes('簡訊驗證碼'));
  const review = await submit(agent, '/register/codes', { email_code: await latestCode(agent, acct.email), action: 'verify' });
  assert.ok(review.url.endsWith('/review'));
  assert.ok((await submit(agent, '/register/review', { action: 'complete' })).html.includes('新建帳號成功！'));
  assert.ok(!(await outbox(agent)).some((m) => m.channel === 'sms'));
});
