import type { LimitState, RateLimitPolicy, RateLimits } from '../../security/rate-limit.ts';
import { sha256 } from '../../security/tokens.ts';
import type { AuditEvent, AuditRepo } from '../../storage/ports.ts';

/**
 * Password guessing is slowed on three counters (NIST 800-63B 5.2.2, Keycloak's brute-force detection):
 * - one account name from one address: a few typos are free, then each failure doubles the wait,
 *   and at the limit that pair is refused for the rest of its window;
 * - one account name from everywhere: never a lock, only a growing wait for devices that have not
 *   signed into that account before, so a stranger's failures cannot keep the owner out;
 * - one address over many names (spraying one password): distinct names that failed; past a few,
 *   the address waits longer after each new one (a wait, not a lock: a school's shared address
 *   carries many teachers).
 * A device that signed into the account before (a signed cookie) skips the last two.
 */
export const loginPolicies = {
  pair: { name: 'login.pair', points: 10, windowSeconds: 15 * 60 },
  // These two never run out of points: they only set waits.
  account: { name: 'login.account', points: 1_000_000, windowSeconds: 60 * 60 },
  address: { name: 'login.address', points: 1_000_000, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitPolicy>;

/** Failures before waits start, the first wait, and the longest. */
const waits = {
  pair: { free: 5, firstSeconds: 15, maxSeconds: 15 * 60 },
  account: { free: 20, firstSeconds: 5, maxSeconds: 5 * 60 },
  address: { free: 10, firstSeconds: 10, maxSeconds: 15 * 60 },
} as const;

type Limit = keyof typeof loginPolicies;
export type ThrottleDecision = { refused: false } | { refused: true; limit: Limit; retryAfterSeconds: number };

export function waitAfter(limit: keyof typeof waits, failures: number): number {
  const w = waits[limit];
  if (failures < w.free) return 0;
  return Math.min(w.firstSeconds * 2 ** (failures - w.free), w.maxSeconds);
}

export interface ThrottleSubject {
  /** Hash of the account name as typed, known or not, so the throttle reveals nothing about accounts. */
  nameHash: string;
  ip: string;
  /** The request comes from a device that signed into this account name before. */
  knownDevice: boolean;
}

export function loginThrottle(limits: RateLimits, audit: AuditRepo) {
  const pairKey = (s: ThrottleSubject) => sha256(`${s.nameHash}|${s.ip}`);
  const limitsFor = (s: ThrottleSubject): [Limit, string][] => [
    ['pair', pairKey(s)],
    ...(s.knownDevice ? [] : ([['account', s.nameHash], ['address', s.ip]] as [Limit, string][])),
  ];

  return {
    /** Whether this attempt may try a password at all; a refusal is recorded. */
    async check(s: ThrottleSubject, context: Omit<AuditEvent, 'type'>): Promise<ThrottleDecision> {
      const states = await Promise.all(limitsFor(s).map(async ([limit, key]) => [limit, await limits.get(loginPolicies[limit], key)] as const));
      const worst = states.reduce<readonly [Limit, LimitState] | undefined>((a, b) => (!a || b[1].retryAfterSeconds > a[1].retryAfterSeconds ? b : a), undefined);
      if (!worst || worst[1].retryAfterSeconds <= 0) return { refused: false };
      const [limit, state] = worst;
      await audit.record({ ...context, type: 'login.throttled', detail: { name_hash: s.nameHash, limit, retry_after: state.retryAfterSeconds } });
      return { refused: true, limit, retryAfterSeconds: state.retryAfterSeconds };
    },

    /** Counts a wrong password (or unknown name) on every counter; each wait it sets is recorded. */
    async failed(s: ThrottleSubject, context: Omit<AuditEvent, 'type'>) {
      const record = (limit: Limit, failures: number, retryAfter: number) =>
        audit.record({ ...context, type: 'login.delayed', detail: { name_hash: s.nameHash, limit, failures, retry_after: retryAfter } });
      const wait = async (limit: Limit, key: string, failures: number) => {
        const seconds = waitAfter(limit, failures);
        if (seconds <= 0) return;
        await limits.block(loginPolicies[limit], key, seconds);
        await record(limit, failures, seconds);
      };

      const pair = await limits.penalty(loginPolicies.pair, pairKey(s));
      if (pair.retryAfterSeconds > 0) await record('pair', pair.consumed, pair.retryAfterSeconds);
      else await wait('pair', pairKey(s), pair.consumed);
      // The address counts names, not attempts: typos on one's own account do not add up to a spray.
      if (pair.consumed === 1) await wait('address', s.ip, (await limits.penalty(loginPolicies.address, s.ip)).consumed);
      const account = await limits.penalty(loginPolicies.account, s.nameHash);
      await wait('account', s.nameHash, account.consumed);
    },

    /** The owner got in from here: this pair starts again (the other counters keep what strangers did). */
    async succeeded(s: ThrottleSubject) {
      await limits.reset(loginPolicies.pair, pairKey(s));
    },
  };
}
export type LoginThrottle = ReturnType<typeof loginThrottle>;
