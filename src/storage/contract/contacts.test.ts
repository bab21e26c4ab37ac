import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: what a contact change writes (SPEC 參)', (t) => {
  test("the email (marked verified) and the mobile are replaced, a null mobile clears it, and other accounts keep theirs", async () => {
    const { accounts } = t().store;
    const a = await accounts.create({ username: 'contacts.a', passwordHash: 'x', displayName: 'A', email: 'old@example.com', emailVerified: false, mobile: '0912000111' });
    const b = await accounts.create({ username: 'contacts.b', passwordHash: 'x', displayName: 'B', email: 'b@example.com', mobile: '0912000222' });
    await accounts.setContacts(a.id, { email: 'new@example.com', mobile: '0933000111' });
    const changed = (await accounts.findById(a.id))!;
    assert.deepEqual([changed.email, changed.emailVerified, changed.mobile], ['new@example.com', true, '0933000111']);
    await accounts.setContacts(a.id, { email: 'new@example.com', mobile: null });
    assert.equal((await accounts.findById(a.id))!.mobile, null);
    const other = (await accounts.findById(b.id))!;
    assert.deepEqual([other.email, other.mobile], ['b@example.com', '0912000222']);
  });
});
