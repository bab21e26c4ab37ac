/** A row the preview could not accept: where, which column, why (a message key) and the parser's English detail. */
export interface UploadRowError {
  line: number;
  field: string;
  key: string;
  detail: string;
}

/** What a commit would do. */
export interface UploadCounts {
  /** Data rows in the file. */
  rows: number;
  /** Records after merging (a person listed once per class is one record). */
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: number;
}

export type UploadKind = 'schools' | 'people';

/** An upload kept between preview and commit; `rows` hold schools as read or people already sealed. */
export interface UploadRow {
  id: string;
  kind: UploadKind;
  rows: unknown[];
  errors: UploadRowError[];
  counts: UploadCounts;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  committedAt: Date | null;
}

export interface UploadRepo {
  create(u: Omit<UploadRow, 'createdAt' | 'committedAt'>): Promise<void>;
  find(id: string): Promise<UploadRow | undefined>;
  /** Marks it committed, once and before it expires; run inside the commit's transaction (the row lock orders two commits). */
  markCommitted(id: string): Promise<boolean>;
}
