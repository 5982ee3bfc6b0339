-- 0045-measure-plan-order.sql: a plan version's measures in their order, as on SQLite (the two
-- schemas are the same: t7000). measure_plan (plan_version_id) becomes measure_plan_ord
-- (plan_version_id, ord): SQLite reads the district page's measures (ORDER BY m.ord, m.id) in
-- that order instead of sorting the wide rows; PostgreSQL finds the same prefix as before.
DROP INDEX measure_plan;
CREATE INDEX measure_plan_ord ON measure(plan_version_id, ord);
