-- 0059-district-page-indexes.sql (PostgreSQL): the same indexes as SQLite's 0059, so that the
-- schemas match (t7000); the indexes for the district page's reads (/stadsdel/{key}).
--
-- activity_measure: a measure's activities, for the page's contributions
-- (STMT_WEB_PLACES_DISTRICT_CONTRIB), which finds the contributions naming a measure of the
-- district's LUPs from the LUPs' measures (as activity_goal serves the goals) instead of
-- testing every contribution activity. Partial: most activities name no measure.
CREATE INDEX activity_measure ON activity(measure_id) WHERE measure_id IS NOT NULL;
-- plan_partner_version: a version's intended partners in the order of their ids
-- (STMT_PV_PARTNERS), which the unique (plan_version_id, label) gives by label: a sorter of the
-- few rows per read (64K -> 34K instructions for Spånga-Tensta's 12). (Indexes of the themes
-- and prioritised areas by version, tried the same way, made /stadsdelar's scans of them
-- choose the new index over their covering ones: +42K there for 26K less here.)
CREATE INDEX plan_partner_version ON plan_partner(plan_version_id);
-- provenance_measure: a measure's provenance by its id alone (STMT_WEB_PLACES_DISTRICT_MEASURES:
-- a probe per measure of the page), an integer key where the table's own key starts with the
-- entity's name (a text compared on every step of the probe). Not partial (WHERE entity =
-- 'measure'): SQLite would then prepare again, on every new binding, each statement comparing
-- entity with a parameter (PROV_GET: 95K instructions a request), to learn whether the index
-- may serve it.
CREATE INDEX provenance_measure ON provenance(entity_id, entity, doc_id, line_from, line_to);
-- plan_district: a district's plans by kind and last year (its LUPs: the district page's
-- version, STMT_PV_DISTRICT_VERSION, its contributions, STMT_WEB_PLACES_DISTRICT_CONTRIB, and
-- the trajectories' goals, STMT_IND_DISTRICT_LUP_GOALS), where each read scanned every plan
-- (once or twice a read: 47K -> 25K, 157K -> 137K and 53K -> 43K instructions for Spånga-Tensta).
CREATE INDEX plan_district ON plan(district_id, kind, year_to) WHERE district_id IS NOT NULL;
