-- 0070-measure-version-id.sql (PostgreSQL): the same indexes as SQLite's 0070, so that the
-- schemas match (t7000). measure_version: a version's measures by id (the district page's
-- measure reads, where SQLite reads the measures' sources and partners as a range of ids);
-- provenance_measure (0059) served a probe of the page that is gone.
CREATE INDEX measure_version ON measure(plan_version_id, id);
DROP INDEX provenance_measure;
-- area_parent: with the level and name after the parent (a district's neighbourhoods from the
-- index alone on SQLite).
DROP INDEX area_parent;
CREATE INDEX area_parent ON area(parent_id, level, name);
