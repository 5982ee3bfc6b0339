-- 0060-indicator-year-targets.sql: an indicator's own and KF target of a year (both sexes
-- together, T) as one row, for the goal chain (STMT_VC_INDICATORS), which joined target twice:
-- two seeks of target's four-column key per indicator, 0.26M of the statement's 0.50M
-- instructions for Spånga-Tensta's chain of 2022 (the API and the organisation page alike);
-- one seek of this table's two-column key reads both: the statement 0.50M -> 0.33M.
--
-- derived_indicator_targets holds per (indicator_id, year) with a target of sex T: own and kf,
-- the texts of its own and its KF target of that year (NULL: none). Kept by row triggers on
-- target that count the row anew from target's at most two rows of it (the key's range), for
-- an update the old (indicator, year)'s and the new one's; an INSERT OR REPLACE deletes without
-- firing the delete trigger, but its row has the key of the one it replaces, which the insert
-- trigger counts anew. Targets are written by plan imports and edits only, a few per indicator
-- (no outcome import touches them). Named derived_ as the other tables kept by triggers: `lup
-- copy` and the schema comparison leave it out, a copy fills it through the triggers, and `lup
-- check` compares it with target (t7354).
--
-- PostgreSQL's 0060 is empty: its chain statement joins target twice as before.
CREATE TABLE derived_indicator_targets (
  indicator_id  INTEGER NOT NULL,
  year          INTEGER NOT NULL,
  own           TEXT,
  kf            TEXT,
  PRIMARY KEY (indicator_id, year)
) WITHOUT ROWID;

INSERT INTO derived_indicator_targets (indicator_id, year, own, kf)
  SELECT indicator_id, year, max(CASE WHEN kind = 'own' THEN text END), max(CASE WHEN kind = 'kf' THEN text END)
  FROM target WHERE sex = 'T' GROUP BY indicator_id, year;

CREATE TRIGGER derived_indicator_targets_ai AFTER INSERT ON target WHEN new.sex = 'T'
BEGIN
  DELETE FROM derived_indicator_targets WHERE indicator_id = new.indicator_id AND year = new.year;
  INSERT INTO derived_indicator_targets (indicator_id, year, own, kf)
    SELECT indicator_id, year, max(CASE WHEN kind = 'own' THEN text END), max(CASE WHEN kind = 'kf' THEN text END)
    FROM target WHERE indicator_id = new.indicator_id AND year = new.year AND sex = 'T'
    GROUP BY indicator_id, year;
END;

CREATE TRIGGER derived_indicator_targets_ad AFTER DELETE ON target WHEN old.sex = 'T'
BEGIN
  DELETE FROM derived_indicator_targets WHERE indicator_id = old.indicator_id AND year = old.year;
  INSERT INTO derived_indicator_targets (indicator_id, year, own, kf)
    SELECT indicator_id, year, max(CASE WHEN kind = 'own' THEN text END), max(CASE WHEN kind = 'kf' THEN text END)
    FROM target WHERE indicator_id = old.indicator_id AND year = old.year AND sex = 'T'
    GROUP BY indicator_id, year;
END;

CREATE TRIGGER derived_indicator_targets_au AFTER UPDATE OF indicator_id, year, kind, sex, text ON target
  WHEN old.sex = 'T' OR new.sex = 'T'
BEGIN
  DELETE FROM derived_indicator_targets WHERE (indicator_id = old.indicator_id AND year = old.year)
    OR (indicator_id = new.indicator_id AND year = new.year);
  INSERT INTO derived_indicator_targets (indicator_id, year, own, kf)
    SELECT indicator_id, year, max(CASE WHEN kind = 'own' THEN text END), max(CASE WHEN kind = 'kf' THEN text END)
    FROM target WHERE sex = 'T' AND ((indicator_id = old.indicator_id AND year = old.year)
      OR (indicator_id = new.indicator_id AND year = new.year))
    GROUP BY indicator_id, year;
END;
