-- 0035-search-doc-labels.sql: nothing on SQLite. PostgreSQL's migration 0035 gives each row of
-- its search table the label, context and link columns of the hit, kept by triggers, so that its
-- search statement reads one table; SQLite's statement joins its FTS5 hits to the tables, which
-- is cheap there. This migration keeps the two backends' versions the same.
SELECT 1;
