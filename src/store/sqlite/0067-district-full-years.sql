-- 0067-district-full-years.sql: a district's full-year outcomes of an indicator as one row.
--
-- derived_district_fy: per (district, indicator) of derived_outcome_sexes (0052) with a row of a
-- full-year period ('FY'), one row: fy, the triple rows of those periods as text, entries
-- "year sexes shut vt vk vm" (sexes and shut as in derived_outcome_sexes; a value empty when
-- NULL, else the double exactly, as a C99 hexadecimal float: m * 2^e with m an integer, which
-- strtod reads back bit for bit; SQLite has no exact decimal text of a double) joined by ';' in
-- year order; shut, the number of entries with a shut sex (0: all public in themselves). The
-- district page's comparison (STMT_WEB_PLACES_DISTRICT_COMPARE) reads the district's indicators
-- with their values over the years from it: 71 rows for Spånga-Tensta where the comparison's
-- year and the sparklines' totals were 71 + 284. Kept by row triggers on derived_outcome_sexes
-- (whose rows the outcome triggers delete and insert) for districts' areas and full-year
-- periods only, so a Kolada import of municipalities pays one area lookup per outcome; compared
-- by `lup check`; `lup copy` leaves it out and the triggers fill it. PostgreSQL's 0067 is
-- empty: its statement groups outcome's rows into the same text.
CREATE TABLE derived_district_fy (
  area_id       INTEGER NOT NULL,
  indicator_id  INTEGER NOT NULL,
  shut          INTEGER NOT NULL,
  fy            TEXT NOT NULL,
  PRIMARY KEY (area_id, indicator_id)
) WITHOUT ROWID;

-- derived_district_fy_entry: an entry of the text, one per district row of derived_outcome_sexes
-- in a full-year period (the one text of the rule, which every trigger below reads). A value's
-- text: with e = floor(log2(|v|)), |v| * 2^(53 - e) is an integer below 2^55 (an exact product:
-- a power of two, taken in two halves so that neither overflows), written in hexadecimal with
-- the binary exponent -(53 - e).
CREATE VIEW derived_district_fy_entry AS
  SELECT x.area_id, x.indicator_id, pe.year, x.shut,
    pe.year || ' ' || x.sexes || ' ' || x.shut
      || ' ' || (CASE WHEN x.vt IS NULL THEN '' WHEN x.vt = 0 THEN '0'
        ELSE printf('%s0x%xp%d', CASE WHEN x.vt < 0 THEN '-' ELSE '' END,
        CAST(abs(x.vt) * power(2, (53 - CAST(floor(log2(abs(x.vt))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(x.vt))) AS INTEGER)) - (53 - CAST(floor(log2(abs(x.vt))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(x.vt))) AS INTEGER))) END)
      || ' ' || (CASE WHEN x.vk IS NULL THEN '' WHEN x.vk = 0 THEN '0'
        ELSE printf('%s0x%xp%d', CASE WHEN x.vk < 0 THEN '-' ELSE '' END,
        CAST(abs(x.vk) * power(2, (53 - CAST(floor(log2(abs(x.vk))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(x.vk))) AS INTEGER)) - (53 - CAST(floor(log2(abs(x.vk))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(x.vk))) AS INTEGER))) END)
      || ' ' || (CASE WHEN x.vm IS NULL THEN '' WHEN x.vm = 0 THEN '0'
        ELSE printf('%s0x%xp%d', CASE WHEN x.vm < 0 THEN '-' ELSE '' END,
        CAST(abs(x.vm) * power(2, (53 - CAST(floor(log2(abs(x.vm))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(x.vm))) AS INTEGER)) - (53 - CAST(floor(log2(abs(x.vm))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(x.vm))) AS INTEGER))) END) AS e
  FROM derived_outcome_sexes x CROSS JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
    CROSS JOIN area a ON a.id = x.area_id AND a.level = 'district';

-- A row of derived_outcome_sexes written or removed: its (district, indicator) written anew.
-- The removal's test is the row of derived_district_fy itself, so that a row goes also when its
-- area or period went first.
CREATE TRIGGER derived_district_fy_ai AFTER INSERT ON derived_outcome_sexes
  WHEN EXISTS (SELECT 1 FROM area WHERE id = new.area_id AND level = 'district')
    AND EXISTS (SELECT 1 FROM period WHERE id = new.period_id AND kind = 'FY')
