import { importSchoolsFile } from '../directory/seed.ts';
import type { PiiVault } from '../security/pii.ts';
import { demoPeopleCsv } from '../source-data/demo-people.ts';
import { importPeople, importPeopleFile } from '../source-data/import.ts';
import type { Describe } from '../source-data/people-csv.ts';
import type { Store } from '../storage/ports.ts';

/** The school directory and the source data (來源資料), from files or generated for a demonstration. */
export function importer(store: Store, pii: PiiVault) {
  return {
    schools: (file: string, opts: { level?: string; skipInvalid?: boolean }) => importSchoolsFile(store, file, opts),
    people: (file: string, opts: { skipInvalid?: boolean; describe?: Describe }) => importPeopleFile(store, pii, file, opts),
    peopleText: (text: string, opts: { skipInvalid?: boolean; describe?: Describe } = {}) => importPeople(store, pii, text, opts),
    /** Generated teachers and staff of the schools the directory knows (the statistics list a few the school list does not). */
    async demoPeople(opts: { seed?: number; students?: boolean }) {
      return demoPeopleCsv({ ...opts, schools: await store.directory.schoolCodes() });
    },
  };
}
export type Importer = ReturnType<typeof importer>;
