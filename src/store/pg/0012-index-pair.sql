-- 0012-index-pair.sql: organisations by their counterpart (a district committee and its
-- administration point at each other through pair_id). The organisations page looks up each
-- organisation's counterpart in both directions; without the index every lookup scanned the
-- table (LUP_SQL_PROFILE=1 showed 5,000 full-scan steps per kind of organisation).
CREATE INDEX organisation_pair ON organisation(pair_id);
