#!/bin/sh
# t3520: GET /api/v1/{kind}/{id} writes the entity and its relations as it reads them
# (render/entity.c entity_stream_key), not through row sets as `lup show --json` does
# (entity_json): both must give the same document, key for key and in the same order, for
# every kind and several ids of each, and for every district by key and by id. The district's
# activities (REL_BY_OWNER) are put in order by the writer: their keys are scrambled here so
# that they come out of key order within an owner, and the owners renamed so that Swedish
# order differs from the bytes' (Å before Ä). An indicator's outcomes (REL_IN_RUNS) are put in
# order within each period by the loaders of both. Then the ETag (304) and 404 answers.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
L import commission "$SEEDS/002_e3f287d953d70608.txt" >/dev/null 2>&1 || nok "import commission"
# out of key order within an owner, and owners whose Swedish order is not their bytes'
sqlite3 "$DB" "UPDATE activity SET key = 'z-' || (100000 - id) WHERE id % 3 = 0" >/dev/null
sqlite3 "$DB" "UPDATE activity SET key = 'a-' || id WHERE id % 5 = 1 AND id % 3 <> 0" >/dev/null
sqlite3 "$DB" "UPDATE organisation SET name = 'Åby ' || name WHERE key = 'socialforvaltningen'" >/dev/null
sqlite3 "$DB" "UPDATE organisation SET name = 'Äby ' || name WHERE key = 'spanga-tensta-stadsdelsnamnd'" >/dev/null
# indicator 1: in its second period, another area's outcomes in place of those of the area whose
# key is last (as many rows, other keys: that run's order is not the run before's); in its third,
# one row fewer
sqlite3 "$DB" "UPDATE outcome SET area_id = (SELECT id FROM area WHERE id NOT IN (SELECT area_id FROM outcome
	WHERE indicator_id = 1) ORDER BY key LIMIT 1) WHERE indicator_id = 1 AND period_id = (SELECT period_id FROM
	outcome WHERE indicator_id = 1 GROUP BY period_id ORDER BY period_id LIMIT 1 OFFSET 1) AND area_id = (SELECT
	a.id FROM area a JOIN outcome x ON x.area_id = a.id WHERE x.indicator_id = 1 ORDER BY a.key DESC LIMIT 1)" >/dev/null
sqlite3 "$DB" "DELETE FROM outcome WHERE id = (SELECT min(id) FROM outcome WHERE indicator_id = 1 AND period_id =
	(SELECT period_id FROM outcome WHERE indicator_id = 1 GROUP BY period_id ORDER BY period_id LIMIT 1 OFFSET 2))" >/dev/null
serve "$DB"

# same KIND TEXT: the API's document of KIND TEXT is `lup show`'s, key for key in order
same() {
	code=$(curl -s -o "$TMP/api.json" -w '%{http_code}' "$BASE/api/v1/$1/$2")
	L show "$1" "$2" --json > "$TMP/cli.json" 2>/dev/null
	if [ "$code" = 200 ] && python3 - "$TMP/api.json" "$TMP/cli.json" <<'EOF'
import json, sys
a, b = (json.load(open(f), object_pairs_hook=list) for f in sys.argv[1:3])
sys.exit(0 if a == b and a else 1)
EOF
	then return 0; fi
	diag "$1 $2: the API ($code) and lup show differ"
	return 1
}

bad=0 n=0
for k in organisations districts themes goals indicators activities measures plans areas periods \
	outcomes allocations responses recommendations; do
	ids=$(curl -s "$BASE/api/v1/$k?limit=1000" | jq -r '.items | [.[0], .[length / 2 | floor], .[-1]] | .[] | select(.) | .id' | sort -u)
	[ -n "$ids" ] || { nok "$k: the list has items"; continue; }
	for id in $ids; do
		n=$((n + 1))
		same "$k" "$id" || bad=$((bad + 1))
	done
done
expect_eq "every kind: the API's documents are lup show's ($n of them)" "$bad" 0

bad=0 n=0
for d in $(sqlite3 "$DB" "SELECT key || ' ' || id FROM area WHERE level = 'district' ORDER BY id"); do
	n=$((n + 1))
	same districts "$d" || bad=$((bad + 1))
done
expect_eq "every district by key and by id ($n)" "$bad" 0
same districts "Spånga-Tensta" && ok "a district by its name" || nok "a district by its name"

# the activities: ordered by the owners' names in Swedish order, then by key
req "Spånga-Tensta" 200 GET /api/v1/districts/spanga-tensta
expect_eq "two owners, Åby's first (Swedish order)" "$(jb '[.activities[].owner] | unique | length'),$(jb '.activities[0].owner')" \
	"2,socialforvaltningen"
expect_eq "in key order within each owner" \
	"$(jb '[.activities | group_by(.owner)[] | map(.key) | . == sort] | all')" true
expect_eq "some keys came scrambled" "$(jb '[.activities[].key | select(startswith("z-") or startswith("a-"))] | length > 10')" true

tag=$(tr -d '\r' < "$TMP/headers" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
[ -n "$tag" ] && ok "an ETag" || nok "an ETag"
rm -f "$TMP/body"	# curl writes no file for an empty body
req "If-None-Match: 304" 304 GET /api/v1/districts/spanga-tensta "" "" -H "If-None-Match: $tag"
expect_eq "304 without a body" "$(cat "$TMP/body" 2>/dev/null | wc -c | tr -d ' ')" 0
req "another tag: 200" 200 GET /api/v1/districts/spanga-tensta "" "" -H 'If-None-Match: "x"'
req "no such district" 404 GET /api/v1/districts/nowhere
expect_eq "its error" "$(jb .error.message)" "no district 'nowhere'"
req "no such id" 404 GET /api/v1/goals/999999
req "no such key of a kind by id only" 404 GET /api/v1/themes/abc

# an indicator's outcomes (REL_IN_RUNS): by period (year, kind), then area key and sex, although
# the statements give each period's rows in another order (the area's id: stockholm is 1, alvsjo
# 13) and the periods' ids are not in (year, kind) order (2018-FY before 2018-T1)
req "an indicator" 200 GET /api/v1/indicators/1
expect_eq "its outcomes in order of period, area key and sex" \
	"$(jb '[.outcomes[] | [(.period | split("-") | (.[0] | tonumber), .[1]), .area, .sex]] | . == sort')" true
expect_eq "of several periods and areas, not in their ids' order" \
	"$(jb '([.outcomes[].period] | unique | length > 3) and ([.outcomes[].area] | unique | length > 3)'),$(sqlite3 "$DB" \
	"SELECT CASE WHEN EXISTS (SELECT 1 FROM area a JOIN area b ON b.id > a.id AND b.key < a.key) THEN 1 ELSE 0 END")" "true,1"
expect_eq "the periods' texts are year-kind, as || joins them (lup_period on SQLite)" \
	"$(jb '[.outcomes[].period] | unique | join(" ")')" "$(sqlite3 "$DB" "SELECT DISTINCT pe.year || '-' || pe.kind
	FROM outcome x JOIN period pe ON pe.id = x.period_id WHERE x.indicator_id = 1" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "periods whose areas differ: as lup show orders them" "$(same indicators 1 && echo same)" same
expect_eq "(the periods' areas do differ)" "$(jb '[.outcomes | group_by(.period)[] | map(.area) | unique] | unique | length > 1')" true
finish
