import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import type { NewPasskey, Passkey, PasskeyRepo } from '../storage/ports.ts';

/** The name authenticators show beside the account (「教育雲端帳號」). */
export const RP_NAME = '教育雲端帳號';
/** How long a challenge may be answered; the browser's own prompt times out at the same moment. */
export const PASSKEY_CHALLENGE_SECONDS = 5 * 60;
export const PASSKEY_NAME_MAX = 50;
/**
 * EdDSA, ES256, RS256: what authenticators make. Named here, so the library does not probe the runtime
 * for post-quantum algorithms (Node prints an experimental-feature warning when it does).
 */
const ALGORITHMS = [-8, -7, -257];

/** The relying party of an issuer: its host names the passkeys (rpID), its origin is the only page that may use them. */
export function relyingParty(issuer: string): { rpID: string; origin: string } {
  const url = new URL(issuer);
  return { rpID: url.hostname, origin: url.origin };
}

/** The user handle of an account: its id's bytes (never the account name, which authenticators may show or sync). */
export const userHandleOf = (accountId: string) => Buffer.from(accountId, 'utf8').toString('base64url');

const b64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+=*$/);
const credential = { id: b64url(1400), rawId: b64url(1400), type: z.literal('public-key'), clientExtensionResults: z.record(z.string(), z.unknown()).default({}), authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional() };

/** What the browser may send after navigator.credentials.create (shape only; the signature check is the library's). */
export const registrationResponseSchema = z.object({
  ...credential,
  response: z.object({
    clientDataJSON: b64url(4000),
    attestationObject: b64url(12000),
    transports: z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(7).optional(),
  }),
});

/** What the browser may send after navigator.credentials.get. */
export const authenticationResponseSchema = z.object({
  ...credential,
  response: z.object({
    clientDataJSON: b64url(4000),
    authenticatorData: b64url(4000),
    signature: b64url(2000),
    userHandle: b64url(200).optional(),
  }),
});

/** A passkey's name as typed, or one made from the browser and system it was added on. */
export function passkeyName(typed: string | undefined, fallback: string): string {
  const name = (typed ?? '').replace(/\s+/g, ' ').trim();
  return (name || fallback.trim() || 'Passkey').slice(0, PASSKEY_NAME_MAX);
}

export type Registration = { ok: true; passkey: NewPasskey } | { ok: false; reason: 'invalid' };
export type Authentication =
  | { ok: true; accountId: string; passkey: Passkey }
  /** `accountId` when the passkey is known: the owner sees the failure in ＩＰ登入紀錄. */
  | { ok: false; reason: 'invalid' | 'unknown' | 'replayed'; accountId?: string };

/**
 * The passkey method (WebAuthn through @simplewebauthn/server): options to hand the browser, and what a
 * signed answer proves. Challenges are the caller's to keep, single use (see flows/passkeys).
 * As a second factor: `authenticationOptions(accountId)` and `verifyAuthentication(r, challenge, accountId)`.
 */
export function passkeyMethod(deps: { passkeys: PasskeyRepo; issuer: string }) {
  const { rpID, origin } = relyingParty(deps.issuer);
  const descriptors = (list: Passkey[]) => list.map((p) => ({ id: p.id, transports: p.transports }));

  return {
    relyingParty: { rpID, origin },
    async hasPasskeys(accountId: string): Promise<boolean> {
      return (await deps.passkeys.countForAccount(accountId)) > 0;
    },

    async registrationOptions(account: { id: string; username: string; displayName: string }): Promise<PublicKeyCredentialCreationOptionsJSON> {
      return generateRegistrationOptions({
        rpName: RP_NAME,
        rpID,
        userName: account.username,
        userDisplayName: account.displayName,
        userID: Buffer.from(account.id, 'utf8'),
        timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
        attestationType: 'none',
        supportedAlgorithmIDs: ALGORITHMS,
        excludeCredentials: descriptors(await deps.passkeys.listForAccount(account.id)),
        authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      });
    },

    /** The new credential to store, if the answer is well formed and signed over this challenge on this site. */
    async verifyRegistration(accountId: string, response: unknown, expectedChallenge: string, name: string): Promise<Registration> {
      const parsed = registrationResponseSchema.safeParse(response);
      if (!parsed.success) return { ok: false, reason: 'invalid' };
      try {
        // 'preferred' at creation: a key without user verification may still serve as a second factor.
        const r = await verifyRegistrationResponse({ response: parsed.data as RegistrationResponseJSON, expectedChallenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: false, supportedAlgorithmIDs: ALGORITHMS });
        if (!r.verified) return { ok: false, reason: 'invalid' };
        const c = r.registrationInfo.credential;
        return { ok: true, passkey: { id: c.id, accountId, publicKey: c.publicKey, counter: c.counter, transports: c.transports ?? [], name } };
      } catch {
        return { ok: false, reason: 'invalid' };
      }
    },

    /**
     * Sign-in options. Without an account: discoverable (the authenticator offers its passkeys for this
     * site), user verification required. With one: that account's passkeys, as a second factor.
     */
    async authenticationOptions(accountId?: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
      return generateAuthenticationOptions({
        rpID,
        timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
        userVerification: accountId ? 'preferred' : 'required',
        allowCredentials: accountId ? descriptors(await deps.passkeys.listForAccount(accountId)) : undefined,
      });
    },

    /**
     * Whom a signed answer proves: the signature over this challenge on this site, the user handle, the
     * counter (moved forward once: a replayed or cloned answer is refused), then last use is recorded.
     * Without `accountId` (passwordless) the authenticator must have verified the person.
     */
    async verifyAuthentication(response: unknown, expectedChallenge: string, accountId?: string): Promise<Authentication> {
      const parsed = authenticationResponseSchema.safeParse(response);
      if (!parsed.success) return { ok: false, reason: 'invalid' };
      const passkey = await deps.passkeys.find(parsed.data.id);
      if (!passkey || (accountId && passkey.accountId !== accountId)) return { ok: false, reason: 'unknown' };
      const failed = (reason: 'invalid' | 'replayed') => ({ ok: false as const, reason, accountId: passkey.accountId });
      const handle = parsed.data.response.userHandle;
      if (handle && handle !== userHandleOf(passkey.accountId)) return failed('invalid');
      let newCounter: number;
      try {
        const r = await verifyAuthenticationResponse({
          response: parsed.data as AuthenticationResponseJSON,
          expectedChallenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          credential: { id: passkey.id, publicKey: passkey.publicKey, counter: passkey.counter, transports: passkey.transports },
          requireUserVerification: !accountId,
        });
        if (!r.verified) return failed('invalid');
        newCounter = r.authenticationInfo.newCounter;
      } catch {
        return failed('invalid');
      }
      if (!(await deps.passkeys.used(passkey.id, passkey.counter, newCounter))) return failed('replayed');
      return { ok: true, accountId: passkey.accountId, passkey };
    },
  };
}
export type PasskeyMethod = ReturnType<typeof passkeyMethod>;
