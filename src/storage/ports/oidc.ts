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
  /** The live grants (consents) an account gave, oldest first. */
  grantsForAccount(accountId: string): Promise<AccountGrant[]>;
  /**
   * Deletes one grant of this account and everything issued under it (codes, access and refresh tokens),
   * and forgets the grant's client in the account's sessions; returns the session ids (`sid`) the client
   * had, or undefined (nothing changed) when the grant is not this account's.
   */
  /** Removes every grant, code and token issued to a client (a disabled application); returns how many rows. */
  revokeClient(clientId: string): Promise<number>;
  revokeGrant(accountId: string, grantId: string): Promise<{ clientId: string; sids: string[] } | undefined>;
}

/** One application's consent, as oidc-provider stores it (`Grant`). */
export interface AccountGrant {
  grantId: string;
  clientId: string;
  /** The OpenID scopes granted. */
  scopes: string[];
  issuedAt: Date;
}

export interface HealthRepo {
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}
