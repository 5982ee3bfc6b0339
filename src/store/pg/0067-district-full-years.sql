-- 0067-district-full-years.sql (PostgreSQL): nothing. SQLite's 0067 keeps a district's
-- full-year outcomes of an indicator as one row (derived_district_fy) for the district page's
-- comparison; PostgreSQL's statement groups outcome's rows into the same text
-- (sql-pg-web-places.c STMT_WEB_PLACES_DISTRICT_COMPARE). This migration keeps the two
-- backends' versions the same.
SELECT 1;
