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

-- A value's text: with e = floor(log2(|v|)), |v| * 2^(53 - e) is an integer below 2^55 (an
-- exact product: a power of two, taken in two halves so that neither overflows), written in
-- hexadecimal with the binary exponent -(53 - e).
CREATE TRIGGER derived_district_fy_ai AFTER INSERT ON derived_outcome_sexes
  WHEN EXISTS (SELECT 1 FROM area WHERE id = new.area_id AND level = 'district')
    AND EXISTS (SELECT 1 FROM period WHERE id = new.period_id AND kind = 'FY')
BEGIN
  DELETE FROM derived_district_fy WHERE area_id = new.area_id AND indicator_id = new.indicator_id;
  INSERT INTO derived_district_fy (area_id, indicator_id, shut, fy)
    SELECT new.area_id, new.indicator_id, sum(shut <> 0), group_concat(e, ';')
    FROM (SELECT x.shut, pe.year || ' ' || x.sexes || ' ' || x.shut
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
      WHERE x.indicator_id = new.indicator_id AND x.area_id = new.area_id ORDER BY pe.year)
    HAVING count(*) > 0;
END;

CREATE TRIGGER derived_district_fy_ad AFTER DELETE ON derived_outcome_sexes
  WHEN EXISTS (SELECT 1 FROM area WHERE id = old.area_id AND level = 'district')
    AND EXISTS (SELECT 1 FROM period WHERE id = old.period_id AND kind = 'FY')
BEGIN
  DELETE FROM derived_district_fy WHERE area_id = old.area_id AND indicator_id = old.indicator_id;
  INSERT INTO derived_district_fy (area_id, indicator_id, shut, fy)
    SELECT old.area_id, old.indicator_id, sum(shut <> 0), group_concat(e, ';')
    FROM (SELECT x.shut, pe.year || ' ' || x.sexes || ' ' || x.shut
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
      WHERE x.indicator_id = old.indicator_id AND x.area_id = old.area_id ORDER BY pe.year)
    HAVING count(*) > 0;
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
