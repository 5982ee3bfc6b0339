-- 0028-search-sync.sql: nothing on SQLite. PostgreSQL's migration 0028 replaces its search
-- triggers' functions (one per table, migration 0008) by one generic function; SQLite's FTS5
-- triggers (0008) stay as they are. This migration keeps the two backends' versions the same.
SELECT 1;
