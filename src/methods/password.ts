import { checkNewPassword } from '../domain/password-policy.ts';
import type { PiiVault } from '../security/pii.ts';
import { verifyPassword } from '../security/password.ts';
import type { Account, AccountRepo } from '../storage/ports.ts';

export type PasswordProof = { ok: true; account: Account } | { ok: false; reason: 'unknown_account' | 'password' | 'disabled'; account?: Account };

/**
 * The password method: whom an account name and its Education Cloud password prove. An unknown name
 * costs the same argon2id verification as a known one (a decoy hash), so timing reveals no accounts.
 */
export function passwordMethod(accounts: Pick<AccountRepo, 'findByUsername'>) {
  return async (username: string | undefined, password: string): Promise<PasswordProof> => {
    const account = username ? await accounts.findByUsername(username) : undefined;
    const passwordOk = await verifyPassword(account?.passwordHash, password);
    if (!account) return { ok: false, reason: 'unknown_account' };
    if (!passwordOk) return { ok: false, reason: 'password', account };
    if (account.status !== 'active') return { ok: false, reason: 'disabled', account };
    return { ok: true, account };
  };
}

/**
 * The one new-password rule (`checkNewPassword`) with everything known about the account's person: its
 * name, and the identity number and birthday unsealed from its record. Every flow that sets a password uses it.
 */
export function newPasswordCheck(accounts: Pick<AccountRepo, 'sealedPerson'>, pii: PiiVault) {
  return async (account: Pick<Account, 'id' | 'username'>, password: string, repeat: string) => {
    const person = await accounts.sealedPerson(account.id);
    return checkNewPassword(password, repeat, {
      account: account.username,
      idNumber: person?.idSealed ? pii.open(person.idSealed) : undefined,
      birthday: person?.birthdaySealed ? pii.open(person.birthdaySealed) : undefined,
    });
  };
}
