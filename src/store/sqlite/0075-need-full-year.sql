-- 0075-need-full-year.sql: an area's full-year totals of every indicator as one row.
--
-- derived_need_fy: per (full-year period, area of level 'municipality' or 'district') with total
-- outcomes (sex 'T') that have a value, one row: vals, an entry " indicator_id bits value;" per
-- such outcome, in no order (an outcome written is appended, one removed cut out: replace() of
-- its entry, which is unique in its text: an entry begins with the only ' ' before its three
-- fields and ends with its only ';'); bits 1 when example data, 2 when not public in itself
-- (neither example data nor from Kolada: derived_outcome_sexes' shut & 4); the value exactly, as
-- 0067's hexadecimal text. Resources versus need (STMT_NEED_VALUES: every indicator's totals of
-- the need year for the districts and the city) reads the year's areas in 15 rows where
-- derived_outcome_sexes gave 1,065 (about 1.6K instructions each). Kept by row triggers on
-- outcome for totals only (one entry written per change, not the area's row rebuilt, so that
-- an import of many indicators stays linear and its sexes K and M cost a test each) and on area
-- and period (their rows rebuilt from derived_need_fy_entry); compared by `lup check` (as sets
-- of entries); `lup copy` leaves it out and the triggers fill it. PostgreSQL's 0075 is empty:
-- its statement groups outcome's rows into the same text.
CREATE TABLE derived_need_fy (
  period_id     INTEGER NOT NULL,
  area_id       INTEGER NOT NULL,
  vals          TEXT NOT NULL,
  PRIMARY KEY (period_id, area_id)
) WITHOUT ROWID;

-- derived_need_fy_entry: an entry of vals, one per total outcome with a value in a full-year
-- period and an area of level 'municipality' or 'district' (the triggers on outcome write the
-- same text from new and old).
CREATE VIEW derived_need_fy_entry AS
  SELECT x.period_id, x.area_id, x.indicator_id,
    ' ' || x.indicator_id || ' ' || ((x.example = 1) + 2 * (x.example <> 1 AND x.source <> 'kolada')) || ' ' || (CASE WHEN x.value = 0 THEN '0' ELSE printf('%s0x%xp%d', CASE WHEN x.value < 0 THEN '-' ELSE '' END, CAST(abs(x.value) * power(2, (53 - CAST(floor(log2(abs(x.value))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(x.value))) AS INTEGER)) - (53 - CAST(floor(log2(abs(x.value))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(x.value))) AS INTEGER))) END) || ';' AS e
  FROM outcome x CROSS JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
    CROSS JOIN area a ON a.id = x.area_id AND a.level IN ('municipality', 'district')
  WHERE x.sex = 'T' AND x.value IS NOT NULL;

-- A total written: its entry appended. Removed: its entry cut out (from the row of its period
-- and area, whatever their kind and level now: an entry goes also when its area or period went
-- first), the row gone with its last entry. Changed: both.
CREATE TRIGGER derived_need_fy_ai AFTER INSERT ON outcome
  WHEN new.sex = 'T' AND new.value IS NOT NULL AND EXISTS (SELECT 1 FROM period WHERE id = new.period_id AND kind = 'FY')
    AND EXISTS (SELECT 1 FROM area WHERE id = new.area_id AND level IN ('municipality', 'district'))
BEGIN
  INSERT INTO derived_need_fy (period_id, area_id, vals)
    VALUES (new.period_id, new.area_id, ' ' || new.indicator_id || ' ' || ((new.example = 1) + 2 * (new.example <> 1 AND new.source <> 'kolada')) || ' ' || (CASE WHEN new.value = 0 THEN '0' ELSE printf('%s0x%xp%d', CASE WHEN new.value < 0 THEN '-' ELSE '' END, CAST(abs(new.value) * power(2, (53 - CAST(floor(log2(abs(new.value))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(new.value))) AS INTEGER)) - (53 - CAST(floor(log2(abs(new.value))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(new.value))) AS INTEGER))) END) || ';')
    ON CONFLICT (period_id, area_id) DO UPDATE SET vals = vals || excluded.vals;
END;

CREATE TRIGGER derived_need_fy_ad AFTER DELETE ON outcome
  WHEN old.sex = 'T' AND old.value IS NOT NULL
BEGIN
  UPDATE derived_need_fy SET vals = replace(vals, ' ' || old.indicator_id || ' ' || ((old.example = 1) + 2 * (old.example <> 1 AND old.source <> 'kolada')) || ' ' || (CASE WHEN old.value = 0 THEN '0' ELSE printf('%s0x%xp%d', CASE WHEN old.value < 0 THEN '-' ELSE '' END, CAST(abs(old.value) * power(2, (53 - CAST(floor(log2(abs(old.value))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(old.value))) AS INTEGER)) - (53 - CAST(floor(log2(abs(old.value))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(old.value))) AS INTEGER))) END) || ';', '')
    WHERE period_id = old.period_id AND area_id = old.area_id;
  DELETE FROM derived_need_fy WHERE period_id = old.period_id AND area_id = old.area_id AND vals = '';
