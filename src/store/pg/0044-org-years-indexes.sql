-- 0044-org-years-indexes.sql: SQLite's 0044 indexes, so that the schemas stay the same
-- (tests/tools/schema-compare.sh): activity_owner_start and activity_owner_undated, an owner's
-- published activities with and without a start, and target_year. SQLite's
-- WEB_PLACES_ORG_YEARS finds an organisation's activity and target years through them one seek
-- per year instead of reading every row. PostgreSQL's statements are unchanged: the same years
-- statement ran no faster there (0.52-0.55 ms either way, EXPLAIN ANALYZE: the demo's small
-- tables are read whole; its cost is per statement). Its planner may take the indexes where
-- they pay.
CREATE INDEX activity_owner_start ON activity (owner_id, start_first) WHERE draft = 0 AND start_first IS NOT NULL;
CREATE INDEX activity_owner_undated ON activity (owner_id) WHERE draft = 0 AND start_first IS NULL;
CREATE INDEX target_year ON target (year);
