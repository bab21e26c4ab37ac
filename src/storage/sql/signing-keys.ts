import type { Queryable } from '../db.ts';
import type { SigningKeyRepo, SigningKeyRow } from '../ports.ts';

const toRow = (r: Record<string, any>): SigningKeyRow => ({
  kid: r.kid,
  alg: r.alg,
  sealedJwk: r.sealed_jwk,
  createdAt: new Date(r.created_at),
  retiredAt: r.retired_at ? new Date(r.retired_at) : null,
});

export function sqlSigningKeys(db: Queryable): SigningKeyRepo {
  return {
    async published(retiredAfter) {
      const rows = await db.query<Record<string, any>>(
        `SELECT * FROM signing_keys WHERE retired_at IS NULL OR retired_at > $1
          ORDER BY retired_at IS NULL DESC, created_at DESC`,
        [retiredAfter.toISOString()],
      );
      return rows.map(toRow);
    },
    async rotate(row) {
      // One statement, so it is atomic on its own and inside a caller's transaction alike.
      await db.query(
        `WITH retired AS (UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL)
         INSERT INTO signing_keys (kid, alg, sealed_jwk) VALUES ($1, $2, $3)`,
        [row.kid, row.alg, row.sealedJwk],
      );
    },
  };
}
