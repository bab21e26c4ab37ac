import { randomInt } from 'node:crypto';
import { validatePassword } from '../domain/password-policy.ts';

// Nothing that reads as another character on paper: no 0/O/o, 1/l/I, 5/S, 2/Z.
const UPPER = 'ABCDEFGHJKLMNPQRTUVWXY';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '346789';
const pick = (set: string) => set[randomInt(set.length)]!;

/**
 * A strong, readable initial password for a printed sheet: two groups of four joined by 「-」, with
 * upper and lower case letters and digits (about 45 bits), checked against the one password policy.
 */
export function initialPassword(account: string): string {
  for (;;) {
    const groups = [0, 1].map(() => pick(UPPER) + pick(LOWER) + pick(DIGITS) + pick(LOWER + UPPER + DIGITS));
    const password = groups.join('-');
    if (validatePassword(password, { account }).ok) return password;
  }
}
