import { summarizeUserAgent } from '../../domain/user-agent.ts';
import type { SignInRecord } from '../../storage/ports.ts';

/** How many records a page may show (the manual's select); the first is the default. */
export const RECORD_COUNTS = [10, 20, 50, 100] as const;
export const DEFAULT_COUNT = RECORD_COUNTS[0];

/** `?n=`: absent is the default; anything but one of RECORD_COUNTS is the default with a message. */
export function countOf(value: unknown): { count: number; bad: boolean } {
  if (value === undefined) return { count: DEFAULT_COUNT, bad: false };
  const n = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  return (RECORD_COUNTS as readonly number[]).includes(n) ? { count: n, bad: false } : { count: DEFAULT_COUNT, bad: true };
}

/** A stored record as a row of the page: the application's name, and the browser and device in words. */
export function recordRow(r: SignInRecord & { at: Date; clientName: string | null }) {
  const { browser, system, device } = summarizeUserAgent(r.userAgent);
  return { at: r.at, app: r.clientName, result: r.result, method: r.method, ip: r.ip ?? null, browser, system, device };
}
