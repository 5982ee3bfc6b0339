-- 0043-goal-chain-indexes.sql: goal_owner_year holds the publication rule's column too (draft,
-- 0034), as on SQLite, so that the chain's goals of an organisation and year can be read from
-- the index alone. SQLite's 0043 also adds outcome_indicator_area, an index of the outcomes by
-- indicator, area and period for the goal chain's statements, which PostgreSQL reads through
-- its own plans (bitmap scans of outcome_cover and outcome_period_area); it is SQLite's only
-- (tests/tools/schema-compare.sh names it).
DROP INDEX IF EXISTS goal_owner_year;
CREATE INDEX goal_owner_year ON goal(owner_id, year, draft);
