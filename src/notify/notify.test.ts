import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import type { Db } from '../storage/db.ts';
import { openTestDb } from '../../test/support/postgres.ts';
import { deliverPending } from './delivery.ts';
import { sqlOutbox } from '../storage/sql/notify.ts';
import { httpSmsGateway, type Mailer } from './transports.ts';
import { verificationCodeMessage } from './templates.ts';

let db: Db;
let closeDb: () => Promise<void>;
before(async () => {
  ({ db, close: closeDb } = await openTestDb());
});
after(() => closeDb());

test('a message queued in a transaction that rolls back is never sent', async () => {
  await assert.rejects(
    db.transaction(async (tx) => {
      await sqlOutbox(tx).enqueue({ channel: 'email', to: 'ghost@example.com', subject: 's', text: 't' });
      throw new Error('the change failed');
    }),
  );
  assert.equal((await sqlOutbox(db).recent(100)).filter((m) => m.to === 'ghost@example.com').length, 0);
});

test('failures back off exponentially and are retried until sent; no transport leaves messages queued', async () => {
  await db.transaction((tx) => sqlOutbox(tx).enqueue({ channel: 'email', to: 'a@example.com', subject: 'hi', text: 'code 123456' }));
  await db.transaction((tx) => sqlOutbox(tx).enqueue({ channel: 'sms', to: '0912345678', text: 'code 654321' }));
  const sent: string[] = [];
  let up = false;
  const mailer: Mailer = {
    async send(to) {
      if (!up) throw new Error('connect ECONNREFUSED');
      sent.push(to);
    },
  };
  assert.deepEqual(await deliverPending(sqlOutbox(db), { email: mailer }), { sent: 0, failed: 1 });
  const [row] = await db.query<{ attempts: number; wait: number; last_error: string }>(
    `SELECT attempts, extract(epoch FROM next_attempt_at - now())::int AS wait, last_error FROM outbox WHERE recipient = 'a@example.com'`,
  );
  assert.equal(row!.attempts, 1);
  assert.ok(row!.wait >= 3 && row!.wait <= 5, `first retry in about 5 s, got ${row!.wait}`);
  assert.match(row!.last_error, /ECONNREFUSED/);
  assert.deepEqual(await deliverPending(sqlOutbox(db), { email: mailer }), { sent: 0, failed: 0 }, 'not due yet');
  up = true;
  await db.query(`UPDATE outbox SET next_attempt_at = now() WHERE recipient = 'a@example.com'`);
  assert.deepEqual(await deliverPending(sqlOutbox(db), { email: mailer }), { sent: 1, failed: 0 });
  assert.deepEqual(await deliverPending(sqlOutbox(db), { email: mailer }), { sent: 0, failed: 0 }, 'sent once');
  assert.deepEqual(sent, ['a@example.com']);
  const sms = await db.query<{ sent_at: Date | null; attempts: number }>(`SELECT sent_at, attempts FROM outbox WHERE channel = 'sms'`);
  assert.deepEqual(sms, [{ sent_at: null, attempts: 0 }], 'no SMS gateway: the SMS waits untouched');
});

test('the Mitake-style SMS gateway gets a form POST and its status codes are honoured', async () => {
  const received: URLSearchParams[] = [];
  let reply = 'msgid=1\nstatuscode=1\n';
  const gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(new URLSearchParams(body));
      res.end(reply);
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(gateway.address() as { port: number }).port}/SmSend`;
  try {
    const sms = httpSmsGateway({ url, username: 'school', password: 'secret' });
    await sms.send('0912345678', '驗證碼 123456');
    assert.equal(received[0]!.get('username'), 'school');
    assert.equal(received[0]!.get('dstaddr'), '0912345678');
    assert.equal(received[0]!.get('smbody'), '驗證碼 123456');
    reply = 'statuscode=e\nError=帳號錯誤\n';
    await assert.rejects(sms.send('0912345678', 'x'), /statuscode=e/);
  } finally {
    gateway.close();
  }
});

test('code messages carry the code and its expiry, and the SMS fits one message', () => {
  const m = verificationCodeMessage('048213', 10, 'registration');
  assert.ok(m.text.includes('048213') && m.text.includes('10 分鐘'));
  assert.ok(m.sms.includes('048213'));
  assert.ok(m.sms.length <= 70, `${m.sms.length} characters`);
});
