-- Student accounts provisioned in bulk from source records (issue 10). The initial password is handed
-- over on a printed sheet and must be replaced at the first sign-in.
ALTER TABLE accounts ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- One row per provisioning run: who made how many accounts for which school (and class). The plain
-- initial passwords are never stored: the sheet exists only in the answer that made the batch.
CREATE TABLE provisioning_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_code text NOT NULL REFERENCES schools(code),
  class_no text,
  -- 'account:<id>', 'client:<id>' or 'cli', as audit_events.actor
  actor text NOT NULL,
  kind text NOT NULL DEFAULT 'provision' CHECK (kind IN ('provision', 'reset')),
  account_count integer NOT NULL CHECK (account_count >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX provisioning_batches_school ON provisioning_batches (school_code, created_at DESC);
