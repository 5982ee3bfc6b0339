-- 0030-organisation-name-rank.sql: nothing on SQLite. PostgreSQL's migration 0030 keeps each
-- organisation's rank in the order of names (COLLATE sv) in a table of its own, for its long
-- lists sorted by their owner's name; SQLite sorts them by the name. This migration keeps the two
-- backends' versions the same.
SELECT 1;
