-- 0039-outcome-period-area-cover.sql (PostgreSQL): the twin of SQLite's 0039, outcome_period_area
-- over (period, area) with sex, indicator and the columns read with them, so that the two
-- schemas keep the same indexes (tests/tools/schema-compare.sh). Its key starts as before, so
-- PostgreSQL's seeks by period and area use it as they did, and may answer from it alone.
DROP INDEX IF EXISTS outcome_period_area;
CREATE INDEX outcome_period_area
  ON outcome (period_id, area_id, sex, indicator_id, value, missing, example, source);
