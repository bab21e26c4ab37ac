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

const BATCH = 5000;

/**
 * Upserts source records keyed by (school, person, identity); the file's titles and classes replace
 * the old ones. Columns travel as arrays through unnest: one statement per 5,000 people.
 */
export async function upsertSourcePeople(q: Queryable, vault: PiiVault, people: PersonRecord[]): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  for (let i = 0; i < people.length; i += BATCH) {
    const columns: string[][] = Array.from({ length: 9 }, () => []);
    for (const p of people.slice(i, i + BATCH)) {
      const row = [
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
      row.forEach((value, c) => columns[c]!.push(value));
    }
    const result = await q.query<{ inserted: boolean }>(
      `INSERT INTO source_people (school_code, id_hash, id_sealed, name, birthday_hash, birthday_sealed, identity, titles, classes)
       SELECT school, id_hash, id_sealed, name, birthday_hash, birthday_sealed, identity, titles::jsonb, classes::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS u(school, id_hash, id_sealed, name, birthday_hash, birthday_sealed, identity, titles, classes)
       ON CONFLICT (school_code, id_hash, identity) DO UPDATE SET id_sealed = EXCLUDED.id_sealed, name = EXCLUDED.name,
         birthday_hash = EXCLUDED.birthday_hash, birthday_sealed = EXCLUDED.birthday_sealed, titles = EXCLUDED.titles,
         classes = EXCLUDED.classes, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      columns,
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
