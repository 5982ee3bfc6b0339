-- 0052-outcome-sexes.sql (PostgreSQL): nothing. SQLite's 0052 keeps the sexes of each
-- (indicator, area, period) of outcome as one row in derived_outcome_sexes for the goal chain;
-- PostgreSQL's chain statements give the same rows by grouping outcome's (sql-pg-view-chain.c).
-- This migration keeps the two backends' versions the same.
SELECT 1;
