-- 0061-city-fulfilment-indexes.sql: indexes for the city page's goal fulfilment per organisation
-- (STMT_WEB_CITY_FULFILMENT, GET /).
--
-- assessment_report_kind: a report's assessments by kind, so that each of the statement's four
-- counts (fulfilled, partly, not, none) is a range of this index; the key (report_id, goal_id)
-- holds no kind, so each count read every assessment of the report from the table (the
-- statement 259K -> 178K instructions on the demo for a report of 20 assessments).
CREATE INDEX assessment_report_kind ON assessment(report_id, assessment);
-- goal_year_owner: the goals of a year by owner with their level and draft flag, so that the
-- owners' groups are one range of the year read from the index, where goal_owner_year
-- (owner_id, year, draft) gave the owners' order only by scanning every goal of every year and
-- reading each one's level from the table (178K -> 158K on the demo; the scan grows with the
-- years kept, the range does not).
CREATE INDEX goal_year_owner ON goal(year, owner_id, level, draft);
