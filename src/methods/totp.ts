import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

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

/** The QR code of the URI as inline SVG markup (the CSP allows no data: images). */
export const qrSvg = (text: string): Promise<string> => QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

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
