/** Passkeys: WebAuthn credentials of an account (the public half only). */

export interface Passkey {
  /** The credential id, base64url. */
  id: string;
  accountId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export type NewPasskey = Pick<Passkey, 'id' | 'accountId' | 'publicKey' | 'counter' | 'transports' | 'name'>;

export interface PasskeyRepo {
  add(p: NewPasskey): Promise<void>;
  find(id: string): Promise<Passkey | undefined>;
  /** Oldest first. */
  listForAccount(accountId: string): Promise<Passkey[]>;
  countForAccount(accountId: string): Promise<number>;
  /**
   * A successful use: the new signature counter and the time. Refused (false) when the stored counter
   * moved meanwhile or the new one does not exceed it (a cloned authenticator); 0 → 0 is allowed, as
   * authenticators without a counter always send 0.
   */
  used(id: string, previousCounter: number, newCounter: number): Promise<boolean>;
  /** Only the owner's passkey; returns whether one was renamed. */
  rename(accountId: string, id: string, name: string): Promise<boolean>;
  /** Only the owner's passkey; returns the removed one. */
  remove(accountId: string, id: string): Promise<Passkey | undefined>;
}
