import type { Queryable } from '../db.ts';
import type { Passkey, PasskeyRepo } from '../ports.ts';

interface Row {
  id: string;
  account_id: string;
  public_key: Buffer;
  counter: string | number;
  transports: string[];
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

const columns = 'id, account_id, public_key, counter, transports, name, created_at, last_used_at';
const toPasskey = (r: Row): Passkey => ({
  id: r.id,
  accountId: r.account_id,
  publicKey: new Uint8Array(r.public_key),
  counter: Number(r.counter),
  transports: r.transports,
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

export function sqlPasskeys(q: Queryable): PasskeyRepo {
  return {
    async add(p) {
      await q.query(`INSERT INTO passkeys (id, account_id, public_key, counter, transports, name) VALUES ($1, $2, $3, $4, $5, $6)`, [
        p.id,
        p.accountId,
        Buffer.from(p.publicKey),
        p.counter,
        p.transports,
        p.name,
      ]);
    },
    async find(id) {
      const rows = await q.query<Row>(`SELECT ${columns} FROM passkeys WHERE id = $1`, [id]);
      return rows[0] && toPasskey(rows[0]);
    },
    async listForAccount(accountId) {
      const rows = await q.query<Row>(`SELECT ${columns} FROM passkeys WHERE account_id = $1 ORDER BY created_at, id`, [accountId]);
      return rows.map(toPasskey);
    },
    async countForAccount(accountId) {
      const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM passkeys WHERE account_id = $1`, [accountId]);
      return Number(rows[0]?.n ?? 0);
    },
    async used(id, previousCounter, newCounter) {
      const rows = await q.query(
        `UPDATE passkeys SET counter = $3, last_used_at = now()
          WHERE id = $1 AND counter = $2 AND ($3 > $2 OR ($3 = 0 AND $2 = 0)) RETURNING 1`,
        [id, previousCounter, newCounter],
      );
      return rows.length === 1;
    },
    async rename(accountId, id, name) {
      const rows = await q.query(`UPDATE passkeys SET name = $3 WHERE account_id = $1 AND id = $2 RETURNING 1`, [accountId, id, name]);
      return rows.length === 1;
    },
    async remove(accountId, id) {
      const rows = await q.query<Row>(`DELETE FROM passkeys WHERE account_id = $1 AND id = $2 RETURNING ${columns}`, [accountId, id]);
      return rows[0] && toPasskey(rows[0]);
    },
  };
}
