import { readFileSync } from 'node:fs';
import type { PiiVault } from '../security/pii.ts';
import type { SourcePerson, Store } from '../storage/ports.ts';
import { parsePeopleCsv, type Describe, type PersonRecord, type RowError } from './people-csv.ts';

export interface PeopleImportResult {
  rows: number;
  people: number;
  inserted: number;
  updated: number;
  errors: RowError[];
  applied: boolean;
}

/** What the source data keeps of a person: the identity number and birthday only hashed and sealed. */
export const sealPeople = (vault: PiiVault, people: PersonRecord[]): SourcePerson[] =>
  people.map((p) => ({
    schoolCode: p.schoolCode,
    idHash: vault.idHash(p.idNumber),
    idSealed: vault.seal(p.idNumber),
    name: p.name,
    birthdayHash: vault.birthdayHash(p.birthday),
    birthdaySealed: vault.seal(p.birthday),
    identity: p.identity,
    titles: p.titles,
    classes: p.classes,
  }));

/** `edusso import people FILE`: every row checked first; a file with errors changes nothing unless skipInvalid. */
export async function importPeople(store: Store, vault: PiiVault, text: string, opts: { skipInvalid?: boolean; describe?: Describe } = {}): Promise<PeopleImportResult> {
  const codes = new Set(await store.directory.schoolCodes());
  const { people, errors, rows } = parsePeopleCsv(text, (c) => codes.has(c), opts.describe);
  if (errors.length && !opts.skipInvalid) return { rows, people: people.length, inserted: 0, updated: 0, errors, applied: false };
  const counts = await store.transaction((repos) => repos.sourcePeople.upsert(sealPeople(vault, people)));
  return { rows, people: people.length, ...counts, errors, applied: true };
}

export const importPeopleFile = (store: Store, vault: PiiVault, path: string, opts: { skipInvalid?: boolean; describe?: Describe } = {}) =>
  importPeople(store, vault, readFileSync(path, 'utf8'), opts);
