import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { PiiVault } from '../security/pii.ts';
import type { RateLimitPolicy, RateLimits } from '../security/rate-limit.ts';
import type { AuditRepo, TwoFactorRepo } from '../storage/ports.ts';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_ISSUER = '教育雲端帳號';
export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now that still count (a phone's clock a little off). */
export const TOTP_WINDOW = 1;

const totpOf = (secretBase32: string, label = '') =>
  new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });

/** A new secret: 20 random bytes, in base32 as apps and `oathtool -b` take it. */
export const newTotpSecret = (): string => new Secret({ buffer: Uint8Array.from(randomBytes(20)).buffer }).base32;

/** The `otpauth://totp/…` URI an authenticator app scans. */
export const totpUri = (secretBase32: string, accountName: string): string => totpOf(secretBase32, accountName).toString();

/** The secret as a person types it: groups of four. */
export const groupedSecret = (secretBase32: string): string => secretBase32.replace(/(.{4})(?=.)/g, '$1 ');

/** The time step (RFC 6238 T) of an instant. */
export const totpStep = (now = Date.now()): number => TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now });

/** The code of an instant (tests and the sample shown nowhere else). */
export const totpCode = (secretBase32: string, now = Date.now()): string => totpOf(secretBase32).generate({ timestamp: now });

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

/**
 * Checks a typed code against the secret within ±TOTP_WINDOW steps. A code of a step at or before
 * `lastStep` (the last one accepted) is refused: a code works once. The caller stores the step it gets
 * back, atomically, so two requests racing with one code cannot both pass.
 */
export function checkTotp(secretBase32: string, typed: string, lastStep: number | null | undefined, now = Date.now()): TotpCheck {
  const code = typed.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'malformed' };
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: 'wrong' };
  const step = totpStep(now) + delta;
  if (lastStep != null && step <= lastStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
}

export interface QrDrawing {
  viewBox: string;
  /** The light background and the dark modules, as SVG path data. */
  paths: { fill?: string; stroke?: string; d: string }[];
}

/**
 * A QR code as the parts of an SVG (the CSP allows no data: images): views draw it as inline SVG
 * with escaped attributes, never as markup pasted in.
 */
export async function qrCode(text: string): Promise<QrDrawing> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const viewBox = /viewBox="([\d .]+)"/.exec(svg)?.[1];
  if (!viewBox) throw new Error('qrcode gave no viewBox');
  const paths = [...svg.matchAll(/<path (fill|stroke)="(#[0-9a-fA-F]{6})" d="([^"]+)"/g)].map(([, kind, colour, d]) => ({ [kind!]: colour, d: d! }));
  return { viewBox, paths };
}

/** Ten single-use recovery codes: 10 random base32 characters each (50 bits), shown as xxxxx-xxxxx. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const s = new Secret({ buffer: Uint8Array.from(randomBytes(10)).buffer }).base32.slice(0, 10).toLowerCase();
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

/** A recovery code as stored: its sha256 (the code is random, so no slow hash is needed); case and dashes do not matter. */
export function recoveryCodeHash(typed: string): string | undefined {
  const code = typed.toLowerCase().replace(/[\s-]+/g, '');
  if (!/^[a-z2-7]{10}$/.test(code)) return undefined;
  return createHash('sha256').update(`recovery-code:${code}`).digest('base64url');
}

/** Wrong codes (authenticator or recovery) per account, wherever typed, before a wait. */
export const TOTP_FAILURE_POLICY = { name: 'two_factor.code', points: 5, windowSeconds: 15 * 60 } as const satisfies RateLimitPolicy;

export type CodeResult = { ok: true } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' | 'unbound'; retryAfterSeconds?: undefined } | { ok: false; reason: 'locked'; retryAfterSeconds: number };
export interface CodeContext {
  ip?: string;
  userAgent?: string;
  /** Where the code was typed, for the audit log ('sign-in', 'enable', …). */
  purpose: string;
}

/**
 * The TOTP method of an account: checks a code against its bound authenticator (the step stored
 * atomically, so a code works once) or a recovery code (used once), counting wrong ones against the
 * account (TOTP_FAILURE_POLICY) and auditing each as `two_factor.code_failed`.
 */
export function totpMethod(d: { twoFactor: TwoFactorRepo; pii: Pick<PiiVault, 'open'>; limits: RateLimits; audit: AuditRepo }) {
  async function locked(accountId: string) {
    const state = await d.limits.get(TOTP_FAILURE_POLICY, accountId);
    return state.remaining <= 0 ? Math.max(state.retryAfterSeconds, 1) : 0;
  }
  async function failed(accountId: string, reason: string, c: CodeContext): Promise<CodeResult> {
    const state = await d.limits.penalty(TOTP_FAILURE_POLICY, accountId);
    await d.audit.record({ type: 'two_factor.code_failed', accountId, ip: c.ip, userAgent: c.userAgent, detail: { reason, purpose: c.purpose } });
    if (state.remaining <= 0) return { ok: false, reason: 'locked', retryAfterSeconds: Math.max(state.retryAfterSeconds, 1) };
    return { ok: false, reason: reason as 'malformed' | 'wrong' | 'replayed' | 'unbound' };
  }
  return {
    /** A code of the account's bound authenticator. */
    async verify(accountId: string, typed: string, c: CodeContext, now = Date.now()): Promise<CodeResult> {
      const wait = await locked(accountId);
      if (wait) return { ok: false, reason: 'locked', retryAfterSeconds: wait };
      const bound = await d.twoFactor.find(accountId);
      if (!bound) return failed(accountId, 'unbound', c);
      const check = checkTotp(d.pii.open(bound.secretSealed), typed, bound.lastStep, now);
      if (!check.ok) return failed(accountId, check.reason, c);
      if (!(await d.twoFactor.acceptStep(accountId, check.step))) return failed(accountId, 'replayed', c);
      return { ok: true };
    },
    /** A code for a secret not bound yet (the binding step): no replay to guard, the failures count the same. */
    async verifyPending(accountId: string, secretBase32: string, typed: string, c: CodeContext, now = Date.now()): Promise<{ ok: true; step: number } | Exclude<CodeResult, { ok: true }>> {
      const wait = await locked(accountId);
      if (wait) return { ok: false, reason: 'locked', retryAfterSeconds: wait };
      const check = checkTotp(secretBase32, typed, null, now);
      if (!check.ok) return failed(accountId, check.reason, c) as Promise<Exclude<CodeResult, { ok: true }>>;
      return check;
    },
    /** One of the account's unused recovery codes, then used. */
    async useRecoveryCode(accountId: string, typed: string, c: CodeContext): Promise<CodeResult> {
      const wait = await locked(accountId);
      if (wait) return { ok: false, reason: 'locked', retryAfterSeconds: wait };
      const hash = recoveryCodeHash(typed);
      if (!hash) return failed(accountId, 'malformed', c);
      if (!(await d.twoFactor.useRecoveryCode(accountId, hash))) return failed(accountId, 'wrong', c);
      return { ok: true };
    },
  };
}
export type TotpMethod = ReturnType<typeof totpMethod>;
