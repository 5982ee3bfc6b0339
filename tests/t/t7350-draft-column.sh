#!/bin/sh
# t7350: the publication rule kept as a column (migration 0034): goal.draft, activity.draft and
# indicator.draft are 1 exactly when the row belongs to a draft plan version, by its own
# plan_version_id or (activity, indicator) its goal's. The column is compared with the rule,
# stated here in SQL of its own, after the demo load, a new draft made from the adopted
# version, goals, activities and indicators added to the draft and moved between versions, the
# draft adopted, a version made a draft again by hand, a rollover, a plan document imported as
# a new version, a plan import, a draft deleted, and `lup copy`; `lup check` reports a row
# whose draft was set wrong behind the triggers' back, naming table and id. On both backends.
. "$(dirname "$0")/lib.sh"
DB="$TMP/draft.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "${2:-$DB}" "$1"; }
# qr SQL DB: SQL on the SQLite file DB with the real sqlite3 (in the PostgreSQL run too)
qr() { command sqlite3 "$2" "$1"; }
QF=q
# rule(t): the rule for row t of activity or indicator, 0 or 1
rule() {
	echo "CASE WHEN EXISTS (SELECT 1 FROM plan_version v WHERE v.id = $1.plan_version_id AND v.status = 'draft')
	  OR EXISTS (SELECT 1 FROM goal rg JOIN plan_version v ON v.id = rg.plan_version_id
	  WHERE rg.id = $1.goal_id AND v.status = 'draft') THEN 1 ELSE 0 END"
}
# stale [DB]: (with $QF: q, or qr for an SQLite file) the rows whose draft differs from the rule
stale() {
	$QF "SELECT (SELECT count(*) FROM goal g WHERE g.draft <> CASE WHEN EXISTS (SELECT 1 FROM plan_version v
	    WHERE v.id = g.plan_version_id AND v.status = 'draft') THEN 1 ELSE 0 END)
	  + (SELECT count(*) FROM activity a WHERE a.draft <> $(rule a))
	  + (SELECT count(*) FROM indicator i WHERE i.draft <> $(rule i))" "${1:-$DB}"
}
# drafts [DB]: the draft goals, activities and indicators
drafts() {
	$QF "SELECT (SELECT count(*) FROM goal WHERE draft = 1) || ' ' || (SELECT count(*) FROM activity WHERE draft = 1)
	  || ' ' || (SELECT count(*) FROM indicator WHERE draft = 1)" "${1:-$DB}"
}
# step NAME WANT: after NAME the drafts are WANT and no row is stale
step() { expect_eq "$1: drafts $2, none stale" "$(drafts) / $(stale)" "$2 / 0"; }
VP=vp-2022-spanga-tensta
pv() { echo "(SELECT v.id FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE p.key = '$1' AND v.version = $2)"; }
OWNER="(SELECT id FROM organisation WHERE key = 'spanga-tensta-stadsdelsnamnd')"
G1="(SELECT min(id) FROM goal WHERE plan_version_id = $(pv $VP 1))"

L demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
step "the demo" "0 0 0"
expect_exit "lup check passes on the demo" 0 L check

# a new draft from the adopted version: its copies are drafts, the adopted rows are not
expect_exit "lup plan new-version" 0 L plan new-version $VP
step "a new draft of $VP" "20 152 74"
G2="(SELECT min(id) FROM goal WHERE plan_version_id = $(pv $VP 2))"

# rows added to the draft, and to the adopted version
q "INSERT INTO goal (key, owner_id, plan_version_id, level, title) VALUES
	('t7350-g', $OWNER, $(pv $VP 2), 'namndmal', 'Ett nytt mål')"
step "a goal added to the draft" "21 152 74"
q "INSERT INTO activity (key, owner_id, title, goal_id) VALUES
	('t7350-a1', $OWNER, 'Under det nya målet', (SELECT id FROM goal WHERE key = 't7350-g')),
	('t7350-a2', $OWNER, 'Under ett antaget mål', $G1)"
q "INSERT INTO activity (key, owner_id, title, goal_id, plan_version_id) VALUES
	('t7350-a3', $OWNER, 'I utkastet, under ett antaget mål', $G1, $(pv $VP 2))"
q "INSERT INTO indicator (key, owner_id, name, goal_id) VALUES ('t7350-i', $OWNER, 'Ny indikator', $G1)"
step "activities and an indicator added (by goal, by version)" "21 154 74"

# moves between versions
q "UPDATE goal SET plan_version_id = $(pv $VP 1) WHERE key = 't7350-g'"
step "the new goal moved to the adopted version: its activity follows" "20 153 74"
q "UPDATE activity SET goal_id = $G2 WHERE key = 't7350-a2'"
q "UPDATE indicator SET goal_id = $G2 WHERE key = 't7350-i'"
step "an activity and an indicator moved under a draft goal" "20 154 75"
q "UPDATE indicator SET goal_id = NULL, plan_version_id = $(pv $VP 2) WHERE key = 't7350-i'"
step "the indicator moved to the draft by its own version" "20 154 75"
q "UPDATE activity SET plan_version_id = NULL WHERE key = 't7350-a3'"
step "an activity taken out of the draft" "20 153 75"
q "UPDATE goal SET plan_version_id = $(pv $VP 2) WHERE key = 't7350-g'"
step "the new goal moved back to the draft" "21 154 75"

