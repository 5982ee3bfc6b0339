-- 0020-lup-import.sql: a contributing organisation's standing with a district in its
-- contribution plan, beyond its activities there.
--
-- A specialist committee's LUP plan (a plan of kind 'contribution') says per district what it
-- does (activities, activity_district) and sometimes that a district's committee chose not to
-- work with it yet ("Har valt att avvakta samarbetet med socialförvaltningen"). That is a fact
-- of the plan version and the district, not of any activity, so it is its own row:
--   status 'waiting'  the district waits (avvaktar) with the cooperation;
--          'declined' the district declined it.
-- note holds the sentence as the document wrote it; source names the document and section.
CREATE TABLE contribution_district (
  plan_version_id  bigint NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE DEFERRABLE,
  area_id          bigint NOT NULL REFERENCES area(id) DEFERRABLE,
  status           text NOT NULL CHECK (status IN ('waiting','declined')),
  note             text,
  source           text,
  PRIMARY KEY (plan_version_id, area_id)
);
CREATE INDEX contribution_district_area ON contribution_district(area_id);
