#!/bin/sh
# t7346: derived_goal_ancestor (migration 0038, both backends): each goal with itself and every
# goal above it, kept by row triggers on goal, from which the goal chain's statements read an
# organisation's chain. The rows follow the demo load, a goal added under another, a goal moved
# (the goals below it follow), a goal removed, a new plan version (its goals copied) and its
# adoption, `lup copy`, and on SQLite a child written before its parent (foreign keys deferred);
# the goal chain API shows a goal's new ancestors after a move; `lup check` reports rows made
# wrong behind the triggers' back.
. "$(dirname "$0")/lib.sh"
DB="$TMP/anc.db"
q() { sqlite3 "${2:-$DB}" "$1"; }
# stale [DB]: the rows in one of the table and the goals' parent links and not in the other
stale() {
	q "WITH RECURSIVE up(goal_id, ancestor_id) AS (SELECT id, id FROM goal
	    UNION SELECT up.goal_id, g.parent_id FROM up JOIN goal g ON g.id = up.ancestor_id WHERE g.parent_id IS NOT NULL)
	SELECT (SELECT count(*) FROM (SELECT goal_id, ancestor_id FROM up
	    EXCEPT SELECT goal_id, ancestor_id FROM derived_goal_ancestor) x)
	  + (SELECT count(*) FROM (SELECT goal_id, ancestor_id FROM derived_goal_ancestor
	    EXCEPT SELECT goal_id, ancestor_id FROM up) y)" "${1:-$DB}"
}
# ups KEY: the keys of goal KEY's ancestors as the table gives them, in key order
ups() {
	q "SELECT a.key FROM derived_goal_ancestor d JOIN goal g ON g.id = d.goal_id
	   JOIN goal a ON a.id = d.ancestor_id WHERE g.key = '$1' AND a.id <> g.id ORDER BY a.key" | tr '\n' ' '
}
id() { q "SELECT id FROM goal WHERE key = '$1'"; }
ST=spanga-tensta-stadsdelsnamnd

"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
expect_eq "the demo's rows are those of the goals' parent links" "$(stale)" 0
expect_eq "a nämndmål's ancestors: its verksamhetsområdesmål and their inriktningsmål" \
	"$(ups vp-2022-spanga-tensta-nm-01)" "kf-2022-1 kf-2022-1-1 "
expect_eq "every goal is its own ancestor" \
	"$(q "SELECT count(*) FROM goal g WHERE NOT EXISTS (SELECT 1 FROM derived_goal_ancestor d WHERE d.goal_id = g.id AND d.ancestor_id = g.id)")" 0

ST_ID=$(q "SELECT id FROM organisation WHERE key = '$ST'")
q "INSERT INTO goal (key, owner_id, level, title, parent_id, year)
   VALUES ('t7346-a', $ST_ID, 'namndmal', 'Ett nytt nämndmål', $(id kf-2022-2-1), 2022)"
expect_eq "a goal added: its ancestors" "$(ups t7346-a)" "kf-2022-2 kf-2022-2-1 "
expect_eq "... and the rows are those of the links" "$(stale)" 0

# a goal moved under another: it and the goals below it get the new ancestors
q "UPDATE goal SET parent_id = $(id kf-2022-3) WHERE key = 'kf-2022-2-1'"
expect_eq "a goal moved: the goal below it follows" "$(ups t7346-a)" "kf-2022-2-1 kf-2022-3 "
expect_eq "... and the rows are those of the links" "$(stale)" 0
serve "$DB"
req "the goal chain after the move" 200 GET "/api/v1/organisations/$ST/goal-chain?year=2022"
expect_eq "the goal chain holds the moved goal's new parent" \
	"$(jq -r '[.goals[].key] | map(select(. == "kf-2022-3" or . == "kf-2022-2-1" or . == "t7346-a")) | sort | join(" ")' "$TMP/body")" \
	"kf-2022-2-1 kf-2022-3 t7346-a"
