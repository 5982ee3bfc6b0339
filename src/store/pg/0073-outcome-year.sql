-- 0073-outcome-year.sql (PostgreSQL): nothing. SQLite's 0073 keeps an indicator's outcomes of a
-- year in an area as one row (derived_outcome_year) for the goal chain API; PostgreSQL's
-- statement groups outcome's rows into the same text (sql-pg-view-chain.c
-- STMT_VC_OUTCOMES_YEAR). This migration keeps the two backends' versions the same.
SELECT 1;
