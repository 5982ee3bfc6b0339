-- 0031-outcome-area-total.sql (PostgreSQL): the district page's yearly totals of a district
-- (WEB_PLACES_DISTRICT_SERIES: every public indicator's full-year value for women and men
-- together, over the years) read from one index, in the indicator order the join wants,
-- without visiting the table: a bitmap scan of outcome_period_area had read ~600 rows on 282
-- pages of the demo's outcomes at each request (0.46 ms; with this index 0.21 ms, once a VACUUM
-- has marked the pages all-visible, which store_analyze does after a load). Partial (sex 'T'):
-- the statements that read every sex keep their own plans, and a write of a value for women or
-- men does not maintain it.
CREATE INDEX outcome_area_total ON outcome(area_id, indicator_id, period_id)
  INCLUDE (value, example, source) WHERE sex = 'T';
