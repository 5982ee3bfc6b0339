-- 0072-goal-result-text.sql: a goal's expected results (Förväntat resultat) with their texts in
-- one index, so that the goal chain's read of them (STMT_VC_RESULTS: the organisation page and
-- the verksamhetsplan's document, a range of goal ids) takes each row from the index and does
-- not seek into the table for its text: 156K -> 110K instructions a run for the 107 results of
-- Spånga-Tensta's 2022 chain. The key's index (goal_id, ord) stays: every other read of
-- goal_result is by goal and reads other columns too.
CREATE INDEX goal_result_text ON goal_result(goal_id, ord, text);
