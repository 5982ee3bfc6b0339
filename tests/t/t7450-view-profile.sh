#!/bin/sh
# t7450: the main views read the database without a sort per row (issue 15). With LUP_SQL_PROFILE
# set, the SQLite backend prints for every statement run its name and SQLite's counters (virtual
# machine steps, full-scan steps, sorts, automatic-index rows: store-sqlite.c profile_cb). For
# the organisation page, the goal chain, the district page, the city page, /kommissionen, the
# districts list (/api/v1/districts), the city matrix and the commitment ledger (uncached) the
# script checks the number of statements each runs, that no statement sorts more than twice (a
# sort per row or per group shows as one sort per row or group) or builds an automatic index (a
# join without an index), that the
# statements of the organisation page, the goal chain and the district page scan no table of
# more than 100 rows in full, and that /kommissionen's list of administrations scans only the
# commission document's.
# SQLite only: the profile counts SQLite's virtual machine.
. "$(dirname "$0")/lib.sh"
if on_pg; then pg_skip "LUP_SQL_PROFILE counts SQLite's virtual machine"; finish; fi
DB="$TMP/lup.db"
"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
for f in "$SEEDS"/002_*.txt; do [ -f "$f" ] && "$LUP" --db "$DB" import commission "$f" >/dev/null; done
LUP_SQL_PROFILE=1
export LUP_SQL_PROFILE
# serve's start, with --no-cache: every view from the database
rm -f "$TMP/port"
"$LUP" --db "$DB" serve --no-cache --listen 127.0.0.1:0 --port-file "$TMP/port" >/dev/null 2>"$TMP/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; lib_cleanup' EXIT
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
[ -s "$TMP/port" ] || { nok "lup serve starts"; finish; }
BASE="http://127.0.0.1:$(cat "$TMP/port")"

# profile PATH: the profile lines of the lup statements (not the backend's own: BEGIN, pragmas)
# of one request of PATH, in $TMP/prof as "NAME VM SCAN SORT AUTOINDEX"; the request before it
# prepares what a connection prepares once
profile() {
	curl -s -o /dev/null "$BASE$1"
	n=$(wc -l < "$TMP/server.log")
	curl -s -o "$TMP/body" "$BASE$1"
	# the read ends with ROLLBACK: its line may follow the answer by a moment
	for i in $(seq 50); do
		tail -n +$((n + 1)) "$TMP/server.log" | grep -q '^sql - .*ROLLBACK' && break
		sleep 0.1
	done
	tail -n +$((n + 1)) "$TMP/server.log" | awk '$1 == "sql" && $2 != "-" { print $2, $4, $6, $8, $10 }' > "$TMP/prof"
}

# view NAME PATH STATEMENTS [SCAN_MAX]: PATH runs STATEMENTS statements, none sorting more than
# twice or building an automatic index (nor, with SCAN_MAX, scanning more rows in full)
view() {
	profile "$2"
	expect_eq "$1: $3 statements" "$(wc -l < "$TMP/prof" | tr -d ' ')" "$3"
	bad=$(awk '$4 > 2 { print $1 " sorts " $4 " times" }' "$TMP/prof")
	[ -z "$bad" ] && ok "$1: no statement sorts per row" || nok "$1: $(echo $bad)"
	bad=$(awk '$5 > 0 { print $1 " builds an automatic index of " $5 " rows" }' "$TMP/prof")
	[ -z "$bad" ] && ok "$1: no automatic index" || nok "$1: $(echo $bad)"
	if [ -n "${4:-}" ]; then
		bad=$(awk -v m="$4" '$3 > m { print $1 " scans " $3 " rows" }' "$TMP/prof")
		[ -z "$bad" ] && ok "$1: no statement scans more than $4 rows" || nok "$1: $(echo $bad)"
	fi
}

ORG=spanga-tensta-stadsdelsnamnd
# (its plans' versions with who decided them are one read: were the plans, each plan's versions
# and two reads per deciding organisation)
# (the activities' district links come with the activities: were a read of their own)
# (the area tree that maps the links to districts only when a link leaves the organisation's own
# district: Spånga-Tensta's all name Spånga-Tensta; were 14)
view "organisation page" "/organisation/$ORG?ar=2022" 13 100
expect_eq "... not the area tree" "$(grep -c '^WEB_PLACES_ORG_AREA_DISTRICTS' "$TMP/prof")" 0
profile /organisation/socialforvaltningen
expect_eq "an organisation without a district reads the area tree (once)" \
	"$(grep -c '^WEB_PLACES_ORG_AREA_DISTRICTS' "$TMP/prof")" 1
