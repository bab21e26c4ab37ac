import { readFileSync } from 'node:fs';
import type { PiiVault } from '../security/pii.ts';
import type { Db } from '../storage/db.ts';
import { parsePeopleCsv, type RowError } from './people-csv.ts';
import { upsertSourcePeople } from './repository.ts';

export interface PeopleImportResult {
  rows: number;
  people: number;
  inserted: number;
  updated: number;
  errors: RowError[];
  applied: boolean;
}

/** `edusso import people FILE`: every row checked first; a file with errors changes nothing unless skipInvalid. */
export async function importPeople(db: Db, vault: PiiVault, text: string, opts: { skipInvalid?: boolean } = {}): Promise<PeopleImportResult> {
  const codes = new Set((await db.query<{ code: string }>('SELECT code FROM schools')).map((r) => r.code));
  const { people, errors, rows } = parsePeopleCsv(text, (c) => codes.has(c));
  if (errors.length && !opts.skipInvalid) return { rows, people: people.length, inserted: 0, updated: 0, errors, applied: false };
  const counts = await db.transaction((tx) => upsertSourcePeople(tx, vault, people));
  return { rows, people: people.length, ...counts, errors, applied: true };
}

export const importPeopleFile = (db: Db, vault: PiiVault, path: string, opts: { skipInvalid?: boolean } = {}) =>
  importPeople(db, vault, readFileSync(path, 'utf8'), opts);
