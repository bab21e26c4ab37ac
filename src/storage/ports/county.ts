/** Which claim (or user API field) carries each fact about the person. */
export interface ClaimMapping {
  subject: string;
  idNumber?: string;
  personId?: string;
  name: string;
  schoolCode?: string;
  titles?: string;
}

export interface CountyLabels {
  login: string;
  forgotAccount: string;
  resetPassword: string;
}

export interface CountyProviderRow {
  id: string;
  countyCode: string;
  countyName: string;
  displayName: string;
  kind: 'oidc' | 'oauth2';
  issuer: string;
  clientId: string;
  clientSecretSealed: string;
  scopes: string;
  claims: ClaimMapping;
  labels: Partial<CountyLabels>;
  endpoints: { authorize?: string; token?: string; user?: string; profile?: string };
  hasIcon: boolean;
}

export type NewCountyProviderRow = Omit<CountyProviderRow, 'countyName' | 'hasIcon'>;

export interface CountyProviderRepo {
  insert(p: NewCountyProviderRow): Promise<void>;
  get(id: string): Promise<CountyProviderRow | undefined>;
  list(): Promise<CountyProviderRow[]>;
  /** Replaces everything but the id and the county; false when there is no such provider. */
  update(p: NewCountyProviderRow): Promise<boolean>;
  setIcon(id: string, bytes: Buffer, type: string): Promise<void>;
  icon(id: string): Promise<{ bytes: Buffer; type: string } | undefined>;
  remove(id: string): Promise<boolean>;
}

export interface LinkedIdentity {
  providerId: string;
  countyName: string;
  displayName: string;
  subject: string;
  linkedAt: Date;
}

/** County identities linked to accounts: one (provider, subject) belongs to at most one account. */
export interface CountyIdentityRepo {
  /** The linked account, noting the use. */
  accountFor(providerId: string, subject: string): Promise<string | undefined>;
  /** Links; false when this county identity already belongs to another account. */
  link(providerId: string, subject: string, accountId: string): Promise<boolean>;
  forAccount(accountId: string): Promise<LinkedIdentity[]>;
  unlink(accountId: string, providerId: string, subject: string): Promise<boolean>;
}
