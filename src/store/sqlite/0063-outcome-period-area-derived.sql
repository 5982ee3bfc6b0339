-- 0063-outcome-period-area-derived.sql: 0039's outcome_period_area again with derived at its end
-- (as 0050 did for outcome_cover), so that a reader of every column of an outcome found by
-- (period, area) needs no seek into the table: the organisation's indicator values
-- (STMT_VTAB_ORG_VALUES) read a district's outcomes of each period as one range of it, with
-- derived. The same number of indexes on outcome (one more integer in each entry); the key's
-- order and the columns before derived are 0039's, so the other readers' plans are unchanged.
DROP INDEX IF EXISTS outcome_period_area;
CREATE INDEX outcome_period_area
  ON outcome (period_id, area_id, sex, indicator_id, value, missing, example, source, derived);
