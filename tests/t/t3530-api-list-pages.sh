#!/bin/sh
# t3530: the API's lists answer their page (issue 15). GET /api/v1/{kind} reads the rows of the
# page asked for, the outcomes with LIMIT and OFFSET in SQL and their total counted apart, the
# other lists (a few hundred rows at most) read whole and cut in C. On both backends: each
# kind's pages (offset 0, inside, at the last row, past the end; limit 0, 1, 7) are the slices
# of the whole list as pages of 1000 give it, with the same total; so are the outcomes' pages
# with each filter that leads their reads (indicator, area, district) and with the others; the
# figure rule counts and shows the figures behind it to a caller who may read the owner's
# reports only; the total follows a figure made unpublished or removed; bad limits, offsets and
# filters are 400 as before. SQLite only: a default page of outcomes runs a bounded number of
# virtual machine steps (it reads neither every outcome nor a count over them), and
# derived_outcome_count (migration 0055) follows outcome's writes and is compared by `lup check`.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
for f in "$SEEDS"/002_*.txt; do [ -f "$f" ] && L import commission "$f" >/dev/null; done
printf 'editorpassword1\n' | L user add own --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
TOKEN=$(L token create own 2>/dev/null)
q() { sqlite3 "$DB" "$1"; }
# figures behind the publication rule (no approved report): a third of the second indicator's
I2=$(q "SELECT id FROM indicator ORDER BY id LIMIT 1 OFFSET 1")
q "UPDATE outcome SET source = 'rapport', example = 0 WHERE indicator_id = $I2 AND id % 3 = 0"
HIDDEN=$(q "SELECT count(*) FROM outcome WHERE example = 0 AND source <> 'kolada'")
ALL=$(q "SELECT count(*) FROM outcome")
[ "$HIDDEN" -gt 100 ] && ok "$HIDDEN figures behind the rule" || nok "figures behind the rule: $HIDDEN"

if ! on_pg; then LUP_SQL_PROFILE=1; export LUP_SQL_PROFILE; fi
rm -f "$TMP/port"
"$LUP" --db "$DB" serve --no-cache --listen 127.0.0.1:0 --port-file "$TMP/port" >/dev/null 2>"$TMP/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; lib_cleanup' EXIT
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
[ -s "$TMP/port" ] || { nok "lup serve starts"; finish; }
BASE="http://127.0.0.1:$(cat "$TMP/port")"

# get PATH [TOKEN]: the answer's body in $TMP/body (its status in $TMP/code)
get() {
	curl -s -o "$TMP/body" -w '%{http_code}' ${2:+-H "Authorization: Bearer $2"} "$BASE$1" > "$TMP/code"
}
# u PATH PARAMS: PATH with PARAMS added to its query
u() { case $1 in *\?*) echo "$1&$2" ;; *) echo "$1?$2" ;; esac; }
# whole NAME PATH [TOKEN]: the whole list of PATH (a collection with its filters, no page) read
# in pages of 1000, its items in $TMP/whole (a JSON array) and its total in $WT
whole() {
	echo '[]' > "$TMP/whole"
	o=0 WT=
	while :; do
		get "$(u "$2" "limit=1000&offset=$o")" "${3-}"
		[ "$(cat "$TMP/code")" = 200 ] || { nok "$1: $2 pages (status $(cat "$TMP/code"))"; return; }
		WT=$(jb .total)
		jq -s '.[0] + .[1].items' "$TMP/whole" "$TMP/body" > "$TMP/whole.n" && mv "$TMP/whole.n" "$TMP/whole"
		o=$((o + 1000))
		[ "$o" -lt "$WT" ] || break
	done
	expect_eq "$1: the pages of 1000 hold the total" "$(jq length "$TMP/whole")" "$WT"
}
# slices NAME PATH [TOKEN]: pages of PATH at several offsets and limits are the slices of its
# whole list, with its total, limit and offset
slices() {
	whole "$1" "$2" "${3-}"
	bad=
	last=$((WT > 0 ? WT - 1 : 0))
	for ol in "0 0" "0 7" "3 7" "$((WT / 2)) 7" "$last 7" "$WT 1" "$((WT + 5)) 7" "0 100"; do
		set -- $ol
		get "$(u "$P" "offset=$1&limit=$2")" "$TOKEN_USED"
		want=$(jq -c --argjson o "$1" --argjson l "$2" '.[$o:$o + $l]' "$TMP/whole")
		got=$(jq -c .items "$TMP/body")
		[ "$got" = "$want" ] && [ "$(jb .total)" = "$WT" ] && [ "$(jb .offset)" = "$1" ] && [ "$(jb .limit)" = "$2" ] ||
			bad="$bad offset $1 limit $2;"
	done
	[ -z "$bad" ] && ok "$NAME: pages are slices of the whole list" || nok "$NAME: pages differ:$bad"
}
# paged NAME PATH [TOKEN]
paged() { NAME=$1 P=$2 TOKEN_USED=${3-}; slices "$NAME" "$P" "$TOKEN_USED"; }

