-- 0050-outcome-cover-derived.sql: 0037's outcome_cover again with derived at its end, so that
-- a reader of every column of an outcome found by (indicator, period, area) needs no seek into
-- the table: the organisation's indicator values (STMT_VTAB_ORG_VALUES: Spånga-Tensta's 2022,
-- 526 outcomes, 4.30M -> 3.33M instructions) read derived with value, missing, example and
-- source. The same number of indexes on outcome (one more integer in each entry); the key's
-- order and the columns before derived are 0037's, so the other readers' plans are unchanged.
DROP INDEX IF EXISTS outcome_cover;
CREATE INDEX outcome_cover
  ON outcome (indicator_id, period_id, area_id, sex, value, missing, example, source, derived);