q "UPDATE goal SET parent_id = $(id kf-2022-2) WHERE key = 'kf-2022-2-1'"
expect_eq "moved back" "$(ups t7346-a) $(stale)" "kf-2022-2 kf-2022-2-1  0"

# a goal removed: its rows go
q "DELETE FROM goal WHERE key = 't7346-a'"
expect_eq "a goal removed: its rows go" "$(q "SELECT count(*) FROM derived_goal_ancestor WHERE goal_id NOT IN (SELECT id FROM goal)") $(stale)" "0 0"

# a new version of the plan copies its goals; adopting it keeps the rows right
n0=$(q "SELECT count(*) FROM derived_goal_ancestor")
expect_exit "lup plan new-version" 0 "$LUP" --db "$DB" plan new-version vp-2022-spanga-tensta
n1=$(q "SELECT count(*) FROM derived_goal_ancestor")
[ "$n1" -gt "$n0" ] && ok "the draft's copied goals have rows ($n0 -> $n1)" || nok "the draft's copied goals have rows ($n0 -> $n1)"
expect_eq "... and the rows are those of the links" "$(stale)" 0
expect_exit "lup plan adopt" 0 "$LUP" --db "$DB" plan adopt vp-2022-spanga-tensta --version 2 --date 2022-03-01 \
	--paragraph 7 --dnr 1.2.3-4/2022
expect_eq "after the adoption the rows are those of the links" "$(stale)" 0
expect_exit "lup check passes" 0 "$LUP" --db "$DB" check

# a copy leaves the table out and fills it through the triggers
if on_pg; then
	F=$(db_file "$DB")
	expect_eq "a copy into SQLite: the rows are those of the links" "$(command sqlite3 "$F" "SELECT count(*) FROM derived_goal_ancestor") $(command sqlite3 "$F" "SELECT count(*) FROM derived_goal_ancestor d JOIN goal g ON g.id = d.goal_id")" "$n1 $n1"
else
	expect_exit "lup copy" 0 "$LUP" copy "$DB" "$TMP/copy.db"
	expect_eq "a copy: the rows are those of the links" "$(stale "$TMP/copy.db") $(q "SELECT count(*) FROM derived_goal_ancestor" "$TMP/copy.db")" "0 $n1"
fi

# a child written before its parent (SQLite's deferred foreign keys, as a copy may write them)
if on_pg; then pg_skip "a child before its parent (deferred keys: SQLite's PRAGMA)"; else
	q "PRAGMA foreign_keys = ON; PRAGMA defer_foreign_keys = ON; BEGIN;
	   INSERT INTO goal (id, key, owner_id, level, title, parent_id) VALUES (90002, 't7346-c', $ST_ID, 'namndmal', 'c', 90001);
	   INSERT INTO goal (id, key, owner_id, level, title, parent_id) VALUES (90001, 't7346-p', $ST_ID, 'verksamhetsomradesmal', 'p', $(id kf-2022-1));
	   COMMIT;"
	expect_eq "a child before its parent: the child gets the parent's ancestors" "$(ups t7346-c) $(stale)" "kf-2022-1 t7346-p  0"
fi

# rows made wrong behind the triggers' back
q "DELETE FROM derived_goal_ancestor WHERE goal_id = $(id vp-2022-spanga-tensta-nm-01) AND ancestor_id <> goal_id"
expect_exit "lup check fails on missing rows" 1 "$LUP" --db "$DB" check
expect_out "... naming the table and the count" "derived_goal_ancestor: 2 goal and ancestor rows differ"
q "INSERT INTO derived_goal_ancestor (goal_id, ancestor_id) VALUES ($(id kf-2022-1), $(id kf-2022-2))"
expect_exit "lup check fails on a row too many" 1 "$LUP" --db "$DB" check
expect_out "... counting it" "derived_goal_ancestor: 3 goal and ancestor rows differ"
finish
