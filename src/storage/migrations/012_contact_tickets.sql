-- 聯絡我們 (壹拾壹): a ticket keeps how to answer, what the person said they are, and their language.
ALTER TABLE helpdesk_tickets
  ADD COLUMN id_hash text,
  ADD COLUMN account_name text,
  ADD COLUMN contact_channel text CHECK (contact_channel IN ('email', 'sms')),
  ADD COLUMN lang text;
CREATE INDEX helpdesk_tickets_id_hash ON helpdesk_tickets (id_hash) WHERE id_hash IS NOT NULL;
