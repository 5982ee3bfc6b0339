-- 0031-outcome-area-total.sql: nothing on SQLite. PostgreSQL's migration 0031 adds a partial
-- covering index for a district's yearly totals, which its district page reads with an
-- index-only scan; SQLite's plan for the same statement does not need it. This migration keeps
-- the two backends' versions the same.
SELECT 1;
