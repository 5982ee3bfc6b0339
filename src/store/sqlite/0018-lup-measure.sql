-- 0018-lup-measure.sql: what writing an LUP's prioritised measures needs.
--
-- A measure's start and end with the precision the documents use ("ht 2017", "vt 2018", "2019",
-- "2019-03"), as activity has them (0001): the text as written, the interval it covers
-- (YYYYMMDD, model/datex.h) and its precision. Rows written before this migration keep their
-- start_text with precision 'open' (some texts, "hösten", name no year); a write through
-- edit/plan-measure.c or a copy of the version (edit/plan-version.c) parses the text again.
-- The end may not lie before the start (the same rule as activity's).
ALTER TABLE measure ADD COLUMN start_first INTEGER;
ALTER TABLE measure ADD COLUMN start_last INTEGER;
ALTER TABLE measure ADD COLUMN start_prec TEXT NOT NULL DEFAULT 'open'
  CHECK (start_prec IN ('day','month','season','year','open'));
ALTER TABLE measure ADD COLUMN end_text TEXT;
ALTER TABLE measure ADD COLUMN end_first INTEGER;
ALTER TABLE measure ADD COLUMN end_last INTEGER
  CHECK (end_last IS NULL OR start_first IS NULL OR end_last >= start_first);
ALTER TABLE measure ADD COLUMN end_prec TEXT NOT NULL DEFAULT 'open'
  CHECK (end_prec IN ('day','month','season','year','open'));

-- The LUP goals a measure serves: goals of the measure's own version (edit/plan-measure.c
-- checks; a copy of the version links the copies).
CREATE TABLE measure_goal (
  measure_id  INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  goal_id     INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
  PRIMARY KEY (measure_id, goal_id)
);
CREATE INDEX measure_goal_goal ON measure_goal(goal_id);

-- A measure's partners that are not in the organisation registry (an association, a business,
-- the residents of a block). Such a partner is one of the version's plan partners (plan_partner,
-- which already holds non-registry partners by group and label), so measure_partner names either
-- a registry organisation (org_id) or a plan partner (plan_partner_id), exactly one of them:
-- one list of who takes part per version, no second free-text name to keep in step, and a plan
-- partner that a measure uses cannot go unnoticed (no ON DELETE: edit/plan-partner.c refuses to
-- remove it and names the measures). A registry organisation stays org_id (the dataset, the
-- importers and the read rules of activity and report scope join on it).
-- The table is rebuilt to make org_id nullable (SQLite cannot drop a NOT NULL): every row is
-- kept with its rowid (the order partners are listed in). The primary key (measure_id, org_id)
-- becomes a unique key, with another for (measure_id, plan_partner_id).
CREATE TABLE measure_partner_0018 (
  measure_id       INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  org_id           INTEGER REFERENCES organisation(id),
  plan_partner_id  INTEGER REFERENCES plan_partner(id),
  role             TEXT NOT NULL CHECK (role IN ('lead','partner','support','funder')),
  source           TEXT,
  CHECK ((org_id IS NULL) <> (plan_partner_id IS NULL)),
  UNIQUE (measure_id, org_id),
  UNIQUE (measure_id, plan_partner_id)
);
INSERT INTO measure_partner_0018 (rowid, measure_id, org_id, plan_partner_id, role, source)
  SELECT rowid, measure_id, org_id, NULL, role, source FROM measure_partner ORDER BY rowid;
DROP TABLE measure_partner;
ALTER TABLE measure_partner_0018 RENAME TO measure_partner;
CREATE INDEX measure_partner_org ON measure_partner(org_id) WHERE org_id IS NOT NULL;
CREATE INDEX measure_partner_pp ON measure_partner(plan_partner_id) WHERE plan_partner_id IS NOT NULL;
