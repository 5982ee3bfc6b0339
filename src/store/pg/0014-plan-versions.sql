-- 0014-plan-versions.sql: what writing, versioning and adopting a plan needs.
--
-- Statuses of a plan version (the CHECK of 0001 is kept): 'draft' (the only editable one),
-- 'decided' (adopted: frozen, public), 'superseded' (adopted once, replaced by a later adopted
-- version; frozen, still public as history), 'revision' (unused; reserved).
--
-- The decision that adopted a version: decided_by (the deciding body, 0001), decided_on (the
-- date, 0001), and here the paragraph of the minutes (§) and the diarienummer.
ALTER TABLE plan_version ADD COLUMN decision_paragraph text;
ALTER TABLE plan_version ADD COLUMN decision_dnr text;
-- when the version was created (ISO 8601 UTC) and the version it was copied or imported from
ALTER TABLE plan_version ADD COLUMN created_at text;
ALTER TABLE plan_version ADD COLUMN based_on bigint REFERENCES plan_version(id) DEFERRABLE;

-- The identity of a thing across a plan's versions, so that a copy or an import of a version can
-- be compared with the version it came from (the diff) and exported with the same ids (the
-- interchange format). A row's identity is its ident when set, else its own:
--   theme:         COALESCE(ident, 'theme-' || id)
--   measure, goal: COALESCE(ident, key)
--   plan_partner:  COALESCE(ident, label)
-- A copy sets ident to the identity of the row it copies.
ALTER TABLE theme ADD COLUMN ident text;
ALTER TABLE measure ADD COLUMN ident text;
ALTER TABLE goal ADD COLUMN ident text;
ALTER TABLE plan_partner ADD COLUMN ident text;

-- At most one draft per plan at a time.
CREATE UNIQUE INDEX plan_version_one_draft ON plan_version(plan_id) WHERE status = 'draft';
CREATE INDEX goal_plan_version ON goal(plan_version_id) WHERE plan_version_id IS NOT NULL;
