import { one, type Queryable } from '../db.ts';
import type { ProvisioningBatch, StudentRepo } from '../ports.ts';

function toBatch(r: Record<string, any>): ProvisioningBatch {
  return { id: r.id, schoolCode: r.school_code, classNo: r.class_no, actor: r.actor, kind: r.kind, accountCount: r.account_count, createdAt: new Date(r.created_at) };
}

export function sqlStudents(q: Queryable): StudentRepo {
  return {
    async withoutAccount(schoolCode) {
      const rows = await q.query<Record<string, any>>(
        `SELECT sp.school_code, sp.id_hash, sp.id_sealed, sp.birthday_sealed, sp.name, sp.classes
           FROM source_people sp
          WHERE sp.school_code = $1 AND sp.identity = '學生'
            AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id_hash = sp.id_hash)
          ORDER BY sp.name, sp.id_hash`,
        [schoolCode],
      );
      return rows.map((r) => ({ schoolCode: r.school_code, idHash: r.id_hash, idSealed: r.id_sealed, birthdaySealed: r.birthday_sealed, name: r.name, classes: r.classes }));
    },
    async withAccount(schoolCode) {
      const rows = await q.query<Record<string, any>>(
        `SELECT a.id, a.username, a.display_name, f.classes, a.must_change_password, a.created_at
           FROM affiliations f JOIN accounts a ON a.id = f.account_id
          WHERE f.school_code = $1 AND f.identity = '學生'
          ORDER BY a.username`,
        [schoolCode],
      );
      return rows.map((r) => ({ accountId: r.id, username: r.username, displayName: r.display_name, classes: r.classes, mustChangePassword: r.must_change_password, createdAt: new Date(r.created_at) }));
    },
    async takenUsernames(names) {
      if (!names.length) return [];
      const rows = await q.query<{ username: string }>(`SELECT username FROM accounts WHERE username = ANY($1::text[])`, [names]);
      return rows.map((r) => r.username);
    },
    async recordBatch(b) {
      const row = await one<Record<string, any>>(
        q,
        `INSERT INTO provisioning_batches (school_code, class_no, actor, kind, account_count) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [b.schoolCode, b.classNo, b.actor, b.kind, b.accountCount],
      );
      return toBatch(row!);
    },
    async batches(schoolCode, limit) {
      const rows = await q.query<Record<string, any>>(`SELECT * FROM provisioning_batches WHERE school_code = $1 ORDER BY created_at DESC, id LIMIT $2`, [schoolCode, limit]);
      return rows.map(toBatch);
    },
  };
}
