import { validateEmail } from '../domain/email.ts';
import { validateIdNumber } from '../domain/national-id.ts';
import { recordRow } from '../flows/sign-in-records/flow.ts';
import { twoFactorNotice } from '../flows/two-factor/notice.ts';
import { text, type Lang } from '../i18n/translate.ts';
import type { PiiVault } from '../security/pii.ts';
import type { Account, Store } from '../storage/ports.ts';
import { actorOf, type AdminAccess, type Principal, type RequestInfo } from './access.ts';
import { AdminRefusal } from './refusal.ts';

const SEARCH_LIMIT = 20;
const SIGN_INS_SHOWN = 10;

export interface AccountSummary {
  id: string;
  username: string;
  displayName: string;
  status: Account['status'];
}

/** What a helpdesk agent needs to know of an account to help its owner. */
export interface AccountPanel extends AccountSummary {
  disabledReason: 'inactive' | 'admin' | null;
  email: string | null;
  emailVerified: boolean;
  mobile: string | null;
  twoFactor: boolean;
  createdAt: Date;
  affiliations: { schoolCode: string; schoolName: string; identity: string; titles: string[] }[];
  signIns: ReturnType<typeof recordRow>[];
}

const summary = (a: Account): AccountSummary => ({ id: a.id, username: a.username, displayName: a.displayName, status: a.status });

/**
 * 帳號查詢 and the account panel of a ticket: find an account, show its state, and the three repairs
 * a helpdesk makes (re-enable, resend the way to a verification code, reset two-factor). Each reaches
 * only the principal's accounts (`admin:accounts`); each read and change is audited.
 */
