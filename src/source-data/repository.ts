import type { Queryable } from '../storage/db.ts';
import type { ClassInfo } from '../storage/ports.ts';
import type { PiiVault } from '../security/pii.ts';
import type { Identity, PersonRecord } from './people-csv.ts';

export interface SourcePerson {
  schoolCode: string;
  idHash: string;
  idSealed: string;
  name: string;
  birthdayHash: string;
  birthdaySealed: string;
  identity: Identity;
  titles: string[];
  classes: ClassInfo[];
}

const BATCH = 400;

/** Upserts source records keyed by (school, person, identity); the file's titles and classes replace the old ones. */
export async function upsertSourcePeople(q: Queryable, vault: PiiVault, people: PersonRecord[]): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  for (let i = 0; i < people.length; i += BATCH) {
    const params: unknown[] = [];
    const rows = people.slice(i, i + BATCH).map((p) => {
      const v = [
        p.schoolCode,
        vault.idHash(p.idNumber),
        vault.seal(p.idNumber),
        p.name,
        vault.birthdayHash(p.birthday),
        vault.seal(p.birthday),
        p.identity,
        JSON.stringify(p.titles),
        JSON.stringify(p.classes),
      ];
      return `(${v.map((x) => (params.push(x), `$${params.length}`)).join(',')})`;
    });
    const result = await q.query<{ inserted: boolean }>(
      `INSERT INTO source_people (school_code, id_hash, id_sealed, name, birthday_hash, birthday_sealed, identity, titles, classes)
       VALUES ${rows.join(',')}
       ON CONFLICT (school_code, id_hash, identity) DO UPDATE SET id_sealed = EXCLUDED.id_sealed, name = EXCLUDED.name,
         birthday_hash = EXCLUDED.birthday_hash, birthday_sealed = EXCLUDED.birthday_sealed, titles = EXCLUDED.titles,
         classes = EXCLUDED.classes, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      params,
    );
    inserted += result.filter((r) => r.inserted).length;
  }
  return { inserted, updated: people.length - inserted };
}

const toPerson = (r: Record<string, any>): SourcePerson => ({
  schoolCode: r.school_code,
  idHash: r.id_hash,
  idSealed: r.id_sealed,
  name: r.name,
  birthdayHash: r.birthday_hash,
  birthdaySealed: r.birthday_sealed,
  identity: r.identity,
  titles: r.titles,
  classes: r.classes,
});

/** The records of one person at one school (a teacher may also be listed as staff). */
export async function findSourcePeople(q: Queryable, schoolCode: string, idHash: string): Promise<SourcePerson[]> {
  const rows = await q.query<Record<string, any>>(
    `SELECT * FROM source_people WHERE school_code = $1 AND id_hash = $2 ORDER BY identity`,
    [schoolCode, idHash],
  );
  return rows.map(toPerson);
}
