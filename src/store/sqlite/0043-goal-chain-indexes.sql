-- 0043-goal-chain-indexes.sql: two indexes for the goal chain's statements (VC_*).
-- outcome_indicator_area orders an indicator's outcomes by area, then period, and holds the
-- columns the chain reads (sex, value, missing, example, source), so that the chain's outcomes
-- of an indicator in an area are one range over the year's periods (the periods' ids between
-- the least and the greatest of the year's) instead of a seek of outcome_cover per indicator,
-- period and area (six per indicator for the API's year: 2.41M -> 1.99M instructions for the
-- Spånga-Tensta chain of 2022). An index more: an outcome's write keeps one entry more.
CREATE INDEX IF NOT EXISTS outcome_indicator_area
  ON outcome (indicator_id, area_id, period_id, sex, value, missing, example, source);
-- goal_owner_year holds the publication rule's column too (draft, 0034), so that the chain's
-- goals of an organisation and year, which every VC_* statement but two finds, are read from
-- the index without a seek into the table per goal (the chain 106K -> 85K instructions per
-- statement). Replaced rather than added: its key starts as it did.
DROP INDEX IF EXISTS goal_owner_year;
CREATE INDEX goal_owner_year ON goal(owner_id, year, draft);
