-- 0044-org-years-indexes.sql: nothing on PostgreSQL. SQLite's 0044 widens activity_owner to
-- (owner_id, draft, start_first) and adds target_year, so that its WEB_PLACES_ORG_YEARS finds
-- an organisation's activity and target years one seek per year instead of reading every row.
-- The same statement and indexes on PostgreSQL measured no faster in the demo (0.52-0.55 ms
-- either way, EXPLAIN ANALYZE: its tables are read whole, and its cost is per statement), so
-- its text and indexes stay as they were. This migration keeps the two backends' versions the
-- same.
SELECT 1;
