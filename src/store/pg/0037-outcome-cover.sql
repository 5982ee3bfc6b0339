-- 0037-outcome-cover.sql: the twin of SQLite's 0037, an index on outcome over the natural key
-- and the columns read with it (value, missing, example, source), so that the two schemas keep
-- the same indexes (tests/tools/schema-compare.sh). PostgreSQL can answer the same seeks from
-- it by index-only scans once the table is vacuumed.
CREATE INDEX IF NOT EXISTS outcome_cover
  ON outcome (indicator_id, period_id, area_id, sex, value, missing, example, source);
