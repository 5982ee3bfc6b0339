-- 0035-search-doc-labels.sql (PostgreSQL): each search_doc row (migration 0008) carries what the
-- search page shows of its hit besides the text (label, context, detail, link_key, link_year)
-- and the columns the publication rule tests (plan_version_id, goal_id), so that the search
-- statement (sql-pg-web-search.c) reads one table instead of joining six tables to its hits.
--
-- search_doc_label gives them for every searchable row, as the search statement joined them
-- before: a goal's title, owner's name, level, key and year; a LUP measure's title, its plan's
-- district (or owner) by name and key, and the plan's first year when it has no district; an
-- activity's title, owner's name and key, and its plan's first year; an indicator's name,
-- owner's name, unit, key and its goal's year; a response's administration, report and measure
-- number; a commission measure's number and text and its report. The publication rule's state
-- (a plan version's status, which goals are in a draft) is not copied: the statement tests the
-- rule on the row's plan_version_id and goal_id, so a version adopted or made a draft needs no
-- trigger.
--
-- Triggers keep the columns current: search_put and search_response (the entry written when
-- the row's text changes) fill them, and search_label_follow refreshes the entries a change of
-- any other column they come from touches (the row's own columns, its owner's, plan's, plan
-- version's, goal's, district's, report's, commission measure's). `lup check` reports entries
-- whose columns differ from search_doc_label.
ALTER TABLE search_doc ADD COLUMN label text, ADD COLUMN context text, ADD COLUMN detail text,
  ADD COLUMN link_key text, ADD COLUMN link_year bigint, ADD COLUMN plan_version_id bigint,
  ADD COLUMN goal_id bigint;

CREATE VIEW search_doc_label AS
  SELECT 1 AS kind, x.id, x.title AS label, o.name AS context, x.level AS detail, x.key AS link_key,
    x.year AS link_year, x.plan_version_id, NULL::bigint AS goal_id
  FROM goal x JOIN organisation o ON o.id = x.owner_id
  UNION ALL SELECT 2, x.id, x.title, coalesce(d.name, o.name), NULL, coalesce(d.key, o.key),
    CASE WHEN d.key IS NULL THEN p.year_from END, x.plan_version_id, NULL
  FROM measure x JOIN plan_version pv ON pv.id = x.plan_version_id JOIN plan p ON p.id = pv.plan_id
    JOIN organisation o ON o.id = p.owner_id LEFT JOIN area d ON d.id = p.district_id
  UNION ALL SELECT 3, x.id, x.title, o.name, NULL, o.key, p.year_from, x.plan_version_id, x.goal_id
  FROM activity x JOIN organisation o ON o.id = x.owner_id
    LEFT JOIN plan_version pv ON pv.id = x.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id
  UNION ALL SELECT 4, x.id, x.name, o.name, x.unit, x.key, g.year, x.plan_version_id, x.goal_id
  FROM indicator x JOIN organisation o ON o.id = x.owner_id LEFT JOIN goal g ON g.id = x.goal_id
  UNION ALL SELECT 5, x.id, o.name, cr.title, m.number, NULL, NULL, NULL, NULL
  FROM response x JOIN organisation o ON o.id = x.org_id JOIN commission_measure m ON m.id = x.measure_id
    JOIN commission_report cr ON cr.id = m.report_id
  UNION ALL SELECT 6, x.id, x.number || ' ' || coalesce(x.text, ''), cr.title, NULL, NULL, NULL, NULL, NULL
  FROM commission_measure x JOIN commission_report cr ON cr.id = x.report_id;

-- search_doc_label's row of (kind k, id i) as search_doc's label columns. The kind is a constant
-- in each statement, so that the plan holds only that kind's part of the view: functions in
-- plpgsql keep their statements' plans, and a plan of the whole view for a kind given as a
-- parameter, made while a load's tables are nearly empty, scans them all (a load took twice as
-- long).
CREATE FUNCTION search_label_of(k integer, i bigint, OUT label text, OUT context text, OUT detail text,
  OUT link_key text, OUT link_year bigint, OUT plan_version_id bigint, OUT goal_id bigint)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  CASE k
  WHEN 1 THEN SELECT l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id
    INTO label, context, detail, link_key, link_year, plan_version_id, goal_id FROM search_doc_label l WHERE l.kind = 1 AND l.id = i;
  WHEN 2 THEN SELECT l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id
    INTO label, context, detail, link_key, link_year, plan_version_id, goal_id FROM search_doc_label l WHERE l.kind = 2 AND l.id = i;
  WHEN 3 THEN SELECT l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id
    INTO label, context, detail, link_key, link_year, plan_version_id, goal_id FROM search_doc_label l WHERE l.kind = 3 AND l.id = i;
  WHEN 4 THEN SELECT l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id
    INTO label, context, detail, link_key, link_year, plan_version_id, goal_id FROM search_doc_label l WHERE l.kind = 4 AND l.id = i;
  WHEN 5 THEN SELECT l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id
    INTO label, context, detail, link_key, link_year, plan_version_id, goal_id FROM search_doc_label l WHERE l.kind = 5 AND l.id = i;
  ELSE SELECT l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id
    INTO label, context, detail, link_key, link_year, plan_version_id, goal_id FROM search_doc_label l WHERE l.kind = 6 AND l.id = i;
  END CASE;
END $$;

-- The entry of (kind, id) written with its text (as 0008's) and its label columns.
CREATE OR REPLACE FUNCTION search_put(k integer, i bigint, t text, b text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_doc WHERE kind = k AND id = i;
  INSERT INTO search_doc(kind, id, title, body, label, context, detail, link_key, link_year, plan_version_id, goal_id)
    SELECT k, i, t, b, l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id
    FROM search_label_of(k, i) l;
END $$;
CREATE OR REPLACE FUNCTION search_response(r bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_doc WHERE kind = 5 AND id = r;
  INSERT INTO search_doc(kind, id, title, body, label, context, detail, link_key, link_year, plan_version_id, goal_id)
    SELECT 5, r, NULL, t.body, l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id
    FROM (SELECT string_agg(p.text, chr(10) ORDER BY p.ord) AS body FROM response_part p
      WHERE p.response_id = r HAVING count(*) > 0) t, search_label_of(5, r) l;
END $$;

-- search_label: the label columns of the entry of (kind, id) made what search_doc_label gives
-- (no entry: nothing; unchanged: no write).
CREATE FUNCTION search_label(k integer, i bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_doc s SET label = l.label, context = l.context, detail = l.detail, link_key = l.link_key,
    link_year = l.link_year, plan_version_id = l.plan_version_id, goal_id = l.goal_id
  FROM search_label_of(k, i) l WHERE s.kind = k AND s.id = i
    AND (s.label, s.context, s.detail, s.link_key, s.link_year, s.plan_version_id, s.goal_id)
      IS DISTINCT FROM (l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id);
END $$;

-- search_label_follow: after an update of a column the label columns come from, the entries it
-- touches are refreshed (the UPDATE OF lists of the triggers below name those columns); after an
-- insert into a table they come from, too: with its foreign keys deferred (`lup copy`), a row may
-- come before the rows it refers to, and its entry is completed when the last of them comes (an
-- inserted goal's or commission measure's own entry is written with its labels by search_put).
CREATE FUNCTION search_label_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CASE TG_TABLE_NAME
  WHEN 'goal' THEN
    IF TG_OP = 'UPDATE' THEN PERFORM search_label(1, NEW.id); END IF;
    PERFORM search_label(4, x.id) FROM indicator x WHERE x.goal_id = NEW.id;
  WHEN 'measure' THEN PERFORM search_label(2, NEW.id);
  WHEN 'activity' THEN PERFORM search_label(3, NEW.id);
  WHEN 'indicator' THEN PERFORM search_label(4, NEW.id);
  WHEN 'response' THEN PERFORM search_label(5, NEW.id);
  WHEN 'commission_measure' THEN
    IF TG_OP = 'UPDATE' THEN PERFORM search_label(6, NEW.id); END IF;
    PERFORM search_label(5, x.id) FROM response x WHERE x.measure_id = NEW.id;
  WHEN 'commission_report' THEN
    PERFORM search_label(6, x.id) FROM commission_measure x WHERE x.report_id = NEW.id;
    PERFORM search_label(5, x.id) FROM response x JOIN commission_measure m ON m.id = x.measure_id
      WHERE m.report_id = NEW.id;
  WHEN 'organisation' THEN
    PERFORM search_label(1, x.id) FROM goal x WHERE x.owner_id = NEW.id;
    PERFORM search_label(2, x.id) FROM measure x JOIN plan_version pv ON pv.id = x.plan_version_id
      JOIN plan p ON p.id = pv.plan_id WHERE p.owner_id = NEW.id;
    PERFORM search_label(3, x.id) FROM activity x WHERE x.owner_id = NEW.id;
    PERFORM search_label(4, x.id) FROM indicator x WHERE x.owner_id = NEW.id;
    PERFORM search_label(5, x.id) FROM response x WHERE x.org_id = NEW.id;
  WHEN 'area' THEN
    PERFORM search_label(2, x.id) FROM measure x JOIN plan_version pv ON pv.id = x.plan_version_id
      JOIN plan p ON p.id = pv.plan_id WHERE p.district_id = NEW.id;
  WHEN 'plan' THEN
    PERFORM search_label(2, x.id) FROM measure x JOIN plan_version pv ON pv.id = x.plan_version_id
      WHERE pv.plan_id = NEW.id;
    PERFORM search_label(3, x.id) FROM activity x JOIN plan_version pv ON pv.id = x.plan_version_id
      WHERE pv.plan_id = NEW.id;
  WHEN 'plan_version' THEN
    PERFORM search_label(2, x.id) FROM measure x WHERE x.plan_version_id = NEW.id;
    PERFORM search_label(3, x.id) FROM activity x WHERE x.plan_version_id = NEW.id;
  END CASE;
  RETURN NULL;
END $$;

CREATE TRIGGER search_label_goal AFTER INSERT OR UPDATE OF level, key, year, owner_id, plan_version_id ON goal
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();
CREATE TRIGGER search_label_measure AFTER UPDATE OF plan_version_id ON measure
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();
CREATE TRIGGER search_label_activity AFTER UPDATE OF owner_id, plan_version_id, goal_id ON activity
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();
CREATE TRIGGER search_label_indicator AFTER UPDATE OF key, owner_id, goal_id, plan_version_id ON indicator
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();
CREATE TRIGGER search_label_response AFTER UPDATE OF org_id, measure_id ON response
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();
CREATE TRIGGER search_label_cmeasure AFTER INSERT OR UPDATE OF number, report_id ON commission_measure
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();
CREATE TRIGGER search_label_creport AFTER INSERT OR UPDATE OF title ON commission_report
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();
CREATE TRIGGER search_label_organisation AFTER INSERT OR UPDATE OF name, key ON organisation
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();
CREATE TRIGGER search_label_area AFTER INSERT OR UPDATE OF name, key ON area
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();
CREATE TRIGGER search_label_plan AFTER INSERT OR UPDATE OF owner_id, district_id, year_from ON plan
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();
CREATE TRIGGER search_label_plan_version AFTER INSERT OR UPDATE OF plan_id ON plan_version
  FOR EACH ROW EXECUTE FUNCTION search_label_follow();

UPDATE search_doc s SET label = l.label, context = l.context, detail = l.detail, link_key = l.link_key,
  link_year = l.link_year, plan_version_id = l.plan_version_id, goal_id = l.goal_id
FROM search_doc_label l WHERE l.kind = s.kind AND l.id = s.id;
