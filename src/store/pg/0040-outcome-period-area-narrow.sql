-- 0040-outcome-period-area-narrow.sql (PostgreSQL): outcome's narrow index by (period_id,
-- area_id) again, beside 0039's covering one of the same leading columns. Right after a load the
-- table's visibility map can still be empty (a VACUUM that ran before the load's commit records
-- were flushed sets no page all-visible), and then the planner prices every index-only scan of the
-- wide index as a heap read per entry: the goal chain's outcomes (VC_OUTCOMES_YEAR) walked the
-- whole unique index instead (19,725 rows read for 526 shown, 4.2 ms; t7220). With this index the
-- same statement reads its 526 rows by a bitmap scan (1.0 ms) until autovacuum sets the map, and
-- by the covering index after (0.23 ms). SQLite's 0040 is empty; the schema comparison allows
-- PostgreSQL an index of its own.
CREATE INDEX IF NOT EXISTS outcome_period_area_pg ON outcome (period_id, area_id);
