-- 0060-indicator-year-targets.sql (PostgreSQL): nothing. SQLite's 0060 keeps an indicator's own
-- and KF target of a year as one row in derived_indicator_targets for the goal chain;
-- PostgreSQL's chain statement joins target twice (sql-pg-view-chain.c STMT_VC_INDICATORS).
-- This migration keeps the two backends' versions the same.
SELECT 1;
