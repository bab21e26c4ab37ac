-- Directory: counties, districts and schools (MOE codes).
CREATE TABLE counties (
  code text PRIMARY KEY,            -- 8-digit national code, e.g. 10009000
  name text NOT NULL UNIQUE,
  english text NOT NULL,
  fullname text NOT NULL
);
CREATE TABLE districts (
  code text PRIMARY KEY,
  county_code text NOT NULL REFERENCES counties(code),
  name text NOT NULL,
  english text NOT NULL,
  UNIQUE (county_code, name)
);
CREATE TABLE schools (
  code text PRIMARY KEY,            -- MOE 6-character school code
  name text NOT NULL,
  level text NOT NULL,              -- 學制: 幼兒園, 國小, 國中, 高中, 大專校院, 特教
  county_code text NOT NULL REFERENCES counties(code),
  district_code text REFERENCES districts(code),
  ownership text,
  address text,
  phone text,
  url text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schools_by_place ON schools (county_code, district_code, level);

-- Accounts and what eduinfo is built from.
CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),   -- the OIDC sub
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  display_name text NOT NULL,
  email text,
  email_verified boolean NOT NULL DEFAULT false,
  mobile text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE affiliations (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  school_code text NOT NULL REFERENCES schools(code),
  identity text NOT NULL,            -- 教師 / 職員 / 學生
  titles jsonb NOT NULL DEFAULT '[]',
  classes jsonb NOT NULL DEFAULT '[]',
  is_primary boolean NOT NULL DEFAULT true,
  PRIMARY KEY (account_id, school_code)
);

-- Connected applications (OIDC clients). metadata is the oidc-provider client metadata.
CREATE TABLE clients (
  client_id text PRIMARY KEY,
  name text NOT NULL,
  first_party boolean NOT NULL DEFAULT false,
  home_url text,                    -- where 「介接應用服務」 sends a signed-in user
  metadata jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- oidc-provider's own models (sessions, codes, tokens, grants, interactions ...).
CREATE TABLE oidc_payloads (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_payloads_grant ON oidc_payloads (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_payloads_uid ON oidc_payloads (uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_payloads_user_code ON oidc_payloads (user_code) WHERE user_code IS NOT NULL;
CREATE INDEX oidc_payloads_expiry ON oidc_payloads (expires_at);

-- Token signing keys, private parts encrypted with the key-encryption secret.
CREATE TABLE signing_keys (
  kid text PRIMARY KEY,
  alg text NOT NULL,
  sealed_jwk text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz               -- no longer signs; published until tokens signed with it expire
);

-- Single-use captcha challenges.
CREATE TABLE captchas (
  id text PRIMARY KEY,
  answer text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- The SSO site's own session (the 帳號管理 pages), stored by the hash of its cookie.
CREATE TABLE web_sessions (
  id text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

-- Every authentication event.
CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  type text NOT NULL,
  account_id uuid,
  client_id text,
  ip text,
  user_agent text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_account ON audit_events (account_id, at DESC);

-- Which shipped data set was last loaded (so a restart skips re-loading it).
CREATE TABLE seed_state (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
