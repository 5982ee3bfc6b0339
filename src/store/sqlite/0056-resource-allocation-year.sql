-- 0056-resource-allocation-year.sql: a year's resources from one range of an index. The need
-- index's sums per district and kind (STMT_AL_SUMS: /resurser, the resources-need API and
-- export) and the ledger's resources (STMT_COMMIT_LEDGER_RESOURCES) scanned the whole table
-- for one year, then sorted what they found; this index holds every column they read, in the
-- sums' grouping order: 0.67M -> 0.24M instructions for AL_SUMS of a year with resources, 0.24M
-- -> 3K for a year without (the pages' default, the current year), on the demo's 419 rows.
CREATE INDEX resource_allocation_year ON resource_allocation (year, area_id, kind, org_id, amount, example, unit);
