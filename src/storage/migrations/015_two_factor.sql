-- 雙因子認證綁定 (SPEC 壹拾, issue 9): one authenticator per account, and its recovery codes.
CREATE TABLE two_factor (
  account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  secret_sealed text NOT NULL,                -- the TOTP secret, AES-256-GCM (security/pii.ts)
  bound_at timestamptz NOT NULL DEFAULT now(),
  enabled_at timestamptz,                     -- NULL: bound but not asked at sign-in (「啟用雙因子驗證」 not pressed)
  last_step bigint NOT NULL                   -- the last accepted RFC 6238 time step: a code at or before it is a replay
);

-- Single-use codes for when the phone is lost: sha256 of a random code, never the code.
CREATE TABLE two_factor_recovery_codes (
  account_id uuid NOT NULL REFERENCES two_factor(account_id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (account_id, code_hash)
);
