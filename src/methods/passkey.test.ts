import assert from 'node:assert/strict';
import { test } from 'node:test';
import { softAuthenticator } from '../../test/support/soft-authenticator.ts';
import type { Passkey, PasskeyRepo } from '../storage/ports.ts';
import { passkeyMethod, passkeyName, relyingParty, userHandleOf } from './passkey.ts';

const issuer = 'https://sso.example.edu.tw';
const origin = 'https://sso.example.edu.tw';

/** The passkey table in memory, with the counter rule of the SQL one. */
function memoryRepo(): PasskeyRepo & { rows: Map<string, Passkey> } {
  const rows = new Map<string, Passkey>();
  return {
    rows,
    async add(p) {
      rows.set(p.id, { ...p, createdAt: new Date(), lastUsedAt: null });
    },
    find: async (id) => rows.get(id),
    listForAccount: async (a) => [...rows.values()].filter((p) => p.accountId === a),
    countForAccount: async (a) => [...rows.values()].filter((p) => p.accountId === a).length,
    async used(id, prev, next) {
      const p = rows.get(id);
      if (!p || p.counter !== prev || !(next > prev || (next === 0 && prev === 0))) return false;
      rows.set(id, { ...p, counter: next, lastUsedAt: new Date() });
      return true;
    },
    rename: async () => false,
    remove: async () => undefined,
  };
}

const account = { id: '3c8d5f9a-efc4-4f5d-aea0-d47c436c75de', username: 'demo.teacher', displayName: '王小明' };

async function registered(userVerified = true) {
  const repo = memoryRepo();
  const method = passkeyMethod({ passkeys: repo, issuer });
  const device = softAuthenticator({ rpID: 'sso.example.edu.tw', origin, userVerified });
  const options = await method.registrationOptions(account);
  const r = await method.verifyRegistration(account.id, device.create(options), options.challenge, '筆電');
  assert.ok(r.ok, 'registered');
  await repo.add(r.passkey);
  return { repo, method, device };
}

test('the relying party is the issuer’s host and origin', () => {
  assert.deepEqual(relyingParty('https://sso.example.edu.tw'), { rpID: 'sso.example.edu.tw', origin: 'https://sso.example.edu.tw' });
  assert.deepEqual(relyingParty('http://localhost:3000'), { rpID: 'localhost', origin: 'http://localhost:3000' });
});

test('a passkey’s name: as typed (spaces tidied, 50 characters), else the browser and system', () => {
  assert.equal(passkeyName('  辦公室   電腦 ', 'Chrome 120（Windows 10）'), '辦公室 電腦');
  assert.equal(passkeyName('', 'Chrome 120（Windows 10）'), 'Chrome 120（Windows 10）');
  assert.equal(passkeyName(undefined, ''), 'Passkey');
  assert.equal(passkeyName('x'.repeat(80), '').length, 50);
});

test('registration options: this site, the account id as user handle, a resident key, existing passkeys excluded', async () => {
  const { method, device } = await registered();
  const options = await method.registrationOptions(account);
  assert.equal(options.rp.id, 'sso.example.edu.tw');
  assert.equal(options.rp.name, '教育雲端帳號');
  assert.equal(options.user.id, userHandleOf(account.id));
  assert.equal(options.authenticatorSelection?.residentKey, 'required');
  assert.deepEqual(options.excludeCredentials?.map((c) => c.id), [device.id]);
});

test('registration is refused for another challenge, another site, or a malformed answer', async () => {
  const method = passkeyMethod({ passkeys: memoryRepo(), issuer });
  const options = await method.registrationOptions(account);
  const device = softAuthenticator({ rpID: 'sso.example.edu.tw', origin });
  assert.deepEqual(await method.verifyRegistration(account.id, device.create(options), 'another-challenge', 'x'), { ok: false, reason: 'invalid' });
  const phishing = softAuthenticator({ rpID: 'sso.example.edu.tw', origin: 'https://sso-example.evil' });
  assert.deepEqual(await method.verifyRegistration(account.id, phishing.create(options), options.challenge, 'x'), { ok: false, reason: 'invalid' });
  assert.deepEqual(await method.verifyRegistration(account.id, { id: 'x' }, options.challenge, 'x'), { ok: false, reason: 'invalid' });
});

test('passwordless sign-in: the answer proves the account once; a replay, another challenge or another site is refused', async () => {
  const { repo, method, device } = await registered();
  const options = await method.authenticationOptions();
  assert.equal(options.userVerification, 'required');
  assert.equal(options.allowCredentials, undefined, 'discoverable: the authenticator offers its passkeys');
  const answer = device.get(options);
  const r = await method.verifyAuthentication(answer, options.challenge);
  assert.ok(r.ok && r.accountId === account.id);
  assert.ok(repo.rows.get(device.id)!.lastUsedAt);
  const replay = await method.verifyAuthentication(answer, options.challenge);
  assert.equal(replay.ok, false, 'the same answer (the same counter) again');
  assert.equal(repo.rows.get(device.id)!.counter, 1);
  const next = await method.authenticationOptions();
  assert.deepEqual(await method.verifyAuthentication(device.get(options), next.challenge), { ok: false, reason: 'invalid', accountId: account.id });
  assert.deepEqual(await method.verifyAuthentication(device.get(next, { origin: 'https://evil.example' }), next.challenge), { ok: false, reason: 'invalid', accountId: account.id });
  assert.deepEqual(await method.verifyAuthentication({ ...device.get(next), id: 'AAAA', rawId: 'AAAA' }, next.challenge), { ok: false, reason: 'unknown' });
  assert.ok((await method.verifyAuthentication(device.get(next), next.challenge)).ok, 'a fresh answer still works');
});

test('passwordless needs the person verified; as a second factor the account’s own passkeys suffice with presence', async () => {
  const { method, device } = await registered(false);
  const options = await method.authenticationOptions();
  assert.deepEqual(await method.verifyAuthentication(device.get(options), options.challenge), { ok: false, reason: 'invalid', accountId: account.id });
  assert.equal(await method.hasPasskeys(account.id), true);
  assert.equal(await method.hasPasskeys('00000000-0000-0000-0000-000000000000'), false);
  const second = await method.authenticationOptions(account.id);
  assert.deepEqual(second.allowCredentials?.map((c) => c.id), [device.id]);
  assert.ok((await method.verifyAuthentication(device.get(second), second.challenge, account.id)).ok);
  const third = await method.authenticationOptions(account.id);
  assert.deepEqual(await method.verifyAuthentication(device.get(third), third.challenge, '00000000-0000-0000-0000-000000000000'), { ok: false, reason: 'unknown' }, 'another account’s second factor');
});
