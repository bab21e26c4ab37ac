import { sha256 } from '../../security/tokens.ts';

/**
 * Devices that signed into an account before ("device cookies", OWASP): the browser keeps a signed
 * cookie naming, by a hash, the account names it signed in with. Such a device skips the per-account
 * wait and the per-address limit, so strangers' failures cannot keep a teacher out on their own device.
 */
export const KNOWN_DEVICE_COOKIE = 'edusso.device';
export const KNOWN_DEVICE_MAX_AGE_MS = 180 * 864e5;
const MAX_NAMES = 5;

export const deviceMark = (nameHash: string) => sha256(`device:${nameHash}`).slice(0, 22);

export function knownNames(cookie: string | undefined): string[] {
  return (cookie ?? '').split('.').filter((m) => /^[\w-]{22}$/.test(m)).slice(0, MAX_NAMES);
}

/** The cookie value after a sign-in with this name: it goes first, the oldest drops off past the cap. */
export function rememberName(cookie: string | undefined, mark: string): string {
  return [mark, ...knownNames(cookie).filter((m) => m !== mark)].slice(0, MAX_NAMES).join('.');
}
