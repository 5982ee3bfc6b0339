-- 0044-org-years-indexes.sql: the organisation page's years (WEB_PLACES_ORG_YEARS) without a
-- walk of every activity and target of the organisation. activity_owner (owner_id) also holds
-- draft and start_first, so that the distinct years of an owner's published activities are
-- found one seek per year (the least start_first at or after the next year's first day) rather
-- than by reading every activity; its key starts as it did, so the statements that sought an
-- owner's activities seek it the same way, and an activity's write keeps one entry there.
-- target_year (year) gives the distinct years of all targets, one seek each; the statement
-- then asks per such year whether one of the organisation's published indicators has a target
-- then (it stops at the first). 805K -> 233K instructions per execution for Spånga-Tensta's
-- committee in the demo (docs/speed.md, session 14).
DROP INDEX IF EXISTS activity_owner;
CREATE INDEX activity_owner ON activity(owner_id, draft, start_first);
CREATE INDEX target_year ON target(year);
