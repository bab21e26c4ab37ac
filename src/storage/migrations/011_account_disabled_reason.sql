-- SPEC 柒: why an account is disabled ('inactive': no sign-in for the configured days, 'admin': an
-- administrator), and when it last signed in (what 'inactive' is measured from).
ALTER TABLE accounts ADD COLUMN disabled_reason text CHECK (disabled_reason IN ('inactive', 'admin'));
ALTER TABLE accounts ADD COLUMN last_login_at timestamptz;