# lup check: a draft set wrong by hand is reported, naming table and id
expect_exit "lup check passes with a draft" 0 L check
A3=$(q "SELECT id FROM activity WHERE key = 't7350-a3'")
q "UPDATE activity SET draft = 1 - draft WHERE key = 't7350-a3'"
expect_exit "lup check fails on a draft set wrong" 1 L check
expect_out "... naming the table and the id" "activity $A3 (t7350-a3): draft is 1"
q "UPDATE goal SET draft = 0 WHERE key = 't7350-g'"
expect_exit "lup check fails on a goal set wrong" 1 L check
expect_out "... naming it" "goal $(q "SELECT id FROM goal WHERE key = 't7350-g'") (t7350-g): draft is 0"
q "UPDATE activity SET draft = 1 - draft WHERE key = 't7350-a3'"
q "UPDATE goal SET draft = 1 WHERE key = 't7350-g'"
expect_exit "lup check passes when they are right again" 0 L check

# lup copy writes tables in name order (activity before goal before plan_version): the copy's
# column is the rule too
C="$TMP/copy.db"
rm -f "$C"
"$LUP_REAL" --db "$C" init >/dev/null 2>&1
if on_pg; then SRC=$("$ROOT/tests/tools/pg-db" url "$DB"); else SRC=$DB; fi
expect_exit "lup copy into SQLite" 0 "$LUP_REAL" copy "$SRC" "$C" --replace
QF=qr; got="$(drafts "$C") / $(stale "$C")"; QF=q
expect_eq "the copy: the same drafts, none stale" "$got" "$(drafts) / 0"
if on_pg; then
	B="$TMP/back.db"
	L2() { "$LUP" --db "$B" "$@"; }
	L2 init >/dev/null 2>&1
	expect_exit "lup copy back into PostgreSQL" 0 "$LUP_REAL" copy "$C" "$("$ROOT/tests/tools/pg-db" url "$B")" --replace
	expect_eq "PostgreSQL's copy: the same drafts, none stale" "$(drafts "$B") / $(stale "$B")" "$(drafts) / 0"
fi

# adoption, and a version made a draft again and back
expect_exit "the draft adopted" 0 L plan adopt $VP --version 2 --date 2023-05-04 --paragraph 7 --dnr SDN-2023/1
step "after the adoption" "0 0 0"
q "UPDATE plan_version SET status = 'draft' WHERE id = $(pv $VP 2)"
step "the version made a draft by hand" "21 154 75"
q "UPDATE plan_version SET status = 'decided' WHERE id = $(pv $VP 2)"
step "and decided again" "0 0 0"

# a rollover makes a draft plan of the next year
expect_exit "lup plan rollover" 0 L plan rollover $VP --year 2023
R=$(q "SELECT count(*) FROM goal g JOIN plan_version v ON v.id = g.plan_version_id WHERE v.status = 'draft'")
[ "$R" -gt 0 ] && ok "the rollover's draft has goals ($R)" || nok "the rollover's draft has goals ($R)"
expect_eq "after the rollover none is stale" "$(stale)" 0
expect_eq "... and its goals are drafts" "$(q "SELECT count(*) FROM goal WHERE draft = 1")" "$R"

# a plan document imported as a new version (a draft), then that draft deleted
P=lupplan-2017-socialforvaltningen
expect_exit "export a plan document" 0 L export json plan $P -o "$TMP/p.json"
before=$(drafts)
expect_exit "import it as a new version" 0 L import json "$TMP/p.json"
expect_eq "its activities are drafts" "$(q "SELECT count(*) FROM activity WHERE draft = 1
	AND plan_version_id = $(pv $P 2)")" "$(q "SELECT count(*) FROM activity WHERE plan_version_id = $(pv $P 1)")"
expect_eq "after the import none is stale" "$(stale)" 0
# (the sqlite3 shell enforces foreign keys, and so cascades, only when asked)
if on_pg; then FK=; else FK="PRAGMA foreign_keys = ON; "; fi
q "${FK}DELETE FROM plan_version WHERE id = $(pv $P 2)"
expect_eq "the draft's activities are gone with it" "$(q "SELECT count(*) FROM activity a
	WHERE NOT EXISTS (SELECT 1 FROM plan_version v WHERE v.id = a.plan_version_id) AND a.plan_version_id IS NOT NULL")" 0
expect_eq "the draft deleted: the drafts as before, none stale" "$(drafts) / $(stale)" "$before / 0"

# a plan import (the verksamhetsplan's document, on top of the data)
expect_exit "lup import plan" 0 L import plan "$SEEDS/003_ce7d5800f43c1901.txt"
expect_eq "after the plan import none is stale" "$(stale)" 0
expect_exit "lup check passes at the end" 0 L check
finish
