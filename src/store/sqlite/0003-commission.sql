-- 0003-commission.sql: what each administration sent the commission, beyond its answers to
-- single measures (`lup import commission`, docs/import-commission.md).

-- One row per administration a commission-response document lists: whether it sent a response
-- at all ("Skrivelse saknas" = no_response 1) and its text that answers no single measure.
CREATE TABLE commission_admin (
  org_id         INTEGER PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
  grp            TEXT NOT NULL CHECK (grp IN ('specialist','district','none')),  -- the group it is listed under
  ord            INTEGER NOT NULL,         -- its place in the document (1 = first)
  heading        TEXT NOT NULL,            -- its heading as written
  no_response    INTEGER NOT NULL DEFAULT 0 CHECK (no_response IN (0,1)),
  marker         TEXT,                     -- the no-response line as written
  statement      TEXT,                     -- text tied to no measure (introduction, general remarks)
  stance         TEXT NOT NULL DEFAULT 'none' CHECK (stance IN ('agree','positive','hesitant','disagree','none')),
  stance_phrase  TEXT,                     -- the words that decided the stance, as written
  source         TEXT
);

-- The commission reports an administration's text deals with (by heading or by name).
CREATE TABLE commission_admin_report (
  org_id     INTEGER NOT NULL REFERENCES commission_admin(org_id) ON DELETE CASCADE,
  report_id  INTEGER NOT NULL REFERENCES commission_report(id) ON DELETE CASCADE,
  PRIMARY KEY (org_id, report_id)
);
CREATE INDEX response_org ON response(org_id);
