-- Failed sign-ins are counted per typed account name (hashed) to throttle password guessing.
CREATE INDEX audit_events_login_failures ON audit_events ((detail->>'name_hash'), at) WHERE type = 'login.failed';
