-- 0046-city-page-themes.sql: nothing on PostgreSQL, whose STMT_WEB_CITY_THEMES counts the
-- themes' measures in one grouped pass over measure_theme. SQLite's 0046 keeps the counts in
-- derived_theme_measures by triggers (its correlated count per theme was most of the statement's
-- cost) and indexes theme for the statement. This migration keeps the two backends' versions the same.
SELECT 1;
