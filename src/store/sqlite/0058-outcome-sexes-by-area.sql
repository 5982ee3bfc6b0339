-- 0058-outcome-sexes-by-area.sql: derived_outcome_sexes (0052) by period and area, for the
-- district page's comparison (sql-sqlite-web-places.c STMT_WEB_PLACES_DISTRICT_COMPARE), which
-- reads every indicator's sexes of one full-year period in the district and in the city. The
-- table's key starts with the indicator (the goal chain's reads), so without this index the
-- comparison would walk every indicator and seek each one's row (a cost that grows with all the
-- indicators of the database, not the district's). Every column is in the index: a read does
-- not seek the table. Its rows per (period, area) are one per indicator with outcomes there
-- (71 for Spånga-Tensta's 2022 instead of outcome_period_area's 157, one per sex).
--
-- PostgreSQL's 0058 is empty: its comparison groups outcome's rows to the same shape.
CREATE INDEX derived_outcome_sexes_period_area
  ON derived_outcome_sexes (period_id, area_id, indicator_id, sexes, shut, vt, vk, vm);
