-- 0022-report-cycle.sql: the follow-up report's cycle (edit/report.h, docs/web-follow-cycle.md).
--
-- report_event: every step of a report, kept as history (the return comment is no longer
-- overwritten by the approval): created, submitted, returned (comment required), approved
-- (optional comment), decision (the committee's own decision: meeting date and paragraph) and
-- reopened (kept for an administrator's reopening). `at` is UTC ("2026-05-15T09:30:00Z").
CREATE TABLE report_event (
  id            INTEGER PRIMARY KEY,
  report_id     INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  at            TEXT NOT NULL,
  user_id       INTEGER REFERENCES app_user(id),
  step          TEXT NOT NULL CHECK (step IN ('created','submitted','returned','approved','decision','reopened')),
  comment       TEXT,
  meeting_date  TEXT CHECK (meeting_date IS NULL OR meeting_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  paragraph     TEXT
);
CREATE INDEX report_event_report ON report_event(report_id, id);

-- The committee's decision as it stands (the latest 'decision' event).
ALTER TABLE report ADD COLUMN decision_date TEXT;
ALTER TABLE report ADD COLUMN decision_paragraph TEXT;

-- carried: the row was copied from the previous report of the year (T1 -> T2 -> VB) and has
-- not been edited since; any write of the row clears it.
ALTER TABLE assessment ADD COLUMN carried INTEGER NOT NULL DEFAULT 0 CHECK (carried IN (0,1));
ALTER TABLE activity_update ADD COLUMN carried INTEGER NOT NULL DEFAULT 0 CHECK (carried IN (0,1));

-- The history of the reports written before this migration, as far as the report row tells it:
-- the latest submission and the latest decision with its comment.
INSERT INTO report_event (report_id, at, user_id, step)
  SELECT id, submitted_at, submitted_by, 'submitted' FROM report WHERE submitted_at IS NOT NULL;
INSERT INTO report_event (report_id, at, user_id, step, comment)
  SELECT id, decided_at, decided_by, CASE WHEN status = 'approved' THEN 'approved' ELSE 'returned' END, comment
  FROM report WHERE decided_at IS NOT NULL AND status IN ('approved', 'returned');
