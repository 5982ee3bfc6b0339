#!/bin/sh
# t7460-cache-scope.sh: a write drops only the cached views it may change (issue 15), exactly, in
# every `lup serve` process on the database (issue 14; docs/api.md "Caching"). Two servers run
# on one database (one SQLite file; on PostgreSQL one database); each cached answer says
# X-Lup-Cache: hit or miss. After each write every view on both servers that may show it is made
# anew and shows it, and the views of other organisations stay cached (Rinkeby-Kista's page and
# goal chain; the city council's page, whose chain holds Spånga-Tensta's goals' parents, not
# Spånga-Tensta's goals):
# 1. an outcome through the API of the first server (replacing example data: public): the
#    organisation's page and goal chain, the city page and the district page;
# 2. an assessment in a draft report through the second server: the editor's page and goal chain;
#    the public's views stay cached (drafts are not public) and do not show it;
# 3. the same figure again (now unpublished before and after), then through the indicator's
#    form on the second server: the editor's views; the public's stay cached;
# 4. the report submitted and approved: the public's views show the assessment and the figure,
#    the city council's page too is made anew (its goals carry Spånga-Tensta's indicators);
# 5. `lup import csv` (an entry the cache does not map) drops everything.
. "$(dirname "$0")/lib.sh"

DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
S2=
T7460_EXIT='kill $SERVER $S2 2>/dev/null; lib_cleanup'

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'editorpassword1\n' | L user add own --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
TOK=$(L token create own 2>/dev/null)
CITY=$(L token create city 2>/dev/null)
[ -n "$TOK" ] && [ -n "$CITY" ] && ok "tokens for the editor and the city office" || nok "tokens"

serve "$DB"
trap "$T7460_EXIT" EXIT
S1=$BASE
rm -f "$TMP/port2"
"$LUP" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$TMP/port2" >/dev/null 2>"$TMP/server2.log" &
S2=$!
for i in $(seq 100); do [ -s "$TMP/port2" ] && break; sleep 0.1; done
[ -s "$TMP/port2" ] || { nok "the second server starts"; sed 's/^/    /' "$TMP/server2.log" >&2; finish; }
BASE2="http://127.0.0.1:$(cat "$TMP/port2")"
login jar own editorpassword1

A=/organisation/spanga-tensta-stadsdelsnamnd?ar=2022
AC=/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=2022
B=/organisation/rinkeby-kista-stadsdelsnamnd
BC=/api/v1/organisations/rinkeby-kista-stadsdelsnamnd/goal-chain?year=2022
KF=/organisation/kommunfullmaktige?ar=2022
IND=vp-2022-spanga-tensta-i-010
GOAL=vp-2022-spanga-tensta-nm-01

# get SERVER PATH WHO: GET PATH from SERVER as WHO (anon, the editor's cookie jar, the editor's
# token); the body in $TMP/b; prints the X-Lup-Cache header's value (none: "-")
get() {
	case $3 in
	anon) set -- "$1" "$2" ;;
	jar) set -- "$1" "$2" -b "$TMP/jar" ;;
	tok) set -- "$1" "$2" -H "Authorization: Bearer $TOK" ;;
	esac
	u=$1$2; shift 2
	curl -s -o "$TMP/body" -D "$TMP/h" "$@" "$u"
	v=$(grep -i '^x-lup-cache:' "$TMP/h" | cut -d' ' -f2 | tr -d '\r')
	echo "${v:--}"
}
# warm: every view on both servers, twice (the second answer comes from the cache)
warm() {
	for s in "$S1" "$BASE2"; do
		for p in "$A jar" "$A anon" "$AC tok" "$B anon" "$B jar" "$BC tok" "$KF anon" "/ anon" "/stadsdel/spanga-tensta anon"; do
			set -- $p
			get "$s" "$1" "$2" >/dev/null
			c=$(get "$s" "$1" "$2")
			[ "$c" = hit ] || nok "$s$1 as $2 is cached once read (X-Lup-Cache: $c)"
		done
	done
}
# value SERVER: the goal chain's T2 figure of $IND in Spånga-Tensta on SERVER (the editor's view)
value() {
	get "$1" "$AC" tok >/dev/null
	jq -r '.. | objects | select(.key? == "'$IND'") | .outcomes[] |
		select(.period == "T2" and .area == "spanga-tensta" and .sex == "T") | .value' "$TMP/body"
}
# kept NAME SERVER: the views of other organisations are still cached on SERVER
kept() {
	cached "$1: Rinkeby-Kista's page stays cached" "$2" "$B" anon hit
	cached "$1: ... also the editor's copy" "$2" "$B" jar hit
	cached "$1: Rinkeby-Kista's goal chain stays cached" "$2" "$BC" tok hit
	cached "$1: the city council's page stays cached" "$2" "$KF" anon hit
}
# city NAME SERVER: the city-wide views were dropped on SERVER
city() {
	cached "$1: the city page is made anew" "$2" / anon miss
	cached "$1: the district page is made anew" "$2" /stadsdel/spanga-tensta anon miss
}
# cached NAME SERVER PATH WHO WANT: GET PATH from SERVER as WHO answers X-Lup-Cache: WANT
cached() { expect_eq "$1" "$(get "$2" "$3" "$4")" "$5"; }
# shows NAME SERVER PATH WHO TEXT: GET PATH from SERVER as WHO shows TEXT
shows() { get "$2" "$3" "$4" >/dev/null; has "$1" "$5"; }
# on_both WHAT CHECKS: runs the function CHECKS SERVER NAME for each server, NAME saying WHAT and
# which server ("WHAT, first server")
on_both() {
	for s in "$S1" "$BASE2"; do
		if [ "$s" = "$S1" ]; then w=first; else w=second; fi
		"$2" "$s" "$1, $w server"
	done
}

