-- 0026-indicator-sex.sql: targets per sex, and the Kolada revisions of outcomes a report cites.
--
-- target: gains `sex` ('T' everyone, 'K' women, 'M' men; default 'T'), part of the key, so an
-- indicator divided by sex (indicator.by_sex = 1) can carry an årsmål for women and for men
-- besides the total. Every existing target is the total's.
CREATE TABLE target_0026 (
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
);
INSERT INTO target_0026 (indicator_id, year, kind, sex, mode, value, unit, text, source)
  SELECT indicator_id, year, kind, 'T', mode, value, unit, text, source FROM target;
DROP TABLE target;
ALTER TABLE target_0026 RENAME TO target;

-- outcome_revision: a Kolada re-import changed the value of an outcome (indicator, period, area,
-- sex) that a submitted or approved report of the indicator's owner (or the owner's pair) for
-- that period cites. One row per report and revised value; `status` is the report's status when
-- the revision arrived ('submitted' or 'approved'), which the flag's text names ("efter
-- inskickandet" / "efter godkännandet"). `old` is NULL when the value was missing before.
CREATE TABLE outcome_revision (
  id            INTEGER PRIMARY KEY,
  report_id     INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  indicator_id  INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  period_id     INTEGER NOT NULL REFERENCES period(id),
  area_id       INTEGER NOT NULL REFERENCES area(id),
  sex           TEXT NOT NULL CHECK (sex IN ('T','K','M')),
  old           REAL,
  new           REAL,
  status        TEXT NOT NULL CHECK (status IN ('submitted','approved')),
  at            TEXT NOT NULL
);
CREATE INDEX outcome_revision_report ON outcome_revision(report_id);
CREATE INDEX outcome_revision_indicator ON outcome_revision(indicator_id);