expect_eq "... the activities with their districts in one read" "$(grep -c '^VC_ACTIV' "$TMP/prof")" 1
# the organisation and the chain's reads of what the JSON shows (were 7: not the goals' results
# nor the activities and their districts, which it does not show)
view "goal chain" "/api/v1/organisations/$ORG/goal-chain?year=2022" 6 100
# the indicators' part reads the district the page has read already (were 3 statements more)
# (the contribution plans' versions and the activities' owners are two more reads: the page
# tells its activities' contributions by the versions rather than walking the places' links
# again, 0059, and reads each owner once rather than joining it to each activity; the
# sparklines' totals come with the comparison, one row per indicator from 0067's
# derived_district_fy: were a read of their own; the measures' sources are a read of their own,
# 0070, where the measures' read probed provenance per measure; the district and its committee
# are one read; the years with outcomes, a read of their own until session 20, come with the
# comparison)
view "district page" /stadsdel/spanga-tensta 27 100
# its resources and the activities there by indexes (were scans of every allocation and of a
# materialised list), the contributions from the contribution plans (was every activity)
for s in WEB_PLACES_DISTRICT_ALLOCATIONS WEB_PLACES_DISTRICT_ACTIVITIES; do
	expect_eq "... $s scans nothing" "$(awk -v s=$s '$1 == s { print $3 }' "$TMP/prof")" 0
done
# the indicators as one list and each full year's indicators as one range of an index (were one
# statement seeking a table per indicator and year)
view "city page" / 9
# the districts list: each district's LUP version found by two max() (was a sort per plan in
# every statement that picks it: 15, 44 and 29 sorts); the measures and activities counted by the
# page from one statement of links, parents, drafts and counts (was a count(DISTINCT) per district)
view "districts page" /stadsdelar 4
# the organisations list: the organisations, the districts' committees and the counts per owner,
# joined by the page (was one statement with an automatic index)
view "organisations list" /organisationer 3
view "commission page" /kommissionen 5
# the administrations of the commission document are read from its list (some 30 rows), not by
# a scan of every organisation (210 in the demo) looked up in that list
admins=$(sqlite3 "$DB" "SELECT count(*) FROM commission_admin")
scan=$(awk '$1 == "WEB_FOLLOW_ADMINS" { print $3 }' "$TMP/prof")
[ -n "$scan" ] && [ "$admins" -gt 0 ] && [ "$scan" -le "$admins" ] &&
	ok "... WEB_FOLLOW_ADMINS scans the document's $admins administrations" ||
	nok "... WEB_FOLLOW_ADMINS scans ${scan:-?} rows (the document lists $admins administrations)"
# the districts list: the districts, then their themes and prioritised areas in one statement
view "districts list" /api/v1/districts 2
# the city matrix: the districts, the LUP plans' adopted versions, the links as narrow rows and
# the texts of their organisations, none sorted (the link statement sorted its rows through the
# collation; its organisations' and districts' texts were joined per row)
view "city matrix" /stadsdelar/samverkan 4
view "city matrix (API)" "/api/v1/views/organisations-districts?links=1" 4
bad=$(awk '$4 > 0 { print $1 " sorts" }' "$TMP/prof")
[ -z "$bad" ] && ok "... no statement sorts" || nok "... $(echo $bad)"
# the commitment ledger: plain reads in two goes (its three statements built the parties and
# members as common table expressions, read through automatic indexes: 101 and 44 rows)
view "commitment ledger" "/uppfoljning/atagande?ar=2022&period=T1" 9
view "commitment ledger (API)" "/api/v1/views/commitments?year=2022&period=T1" 9
bad=$(awk '$4 > 0 { print $1 " sorts" }' "$TMP/prof")
[ -z "$bad" ] && ok "... no statement sorts" || nok "... $(echo $bad)"
# an organisation named loosely (by its alias) is found by an index, not a scan
profile "/api/v1/organisations/SDN%20Sp%C3%A5nga-Tensta/goal-chain?year=2022"
expect_eq "an organisation by its alias: ORG_ID_LOOSE scans nothing" \
	"$(awk '$1 == "ORG_ID_LOOSE" { print $3 }' "$TMP/prof")" 0
finish
