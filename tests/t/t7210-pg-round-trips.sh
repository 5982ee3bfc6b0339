#!/bin/sh
# t7210: the round trips of a request on PostgreSQL (store-pg.c) and what they must not break.
# A read transaction's BEGIN and the viewer's settings go out with its first statement, a view's
# ROLLBACK is not waited for, and the viewer is sent only when the session holds another one: on
# a server with one thread (one connection), a draft's goal shows to its organisation's editor
# and never to the anonymous request that follows, whatever came before on that connection (an
# editor's committed write, the editor's own view, a public view), nor to another organisation's
# editor. With LUP_SQL_PROFILE the backend writes a line per round trip: /healthz and a cached
# public view cost one. Meant for the PostgreSQL run (LUP_PG: the cluster's socket directory);
# skipped without it.
. "$(dirname "$0")/lib.sh"
pg_only t7210
PIDS=""
cleanup() {
	for p in $PIDS; do kill "$p" 2>/dev/null; done
	for p in $PIDS; do wait "$p" 2>/dev/null; done
	lib_cleanup
}
trap cleanup EXIT

L init >/dev/null 2>&1 && L demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "init and demo"; finish; }
OWN=spanga-tensta-stadsdelsnamnd
printf 'editorpassword1\n' | L user add own --role editor --org $OWN >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
T_own=$(L token create own 2>/dev/null)
T_other=$(L token create other 2>/dev/null)
expect_exit "a draft of the verksamhetsplan" 0 L plan new-version vp-2022-spanga-tensta
G=$(q "SELECT g.id FROM goal g JOIN plan_version pv ON pv.id = g.plan_version_id JOIN plan p ON p.id = pv.plan_id
  WHERE p.key = 'vp-2022-spanga-tensta' AND pv.status = 'draft' AND g.level = 'namndmal' ORDER BY g.id LIMIT 1")
GKEY=$(q "SELECT key FROM goal WHERE id = ${G:-0}")
DID=$(q "SELECT id FROM area WHERE key = 'spanga-tensta'")
# the goal above it lists its children through lup_reads (the viewer in the session settings)
UP=/api/v1/goals/$(q "SELECT parent_id FROM goal WHERE id = ${G:-0}")
q "UPDATE goal SET title = title || ' Qzrttord' WHERE id = ${G:-0}" >/dev/null
[ -n "$T_own" ] && [ -n "$T_other" ] && [ -n "$GKEY" ] && ok "an editor's token and a marked draft goal" || { nok "setup"; finish; }

# start NAME ARGS...: a one-thread server with the round-trip trace in $TMP/NAME.trace; sets BASE
start() {
	name=$1; shift
	rm -f "$TMP/port"
	LUP_SQL_PROFILE=1 "$LUP" --db "$P" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --threads 1 \
		--quiet "$@" >/dev/null 2>"$TMP/$name.trace" &
	PIDS="$PIDS $!"
	for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
	[ -s "$TMP/port" ] || { nok "lup serve starts"; finish; }
	BASE="http://127.0.0.1:$(cat "$TMP/port")"
}
# shows NAME PATH WANT [TOKEN]: whether GET PATH (as TOKEN's user, else anonymous) shows the mark
shows() {
	code=$(curl -s -o "$TMP/body" -w '%{http_code}' ${4:+-H "Authorization: Bearer $4"} "$BASE$2")
	if grep -q Qzrttord "$TMP/body"; then got=1; else got=0; fi
	if [ "$got" = "$3" ]; then ok "$1"; else nok "$1 (GET $2: $code, shows the draft: $got, expected $3)"; fi
}
# trips NAME: the round trips traced since the last call (a ROLLBACK not waited for is none)
SEEN=0
trips() {
	n=$(grep -c '^pg trip' "$TMP/$1.trace")
	r=$(grep -c '^pg trip ROLLBACK$' "$TMP/$1.trace")
	echo $(( n - r - SEEN ))
	SEEN=$(( n - r ))
}

start nocache --no-cache
for round in 1 2; do
	shows "$round: the editor sees the draft's goal (API)" "/api/v1/goals/$G" 1 "$T_own"
	shows "$round: ... then an anonymous caller does not" "/api/v1/goals/$G" 0
	shows "$round: the editor sees the draft's goal page" "/mal/$GKEY" 1 "$T_own"
	shows "$round: ... then an anonymous caller does not" "/mal/$GKEY" 0
	# a write of the editor commits in a transaction that set the editor's viewer: the session
	# keeps it after the COMMIT (unlike after a ROLLBACK)
	code=$(curl -s -o "$TMP/body" -w '%{http_code}' -X PUT -H "Authorization: Bearer $T_own" \
		-H 'Content-Type: application/json' --data "{\"due\":\"2022-05-0$round\"}" \
		"$BASE/api/v1/organisations/$OWN/deadlines/2022/T1/unit")
	expect_eq "$round: the editor's write commits" "$code" 200
	shows "$round: ... then the editor sees it among the children of the goal above" "$UP" 1 "$T_own"
	shows "$round: ... then an anonymous caller does not" "$UP" 0
	shows "$round: ... then the editor sees the draft's goal" "/api/v1/goals/$G" 1 "$T_own"
	shows "$round: ... then an anonymous caller does not" "/api/v1/goals/$G" 0
	shows "$round: ... nor on the page" "/mal/$GKEY" 0
	shows "$round: ... and the editor again does" "/mal/$GKEY" 1 "$T_own"
	shows "$round: the editor sees it among the children of the goal above" "$UP" 1 "$T_own"
	shows "$round: ... then an anonymous caller does not" "$UP" 0
	shows "$round: ... then the editor again does" "$UP" 1 "$T_own"
	shows "$round: ... then another organisation's editor does not" "$UP" 0 "$T_other"
	shows "$round: ... then the editor again does" "$UP" 1 "$T_own"
	shows "$round: ... then the editor again does" "$UP" 1 "$T_own"
	shows "$round: ... then an anonymous caller does not" "$UP" 0
done

# round trips: a warm connection answers /healthz in one (BEGIN + the schema version)
curl -s -o /dev/null "$BASE/healthz"
trips nocache >/dev/null
curl -s -o "$TMP/body" "$BASE/healthz"
expect_eq "/healthz is one round trip" "$(trips nocache)" 1
grep -q '"schema_version":' "$TMP/body" && ok "... and answers the schema version" || nok "/healthz's answer"
# its ROLLBACK goes out with its one read (store_read_last), not as a message of its own after
tail -1 "$TMP/nocache.trace" | grep -q '^pg trip BEGIN+query+ROLLBACK$' \
	&& ok "... which ends its read transaction in the same round trip" \
	|| { nok "/healthz ends its read transaction in its round trip"; tail -2 "$TMP/nocache.trace" >&2; }

# the main views on a warm connection (their statements prepared): a view's reads that do not
# depend on each other go out together (store_query_many), so each costs the round trips of its
# chain of dependent reads, not one per statement
# view_trips WANT PATH...: each path asked twice (the first prepares), the second costs WANT trips
view_trips() {
	want=$1; shift
	for path in "$@"; do
		curl -s -o /dev/null "$BASE$path"
		trips nocache >/dev/null
		code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
		expect_eq "GET $path ($code) is $want round trips" "$(trips nocache)" "$want"
	done
}
# the districts' list with their themes and prioritised areas in one
view_trips 1 /api/v1/districts
grep -q '^pg trip BEGIN+LIST_DISTRICTS_BY_ID+DISTRICTS_EXTRAS+ROLLBACK$' "$TMP/nocache.trace" \
	&& ok "... the list and its extras in one round trip" || nok "... the list and its extras in one round trip"
# the district with its six relations by its key in one, which ends the read transaction too;
# by id, the same in one
view_trips 1 /api/v1/districts/spanga-tensta
tail -1 "$TMP/nocache.trace" | grep -q '^pg trip BEGIN+DISTRICT_KEY_SHOW+DISTRICT_KEY_NEIGHBOURHOODS+.*+DISTRICT_KEY_ACTIVITIES+ROLLBACK$' \
	&& ok "... the district by key, its relations and the ROLLBACK in one round trip" \
	|| { nok "the district by key, its relations and the ROLLBACK in one round trip"; tail -2 "$TMP/nocache.trace" >&2; }
view_trips 1 /api/v1/districts/$DID
tail -1 "$TMP/nocache.trace" | grep -q '^pg trip BEGIN+SHOW_DISTRICT+REL_DISTRICT_NEIGHBOURHOODS+.*+REL_DISTRICT_ACTIVITIES+ROLLBACK$' \
	&& ok "... by id: the district and its relations in one round trip" \
	|| { nok "by id: the district and its relations in one round trip"; tail -2 "$TMP/nocache.trace" >&2; }
# the organisation by key, then the organisation with its relations in one
view_trips 2 /api/v1/organisations/$OWN
# by id: the goal with its relations, one round trip with the BEGIN
view_trips 1 "$UP"
# the organisation by key, then the goal chain's goals (the one read that computes the chain)
# with the reads that do not need it, then the reads given the goals' ids in one
view_trips 3 "/api/v1/organisations/$OWN/goal-chain?year=2022"
grep -q '^pg trip VC_INDICATORS+VC_OUTCOMES_YEAR+VC_ASSESSMENTS\(+ROLLBACK\)\{0,1\}$' "$TMP/nocache.trace" \
	&& ok "... the chain's reads given its goals' ids in one round trip" \
	|| { nok "the chain's reads given its goals' ids in one round trip"; tail -3 "$TMP/nocache.trace" >&2; }
# the city's six first reads together, then the chosen indicator's values and the chosen
# period's fulfilment together
view_trips 2 /
grep -q '^pg trip WEB_CITY_VALUES+WEB_CITY_FULFILMENT+ROLLBACK$' "$TMP/nocache.trace" \
	&& ok "... the chosen indicator's values and the fulfilment in one round trip" \
	|| nok "... the chosen indicator's values and the fulfilment in one round trip"
# the commission's matrix: its five reads in one
view_trips 1 /kommissionen
tail -1 "$TMP/nocache.trace" | grep -q '^pg trip BEGIN+WEB_FOLLOW_REPORTS+.*+WEB_FOLLOW_ADMINS+ROLLBACK$' \
	&& ok "... with its ROLLBACK" || { nok "the commission's reads with its ROLLBACK"; tail -2 "$TMP/nocache.trace" >&2; }
# the organisation, its aliases, years, the city and its plans' versions (with who decided
# them) together; the chain's goals with the districts' activities; the chain's reads given
# the goals' ids
view_trips 4 "/organisation/$OWN?ar=2022"
grep -q '^pg trip VC_RESULTS+VC_INDICATORS+VC_OUTCOMES_AREA+VC_ASSESSMENTS\(+ROLLBACK\)\{0,1\}$' "$TMP/nocache.trace" \
	&& ok "... the chain's reads given its goals' ids in one round trip" \
	|| { nok "the chain's reads given its goals' ids in one round trip"; tail -3 "$TMP/nocache.trace" >&2; }
grep -q '^pg trip WEB_PLACES_ORG+REL_ORG_ALIASES+WEB_PLACES_ORG_YEARS+WEB_PLACES_CITY+WEB_PLACES_ORG_PLAN_VERSIONS$' \
	"$TMP/nocache.trace" && ok "... the plans' versions with the organisation's first reads" \
	|| nok "... the plans' versions with the organisation's first reads"
# the district with its committee, its version, its activities, the contribution plans'
# versions, its neighbourhoods and its allocations; the sections' reads (with the contributions,
# the activities' owners and the allocations' organisations, the goals, their outcomes and the
# contributions' standing) together; the indicators: the comparison (with the overview's totals,
# since 0067, and its years, which were a read of their own until session 20), the chosen
# indicator's bars, line and targets together, the trajectories
view_trips 6 /stadsdel/spanga-tensta
grep -q '^pg trip WEB_PLACES_DISTRICT_BARS+WEB_PLACES_INDICATOR_SERIES+REL_INDICATOR_TARGETS$' \
	"$TMP/nocache.trace" && ok "... the chosen indicator's reads in one round trip" \
	|| nok "... the chosen indicator's reads in one round trip"
grep -q '^pg trip WEB_PLACES_DISTRICT_COMMITTEE+PV_DISTRICT_VERSION+WEB_PLACES_DISTRICT_ACTIVITIES+WEB_PLACES_CONTRIB_VERSIONS+WEB_PLACES_DISTRICT_NEIGHBOURHOODS+WEB_PLACES_DISTRICT_ALLOCATIONS$' \
	"$TMP/nocache.trace" && ok "... the district with its committee, its version, activities, neighbourhoods and allocations in one round trip" \
	|| nok "... the district with its committee, its version, activities, neighbourhoods and allocations in one round trip"
grep -q '^pg trip WEB_PLACES_DISTRICT_CONTRIB+WEB_PLACES_ORGS_BY_ID+.*+CB_DISTRICT_STATUS+PG_GOALS+PG_OUTCOMES$' "$TMP/nocache.trace" \
	&& ok "... the sections' reads with the goals and the standing in one round trip" \
	|| { nok "... the sections' reads with the goals and the standing in one round trip"
		grep 'WEB_PLACES_DISTRICT_CONTRIB' "$TMP/nocache.trace" | tail -1 >&2; }
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/districts/999999")
expect_eq "a district that does not exist is still 404" "$code" 404
kill $PIDS 2>/dev/null; wait $PIDS 2>/dev/null; PIDS=""

# with the cache: a cached public view costs one round trip (BEGIN + the data generation)
start cached
SEEN=0
curl -s -o /dev/null "$BASE/api/v1/districts"
curl -s -o /dev/null "$BASE/api/v1/districts"
trips cached >/dev/null
curl -s -o "$TMP/body" -w '%{http_code}' "$BASE/api/v1/districts" >"$TMP/code"
expect_eq "a cached public view answers" "$(cat "$TMP/code")" 200
expect_eq "... in one round trip" "$(trips cached)" 1
grep -q '^pg trip BEGIN+DATA_GENERATION$' "$TMP/cached.trace" && ok "... BEGIN and the data generation together" \
	|| { nok "BEGIN and the data generation together"; tail -5 "$TMP/cached.trace" >&2; }
shows "a cached view: the editor sees the draft's goal page" "/mal/$GKEY" 1 "$T_own"
shows "... then an anonymous caller does not" "/mal/$GKEY" 0
shows "a cached view: the editor sees it among the children of the goal above" "$UP" 1 "$T_own"
shows "... then an anonymous caller does not" "$UP" 0
finish
