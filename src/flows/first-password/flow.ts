/** 首次登入設定新密碼: who is sent here and where the page continues to (the state table is in README.md). Pure. */
import { safeNext } from '../kit/signed-in.ts';

export const PATH = '/account/password/first';

/** The page, with the account's name and the errors of the last attempt. */
export interface FirstPasswordPage {
  next?: string;
  errors?: import('../kit/form.ts').FieldErrors;
  error?: string;
  retryMinutes?: number;
}

/** The address of the page, coming back to `next` (a local path) after the change. */
export function firstPasswordUrl(next?: string): string {
  const back = safeNext(next);
  return back && back !== PATH ? `${PATH}?next=${encodeURIComponent(back)}` : PATH;
}

/** Where to go once the new password is set: the page asked for (an application's sign-in too), or the account. */
export const continueTo = (next: unknown) => {
  const back = safeNext(next);
  return back && !back.startsWith(PATH) ? back : '/account';
};

/**
 * Whether a flagged account may have this request answered: only the page itself. Sign-out is on the
 * provider (/oidc/v1/userlogout), and assets and captchas are answered before the session is loaded.
 */
export const allowedWhileFlagged = (path: string) => path === PATH;

/** What the gate does with a request of a flagged account: the page, with the GET address to come back to. */
export function gateFor(method: string, originalUrl: string): string {
  return firstPasswordUrl(method === 'GET' || method === 'HEAD' ? originalUrl : undefined);
}