export function accountSupport(d: { store: Store; access: AdminAccess; pii: PiiVault; issuer: string; accountDomain: string; kickDelivery?: () => void }) {
  const { store, access } = d;
  const target = (id: string) => ({ kind: 'account', id }) as const;

  async function existing(id: string) {
    const account = await store.accounts.findById(id);
    if (!account) throw new AdminRefusal('not-found', 'admin.error.notFound');
    return account;
  }

  /** Refuses (audited) unless `p` reaches the account; 404 only for a principal that reaches every account. */
  async function reachable(p: Principal, id: string, req: RequestInfo) {
    await access.authorize(p, 'admin:accounts', target(id), req);
    return existing(id);
  }

  async function panel(account: Account): Promise<AccountPanel> {
    const [reason, twoFactor, affiliations, signIns] = await Promise.all([
      store.accounts.disabledReason(account.id),
      store.twoFactor.find(account.id),
      store.accounts.affiliations(account.id),
      store.signIns.forAccount(account.id, 'authentication', SIGN_INS_SHOWN),
    ]);
    return {
      ...summary(account),
      disabledReason: reason ?? null,
      email: account.email,
      emailVerified: account.emailVerified,
      mobile: account.mobile,
      twoFactor: Boolean(twoFactor?.enabledAt),
      createdAt: account.createdAt,
      affiliations: affiliations.map((a) => ({ schoolCode: a.schoolCode, schoolName: a.schoolName, identity: a.identity, titles: a.titles })),
      signIns: signIns.map(recordRow),
    };
  }

  return {
    /** By account name, email or identity number (looked up by its keyed hash, never kept); results outside the principal's reach are left out. */
    async search(p: Principal, query: string, req: RequestInfo): Promise<AccountSummary[]> {
      const q = query.trim();
      if (!q) throw new AdminRefusal('invalid', 'admin.accounts.queryRequired', { field: 'q' });
      const id = validateIdNumber(q);
      const email = q.includes('@') ? validateEmail(q) : undefined;
      const by = id.ok ? 'id' : email?.ok ? 'email' : 'name';
      const found: Account[] = [];
      if (id.ok) {
        const a = await store.accounts.findByPersonHash(d.pii.idHash(id.value.value));
        if (a) found.push(a);
      } else if (email?.ok) {
        found.push(...(await store.accounts.findByEmail(email.value, SEARCH_LIMIT)));
        const [local, domain] = q.toLowerCase().split('@');
        if (!found.length && domain === d.accountDomain.toLowerCase()) {
          const a = await store.accounts.findByUsername(local!);
          if (a) found.push(a);
        }
      } else {
        const a = await store.accounts.findByUsername(q.toLowerCase());
        if (a) found.push(a);
      }
      const shown: AccountSummary[] = [];
      for (const a of found) if (await access.allows(p, 'admin:accounts', target(a.id))) shown.push(summary(a));
      await access.record(p, 'admin.accounts.searched', { ...req, detail: { by, found: found.length, shown: shown.length } });
      return shown;
    },

    /** The account's state and recent sign-ins: a read of personal data, audited. */
    async show(p: Principal, id: string, req: RequestInfo): Promise<AccountPanel> {
      const account = await reachable(p, id, req);
      await access.record(p, 'admin.account.viewed', { ...req, accountId: id });
      return panel(account);
    },

    /** The panel without a check or an audit event: for a caller that made both (the ticket page). */
    panelOf: async (id: string) => {
      const account = await store.accounts.findById(id);
      return account && panel(account);
    },

    mayReach: (p: Principal, id: string) => access.allows(p, 'admin:accounts', target(id)),

    /** 柒: a disabled account made active again. */
    async enable(p: Principal, id: string, req: RequestInfo) {
      const account = await reachable(p, id, req);
      if (account.status !== 'disabled') throw new AdminRefusal('conflict', 'admin.accounts.notDisabled');
      const reason = await store.accounts.disabledReason(id);
      await store.transaction(async (repos) => {
        await repos.accounts.activate(id);
        await repos.audit.record({ type: 'admin.account.enabled', accountId: id, ip: req.ip, userAgent: req.userAgent, actor: actorOf(p), detail: { was: reason ?? null } });
      });
    },

    /**
     * A code belongs to the browser that asked for it, so the helpdesk cannot send one itself: the
     * person gets, at the account's email and mobile, the account name and where to ask for a fresh
     * code (啟用帳號 for a disabled account, 忘記密碼 otherwise).
     */
    async resendVerification(p: Principal, id: string, req: RequestInfo, lang: Lang = 'zh-TW') {
      const account = await reachable(p, id, req);
      if (!account.email && !account.mobile) throw new AdminRefusal('conflict', 'admin.accounts.noContact');
      const path = account.status === 'disabled' ? '/activate' : '/forgot-password/code';
      const params = { username: account.username, url: `${d.issuer}${path}` };
      const sent: string[] = [];
      await store.transaction(async (repos) => {
        if (account.email) {
          await repos.outbox.enqueue({ channel: 'email', to: account.email, subject: text(lang, 'admin.accounts.verification.subject'), text: text(lang, 'admin.accounts.verification.text', params) });
          sent.push('email');
        }
        if (account.mobile) {
          await repos.outbox.enqueue({ channel: 'sms', to: account.mobile, text: text(lang, 'admin.accounts.verification.sms', params) });
          sent.push('sms');
        }
        await repos.audit.record({ type: 'admin.account.verification_sent', accountId: id, ip: req.ip, userAgent: req.userAgent, actor: actorOf(p), detail: { channels: sent, path } });
      });
      d.kickDelivery?.();
      return { channels: sent };
    },

    /** After the person's identity was proofed: the authenticator removed, every session ended, the person mailed. The reason is kept in the audit log. */
    async resetTwoFactor(p: Principal, id: string, reason: string, req: RequestInfo, lang: Lang = 'zh-TW') {
      const why = reason.trim();
      if (!why) throw new AdminRefusal('invalid', 'admin.accounts.reasonRequired', { field: 'reason' });
      if (why.length > 500) throw new AdminRefusal('invalid', 'admin.accounts.reasonTooLong', { field: 'reason' });
      const account = await reachable(p, id, req);
      await store.transaction(async (repos) => {
        if (!(await repos.twoFactor.remove(id))) throw new AdminRefusal('conflict', 'admin.accounts.noTwoFactor');
        await repos.webSessions.removeForAccount(id);
        await repos.audit.record({ type: 'admin.account.two_factor_reset', accountId: id, ip: req.ip, userAgent: req.userAgent, actor: actorOf(p), detail: { reason: why } });
        if (account.email) {
          const notice = twoFactorNotice(account.username, 'remove', lang);
          await repos.outbox.enqueue({ channel: 'email', to: account.email, subject: notice.subject, text: notice.text });
        }
      });
      d.kickDelivery?.();
    },
  };
}
export type AccountSupport = ReturnType<typeof accountSupport>;
