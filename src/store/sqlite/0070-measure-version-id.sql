-- 0070-measure-version-id.sql: a version's measures by id, for the district page's measure
-- reads (/stadsdel/{key}).
--
-- measure_version: the first and last id of a version's measures by one seek each (min() and
-- max() of the index's range). The page reads the measures' sources
-- (STMT_WEB_PLACES_MEASURE_SOURCES) and partners (STMT_WEB_PLACES_MEASURE_PARTNERS) as the range
-- of provenance's and measure_partner's keys between them, with each row's measure checked
-- against the version, where each of the version's measures was probed: 43 probes of
-- provenance (none found in the demo) cost 70K instructions and 43 of measure_partner (11
-- found) about 30K. measure_plan_ord (plan_version_id, ord) gives the measures in order, not
-- their first and last id (min(id) walked the version's 43 entries).
CREATE INDEX measure_version ON measure(plan_version_id, id);
-- provenance_measure (0059) served the measures' probe of provenance only, which is gone.
DROP INDEX provenance_measure;
-- area_parent (0001) with the level and name after the parent: a district's neighbourhoods
-- (STMT_WEB_PLACES_DISTRICT_NEIGHBOURHOODS, its areas of level 'neighbourhood' one and two
-- levels down) from the index alone, where each child and grandchild was read from the table
-- for its level (20 rows for Spånga-Tensta's 4: 46K -> 23K instructions alone). The readers of
-- an area's children by parent use the same index as before.
DROP INDEX area_parent;
CREATE INDEX area_parent ON area(parent_id, level, name);
