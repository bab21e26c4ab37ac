-- Administrative roles granted to ordinary accounts (issue 10): a system administrator, a county
-- administrator of one county, a school administrator (學校管理者 / 資訊組長) of one school, a helpdesk
-- agent. The scope columns are filled for exactly the role that needs them.
CREATE TABLE role_grants (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('system-admin', 'county-admin', 'school-admin', 'helpdesk')),
  county_code text REFERENCES counties(code),
  school_code text REFERENCES schools(code),
  granted_at timestamptz NOT NULL DEFAULT now(),
  -- The account that granted it; null: the command line on the server.
  granted_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
  CONSTRAINT role_grants_county_scope CHECK ((role = 'county-admin') = (county_code IS NOT NULL)),
  CONSTRAINT role_grants_school_scope CHECK ((role = 'school-admin') = (school_code IS NOT NULL))
);
-- One grant per account, role and scope (a null scope counts as one value).
CREATE UNIQUE INDEX role_grants_unique ON role_grants (account_id, role, coalesce(county_code, ''), coalesce(school_code, ''));
CREATE INDEX role_grants_county ON role_grants (county_code) WHERE county_code IS NOT NULL;
CREATE INDEX role_grants_school ON role_grants (school_code) WHERE school_code IS NOT NULL;
