import { one, type Queryable } from '../db.ts';
import type { Account, AccountRepo, Affiliation } from '../ports.ts';

const columns = `id, username, password_hash, display_name, email, email_verified, mobile, status, created_at, must_change_password`;

function toAccount(r: Record<string, any>): Account {
  return {
    id: r.id,
    username: r.username,
    passwordHash: r.password_hash,
    displayName: r.display_name,
    email: r.email,
    emailVerified: r.email_verified,
    mobile: r.mobile,
    status: r.status,
    createdAt: new Date(r.created_at),
    mustChangePassword: r.must_change_password,
  };
}

export function sqlAccounts(q: Queryable): AccountRepo {
  return {
    async create(a) {
      const row = await one<Record<string, any>>(
        q,
        `INSERT INTO accounts (username, password_hash, display_name, email, email_verified, mobile, person_id_hash, person_id_sealed, birthday_sealed, must_change_password)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${columns}`,
        [
          a.username,
          a.passwordHash,
          a.displayName,
          a.email ?? null,
          a.emailVerified ?? false,
          a.mobile ?? null,
          a.personIdHash ?? null,
          a.personIdSealed ?? null,
          a.birthdaySealed ?? null,
          a.mustChangePassword ?? false,
        ],
      );
      return toAccount(row!);
    },
    async findById(id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      const row = await one<Record<string, any>>(q, `SELECT ${columns} FROM accounts WHERE id = $1`, [id]);
      return row && toAccount(row);
    },
    async findByUsername(username) {
      const row = await one<Record<string, any>>(q, `SELECT ${columns} FROM accounts WHERE username = $1`, [username]);
      return row && toAccount(row);
    },
    async setPassword(accountId, passwordHash, lockHours) {
      await q.query(
        `UPDATE accounts SET password_hash = $2, updated_at = now(),
           password_locked_until = CASE WHEN $3::int > 0 THEN now() + make_interval(hours => $3::int) ELSE NULL END
         WHERE id = $1`,
        [accountId, passwordHash, lockHours],
      );
    },
    async setMustChangePassword(accountId, value) {
      await q.query(`UPDATE accounts SET must_change_password = $2, updated_at = now() WHERE id = $1`, [accountId, value]);
    },
    async disabledReason(accountId) {
      const row = await one<{ reason: 'inactive' | 'admin' | null }>(q, `SELECT disabled_reason AS reason FROM accounts WHERE id = $1 AND status = 'disabled'`, [accountId]);
      return row ? (row.reason ?? 'admin') : undefined;
    },
    async disable(accountId, reason) {
      await q.query(`UPDATE accounts SET status = 'disabled', disabled_reason = $2, updated_at = now() WHERE id = $1`, [accountId, reason]);
    },
    async activate(accountId) {
      await q.query(`UPDATE accounts SET status = 'active', disabled_reason = NULL, last_login_at = now(), updated_at = now() WHERE id = $1`, [accountId]);
    },
    async disableInactive(days) {
      const rows = await q.query<{ id: string }>(
        `UPDATE accounts SET status = 'disabled', disabled_reason = 'inactive', updated_at = now()
          WHERE status = 'active' AND coalesce(last_login_at, created_at) < now() - make_interval(days => $1::int)
          RETURNING id`,
        [days],
      );
      return rows.map((r) => r.id);
    },
    async recordLogin(accountId) {
      await q.query(`UPDATE accounts SET last_login_at = now() WHERE id = $1`, [accountId]);
    },
    async passwordLockedUntil(accountId) {
      const row = await one<{ until: Date | null }>(q, `SELECT password_locked_until AS until FROM accounts WHERE id = $1 AND password_locked_until > now()`, [accountId]);
      return row?.until ? new Date(row.until) : undefined;
    },
    async findByPersonHash(idHash) {
      const row = await one<Record<string, any>>(q, `SELECT ${columns} FROM accounts WHERE person_id_hash = $1`, [idHash]);
      return row && toAccount(row);
    },
    async findByEmail(email, limit) {
      const rows = await q.query<Record<string, any>>(`SELECT ${columns} FROM accounts WHERE lower(email) = lower($1) ORDER BY username LIMIT $2`, [email, limit]);
      return rows.map(toAccount);
    },
    async sealedPerson(accountId) {
      const row = await one<{ id_sealed: string | null; birthday_sealed: string | null }>(
        q,
        `SELECT person_id_sealed AS id_sealed, birthday_sealed FROM accounts WHERE id = $1`,
        [accountId],
      );
      return row && { idSealed: row.id_sealed, birthdaySealed: row.birthday_sealed };
    },
    async setAffiliation(accountId, a) {
      await q.query(
        `INSERT INTO affiliations (account_id, school_code, identity, titles, classes, is_primary)
         VALUES ($1, $2, $3, $4, $5, NOT EXISTS (SELECT 1 FROM affiliations WHERE account_id = $1 AND school_code <> $2))
         ON CONFLICT (account_id, school_code) DO UPDATE
           SET identity = EXCLUDED.identity, titles = EXCLUDED.titles, classes = EXCLUDED.classes`,
        [accountId, a.schoolCode, a.identity, JSON.stringify(a.titles), JSON.stringify(a.classes)],
      );
    },
    async replaceAffiliations(accountId, list) {
      await q.query(`DELETE FROM affiliations WHERE account_id = $1`, [accountId]);
      for (const [i, a] of list.entries())
        await q.query(
          `INSERT INTO affiliations (account_id, school_code, identity, titles, classes, is_primary) VALUES ($1, $2, $3, $4, $5, $6)`,
          [accountId, a.schoolCode, a.identity, JSON.stringify(a.titles), JSON.stringify(a.classes), i === 0],
        );
    },
    async affiliations(accountId) {
      const rows = await q.query<Record<string, any>>(
        `SELECT a.school_code, s.name AS school_name, a.identity, a.titles, a.classes, a.is_primary
           FROM affiliations a JOIN schools s ON s.code = a.school_code
          WHERE a.account_id = $1 ORDER BY a.is_primary DESC, a.school_code`,
        [accountId],
      );
      return rows.map(
        (r): Affiliation => ({
          schoolCode: r.school_code,
          schoolName: r.school_name,
          identity: r.identity,
          titles: r.titles,
          classes: r.classes,
          isPrimary: r.is_primary,
        }),
      );
    },
    async setContacts(accountId, c) {
      await q.query(`UPDATE accounts SET email = $2, email_verified = true, mobile = $3, updated_at = now() WHERE id = $1`, [accountId, c.email, c.mobile]);
    },
  };
}
