-- Source data (來源資料): who works or studies where, as school HR reports it.
-- Identity numbers and birthdays are sealed (AES-256-GCM) with a keyed hash beside them for lookups.
CREATE TABLE source_people (
  school_code text NOT NULL REFERENCES schools(code),
  id_hash text NOT NULL,
  id_sealed text NOT NULL,
  name text NOT NULL,
  birthday_hash text NOT NULL,
  birthday_sealed text NOT NULL,
  identity text NOT NULL CHECK (identity IN ('教師', '職員', '學生')),
  titles jsonb NOT NULL DEFAULT '[]',
  classes jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_code, id_hash, identity)
);
CREATE INDEX source_people_by_person ON source_people (id_hash);

-- One person, one account: the person's identity number, hashed (unique) and sealed.
ALTER TABLE accounts ADD COLUMN person_id_hash text UNIQUE;
ALTER TABLE accounts ADD COLUMN person_id_sealed text;
ALTER TABLE accounts ADD COLUMN birthday_sealed text;

-- Self-service flows (registration now; recovery later): server-side state with an expiry.
CREATE TABLE flows (
  id text PRIMARY KEY,                -- sha256 of the token in the browser's cookie
  kind text NOT NULL,
  state jsonb NOT NULL,
  version integer NOT NULL DEFAULT 0, -- optimistic lock: a double submit finds it changed
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX flows_expiry ON flows (expires_at);

-- 6-digit codes sent to an email address or a mobile number; stored hashed, single-use, attempt-capped.
CREATE TABLE verification_codes (
  id text PRIMARY KEY,
  flow_id text,
  purpose text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  target text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX verification_codes_flow ON verification_codes (flow_id);

-- Reports handed to the helpdesk (查無資料, 我找不到我的學校, 資料異常 …).
CREATE TABLE helpdesk_tickets (
  id bigserial PRIMARY KEY,
  category text NOT NULL,
  name text,
  contact text,
  id_sealed text,
  description text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'open',
  created_at timestamptz NOT NULL DEFAULT now()
);
