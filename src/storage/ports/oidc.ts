/** oidc-provider's stored objects (sessions, interactions, codes, tokens, grants) of one model. */
export interface OidcPayloadRepo {
  upsert(model: string, id: string, payload: Record<string, unknown>, expiresInSeconds?: number): Promise<void>;
  /** A live payload by id, uid or user code, with `consumed` (epoch seconds) when it was consumed. */
  find(model: string, by: 'id' | 'uid' | 'user_code', value: string): Promise<Record<string, unknown> | undefined>;
  consume(model: string, id: string): Promise<void>;
  destroy(model: string, id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
  /** Removes every session, grant and token of an account (and everything issued under its grants); returns how many rows. */
  revokeAccount(accountId: string): Promise<number>;
  /** Ends the account's provider sessions (model Session), all or all but `keep`; grants and tokens stay. Returns how many. */
  revokeSessions(accountId: string, keep?: string): Promise<number>;
}

export interface HealthRepo {
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}
