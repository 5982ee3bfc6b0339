-- 0029-v3-district-indexes.sql: indexes the district page's reads use instead of a walk per row
-- (issue 15). measure_plan_ident, goal_plan_ident: a contribution's measure or goal as the row
-- of the same identity (coalesce(ident, key)) in the district's LUP version (CB_LIST) is one
-- seek, not a walk through every measure and goal of the version per contribution.
CREATE INDEX measure_plan_ident ON measure(plan_version_id, coalesce(ident, key));
CREATE INDEX goal_plan_ident ON goal(plan_version_id, coalesce(ident, key));
