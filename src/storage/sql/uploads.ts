import { one, type Queryable } from '../db.ts';
import type { UploadRepo, UploadRow } from '../ports.ts';

const toUpload = (r: Record<string, any>): UploadRow => ({
  id: r.id,
  kind: r.kind,
  rows: r.rows,
  errors: r.errors,
  counts: r.counts,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  committedAt: r.committed_at,
});

export function sqlUploads(q: Queryable): UploadRepo {
  return {
    async create(u) {
      await q.query(
        `INSERT INTO uploads (id, kind, rows, errors, counts, created_by, expires_at) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7)`,
        [u.id, u.kind, JSON.stringify(u.rows), JSON.stringify(u.errors), JSON.stringify(u.counts), u.createdBy, u.expiresAt],
      );
    },
    async find(id) {
      const r = await one<Record<string, any>>(q, `SELECT * FROM uploads WHERE id = $1`, [id]);
      return r && toUpload(r);
    },
    async markCommitted(id) {
      const rows = await q.query(`UPDATE uploads SET committed_at = now() WHERE id = $1 AND committed_at IS NULL AND expires_at > now() RETURNING id`, [id]);
      return rows.length === 1;
    },
  };
}
