#!/bin/sh
# t1120: `lup import plan` again on a database that holds more than the document: the expected
# results, the Årsmål / KF:s årsmål and the money rows the document no longer has are deleted,
# each with an audit entry holding the deleted row; a nämndmål the document lacks is kept and
# reported. (The prune statements: IMP_PLAN_RESULT_PRUNE*, IMP_PLAN_TARGET_DEL*,
# IMP_PLAN_BUDGET_PRUNE*, IMP_PLAN_STALE; on PostgreSQL as on SQLite.)
. "$(dirname "$0")/lib.sh"
DOC="$SEEDS/003_ce7d5800f43c1901.txt"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$@"; }
VP=vp-2022-spanga-tensta

expect_exit "init" 0 L init
expect_exit "import 003" 0 L import plan "$DOC" --json
# what the document does not have: a 99th expected result of nämndmål 01, a money row 999 in the
# first money table, a KF:s årsmål for the first indicator whose KF:s årsmål cell is empty, a
# nämndmål 99
Q "INSERT INTO goal_result (goal_id, ord, text, source) SELECT id, 99, 'extra result', 'test'
	FROM goal WHERE key = '$VP-nm-01'"
Q "INSERT INTO budget_line (plan_version_id, tbl, ord, label, col, amount_mnkr)
	SELECT plan_version_id, tbl, 999, 'Extra row', col, 12.5 FROM budget_line
	WHERE id = (SELECT min(id) FROM budget_line)"
Q "INSERT INTO target (indicator_id, year, kind, mode, value, unit, text)
	SELECT i.id, 2022, 'kf', 'number', 3.5, '%', 'extra target' FROM indicator i
	WHERE i.key LIKE '$VP-i-%' AND NOT EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = i.id
	AND t.kind = 'kf') ORDER BY i.id LIMIT 1"
Q "INSERT INTO goal (key, owner_id, level, title) SELECT '$VP-nm-99', owner_id, 'namndmal', 'Stale'
	FROM goal WHERE key = '$VP-nm-01'"
expect_eq "the extra rows are there" "$(Q "SELECT (SELECT count(*) FROM goal_result WHERE ord = 99)
	|| ' ' || (SELECT count(*) FROM budget_line WHERE ord = 999)
	|| ' ' || (SELECT count(*) FROM target WHERE text = 'extra target')")" "1 1 1"

expect_exit "import 003 again" 0 L import plan "$DOC" --json
expect_eq "three rows change (the three deleted)" "$(jq .changed "$TMP/out")" 3
expect_eq "the rows the document lacks are gone" "$(Q "SELECT (SELECT count(*) FROM goal_result WHERE ord = 99)
	|| ' ' || (SELECT count(*) FROM budget_line WHERE ord = 999)
	|| ' ' || (SELECT count(*) FROM target WHERE text = 'extra target')")" "0 0 0"
expect_eq "each deletion is audited once" \
	"$(Q "SELECT entity FROM audit WHERE action = 'delete' ORDER BY entity" | tr '\n' ' ')" \
	"budget_line goal_result target "
expect_eq "the audit entries name the import's actor" \
	"$(Q "SELECT count(*) FROM audit WHERE action = 'delete' AND actor = 'lup import' AND at LIKE '____-__-__T__:__:__Z'")" 3
expect_eq "the expected result's entry holds the deleted row" \
	"$(Q "SELECT count(*) FROM audit a JOIN goal g ON g.id = a.entity_id WHERE a.entity = 'goal_result'
		AND g.key = '$VP-nm-01' AND a.before LIKE '%\"ord\"%99%' AND a.before LIKE '%extra result%'")" 1
expect_eq "the money row's entry holds the deleted row" \
	"$(Q "SELECT count(*) FROM audit WHERE entity = 'budget_line' AND before LIKE '%Extra row%'
		AND before LIKE '%999%' AND before LIKE '%12.5%'")" 1
expect_eq "the target's entry holds the deleted row" \
	"$(Q "SELECT count(*) FROM audit a JOIN indicator i ON i.id = a.entity_id WHERE a.entity = 'target'
		AND a.before LIKE '%extra target%' AND a.before LIKE '%3.5%' AND a.before LIKE '%\"kf\"%'")" 1
expect_eq "the nämndmål the document lacks is kept" "$(Q "SELECT count(*) FROM goal WHERE key = '$VP-nm-99'")" 1
expect_eq "and reported" \
	"$(jq -r '.warnings[] | select(.message | test("inte i detta dokument")) | .message' "$TMP/out")" \
	"nämndmålet $VP-nm-99 finns i databasen men inte i detta dokument: behålls"
expect_exit "import 003 a third time" 0 L import plan "$DOC" --json
expect_eq "and then nothing changes" "$(jq .changed "$TMP/out")" 0
expect_exit "lup check passes" 0 L check
finish
