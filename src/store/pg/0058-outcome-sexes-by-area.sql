-- 0058-outcome-sexes-by-area.sql (PostgreSQL): nothing. SQLite's 0058 indexes
-- derived_outcome_sexes (0052, SQLite's only) by period and area for the district page's
-- comparison; PostgreSQL's comparison groups outcome's rows to the same shape
-- (sql-pg-web-places.c). This migration keeps the two backends' versions the same.
SELECT 1;
