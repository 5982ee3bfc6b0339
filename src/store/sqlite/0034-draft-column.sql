-- 0034-draft-column.sql: the publication rule kept as a column. goal.draft, activity.draft and
-- indicator.draft are 1 exactly when the row belongs to a draft plan version: by its own
-- plan_version_id or, for an activity or an indicator, by its goal's plan_version_id (the rule
-- of PV_OF_GOAL/PV_OF_ACTIVITY/PV_OF_INDICATOR in store/sql-public.h). Testing membership in the
-- set of drafts and of their goals cost about 24 VM steps per row of every list, count, chain
-- and search, even with no draft at all; the column makes PUB_* a comparison.
--
-- Kept by the triggers below, which compute the rule from plan_version (a version is a draft
-- when its status is 'draft'): a row's insert and a change of its plan_version_id or goal_id; a
-- goal's insert, change of plan_version_id and delete (its activities and indicators follow);
-- a plan version's insert, change of status or id and delete. Any writer (the forms, the API,
-- the importers, the bulk loader, a new draft copied from a version, `lup copy`, whatever the
-- order of its rows) goes through them. `lup check` compares every row with the full rule.
ALTER TABLE goal ADD COLUMN draft INTEGER NOT NULL DEFAULT 0 CHECK (draft IN (0,1));
ALTER TABLE activity ADD COLUMN draft INTEGER NOT NULL DEFAULT 0 CHECK (draft IN (0,1));
ALTER TABLE indicator ADD COLUMN draft INTEGER NOT NULL DEFAULT 0 CHECK (draft IN (0,1));

UPDATE goal SET draft = 1
  WHERE plan_version_id IN (SELECT id FROM plan_version WHERE status = 'draft');
UPDATE activity SET draft = 1
  WHERE plan_version_id IN (SELECT id FROM plan_version WHERE status = 'draft')
  OR goal_id IN (SELECT id FROM goal WHERE draft = 1);
UPDATE indicator SET draft = 1
  WHERE plan_version_id IN (SELECT id FROM plan_version WHERE status = 'draft')
  OR goal_id IN (SELECT id FROM goal WHERE draft = 1);

-- The draft rows by owner, for the counts that take them away from counts of all rows
-- (DRAFT_GOAL, DRAFT_ACTIVITY): small, since drafts are few.
CREATE INDEX goal_draft ON goal(owner_id) WHERE draft = 1;
CREATE INDEX activity_draft ON activity(owner_id) WHERE draft = 1;

-- A row itself: when its draft differs from the rule (an insert of a row of a draft, a copied
-- row written before its version), it is set.
CREATE TRIGGER goal_draft_ai AFTER INSERT ON goal
  WHEN new.draft IS NOT EXISTS (SELECT 1 FROM plan_version WHERE id = new.plan_version_id AND status = 'draft')
BEGIN
  UPDATE goal SET draft = 1 - draft WHERE id = new.id;
END;

CREATE TRIGGER goal_draft_au AFTER UPDATE OF plan_version_id ON goal
  WHEN new.draft IS NOT EXISTS (SELECT 1 FROM plan_version WHERE id = new.plan_version_id AND status = 'draft')
BEGIN
  UPDATE goal SET draft = 1 - draft WHERE id = new.id;
END;

CREATE TRIGGER activity_draft_ai AFTER INSERT ON activity
  WHEN new.draft IS NOT (EXISTS (SELECT 1 FROM plan_version WHERE id = new.plan_version_id AND status = 'draft')
    OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
               WHERE g.id = new.goal_id AND v.status = 'draft'))
BEGIN
  UPDATE activity SET draft = 1 - draft WHERE id = new.id;
END;

CREATE TRIGGER activity_draft_au AFTER UPDATE OF plan_version_id, goal_id ON activity
  WHEN new.draft IS NOT (EXISTS (SELECT 1 FROM plan_version WHERE id = new.plan_version_id AND status = 'draft')
    OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
               WHERE g.id = new.goal_id AND v.status = 'draft'))
BEGIN
  UPDATE activity SET draft = 1 - draft WHERE id = new.id;
END;

CREATE TRIGGER indicator_draft_ai AFTER INSERT ON indicator
  WHEN new.draft IS NOT (EXISTS (SELECT 1 FROM plan_version WHERE id = new.plan_version_id AND status = 'draft')
    OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
               WHERE g.id = new.goal_id AND v.status = 'draft'))
BEGIN
  UPDATE indicator SET draft = 1 - draft WHERE id = new.id;
END;

