-- 0073-outcome-year.sql: an indicator's outcomes of a year in an area as one row, for the goal
-- chain API (sql-sqlite-view-chain.c STMT_VC_OUTCOMES_YEAR), which read a row of
-- derived_outcome_sexes (0052) per period, seven columns each: 242 rows at about 2K
-- instructions for Spånga-Tensta's chain of 2022, SQLite's cost following its column reads.
--
-- derived_outcome_year: per (area, year, indicator) of derived_outcome_sexes whose period is of
-- that year, one row: e, the rows of the year's periods as text, entries "period sexes shut vt
-- vk vm" (period the period's id; sexes and shut as in derived_outcome_sexes) joined by ';' in
-- the order of the periods' kinds (FY, T1, T2); shut, the number of entries with a shut sex (0: all public in
-- themselves). A value is empty when NULL, else the double exactly: "M" or "Me-K" (M an
-- integer below 10^15, K 1 to 3) where M / 10^K, one division of doubles, is the value (SQLite
-- checks it with the division the loader does, view/chain.c); else "inf", "-inf", or a C99
-- hexadecimal float m * 2^e (0067's form), which strtod reads back bit for bit.
--
-- Kept by row triggers on derived_outcome_sexes (whose rows the outcome triggers delete and
-- insert) and on period (a period written after its figures, as `lup copy` does, removed, or
-- given another id or year); compared by `lup check`; `lup copy` leaves it out and the triggers
-- fill it. PostgreSQL's 0073 is empty: its statement groups outcome's rows into the same text.
CREATE TABLE derived_outcome_year (
  area_id       INTEGER NOT NULL,
  year          INTEGER NOT NULL,
  indicator_id  INTEGER NOT NULL,
  shut          INTEGER NOT NULL,
  e             TEXT NOT NULL,
  PRIMARY KEY (area_id, year, indicator_id)
) WITHOUT ROWID;

-- derived_outcome_year_entry: an entry of the text, one per row of derived_outcome_sexes with
-- its period's year and kind (the one text of the rule, which every trigger below reads). The
-- periods are walked first: a year's are one range of period's (year, kind) index, in kind
-- order, each then one seek of derived_outcome_sexes' key, where walking an (indicator, area)'s
-- rows of every year and seeking each one's period cost a Kolada import of 42 years 54 % more
-- instructions in all (7,560 values).
CREATE VIEW derived_outcome_year_entry AS
  SELECT x.area_id, pe.year, x.indicator_id, pe.kind, x.shut,
    x.period_id || ' ' || x.sexes || ' ' || x.shut
      || ' ' || (CASE WHEN x.vt IS NULL THEN ''
        WHEN abs(x.vt) < 1e15 AND CAST(round(x.vt) AS INTEGER) = x.vt THEN CAST(CAST(round(x.vt) AS INTEGER) AS TEXT)
        WHEN abs(x.vt) < 1e14 AND CAST(CAST(round(x.vt * 10) AS INTEGER) AS REAL) / 10 = x.vt THEN CAST(round(x.vt * 10) AS INTEGER) || 'e-1'
        WHEN abs(x.vt) < 1e13 AND CAST(CAST(round(x.vt * 100) AS INTEGER) AS REAL) / 100 = x.vt THEN CAST(round(x.vt * 100) AS INTEGER) || 'e-2'
        WHEN abs(x.vt) < 1e12 AND CAST(CAST(round(x.vt * 1000) AS INTEGER) AS REAL) / 1000 = x.vt THEN CAST(round(x.vt * 1000) AS INTEGER) || 'e-3'
        WHEN abs(x.vt) > 1.7976931348623157e308 THEN (CASE WHEN x.vt > 0 THEN 'inf' ELSE '-inf' END)
        ELSE printf('%s0x%xp%d', CASE WHEN x.vt < 0 THEN '-' ELSE '' END,
          CAST(abs(x.vt) * power(2, (53 - CAST(floor(log2(abs(x.vt))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(x.vt))) AS INTEGER)) - (53 - CAST(floor(log2(abs(x.vt))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(x.vt))) AS INTEGER))) END)
      || ' ' || (CASE WHEN x.vk IS NULL THEN ''
        WHEN abs(x.vk) < 1e15 AND CAST(round(x.vk) AS INTEGER) = x.vk THEN CAST(CAST(round(x.vk) AS INTEGER) AS TEXT)
        WHEN abs(x.vk) < 1e14 AND CAST(CAST(round(x.vk * 10) AS INTEGER) AS REAL) / 10 = x.vk THEN CAST(round(x.vk * 10) AS INTEGER) || 'e-1'
        WHEN abs(x.vk) < 1e13 AND CAST(CAST(round(x.vk * 100) AS INTEGER) AS REAL) / 100 = x.vk THEN CAST(round(x.vk * 100) AS INTEGER) || 'e-2'
        WHEN abs(x.vk) < 1e12 AND CAST(CAST(round(x.vk * 1000) AS INTEGER) AS REAL) / 1000 = x.vk THEN CAST(round(x.vk * 1000) AS INTEGER) || 'e-3'
        WHEN abs(x.vk) > 1.7976931348623157e308 THEN (CASE WHEN x.vk > 0 THEN 'inf' ELSE '-inf' END)
        ELSE printf('%s0x%xp%d', CASE WHEN x.vk < 0 THEN '-' ELSE '' END,
          CAST(abs(x.vk) * power(2, (53 - CAST(floor(log2(abs(x.vk))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(x.vk))) AS INTEGER)) - (53 - CAST(floor(log2(abs(x.vk))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(x.vk))) AS INTEGER))) END)
      || ' ' || (CASE WHEN x.vm IS NULL THEN ''
        WHEN abs(x.vm) < 1e15 AND CAST(round(x.vm) AS INTEGER) = x.vm THEN CAST(CAST(round(x.vm) AS INTEGER) AS TEXT)
        WHEN abs(x.vm) < 1e14 AND CAST(CAST(round(x.vm * 10) AS INTEGER) AS REAL) / 10 = x.vm THEN CAST(round(x.vm * 10) AS INTEGER) || 'e-1'
        WHEN abs(x.vm) < 1e13 AND CAST(CAST(round(x.vm * 100) AS INTEGER) AS REAL) / 100 = x.vm THEN CAST(round(x.vm * 100) AS INTEGER) || 'e-2'
        WHEN abs(x.vm) < 1e12 AND CAST(CAST(round(x.vm * 1000) AS INTEGER) AS REAL) / 1000 = x.vm THEN CAST(round(x.vm * 1000) AS INTEGER) || 'e-3'
        WHEN abs(x.vm) > 1.7976931348623157e308 THEN (CASE WHEN x.vm > 0 THEN 'inf' ELSE '-inf' END)
        ELSE printf('%s0x%xp%d', CASE WHEN x.vm < 0 THEN '-' ELSE '' END,
          CAST(abs(x.vm) * power(2, (53 - CAST(floor(log2(abs(x.vm))) AS INTEGER)) / 2) * power(2, (53 - CAST(floor(log2(abs(x.vm))) AS INTEGER)) - (53 - CAST(floor(log2(abs(x.vm))) AS INTEGER)) / 2) AS INTEGER), -(53 - CAST(floor(log2(abs(x.vm))) AS INTEGER))) END) AS e
  FROM period pe CROSS JOIN derived_outcome_sexes x ON x.period_id = pe.id;

-- A row of derived_outcome_sexes written or removed: its (area, year, indicator) written anew
-- (the year its period's; none when the period is not there: its own trigger writes it). One
-- group, aggregated without GROUP BY (no sorter): a row only when it has an entry. A removal
-- while outcome still has rows of the triple is the first half of 0052's triggers' rewrite of
-- it (delete, then insert the row counted anew): the insert's trigger writes the row then, and
-- the removal's is skipped (an import paid for both).
CREATE TRIGGER derived_outcome_year_ai AFTER INSERT ON derived_outcome_sexes
BEGIN
  DELETE FROM derived_outcome_year WHERE area_id = new.area_id AND indicator_id = new.indicator_id
    AND year = (SELECT year FROM period WHERE id = new.period_id);
  INSERT INTO derived_outcome_year (area_id, year, indicator_id, shut, e)
    SELECT new.area_id, max(year), new.indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT year, shut, e
      FROM derived_outcome_year_entry WHERE area_id = new.area_id AND indicator_id = new.indicator_id
      AND year = (SELECT year FROM period WHERE id = new.period_id) ORDER BY kind)
    HAVING count(*) > 0;
END;

CREATE TRIGGER derived_outcome_year_ad AFTER DELETE ON derived_outcome_sexes
  WHEN NOT EXISTS (SELECT 1 FROM outcome WHERE indicator_id = old.indicator_id AND period_id = old.period_id
    AND area_id = old.area_id)
BEGIN
  DELETE FROM derived_outcome_year WHERE area_id = old.area_id AND indicator_id = old.indicator_id
    AND year = (SELECT year FROM period WHERE id = old.period_id);
  INSERT INTO derived_outcome_year (area_id, year, indicator_id, shut, e)
    SELECT old.area_id, max(year), old.indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT year, shut, e
      FROM derived_outcome_year_entry WHERE area_id = old.area_id AND indicator_id = old.indicator_id
      AND year = (SELECT year FROM period WHERE id = old.period_id) ORDER BY kind)
    HAVING count(*) > 0;
