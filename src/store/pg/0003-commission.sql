-- 0003-commission.sql: what each administration sent the commission, beyond its answers to
-- single measures (`lup import commission`, docs/import-commission.md).

-- One row per administration a commission-response document lists: whether it sent a response
-- at all ("Skrivelse saknas" = no_response 1) and its text that answers no single measure.
CREATE TABLE commission_admin (
  org_id         bigint PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE DEFERRABLE,
  grp            text NOT NULL CHECK (grp IN ('specialist','district','none')),  -- the group it is listed under
  ord            bigint NOT NULL,         -- its place in the document (1 = first)
  heading        text NOT NULL,            -- its heading as written
  no_response    bigint NOT NULL DEFAULT 0 CHECK (no_response IN (0,1)),
  marker         text,                     -- the no-response line as written
  statement      text,                     -- text tied to no measure (introduction, general remarks)
  stance         text NOT NULL DEFAULT 'none' CHECK (stance IN ('agree','positive','hesitant','disagree','none')),
  stance_phrase  text,                     -- the words that decided the stance, as written
  source         text
);

-- The commission reports an administration's text deals with (by heading or by name).
CREATE TABLE commission_admin_report (
  org_id     bigint NOT NULL REFERENCES commission_admin(org_id) ON DELETE CASCADE DEFERRABLE,
  report_id  bigint NOT NULL REFERENCES commission_report(id) ON DELETE CASCADE DEFERRABLE,
  PRIMARY KEY (org_id, report_id)
);
CREATE INDEX response_org ON response(org_id);
