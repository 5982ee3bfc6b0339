#!/bin/sh
# t6600: the city's overview of commitments, against the real `lup serve`:
# - organisations x districts (GET /api/v1/views/organisations-districts, /stadsdelar/samverkan):
#   every pair and its counts of measures (partners of measures of the districts' adopted LUP
#   versions), own activities and partnerships in others' activities, as computed here from the
#   database with sqlite3; a draft version's measures (a copy of Skarpnäck's LUP and a new measure
#   in it with a new partner) do not show; the list behind a cell names the measures and roles;
# - the commitment ledger (GET /api/v1/views/commitments, /uppfoljning/atagande): after
#   Socialförvaltningen's editor starts its report for 2017-T2 and records four activities'
#   statuses, the city sees each status in every district the activity serves, its resources
#   (tkr, årsarbetare), "ingen rapport" for a silent
#   committee, silent ones first and the late ones flagged against the city's deadline
#   (LUP_TODAY); anonymous callers, another organisation's editor and reader see "ej publicerad"
#   and no status until the city approves;
# - every new route for the six roles.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader --org socialforvaltningen >/dev/null
printf 'readerpassword2\n' | L user add oreader --role reader --org utbildningsforvaltningen >/dev/null
printf 'editorpassword1\n' | L user add sf --role editor --org socialforvaltningen >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org utbildningsforvaltningen >/dev/null
for u in admin city reader oreader sf other; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
T_anon=
[ -n "$T_sf" ] && ok "tokens are created" || nok "token create"

# A draft of Skarpnäck's LUP (a copy of the adopted version, its measure partners with it) and a
# new measure in the draft with a partner that has no measure in Skarpnäck: none of it may count.
L plan new-version lup-skarpnack >/dev/null || nok "a draft of Skarpnäck's LUP"
DRAFT=$(q "SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-skarpnack' AND pv.status = 'draft'")
q "INSERT INTO measure (key, plan_version_id, ord, title) VALUES ('t6600-utkast', $DRAFT, 99, 'Utkastets åtgärd Qz6600')"
q "INSERT INTO measure_partner (measure_id, org_id, role) SELECT m.id, o.id, 'lead' FROM measure m, organisation o
   WHERE m.key = 't6600-utkast' AND o.key = 'familjebostader'"
expect_eq "the draft holds copies of the measure partners" \
	"$(q "SELECT count(*) > 1 FROM measure_partner mp JOIN measure m ON m.id = mp.measure_id WHERE m.plan_version_id = $DRAFT")" 1
# Resources of Socialförvaltningen in Skarpnäck in 2017 (money and staff, as migration 0025 has them).
q "INSERT INTO resource_allocation (org_id, area_id, year, kind, amount, unit, note) SELECT o.id, a.id, 2017, k.kind, k.amount,
   k.unit, 'Fältassistenter' FROM organisation o, area a, (SELECT 'money' AS kind, 1500 AS amount, 'tkr' AS unit
   UNION ALL SELECT 'staff', 2.5, 'årsarbetare') k WHERE o.key = 'socialforvaltningen' AND a.key = 'skarpnack'"
# The city's deadline for 2017-T2, passed on the day the server judges lateness by.
q "INSERT INTO deadline (year, kind, org_id, level, due, set_at) VALUES (2017, 'T2', NULL, 'city', '2017-09-15', '2017-01-01T00:00:00Z')"
# Measures' places turned against their ids in every other plan (the matrix orders a cell's
# measures by their place: the order the database gives them in may not be it).
q "UPDATE measure SET ord = 1000 - ord WHERE plan_version_id % 2 = 0"
LUP_TODAY=2017-10-02
export LUP_TODAY
serve "$DB"

# --- organisations x districts: the pairs computed from the database -------------------------------
# adopted LUP version of a plan: its latest version that is no draft (a decided one first)
ADOPTED="pv.version = (SELECT version FROM plan_version WHERE plan_id = p.id AND status <> 'draft'
  ORDER BY status = 'decided' DESC, version DESC LIMIT 1)"
