import { fail, pass, type Check } from './result.ts';

export const ROC_OFFSET = 1911;
const EARLIEST_YEAR = 1900;
const TAIWAN_UTC_OFFSET_MS = 8 * 3600 * 1000; // no daylight saving time

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Today's date in Taiwan as YYYY-MM-DD: a birthday typed just after midnight there is not in the future. */
const todayInTaiwan = (now: Date) => new Date(now.getTime() + TAIWAN_UTC_OFFSET_MS).toISOString().slice(0, 10);

function checkDate(y: number, m: number, d: number, now: Date): Check<string> {
  if (!realDate(y, m, d)) return fail('birthday.invalid');
  if (y < EARLIEST_YEAR) return fail('birthday.tooOld');
  if (iso(y, m, d) > todayInTaiwan(now)) return fail('birthday.future');
  return pass(iso(y, m, d));
}

/** 2001-01-01 → 2001/1/1, the form the manual asks teachers to type. */
export function toSlashDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}/${m}/${d}`;
}

/**
 * A birthday typed as the manual asks: Gregorian YYYY/M/D with slashes. A ROC year (民國 90/1/1) is
 * refused with the Gregorian date to type instead. Returns YYYY-MM-DD.
 */
export function parseBirthday(input: string, now = new Date()): Check<string> {
  const s = input.normalize('NFKC').replace(/\s+/g, '');
  if (!s) return fail('birthday.required');
  const slashed = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (slashed) return checkDate(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]), now);
  // 90/1/1, 090/01/01, 民國90年1月1日, 90.1.1: a ROC year of one to three digits.
  const roc = /^(?:民國)?(\d{1,3})(?:[/.\-](\d{1,2})[/.\-](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/.exec(s);
  if (roc) {
    const year = Number(roc[1]);
    const [m, d] = [Number(roc[2] ?? roc[4]), Number(roc[3] ?? roc[5])];
    const gregorian = checkDate(year + ROC_OFFSET, m, d, now);
    if (year < 1 || !gregorian.ok) return year < 1 ? fail('birthday.format') : gregorian;
    return fail('birthday.rocYear', { roc: year, gregorian: toSlashDate(gregorian.value) });
  }
  // Right year, wrong separators: 1990-01-01, 1990.1.1, 1990年1月1日, 19900101.
  if (/^\d{4}(?:[-.]\d{1,2}[-.]\d{1,2}|年\d{1,2}月\d{1,2}日?|\d{4})$/.test(s)) return fail('birthday.slashes');
  return fail('birthday.format');
}

/** Birthdays in import files: YYYY-MM-DD (also YYYY-M-D) or YYYY/M/D. Returns YYYY-MM-DD. */
export function parseIsoOrSlashDate(input: string, now = new Date()): Check<string> {
  const s = input.trim();
  if (!s) return fail('birthday.required');
  const m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (!m) return fail('birthday.format');
  return checkDate(Number(m[1]), Number(m[3]), Number(m[4]), now);
}
