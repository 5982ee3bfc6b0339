-- 0040-outcome-period-area-narrow.sql: nothing on SQLite. PostgreSQL's 0040 keeps a narrow
-- (period_id, area_id) index on outcome beside 0039's covering one, for its planner before the
-- visibility map is set; SQLite reads the covering index as it is. This migration keeps the two
-- backends' versions the same.
SELECT 1;
