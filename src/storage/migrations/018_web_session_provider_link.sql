-- 登入中的裝置 (issue 9): the oidc-provider session of the browser a web session belongs to, so that
-- 「登出」 of that device ends its single sign-on to applications too (set when it signs in to one).
ALTER TABLE web_sessions ADD COLUMN provider_session_id text;
