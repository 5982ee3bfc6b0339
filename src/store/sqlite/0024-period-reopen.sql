-- 0024-period-reopen.sql: an administrator's reopening of a locked period.
--
-- A period's outcomes lock when the city's deadline for its report (deadline, 0021: org_id NULL,
-- level 'city') plus the setting 'lock_grace_days' has passed (edit/period-lock.h). A reopening
-- lets outcomes of the period be written again, for one organisation (org_id; its
-- committee/administration pair too) or for all (org_id NULL), through the day `until`
-- (YYYY-MM-DD, Stockholm date) inclusive. The reason is required; every reopening is also in
-- the audit log (entity 'period_reopen').
CREATE TABLE period_reopen (
  id           INTEGER PRIMARY KEY,
  period_id    INTEGER NOT NULL REFERENCES period(id),
  org_id       INTEGER REFERENCES organisation(id) ON DELETE CASCADE,
  reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  until        TEXT NOT NULL CHECK (until GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  reopened_by  INTEGER REFERENCES app_user(id),
  reopened_at  TEXT NOT NULL
);
CREATE INDEX period_reopen_period ON period_reopen(period_id);
