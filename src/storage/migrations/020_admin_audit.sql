-- Issue 10: who did it. 'account:<uuid>' (the console), 'client:<id>' (an admin API token), 'cli' (the server's command line).
ALTER TABLE audit_events ADD COLUMN actor text;
CREATE INDEX audit_events_at ON audit_events (at DESC, id DESC);
CREATE INDEX audit_events_type_at ON audit_events (type, at DESC);
CREATE INDEX audit_events_actor_at ON audit_events (actor, at DESC) WHERE actor IS NOT NULL;
