-- 0052-outcome-sexes.sql: the sexes of an outcome's (indicator, area, period) as one row, for the
-- goal chain, which read each sex's row of outcome_indicator_area (0043): 526 rows for
-- Spånga-Tensta's chain of 2022 at about 2.9K instructions each (the index walk, 14 VM steps
-- and six columns a row, the loader's calls per column).
--
-- derived_outcome_sexes holds per (indicator, area, period) with outcomes: sexes, the bits of
-- the sexes with an outcome (K 1, M 2, T 4) and, shifted by 3, those of them that are example
-- data; shut, the bits of the sexes whose figure is not public in itself (neither example data
-- nor from Kolada: sql-public.h FIGURE_OPEN); and each sex's value (NULL: missing, or no such
-- sex): declared without a type, so that a read takes them as stored (REAL from outcome's
-- REAL column) without the RealAffinity step per column and row that a REAL column costs. The
-- chain's statements (sql-sqlite-view-chain.c VC_OUTCOMES_OF) read one row per triple
-- and the loader (view/chain.c outcome_row) makes each sex's outcome of it.
--
-- Kept by row triggers on outcome: each counts the triple's row anew from outcome's at most three
-- rows of it (outcome's UNIQUE (indicator_id, period_id, area_id, sex) index: one seek), for an
-- update the old triple's and the new one's. Named derived_ as the other tables kept by
-- triggers: `lup copy` and the schema comparison leave it out, a copy fills it through the
-- triggers, and `lup check` compares it with outcome (t7352).
--
-- outcome_indicator_area (0043) is dropped, so that an outcome's write keeps the new row rather
-- than one index entry more: the chain was the reader it was made for; the indicator API's
-- outcomes (REL_INDICATOR_OUTCOMES), for which the planner also took it, read outcome_cover
-- instead (the same columns; /api/v1/indicators/1 8.83M -> 8.70M instructions).
--
-- PostgreSQL's 0052 is empty: its statements give the same rows by grouping outcome's.
CREATE TABLE derived_outcome_sexes (
  indicator_id  INTEGER NOT NULL,
  area_id       INTEGER NOT NULL,
  period_id     INTEGER NOT NULL,
  sexes         INTEGER NOT NULL,
  shut          INTEGER NOT NULL,
  vt,
  vk,
  vm,
  PRIMARY KEY (indicator_id, area_id, period_id)
) WITHOUT ROWID;

DROP INDEX outcome_indicator_area;

INSERT INTO derived_outcome_sexes (indicator_id, area_id, period_id, sexes, shut, vt, vk, vm)
  SELECT indicator_id, area_id, period_id,
    sum((CASE sex WHEN 'K' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) * (1 + 8 * (example = 1))),
    sum(CASE WHEN example = 1 OR source = 'kolada' THEN 0 WHEN sex = 'K' THEN 1 WHEN sex = 'M' THEN 2 ELSE 4 END),
    max(CASE WHEN sex = 'T' THEN value END), max(CASE WHEN sex = 'K' THEN value END),
    max(CASE WHEN sex = 'M' THEN value END)
  FROM outcome GROUP BY indicator_id, area_id, period_id;

CREATE TRIGGER derived_outcome_sexes_ai AFTER INSERT ON outcome
BEGIN
  DELETE FROM derived_outcome_sexes
    WHERE indicator_id = new.indicator_id AND area_id = new.area_id AND period_id = new.period_id;
  INSERT INTO derived_outcome_sexes (indicator_id, area_id, period_id, sexes, shut, vt, vk, vm)
    SELECT indicator_id, area_id, period_id,
      sum((CASE sex WHEN 'K' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) * (1 + 8 * (example = 1))),
      sum(CASE WHEN example = 1 OR source = 'kolada' THEN 0 WHEN sex = 'K' THEN 1 WHEN sex = 'M' THEN 2 ELSE 4 END),
      max(CASE WHEN sex = 'T' THEN value END), max(CASE WHEN sex = 'K' THEN value END),
      max(CASE WHEN sex = 'M' THEN value END)
    FROM outcome WHERE indicator_id = new.indicator_id AND period_id = new.period_id AND area_id = new.area_id
    GROUP BY indicator_id, area_id, period_id;
END;

CREATE TRIGGER derived_outcome_sexes_ad AFTER DELETE ON outcome
BEGIN
  DELETE FROM derived_outcome_sexes
    WHERE indicator_id = old.indicator_id AND area_id = old.area_id AND period_id = old.period_id;
  INSERT INTO derived_outcome_sexes (indicator_id, area_id, period_id, sexes, shut, vt, vk, vm)
    SELECT indicator_id, area_id, period_id,
      sum((CASE sex WHEN 'K' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) * (1 + 8 * (example = 1))),
      sum(CASE WHEN example = 1 OR source = 'kolada' THEN 0 WHEN sex = 'K' THEN 1 WHEN sex = 'M' THEN 2 ELSE 4 END),
      max(CASE WHEN sex = 'T' THEN value END), max(CASE WHEN sex = 'K' THEN value END),
      max(CASE WHEN sex = 'M' THEN value END)
    FROM outcome WHERE indicator_id = old.indicator_id AND period_id = old.period_id AND area_id = old.area_id
    GROUP BY indicator_id, area_id, period_id;
END;

CREATE TRIGGER derived_outcome_sexes_au AFTER UPDATE OF indicator_id, period_id, area_id, sex, value, example, source
  ON outcome
BEGIN
  DELETE FROM derived_outcome_sexes
    WHERE (indicator_id = old.indicator_id AND area_id = old.area_id AND period_id = old.period_id)
    OR (indicator_id = new.indicator_id AND area_id = new.area_id AND period_id = new.period_id);
  INSERT INTO derived_outcome_sexes (indicator_id, area_id, period_id, sexes, shut, vt, vk, vm)
    SELECT indicator_id, area_id, period_id,
      sum((CASE sex WHEN 'K' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) * (1 + 8 * (example = 1))),
      sum(CASE WHEN example = 1 OR source = 'kolada' THEN 0 WHEN sex = 'K' THEN 1 WHEN sex = 'M' THEN 2 ELSE 4 END),
      max(CASE WHEN sex = 'T' THEN value END), max(CASE WHEN sex = 'K' THEN value END),
      max(CASE WHEN sex = 'M' THEN value END)
    FROM outcome WHERE (indicator_id = old.indicator_id AND period_id = old.period_id AND area_id = old.area_id)
    OR (indicator_id = new.indicator_id AND period_id = new.period_id AND area_id = new.area_id)
    GROUP BY indicator_id, area_id, period_id;
END;
