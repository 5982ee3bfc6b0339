-- 0048-target-by-key.sql: target is stored in the order of its key (WITHOUT ROWID), so that a
-- lookup of an indicator's target of a year, kind and sex is one seek into the table rather than
-- one into the key's index and another into the table for the text. The goal chain reads the
-- own and the KF target of each of its indicators (STMT_VC_INDICATORS: 655K -> 554K
-- instructions for the Spånga-Tensta chain of 2022; the organisation page the same). The
-- columns, the key, the checks and target_year (0044) are as before; nothing references the
-- table's rowid. PostgreSQL's 0048 is empty (a heap with its key's index).
CREATE TABLE target_0048 (
  indicator_id  INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  year          INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('own','kf')),
  sex           TEXT NOT NULL DEFAULT 'T' CHECK (sex IN ('T','K','M')),
  mode          TEXT NOT NULL CHECK (mode IN ('number','text','direction','by_committee')),
  value         REAL,
  unit          TEXT,
  text          TEXT NOT NULL,
  source        TEXT,
  PRIMARY KEY (indicator_id, year, kind, sex),
  CHECK ((mode IN ('number','direction')) = (value IS NOT NULL))
) WITHOUT ROWID;
INSERT INTO target_0048 (indicator_id, year, kind, sex, mode, value, unit, text, source)
  SELECT indicator_id, year, kind, sex, mode, value, unit, text, source FROM target;
DROP TABLE target;
ALTER TABLE target_0048 RENAME TO target;
CREATE INDEX target_year ON target(year);
