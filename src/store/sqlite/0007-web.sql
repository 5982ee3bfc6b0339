-- 0007-web.sql: login sessions of the HTTP server (cookie sessions; API tokens are in api_token).
CREATE TABLE session (
  id_hash     TEXT PRIMARY KEY,          -- BLAKE2b of the session token, hex; the token itself is never stored
  user_id     INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf        TEXT NOT NULL,             -- the CSRF token that cookie-authenticated writes must send
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
CREATE INDEX session_user ON session(user_id);
CREATE INDEX audit_at ON audit(at);
