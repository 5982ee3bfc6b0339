-- 0056-resource-allocation-year.sql: the index of SQLite's 0056, so that the two schemas stay
-- the same (t7000): a year's resources (the need index's sums, the ledger's resources) from one
-- range of resource_allocation (year, area_id, kind, org_id, amount, example, unit).
CREATE INDEX resource_allocation_year ON resource_allocation (year, area_id, kind, org_id, amount, example, unit);
