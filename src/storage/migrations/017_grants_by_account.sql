-- 應用服務授權清單 (SPEC 捌.1): an account's grants and sessions, found without scanning every payload.
CREATE INDEX oidc_payloads_account ON oidc_payloads ((payload->>'accountId')) WHERE model IN ('Grant', 'Session');
