import type { AccountPanel } from '../../admin/account-support.ts';
import { AdminRefusal } from '../../admin/refusal.ts';
import { ApiError } from '../kit/errors.ts';

/** The account panel as the API answers it (times as ISO strings). */
export const panelJson = (a: AccountPanel) => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  signIns: a.signIns.map((r) => ({ at: r.at.toISOString(), result: r.result, method: r.method, ip: r.ip, browser: r.browser, system: r.system, device: r.device })),
});

/** The HTTP status of each kind of refusal, for the API and the console pages alike. */
export const REFUSAL_STATUS = { invalid: 400, 'not-found': 404, conflict: 409 } as const;
const CODE = { invalid: 'invalid_request', 'not-found': 'not_found', conflict: 'conflict' } as const;

/** Runs a service call for the API: a refusal of the service becomes the API's 400, 404 or 409. */
export async function viaApi<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AdminRefusal) throw new ApiError(REFUSAL_STATUS[err.kind], CODE[err.kind], err.key, { params: err.params, issues: err.field ? [{ path: `body.${err.field}`, message: err.key }] : undefined });
    throw err;
  }
}
