-- 0047-activity-district-area-cover.sql: activity_district_area (area_id) becomes (area_id,
-- activity_id), as on SQLite (the two schemas are the same: t7000), where the district page's
-- activities, its contributions and the list of districts then read a link's activity from
-- the index instead of the table; PostgreSQL may scan it index-only.
DROP INDEX activity_district_area;
CREATE INDEX activity_district_area ON activity_district(area_id, activity_id);