BEGIN
  DELETE FROM derived_district_fy WHERE area_id = new.area_id AND indicator_id = new.indicator_id;
  INSERT INTO derived_district_fy (area_id, indicator_id, shut, fy)
    SELECT area_id, indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT area_id, indicator_id, shut, e
      FROM derived_district_fy_entry WHERE area_id = new.area_id AND indicator_id = new.indicator_id
      ORDER BY area_id, indicator_id, year)
    GROUP BY area_id, indicator_id;
END;

CREATE TRIGGER derived_district_fy_ad AFTER DELETE ON derived_outcome_sexes
  WHEN EXISTS (SELECT 1 FROM derived_district_fy WHERE area_id = old.area_id AND indicator_id = old.indicator_id)
BEGIN
  DELETE FROM derived_district_fy WHERE area_id = old.area_id AND indicator_id = old.indicator_id;
  INSERT INTO derived_district_fy (area_id, indicator_id, shut, fy)
    SELECT area_id, indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT area_id, indicator_id, shut, e
      FROM derived_district_fy_entry WHERE area_id = old.area_id AND indicator_id = old.indicator_id
      ORDER BY area_id, indicator_id, year)
    GROUP BY area_id, indicator_id;
END;

-- An area given another id or level, or removed: its rows written anew (none unless a district).
CREATE TRIGGER derived_district_fy_area_au AFTER UPDATE OF id, level ON area
  WHEN old.id IS NOT new.id OR old.level IS NOT new.level
BEGIN
  DELETE FROM derived_district_fy WHERE area_id IN (old.id, new.id);
  INSERT INTO derived_district_fy (area_id, indicator_id, shut, fy)
    SELECT area_id, indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT area_id, indicator_id, shut, e
      FROM derived_district_fy_entry WHERE area_id IN (old.id, new.id)
      ORDER BY area_id, indicator_id, year)
    GROUP BY area_id, indicator_id;
END;

CREATE TRIGGER derived_district_fy_area_ad AFTER DELETE ON area
BEGIN
  DELETE FROM derived_district_fy WHERE area_id = old.id;
END;

-- A full-year period written (also after its figures, the foreign keys deferred), removed, or
-- given another id, year or kind: the (district, indicator) rows with figures in it anew.
CREATE TRIGGER derived_district_fy_period_ai AFTER INSERT ON period WHEN new.kind = 'FY'
BEGIN
  DELETE FROM derived_district_fy WHERE (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id = new.id);
  INSERT INTO derived_district_fy (area_id, indicator_id, shut, fy)
    SELECT area_id, indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT area_id, indicator_id, shut, e
      FROM derived_district_fy_entry WHERE (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id = new.id)
      ORDER BY area_id, indicator_id, year)
    GROUP BY area_id, indicator_id;
END;

CREATE TRIGGER derived_district_fy_period_ad AFTER DELETE ON period WHEN old.kind = 'FY'
BEGIN
  DELETE FROM derived_district_fy WHERE (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id = old.id);
  INSERT INTO derived_district_fy (area_id, indicator_id, shut, fy)
    SELECT area_id, indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT area_id, indicator_id, shut, e
      FROM derived_district_fy_entry WHERE (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id = old.id)
      ORDER BY area_id, indicator_id, year)
    GROUP BY area_id, indicator_id;
END;

CREATE TRIGGER derived_district_fy_period_au AFTER UPDATE OF id, year, kind ON period
  WHEN old.id IS NOT new.id OR old.year IS NOT new.year OR old.kind IS NOT new.kind
BEGIN
  DELETE FROM derived_district_fy WHERE (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id IN (old.id, new.id));
  INSERT INTO derived_district_fy (area_id, indicator_id, shut, fy)
    SELECT area_id, indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT area_id, indicator_id, shut, e
      FROM derived_district_fy_entry WHERE (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id IN (old.id, new.id))
      ORDER BY area_id, indicator_id, year)
    GROUP BY area_id, indicator_id;
END;

-- The rows of the data there is: the districts' full-year triples taken out and put back, so
-- that the triggers above write them (one text of the rule, not a third copy).
CREATE TEMP TABLE district_fy_fill_ AS SELECT x.* FROM derived_outcome_sexes x
  JOIN area a ON a.id = x.area_id AND a.level = 'district' JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY';
DELETE FROM derived_outcome_sexes WHERE (indicator_id, area_id, period_id) IN
  (SELECT indicator_id, area_id, period_id FROM district_fy_fill_);
INSERT INTO derived_outcome_sexes (indicator_id, area_id, period_id, sexes, shut, vt, vk, vm)
  SELECT indicator_id, area_id, period_id, sexes, shut, vt, vk, vm FROM district_fy_fill_;
DROP TABLE district_fy_fill_;
