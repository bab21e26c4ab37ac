-- Issue 10: an uploaded school list or source-data file between its preview and its commit.
-- rows: schools as read (SchoolRecord), or people ALREADY SEALED (SourcePerson: identity number and birthday
-- only as keyed hash + sealed box), never a plain identity number or birthday.
CREATE TABLE uploads (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('schools', 'people')),
  rows jsonb NOT NULL,
  errors jsonb NOT NULL,
  counts jsonb NOT NULL,
  created_by text NOT NULL,          -- the actor: 'account:<uuid>' or 'client:<id>'
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  committed_at timestamptz
);
CREATE INDEX uploads_expiry ON uploads (expires_at);
