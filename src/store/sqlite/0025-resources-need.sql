-- 0025-resources-need.sql: resources versus need (guideline 3; docs/resources-need.md).
--
-- resource_allocation is rebuilt (the name kept): what an organisation (a specialist committee,
-- a company, ...) puts into a district in a year, one row per kind of resource, each in the
-- unit of its kind: money in tkr, staff in årsarbetare, places in platser, hours in timmar.
-- The old shape (amount_kr and/or staff on one row, purpose) is carried over: amount_kr becomes
-- a 'money' row in tkr (kr / 1000), staff a 'staff' row, the purpose the note of both. One row
-- per organisation, area, year and kind (the old rows of the same key are summed).
CREATE TABLE resource_allocation_new (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES organisation(id),
  area_id     INTEGER NOT NULL REFERENCES area(id),
  year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  kind        TEXT NOT NULL CHECK (kind IN ('money','staff','places','hours')),
  amount      REAL NOT NULL CHECK (amount >= 0),
  unit        TEXT NOT NULL CHECK ((kind = 'money' AND unit = 'tkr') OR (kind = 'staff' AND unit = 'årsarbetare')
                OR (kind = 'places' AND unit = 'platser') OR (kind = 'hours' AND unit = 'timmar')),
  note        TEXT,
  example     INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0,1)),
  created_by  INTEGER REFERENCES app_user(id),
  created_at  TEXT,
  UNIQUE (org_id, area_id, year, kind)
);
INSERT INTO resource_allocation_new (id, org_id, area_id, year, kind, amount, unit, note, example)
  SELECT min(id), org_id, area_id, year, 'money', sum(amount_kr) / 1000.0, 'tkr', group_concat(purpose, '; '),
         max(example)
  FROM resource_allocation WHERE amount_kr IS NOT NULL GROUP BY org_id, area_id, year;
INSERT INTO resource_allocation_new (org_id, area_id, year, kind, amount, unit, note, example)
  SELECT org_id, area_id, year, 'staff', sum(staff), 'årsarbetare', group_concat(purpose, '; '), max(example)
  FROM resource_allocation WHERE staff IS NOT NULL GROUP BY org_id, area_id, year;
DROP TABLE resource_allocation;
ALTER TABLE resource_allocation_new RENAME TO resource_allocation;
CREATE INDEX resource_allocation_area ON resource_allocation(area_id, year);
CREATE INDEX resource_allocation_org ON resource_allocation(org_id, year);

-- area_population: an area's population in a year (the dataset's populations.tsv), for
-- resources per resident.
CREATE TABLE area_population (
  area_id     INTEGER NOT NULL REFERENCES area(id) ON DELETE CASCADE,
  year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  population  INTEGER NOT NULL CHECK (population > 0),
  source      TEXT,
  PRIMARY KEY (area_id, year)
);

-- need_indicator: the indicators the city chose for the need index, with their weights. Empty:
-- the documented default set (docs/resources-need.md).
CREATE TABLE need_indicator (
  indicator_id  INTEGER PRIMARY KEY REFERENCES indicator(id) ON DELETE CASCADE,
  weight        REAL NOT NULL CHECK (weight > 0 AND weight <= 100),
  set_by        INTEGER REFERENCES app_user(id),
  set_at        TEXT
);
