import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoSourcePeople } from '../src/seed/demo.ts';
import { Agent } from './support/agent.ts';
import { latestCode, submit, throughVerification } from './support/registration.ts';
import { startServer, type TestServer } from './support/server.ts';
import { SmtpCapture } from './support/smtp-capture.ts';
import { waitFor } from './support/wait.ts';

const person = { ...demoSourcePeople[0], birthday: '1985/3/7' };
const acct = { username: 'smtp.teacher', password: 'Sea#Breeze2026', email: 'smtp.teacher@example.edu.tw', mobile: '0977888999' };

describe('verification mail over real SMTP survives the mail server being down', () => {
  let server: TestServer;
  const smtp = new SmtpCapture();
  before(async () => {
    const port = await smtp.start(0);
    server = await startServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'edusso <no-reply@example.edu.tw>' } });
  });
  after(async () => {
    await server?.cleanup();
    await smtp.stop();
  });

  test('the code mail arrives; with SMTP stopped it waits in the outbox and arrives once SMTP is back', async () => {
    const agent = new Agent(server.issuer);
    assert.ok((await throughVerification(agent, server.services.db, person)).url.endsWith('/confirm'));
    await submit(agent, '/register/confirm', {});
    await submit(agent, '/register/privacy', { decision: 'agree' });

    // SMTP down before the codes are sent.
    await smtp.stop();
    const codes = await submit(agent, '/register/account', { ...acct, password2: acct.password });
    assert.ok(codes.url.endsWith('/codes'), 'the teacher is not blocked by the mail server');
    await waitFor('a failed attempt', async () => {
      const [row] = await server.services.db.query<{ attempts: number; last_error: string }>(`SELECT attempts, last_error FROM outbox WHERE recipient = $1`, [acct.email]);
      return row && row.attempts > 0 && row.last_error ? row : undefined;
    });
    assert.equal(smtp.mails.length, 0);

    await smtp.start();
    // Skip the backoff wait rather than sleeping through it.
    await server.services.db.query(`UPDATE outbox SET next_attempt_at = now() WHERE recipient = $1`, [acct.email]);
    const mail = await waitFor('the code mail', () => smtp.mails.find((m) => m.to.includes(acct.email)));
    assert.match(mail.raw, /Subject: /);
    const code = /驗證碼為：(\d{6})/.exec(mail.text)?.[1];
    assert.ok(code, mail.text);
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(smtp.mails.filter((m) => m.to.includes(acct.email)).length, 1, 'delivered exactly once');
    const [row] = await server.services.db.query<{ sent_at: Date | null }>(`SELECT sent_at FROM outbox WHERE recipient = $1`, [acct.email]);
    assert.ok(row?.sent_at);

    const review = await submit(agent, '/register/codes', { email_code: code!, sms_code: await latestCode(agent, acct.mobile), action: 'verify' });
    assert.ok(review.url.endsWith('/review'));
    const done = await submit(agent, '/register/review', { action: 'complete' });
    assert.ok(done.html.includes('新建帳號成功！'));
  });
});
