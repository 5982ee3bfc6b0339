-- 0061-city-fulfilment-indexes.sql (PostgreSQL): the indexes of SQLite's 0061 for the city page's
-- goal fulfilment (STMT_WEB_CITY_FULFILMENT): a report's assessments by kind (its four counts)
-- and the goals of a year by owner with their level and draft flag (the organisations with goals
-- of the year), kept on both backends so that the schemas stay the same.
CREATE INDEX assessment_report_kind ON assessment(report_id, assessment);
CREATE INDEX goal_year_owner ON goal(year, owner_id, level, draft);
