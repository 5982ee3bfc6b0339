#!/bin/sh
# t3600: the audit log's growth per write is bounded by what the write changed, not by what the
# thing is linked to: a goal with 1,000 activities PATCHed again and again, an indicator with
# hundreds of outcomes given one more, an activity PATCHed; each entry holds the changed fields
# (with the id and key), never the goal's activities; the history pages still show the change.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'editorpassword1\n' | L user add anna --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
T=$(L token create anna 2>/dev/null)
[ -n "$T" ] && ok "a token is created" || nok "token create"

GOAL=vp-2022-spanga-tensta-nm-03
GID=$(q "SELECT id FROM goal WHERE key = '$GOAL'")
IND=vp-2022-spanga-tensta-i-016
IID=$(q "SELECT id FROM indicator WHERE key = '$IND'")

# 1,000 activities under the goal, each with a name and a description of some length
q "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
   INSERT INTO activity (key, owner_id, title, description, status, goal_id)
   SELECT printf('t3600-a-%04d', i), g.owner_id, 'Aktivitet nummer ' || i || ' under målet',
          'Beskrivning av aktiviteten, med några ord om vad den gör och för vem.', 'planned', g.id
   FROM n, goal g WHERE g.id = $GID"
expect_eq "the goal has 1,000 activities more" "$(q "SELECT count(*) >= 1000 FROM activity WHERE goal_id = $GID")" 1
# outcomes of the indicator for every period, area and sex it has none for (hundreds)
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source)
   SELECT $IID, p.id, a.id, s.sex, 10 + (a.id % 7), 'test' FROM period p, area a,
   (SELECT 'T' AS sex UNION ALL SELECT 'K' UNION ALL SELECT 'M') s WHERE true ON CONFLICT DO NOTHING"
expect_eq "the indicator has hundreds of outcomes" "$(q "SELECT count(*) > 500 FROM outcome WHERE indicator_id = $IID")" 1

serve "$DB"

# patch N PATH BODY-PREFIX: N PATCHes, each with a new value; counts those answered 200
patch() {
	n=$1 path=$2 field=$3 good=0
	for i in $(seq "$n"); do
		code=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $T" \
			-H 'Content-Type: application/json' --data-binary "{\"$field\":\"Version $i av texten\"}" "$BASE$path")
		[ "$code" = 200 ] && good=$((good + 1))
	done
	echo "$good"
}
# bytes ENTITY ID AFTER-ID: the entries of ENTITY ID after audit id AFTER-ID: "count total max"
bytes() {
	q "SELECT count(*), coalesce(sum(length(coalesce(before, '')) + length(coalesce(after, ''))), 0),
	   coalesce(max(length(coalesce(before, '')) + length(coalesce(after, ''))), 0)
	   FROM audit WHERE entity = '$1' AND entity_id = $2 AND id > $3" | tr '|' ' '
}
last() { q "SELECT coalesce(max(id), 0) FROM audit"; }

# --- a goal with 1,000 activities -----------------------------------------------------------------
N=40
A0=$(last)
expect_eq "$N PATCHes of the goal's name are answered" "$(patch $N "/api/v1/goals/$GOAL" name)" "$N"
set -- $(bytes goal "$GID" "$A0")
expect_eq "one audit entry each" "$1" "$N"
[ "$3" -lt 4096 ] && ok "each entry is under 4 KB (largest $3 bytes)" || nok "an entry of $3 bytes for a PATCH of the name"
[ "$2" -lt $((N * 4096)) ] && ok "the log grew $2 bytes for $N PATCHes" || nok "the log grew $2 bytes for $N PATCHes"
E="entity = 'goal' AND entity_id = $GID ORDER BY id DESC LIMIT 1"
expect_eq "the entry holds the name before and after" \
	"$(q "SELECT json_extract(before, '\$.name') || ' -> ' || json_extract(after, '\$.name') FROM audit WHERE $E")" \
	"Version $((N - 1)) av texten -> Version $N av texten"
expect_eq "... with the goal's id and key" \
	"$(q "SELECT json_extract(after, '\$.id') || ' ' || json_extract(after, '\$.key') FROM audit WHERE $E")" "$GID $GOAL"