END;

-- A period written (also after its figures, the foreign keys deferred), removed, or given
-- another id or year: the rows of its year and of the (area, indicator) pairs with figures in
-- it anew (the old year's too).
CREATE TRIGGER derived_outcome_year_period_ai AFTER INSERT ON period
BEGIN
  DELETE FROM derived_outcome_year WHERE year = new.year
    AND (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id = new.id);
  INSERT INTO derived_outcome_year (area_id, year, indicator_id, shut, e)
    SELECT area_id, year, indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT area_id, year, indicator_id, shut, e
      FROM derived_outcome_year_entry WHERE year = new.year
      AND (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id = new.id)
      ORDER BY area_id, indicator_id, kind)
    GROUP BY area_id, year, indicator_id;
END;

CREATE TRIGGER derived_outcome_year_period_ad AFTER DELETE ON period
BEGIN
  DELETE FROM derived_outcome_year WHERE year = old.year
    AND (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id = old.id);
  INSERT INTO derived_outcome_year (area_id, year, indicator_id, shut, e)
    SELECT area_id, year, indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT area_id, year, indicator_id, shut, e
      FROM derived_outcome_year_entry WHERE year = old.year
      AND (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id = old.id)
      ORDER BY area_id, indicator_id, kind)
    GROUP BY area_id, year, indicator_id;
END;

CREATE TRIGGER derived_outcome_year_period_au AFTER UPDATE OF id, year ON period
  WHEN old.id IS NOT new.id OR old.year IS NOT new.year
BEGIN
  DELETE FROM derived_outcome_year WHERE year IN (old.year, new.year)
    AND (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id IN (old.id, new.id));
  INSERT INTO derived_outcome_year (area_id, year, indicator_id, shut, e)
    SELECT area_id, year, indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT area_id, year, indicator_id, shut, e
      FROM derived_outcome_year_entry WHERE year IN (old.year, new.year)
      AND (area_id, indicator_id) IN (SELECT area_id, indicator_id FROM derived_outcome_sexes WHERE period_id IN (old.id, new.id))
      ORDER BY area_id, year, indicator_id, kind)
    GROUP BY area_id, year, indicator_id;
END;

-- The rows of the data there is.
INSERT INTO derived_outcome_year (area_id, year, indicator_id, shut, e)
  SELECT area_id, year, indicator_id, sum(shut <> 0), group_concat(e, ';') FROM (SELECT area_id, year, indicator_id, shut, e
    FROM derived_outcome_year_entry ORDER BY area_id, year, indicator_id, kind)
  GROUP BY area_id, year, indicator_id;
