-- 0007-web.sql: login sessions of the HTTP server (cookie sessions; API tokens are in api_token).
CREATE TABLE session (
  id_hash     text PRIMARY KEY,          -- BLAKE2b of the session token, hex; the token itself is never stored
  user_id     bigint NOT NULL REFERENCES app_user(id) ON DELETE CASCADE DEFERRABLE,
  csrf        text NOT NULL,             -- the CSRF token that cookie-authenticated writes must send
  created_at  text NOT NULL,
  expires_at  text NOT NULL
);
-- session_user is a reserved word in PostgreSQL: the name is quoted.
CREATE INDEX "session_user" ON session(user_id);
CREATE INDEX audit_at ON audit(at);
