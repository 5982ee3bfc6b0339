#!/bin/sh
# t4300: the publication rule (store/sql-public.h, web/authz.h, docs/api.md "Who may read what"),
# against the real `lup serve` with and without the response cache: goals, activities, indicators
# and measures of a draft plan version (`lup plan new-version`, each marked with a unique word) are
# in no list, count, chain, matrix, map or search for anyone, and as a single thing (API, page,
# history) only for those who may read the draft (the owner's users, the city office,
# administrators); an outcome typed into a period whose report is not approved is seen by the
# report's readers only, and by everyone once the report is approved.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
OWN=spanga-tensta-stadsdelsnamnd
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org $OWN >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
ROLES="anon reader other own city admin"
T_anon=
for u in $ROLES; do [ "$u" = anon ] || eval "T_$u=\$(L token create $u 2>/dev/null)"; done
[ -n "$T_own" ] && ok "tokens are created" || nok "token create"

# --- drafts of Spånga-Tensta's verksamhetsplan and Skarpnäck's LUP, marked ------------------------
ACTS_BEFORE=$(q "SELECT count(*) FROM activity")
expect_exit "a draft of the verksamhetsplan" 0 L plan new-version vp-2022-spanga-tensta
expect_exit "a draft of Skarpnäck's LUP" 0 L plan new-version lup-skarpnack
DV=$(q "SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'vp-2022-spanga-tensta' AND pv.status = 'draft'")
DL=$(q "SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-skarpnack' AND pv.status = 'draft'")
[ -n "$DV" ] && [ -n "$DL" ] && ok "the drafts exist" || nok "the drafts exist"
[ "$(q "SELECT count(*) FROM activity")" -gt "$ACTS_BEFORE" ] && ok "the draft copies the activities" || nok "the draft copies activities"
G=$(q "SELECT id FROM goal WHERE plan_version_id = $DV AND level = 'namndmal' ORDER BY id LIMIT 1")
GKEY=$(q "SELECT key FROM goal WHERE id = $G")
I=$(q "SELECT id FROM indicator WHERE plan_version_id = $DV ORDER BY id LIMIT 1")
IKEY=$(q "SELECT key FROM indicator WHERE id = $I")
A=$(q "SELECT a.id FROM activity a JOIN activity_district ad ON ad.activity_id = a.id
  JOIN area d ON d.id = ad.area_id WHERE a.plan_version_id = $DV AND d.key = 'spanga-tensta' ORDER BY a.id LIMIT 1")
# an activity of the draft kept outside any version but under a goal of the draft
A2=$(q "SELECT id FROM activity WHERE plan_version_id = $DV AND id <> ${A:-0}
  AND goal_id IN (SELECT id FROM goal WHERE plan_version_id = $DV) ORDER BY id LIMIT 1")
M=$(q "SELECT id FROM measure WHERE plan_version_id = $DL ORDER BY id LIMIT 1")
LG=$(q "SELECT id FROM goal WHERE plan_version_id = $DL ORDER BY id LIMIT 1")
[ -n "$G" ] && [ -n "$I" ] && [ -n "$A" ] && [ -n "$A2" ] && [ -n "$M" ] && ok "the drafts have goals, indicators, activities, measures" \
	|| nok "draft rows: goal '$G' indicator '$I' activity '$A' '$A2' measure '$M'"
q "UPDATE goal SET title = title || ' Qzmalord', description = 'Qzmalbeskrivning' WHERE id = $G;
UPDATE indicator SET name = name || ' Qzindikatorord' WHERE id = $I;
UPDATE activity SET title = title || ' Qzaktivitetsord' WHERE id = $A;
UPDATE activity SET title = title || ' Qzandraord', plan_version_id = NULL WHERE id = ${A2:-0};
UPDATE measure SET title = title || ' Qzatgardsord' WHERE id = $M;" || nok "the draft's rows are marked"
[ -n "$LG" ] && q "UPDATE goal SET title = title || ' Qzlupmalord' WHERE id = $LG"
# public counts, for the views that count: the adopted version's activities only
PUBACTS=$(q "SELECT count(*) FROM activity a JOIN activity_district ad ON ad.activity_id = a.id
  JOIN area d ON d.id = ad.area_id AND d.key = 'spanga-tensta' JOIN organisation o ON o.id = a.owner_id AND o.key = '$OWN'
  WHERE NOT EXISTS (SELECT 1 FROM plan_version v WHERE v.status = 'draft'
   AND v.id IN (a.plan_version_id, (SELECT plan_version_id FROM goal WHERE id = a.goal_id)))")

serve "$DB"
BASE1=$BASE
rm -f "$TMP/port2"
"$LUP" --db "$DB" serve --no-cache --listen 127.0.0.1:0 --port-file "$TMP/port2" >/dev/null 2>"$TMP/server2.log" &
SERVER2=$!
trap 'kill $SERVER $SERVER2 2>/dev/null; lib_cleanup' EXIT
for i in $(seq 100); do [ -s "$TMP/port2" ] && break; sleep 0.1; done
[ -s "$TMP/port2" ] && ok "a server without the cache starts" || { nok "lup serve --no-cache"; finish; }
BASE2="http://127.0.0.1:$(cat "$TMP/port2")"

# sees NAME PATH TEXT YES...: per role of $ROLES (in reverse: the logged-in views are cached
# first), whether the answer to GET PATH contains TEXT (1) or not (0)
sees() {
	name=$1 path=$2 text=$3; shift 3
	set -- "$@"
	want_anon=$1 want_reader=$2 want_other=$3 want_own=$4 want_city=$5 want_admin=$6
	for role in admin city own other reader anon; do
		eval "tok=\$T_$role; want=\$want_$role"
		code=$(curl -s -o "$TMP/body" -w '%{http_code}' ${tok:+-H "Authorization: Bearer $tok"} "$BASE$path")
		if grep -q -F -- "$text" "$TMP/body"; then got=1; else got=0; fi
		if [ "$got" = "$want" ]; then ok "$name as $role"; else
			nok "$name as $role (GET $path: $code, shows '$text': $got, expected $want)"; fi
	done
}
# code NAME PATH CODES...: per role of $ROLES, the status of GET PATH
codes() {
	name=$1 path=$2; shift 2
	for role in $ROLES; do
		eval "tok=\$T_$role"
		code=$(curl -s -o "$TMP/body" -w '%{http_code}' ${tok:+-H "Authorization: Bearer $tok"} "$BASE$path")
		if [ "$code" = "$1" ]; then ok "$name as $role"; else nok "$name as $role (GET $path: $code, expected $1)"; fi
		shift
	done
}

for srv in cached uncached; do
	[ $srv = cached ] && BASE=$BASE1 || BASE=$BASE2
	# --- lists, counts, chains, matrices, search: public content only, for everyone ---------------
	#                                                               anon reader other own city admin
	# (the search page repeats the query: "Inga träffar" is the answer without hits)
	for w in Qzmalord Qzmalbeskrivning Qzaktivitetsord Qzandraord Qzindikatorord Qzatgardsord Qzlupmalord; do
		sees "$srv: search for the draft's $w finds nothing" "/sok?q=$w" "Inga träffar" 1 1 1 1 1 1
	done
	sees "$srv: search still finds the adopted goal" "/sok?q=$(q "SELECT substr(title, 1, 30) FROM goal WHERE id = $G" | sed 's/ /+/g')" \
		"Inga träffar" 0 0 0 0 0 0
	sees "$srv: the organisation page" "/organisation/$OWN?ar=2022" Qz                 0 0 0 0 0 0
	sees "$srv: the goal chain" "/api/v1/organisations/$OWN/goal-chain?year=2022" Qz   0 0 0 0 0 0
	sees "$srv: the goals" "/api/v1/goals?org=$OWN&limit=1000" Qzmalord              0 0 0 0 0 0
	sees "$srv: the goals of Skarpnäck" "/api/v1/goals?district=skarpnack&limit=1000" Qzlupmalord 0 0 0 0 0 0
	sees "$srv: the activities" "/api/v1/activities?org=$OWN&limit=1000" Qza          0 0 0 0 0 0
	sees "$srv: the activities of the district" "/api/v1/activities?district=spanga-tensta&limit=1000" Qz 0 0 0 0 0 0
	sees "$srv: the indicators" "/api/v1/indicators?org=$OWN&limit=1000" Qzindikatorord 0 0 0 0 0 0
	sees "$srv: the measures" "/api/v1/measures?district=skarpnack&limit=1000" Qzatgardsord 0 0 0 0 0 0
	sees "$srv: the district page" "/stadsdel/spanga-tensta" Qz                         0 0 0 0 0 0
	sees "$srv: the district in the API" "/api/v1/districts/spanga-tensta" Qz          0 0 0 0 0 0
	sees "$srv: the plan in the API" "/api/v1/plans/vp-2022-spanga-tensta" Qzmalord    0 0 0 0 0 0
	sees "$srv: the goal above the draft's goal (its children: the draft's for its readers)" "/api/v1/goals/$(q "SELECT parent_id FROM goal WHERE id = $G")" Qzmalord 0 0 0 1 1 1
	for role in anon own admin; do
		eval "tok=\$T_$role"
		n=$(curl -s ${tok:+-H "Authorization: Bearer $tok"} "$BASE/api/v1/views/organisations-districts" |
			jq ".cells[] | select(.org == \"$OWN\" and .district == \"spanga-tensta\") | .activities")
		expect_eq "$srv: the view counts the adopted activities only as $role" "$n" "$PUBACTS"
	done
	# --- single things: those who may read the draft -------------------------------------------------
	#                                                             anon reader other own city admin
	codes "$srv: the draft's goal in the API" "/api/v1/goals/$G"          404 404 404 200 200 200
	codes "$srv: the draft's indicator in the API" "/api/v1/indicators/$I" 404 404 404 200 200 200
	codes "$srv: the draft's activity in the API" "/api/v1/activities/$A" 404 404 404 200 200 200
	codes "$srv: the activity under a draft goal" "/api/v1/activities/$A2" 404 404 404 200 200 200
	codes "$srv: the draft's measure in the API" "/api/v1/measures/$M"    404 404 404 404 200 200
	codes "$srv: the draft's goal page" "/mal/$GKEY"                      404 404 404 200 200 200
	codes "$srv: the draft's activity page" "/aktivitet/$A"               404 404 404 200 200 200
	codes "$srv: the draft's indicator page" "/indikator/$IKEY"           404 404 404 200 200 200
	sees "$srv: the draft's goal page shows it" "/mal/$GKEY" Qzmalord          0 0 0 1 1 1
	sees "$srv: the draft's goal in the API shows it" "/api/v1/goals/$G" Qzmalord 0 0 0 1 1 1
done
BASE=$BASE1
codes "the draft goal's history" "/historik/mal/$GKEY" 303 404 404 200 200 200

# --- follow-up figures: public from approved reports only ---------------------------------------------
IND=vp-2022-spanga-tensta-i-001
IID=$(q "SELECT id FROM indicator WHERE key = '$IND'")
req "the editor records an outcome" 200 POST /api/v1/outcomes \
	"{\"indicator\":\"$IND\",\"period\":\"2022-FY\",\"area\":\"spanga-tensta\",\"sex\":\"T\",\"value\":9.87}" "$T_own"
for srv in cached uncached; do
	[ $srv = cached ] && BASE=$BASE1 || BASE=$BASE2
	#                                                                              anon reader other own city admin
	sees "$srv: the unapproved outcome in the indicator" "/api/v1/indicators/$IID" 9.87       0 0 0 1 1 1
	sees "$srv: ... in the outcomes" "/api/v1/outcomes?district=spanga-tensta&year=2022&limit=1000" 9.87 0 0 0 1 1 1
	sees "$srv: ... in the comparison" "/api/v1/indicators/$IID/comparison?year=2022" 9.87 0 0 0 1 1 1
	sees "$srv: ... on the city map" "/?indikator=$IND&ar=2022" '9,87'                     0 0 0 1 1 1
	sees "$srv: ... on the district page" "/stadsdel/spanga-tensta" '9,87'                 0 0 0 1 1 1
	sees "$srv: ... on the indicator page" "/indikator/$IND" '9,87'                        0 0 0 1 1 1
	sees "$srv: ... in the goal chain" "/api/v1/organisations/$OWN/goal-chain?year=2022" 9.87 0 0 0 1 1 1
	# (the organisation page's history of changes, for logged-in users, still lists the change)
	curl -s "$BASE/organisation/$OWN?ar=2022" >"$TMP/body"
	grep -q -F '9,87' "$TMP/body" && nok "$srv: ... not on the organisation page as anon" || ok "$srv: ... not on the organisation page as anon"
	sees "$srv: example data stays public" "/api/v1/outcomes?district=spanga-tensta&year=2022&limit=1000" '"example":true' 1 1 1 1 1 1
done
# the audit log and the organisation page's history of changes (logged-in users) hold the figure
# and the draft's changes: the same rule (store/sql-public.h AUDIT_SEE)
BASE=$BASE2
#                                                                              anon reader other own city admin
sees "the unapproved outcome in the audit log" "/api/v1/audit?entity=indicator&id=$IID" 9.87 0 0 0 1 1 1
sees "... in the latest audit entries" "/api/v1/audit" 9.87                                  0 0 0 1 1 1
sees "... in the organisation page's history of changes" "/organisation/$OWN?ar=2022" '9,87'   0 0 0 1 1 1
req "the owner's editor changes the draft's goal" 200 PATCH "/api/v1/goals/$G" '{"description":"Qzhistorikord"}' "$T_own"
sees "the draft goal's change in the audit log" "/api/v1/audit?entity=goal&id=$G" Qzhistorikord 0 0 0 1 1 1
sees "... in the latest audit entries" "/api/v1/audit" Qzhistorikord                          0 0 0 1 1 1
OUTCOMES=$(q "SELECT count(*) FROM outcome")
req "an outcome cannot pose as official statistics (source kolada)" 422 POST /api/v1/outcomes \
	"{\"indicator\":\"$IND\",\"period\":\"2022-FY\",\"area\":\"spanga-tensta\",\"sex\":\"K\",\"value\":1.23,\"source\":\"Kolada\"}" "$T_own"
expect_eq "... and nothing is written" "$(q "SELECT count(*) FROM outcome")" "$OUTCOMES"
BASE=$BASE1
req "the editor starts the full-year report" 201 POST /api/v1/reports "{\"org\":\"$OWN\",\"period\":\"2022-FY\"}" "$T_own"
REP=$(jb .id)
report_none_rest "$DB" "$REP" -H "Authorization: Bearer $T_own"
req "submits it" 200 POST "/api/v1/reports/$REP/submit" '' "$T_own"
sees "a submitted report's figure is not public yet" "/?indikator=$IND&ar=2022" '9,87' 0 0 0 1 1 1
req "the city office approves it" 200 POST "/api/v1/reports/$REP/approve" '' "$T_city"
for srv in cached uncached; do
	[ $srv = cached ] && BASE=$BASE1 || BASE=$BASE2
	sees "$srv: the approved outcome in the indicator" "/api/v1/indicators/$IID" 9.87 1 1 1 1 1 1
	sees "$srv: ... on the city map" "/?indikator=$IND&ar=2022" '9,87'                1 1 1 1 1 1
	sees "$srv: ... on the district page" "/stadsdel/spanga-tensta" '9,87'            1 1 1 1 1 1
done

# --- the command line is the operator: it shows everything ------------------------------------------
L show goal "$GKEY" >"$TMP/out" 2>&1
expect_out "lup show shows the draft's goal" Qzmalord
finish
