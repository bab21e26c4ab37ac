-- Passkeys (WebAuthn credentials): passwordless sign-in and a second factor (issue 9).
-- The credential id (base64url) is the key: an authenticator's id is unique across accounts.
CREATE TABLE passkeys (
  id text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  public_key bytea NOT NULL,
  counter bigint NOT NULL DEFAULT 0,
  transports text[] NOT NULL DEFAULT '{}',
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX passkeys_account ON passkeys (account_id, created_at);
