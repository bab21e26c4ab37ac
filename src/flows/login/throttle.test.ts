import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { hashPassword } from '../../security/password.ts';
import { memoryCounterStore, rateLimits, type RateLimits } from '../../security/rate-limit.ts';
import type { Account, AccountRepo, AuditEvent, AuditRepo, SignInRecordRepo } from '../../storage/ports.ts';
import { authenticator, type LoginAttempt } from './service.ts';
import { loginPolicies, waitAfter } from './throttle.ts';

const teacherPassword = 'Right#Pass2026';
const teacher = { id: 't-1', username: 'teacher.t', passwordHash: await hashPassword(teacherPassword), status: 'active' } as Account;
const accounts = { findByUsername: async (name: string) => (name === teacher.username ? teacher : undefined), recordLogin: async () => undefined } as unknown as AccountRepo;
const captcha = { issue: async () => 'c', peek: async () => '000', check: async () => true };

describe('login throttle', () => {
  let events: AuditEvent[];
  let limits: RateLimits;
  let login: (a: Partial<LoginAttempt>) => ReturnType<ReturnType<typeof authenticator>>;
  beforeEach(() => {
    events = [];
    limits = rateLimits(memoryCounterStore());
    const audit = { record: async (e: AuditEvent) => void events.push(e) } as AuditRepo;
    const authenticate = authenticator({ accounts, audit, signIns: { record: async () => undefined } as unknown as SignInRecordRepo, limits, captcha, accountDomain: 'mail.edu.tw' });
    login = (a) => authenticate({ account: teacher.username, password: 'Wrong#Guess1', captchaId: 'c', captcha: '000', ip: '198.51.100.1', ...a });
  });
  const ofType = (type: string) => events.filter((e) => e.type === type);

  test('an attacker failing 50 times from one address cannot keep the teacher out from another', async () => {
    // The attack: lock a teacher out by failing on purpose from one address (a classroom PC, a botnet node).
    for (let i = 0; i < 50; i++) await login({ password: `Wrong#Guess${i}`, ip: '198.51.100.66' });
    const fromAttacker = await login({ password: teacherPassword, ip: '198.51.100.66' });
    assert.deepEqual([fromAttacker.ok, !fromAttacker.ok && fromAttacker.reason], [false, 'throttled'], 'the attacking address stays refused');
    const owner = await login({ password: teacherPassword, ip: '203.0.113.5' });
    assert.equal(owner.ok, true, 'the right password from another address signs in');
    assert.ok(ofType('login.failed').length <= loginPolicies.pair.points, 'past the waits, guesses are refused before any password is checked');
    assert.equal(ofType('login.throttled').length, 50 + 1 - ofType('login.failed').length, 'every refusal is recorded');
  });

  test('failures spread over many addresses delay new devices, never the teacher’s own device', async () => {
    // The attack: a botnet failing from many addresses, each under the per-address limit.
    const first = await login({ password: teacherPassword, ip: '203.0.113.5' });
    assert.ok(first.ok);
    const device = [first.deviceMark];
    for (let i = 0; i < 30; i++) await login({ ip: `192.0.2.${i}` });
    const newDevice = await login({ password: teacherPassword, ip: '203.0.113.9' });
    assert.ok(!newDevice.ok && newDevice.reason === 'throttled' && newDevice.retryAfterSeconds > 0, 'an unknown device waits');
    assert.ok(newDevice.retryAfterSeconds <= 5 * 60, 'a wait, not a lock');
    const ownDevice = await login({ password: teacherPassword, ip: '203.0.113.9', knownDevice: device });
    assert.equal(ownDevice.ok, true, 'the device that signed in before is let through');
  });

  test('one password sprayed over 30 names from one address is refused', async () => {
    // The attack: one common password tried once on each of many names, under every per-name limit.
    const results = [];
    for (let i = 0; i < 30; i++) results.push(await login({ account: `victim${i}.name`, password: 'Spring#2026', ip: '198.51.100.7' }));
    const refused = results.filter((r) => !r.ok && r.reason === 'throttled');
    assert.equal(refused.length, 20, 'after ten names, every further one waits');
    assert.ok(refused.every((r) => !r.ok && r.reason === 'throttled' && r.retryAfterSeconds > 0));
    assert.ok(ofType('login.delayed').some((e) => e.detail?.limit === 'address'));
    const elsewhere = await login({ account: 'victim29.name', password: 'Spring#2026', ip: '198.51.100.8' });
    assert.equal(!elsewhere.ok && elsewhere.reason, 'credentials', 'other addresses are not affected');
  });

  test('a few typos are free; then each failure waits longer, and every decision is an audit event', async () => {
    for (let i = 0; i < 4; i++) {
      const typo = await login({});
      assert.equal(!typo.ok && typo.reason, 'credentials');
    }
    assert.equal(ofType('login.delayed').length, 0, 'four typos cost nothing');
    await login({});
    const waiting = await login({ password: teacherPassword });
    assert.ok(!waiting.ok && waiting.reason === 'throttled');
    assert.ok(waiting.retryAfterSeconds > 0 && waiting.retryAfterSeconds <= waitAfter('pair', 5));
    assert.deepEqual(ofType('login.delayed').map((e) => e.detail?.limit), ['pair']);
    assert.equal(ofType('login.throttled').length, 1);
    assert.deepEqual(
      [5, 6, 7, 8, 9].map((n) => waitAfter('pair', n)),
      [15, 30, 60, 120, 240],
      'the wait doubles',
    );
    assert.ok(waitAfter('account', 1000) <= 300 && waitAfter('address', 1000) <= 900, 'the other waits have ceilings');
  });
});
