import type { AdminApi } from '../kit/api.ts';
import type { ConsoleDeps } from '../deps.ts';
import { emptyBody, reasonBody, doneSchema } from '../helpdesk/schemas.ts';
import { panelJson } from './present.ts';
import { accountPanelSchema, accountParams, accountSearchSchema, searchQuery } from './schemas.ts';

/** 帳號查詢 in the API: search, the account panel, and the three repairs. */
export function accountsApi(d: ConsoleDeps, api: AdminApi) {
  const support = d.s.accountSupport;
  const tag = 'accounts';

  api.add({
    method: 'get', path: '/accounts', operationId: 'searchAccounts', tag, capability: 'admin:accounts',
    summary: 'Find accounts by account name, email or identity number (hashed lookup); only accounts within reach are listed',
    query: searchQuery, response: accountSearchSchema,
    handler: async ({ principal, query, req }) => ({ accounts: await support.search(principal, query.q, req) }),
  });

  api.add({
    method: 'get', path: '/accounts/{id}', operationId: 'getAccount', tag, capability: 'admin:accounts', errors: [404],
    summary: 'An account’s state (active or disabled and why, email verified, two-factor, schools) and its recent sign-ins; audited',
    params: accountParams, response: accountPanelSchema,
    handler: async ({ principal, params, req }) => panelJson(await support.show(principal, params.id, req)),
  });

  api.add({
    method: 'post', path: '/accounts/{id}/enable', operationId: 'enableAccount', tag, capability: 'admin:accounts', errors: [404, 409],
    summary: 'Re-enable a disabled account (409 when it is not disabled)',
    params: accountParams, body: emptyBody, response: doneSchema,
    handler: async ({ principal, params, req }) => (await support.enable(principal, params.id, req), { ok: true as const }),
  });

  api.add({
    method: 'post', path: '/accounts/{id}/resend-verification', operationId: 'resendAccountVerification', tag, capability: 'admin:accounts', errors: [404, 409],
    summary: 'Send the person, at the account’s email and mobile, the account name and where to get a new verification code',
    params: accountParams, body: emptyBody, response: doneSchema,
    handler: async ({ principal, params, req }) => (await support.resendVerification(principal, params.id, req), { ok: true as const }),
  });

  api.add({
    method: 'post', path: '/accounts/{id}/reset-two-factor', operationId: 'resetAccountTwoFactor', tag, capability: 'admin:accounts', errors: [404, 409],
    summary: 'After the person’s identity was proofed: remove the authenticator (reason required), end every session, mail the person',
    params: accountParams, body: reasonBody, response: doneSchema,
    handler: async ({ principal, params, body, req }) => (await support.resetTwoFactor(principal, params.id, body.reason, req), { ok: true as const }),
  });
}