PUBLIC="NOT EXISTS (SELECT 1 FROM plan_version dv WHERE dv.status = 'draft'
  AND dv.id IN (a.plan_version_id, (SELECT plan_version_id FROM goal WHERE id = a.goal_id)))"
WANT=$(q "SELECT org || '|' || district || '|' || sum(m) || '|' || sum(a) || '|' || sum(pa) FROM (
  SELECT o.key AS org, d.key AS district, 1 AS m, 0 AS a, 0 AS pa FROM measure_partner mp JOIN measure mm ON mm.id = mp.measure_id
    JOIN plan_version pv ON pv.id = mm.plan_version_id JOIN plan p ON p.id = pv.plan_id AND p.kind = 'lup'
    JOIN area d ON d.id = p.district_id JOIN organisation o ON o.id = mp.org_id WHERE $ADOPTED
  UNION ALL SELECT o.key, d.key, 0, 1, 0 FROM activity a JOIN activity_district ad ON ad.activity_id = a.id
    JOIN area d ON d.id = ad.area_id AND d.level = 'district' JOIN organisation o ON o.id = a.owner_id WHERE $PUBLIC
  UNION ALL SELECT o.key, d.key, 0, 0, 1 FROM activity_partner ap JOIN activity a ON a.id = ap.activity_id
    JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id AND d.level = 'district'
    JOIN organisation o ON o.id = ap.org_id WHERE $PUBLIC
) AS sq1 GROUP BY org, district ORDER BY org, district")
NPAIRS=$(echo "$WANT" | wc -l)
[ "$NPAIRS" -gt 50 ] && ok "the database has $NPAIRS pairs" || nok "too few pairs ($NPAIRS)"

req "the matrix in the API" 200 GET /api/v1/views/organisations-districts
GOT=$(jq -r '.cells[] | "\(.org)|\(.district)|\(.measures)|\(.activities)|\(.partner_activities)"' "$TMP/body" | LC_ALL=C sort)
expect_eq "every pair with its counts of measures, activities and partnerships" "$GOT" "$(echo "$WANT" | LC_ALL=C sort)"
expect_eq "the total" "$(jb .total)" "$NPAIRS"
expect_eq "the draft's new partner is in no cell" "$(jb '[.cells[] | select(.org == "familjebostader" and .district == "skarpnack")] | length')" 0
expect_eq "the existing fields stay: org, org_name, district, activities" \
	"$(jb '.cells[0] | [has("org"), has("org_name"), has("district"), has("activities"), has("roles")] | all')" true

# roles: the cell's distinct roles, computed from the database for Socialförvaltningen in Skarpnäck
WANTROLES=$(q "SELECT DISTINCT role FROM (SELECT mp.role FROM measure_partner mp JOIN measure mm ON mm.id = mp.measure_id
  JOIN plan_version pv ON pv.id = mm.plan_version_id JOIN plan p ON p.id = pv.plan_id AND p.kind = 'lup'
  JOIN area d ON d.id = p.district_id JOIN organisation o ON o.id = mp.org_id
  WHERE $ADOPTED AND o.key = 'socialforvaltningen' AND d.key = 'skarpnack'
  UNION ALL SELECT coalesce(a.role, 'owner') FROM activity a JOIN activity_district ad ON ad.activity_id = a.id
  JOIN area d ON d.id = ad.area_id JOIN organisation o ON o.id = a.owner_id
  WHERE $PUBLIC AND o.key = 'socialforvaltningen' AND d.key = 'skarpnack') AS sq2 ORDER BY 1")
req "one cell with its links" 200 GET "/api/v1/views/organisations-districts?org=socialforvaltningen&district=skarpnack&links=1"
expect_eq "one cell" "$(jb .total)" 1
expect_eq "its roles" "$(jb '.cells[0].roles[]' | LC_ALL=C sort)" "$(echo "$WANTROLES" | LC_ALL=C sort)"
expect_eq "its links: the measures of the adopted version" \
	"$(jb '[.cells[0].links[] | select(.via == "measure") | .measure] | sort | join(",")')" \
	"$(q "SELECT group_concat(k, ',') FROM (SELECT mm.key AS k FROM measure_partner mp JOIN measure mm ON mm.id = mp.measure_id
	  JOIN plan_version pv ON pv.id = mm.plan_version_id JOIN plan p ON p.id = pv.plan_id AND p.key = 'lup-skarpnack'
	  JOIN organisation o ON o.id = mp.org_id WHERE $ADOPTED AND o.key = 'socialforvaltningen' ORDER BY 1) AS sq3")"
