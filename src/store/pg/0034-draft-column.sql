-- 0034-draft-column.sql (PostgreSQL): the publication rule kept as a column. goal.draft,
-- activity.draft and indicator.draft are 1 exactly when the row belongs to a draft plan version:
-- by its own plan_version_id or, for an activity or an indicator, by its goal's plan_version_id
-- (the rule of PV_OF_GOAL/PV_OF_ACTIVITY/PV_OF_INDICATOR in store/sql-public.h). The membership
-- test in the set of drafts and of their goals was a hashed subplan per statement and a probe
-- per row of every list, count, chain and search; the column makes PUB_* a comparison.
--
-- Kept by the triggers below (SQLite's migration 0034 keeps it the same way): a row's own
-- value is set before its insert and before a change of its plan_version_id or goal_id; a
-- goal's insert, change of plan_version_id and delete set its activities and indicators anew;
-- a plan version's insert as a draft, change of status or id and delete set its rows anew. Any
-- writer (the forms, the API, the importers, the bulk loader's INSERT ... SELECT, a new draft
-- copied from a version, `lup copy` in any order of its rows) goes through them. `lup check`
-- compares every row with the full rule.
ALTER TABLE goal ADD COLUMN draft bigint NOT NULL DEFAULT 0 CHECK (draft IN (0,1));
ALTER TABLE activity ADD COLUMN draft bigint NOT NULL DEFAULT 0 CHECK (draft IN (0,1));
ALTER TABLE indicator ADD COLUMN draft bigint NOT NULL DEFAULT 0 CHECK (draft IN (0,1));

-- lup_draft_of(plan_version_id, goal_id): the rule for one row, 0 or 1 (goal_id NULL for a goal).
CREATE FUNCTION lup_draft_of(pv bigint, gid bigint) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT (EXISTS (SELECT 1 FROM plan_version WHERE id = pv AND status = 'draft')
    OR EXISTS (SELECT 1 FROM goal g JOIN plan_version v ON v.id = g.plan_version_id
               WHERE g.id = gid AND v.status = 'draft'))::int::bigint
$$;

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

-- A row itself, before it is written.
CREATE FUNCTION lup_draft_goal_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.draft := lup_draft_of(NEW.plan_version_id, NULL);
  RETURN NEW;
END $$;

CREATE FUNCTION lup_draft_item_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.draft := lup_draft_of(NEW.plan_version_id, NEW.goal_id);
  RETURN NEW;
END $$;

CREATE TRIGGER goal_draft_row BEFORE INSERT OR UPDATE OF plan_version_id ON goal
  FOR EACH ROW EXECUTE FUNCTION lup_draft_goal_row();
CREATE TRIGGER activity_draft_row BEFORE INSERT OR UPDATE OF plan_version_id, goal_id ON activity
  FOR EACH ROW EXECUTE FUNCTION lup_draft_item_row();
CREATE TRIGGER indicator_draft_row BEFORE INSERT OR UPDATE OF plan_version_id, goal_id ON indicator
  FOR EACH ROW EXECUTE FUNCTION lup_draft_item_row();

-- lup_draft_reset_goals(ids): the activities and indicators of the goals ids set anew (those
-- whose value changes only).
CREATE FUNCTION lup_draft_reset_goals(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE activity a SET draft = lup_draft_of(a.plan_version_id, a.goal_id)
    WHERE a.goal_id = ANY (ids) AND a.draft <> lup_draft_of(a.plan_version_id, a.goal_id);
  UPDATE indicator i SET draft = lup_draft_of(i.plan_version_id, i.goal_id)
    WHERE i.goal_id = ANY (ids) AND i.draft <> lup_draft_of(i.plan_version_id, i.goal_id);
$$;

-- lup_draft_reset_versions(ids): the goals of the plan versions ids, their activities and
-- indicators and those of their goals set anew.
CREATE FUNCTION lup_draft_reset_versions(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE goal g SET draft = lup_draft_of(g.plan_version_id, NULL)
    WHERE g.plan_version_id = ANY (ids) AND g.draft <> lup_draft_of(g.plan_version_id, NULL);
  UPDATE activity a SET draft = lup_draft_of(a.plan_version_id, a.goal_id)
    WHERE (a.plan_version_id = ANY (ids) OR a.goal_id IN (SELECT id FROM goal WHERE plan_version_id = ANY (ids)))
    AND a.draft <> lup_draft_of(a.plan_version_id, a.goal_id);
  UPDATE indicator i SET draft = lup_draft_of(i.plan_version_id, i.goal_id)
    WHERE (i.plan_version_id = ANY (ids) OR i.goal_id IN (SELECT id FROM goal WHERE plan_version_id = ANY (ids)))
    AND i.draft <> lup_draft_of(i.plan_version_id, i.goal_id);
$$;

-- A goal's activities and indicators: after a statement that writes goals (a copy may write
-- them before their goal) or deletes them, those of its goals; after a goal moves to another
-- version, those of that goal.
CREATE FUNCTION lup_draft_goal_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lup_draft_reset_goals(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION lup_draft_goal_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lup_draft_reset_goals(ARRAY(SELECT id FROM old_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION lup_draft_goal_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lup_draft_reset_goals(ARRAY[NEW.id]);
  RETURN NULL;
END $$;

CREATE TRIGGER goal_draft_insert AFTER INSERT ON goal REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lup_draft_goal_insert();
CREATE TRIGGER goal_draft_delete AFTER DELETE ON goal REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lup_draft_goal_delete();
CREATE TRIGGER goal_draft_moved AFTER UPDATE OF plan_version_id ON goal
  FOR EACH ROW WHEN (OLD.plan_version_id IS DISTINCT FROM NEW.plan_version_id)
  EXECUTE FUNCTION lup_draft_goal_moved();

-- A plan version's rows: after a draft is written (a copy writes content before its version),
-- after a version becomes a draft or stops being one (adoption) or changes id, after a draft is
-- deleted (the rows its cascade leaves, if any).
CREATE FUNCTION lup_draft_version_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lup_draft_reset_versions(ARRAY(SELECT id FROM new_rows WHERE status = 'draft'));
  RETURN NULL;
END $$;

CREATE FUNCTION lup_draft_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM lup_draft_reset_versions(ARRAY[OLD.id]);
  ELSE
    PERFORM lup_draft_reset_versions(ARRAY[OLD.id, NEW.id]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER plan_version_draft_insert AFTER INSERT ON plan_version REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lup_draft_version_insert();
CREATE TRIGGER plan_version_draft_update AFTER UPDATE OF status, id ON plan_version
  FOR EACH ROW WHEN ((OLD.status = 'draft') <> (NEW.status = 'draft') OR OLD.id <> NEW.id)
  EXECUTE FUNCTION lup_draft_version_changed();
CREATE TRIGGER plan_version_draft_delete AFTER DELETE ON plan_version
  FOR EACH ROW WHEN (OLD.status = 'draft')
  EXECUTE FUNCTION lup_draft_version_changed();
