-- Issue 10, the helpdesk: a ticket's life (new → in-progress → waiting → resolved), the county that
-- bounds a county administrator's reach, the account it names, and the replies and notes kept in it.
UPDATE helpdesk_tickets SET status = 'new' WHERE status = 'open';
ALTER TABLE helpdesk_tickets
  ALTER COLUMN status SET DEFAULT 'new',
  ADD CONSTRAINT helpdesk_tickets_status CHECK (status IN ('new', 'in-progress', 'waiting', 'resolved')),
  ADD COLUMN county_code text REFERENCES counties(code),
  ADD COLUMN account_id uuid REFERENCES accounts(id) ON DELETE SET NULL,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN resolved_at timestamptz;
UPDATE helpdesk_tickets SET updated_at = created_at;

-- What can be known of old tickets: the account by name or by the person's number, its county by the
-- school chosen in the registration report, else by the account's primary school.
UPDATE helpdesk_tickets t SET account_id = a.id FROM accounts a WHERE t.account_id IS NULL AND t.account_name IS NOT NULL AND a.username = t.account_name;
UPDATE helpdesk_tickets t SET account_id = a.id FROM accounts a WHERE t.account_id IS NULL AND t.id_hash IS NOT NULL AND a.person_id_hash = t.id_hash;
UPDATE helpdesk_tickets t SET county_code = s.county_code FROM schools s
  WHERE t.county_code IS NULL AND s.code = t.detail #>> '{registration,place,school}';
UPDATE helpdesk_tickets t SET county_code = c.code FROM counties c
  WHERE t.county_code IS NULL AND c.code = t.detail #>> '{registration,place,county}';
UPDATE helpdesk_tickets t SET county_code = s.county_code FROM affiliations f JOIN schools s ON s.code = f.school_code
  WHERE t.county_code IS NULL AND f.account_id = t.account_id AND f.is_primary;

CREATE INDEX helpdesk_tickets_queue ON helpdesk_tickets (status, created_at);
CREATE INDEX helpdesk_tickets_county ON helpdesk_tickets (county_code, created_at) WHERE county_code IS NOT NULL;

CREATE TABLE ticket_messages (
  id bigserial PRIMARY KEY,
  ticket_id bigint NOT NULL REFERENCES helpdesk_tickets(id) ON DELETE CASCADE,
  direction text NOT NULL CHECK (direction IN ('reply', 'note')),
  channel text CHECK (channel IN ('email', 'sms')),
  recipient text,
  body text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  CHECK ((direction = 'reply') = (channel IS NOT NULL AND recipient IS NOT NULL))
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, id);
