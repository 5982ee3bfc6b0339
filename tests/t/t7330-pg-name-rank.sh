#!/bin/sh
# t7330: PostgreSQL's derived_org_name_rank (migration 0030): each organisation's rank in the
# order of the organisations' names (COLLATE sv), kept by a trigger, by which the long lists of
# activities and contributions sort on PostgreSQL instead of by the name itself. The ranks
# follow every insert, rename and delete, also from two transactions at once; the lists come
# in the same order as on SQLite, also after a rename that moves an owner (Ö sorts after S in
# Swedish); `lup copy` leaves the table out one way and fills it the other. Meant for the
# PostgreSQL run (LUP_PG: the cluster's socket directory); skipped without it.
. "$(dirname "$0")/lib.sh"
pg_only t7330
S="$TMP/rank.db"

# stale DB: the organisations of database DB (default ours) whose rank differs from the one
# their name has, or which have none, and the ranks of organisations that are gone
stale() {
	psql -X -q -At -v ON_ERROR_STOP=1 -h "$LUP_PG" -d "${1:-$PGNAME}" -c "
	SELECT count(*) FROM (SELECT id, rank() OVER (ORDER BY name COLLATE sv) AS rk FROM organisation) x
	  FULL JOIN derived_org_name_rank r ON r.organisation_id = x.id
	  WHERE x.id IS NULL OR r.organisation_id IS NULL OR r.rank <> x.rk"
}
# owners BACKEND: the owners of Spånga-Tensta's activities in the order the district lists them
owners() { "$LUP_REAL" --db "$1" show district spanga-tensta --json | jq -r '.activities[].owner' | uniq | tr '\n' ' '; }

L init >/dev/null 2>&1 && L demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "init and demo"; finish; }
"$LUP_REAL" --db "$S" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo on SQLite"; finish; }
n=$(q "SELECT count(*) FROM derived_org_name_rank")
expect_eq "every organisation of the demo has a rank" "$n" "$(q "SELECT count(*) FROM organisation")"
expect_eq "the demo's ranks are those of the names" "$(stale)" 0

before=$(owners "$P")
expect_eq "Spånga-Tensta's activities: Socialförvaltningen's first, as on SQLite" "$before" "$(owners "$S")"
case $before in socialforvaltningen\ spanga-tensta-stadsdelsnamnd*) ok "the order before the rename is S before Sp";;
	*) nok "the order before the rename (got '$before')";; esac

# a rename that moves the owner to the end: Ö after every other letter in Swedish
q "UPDATE organisation SET name = 'Östra socialförvaltningen' WHERE key = 'socialforvaltningen'"
command sqlite3 "$S" "UPDATE organisation SET name = 'Östra socialförvaltningen' WHERE key = 'socialforvaltningen'"
expect_eq "after a rename the ranks are those of the names" "$(stale)" 0
after=$(owners "$P")
expect_eq "after the rename the activities come in SQLite's order" "$after" "$(owners "$S")"
case $after in spanga-tensta-stadsdelsnamnd\ socialforvaltningen*) ok "the renamed owner's activities come last";;
	*) nok "the renamed owner's activities come last (got '$after')";; esac
expect_eq "the district's activities read the same on both" \
	"$("$LUP_REAL" --db "$P" show district spanga-tensta --json | jq -c '[.activities[] | [.key, .owner]]')" \
	"$("$LUP_REAL" --db "$S" show district spanga-tensta --json | jq -c '[.activities[] | [.key, .owner]]')"

# inserts and a delete
q "INSERT INTO organisation (key, name, kind) VALUES ('aaa-t7330', 'Aaa-nämnden', 'other_public'),
	('zzz-t7330', 'Zäta-nämnden', 'other_public')"
expect_eq "after an insert of two the ranks are those of the names" "$(stale)" 0
expect_eq "the first name has rank 1" "$(q "SELECT r.rank FROM derived_org_name_rank r JOIN organisation o
	ON o.id = r.organisation_id WHERE o.key = 'aaa-t7330'")" 1
q "DELETE FROM organisation WHERE key IN ('aaa-t7330', 'zzz-t7330')"
expect_eq "after a delete no rank is left over and the rest are right" "$(stale)" 0

# two transactions at once, each adding an organisation: the second waits for the first and
# then ranks both
for k in 1 2; do
	psql -X -q -At -v ON_ERROR_STOP=1 -h "$LUP_PG" -d "$PGNAME" -c "BEGIN" \
		-c "INSERT INTO organisation (key, name, kind) VALUES ('t7330-$k', 'Mellan $k', 'other_public')" \
		-c "SELECT pg_sleep(0.5)" -c "COMMIT" > "$TMP/tx$k" 2>&1 &
	eval "pid$k=\$!"
done
wait "$pid1"; r1=$?; wait "$pid2"; r2=$?
expect_eq "two transactions adding organisations at once both commit" "$r1 $r2" "0 0"
expect_eq "after them the ranks are those of the names" "$(stale)" 0

# lup copy: out of PostgreSQL without the table, into PostgreSQL with it filled
expect_exit "lup copy PostgreSQL -> SQLite" 0 "$LUP_REAL" copy "$P" "$TMP/back.db"
expect_eq "the SQLite copy has no derived_org_name_rank" \
	"$(command sqlite3 "$TMP/back.db" "SELECT count(*) FROM sqlite_master WHERE name = 'derived_org_name_rank'")" 0
P2NAME=$(pg_db t7330b)
P2="postgresql:///$P2NAME?host=$LUP_PG"
expect_exit "lup copy SQLite -> PostgreSQL" 0 "$LUP_REAL" copy "$S" "$P2"
expect_eq "the PostgreSQL copy's ranks are those of the names" "$(stale "$P2NAME")" 0
expect_eq "the copy lists the activities as SQLite" "$(owners "$P2")" "$(owners "$S")"
finish
