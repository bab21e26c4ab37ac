import { rateLimits, type Counter, type CounterStore, type RateLimits } from '../../security/rate-limit.ts';
import type { Queryable } from '../db.ts';

// Times come back as milliseconds from the database's now(), so nodes with skewed clocks agree.
const timeColumns = `(extract(epoch FROM window_ends_at - now()) * 1000)::float8 AS window_ms,
  COALESCE(extract(epoch FROM blocked_until - now()) * 1000, 0)::float8 AS blocked_ms`;

type Row = { points: number; window_ms: number; blocked_ms: number };
const counter = (r: Row): Counter => ({ points: r.points, windowMs: Math.max(r.window_ms, 0), blockedMs: Math.max(r.blocked_ms, 0) });

/** Rate-limit counters in PostgreSQL: each change is one atomic upsert, so concurrent nodes never lose a point. */
export function sqlCounterStore(q: Queryable): CounterStore {
  return {
    async add(key, points, windowSeconds) {
      const [row] = await q.query<Row>(
        `INSERT INTO rate_limits AS r (key, points, window_ends_at)
              VALUES ($1, GREATEST($2::int, 0), now() + make_interval(secs => $3))
         ON CONFLICT (key) DO UPDATE SET
           points = CASE WHEN r.window_ends_at <= now() THEN GREATEST($2::int, 0) ELSE GREATEST(r.points + $2::int, 0) END,
           window_ends_at = CASE WHEN r.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE r.window_ends_at END
         RETURNING points, ${timeColumns}`,
        [key, points, windowSeconds],
      );
      return counter(row!);
    },
    async get(key) {
      const [row] = await q.query<Row>(
        `SELECT CASE WHEN window_ends_at > now() THEN points ELSE 0 END AS points, ${timeColumns}
           FROM rate_limits WHERE key = $1 AND GREATEST(window_ends_at, blocked_until) > now()`,
        [key],
      );
      return row && counter(row);
    },
    async block(key, seconds, windowSeconds) {
      await q.query(
        `INSERT INTO rate_limits AS r (key, points, window_ends_at, blocked_until)
              VALUES ($1, 0, now() + make_interval(secs => $3), now() + make_interval(secs => $2))
         ON CONFLICT (key) DO UPDATE SET blocked_until = GREATEST(r.blocked_until, EXCLUDED.blocked_until)`,
        [key, seconds, windowSeconds],
      );
    },
    async remove(key) {
      await q.query(`DELETE FROM rate_limits WHERE key = $1`, [key]);
    },
  };
}

export const sqlRateLimits = (q: Queryable): RateLimits => rateLimits(sqlCounterStore(q));
