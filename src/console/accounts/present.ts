import type { AccountPanel } from '../../admin/account-support.ts';

/** The account panel as the API answers it (times as ISO strings). */
export const panelJson = (a: AccountPanel) => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  signIns: a.signIns.map((r) => ({ at: r.at.toISOString(), result: r.result, method: r.method, ip: r.ip, browser: r.browser, system: r.system, device: r.device })),
});
