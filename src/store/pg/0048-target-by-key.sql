-- 0048-target-by-key.sql: nothing on PostgreSQL. SQLite's 0048 stores target in the order of
-- its key (WITHOUT ROWID) so that a target's lookup is one seek; PostgreSQL's heap with the
-- key's index is left as it is (its goal chain reads the year's targets once, grouped). This
-- migration keeps the two backends' versions the same.
SELECT 1;