for k in organisations districts themes goals indicators activities measures plans areas periods allocations \
	responses recommendations reports; do
	paged "$k" "/api/v1/$k"
done
paged "organisations of a kind" "/api/v1/organisations?kind=district_committee"
paged "activities of a district" "/api/v1/activities?district=spanga-tensta"
paged "allocations of a year" "/api/v1/allocations?year=2022"
# the outcomes without a filter (too many to read whole here): each page's ids are those SQL
# gives for the same slice of the figures the caller may see, the total their number
# same_ids TOKEN OFFSET LIMIT WHERE: the page's ids are the database's (one a line)
same_ids() {
	get "/api/v1/outcomes?offset=$2&limit=$3" "$1"
	jq -r '.items[].id' "$TMP/body" > "$TMP/ids.api"
	q "SELECT id FROM outcome WHERE $4 ORDER BY id LIMIT $3 OFFSET $2" > "$TMP/ids.db"
	cmp -s "$TMP/ids.api" "$TMP/ids.db"
}
for who in anonymous editor; do
	tok= where="example = 1 OR source = 'kolada'" n=$((ALL - HIDDEN))
	[ $who = editor ] && tok=$TOKEN where=true n=$ALL
	bad=
	for ol in "0 100" "0 1" "1 7" "5000 3" "$((n - 2)) 7" "$n 7"; do
		set -- $ol
		same_ids "$tok" $1 $2 "$where" || bad="$bad offset $1 limit $2;"
	done
	[ -z "$bad" ] && ok "outcomes to the $who: pages are the figures' slices" || nok "outcomes to the $who: pages differ:$bad"
	get "/api/v1/outcomes?limit=0" "$tok"
	expect_eq "outcomes to the $who: the total counts the figures they may see" "$(jb .total)" "$n"
done
paged "outcomes of an indicator" "/api/v1/outcomes?indicator=$I2"
paged "outcomes of an indicator to its editor" "/api/v1/outcomes?indicator=$I2" "$TOKEN"
paged "outcomes of an area" "/api/v1/outcomes?area=spanga-tensta&sex=K"
paged "outcomes of a district" "/api/v1/outcomes?district=rinkeby-kista&year=2021"
paged "outcomes of a district and an indicator" "/api/v1/outcomes?district=spanga-tensta&indicator=$I2" "$TOKEN"
paged "outcomes of a period" "/api/v1/outcomes?period=2022-FY&sex=M"
paged "outcomes of a year and kind" "/api/v1/outcomes?year=2020&period=T1"

# an outcome's name: its indicator, period, area and sex joined by single spaces (SQLite: lup_spaced)
get "/api/v1/outcomes?year=2022&area=spanga-tensta&limit=5"
expect_eq "outcome names are indicator, period, area and sex" \
	"$(jq -r '.items[] | .name == "\(.indicator) \(.period) \(.area) \(.sex)"' "$TMP/body" | sort -u)" true

# the total follows the outcomes (SQLite: derived_outcome_count's triggers)
get "/api/v1/outcomes?limit=1"; before=$(jb .total)
X=$(q "SELECT min(id) FROM outcome WHERE example = 1")
q "UPDATE outcome SET example = 0, source = 'rapport' WHERE id = $X"
get "/api/v1/outcomes?limit=1"; expect_eq "a figure made unpublished leaves the total" "$(jb .total)" "$((before - 1))"
get "/api/v1/outcomes?limit=1" "$TOKEN"; expect_eq "... not its owner's editor's" "$(jb .total)" "$ALL"
q "DELETE FROM outcome WHERE id = (SELECT max(id) FROM outcome WHERE example = 1)"
get "/api/v1/outcomes?limit=1"; expect_eq "a figure removed leaves the total" "$(jb .total)" "$((before - 2))"

# errors as before
for p in "limit=1001" "limit=-1" "offset=x" "limit=" "offset=1073741825" "foo=1" "sort=bogus" "level=namndmal" \
	"sex=X" "indicator=nope"; do
	get "/api/v1/outcomes?$p"
	case $p in indicator=*) want=404 ;; *) want=400 ;; esac
	expect_eq "outcomes?$p is $want" "$(cat "$TMP/code")" "$want"
done
get "/api/v1/outcomes?offset=1073741824"
expect_eq "the largest offset: no items" "$(cat "$TMP/code") $(jb '.items | length')" "200 0"

if on_pg; then pg_skip "LUP_SQL_PROFILE and derived_outcome_count are SQLite's"; finish; fi

