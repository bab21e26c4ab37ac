import type { Account } from '../../storage/ports.ts';
import type { LoginForm } from './schemas.ts';

/**
 * The login flow is one form and its answers (pure: no I/O here).
 *
 *   form ──「換下一個」──────────▶ form (a new challenge, the typed account kept)
 *   form ──a field missing──────▶ form + login.missing
 *   form ──submit──▶ throttled ─▶ form + login.throttled, Retry-After
 *                 ├▶ captcha or credentials wrong ▶ form + login.failed (one message for every failure)
 *                 ├▶ right password, account disabled ▶ form + login.disabled (how to re-activate: 柒)
 *                 └▶ signed in ─▶ /account, or back to the application (/interaction/:uid)
 */
export type LoginResult =
  | { ok: true; account: Account; deviceMark: string }
  | { ok: false; reason: 'captcha' | 'credentials' }
  /** The right password for a disabled account: only then is the way to re-activate it shown (SPEC 柒). */
  | { ok: false; reason: 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type LoginStep =
  | { kind: 'form'; error?: { key: 'login.missing' | 'login.failed' | 'login.throttled' | 'login.disabled'; params?: Record<string, number> }; retryAfterSeconds?: number }
  | { kind: 'attempt' }
  | { kind: 'signed-in'; account: Account; deviceMark: string };

/** What a posted form asks for before any check runs. */
export function onSubmit(form: LoginForm): LoginStep {
  if (form.action === 'new_captcha') return { kind: 'form' };
  if (!form.account || !form.password || !form.captcha) return { kind: 'form', error: { key: 'login.missing' } };
  return { kind: 'attempt' };
}

/** Where an attempt leads. */
export function afterAttempt(result: LoginResult): LoginStep {
  if (result.ok) return { kind: 'signed-in', account: result.account, deviceMark: result.deviceMark };
  if (result.reason === 'throttled') {
    const { retryAfterSeconds } = result;
    return { kind: 'form', error: { key: 'login.throttled', params: { minutes: Math.ceil(retryAfterSeconds / 60) } }, retryAfterSeconds };
  }
  if (result.reason === 'disabled') return { kind: 'form', error: { key: 'login.disabled' } };
  return { kind: 'form', error: { key: 'login.failed' } };
}
