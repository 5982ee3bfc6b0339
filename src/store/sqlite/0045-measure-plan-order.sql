-- 0045-measure-plan-order.sql: a plan version's measures in their order. measure_plan
-- (plan_version_id) becomes measure_plan_ord (plan_version_id, ord): the district page's
-- measures (WEB_PLACES_DISTRICT_MEASURES, ORDER BY m.ord, m.id) are read in that order from the
-- index, the rowid breaking ties, where SQLite sorted the wide rows with their descriptions
-- (379K -> 251K instructions per execution for Spånga-Tensta's 43 measures). Every statement
-- that sought a version's measures by measure_plan finds the same prefix here.
DROP INDEX measure_plan;
CREATE INDEX measure_plan_ord ON measure(plan_version_id, ord);
