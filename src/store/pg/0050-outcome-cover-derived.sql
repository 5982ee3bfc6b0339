-- 0050-outcome-cover-derived.sql: the twin of SQLite's 0050, outcome_cover (0037) with derived
-- at its end, so that the two schemas keep the same indexes (tests/tools/schema-compare.sh).
DROP INDEX IF EXISTS outcome_cover;
CREATE INDEX outcome_cover
  ON outcome (indicator_id, period_id, area_id, sex, value, missing, example, source, derived);
