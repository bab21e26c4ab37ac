import { fail, pass, type Check } from './result.ts';

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function checkRange(y: number, m: number, d: number, today: Date): Check<string> {
  if (!realDate(y, m, d)) return fail('birthday.invalid');
  if (y < 1900) return fail('birthday.tooOld');
  if (iso(y, m, d) > today.toISOString().slice(0, 10)) return fail('birthday.future');
  return pass(iso(y, m, d));
}

/**
 * A birthday typed as the manual asks: Gregorian YYYY/M/D with slashes. A ROC year (民國 90/1/1)
 * gets a message that gives the Gregorian date to type instead. Returns YYYY-MM-DD.
 */
export function parseBirthday(input: string, today = new Date()): Check<string> {
  const s = input.normalize('NFKC').trim();
  const m = /^(\d{1,4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (!m) return fail(/^\d{4}[-.]\d{1,2}[-.]\d{1,2}$/.test(s) || /^\d{8}$/.test(s) ? 'birthday.slashes' : 'birthday.format');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[1]!.length <= 3) {
    const gregorian = y + 1911;
    if (y >= 1 && realDate(gregorian, mo, d)) return fail('birthday.rocYear', { roc: y, gregorian: `${gregorian}/${mo}/${d}` });
    return fail('birthday.format');
  }
  return checkRange(y, mo, d, today);
}

/** Birthdays in import files: YYYY-MM-DD or YYYY/M/D. Returns YYYY-MM-DD. */
export function parseIsoOrSlashDate(input: string, today = new Date()): Check<string> {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(input.trim());
  if (!m) return fail('birthday.format');
  return checkRange(Number(m[1]), Number(m[2]), Number(m[3]), today);
}
