-- 0013-auth-revocation.sql: the login throttle's failure counts, kept in the database so that
-- no number of other failed logins can push an account's or an address's count out (the
-- in-memory table of 512 slots before could be flushed), and shared by every worker thread.
-- A row lives while its window (first_at + 900 s) or its block (until_at) lasts; expired rows
-- are pruned on each failed login.
CREATE TABLE login_failure (
  key       TEXT PRIMARY KEY,            -- 'u:NAME' (an account) or 'a:ADDRESS' (a client address)
  fails     INTEGER NOT NULL,            -- failures since first_at
  first_at  INTEGER NOT NULL,            -- Unix seconds of the window's first failure
  until_at  INTEGER NOT NULL DEFAULT 0   -- Unix seconds until which logins are refused (429)
) WITHOUT ROWID;
CREATE INDEX login_failure_first ON login_failure(first_at);
-- `lup token list --user` and GET /api/v1/tokens?user= read a user's tokens
CREATE INDEX api_token_user ON api_token(user_id);
