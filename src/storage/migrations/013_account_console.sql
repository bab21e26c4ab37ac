-- The 帳號管理 console (issue 9): sessions a person can see and end, and sign-in records (SPEC 捌.2, 玖).
ALTER TABLE web_sessions ADD COLUMN authenticated_at timestamptz NOT NULL DEFAULT now(); -- last time credentials were proven
ALTER TABLE web_sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE web_sessions ADD COLUMN ip text;
ALTER TABLE web_sessions ADD COLUMN user_agent text;
ALTER TABLE web_sessions ADD COLUMN methods text[] NOT NULL DEFAULT '{}';                 -- how it was signed in
CREATE INDEX web_sessions_account ON web_sessions (account_id);

-- One row per sign-in, written when it happens: 'authentication' rows are credentials proven or refused
-- on the SSO site (ＩＰ登入紀錄), 'application' rows are sign-ins handed to an application, single
-- sign-on included (應用服務登入紀錄). Purged after a retention period; the audit log is kept apart.
CREATE TABLE sign_in_records (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('authentication', 'application')),
  client_id text,
  method text NOT NULL CHECK (method IN ('password', 'county', 'two-factor', 'passkey')),
  result text NOT NULL CHECK (result IN ('succeeded', 'failed')),
  ip text,
  user_agent text
);
CREATE INDEX sign_in_records_account ON sign_in_records (account_id, kind, at DESC);
CREATE INDEX sign_in_records_at ON sign_in_records (at);
