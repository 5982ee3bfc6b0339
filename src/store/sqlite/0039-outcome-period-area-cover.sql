-- 0039-outcome-period-area-cover.sql: outcome_period_area (period, area) also holds sex,
-- indicator and the columns read with them (value, missing, example, source), so that a
-- district's outcomes of a period and sex are one range of it and no row is looked up in the
-- table. The district page's totals over the years (WEB_PLACES_DISTRICT_SERIES) read five such
-- ranges instead of a seek of outcome_cover per indicator and year (1.75M -> 0.84M instructions
-- for district 3 of the demo, before the page sorts the rows in C). Replacing the index rather than adding
-- one keeps the cost of an outcome's write: one entry as before, wider. Its key starts as it did,
-- so the statements that sought (period, area) seek it the same way.
DROP INDEX IF EXISTS outcome_period_area;
CREATE INDEX outcome_period_area
  ON outcome (period_id, area_id, sex, indicator_id, value, missing, example, source);
