-- County identity providers (縣市帳號) the service federates with.
CREATE TABLE county_providers (
  id text PRIMARY KEY,                      -- slug, e.g. yunlin
  county_code text NOT NULL REFERENCES counties(code),
  display_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('oidc', 'oauth2')),
  issuer text NOT NULL,                     -- OIDC issuer (discovery) or OAuth 2 base URL
  client_id text NOT NULL,
  client_secret_sealed text NOT NULL,
  scopes text NOT NULL,
  claims jsonb NOT NULL DEFAULT '{}',       -- which claim gives id_number, person_id, name, school_code, titles
  labels jsonb NOT NULL DEFAULT '{}',       -- the button texts the manual shows for this county
  endpoints jsonb NOT NULL DEFAULT '{}',    -- OAuth 2 only: authorize, token, user, profile URLs
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A county identity is keyed by (provider, subject), never by email; it belongs to one account.
CREATE TABLE county_identities (
  provider_id text NOT NULL REFERENCES county_providers(id) ON DELETE CASCADE,
  subject text NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  linked_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  PRIMARY KEY (provider_id, subject)
);
CREATE INDEX county_identities_account ON county_identities (account_id);

-- After a password reset through a county account, no further change for 24 hours (SPEC 陸.2).
ALTER TABLE accounts ADD COLUMN password_locked_until timestamptz;
