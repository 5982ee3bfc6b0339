-- 0055-outcome-list-counts.sql (PostgreSQL): nothing. SQLite's 0055 keeps the outcomes per
-- indicator, period and sex in derived_outcome_count, so that the API's list of outcomes counts
-- its total from that table; PostgreSQL counts the outcomes at read time (sql-pg.c,
-- STMT_COUNT_OUTCOMES). This migration keeps the two backends' versions the same.
SELECT 1;