warm
ok "every view is cached on both servers once read"

# 1. an outcome through the API of the first server
req "an outcome through the first server" 200 POST /api/v1/outcomes \
	'{"indicator":"'$IND'","period":"2022-T2","area":"spanga-tensta","value":61.7}' "$TOK"
outcome() { # SERVER NAME
	expect_eq "$2: the goal chain shows it" "$(value "$1")" 61.7
	expect_eq "$2: ... made anew" "$(grep -i '^x-lup-cache:' "$TMP/h" | cut -d' ' -f2 | tr -d '\r')" miss
	shows "$2: the organisation page shows it" "$1" "$A" jar '61,7'
	city "$2" "$1"
	kept "$2" "$1"
}
on_both outcome outcome

# 2. an assessment through the API of the second server, in a draft report: the public does not
# see drafts (the publication rule), so the anonymous views stay cached; the editor's are made anew
BASE=$BASE2
req "a report through the second server" 201 POST /api/v1/reports '{"org":"spanga-tensta-stadsdelsnamnd","period":"2022-T2"}' "$TOK"
REP=$(jb .id)
BASE=$S1
warm
BASE=$BASE2
req "an assessment through the second server" 200 PUT "/api/v1/reports/$REP/assessments/$GOAL" \
	'{"assessment":"none","analysis":"Cachetestets analys av perioden."}' "$TOK"
BASE=$S1
draft() { # SERVER NAME
	cached "$2: the editor's goal chain is made anew" "$1" "$AC" tok miss
	has "$2: ... and shows it" 'Cachetestets analys'
	shows "$2: the editor's organisation page shows it" "$1" "$A" jar 'Cachetestets analys'
	cached "$2: the public's organisation page stays cached (drafts are not public)" "$1" "$A" anon hit
	hasnt "$2: ... without the draft" 'Cachetestets analys'
	cached "$2: the public's city page stays cached" "$1" / anon hit
	kept "$2" "$1"
}
on_both "draft assessment" draft

# 3. the same figure again (no longer example data, its period has no approved report): hidden
# from the public before and after, so only the editor's views are made anew
warm
req "the figure again through the first server" 200 POST /api/v1/outcomes \
	'{"indicator":"'$IND'","period":"2022-T2","area":"spanga-tensta","value":62.4}' "$TOK"
unpublished() { # SERVER NAME
	expect_eq "$2: the editor's goal chain shows it" "$(value "$1")" 62.4
	shows "$2: the editor's organisation page shows it" "$1" "$A" jar '62,4'
	cached "$2: the public's organisation page stays cached" "$1" "$A" anon hit
	hasnt "$2: ... without the figure" '62,4'
	cached "$2: the public's district page stays cached" "$1" /stadsdel/spanga-tensta anon hit
}
on_both "unpublished figure" unpublished

# 3b. the figure through the indicator's form on the second server: the same
warm
BASE=$BASE2
CSRF=$(csrf jar)
page "the figure through the form on the second server" 303 POST "/indikator/$IND/redigera" jar \
	-d "csrf=$CSRF&del=utfall&utfall-period=T2&utfall-ar=2022&omrade=spanga-tensta&kon=T&varde=63,9"
BASE=$S1
form() { # SERVER NAME
	expect_eq "$2: the editor's goal chain shows it" "$(value "$1")" 63.9
	shows "$2: the editor's organisation page shows it" "$1" "$A" jar '63,9'
	cached "$2: the public's organisation page stays cached" "$1" "$A" anon hit
	kept "$2" "$1"
}
on_both form form

# 4. the report approved: now the public sees the assessment and the figure, on both servers (and
# the figures of Spånga-Tensta's indicators on the city council's goals on its page)
warm
report_none_rest "$DB" "$REP" -H "Authorization: Bearer $TOK"
BASE=$BASE2
req "the report is submitted through the second server" 200 POST "/api/v1/reports/$REP/submit" "" "$TOK"
BASE=$S1
req "... and approved through the first" 200 POST "/api/v1/reports/$REP/approve" "" "$CITY"
approval() { # SERVER NAME
	cached "$2: the public's organisation page is made anew" "$1" "$A" anon miss
	has "$2: ... with the assessment" 'Cachetestets analys'
	has "$2: ... and the figure" '63,9'
	city "$2" "$1"
	# the approval publishes the figures of Spånga-Tensta's indicators, some of them on KF goals
	cached "$2: the city council's page is made anew" "$1" "$KF" anon miss
	cached "$2: Rinkeby-Kista's page stays cached" "$1" "$B" anon hit
	cached "$2: Rinkeby-Kista's goal chain stays cached" "$1" "$BC" tok hit
}
on_both approval approval

# 5. the command line: an import is not mapped to organisations, so it drops everything
warm
printf 'indicator;area;period;sex;value\n%s;spanga-tensta;2022-T2;;48,5\n' "$IND" > "$TMP/x.csv"
expect_exit "an outcome through lup import csv" 0 L import csv "$TMP/x.csv"
imported() { # SERVER NAME
	expect_eq "$2: the goal chain shows it" "$(value "$1")" 48.5
	shows "$2: the organisation page shows it" "$1" "$A" jar '48,5'
	cached "$2: Rinkeby-Kista's page is made anew (an unmapped write drops everything)" "$1" "$B" anon miss
	city "$2" "$1"
}
on_both import imported

finish
