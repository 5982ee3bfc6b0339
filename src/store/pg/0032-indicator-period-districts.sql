-- 0032-indicator-period-districts.sql (PostgreSQL): per indicator and period, how many of its
-- districts' outcomes hold a value, and how many of those are public whatever the reports say
-- (example data or from Kolada), kept by triggers on outcome and area. The city page lists
-- every indicator with the years that have district figures (WEB_CITY_INDICATORS); probing the
-- outcomes once per indicator and full year cost 370 index probes per request on the demo
-- (0.68 ms of the page's 1.6 ms on PostgreSQL); read from this table the same list is a join
-- (0.29 ms). SQLite's probes are cheap and it does not need the table. Named derived_ as the
-- organisations' name ranks (0030): `lup copy` and the schema comparison leave it out, and a copy
-- into PostgreSQL fills it through the triggers.
--
-- Counts rather than flags, so that each statement adds what it changed without reading the
-- other outcomes. lup's writers take turns (store_begin's advisory lock), and each statement
-- touches its rows in key order. A row whose counts fall to 0 stays; readers ask valued > 0.
CREATE TABLE derived_indicator_period (
  indicator_id bigint NOT NULL,
  period_id bigint NOT NULL,
  valued integer NOT NULL,	-- district outcomes with a value
  open integer NOT NULL,	-- of those, example data or from Kolada
  PRIMARY KEY (indicator_id, period_id)
);

-- derived_indicator_period_rebuild(): the whole table counted anew from the outcomes (at the
-- migration, after a TRUNCATE of outcome, after a change to which areas are districts).
CREATE FUNCTION derived_indicator_period_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM derived_indicator_period;
  INSERT INTO derived_indicator_period (indicator_id, period_id, valued, open)
    SELECT x.indicator_id, x.period_id, count(*), count(*) FILTER (WHERE x.example = 1 OR x.source = 'kolada')
    FROM outcome x JOIN area a ON a.id = x.area_id AND a.level = 'district'
    WHERE x.value IS NOT NULL GROUP BY x.indicator_id, x.period_id;
$$;

-- The outcome triggers, one per event (PostgreSQL's rule for transition tables): each adds the
-- counts of the statement's new rows (new_rows) and takes away those of its old rows
-- (old_rows), in key order. An update that leaves the counts as they were (a value changed)
-- writes nothing.
CREATE FUNCTION derived_indicator_period_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO derived_indicator_period AS d (indicator_id, period_id, valued, open)
    SELECT n.indicator_id, n.period_id, count(*), count(*) FILTER (WHERE n.example = 1 OR n.source = 'kolada')
    FROM new_rows n JOIN area a ON a.id = n.area_id AND a.level = 'district'
    WHERE n.value IS NOT NULL GROUP BY n.indicator_id, n.period_id ORDER BY 1, 2
    ON CONFLICT (indicator_id, period_id) DO UPDATE
      SET valued = d.valued + EXCLUDED.valued, open = d.open + EXCLUDED.open;
  RETURN NULL;
END $$;

CREATE FUNCTION derived_indicator_period_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE derived_indicator_period d SET valued = d.valued - c.valued, open = d.open - c.open
    FROM (SELECT r.indicator_id, r.period_id, count(*) AS valued,
            count(*) FILTER (WHERE r.example = 1 OR r.source = 'kolada') AS open
          FROM old_rows r JOIN area a ON a.id = r.area_id AND a.level = 'district'
          WHERE r.value IS NOT NULL GROUP BY r.indicator_id, r.period_id ORDER BY 1, 2) c
    WHERE d.indicator_id = c.indicator_id AND d.period_id = c.period_id;
  RETURN NULL;
END $$;

CREATE FUNCTION derived_indicator_period_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO derived_indicator_period AS d (indicator_id, period_id, valued, open)
    SELECT c.indicator_id, c.period_id, sum(c.v), sum(c.o) FROM (
      SELECT n.indicator_id, n.period_id, 1 AS v, (n.example = 1 OR n.source = 'kolada')::integer AS o
      FROM new_rows n JOIN area a ON a.id = n.area_id AND a.level = 'district' WHERE n.value IS NOT NULL
      UNION ALL
      SELECT r.indicator_id, r.period_id, -1, -(r.example = 1 OR r.source = 'kolada')::integer
      FROM old_rows r JOIN area a ON a.id = r.area_id AND a.level = 'district' WHERE r.value IS NOT NULL
    ) c GROUP BY c.indicator_id, c.period_id HAVING sum(c.v) <> 0 OR sum(c.o) <> 0 ORDER BY 1, 2
    ON CONFLICT (indicator_id, period_id) DO UPDATE
      SET valued = d.valued + EXCLUDED.valued, open = d.open + EXCLUDED.open;
  RETURN NULL;
END $$;

CREATE FUNCTION derived_indicator_period_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM derived_indicator_period;
  RETURN NULL;
END $$;

CREATE TRIGGER derived_indicator_period_insert AFTER INSERT ON outcome REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION derived_indicator_period_insert();
CREATE TRIGGER derived_indicator_period_delete AFTER DELETE ON outcome REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION derived_indicator_period_delete();
CREATE TRIGGER derived_indicator_period_update AFTER UPDATE ON outcome
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION derived_indicator_period_update();
CREATE TRIGGER derived_indicator_period_truncate AFTER TRUNCATE ON outcome
  FOR EACH STATEMENT EXECUTE FUNCTION derived_indicator_period_truncate();

-- The area triggers: a statement that adds or removes a district, or makes an area a district
-- or no longer one, counts the table anew (rare: the districts are set when the dataset is
-- loaded; a copy may write outcomes before their areas, the foreign keys being deferred).
CREATE FUNCTION derived_indicator_period_area_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows WHERE level = 'district') THEN
    PERFORM derived_indicator_period_rebuild();
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION derived_indicator_period_area_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows WHERE level = 'district') THEN
    PERFORM derived_indicator_period_rebuild();
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION derived_indicator_period_area_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.level = 'district') <> (n.level = 'district')) THEN
    PERFORM derived_indicator_period_rebuild();
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER derived_indicator_period_area_insert AFTER INSERT ON area REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION derived_indicator_period_area_insert();
CREATE TRIGGER derived_indicator_period_area_delete AFTER DELETE ON area REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION derived_indicator_period_area_delete();
CREATE TRIGGER derived_indicator_period_area_update AFTER UPDATE ON area
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION derived_indicator_period_area_update();
CREATE TRIGGER derived_indicator_period_area_truncate AFTER TRUNCATE ON area
  FOR EACH STATEMENT EXECUTE FUNCTION derived_indicator_period_truncate();

SELECT derived_indicator_period_rebuild();
