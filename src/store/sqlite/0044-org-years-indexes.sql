-- 0044-org-years-indexes.sql: the organisation page's years and contributions
-- (WEB_PLACES_ORG_YEARS, WEB_PLACES_ORG_DISTRICT_ACTS) without reading every activity and
-- target of the organisation. activity_owner_start holds an owner's published activities by
-- start (YYYYMMDD), so that the distinct years of their starts are found one seek per year (the
-- least start at or after the next year's first day), and the contributions walk the published
-- activities without a seek into the table for each one's draft column. Partial (draft = 0):
-- the statements that count an owner's activities in drafts keep to activity_draft, as the
-- wider activity_owner (owner_id, draft, start_first) made /organisationer's count scan it
-- whole. target_year (year) gives the distinct years of all targets, one seek each; the years
-- statement then asks per such year whether one of the organisation's published indicators has
-- a target then (it stops at the first). Instructions per execution, Spånga-Tensta's committee
-- in the demo: the years 805K -> 235K, the contributions 738K -> 538K (docs/speed.md, session
-- 14).
CREATE INDEX activity_owner_start ON activity(owner_id, start_first) WHERE draft = 0;
CREATE INDEX target_year ON target(year);
