-- 0043-goal-chain-indexes.sql: nothing on PostgreSQL. SQLite's migration 0043 adds an index
-- of the outcomes by indicator, area and period and widens goal_owner_year by the draft column
-- for the goal chain's statements, which PostgreSQL reads through its own plans (bitmap scans
-- of outcome_cover and outcome_period_area). This migration keeps the two backends' versions
-- the same.
SELECT 1;
