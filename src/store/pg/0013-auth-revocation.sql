-- 0013-auth-revocation.sql: the login throttle's failure counts, kept in the database so that
-- no number of other failed logins can push an account's or an address's count out (the
-- in-memory table of 512 slots before could be flushed), and shared by every worker thread.
-- A row lives while its window (first_at + 900 s) or its block (until_at) lasts; expired rows
-- are pruned on each failed login.
CREATE TABLE login_failure (
  key       text PRIMARY KEY,            -- 'u:NAME' (an account) or 'a:ADDRESS' (a client address)
  fails     bigint NOT NULL,            -- failures since first_at
  first_at  bigint NOT NULL,            -- Unix seconds of the window's first failure
  until_at  bigint NOT NULL DEFAULT 0   -- Unix seconds until which logins are refused (429)
);
-- SQLite's WITHOUT ROWID (the key is the table's storage order) has no equivalent here: a plain
-- table with its primary key index.
CREATE INDEX login_failure_first ON login_failure(first_at);
-- `lup token list --user` and GET /api/v1/tokens?user= read a user's tokens
CREATE INDEX api_token_user ON api_token(user_id);
