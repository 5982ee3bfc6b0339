-- 0008-search on PostgreSQL: a stand-in until the search migration lands (helper S replaces this file).
SELECT 1;
