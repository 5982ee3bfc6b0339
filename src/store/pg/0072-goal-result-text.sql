-- 0072-goal-result-text.sql (PostgreSQL): nothing. SQLite's 0072 puts a goal's expected
-- results with their texts in one index for the goal chain's read (STMT_VC_RESULTS), which
-- otherwise seeks into the table per row; PostgreSQL reads the few rows through the key's
-- index, and a B-tree entry holding the text would refuse a result longer than about 2.7 KB
-- (tests/tools/schema-compare.sh names it among SQLite's own indexes). This migration keeps
-- the two backends' versions the same.
SELECT 1;
