-- 0044-org-years-indexes.sql: the organisation page's years (WEB_PLACES_ORG_YEARS) without
-- reading every activity and target of the organisation. activity_owner_start holds an owner's
-- published activities with a start (YYYYMMDD) by start, so that the distinct years of their
-- starts are found one seek per year (the least start at or after the next year's first day);
-- activity_owner_undated holds those without a start (which take their plan's first year).
-- target_year (year) gives the distinct years of all targets, one seek each; the statement
-- then asks per such year whether one of the organisation's published indicators has a target
-- then (it stops at the first). 805K -> 233K instructions per execution for Spånga-Tensta's
-- committee in the demo (docs/speed.md, session 14). The two activity indexes are partial on
-- both draft = 0 and the start's NULLness, terms no other statement states: one on draft = 0
-- alone was taken by the commission's links (COMMIT_LINKS +9 %) and the activities' export
-- (VTAB_ACTIVITIES +17 %), and activity_owner widened to (owner_id, draft, start_first) by
-- /organisationer's count of activities in drafts (a scan of it whole).
CREATE INDEX activity_owner_start ON activity(owner_id, start_first) WHERE draft = 0 AND start_first IS NOT NULL;
CREATE INDEX activity_owner_undated ON activity(owner_id) WHERE draft = 0 AND start_first IS NULL;
CREATE INDEX target_year ON target(year);
