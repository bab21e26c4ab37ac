/** 雙因子認證綁定: an account's authenticator (its sealed TOTP secret) and recovery codes. */
export interface TwoFactor {
  accountId: string;
  secretSealed: string;
  boundAt: Date;
  /** Set once 「啟用雙因子驗證」 turned it on: every sign-in then asks for a code. */
  enabledAt: Date | null;
  lastStep: number;
}

export interface TwoFactorRepo {
  find(accountId: string): Promise<TwoFactor | undefined>;
  /** Binds an authenticator proven by a code of `step`; false when one is bound already. */
  bind(accountId: string, secretSealed: string, step: number): Promise<boolean>;
  /** Records `step` as used, only if it is after the last used one (atomic): false is a replay. */
  acceptStep(accountId: string, step: number): Promise<boolean>;
  /** Turns it on with a fresh set of recovery codes (hashes), replacing any old ones. */
  enable(accountId: string, codeHashes: string[]): Promise<void>;
  /** Replaces the recovery codes (hashes). */
  replaceRecoveryCodes(accountId: string, codeHashes: string[]): Promise<void>;
  /** Marks an unused recovery code used (atomic); false when there is no such unused code. */
  useRecoveryCode(accountId: string, codeHash: string): Promise<boolean>;
  recoveryCodesLeft(accountId: string): Promise<number>;
  /** Removes the authenticator and its recovery codes; false when none was bound. */
  remove(accountId: string): Promise<boolean>;
}