CREATE TRIGGER indicator_draft_au AFTER UPDATE OF plan_version_id, goal_id ON indicator
  WHEN new.draft IS NOT (EXISTS (SELECT 1 FROM plan_version WHERE id = new.plan_version_id AND status = 'draft')
    OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
               WHERE g.id = new.goal_id AND v.status = 'draft'))
BEGIN
  UPDATE indicator SET draft = 1 - draft WHERE id = new.id;
END;

-- A goal's activities and indicators: when the goal is written (a copy may write them before
-- it), moved to another version, or deleted, those of its id are set anew (an index probe that
-- finds nothing for most goals).
CREATE TRIGGER goal_draft_deps_ai AFTER INSERT ON goal
BEGIN
  UPDATE activity SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = activity.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = activity.goal_id AND v.status = 'draft'))
    WHERE goal_id = new.id;
  UPDATE indicator SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = indicator.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = indicator.goal_id AND v.status = 'draft'))
    WHERE goal_id = new.id;
END;

CREATE TRIGGER goal_draft_deps_au AFTER UPDATE OF plan_version_id ON goal
  WHEN old.plan_version_id IS NOT new.plan_version_id
BEGIN
  UPDATE activity SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = activity.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = activity.goal_id AND v.status = 'draft'))
    WHERE goal_id = new.id;
  UPDATE indicator SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = indicator.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = indicator.goal_id AND v.status = 'draft'))
    WHERE goal_id = new.id;
END;

CREATE TRIGGER goal_draft_deps_ad AFTER DELETE ON goal
BEGIN
  UPDATE activity SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = activity.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = activity.goal_id AND v.status = 'draft'))
    WHERE goal_id = old.id;
  UPDATE indicator SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = indicator.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = indicator.goal_id AND v.status = 'draft'))
    WHERE goal_id = old.id;
END;

-- A plan version's rows (its goals, its own activities and indicators, those of its goals):
-- set anew when a version is written as a draft (a copy writes content before its version),
-- when a version becomes a draft or stops being one (adoption) or changes id, and when a
-- draft is deleted (the rows its cascade leaves, if any).
CREATE TRIGGER plan_version_draft_ai AFTER INSERT ON plan_version WHEN new.status = 'draft'
BEGIN
  UPDATE goal SET draft = 1 WHERE plan_version_id = new.id;
  UPDATE activity SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = activity.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = activity.goal_id AND v.status = 'draft'))
    WHERE plan_version_id = new.id OR goal_id IN (SELECT id FROM goal WHERE plan_version_id = new.id);
  UPDATE indicator SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = indicator.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = indicator.goal_id AND v.status = 'draft'))
    WHERE plan_version_id = new.id OR goal_id IN (SELECT id FROM goal WHERE plan_version_id = new.id);
END;

CREATE TRIGGER plan_version_draft_au AFTER UPDATE OF status, id ON plan_version
  WHEN (old.status = 'draft') <> (new.status = 'draft') OR old.id <> new.id
BEGIN
  UPDATE goal SET draft = EXISTS (SELECT 1 FROM plan_version WHERE id = goal.plan_version_id AND status = 'draft')
    WHERE plan_version_id IN (old.id, new.id);
  UPDATE activity SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = activity.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = activity.goal_id AND v.status = 'draft'))
    WHERE plan_version_id IN (old.id, new.id) OR goal_id IN (SELECT id FROM goal WHERE plan_version_id IN (old.id, new.id));
  UPDATE indicator SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = indicator.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = indicator.goal_id AND v.status = 'draft'))
    WHERE plan_version_id IN (old.id, new.id) OR goal_id IN (SELECT id FROM goal WHERE plan_version_id IN (old.id, new.id));
END;

CREATE TRIGGER plan_version_draft_ad AFTER DELETE ON plan_version WHEN old.status = 'draft'
BEGIN
  UPDATE goal SET draft = 0 WHERE plan_version_id = old.id;
  UPDATE activity SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = activity.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = activity.goal_id AND v.status = 'draft'))
    WHERE plan_version_id = old.id OR goal_id IN (SELECT id FROM goal WHERE plan_version_id = old.id);
  UPDATE indicator SET draft = (EXISTS (SELECT 1 FROM plan_version WHERE id = indicator.plan_version_id AND status = 'draft')
      OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
                 WHERE g.id = indicator.goal_id AND v.status = 'draft'))
    WHERE plan_version_id = old.id OR goal_id IN (SELECT id FROM goal WHERE plan_version_id = old.id);
END;
