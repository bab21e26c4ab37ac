import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Rate limits: named policies over counters kept in a store that every node shares (PostgreSQL
 * through src/storage/sql/rate-limits.ts) or in this process (memory, for tests and single tools).
 * The audit log records what happened; these counters decide what may happen next.
 */
export interface RateLimitPolicy {
  /** Prefix of every key of this policy, e.g. `login.pair`. */
  readonly name: string;
  /** Points a key may spend in one window. */
  readonly points: number;
  /** A key's window starts with its first point and ends this many seconds later. */
  readonly windowSeconds: number;
}

export interface LimitState {
  /** Points spent in the current window. */
  consumed: number;
  remaining: number;
  /** Seconds until the key may spend again (blocked, or out of points); 0 when it may now. */
  retryAfterSeconds: number;
}

export interface RateLimits {
  /** Spends points; `allowed` is false when the key was blocked or this took it past the policy's points. */
  consume(policy: RateLimitPolicy, key: string, points?: number): Promise<LimitState & { allowed: boolean }>;
  /** Adds points without judging them (a failure that counts against the key). */
  penalty(policy: RateLimitPolicy, key: string, points?: number): Promise<LimitState>;
  /** Gives points back (never below zero). */
  reward(policy: RateLimitPolicy, key: string, points?: number): Promise<LimitState>;
  get(policy: RateLimitPolicy, key: string): Promise<LimitState>;
  /** Refuses the key for `seconds` from now (a longer block already in place stays), keeping its count. */
  block(policy: RateLimitPolicy, key: string, seconds: number): Promise<void>;
  reset(policy: RateLimitPolicy, key: string): Promise<void>;
}

/** One key's counter as a store keeps it; times are milliseconds from now, measured by the store's clock. */
export interface Counter {
  points: number;
  windowMs: number;
  blockedMs: number;
}

/** What a store must do atomically; the policy arithmetic above it is shared by every store. */
export interface CounterStore {
  /** Adds (or with a negative number removes, never below zero) points; an ended window starts again. */
  add(key: string, points: number, windowSeconds: number): Promise<Counter>;
  get(key: string): Promise<Counter | undefined>;
  block(key: string, seconds: number, windowSeconds: number): Promise<void>;
  remove(key: string): Promise<void>;
}

export function rateLimits(store: CounterStore): RateLimits {
  const keyOf = (policy: RateLimitPolicy, key: string) => `${policy.name}:${key}`;
  const stateOf = (policy: RateLimitPolicy, c: Counter | undefined): LimitState => {
    if (!c) return { consumed: 0, remaining: policy.points, retryAfterSeconds: 0 };
    const outOfPoints = c.points >= policy.points ? c.windowMs : 0;
    return {
      consumed: c.points,
      remaining: Math.max(policy.points - c.points, 0),
      retryAfterSeconds: Math.ceil(Math.max(c.blockedMs, outOfPoints, 0) / 1000),
    };
  };
  return {
    async consume(policy, key, points = 1) {
      const c = await store.add(keyOf(policy, key), points, policy.windowSeconds);
      const state = stateOf(policy, c);
      return { ...state, allowed: c.blockedMs <= 0 && c.points <= policy.points };
    },
    async penalty(policy, key, points = 1) {
      return stateOf(policy, await store.add(keyOf(policy, key), points, policy.windowSeconds));
    },
    async reward(policy, key, points = 1) {
      return stateOf(policy, await store.add(keyOf(policy, key), -points, policy.windowSeconds));
    },
    async get(policy, key) {
      return stateOf(policy, await store.get(keyOf(policy, key)));
    },
    async block(policy, key, seconds) {
      await store.block(keyOf(policy, key), seconds, policy.windowSeconds);
    },
    async reset(policy, key) {
      await store.remove(keyOf(policy, key));
    },
  };
}

/**
 * Counters in this process only, on rate-limiter-flexible's RateLimiterMemory (its fixed windows and
 * expiry), for tests and a single process. Shared limits use the PostgreSQL store: the library's
 * RateLimiterPostgres wants a raw pg pool and creates its own table outside our migrations, so it
 * runs on neither our Queryable nor a transaction; one atomic upsert does the same there.
 */
export function memoryCounterStore(): CounterStore {
  // Points are judged by the policy above, so the library's own limit is out of the way.
  const counts = new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration: 0 });
  const blocks = new RateLimiterMemory({ points: 1, duration: 0 });
  const blockedMs = async (key: string) => (await blocks.get(key))?.msBeforeNext ?? 0;
  return {
    async add(key, points, windowSeconds) {
      let res = await counts.penalty(key, points, { customDuration: windowSeconds });
      if (res.consumedPoints < 0) res = await counts.set(key, 0, Math.max(Math.ceil(res.msBeforeNext / 1000), 1));
      return { points: res.consumedPoints, windowMs: res.msBeforeNext, blockedMs: await blockedMs(key) };
    },
    async get(key) {
      const res = await counts.get(key);
      const blocked = await blockedMs(key);
      if (!res && !blocked) return undefined;
      return { points: res?.consumedPoints ?? 0, windowMs: res?.msBeforeNext ?? 0, blockedMs: blocked };
    },
    async block(key, seconds) {
      if ((await blockedMs(key)) < seconds * 1000) await blocks.set(key, 1, seconds);
    },
    async remove(key) {
      await counts.delete(key);
      await blocks.delete(key);
    },
  };
}