expect_eq "... and not its activities, indicators or unchanged fields" \
	"$(q "SELECT count(*) FROM audit, json_each(audit.after) j WHERE audit.id = (SELECT id FROM audit WHERE $E)
	      AND j.key IN ('activities', 'indicators', 'children', 'description', 'owner')")" 0
A1=$(last)
expect_eq "a PATCH of the description is answered" "$(patch 1 "/api/v1/goals/$GOAL" description)" 1
set -- $(bytes goal "$GID" "$A1")
[ "$1" = 1 ] && [ "$3" -lt 4096 ] && ok "its entry is small too ($3 bytes)" || nok "a description PATCH: $1 entries, $3 bytes"
expect_eq "and holds the description, not the name" \
	"$(q "SELECT json_extract(after, '\$.description') || '|' || coalesce(json_type(after, '\$.name'), 'none') FROM audit WHERE $E")" \
	"Version 1 av texten|none"

# --- an indicator with hundreds of outcomes --------------------------------------------------------
A2=$(last)
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
	--data-binary "{\"indicator\":\"$IND\",\"period\":\"2022-T2\",\"area\":\"spanga-tensta\",\"value\":42.5}" "$BASE/api/v1/outcomes")
expect_eq "an outcome is recorded" "$code" 200
set -- $(bytes indicator "$IID" "$A2")
[ "$1" = 1 ] && [ "$3" -lt 4096 ] && ok "its entry on the indicator is under 4 KB ($3 bytes)" || nok "an outcome: $1 entries, $3 bytes"
E="entity = 'indicator' AND entity_id = $IID ORDER BY id DESC LIMIT 1"
expect_eq "the entry holds the changed outcome only, before and after" \
	"$(q "SELECT json_array_length(before, '\$.outcomes') || ' ' || json_array_length(after, '\$.outcomes') || ' ' ||
	      json_extract(after, '\$.outcomes[0].value') || ' ' || json_extract(after, '\$.outcomes[0].area') FROM audit WHERE $E")" \
	"1 1 42.5 spanga-tensta"

# --- an activity ----------------------------------------------------------------------------------
ACT=$(q "SELECT id FROM activity WHERE key = 't3600-a-0500'")
A3=$(last)
expect_eq "an activity's PATCH is answered" "$(patch 1 "/api/v1/activities/$ACT" name)" 1
set -- $(bytes activity "$ACT" "$A3")
[ "$1" = 1 ] && [ "$3" -lt 1024 ] && ok "its entry is under 1 KB ($3 bytes)" || nok "an activity PATCH: $1 entries, $3 bytes"

# --- the history pages still show the change -------------------------------------------------------
curl -s -c "$TMP/jar" -o /dev/null --data-urlencode "namn=anna" --data-urlencode "losenord=editorpassword1" "$BASE/logga-in"
code=$(curl -s -b "$TMP/jar" -o "$TMP/body" -w '%{http_code}' "$BASE/historik/mal/$GOAL")
expect_eq "the goal's history" "$code" 200
grep -q -F "<del>Version $((N - 1)) av texten</del>" "$TMP/body" && grep -q -F "<ins>Version $N av texten</ins>" "$TMP/body" &&
	ok "shows the old and the new name" || nok "the history lacks the name change"
grep -q -F "Inga ändrade värden" "$TMP/body" && nok "an entry shows no change" || ok "every entry shows its change"
code=$(curl -s -b "$TMP/jar" -o "$TMP/body" -w '%{http_code}' "$BASE/historik/indikator/$IND")
expect_eq "the indicator's history" "$code" 200
grep -q -F "42,5" "$TMP/body" && ok "shows the new outcome" || nok "the history lacks the outcome"
code=$(curl -s -b "$TMP/jar" -o "$TMP/body" -w '%{http_code}' "$BASE/organisation/spanga-tensta-stadsdelsnamnd?ar=2022")
expect_eq "the organisation's page" "$code" 200
grep -q -F "Namn: ”Version $((N - 1)) av texten” → ”Version $N av texten”" "$TMP/body" &&
	ok "lists the goal's change in words" || nok "the organisation page lacks the name change"
finish
