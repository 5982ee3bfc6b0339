-- 0043-outcome-indicator-area.sql: outcome_indicator_area orders an indicator's outcomes by
-- area, then period, and holds the columns the goal chain reads (sex, value, missing, example,
-- source), so that the chain's outcomes of an indicator in an area are one range over the
-- year's periods (VC_OUTCOMES*: a seek per indicator and area, the periods' ids between the
-- least and the greatest of the year's) instead of a seek of outcome_cover per indicator,
-- period and area (six per indicator for the API's year: 2.41M -> 1.99M instructions for the
-- Spånga-Tensta chain of 2022). An index more: an outcome's write keeps one entry more.
CREATE INDEX IF NOT EXISTS outcome_indicator_area
  ON outcome (indicator_id, area_id, period_id, sex, value, missing, example, source);
