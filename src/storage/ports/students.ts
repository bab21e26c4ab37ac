/** Student accounts provisioned from source records (issue 10): who still needs one, who has one, the batches. */
import type { ClassInfo } from './accounts.ts';

/** A source record with identity 學生 whose person has no account yet. */
export interface StudentCandidate {
  schoolCode: string;
  idHash: string;
  idSealed: string;
  birthdaySealed: string;
  name: string;
  classes: ClassInfo[];
}

/** A student account of a school: its affiliation's classes and whether the initial password is still in use. */
export interface StudentAccount {
  accountId: string;
  username: string;
  displayName: string;
  classes: ClassInfo[];
  mustChangePassword: boolean;
  createdAt: Date;
}

export interface ProvisioningBatch {
  id: string;
  schoolCode: string;
  classNo: string | null;
  actor: string;
  kind: 'provision' | 'reset';
  accountCount: number;
  createdAt: Date;
}

export interface StudentRepo {
  /** The school's source records with identity 學生 whose identity-number hash no account holds, by name. */
  withoutAccount(schoolCode: string): Promise<StudentCandidate[]>;
  /** The accounts affiliated to the school as 學生, by account name. */
  withAccount(schoolCode: string): Promise<StudentAccount[]>;
  /** Which of these account names are taken already. */
  takenUsernames(names: string[]): Promise<string[]>;
  recordBatch(b: Omit<ProvisioningBatch, 'id' | 'createdAt'>): Promise<ProvisioningBatch>;
  /** The school's latest batches, newest first. */
  batches(schoolCode: string, limit: number): Promise<ProvisioningBatch[]>;
}
