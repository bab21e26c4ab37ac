import type { SchoolLevel } from '../../directory/levels.ts';
import type { SchoolRecord } from '../../directory/moe-school-csv.ts';
import type { ClassInfo } from './accounts.ts';

export interface PlaceRow {
  code: string;
  name: string;
  english: string;
  fullname: string;
}
export interface CountyRow extends PlaceRow {
  /** The county's own 2-digit MOE code (the statistics' 縣市代碼). */
  moeCode: string | null;
  /** Every MOE code a school code in this county may start with. */
  moeCodes: string[];
}
export interface DistrictRow extends PlaceRow {
  countyCode: string;
}

/** A school as the directory keeps and shows it: what an import reads. */
export type SchoolRow = SchoolRecord;

export interface DirectoryRepo {
  upsertCounties(counties: CountyRow[]): Promise<void>;
  upsertDistricts(districts: DistrictRow[]): Promise<void>;
  /** School code is the key; an unchanged row is left alone (its updated_at too); the last record wins. */
  upsertSchools(schools: SchoolRow[]): Promise<{ inserted: number; updated: number; unchanged: number }>;
  listCounties(): Promise<{ code: string; name: string; english: string; moeCode: string | null }[]>;
  /** By its code or its name (台 and 臺 alike). */
  findCounty(nameOrCode: string): Promise<{ code: string; name: string } | undefined>;
  /** The county a school code belongs to, by its first two digits. */
  countyOfSchoolCode(schoolCode: string): Promise<{ code: string; name: string } | undefined>;
  listDistricts(countyCode: string): Promise<{ code: string; name: string; english: string }[]>;
  /** The levels (學制) with at least one school in the district, in the form's fixed order. */
  listLevels(countyCode: string, districtCode: string): Promise<SchoolLevel[]>;
  listSchools(countyCode: string, districtCode: string, level: string): Promise<{ code: string; name: string }[]>;
  getSchool(code: string): Promise<SchoolRow | undefined>;
  /** Schools whose code starts with or whose name contains `q` (台 and 臺 alike), within these counties (null: all); by code. */
  searchSchools(f: { q?: string; countyCodes: string[] | null; limit: number; offset: number }): Promise<{ rows: SchoolRow[]; total: number }>;
  schoolCodes(): Promise<string[]>;
  /** The checksum of seeded data by name, and setting it. */
  seedChecksum(name: string): Promise<string | undefined>;
  setSeedChecksum(name: string, checksum: string): Promise<void>;
  /** Inside a transaction: waits for any other node seeding at the same time. */
  lockSeeding(): Promise<void>;
}

/** A person in the source data (來源資料), identity number and birthday hashed for matching and sealed. */
export interface SourcePerson {
  schoolCode: string;
  idHash: string;
  idSealed: string;
  name: string;
  birthdayHash: string;
  birthdaySealed: string;
  identity: '教師' | '職員' | '學生';
  titles: string[];
  classes: ClassInfo[];
}

export interface SourcePeopleRepo {
  /** Keyed by (school, person, identity); the new titles and classes replace the old ones. */
  upsert(people: SourcePerson[]): Promise<{ inserted: number; updated: number }>;
  /** The records of one person at one school (a teacher may also be listed as staff). */
  find(schoolCode: string, idHash: string): Promise<SourcePerson[]>;
  /** One school's records by name, a page at a time, and how many there are. */
  listBySchool(schoolCode: string, page: { limit: number; offset: number }): Promise<{ rows: SourcePerson[]; total: number }>;
  /** One record by its key. */
  get(schoolCode: string, idHash: string, identity: SourcePerson['identity']): Promise<SourcePerson | undefined>;
  /** Removes one record; false when there was none. */
  remove(schoolCode: string, idHash: string, identity: SourcePerson['identity']): Promise<boolean>;
  /** How many of these records are stored exactly so already (name, birthday, titles, classes; the sealed values aside). */
  unchanged(people: SourcePerson[]): Promise<number>;
}
