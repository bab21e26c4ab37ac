/** 登入中的裝置: which sessions the page lists and what each may do (the state table is in README.md). Pure. */
import { summarizeUserAgent, type DeviceSummary } from '../../domain/user-agent.ts';
import { sha256 } from '../../security/tokens.ts';
import type { SignInMethod, WebSession } from '../../storage/ports.ts';

export const PATH = '/account/sessions';

export interface SessionRow extends DeviceSummary {
  /** What the page's 「登出」 posts: derived from the session's key, never the key itself. */
  ref: string;
  current: boolean;
  ip: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
  methods: SignInMethod[];
}

export const refOf = (idHash: string) => sha256(`session-ref:${idHash}`).slice(0, 32);

/** The account's live sessions, this one first, then the others most recently used first. */
export function rowsOf(sessions: readonly WebSession[], currentIdHash: string): SessionRow[] {
  const rows = sessions.map((s) => ({
    ...summarizeUserAgent(s.userAgent),
    ref: refOf(s.idHash),
    current: s.idHash === currentIdHash,
    ip: s.ip ?? null,
    signedInAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    methods: s.methods,
  }));
  return [...rows.filter((r) => r.current), ...rows.filter((r) => !r.current)];
}

/** The session a 「登出」 names, if it is one of the account's others (this one signs out elsewhere). */
export function otherByRef(sessions: readonly WebSession[], currentIdHash: string, ref: string): WebSession | undefined {
  return sessions.find((s) => s.idHash !== currentIdHash && refOf(s.idHash) === ref);
}

/** What the page says after a POST (carried in the redirect's query). */
export type Notice = { kind: 'ended' } | { kind: 'gone' } | { kind: 'others'; count: number };

export function noticeOf(query: { done?: unknown; count?: unknown }): Notice | undefined {
  if (query.done === 'ended' || query.done === 'gone') return { kind: query.done };
  const count = Number(query.count);
  if (query.done === 'others' && Number.isInteger(count) && count >= 0) return { kind: 'others', count };
  return undefined;
}

export const noticeQuery = (n: Notice) => (n.kind === 'others' ? `?done=others&count=${n.count}` : `?done=${n.kind}`);
