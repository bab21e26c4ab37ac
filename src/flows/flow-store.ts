import { one, type Queryable } from '../storage/db.ts';
import { randomToken, sha256 } from '../security/tokens.ts';

export interface StoredFlow<S> {
  id: string;
  state: S;
  version: number;
}

/**
 * Self-service flows as stored objects with an expiry. The browser holds a random token in a cookie;
 * the database keys the flow by its hash. Saving checks the version, so of two submits racing on
 * the same step only the first one advances the flow.
 */
export function flowStore<S>(q: Queryable, kind: string, ttlSeconds: number) {
  return {
    async create(state: S): Promise<{ token: string; flow: StoredFlow<S> }> {
      const token = randomToken();
      const id = sha256(token);
      await q.query(
        `INSERT INTO flows (id, kind, state, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
        [id, kind, JSON.stringify(state), ttlSeconds],
      );
      return { token, flow: { id, state, version: 0 } };
    },
    async load(token: string | undefined): Promise<StoredFlow<S> | undefined> {
      if (!token || token.length > 100) return undefined;
      const row = await one<{ id: string; state: S; version: number }>(
        q,
        `SELECT id, state, version FROM flows WHERE id = $1 AND kind = $2 AND expires_at > now()`,
        [sha256(token), kind],
      );
      return row;
    },
    /** Saves the new state if nobody saved since it was loaded; returns whether it did. */
    async save(flow: StoredFlow<S>, state: S, tx: Queryable = q): Promise<boolean> {
      const rows = await tx.query(
        `UPDATE flows SET state = $3, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
        [flow.id, flow.version, JSON.stringify(state)],
      );
      return rows.length === 1;
    },
    async remove(flow: { id: string }): Promise<void> {
      await q.query(`DELETE FROM flows WHERE id = $1`, [flow.id]);
    },
  };
}
export type FlowStore<S> = ReturnType<typeof flowStore<S>>;
