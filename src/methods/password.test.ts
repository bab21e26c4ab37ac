import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword } from '../security/password.ts';
import type { Account } from '../storage/ports.ts';
import { passwordMethod } from './password.ts';

test('the password method names who a password proves, and why not', async () => {
  const passwordHash = await hashPassword('Right#Pass2026');
  const rows: Record<string, Account> = {
    active: { id: 'a', username: 'active', passwordHash, status: 'active' } as Account,
    disabled: { id: 'd', username: 'disabled', passwordHash, status: 'disabled' } as Account,
  };
  const prove = passwordMethod({ findByUsername: async (name) => rows[name] });
  assert.equal((await prove('active', 'Right#Pass2026')).ok, true);
  assert.deepEqual(await prove('active', 'Wrong#Pass2026'), { ok: false, reason: 'password', account: rows.active });
  assert.deepEqual(await prove('disabled', 'Right#Pass2026'), { ok: false, reason: 'disabled', account: rows.disabled });
  assert.deepEqual(await prove('nobody', 'Right#Pass2026'), { ok: false, reason: 'unknown_account' });
  assert.deepEqual(await prove(undefined, 'Right#Pass2026'), { ok: false, reason: 'unknown_account' }, 'a name that cannot exist still pays for a hash');
});
