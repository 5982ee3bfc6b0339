-- 0051-city-indicator-years.sql (PostgreSQL): nothing. SQLite's 0051 keeps each indicator's full
-- years with public district figures in derived_indicator_years for the city page (one row per
-- indicator instead of one per indicator and year); PostgreSQL's statements read
-- derived_indicator_period (0032) per year as before, cheaper there than an aggregate per
-- indicator (sql-pg-web-city.c). This migration keeps the two backends' versions the same.
SELECT 1;
