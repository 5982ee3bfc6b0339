-- 0032-indicator-period-districts.sql: nothing on SQLite. PostgreSQL's migration 0032 keeps a
-- table of how many district outcomes each indicator has per period, kept by triggers, which
-- its city page reads instead of probing the outcomes once per indicator and year; SQLite's
-- probes are cheap. This migration keeps the two backends' versions the same.
SELECT 1;
