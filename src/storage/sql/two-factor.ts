import type { Queryable } from '../db.ts';
import type { TwoFactor, TwoFactorRepo } from '../ports.ts';

type Row = { account_id: string; secret_sealed: string; bound_at: Date; enabled_at: Date | null; last_step: string | number };
const toTwoFactor = (r: Row): TwoFactor => ({ accountId: r.account_id, secretSealed: r.secret_sealed, boundAt: r.bound_at, enabledAt: r.enabled_at, lastStep: Number(r.last_step) });

export function sqlTwoFactor(q: Queryable): TwoFactorRepo {
  const replaceCodes = async (accountId: string, hashes: string[]) => {
    await q.query(`DELETE FROM two_factor_recovery_codes WHERE account_id = $1`, [accountId]);
    if (hashes.length) await q.query(`INSERT INTO two_factor_recovery_codes (account_id, code_hash) SELECT $1, unnest($2::text[])`, [accountId, hashes]);
  };
  return {
    async find(accountId) {
      const rows = await q.query<Row>(`SELECT account_id, secret_sealed, bound_at, enabled_at, last_step FROM two_factor WHERE account_id = $1`, [accountId]);
      return rows[0] && toTwoFactor(rows[0]);
    },
    async bind(accountId, secretSealed, step) {
      const rows = await q.query(
        `INSERT INTO two_factor (account_id, secret_sealed, last_step) VALUES ($1, $2, $3) ON CONFLICT (account_id) DO NOTHING RETURNING 1`,
        [accountId, secretSealed, step],
      );
      return rows.length === 1;
    },
    async acceptStep(accountId, step) {
      const rows = await q.query(`UPDATE two_factor SET last_step = $2 WHERE account_id = $1 AND last_step < $2 RETURNING 1`, [accountId, step]);
      return rows.length === 1;
    },
    async enable(accountId, codeHashes) {
      await q.query(`UPDATE two_factor SET enabled_at = coalesce(enabled_at, now()) WHERE account_id = $1`, [accountId]);
      await replaceCodes(accountId, codeHashes);
    },
    replaceRecoveryCodes: replaceCodes,
    async useRecoveryCode(accountId, codeHash) {
      const rows = await q.query(
        `UPDATE two_factor_recovery_codes SET used_at = now() WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING 1`,
        [accountId, codeHash],
      );
      return rows.length === 1;
    },
    async recoveryCodesLeft(accountId) {
      const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM two_factor_recovery_codes WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
      return Number(rows[0]?.n ?? 0);
    },
    async remove(accountId) {
      const rows = await q.query(`DELETE FROM two_factor WHERE account_id = $1 RETURNING 1`, [accountId]);
      return rows.length === 1;
    },
  };
}
