import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: two-factor', (t) => {
  test('one authenticator per account; a step is accepted once and never one before it', async () => {
    const { twoFactor, accounts } = t().store;
    const a = await accounts.create({ username: 'tf.owner', passwordHash: 'x', displayName: '甲' });
    assert.equal(await twoFactor.find(a.id), undefined);
    assert.equal(await twoFactor.bind(a.id, 'sealed-1', 100), true);
    assert.equal(await twoFactor.bind(a.id, 'sealed-2', 101), false, 'a second bind does not replace the first');
    const bound = await twoFactor.find(a.id);
    assert.deepEqual([bound?.secretSealed, bound?.lastStep, bound?.enabledAt], ['sealed-1', 100, null]);
    assert.equal(await twoFactor.acceptStep(a.id, 100), false, 'the step that bound it');
    assert.equal(await twoFactor.acceptStep(a.id, 99), false);
    assert.equal(await twoFactor.acceptStep(a.id, 101), true);
    assert.equal(await twoFactor.acceptStep(a.id, 101), false, 'replay');
  });

  test('recovery codes: set on enabling, each usable once, replaced on regeneration, gone with the binding', async () => {
    const { twoFactor, accounts } = t().store;
    const a = await accounts.create({ username: 'tf.codes', passwordHash: 'x', displayName: '乙' });
    const b = await accounts.create({ username: 'tf.other', passwordHash: 'x', displayName: '丙' });
    await twoFactor.bind(a.id, 's', 1);
    await twoFactor.bind(b.id, 's', 1);
    await twoFactor.enable(a.id, ['h1', 'h2', 'h3']);
    assert.ok((await twoFactor.find(a.id))?.enabledAt instanceof Date);
    assert.equal(await twoFactor.recoveryCodesLeft(a.id), 3);
    assert.equal(await twoFactor.useRecoveryCode(b.id, 'h1'), false, "another account's code");
    assert.equal(await twoFactor.useRecoveryCode(a.id, 'h1'), true);
    assert.equal(await twoFactor.useRecoveryCode(a.id, 'h1'), false, 'used once');
    assert.equal(await twoFactor.recoveryCodesLeft(a.id), 2);
    await twoFactor.replaceRecoveryCodes(a.id, ['h4']);
    assert.equal(await twoFactor.useRecoveryCode(a.id, 'h2'), false, 'old codes are gone');
    assert.equal(await twoFactor.recoveryCodesLeft(a.id), 1);
    assert.equal(await twoFactor.remove(a.id), true);
    assert.equal(await twoFactor.remove(a.id), false);
    assert.equal(await twoFactor.recoveryCodesLeft(a.id), 0);
    assert.ok(await twoFactor.find(b.id), 'the other account keeps its own');
  });
});
