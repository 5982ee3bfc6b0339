-- 0042-indicator-period-by-period.sql: nothing on PostgreSQL, whose planner reads
-- derived_indicator_period (migration 0032) for the city page's indicators as it is. SQLite's 0042
-- indexes the table by period for them. This migration keeps the two backends' versions the same.
SELECT 1;
