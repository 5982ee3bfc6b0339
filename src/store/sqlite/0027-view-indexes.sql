-- 0027-view-indexes.sql: indexes the main views' reads use instead of scans and sorts (issue 15).
-- organisation_name_ci, org_alias_alias_ci: an organisation named loosely (ORG_ID_LOOSE: by name
-- or alias, case-insensitively) is found by a search, not a scan of every organisation and alias.
-- indicator_owner: an organisation's indicators (its plan years, ORG_YEARS) without a scan of
-- every target. indicator_goal_ord: a goal's indicators in their order (the goal chain,
-- VC_INDICATORS) come out of the index, with no sort per goal. area_level, period_kind_year,
-- report_period: the districts, the full years in year order and a period's reports (the city
-- page's indicator choice, the publication rule's approved report) without a scan, an automatic
-- index or a sort per row.
CREATE INDEX organisation_name_ci ON organisation(name COLLATE NOCASE);
CREATE INDEX org_alias_alias_ci ON org_alias(alias COLLATE NOCASE);
CREATE INDEX indicator_owner ON indicator(owner_id);
CREATE INDEX indicator_goal_ord ON indicator(goal_id, ord, key);
CREATE INDEX area_level ON area(level);
CREATE INDEX period_kind_year ON period(kind, year);
CREATE INDEX report_period ON report(period_id);
