-- 0047-activity-district-area-cover.sql: the activities linked to an area, read from the index
-- alone. activity_district_area (area_id) becomes (area_id, activity_id): the district page's
-- activities (WEB_PLACES_DISTRICT_ACTIVITIES), its contributions (CB_LIST) and the list of
-- districts (WEB_PLACES_DISTRICTS) find a link's activity in the index, where each link was a
-- seek of the table by rowid (603K -> 549K and 545K -> 491K instructions per execution for
-- Spånga-Tensta's 155 links; 1.43M -> 1.34M for the list of districts).
DROP INDEX activity_district_area;
CREATE INDEX activity_district_area ON activity_district(area_id, activity_id);
