-- 0063-outcome-period-area-derived.sql (PostgreSQL): the twin of SQLite's 0063,
-- outcome_period_area (0039) with derived at its end, so that the two schemas keep the same
-- indexes (tests/tools/schema-compare.sh).
DROP INDEX IF EXISTS outcome_period_area;
CREATE INDEX outcome_period_area
  ON outcome (period_id, area_id, sex, indicator_id, value, missing, example, source, derived);
