import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { oathtool, oathtoolSkipReason } from '../../test/support/oathtool.ts';
import { checkTotp, groupedSecret, newRecoveryCodes, newTotpSecret, qrCode, recoveryCodeHash, totpCode, totpStep, totpUri } from './totp.ts';

describe('TOTP against oathtool (RFC 6238, an independent generator)', { skip: oathtoolSkipReason() }, () => {
  test('a new secret is 20 bytes in base32 and oathtool computes the same code now', () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    const now = Date.now();
    const theirs = oathtool(secret, new Date(now));
    assert.equal(totpCode(secret, now), theirs);
    assert.deepEqual(checkTotp(secret, theirs, null, now), { ok: true, step: totpStep(now) });
  });

  test('at a step boundary the codes of the step before and after are accepted, two steps away are not', () => {
    const secret = newTotpSecret();
    const boundary = 1_700_000_010_000 - (1_700_000_010_000 % 30_000); // the first instant of a step
    const at = (ms: number) => oathtool(secret, new Date(ms));
    const step = totpStep(boundary);
    assert.deepEqual(checkTotp(secret, at(boundary - 1000), null, boundary), { ok: true, step: step - 1 }, 'the previous step (−1)');
    assert.deepEqual(checkTotp(secret, at(boundary + 30_000), null, boundary), { ok: true, step: step + 1 }, 'the next step (+1)');
    assert.deepEqual(checkTotp(secret, at(boundary - 31_000), null, boundary), { ok: false, reason: 'wrong' }, 'two steps back');
    assert.deepEqual(checkTotp(secret, at(boundary + 60_000), null, boundary), { ok: false, reason: 'wrong' }, 'two steps ahead');
  });

  test('a code at or before the last accepted step is refused (replay), a later one is not', () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const code = oathtool(secret, new Date(now));
    const first = checkTotp(secret, code, null, now);
    assert.ok(first.ok);
    assert.deepEqual(checkTotp(secret, code, first.step, now), { ok: false, reason: 'replayed' });
    assert.deepEqual(checkTotp(secret, oathtool(secret, new Date(now - 30_000)), first.step, now), { ok: false, reason: 'replayed' }, 'an older code after a newer one');
    assert.ok(checkTotp(secret, oathtool(secret, new Date(now + 30_000)), first.step, now).ok, 'the next step still works');
  });
});

test('malformed codes are refused before any check; spaces inside are ignored', () => {
  const secret = newTotpSecret();
  const now = Date.now();
  for (const bad of ['', '12345', '1234567', 'abcdef', '12 34 5']) assert.deepEqual(checkTotp(secret, bad, null, now), { ok: false, reason: 'malformed' }, bad);
  const code = totpCode(secret, now);
  assert.ok(checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now).ok);
});

test('the otpauth URI names the issuer 教育雲端帳號 and the account; the QR draws as SVG paths; the secret reads in fours', async () => {
  const uri = new URL(totpUri('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'demo.teacher'));
  assert.equal(uri.protocol, 'otpauth:');
  assert.equal(uri.host, 'totp');
  assert.equal(decodeURIComponent(uri.pathname), '/教育雲端帳號:demo.teacher');
  assert.deepEqual([uri.searchParams.get('issuer'), uri.searchParams.get('secret'), uri.searchParams.get('digits'), uri.searchParams.get('period')], ['教育雲端帳號', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', '6', '30']);
  const qr = await qrCode(uri.href);
  assert.match(qr.viewBox, /^0 0 \d+ \d+$/);
  assert.deepEqual(qr.paths.map((p) => Object.keys(p).sort().join()), ['d,fill', 'd,stroke'], 'the background and the modules');
  assert.equal(groupedSecret('JBSWY3DPEHPK3PXP'), 'JBSW Y3DP EHPK 3PXP');
});

test('recovery codes: ten different ones, hashed whatever the case and dashes, garbage not hashed', () => {
  const codes = newRecoveryCodes();
  assert.equal(new Set(codes).size, 10);
  for (const c of codes) assert.match(c, /^[a-z2-7]{5}-[a-z2-7]{5}$/);
  assert.equal(recoveryCodeHash(codes[0]!), recoveryCodeHash(codes[0]!.toUpperCase().replace('-', ' ')));
  assert.notEqual(recoveryCodeHash(codes[0]!), recoveryCodeHash(codes[1]!));
  assert.equal(recoveryCodeHash('123456'), undefined);
});
