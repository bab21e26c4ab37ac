import type { Store } from '../../storage/ports.ts';
import { otherByRef, rowsOf, type Notice, type SessionRow } from './flow.ts';

export interface SessionContext {
  ip?: string;
  userAgent?: string;
  /** This browser's web session: listed as 「目前使用中」, never ended here. */
  currentIdHash: string;
  /** This browser's oidc-provider session id, kept when the others end. */
  providerSessionId?: string;
}

/** 登入中的裝置: the only place this page changes state; only the signed-in account's own sessions are ever touched. */
export function sessionsService(d: { store: Store }) {
  const { store } = d;
  return {
    async list(accountId: string, currentIdHash: string): Promise<SessionRow[]> {
      return rowsOf(await store.webSessions.listForAccount(accountId), currentIdHash);
    },

    /** 「登出」 beside one other session. */
    async end(accountId: string, ref: string, c: SessionContext): Promise<Notice> {
      const target = otherByRef(await store.webSessions.listForAccount(accountId), c.currentIdHash, ref);
      const providerSessionId = target && (await store.webSessions.providerSessionOf(target.idHash));
      if (!target || !(await store.webSessions.removeOwn(accountId, target.idHash))) return { kind: 'gone' };
      // That browser's single sign-on to applications ends with it (only a provider session of this account).
      if (providerSessionId && (await store.oidcPayloads.find('Session', 'id', providerSessionId))?.accountId === accountId) await store.oidcPayloads.destroy('Session', providerSessionId);
      await store.audit.record({ type: 'session.ended', accountId, ip: c.ip, userAgent: c.userAgent, detail: { scope: 'one', ended: { ip: target.ip, userAgent: target.userAgent, createdAt: target.createdAt } } });
      return { kind: 'ended' };
    },

    /** 「登出其他所有裝置」: every web session but this one, and the account's provider sessions but this browser's. */
    async endOthers(accountId: string, c: SessionContext): Promise<Notice> {
      const count = await store.transaction(async (repos) => {
        const others = (await repos.webSessions.listForAccount(accountId)).filter((s) => s.idHash !== c.currentIdHash).length;
        await repos.webSessions.removeForAccount(accountId, c.currentIdHash);
        const providerSessions = await repos.oidcPayloads.revokeSessions(accountId, c.providerSessionId);
        await repos.audit.record({ type: 'session.ended', accountId, ip: c.ip, userAgent: c.userAgent, detail: { scope: 'others', count: others, providerSessions } });
        return others;
      });
      return { kind: 'others', count };
    },
  };
}
export type SessionsService = ReturnType<typeof sessionsService>;
