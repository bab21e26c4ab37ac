import { z } from 'zod';
import { validateAccountName } from '../domain/account-name.ts';
import { validatePassword } from '../domain/password-policy.ts';
import { hashPassword } from '../security/password.ts';
import type { Account, Store } from '../storage/ports.ts';

export interface NewAccountInput {
  account: string;
  password: string;
  name: string;
  email?: string;
  mobile?: string;
  school?: string;
  identity?: string;
  titles?: string[];
}

/** A refusal in terms of one input and message keys (the caller translates them). */
export class AccountInputError extends Error {
  readonly field: 'account' | 'password' | 'identity' | 'title' | 'school' | 'days';
  readonly keys: { key: string; params?: Record<string, string | number> }[];
  constructor(field: AccountInputError['field'], keys: AccountInputError['keys'], message = keys.map((k) => k.key).join('; ')) {
    super(message);
    this.field = field;
    this.keys = keys;
  }
}

const identitySchema = z.enum(['教師', '職員', '學生']);

/** Accounts made by an administrator (`edusso account create`), with the same rules as self-registration. */
export function accountAdmin(store: Store) {
  return {
    async create(input: NewAccountInput): Promise<Account> {
      const name = validateAccountName(input.account);
      if (!name.ok) throw new AccountInputError('account', [{ key: name.error, params: name.params }]);
      const pw = validatePassword(input.password, { account: name.value });
      if (!pw.ok) throw new AccountInputError('password', pw.errors.map((key) => ({ key })));
      const identity = identitySchema.safeParse(input.identity ?? '教師');
      if (!identity.success) throw new AccountInputError('identity', [], '--identity must be 教師, 職員 or 學生');
      const titles = input.titles ?? [];
      if (!input.school && titles.length) throw new AccountInputError('title', [], '--title needs --school');
      if (input.school && !(await store.directory.getSchool(input.school))) throw new AccountInputError('school', [], `--school: no school with code ${input.school}`);
      if (await store.accounts.findByUsername(name.value)) throw new AccountInputError('account', [], `--account: ${name.value} is already taken`);
      const passwordHash = await hashPassword(input.password);
      const school = input.school;
      return store.transaction(async ({ accounts, audit }) => {
        const created = await accounts.create({ username: name.value, passwordHash, displayName: input.name.trim(), email: input.email ?? null, mobile: input.mobile ?? null });
        if (school) await accounts.setAffiliation(created.id, { schoolCode: school, identity: identity.data, titles, classes: [] });
        await audit.record({ type: 'account.created', accountId: created.id, detail: { via: 'cli' } });
        return created;
      });
    },

    /** SPEC 柒: disables every active account without a sign-in (or, never signed in, created) for `days`; each gets an audit event. */
    async disableInactive(days: number): Promise<string[]> {
      if (!Number.isInteger(days) || days < 1) throw new AccountInputError('days', [], '--days must be a whole number of days, at least 1');
      return store.transaction(async ({ accounts, audit }) => {
        const ids = await accounts.disableInactive(days);
        for (const id of ids) await audit.record({ type: 'account.disabled', accountId: id, detail: { reason: 'inactive', days } });
        return ids;
      });
    },
  };
}
export type AccountAdmin = ReturnType<typeof accountAdmin>;
