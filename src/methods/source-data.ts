import { sameName } from '../domain/person-name.ts';
import type { PiiVault } from '../security/pii.ts';
import type { ClassInfo, SourcePeopleRepo, SourcePerson } from '../storage/ports.ts';

/** What a flow keeps of the source record it matched (sealed, never the plain number or birthday). */
export interface MatchedPerson {
  schoolCode: string;
  idHash: string;
  idSealed: string;
  birthdaySealed: string;
  name: string;
  identity: string;
  titles: string[];
  classes: ClassInfo[];
}

/** Teachers and staff register themselves; students are provisioned by their school. */
const selfRegisters = (r: SourcePerson) => r.identity === '教師' || r.identity === '職員';

const matched = (r: SourcePerson, idHash: string): MatchedPerson => ({
  schoolCode: r.schoolCode,
  idHash,
  idSealed: r.idSealed,
  birthdaySealed: r.birthdaySealed,
  name: r.name,
  identity: r.identity,
  titles: r.titles,
  classes: r.classes,
});

/**
 * Proving who you are against a school's source data (來源資料): by name, identity number and
 * birthday typed (壹 4-2), or by the identity number and name a county asserts (壹 4-1).
 */
export function sourceDataMethod(d: { people: SourcePeopleRepo; pii: PiiVault }) {
  return {
    async matchTyped(schoolCode: string, v: { name: string; idNumber: string; birthday: string }): Promise<MatchedPerson | undefined> {
      const idHash = d.pii.idHash(v.idNumber);
      const birthdayHash = d.pii.birthdayHash(v.birthday);
      const match = (await d.people.find(schoolCode, idHash)).find((r) => selfRegisters(r) && sameName(r.name, v.name) && r.birthdayHash === birthdayHash);
      return match && matched(match, idHash);
    },
    async matchAsserted(schoolCode: string, v: { idNumber: string; name?: string }): Promise<MatchedPerson | undefined> {
      const idHash = d.pii.idHash(v.idNumber);
      const match = (await d.people.find(schoolCode, idHash)).find((r) => selfRegisters(r) && (!v.name || sameName(r.name, v.name)));
      return match && matched(match, idHash);
    },
  };
}
export type SourceDataMethod = ReturnType<typeof sourceDataMethod>;
