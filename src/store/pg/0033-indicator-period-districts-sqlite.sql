-- 0033-indicator-period-districts-sqlite.sql: nothing on PostgreSQL, which keeps
-- derived_indicator_period since 0032; SQLite's migration 0033 adds the same table, kept by row
-- triggers. This migration keeps the two backends' versions the same.
SELECT 1;
