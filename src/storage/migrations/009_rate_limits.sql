-- Rate-limit counters (src/security/rate-limit.ts): one row per policy and key, shared by every node.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  points integer NOT NULL,
  window_ends_at timestamptz NOT NULL,
  blocked_until timestamptz
);
-- The sweeper deletes a row once both its window and its block are over.
CREATE INDEX rate_limits_expiry ON rate_limits ((GREATEST(window_ends_at, blocked_until)));
-- Sign-in failures are counted in rate_limits now; the audit log keeps events only.
DROP INDEX IF EXISTS audit_events_login_failures;
