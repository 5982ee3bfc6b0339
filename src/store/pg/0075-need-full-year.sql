-- 0075-need-full-year.sql (PostgreSQL): nothing. SQLite's 0075 keeps an area's full-year
-- totals of every indicator as one row (derived_need_fy) for resources versus need;
-- PostgreSQL's statement groups outcome's rows into the same text (sql-pg-need.c
-- STMT_NEED_VALUES). This migration keeps the two backends' versions the same.
SELECT 1;
