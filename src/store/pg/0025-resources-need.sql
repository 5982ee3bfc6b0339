-- 0025-resources-need.sql: resources versus need (guideline 3; docs/resources-need.md).
--
-- resource_allocation is rebuilt (the name kept): what an organisation (a specialist committee,
-- a company, ...) puts into a district in a year, one row per kind of resource, each in the
-- unit of its kind: money in tkr, staff in årsarbetare, places in platser, hours in timmar.
-- The old shape (amount_kr and/or staff on one row, purpose) is carried over: amount_kr becomes
-- a 'money' row in tkr (kr / 1000), staff a 'staff' row, the purpose the note of both. One row
-- per organisation, area, year and kind (the old rows of the same key are summed).
-- SQLite rebuilds the table; here ALTER TABLE gives the same end schema and the same rows: the
-- new rows are computed from the old ones first (the money row of a key keeps the smallest id
-- of its old rows; the staff rows take the next ids after the largest of those, in the order
-- of their keys, as SQLite numbers rows inserted without an id), the old rows go, the columns
-- change, the new rows go in, and the identity continues after the largest id (SQLite: max+1).
-- string_agg orders the purposes by id (the order group_concat reads them in SQLite).
CREATE TEMPORARY TABLE resource_allocation_0025 ON COMMIT DROP AS
  SELECT min(id) AS id, org_id, area_id, year, 'money'::text AS kind,
         sum(amount_kr) / 1000.0::double precision AS amount, 'tkr'::text AS unit,
         string_agg(purpose, '; ' ORDER BY id) AS note, max(example) AS example
  FROM resource_allocation WHERE amount_kr IS NOT NULL GROUP BY org_id, area_id, year;
INSERT INTO resource_allocation_0025 (id, org_id, area_id, year, kind, amount, unit, note, example)
  SELECT coalesce((SELECT max(id) FROM resource_allocation_0025), 0)
           + row_number() OVER (ORDER BY org_id, area_id, year),
         org_id, area_id, year, 'staff', sum(staff), 'årsarbetare', string_agg(purpose, '; ' ORDER BY id),
         max(example)
  FROM resource_allocation WHERE staff IS NOT NULL GROUP BY org_id, area_id, year;
DELETE FROM resource_allocation;
ALTER TABLE resource_allocation
  DROP COLUMN amount_kr,
  DROP COLUMN staff,
  DROP COLUMN purpose,
  ADD COLUMN kind text NOT NULL CHECK (kind IN ('money','staff','places','hours')),
  ADD COLUMN amount double precision NOT NULL CHECK (amount >= 0),
  ADD COLUMN unit text NOT NULL CHECK ((kind = 'money' AND unit = 'tkr') OR (kind = 'staff' AND unit = 'årsarbetare')
                OR (kind = 'places' AND unit = 'platser') OR (kind = 'hours' AND unit = 'timmar')),
  ADD COLUMN note text,
  ADD COLUMN created_by bigint REFERENCES app_user(id) DEFERRABLE,
  ADD COLUMN created_at text,
  ADD CHECK (year BETWEEN 1900 AND 2999),
  ADD UNIQUE (org_id, area_id, year, kind);
INSERT INTO resource_allocation (id, org_id, area_id, year, kind, amount, unit, note, example)
  SELECT id, org_id, area_id, year, kind, amount, unit, note, example FROM resource_allocation_0025 ORDER BY id;
SELECT setval(pg_get_serial_sequence('resource_allocation', 'id'), coalesce(max(id), 0) + 1, false)
  FROM resource_allocation;
-- resource_allocation_area (0001) stays as it was.
CREATE INDEX resource_allocation_org ON resource_allocation(org_id, year);

-- area_population: an area's population in a year (the dataset's populations.tsv), for
-- resources per resident.
CREATE TABLE area_population (
  area_id     bigint NOT NULL REFERENCES area(id) ON DELETE CASCADE DEFERRABLE,
  year        bigint NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  population  bigint NOT NULL CHECK (population > 0),
  source      text,
  PRIMARY KEY (area_id, year)
);

-- need_indicator: the indicators the city chose for the need index, with their weights. Empty:
-- the documented default set (docs/resources-need.md).
CREATE TABLE need_indicator (
  indicator_id  bigint PRIMARY KEY REFERENCES indicator(id) ON DELETE CASCADE DEFERRABLE,
  weight        double precision NOT NULL CHECK (weight > 0 AND weight <= 100),
  set_by        bigint REFERENCES app_user(id) DEFERRABLE,
  set_at        text
);
