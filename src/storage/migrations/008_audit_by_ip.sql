-- Counting recent events of one kind from one address (throttling identity verification).
CREATE INDEX audit_events_by_ip ON audit_events (type, ip, at);
