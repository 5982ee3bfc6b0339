-- 0033-indicator-period-districts-sqlite.sql: SQLite's derived_indicator_period, the table
-- PostgreSQL keeps since 0032: per indicator and period, how many of its districts' outcomes hold
-- a value (valued), and how many of those are public whatever the reports say (open: example
-- data or from Kolada), kept by row triggers on outcome and area. The city page lists every
-- indicator with the years that have district figures (WEB_CITY_INDICATORS): probing outcome's
-- index per indicator and full year took 14,919 VM steps and 0.33 ms of the page's 0.9 ms of CPU
-- on the demo; read from this table in the indicators' key order it is a join without a sort
-- (7,704 steps, 0.14 ms). Named derived_ as on PostgreSQL: `lup copy` and the schema comparison
-- leave it out, a copy into SQLite fills it through the triggers, and `lup check` compares it
-- with the outcomes.
--
-- Counts rather than flags, so that each row written adds what it changed without reading the
-- other outcomes. A row whose counts fall to 0 stays; readers ask valued > 0.
CREATE TABLE derived_indicator_period (
  indicator_id INTEGER NOT NULL,
  period_id    INTEGER NOT NULL,
  valued       INTEGER NOT NULL,	-- district outcomes with a value
  open         INTEGER NOT NULL,	-- of those, example data or from Kolada
  PRIMARY KEY (indicator_id, period_id)
) WITHOUT ROWID;

INSERT INTO derived_indicator_period (indicator_id, period_id, valued, open)
  SELECT x.indicator_id, x.period_id, count(*), count(*) FILTER (WHERE x.example = 1 OR x.source = 'kolada')
  FROM outcome x JOIN area a ON a.id = x.area_id AND a.level = 'district'
  WHERE x.value IS NOT NULL GROUP BY x.indicator_id, x.period_id;

-- An outcome counts when it has a value and its area is a district.
CREATE TRIGGER derived_indicator_period_ai AFTER INSERT ON outcome
  WHEN new.value IS NOT NULL AND EXISTS (SELECT 1 FROM area WHERE id = new.area_id AND level = 'district')
BEGIN
  INSERT INTO derived_indicator_period (indicator_id, period_id, valued, open)
    VALUES (new.indicator_id, new.period_id, 1, new.example = 1 OR new.source = 'kolada')
    ON CONFLICT (indicator_id, period_id) DO UPDATE SET valued = valued + 1, open = open + excluded.open;
END;

CREATE TRIGGER derived_indicator_period_ad AFTER DELETE ON outcome
  WHEN old.value IS NOT NULL AND EXISTS (SELECT 1 FROM area WHERE id = old.area_id AND level = 'district')
BEGIN
  UPDATE derived_indicator_period SET valued = valued - 1, open = open - (old.example = 1 OR old.source = 'kolada')
    WHERE indicator_id = old.indicator_id AND period_id = old.period_id;
END;

-- An update that changes what is counted (not a value changed for another): the old row taken
-- away, the new one added.
CREATE TRIGGER derived_indicator_period_au AFTER UPDATE ON outcome
  WHEN (old.value IS NULL) <> (new.value IS NULL) OR old.example IS NOT new.example OR old.source IS NOT new.source
    OR old.indicator_id IS NOT new.indicator_id OR old.period_id IS NOT new.period_id OR old.area_id IS NOT new.area_id
BEGIN
  UPDATE derived_indicator_period SET valued = valued - 1, open = open - (old.example = 1 OR old.source = 'kolada')
    WHERE indicator_id = old.indicator_id AND period_id = old.period_id AND old.value IS NOT NULL
    AND EXISTS (SELECT 1 FROM area WHERE id = old.area_id AND level = 'district');
  INSERT INTO derived_indicator_period (indicator_id, period_id, valued, open)
    SELECT new.indicator_id, new.period_id, 1, new.example = 1 OR new.source = 'kolada'
    WHERE new.value IS NOT NULL AND EXISTS (SELECT 1 FROM area WHERE id = new.area_id AND level = 'district')
    ON CONFLICT (indicator_id, period_id) DO UPDATE SET valued = valued + 1, open = open + excluded.open;
END;

-- An area added or removed as a district, or made a district or no longer one, counts the table
-- anew (rare: the districts are set when the dataset is loaded; a copy may write outcomes before
-- their areas, the foreign keys being deferred).
CREATE TRIGGER derived_indicator_period_area_ai AFTER INSERT ON area WHEN new.level = 'district'
BEGIN
  DELETE FROM derived_indicator_period;
  INSERT INTO derived_indicator_period (indicator_id, period_id, valued, open)
    SELECT x.indicator_id, x.period_id, count(*), count(*) FILTER (WHERE x.example = 1 OR x.source = 'kolada')
    FROM outcome x JOIN area a ON a.id = x.area_id AND a.level = 'district'
    WHERE x.value IS NOT NULL GROUP BY x.indicator_id, x.period_id;
END;

CREATE TRIGGER derived_indicator_period_area_ad AFTER DELETE ON area WHEN old.level = 'district'
BEGIN
  DELETE FROM derived_indicator_period;
  INSERT INTO derived_indicator_period (indicator_id, period_id, valued, open)
    SELECT x.indicator_id, x.period_id, count(*), count(*) FILTER (WHERE x.example = 1 OR x.source = 'kolada')
    FROM outcome x JOIN area a ON a.id = x.area_id AND a.level = 'district'
    WHERE x.value IS NOT NULL GROUP BY x.indicator_id, x.period_id;
END;

CREATE TRIGGER derived_indicator_period_area_au AFTER UPDATE OF level ON area
  WHEN (old.level = 'district') <> (new.level = 'district')
BEGIN
  DELETE FROM derived_indicator_period;
  INSERT INTO derived_indicator_period (indicator_id, period_id, valued, open)
    SELECT x.indicator_id, x.period_id, count(*), count(*) FILTER (WHERE x.example = 1 OR x.source = 'kolada')
    FROM outcome x JOIN area a ON a.id = x.area_id AND a.level = 'district'
    WHERE x.value IS NOT NULL GROUP BY x.indicator_id, x.period_id;
END;