req "an unknown district" 404 GET "/api/v1/views/organisations-districts?district=nowhere"
req "an unknown organisation" 404 GET "/api/v1/views/organisations-districts?org=nobody"

# the links' order (view/commitments.c): each organisation's cells together, its districts in
# the districts' order (that of /api/v1/districts), a cell's links the measures first (by their
# place in the plan, then key), then the activities, then the partnerships (by the activity's id,
# then key); the check needs more than ten cells of two links or more
req "the districts in their order" 200 GET /api/v1/districts
cp "$TMP/body" "$TMP/districts.json"
req "the matrix with every link" 200 GET "/api/v1/views/organisations-districts?links=1"
q "SELECT 'm', key, ord, id FROM measure UNION ALL SELECT 'a', key, 0, id FROM activity" >"$TMP/items"
GOT=$(/usr/bin/python3 - "$TMP/body" "$TMP/districts.json" "$TMP/items" <<'PY'
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
place = {d["key"]: i for i, d in enumerate(json.load(open(sys.argv[2], encoding="utf-8"))["items"])}
items = {}
for line in open(sys.argv[3], encoding="utf-8"):
    kind, key, ord_, id_ = line.rstrip("\n").split("|")
    items[(kind, key)] = (int(ord_) if kind == "m" else int(id_), key)
via = {"measure": 0, "activity": 1, "partner": 2}
seen, last, bad, multi, dprev = set(), None, [], 0, -1
for c in m["cells"]:
    if c["org"] != last:
        if c["org"] in seen:
            bad.append("%s again" % c["org"])
        seen.add(c["org"])
        last, dprev = c["org"], -1
    if place[c["district"]] <= dprev:
        bad.append("%s: %s out of order" % (c["org"], c["district"]))
    dprev = place[c["district"]]
    keys = [(via[l["via"]],) + items[("m" if l["via"] == "measure" else "a", l.get("measure") or l.get("activity"))]
            for l in c["links"]]
    if keys != sorted(keys):
        bad.append("%s in %s: links out of order" % (c["org"], c["district"]))
    multi += len(keys) > 1
print("; ".join(bad[:3]) if bad else "in order" if multi > 10 else "only %d cells to check" % multi)
PY
)
expect_eq "the cells and their links in order" "$GOT" "in order"

page "the matrix page" 200 GET /stadsdelar/samverkan -
valid "the matrix page is valid HTML"
N=$(grep -o 'href="/stadsdelar/samverkan?org=[^"]*"' "$TMP/body" | sort -u | wc -l)
expect_eq "one link per pair" "$N" "$NPAIRS"
M=$(echo "$WANT" | grep '^socialforvaltningen|skarpnack|' | cut -d'|' -f3)
A=$(echo "$WANT" | grep '^socialforvaltningen|skarpnack|' | cut -d'|' -f4)
has "the cell of Socialförvaltningen in Skarpnäck counts its measures and activities" \
	"href=\"/stadsdelar/samverkan?org=socialforvaltningen&amp;stadsdel=skarpnack\" title=\"Skarpnäck\">$M åtg., $A akt.</a>"
hasnt "the draft's measure is not there" "Qz6600"
page "the list behind the cell" 200 GET "/stadsdelar/samverkan?org=socialforvaltningen&stadsdel=skarpnack" -
valid "the list is valid HTML"
has "it names a measure of the adopted version" "$(q "SELECT mm.title FROM measure_partner mp JOIN measure mm ON mm.id = mp.measure_id
  JOIN plan_version pv ON pv.id = mm.plan_version_id JOIN plan p ON p.id = pv.plan_id AND p.key = 'lup-skarpnack'
  JOIN organisation o ON o.id = mp.org_id WHERE $ADOPTED AND o.key = 'socialforvaltningen' AND mp.role = 'lead' LIMIT 1")"
