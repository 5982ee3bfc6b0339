-- 0038-goal-ancestors.sql (PostgreSQL): the twin of SQLite's 0038, each goal with itself and
-- every goal above it (reached through parent_id), kept by row triggers on goal, so that an
-- organisation's goal chain is one join instead of a recursive query in each of the chain's
-- statements. Named derived_: `lup copy` and the schema comparison leave it out, a copy fills it
-- through the triggers, and `lup check` compares it with the goals' parent links.
CREATE TABLE derived_goal_ancestor (
  goal_id bigint NOT NULL,
  ancestor_id bigint NOT NULL,
  PRIMARY KEY (goal_id, ancestor_id)
);
CREATE INDEX derived_goal_ancestor_up ON derived_goal_ancestor (ancestor_id);

-- derived_goal_ancestor_refresh(roots): the rows of the goals roots and of every goal below them
-- written anew from the goals' parent links (an id with no goal row is reached and stops the walk,
-- as in the recursive query the table stands for).
CREATE FUNCTION derived_goal_ancestor_refresh(roots bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM derived_goal_ancestor WHERE goal_id IN (WITH RECURSIVE down(id) AS (SELECT unnest(roots)
    UNION SELECT g.id FROM goal g JOIN down ON g.parent_id = down.id) SELECT id FROM down);
  INSERT INTO derived_goal_ancestor (goal_id, ancestor_id)
    WITH RECURSIVE down(id) AS (SELECT unnest(roots) UNION SELECT g.id FROM goal g JOIN down ON g.parent_id = down.id),
    up(goal_id, ancestor_id) AS (SELECT id, id FROM down
      UNION SELECT up.goal_id, g.parent_id FROM up JOIN goal g ON g.id = up.ancestor_id WHERE g.parent_id IS NOT NULL)
    SELECT goal_id, ancestor_id FROM up WHERE goal_id IN (SELECT id FROM goal);
$$;

INSERT INTO derived_goal_ancestor (goal_id, ancestor_id)
  WITH RECURSIVE up(goal_id, ancestor_id) AS (SELECT id, id FROM goal
    UNION SELECT up.goal_id, g.parent_id FROM up JOIN goal g ON g.id = up.ancestor_id WHERE g.parent_id IS NOT NULL)
  SELECT goal_id, ancestor_id FROM up;

-- A goal added or moved: its rows and those of the goals below it anew; a goal removed: its rows
-- go, and those of the goals below it are written anew.
CREATE FUNCTION derived_goal_ancestor_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM derived_goal_ancestor_refresh(ARRAY[new.id]);
  ELSIF TG_OP = 'UPDATE' THEN
    IF old.id IS DISTINCT FROM new.id OR old.parent_id IS DISTINCT FROM new.parent_id THEN
      DELETE FROM derived_goal_ancestor WHERE goal_id = old.id;
      PERFORM derived_goal_ancestor_refresh(ARRAY[new.id]);
    END IF;
  ELSE
    DELETE FROM derived_goal_ancestor WHERE goal_id = old.id;
    PERFORM derived_goal_ancestor_refresh(ARRAY(SELECT id FROM goal WHERE parent_id = old.id));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER derived_goal_ancestor_sync AFTER INSERT OR DELETE OR UPDATE OF id, parent_id ON goal
  FOR EACH ROW EXECUTE FUNCTION derived_goal_ancestor_sync();
