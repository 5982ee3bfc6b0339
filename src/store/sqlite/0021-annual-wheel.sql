-- 0021-annual-wheel.sql: the follow-up cycle's calendar and the city's settings for it.
--
-- deadline: when a report (T1, T2 or the verksamhetsberättelse, kind 'FY' as in period) of a
-- year is due. The city's deadline has no organisation and level 'city'; an organisation may
-- set earlier internal deadlines for its own levels (unit -> administration -> committee), one
-- per level. `due` is a calendar date (YYYY-MM-DD, Stockholm time: the day ends at midnight).
CREATE TABLE deadline (
  id       INTEGER PRIMARY KEY,
  year     INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  kind     TEXT NOT NULL CHECK (kind IN ('T1','T2','FY')),
  org_id   INTEGER REFERENCES organisation(id) ON DELETE CASCADE,
  level    TEXT NOT NULL DEFAULT 'city' CHECK (level IN ('city','committee','administration','unit')),
  due      TEXT NOT NULL CHECK (due GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  set_by   INTEGER REFERENCES app_user(id),
  set_at   TEXT NOT NULL,
  CHECK ((org_id IS NULL) = (level = 'city'))
);
CREATE UNIQUE INDEX deadline_key ON deadline(year, kind, coalesce(org_id, 0), level);

-- setting: the city's configuration of the cycle, one row per key; the keys and their
-- meaning (documented in docs/web-follow-cycle.md):
--   lock_grace_days     days after the city's deadline during which a period's outcomes may
--                       still change; after them the period is locked (an administrator reopens)
--   committee_decision  when the committee's own decision (meeting date and paragraph) is
--                       recorded relative to the city's approval: 'before' (required before
--                       submitting), 'after' (recorded once approved) or 'either'
CREATE TABLE setting (
  key     TEXT PRIMARY KEY CHECK (key IN ('lock_grace_days','committee_decision')),
  value   TEXT NOT NULL,
  set_by  INTEGER REFERENCES app_user(id),
  set_at  TEXT
);
INSERT INTO setting (key, value) VALUES ('lock_grace_days', '14'), ('committee_decision', 'either');
