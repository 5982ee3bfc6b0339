-- 0044-org-years-indexes.sql: nothing on PostgreSQL. SQLite's 0044 adds activity_owner_start
-- (an owner's published activities by start) and target_year, so that its
-- WEB_PLACES_ORG_YEARS finds an organisation's activity and target years one seek per year
-- instead of reading every row, and its WEB_PLACES_ORG_DISTRICT_ACTS walks the published
-- activities in the index alone. The same years statement and indexes on PostgreSQL measured no
-- faster in the demo (0.52-0.55 ms either way, EXPLAIN ANALYZE: its small tables are read
-- whole, and its cost is per statement), and its contributions already start from the other
-- districts' links; its texts and indexes stay as they were. This migration keeps the two
-- backends' versions the same.
SELECT 1;
