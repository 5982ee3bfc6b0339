-- 0045-measure-plan-order.sql: nothing on PostgreSQL. SQLite's 0045 orders its index of a
-- plan version's measures by ord, so that the district page's measures are read in order rather
-- than sorted; PostgreSQL sorts a version's few dozen measures in memory. This migration keeps
-- the two backends' versions the same.
SELECT 1;
