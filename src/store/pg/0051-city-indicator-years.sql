-- 0051-city-indicator-years.sql (PostgreSQL): nothing. SQLite's 0051 keeps each indicator's full
-- years with public district figures in derived_indicator_years for the city page (one row per
-- indicator instead of one per indicator and year); PostgreSQL's STMT_WEB_CITY_INDICATORS
-- aggregates derived_indicator_period (0032) per indicator in the statement and needs no table.
SELECT 1;
