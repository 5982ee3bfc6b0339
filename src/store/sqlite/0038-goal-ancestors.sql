-- 0038-goal-ancestors.sql: each goal with itself and every goal above it (its parent, the
-- parent's parent, ...), kept by row triggers on goal. An organisation's goal chain for a year is
-- its goals and everything above them; the goal chain's and the organisation page's statements
-- each computed it with a recursive query (view/chain.c: four or five times per request, about
-- 260,000 instructions each on the demo, most of it SQLite's temporary tables for the recursion's
-- queue and its duplicates). Read from this table the chain is one join. Named derived_ as the
-- other tables kept by triggers: `lup copy` and the schema comparison leave it out, a copy fills
-- it through the triggers, and `lup check` compares it with the goals' parent links.
--
-- A goal's rows are the ids reached from it through parent_id, the goal itself included, as the
-- recursive query reached them (an id with no goal row, a link left dangling while the foreign
-- keys are deferred, is reached and stops the walk).
CREATE TABLE derived_goal_ancestor (
  goal_id     INTEGER NOT NULL,
  ancestor_id INTEGER NOT NULL,
  PRIMARY KEY (goal_id, ancestor_id)
) WITHOUT ROWID;
CREATE INDEX derived_goal_ancestor_up ON derived_goal_ancestor (ancestor_id);

INSERT INTO derived_goal_ancestor (goal_id, ancestor_id)
  WITH RECURSIVE up(goal_id, ancestor_id) AS (SELECT id, id FROM goal
    UNION SELECT up.goal_id, g.parent_id FROM up JOIN goal g ON g.id = up.ancestor_id WHERE g.parent_id IS NOT NULL)
  SELECT goal_id, ancestor_id FROM up;

-- A goal added, or moved under another: the rows of the goal and of every goal below it are
-- written anew (a goal may come before its children or after them: a copy writes them in id
-- order with the foreign keys deferred).
CREATE TRIGGER derived_goal_ancestor_ai AFTER INSERT ON goal
BEGIN
  DELETE FROM derived_goal_ancestor WHERE goal_id IN (WITH RECURSIVE down(id) AS (SELECT new.id
    UNION SELECT g.id FROM goal g JOIN down ON g.parent_id = down.id) SELECT id FROM down);
  INSERT INTO derived_goal_ancestor (goal_id, ancestor_id)
    WITH RECURSIVE down(id) AS (SELECT new.id UNION SELECT g.id FROM goal g JOIN down ON g.parent_id = down.id),
    up(goal_id, ancestor_id) AS (SELECT id, id FROM down
      UNION SELECT up.goal_id, g.parent_id FROM up JOIN goal g ON g.id = up.ancestor_id WHERE g.parent_id IS NOT NULL)
    SELECT goal_id, ancestor_id FROM up;
END;

CREATE TRIGGER derived_goal_ancestor_au AFTER UPDATE OF id, parent_id ON goal
  WHEN old.id IS NOT new.id OR old.parent_id IS NOT new.parent_id
BEGIN
  DELETE FROM derived_goal_ancestor WHERE goal_id = old.id;
  DELETE FROM derived_goal_ancestor WHERE goal_id IN (WITH RECURSIVE down(id) AS (SELECT new.id
    UNION SELECT g.id FROM goal g JOIN down ON g.parent_id = down.id) SELECT id FROM down);
  INSERT INTO derived_goal_ancestor (goal_id, ancestor_id)
    WITH RECURSIVE down(id) AS (SELECT new.id UNION SELECT g.id FROM goal g JOIN down ON g.parent_id = down.id),
    up(goal_id, ancestor_id) AS (SELECT id, id FROM down
      UNION SELECT up.goal_id, g.parent_id FROM up JOIN goal g ON g.id = up.ancestor_id WHERE g.parent_id IS NOT NULL)
    SELECT goal_id, ancestor_id FROM up;
END;

-- A goal removed: its own rows go, and the goals below it (left for the moment with a parent
-- that no longer exists: the foreign key refuses the removal unless they go in the same statement
-- or the keys are deferred) are written anew, reaching the removed id and stopping there, as the
-- recursive query would.
CREATE TRIGGER derived_goal_ancestor_ad AFTER DELETE ON goal
BEGIN
  DELETE FROM derived_goal_ancestor WHERE goal_id = old.id;
  DELETE FROM derived_goal_ancestor WHERE goal_id IN (WITH RECURSIVE down(id) AS (SELECT id FROM goal
    WHERE parent_id = old.id UNION SELECT g.id FROM goal g JOIN down ON g.parent_id = down.id) SELECT id FROM down);
  INSERT INTO derived_goal_ancestor (goal_id, ancestor_id)
    WITH RECURSIVE down(id) AS (SELECT id FROM goal WHERE parent_id = old.id
      UNION SELECT g.id FROM goal g JOIN down ON g.parent_id = down.id),
    up(goal_id, ancestor_id) AS (SELECT id, id FROM down
      UNION SELECT up.goal_id, g.parent_id FROM up JOIN goal g ON g.id = up.ancestor_id WHERE g.parent_id IS NOT NULL)
    SELECT goal_id, ancestor_id FROM up;
END;
