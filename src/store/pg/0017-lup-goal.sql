-- 0017-lup-goal.sql: what an LUP goal (målsättning) says beyond 0001's scope (theme, area, sex,
-- horizon_year, benchmark): where it starts, where it is going, and what measures it.
--
-- An LUP goal is written per theme, area and sex with a horizon: the 5-year goal ('5y') or the
-- 15-20-year ambition of reaching the city average ('long'). horizon_year (0001) is the year it
-- is to be reached; horizon says which of the two kinds it is (the years alone do not: a plan
-- adopted late has a 5-year goal 4 years out).
--
-- The baseline (utgångsläge) is a value of the indicator in a year: baseline_value,
-- baseline_year. The target is a value (target_value, in the indicator's unit), a direction
-- (target_direction: 'higher' or 'lower', "ökande"/"minskande"), or both; for the long horizon
-- with benchmark 'city_average' the target is the city average itself and neither is required.
-- These are not rows of `target` (0001): a target row is an indicator's årsmål for a year and
-- kind ('own'/'kf'), shared by every goal the indicator measures, while an LUP goal's baseline
-- and target are per goal (per area and sex) of an indicator that may measure several goals
-- (the district's goal for women and for men, the 5-year goal and the long ambition).
--
-- The indicator that measures the goal: indicator_id. indicator.goal_id (0001) says which goal
-- an indicator belongs to (one), but an LUP goal is often measured by an indicator that belongs
-- to another goal (a nämndmål's indicator, an official Kolada indicator, or the indicator of the
-- same plan's goal for the other sex), so the link goes from the goal. A new indicator written
-- for an LUP goal belongs to it (goal_id) and is its indicator_id. Deleting the indicator
-- leaves the goal without one.
ALTER TABLE goal ADD COLUMN horizon text CHECK (horizon IN ('5y','long'));
ALTER TABLE goal ADD COLUMN baseline_value double precision;
ALTER TABLE goal ADD COLUMN baseline_year bigint CHECK (baseline_year BETWEEN 1900 AND 2999);
ALTER TABLE goal ADD COLUMN target_value double precision;
ALTER TABLE goal ADD COLUMN target_direction text CHECK (target_direction IN ('higher','lower'));
ALTER TABLE goal ADD COLUMN indicator_id bigint REFERENCES indicator(id) ON DELETE SET NULL DEFERRABLE;
CREATE INDEX goal_indicator ON goal(indicator_id) WHERE indicator_id IS NOT NULL;
