-- 0037-outcome-cover.sql: an index on outcome that holds every column the goal chain, the
-- organisation page and the district page read from it, in the order of the natural key. Their
-- statements seek outcomes by (indicator, period, area) and then read value, missing, example
-- and source: through the key's own index each row cost a second seek into the table (about a
-- sixth of the goal chain's outcome statement); this one answers them alone. Its rows come in
-- the key's order, as the unique index's did, so no result changes order.
CREATE INDEX IF NOT EXISTS outcome_cover
  ON outcome (indicator_id, period_id, area_id, sex, value, missing, example, source);
