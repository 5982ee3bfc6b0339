-- 0015-plan-doc.sql: what copying a plan version (the interchange document, `lup plan
-- new-version`, `lup import json`) needs of indicators and activities.
--
-- The identity of an indicator or activity across a plan's versions (as in 0014):
--   indicator, activity: COALESCE(ident, key)
ALTER TABLE indicator ADD COLUMN ident text;
ALTER TABLE activity ADD COLUMN ident text;
-- The plan version an indicator belongs to. An indicator may measure a goal outside the plan
-- (a verksamhetsplan's indicators measure the council's verksamhetsområdesmål), so its goal does
-- not say which version holds it. NULL for rows written before this migration and by the
-- dataset loader: such an indicator belongs to its goal's version when the goal has one, else
-- to the oldest version of the non-LUP plans of its owner whose years hold the goal's year (see
-- STMT_PD_EXT_INDICATORS).
ALTER TABLE indicator ADD COLUMN plan_version_id bigint REFERENCES plan_version(id) ON DELETE CASCADE DEFERRABLE;
CREATE INDEX indicator_plan_version ON indicator(plan_version_id) WHERE plan_version_id IS NOT NULL;
CREATE INDEX activity_plan_version ON activity(plan_version_id) WHERE plan_version_id IS NOT NULL;
