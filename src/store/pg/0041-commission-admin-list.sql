-- 0041-commission-admin-list.sql: nothing on PostgreSQL, which keeps long texts such as an
-- administration's statement out of the row (TOAST), so its list of administrations reads the
-- short columns without them. SQLite's migration 0041 adds an index for that list
-- (commission_admin_list). This migration keeps the two backends' versions the same.
SELECT 1;