has "with its role in Swedish" "<td>ansvarig</td>"
page "a district's column" 200 GET "/stadsdelar/samverkan?stadsdel=skarpnack" -
hasnt "no draft measure in Skarpnäck's column either" "Qz6600"
page "an unknown organisation's list" 404 GET "/stadsdelar/samverkan?org=nobody" -
page "the districts list links to the matrix" 200 GET /stadsdelar -
has "the link" 'href="/stadsdelar/samverkan"'
page "the city page links to both" 200 GET / -
has "the matrix link" 'href="/stadsdelar/samverkan"'
has "the ledger link" 'href="/uppfoljning/atagande"'

# --- the ledger: a report with statuses, a silent committee ---------------------------------------
# four of Socialförvaltningen's activities of 2017 that serve a district, one per status
ACTS=$(q "SELECT a.key FROM activity a JOIN organisation o ON o.id = a.owner_id WHERE o.key = 'socialforvaltningen'
  AND EXISTS (SELECT 1 FROM activity_district ad JOIN area d ON d.id = ad.area_id AND d.level = 'district' WHERE ad.activity_id = a.id)
  ORDER BY a.id LIMIT 4")
set -- $ACTS
A_DONE=$1 A_ONGOING=$2 A_WAITING=$3 A_CANCELLED=$4
req "Socialförvaltningen's editor starts the report of 2017-T2" 201 POST /api/v1/reports \
	'{"org":"socialforvaltningen","period":"2017-T2"}' "$T_sf"
REP=$(jb .id)
for s in done ongoing waiting cancelled; do
	eval "act=\$A_$(echo $s | tr a-z A-Z)"
	req "it records $act as $s" 200 PUT "/api/v1/reports/$REP/activities/$act" "{\"status\":\"$s\"}" "$T_sf"
done
V="/api/v1/views/commitments?year=2017&period=T2"
req "the ledger for the city" 200 GET "$V" "" "$T_city"
SN='.organisations[] | select(.org == "socialnamnden")'
expect_eq "Socialnämnden's report is the draft" "$(jb "$SN | .report, .report_id" | tr '\n' ' ')" "draft $REP "
for s in done ongoing waiting cancelled; do
	eval "act=\$A_$(echo $s | tr a-z A-Z)"
	want=$(q "SELECT group_concat(d.key || ':$s', ' ') FROM (SELECT d.key FROM activity_district ad JOIN area d ON d.id = ad.area_id
	  JOIN activity a ON a.id = ad.activity_id WHERE a.key = '$act' AND d.level = 'district' ORDER BY d.key) d")
	got=$(jb "[$SN | .items[] | select(.activity == \"$act\") | \"\(.district):\(.status)\"] | sort | join(\" \")")
	expect_eq "the city sees $act as $s in every district it serves" "$got" "$want"
done
expect_eq "the counts per organisation" "$(jb "$SN | .statuses | [.done, .ongoing, .waiting, .cancelled] | join(\",\")")" "1,1,1,1"
WANTACTS=$(q "SELECT count(DISTINCT a.id) FROM activity a JOIN organisation o ON o.id = a.owner_id
  JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id AND d.level = 'district'
  LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id
  WHERE o.key IN ('socialforvaltningen', 'socialnamnden') AND 2017 BETWEEN coalesce(a.start_first / 10000, p.year_from, 2017)
  AND coalesce(a.end_last / 10000, p.year_to, 2017)")
expect_eq "its activities of the year, each once" "$(jb "$SN | .activities")" "$WANTACTS"
expect_eq "the rest without a status" "$(jb "$SN | .statuses.none")" "$((WANTACTS - 4))"
expect_eq "its resources in Skarpnäck (tkr and årsarbetare from the database)" \
	"$(jb "[$SN | .items[] | select(.via == \"resource\") | \"\(.district):\(.kind):\(.amount):\(.unit)\"] | join(\" \")")" \
	"$(q "SELECT group_concat('skarpnack:' || kind || ':' || amount || ':' || unit, ' ') FROM (SELECT * FROM resource_allocation
	WHERE year = 2017 ORDER BY kind) AS sq4" | sed 's/\.0:/:/g')"
expect_eq "the draft after the deadline is late" "$(jb "$SN | .late")" true
expect_eq "the deadline and the day judged on" "$(jb '.due, .today' | tr '\n' ' ')" "2017-09-15 2017-10-02 "
# a committee with measures in the districts' programmes and no report: silent, listed first
SILENT=utbildningsnamnden
expect_eq "$SILENT has measures in the programmes" "$(jb ".organisations[] | select(.org == \"$SILENT\") | .measures > 0")" true
expect_eq "and has no report" "$(jb ".organisations[] | select(.org == \"$SILENT\") | .report")" none
expect_eq "the silent come first, then the late" \
	"$(jb '[.organisations[] | if .report == "none" then 0 elif .late then 1 else 2 end] | . == sort')" true
expect_eq "Socialnämnden after every silent one" \
	"$(jb '(.organisations | map(.report == "none") | rindex(true)) < (.organisations | map(.org) | index("socialnamnden"))')" true

# who sees the draft's statuses: the API (tokens) and the page, six roles and more; and who is told
# that the silent committee has no report (those who may read its unpublished reports: its own
# administration's reader and editor, the city, administrators) rather than "unpublished"
#          role     sees the draft   told "none" of the silent one
for pair in "anon 0 0" "oreader 0 1" "other 0 1" "reader 1 0" "sf 1 0" "city 1 1" "admin 1 1"; do
	set -- $pair
	eval "tok=\$T_$1"
	req "the ledger as $1" 200 GET "$V" "" "$tok"
	if [ "$3" = 1 ]; then want=none; else want=unpublished; fi
	expect_eq "$1: $SILENT's report" "$(jb ".organisations[] | select(.org == \"$SILENT\") | .report")" "$want"
	st=$(jb "$SN | [.items[] | select(.activity == \"$A_DONE\") | .status] | unique | join(\",\")")
	rp=$(jb "$SN | .report")
	if [ "$2" = 1 ]; then want="done draft"; else want=" unpublished"; fi
	expect_eq "$1: the draft's statuses and report" "$st $rp" "$want"
	req "the ledger page as $1" 200 GET "/uppfoljning/atagande?ar=2017&period=T2" "" "$tok"
	if grep -q -F "<td>Genomförd</td>" "$TMP/body"; then got=1; else got=0; fi
	expect_eq "$1: the page shows the draft's statuses" "$got" "$2"
	if [ "$2" = 0 ]; then has "$1: the page says the report is not published" "Ej publicerad"; fi
done
req "the page for anonymous callers" 200 GET "/uppfoljning/atagande?ar=2017&period=T2"
valid "the ledger page is valid HTML"
has "anonymous callers see the silent committee as not published" "Utbildningsnämnden"
hasnt "anonymous callers are not told which have no report" "Ingen rapport"
req "the page for the city" 200 GET "/uppfoljning/atagande?ar=2017&period=T2" "" "$T_city"
valid "the city's ledger page is valid HTML"
has "the city sees who has no report" "Ingen rapport"
has "and who is late" "Utkast</a>, försenad"
has "the resources in tkr" "1 500 tkr"
grep -q -F 'href="/uppfoljning/atagande/atagande.csv?ar=2017&amp;period=T2"' "$TMP/body" &&
	ok "the page offers the ledger as a file" || nok "the page offers no ledger file"
# the web's file follows the same reading rule as the page: a draft's statuses only for its readers
ledger_csv() { /usr/bin/python3 -c "import csv,sys; print(sorted({r['Status'] + '/' + r['Rapport'] for r in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig'), delimiter=';') if r['Nyckel'] == sys.argv[2]}))" "$TMP/body" "$A_DONE"; }
req "the ledger as CSV for anonymous callers" 200 GET "/uppfoljning/atagande/atagande.csv?ar=2017&period=T2"
expect_eq "a CSV file" "$(grep -i '^content-type:' "$TMP/headers" | tr -d '\r' | cut -d' ' -f2-)" "text/csv; charset=utf-8"
expect_eq "without the draft's statuses" "$(ledger_csv)" "['/ej publicerad']"
req "the ledger as CSV for the city" 200 GET "/uppfoljning/atagande/atagande.csv?ar=2017&period=T2" "" "$T_city"
expect_eq "with the draft's statuses" "$(ledger_csv)" "['done/utkast']"
expect_eq "kept private" "$(grep -i '^cache-control:' "$TMP/headers" | tr -d '\r' | cut -d' ' -f2-)" "private, no-store"
req "the ledger as XLSX" 200 GET "/uppfoljning/atagande/atagande.xlsx?ar=2017&period=T2" "" "$T_city"
req "an unknown file" 404 GET "/uppfoljning/atagande/atagande.pdf?ar=2017&period=T2"

# submitted and approved: the statuses are public
req "the editor submits" 200 POST "/api/v1/reports/$REP/submit" "" "$T_sf"
req "the city approves" 200 POST "/api/v1/reports/$REP/approve" "" "$T_city"
req "the ledger for anonymous callers after approval" 200 GET "$V"
expect_eq "they see the approved statuses" \
	"$(jb "$SN | .report, ([.items[] | select(.activity == \"$A_WAITING\") | .status] | unique | join(\",\"))" | tr '\n' ' ')" "approved waiting "
expect_eq "an approved report is not late" "$(jb "$SN | .late")" false

# --- the ledger as a table (CLI: the operator reads everything) ---------------------------------------
expect_exit "export csv commitments needs --period" 2 L export csv commitments --year 2017
expect_exit "export csv commitments" 0 L export csv commitments --year 2017 --period T2 --dialect comma -o "$TMP/led.csv"
ND=$(q "SELECT count(*) FROM activity_district ad JOIN area d ON d.id = ad.area_id AND d.level = 'district'
  JOIN activity a ON a.id = ad.activity_id WHERE a.key = '$A_DONE'")
expect_eq "a row per district of $A_DONE, each with its status" \
	"$(python3 -c "import csv,sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1])) if r['Nyckel'] == sys.argv[2] and r['Status'] == 'done' and r['Rapport'] == 'godkänd'))" "$TMP/led.csv" "$A_DONE")" "$ND"
expect_eq "the silent committee's rows say no report" \
	"$(python3 -c "import csv,sys; print({r['Rapport'] for r in csv.DictReader(open(sys.argv[1])) if r['Organisation'] == 'utbildningsnamnden'})" "$TMP/led.csv")" "{'ingen'}"
expect_eq "the resources in tkr" \
	"$(python3 -c "import csv,sys; print([r['Omfattning'] + ' ' + r['Enhet'] for r in csv.DictReader(open(sys.argv[1])) if r['Åtagande'] == 'resurs'])" "$TMP/led.csv")" \
	"['1500 tkr', '2.5 årsarbetare']"
expect_exit "export xlsx commitments" 0 L export xlsx commitments --year 2017 --period T2 -o "$TMP/led.xlsx"

# --- arguments and the routes for every role ---------------------------------------------------------
req "a period is needed" 400 GET "/api/v1/views/commitments?year=2017"
req "a bad period" 400 GET "/api/v1/views/commitments?year=2017&period=T3"
req "the page refuses a bad year" 400 GET "/uppfoljning/atagande?ar=17&period=T2"
for role in anon reader oreader other sf city admin; do
	eval "tok=\$T_$role"
	for path in /stadsdelar/samverkan "/stadsdelar/samverkan?stadsdel=farsta" /uppfoljning/atagande \
		/api/v1/views/organisations-districts "$V"; do
		req "GET $path as $role" 200 GET "$path" "" "$tok"
	done
	req "no POST to the ledger view as $role" 405 POST "$V" '{}' "$tok"
done
finish