END;

CREATE TRIGGER derived_need_fy_au AFTER UPDATE OF indicator_id, period_id, area_id, sex, value, example, source
  ON outcome
  WHEN (old.sex = 'T' AND old.value IS NOT NULL) OR (new.sex = 'T' AND new.value IS NOT NULL)
BEGIN
  UPDATE derived_need_fy SET vals = replace(vals, ' ' || old.indicator_id || ' ' || ((old.example = 1) + 2 * (old.example <> 1 AND old.source <> 'kolada')) || ' ' || (CASE WHEN old.value = 0 THEN '0' ELSE printf('%s0x%xp%d', CASE WHEN old.value < 0 THEN '-' ELSE '' END, CAST(abs(old.value) * power(2, (53 - CAST(floor(log2(abs(old.value))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(old.value))) AS INTEGER)) - (53 - CAST(floor(log2(abs(old.value))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(old.value))) AS INTEGER))) END) || ';', '')
    WHERE old.sex = 'T' AND old.value IS NOT NULL AND period_id = old.period_id AND area_id = old.area_id;
  DELETE FROM derived_need_fy WHERE period_id = old.period_id AND area_id = old.area_id AND vals = '';
  INSERT INTO derived_need_fy (period_id, area_id, vals)
    SELECT new.period_id, new.area_id, ' ' || new.indicator_id || ' ' || ((new.example = 1) + 2 * (new.example <> 1 AND new.source <> 'kolada')) || ' ' || (CASE WHEN new.value = 0 THEN '0' ELSE printf('%s0x%xp%d', CASE WHEN new.value < 0 THEN '-' ELSE '' END, CAST(abs(new.value) * power(2, (53 - CAST(floor(log2(abs(new.value))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(new.value))) AS INTEGER)) - (53 - CAST(floor(log2(abs(new.value))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(new.value))) AS INTEGER))) END) || ';'
    WHERE new.sex = 'T' AND new.value IS NOT NULL AND EXISTS (SELECT 1 FROM period WHERE id = new.period_id AND kind = 'FY')
    AND EXISTS (SELECT 1 FROM area WHERE id = new.area_id AND level IN ('municipality', 'district'))
    ON CONFLICT (period_id, area_id) DO UPDATE SET vals = vals || excluded.vals;
END;

-- An area given another id or level, or removed: its rows written anew (none unless a district
-- or a municipality).
CREATE TRIGGER derived_need_fy_area_au AFTER UPDATE OF id, level ON area
  WHEN old.id IS NOT new.id OR old.level IS NOT new.level
BEGIN
  DELETE FROM derived_need_fy WHERE area_id IN (old.id, new.id);
  INSERT INTO derived_need_fy (period_id, area_id, vals)
    SELECT period_id, area_id, group_concat(e, '') FROM (SELECT period_id, area_id, e FROM derived_need_fy_entry
      WHERE area_id IN (old.id, new.id) ORDER BY period_id, area_id, indicator_id)
    GROUP BY period_id, area_id;
END;

CREATE TRIGGER derived_need_fy_area_ad AFTER DELETE ON area
BEGIN
  DELETE FROM derived_need_fy WHERE area_id = old.id;
END;

-- A period written (also after its figures, the foreign keys deferred), removed, or given
-- another id or kind: its rows written anew.
CREATE TRIGGER derived_need_fy_period_ai AFTER INSERT ON period WHEN new.kind = 'FY'
BEGIN
  DELETE FROM derived_need_fy WHERE period_id = new.id;
  INSERT INTO derived_need_fy (period_id, area_id, vals)
    SELECT period_id, area_id, group_concat(e, '') FROM (SELECT period_id, area_id, e FROM derived_need_fy_entry
      WHERE period_id = new.id ORDER BY period_id, area_id, indicator_id)
    GROUP BY period_id, area_id;
END;

CREATE TRIGGER derived_need_fy_period_ad AFTER DELETE ON period
BEGIN
  DELETE FROM derived_need_fy WHERE period_id = old.id;
END;

CREATE TRIGGER derived_need_fy_period_au AFTER UPDATE OF id, kind ON period
  WHEN old.id IS NOT new.id OR old.kind IS NOT new.kind
BEGIN
  DELETE FROM derived_need_fy WHERE period_id IN (old.id, new.id);
  INSERT INTO derived_need_fy (period_id, area_id, vals)
    SELECT period_id, area_id, group_concat(e, '') FROM (SELECT period_id, area_id, e FROM derived_need_fy_entry
      WHERE period_id IN (old.id, new.id) ORDER BY period_id, area_id, indicator_id)
    GROUP BY period_id, area_id;
END;

-- The rows of the data there is.
INSERT INTO derived_need_fy (period_id, area_id, vals)
  SELECT period_id, area_id, group_concat(e, '') FROM (SELECT period_id, area_id, e FROM derived_need_fy_entry
    ORDER BY period_id, area_id, indicator_id)
  GROUP BY period_id, area_id;