# profile PATH: the profile lines (NAME VM) of one request of PATH, after one that prepares
profile() {
	get "$1"
	n=$(wc -l < "$TMP/server.log")
	get "$1"
	for i in $(seq 50); do
		tail -n +$((n + 1)) "$TMP/server.log" | grep -q '^sql - .*ROLLBACK' && break
		sleep 0.1
	done
	tail -n +$((n + 1)) "$TMP/server.log" | awk '$1 == "sql" && $2 != "-" { print $2, $4 }' > "$TMP/prof"
}
# steps NAME: the VM steps of statement NAME in the last profile
steps() { awk -v s="$1" '$1 == s { print $2 }' "$TMP/prof"; }
# a page of 100 outcomes: the page's rows (the old list stepped 441K-907K times over every
# outcome) and a count from derived_outcome_total; with a filter, a count over
# derived_outcome_count's rows (1,315 on the demo), not over the outcomes
profile "/api/v1/outcomes"
vm=$(steps LIST_OUTCOMES) c=$(steps COUNT_OUTCOMES_ALL)
[ -n "$vm" ] && [ "$vm" -lt 10000 ] && ok "a page of 100 outcomes: $vm VM steps" || nok "a page of 100 outcomes: '$vm' VM steps"
[ -n "$c" ] && [ "$c" -lt 3000 ] && ok "their count: $c VM steps" || nok "their count: '$c' VM steps"
profile "/api/v1/outcomes?sex=K&limit=10"
c=$(steps COUNT_OUTCOMES) rows=$(q "SELECT count(*) FROM derived_outcome_count")
[ -n "$c" ] && [ "$c" -lt $((rows * 20)) ] && ok "a count by sex: $c VM steps for $rows counts" ||
	nok "a count by sex: '$c' VM steps for $rows counts"
profile "/api/v1/outcomes?limit=10"
vm10=$(steps LIST_OUTCOMES)
[ -n "$vm10" ] && [ "$vm10" -lt $((vm / 5)) ] && ok "a page of 10: $vm10 steps" || nok "a page of 10: '$vm10' steps (100: $vm)"
profile "/api/v1/outcomes?indicator=$I2&limit=10"
vm=$(steps LIST_OUTCOMES_INDICATOR)
[ -n "$vm" ] && [ "$vm" -lt 20000 ] && ok "an indicator's page of 10: $vm VM steps" || nok "an indicator's page: '$vm' VM steps"
profile "/api/v1/outcomes?area=spanga-tensta&limit=10"
vm=$(steps LIST_OUTCOMES_AREA) c=$(steps COUNT_OUTCOMES_AREA)
[ -n "$vm" ] && [ "$vm" -lt 60000 ] && [ -n "$c" ] && [ "$c" -lt 60000 ] && ok "an area's page and count: $vm and $c VM steps" ||
	nok "an area's page and count: '$vm' and '$c' VM steps"

# derived_outcome_count: kept by the triggers, compared by lup check
kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; SERVER=
check_clean() { L check > "$TMP/out" 2>&1; grep -q derived_outcome_count "$TMP/out" && nok "$1" || ok "$1"; }
check_clean "lup check: derived_outcome_count agrees with the outcomes"
Y=$(q "SELECT max(id) FROM outcome WHERE example = 1 AND value IS NOT NULL")
row=$(q "SELECT indicator_id || ', ' || period_id || ', ' || area_id || ', ''' || sex || ''', ' || value FROM outcome WHERE id = $Y")
q "DELETE FROM outcome WHERE id = $Y"
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($row, 'kolada', 0)"
q "UPDATE outcome SET sex = CASE sex WHEN 'K' THEN 'M' ELSE 'K' END WHERE id = (SELECT max(id) FROM outcome)
	AND NOT EXISTS (SELECT 1 FROM outcome o2 WHERE o2.indicator_id = outcome.indicator_id
	AND o2.period_id = outcome.period_id AND o2.area_id = outcome.area_id AND o2.sex <> outcome.sex)"
q "UPDATE outcome SET period_id = (SELECT max(id) FROM period) WHERE id = (SELECT max(id) FROM outcome)
	AND NOT EXISTS (SELECT 1 FROM outcome o2 WHERE o2.indicator_id = outcome.indicator_id
	AND o2.period_id = (SELECT max(id) FROM period) AND o2.area_id = outcome.area_id AND o2.sex = outcome.sex)"
check_clean "... after an outcome removed, written, moved to another sex and period"
q "DELETE FROM outcome WHERE indicator_id = $I2"
check_clean "... after an indicator's outcomes removed"
expect_eq "... which count none" "$(q "SELECT sum(n) FROM derived_outcome_count WHERE indicator_id = $I2")" 0
q "UPDATE derived_outcome_count SET n = n + 1 WHERE (indicator_id, period_id, sex) =
	(SELECT indicator_id, period_id, sex FROM derived_outcome_count LIMIT 1)"
L check > "$TMP/out" 2>&1
grep -q 'derived_outcome_count: 1 ' "$TMP/out" && ok "lup check names a count that differs" ||
	{ nok "lup check names a count that differs"; sed 's/^/    /' "$TMP/out" >&2; }
q "UPDATE derived_outcome_total SET open = open - 1"
L check > "$TMP/out" 2>&1
grep -q 'derived_outcome_total' "$TMP/out" && ok "... and a total that differs" || nok "... and a total that differs"
finish
