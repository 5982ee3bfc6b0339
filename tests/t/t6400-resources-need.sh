#!/bin/sh
# t6400: resources versus need (issue 13, guideline 3; docs/resources-need.md) against the real
# `lup serve`: Socialförvaltningen's editor records resources for three districts through
# POST /api/v1/allocations (201 + Location, an audit entry each); bad input is refused naming the
# field, with nothing changed; every write route for the six roles (anonymous, a reader, the
# organisation's editor, another organisation's editor, a district's editor, the city office,
# an administrator); the CSV import is all or nothing with file:line and column; the need index of
# GET /api/v1/views/resources-need is recomputed here from the database's own outcomes (python3 +
# sqlite3) and compared, with the districts ordered by it, the resources per 1 000 residents and
# the steps; the city's choice of indicators and weights changes the index as the rule says; the
# export table resources-need has the same rows in the same order; the pages show the order, the
# rule and the steps, and the form records, refuses in Swedish and removes.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
PY=/usr/bin/python3

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
# the demo's example allocations (load/example-alloc.c, checked in t0130) out of the way: this
# test counts the rows it records itself
sqlite3 "$DB" "DELETE FROM resource_allocation WHERE example = 1"
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader --org socialforvaltningen >/dev/null
printf 'editorpassword1\n' | L user add sf --role editor --org socialforvaltningen >/dev/null
printf 'editorpassword2\n' | L user add st --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'editorpassword3\n' | L user add fb --role editor --org familjebostader >/dev/null
for u in admin city reader sf st fb; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
[ -n "$T_sf" ] && ok "tokens are created" || nok "token create"
expect_eq "the dataset's populations are stored" "$(q 'SELECT count(*) FROM area_population')" 14
serve "$DB"
A=/api/v1/allocations
state() { q "SELECT (SELECT count(*) FROM resource_allocation), (SELECT coalesce(group_concat(id || ':' || area_id || ':' || year || ':' || kind || ':' || amount || ':' || unit || ':' || coalesce(note, ''), '|'), '') FROM resource_allocation), (SELECT count(*) FROM audit)"; }

# --- Socialförvaltningen records resources for three districts -------------------------------------
req "money for Spånga-Tensta" 201 POST $A '{"org":"socialforvaltningen","district":"spanga-tensta","year":2022,"kind":"money","amount":1200,"unit":"tkr","note":"Fältassistenter"}' "$T_sf"
ID1=$(jb .id)
expect_eq "its Location" "$(grep -i '^location:' "$TMP/headers" | tr -d '\r' | cut -d' ' -f2)" "$A/$ID1"
expect_eq "the allocation as answered" "$(jb '[.org, .district, .year, .kind, .amount, .unit, .note] | map(tostring) | join("|")')" \
	"socialforvaltningen|spanga-tensta|2022|money|1200|tkr|Fältassistenter"
expect_eq "an audit entry" "$(q "SELECT action || ':' || entity || ':' || actor FROM audit WHERE entity_id = $ID1 AND entity = 'allocation'")" "insert:allocation:sf"
req "money for Rinkeby-Kista (a decimal amount)" 201 POST $A '{"org":"socialforvaltningen","district":"rinkeby-kista","year":2022,"kind":"money","amount":2500.5,"unit":"tkr"}' "$T_sf"
ID2=$(jb .id)
req "staff for Skärholmen (org left out: the caller's)" 201 POST $A '{"district":"skarholmen","year":2022,"kind":"staff","amount":3,"unit":"årsarbetare"}' "$T_sf"
ID3=$(jb .id)
expect_eq "the staff row's organisation" "$(jb .org)" "socialforvaltningen"

# --- refusals name the field; nothing changes ----------------------------------------------------------
BEFORE=$(state)
refuse() { req "$1" 422 POST $A "$2" "$T_sf"; expect_eq "$1: the field" "$(jb '.error.fields[0].field')" "$3"; }
refuse "no district" '{"year":2022,"kind":"money","amount":1,"unit":"tkr"}' district
refuse "an unknown district" '{"district":"atlantis","year":2022,"kind":"money","amount":1,"unit":"tkr"}' district
refuse "a neighbourhood is no district" "{\"district\":\"$(q "SELECT key FROM area WHERE level = 'neighbourhood' LIMIT 1")\",\"year\":2022,\"kind\":\"money\",\"amount\":1}" district
refuse "a kind that is none" '{"district":"farsta","year":2022,"kind":"gold","amount":1}' kind
refuse "a negative amount" '{"district":"farsta","year":2022,"kind":"money","amount":-1,"unit":"tkr"}' amount
refuse "no amount" '{"district":"farsta","year":2022,"kind":"money","unit":"tkr"}' amount
refuse "the unit of another kind" '{"district":"farsta","year":2022,"kind":"money","amount":1,"unit":"timmar"}' unit
refuse "a year out of range" '{"district":"farsta","year":1800,"kind":"money","amount":1}' year
refuse "no year" '{"district":"farsta","kind":"money","amount":1}' year
refuse "a second row of the same district, year and kind" '{"district":"spanga-tensta","year":2022,"kind":"money","amount":5,"unit":"tkr"}' kind
refuse "an unknown organisation" '{"org":"nope","district":"farsta","year":2022,"kind":"money","amount":1}' org
req "an unknown field" 422 POST $A '{"district":"farsta","year":2022,"kind":"money","amount":1,"purpose":"x"}' "$T_sf"
expect_eq "nothing changed by the refusals" "$(state)" "$BEFORE"

# --- the six roles ----------------------------------------------------------------------------------------
BODY='{"org":"socialforvaltningen","district":"farsta","year":2022,"kind":"places","amount":12,"unit":"platser"}'
req "anonymous: no POST" 401 POST $A "$BODY"
req "a reader of the organisation: no POST" 403 POST $A "$BODY" "$T_reader"
req "another organisation's editor: no POST" 403 POST $A "$BODY" "$T_fb"
req "a district's editor records nothing for its own committee" 403 POST $A \
	'{"district":"spanga-tensta","year":2022,"kind":"money","amount":1,"unit":"tkr"}' "$T_st"
req "nor for Socialförvaltningen" 403 POST $A "$BODY" "$T_st"
req "an administrator records nothing for a district committee either" 403 POST $A \
	'{"org":"farsta-stadsdelsnamnd","district":"farsta","year":2022,"kind":"money","amount":1}' "$T_admin"
for who in reader fb st; do
	eval "tok=\$T_$who"
	req "$who: no PATCH" 403 PATCH $A/$ID1 '{"amount":1}' "$tok"
	req "$who: no DELETE" 403 DELETE $A/$ID1 "" "$tok"
done
req "anonymous: no PATCH" 401 PATCH $A/$ID1 '{"amount":1}'
req "anonymous: no DELETE" 401 DELETE $A/$ID1
expect_eq "nothing changed by the refused writes" "$(state)" "$BEFORE"
req "the city office records for Socialförvaltningen" 201 POST $A "$BODY" "$T_city"
IDC=$(jb .id)
req "an administrator records hours for a company" 201 POST $A '{"org":"familjebostader","district":"farsta","year":2022,"kind":"hours","amount":400,"unit":"timmar"}' "$T_admin"
IDH=$(jb .id)
req "the company's own editor changes its row" 200 PATCH $A/$IDH '{"amount":450,"note":"Läxhjälp"}' "$T_fb"
expect_eq "the change" "$(jb '[.amount, .note] | map(tostring) | join("|")')" "450|Läxhjälp"
expect_eq "audited as an update with what changed" "$(q "SELECT action FROM audit WHERE entity = 'allocation' AND entity_id = $IDH ORDER BY id DESC LIMIT 1")" "update"
req "the organisation's editor changes the city's entry" 200 PATCH $A/$IDC '{"amount":14}' "$T_sf"
req "a PATCH naming a bad kind" 422 PATCH $A/$IDC '{"kind":"gold"}' "$T_sf"
req "org cannot be changed" 422 PATCH $A/$IDC '{"org":"familjebostader"}' "$T_sf"
req "the city office removes a row" 204 DELETE $A/$IDH "" "$T_city"
expect_eq "audited as a delete" "$(q "SELECT action FROM audit WHERE entity = 'allocation' AND entity_id = $IDH ORDER BY id DESC LIMIT 1")" "delete"
req "a removed row is gone" 404 DELETE $A/$IDH "" "$T_admin"
req "the list kind allocations" 200 GET "/api/v1/allocations?org=socialforvaltningen&year=2022"
expect_eq "lists the four rows in the new shape" "$(jb '[.items[] | .kind] | sort | join(",")')" "money,money,places,staff"

# --- the CSV import: all or nothing, with line and column ----------------------------------------------
printf 'org;district;year;kind;amount;unit;note\nsocialforvaltningen;bromma;2022;pengar;"1 250,5";tkr;"Läxhjälp; och ""mer"""\nsocialforvaltningen;atlantis;2022;money;5;tkr;\n' >"$TMP/bad.csv"
BEFORE=$(state)
expect_exit "an import with an unknown district fails" 1 L import allocations "$TMP/bad.csv"
expect_err "naming the file, line and column" "bad.csv:3: column 2 (district): 'atlantis'"
expect_eq "and writes nothing" "$(state)" "$BEFORE"
printf 'Organisation,Stadsdelsområde,År,Slag,Mängd\nsocialforvaltningen,bromma,2022,personal,x\n' >"$TMP/bad2.csv"
expect_exit "an amount that is no number" 1 L import allocations "$TMP/bad2.csv"
expect_err "is named" "bad2.csv:2: column 5 (amount): 'x' is not a number"
sed -i 's/atlantis/alvsjo/' "$TMP/bad.csv"
expect_exit "the corrected file imports" 0 L import allocations "$TMP/bad.csv"
expect_eq "both rows, the quoted note kept" "$(q "SELECT group_concat(x, '|') FROM (SELECT a.key || ':' || r.kind || ':' || r.amount || ':' || coalesce(r.note, '') AS x FROM resource_allocation r JOIN area a ON a.id = r.area_id WHERE a.key IN ('bromma','alvsjo') ORDER BY a.key) AS sq1")" \
	"$(sql_real 'alvsjo:money:5.0:|bromma:money:1250.5:Läxhjälp; och "mer"')"
expect_exit "importing it again" 0 L import allocations "$TMP/bad.csv"
expect_out "changes nothing" "written 0, unchanged 2"
q "UPDATE resource_allocation SET example = 1 WHERE area_id = (SELECT id FROM area WHERE key = 'alvsjo')"
expect_exit "the export of the allocations" 0 L export csv allocations --year 2022 -o "$TMP/al-export.csv"
expect_exit "reads back through the import" 0 L import allocations "$TMP/al-export.csv"
expect_out "unchanged, the example row skipped" "written 0, unchanged $(q "SELECT count(*) FROM resource_allocation WHERE year = 2022 AND example = 0"), skipped 1"
# through the web import form: the organisation's own rows only
login sfj sf editorpassword1
ICSRF=$(curl -s -b "$TMP/sfj" "$BASE/importera" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
printf 'org;district;year;kind;amount;unit\nfamiljebostader;farsta;2022;money;5;tkr\n' >"$TMP/other.csv"
page "the web import refuses another organisation's rows" 403 POST /importera sfj -F "csrf=$ICSRF" -F typ=allocations -F "fil=@$TMP/other.csv"
printf 'org;district;year;kind;amount;unit\nsocialforvaltningen;farsta;2022;hours;80;timmar\n' >"$TMP/own.csv"
page "and checks the organisation's own in a dry run" 200 POST /importera sfj -F "csrf=$ICSRF" -F typ=allocations -F "fil=@$TMP/own.csv"
has "showing what it would write" "Resurs"
q "DELETE FROM resource_allocation WHERE area_id IN (SELECT id FROM area WHERE key IN ('bromma','alvsjo'))"

# --- the need index, recomputed from the database's own outcomes ----------------------------------------
cat >"$TMP/need.py" <<'EOF'
import json, math, sqlite3, sys
db = sqlite3.connect(sys.argv[1]); year = int(sys.argv[2]); api = json.load(open(sys.argv[3]))
chosen = db.execute('SELECT indicator_id, weight FROM need_indicator ORDER BY indicator_id').fetchall()
def vals(ind, level):
    return dict(db.execute("""SELECT a.key, x.value FROM outcome x JOIN period p ON p.id = x.period_id JOIN area a
      ON a.id = x.area_id WHERE x.indicator_id = ? AND p.year = ? AND p.kind = 'FY' AND x.sex = 'T'
      AND x.value IS NOT NULL AND a.level = ?""", (ind, year, level)).fetchall())
if not chosen:  # the documented default: shares with a direction, a city value and two district values
    chosen = [(i, 1.0) for (i,) in db.execute("""SELECT id FROM indicator WHERE direction IN ('higher','lower')
      AND unit = '%' ORDER BY id""") if vals(i, 'municipality') and len(vals(i, 'district')) >= 2]
districts = [k for (k,) in db.execute("SELECT key FROM area WHERE level = 'district'")]
num = {d: 0.0 for d in districts}; den = {d: 0.0 for d in districts}
for ind, w in chosen:
    direction = db.execute('SELECT direction FROM indicator WHERE id = ?', (ind,)).fetchone()[0]
    city = list(vals(ind, 'municipality').values())
    if not city: continue
    dv = vals(ind, 'district')
    gaps = {d: (city[0] - v if direction == 'higher' else v - city[0]) for d, v in dv.items()}
    if not gaps: continue
    m = sum(gaps.values()) / len(gaps); sd = math.sqrt(sum((g - m) ** 2 for g in gaps.values()) / len(gaps))
    for d, g in gaps.items():
        num[d] += w * (0 if len(gaps) < 2 or sd <= 1e-9 else (g - m) / sd); den[d] += w
index = {d: (num[d] / den[d] if den[d] else None) for d in districts}
got = {i['district']: i['need_index'] for i in api['items']}
same = all((index[d] is None and got[d] is None) or abs(index[d] - got[d]) < 1e-9 for d in districts)
order = [i['district'] for i in api['items']]
want = sorted(districts, key=lambda d: -index[d])
print(len(chosen), len(api['indicators']), same, order == want,
      all(order.index(a) < order.index(b) for a in order for b in order if got[a] > got[b]))
EOF
req "the view of 2022" 200 GET "/api/v1/views/resources-need?year=2022"
cp "$TMP/body" "$TMP/view.json"
R=$($PY "$TMP/need.py" "$(db_file "$DB")" 2022 "$TMP/view.json")
N=$(echo "$R" | cut -d' ' -f1)
[ "$N" -gt 0 ] && ok "the default set has indicators ($N)" || nok "the default set is empty"
expect_eq "the default indicators, every district's index as recomputed, ordered by it" "$R" "$N $N True True True"
expect_eq "one item per district, the index in a field named need" "$(jb '[.items[] | has("need_index")] | length')" 14
expect_eq "chosen by the documented default" "$(jb .indicators_chosen_by)" "default"
expect_eq "the rule in words" "$(jb '.rule | test("standardised")')" "true"
POP=$(q "SELECT population FROM area_population p JOIN area a ON a.id = p.area_id WHERE a.key = 'spanga-tensta'")
expect_eq "Spånga-Tensta's money and per 1 000 residents" \
	"$(jb '.items[] | select(.district == "spanga-tensta") | [.resources.money.amount, .resources.money.unit, (.resources.money.per_1000_residents * 1000 | round)] | map(tostring) | join("|")')" \
	"1200|tkr|$(( 1200 * 1000 * 1000 / POP ))"
expect_eq "Skärholmen's staff" "$(jb '.items[] | select(.district == "skarholmen") | .resources.staff.amount')" "3"
expect_eq "the steps: one per indicator per district, with value, gap and z" \
	"$(jb "[.items[] | .steps | length] | unique | map(tostring) | join(\",\")") $(jb '.items[0].steps[0] | has("value") and has("gap") and has("z")')" "$N true"
req "one organisation's resources" 200 GET "/api/v1/views/resources-need?year=2022&org=familjebostader"
expect_eq "count only that organisation's" "$(jb '[.items[].resources.money.amount] | add')" "0"
req "a bad year" 400 GET "/api/v1/views/resources-need?year=abc"
req "an unknown organisation" 404 GET "/api/v1/views/resources-need?year=2022&org=nope"

# --- the city chooses the indicators ------------------------------------------------------------------------
I1=$(q "SELECT key FROM indicator WHERE direction = 'lower' AND unit = '%' ORDER BY id LIMIT 1")
I2=$(q "SELECT key FROM indicator WHERE direction = 'higher' AND unit = '%' ORDER BY id LIMIT 1")
NEED="{\"indicators\":[{\"indicator\":\"$I1\",\"weight\":3},{\"indicator\":\"$I2\",\"weight\":1}]}"
BEFORE=$(q "SELECT count(*) FROM audit")
req "anonymous: no PUT" 401 PUT /api/v1/views/resources-need/indicators "$NEED"
req "an editor: no PUT" 403 PUT /api/v1/views/resources-need/indicators "$NEED" "$T_sf"
req "a reader: no PUT" 403 PUT /api/v1/views/resources-need/indicators "$NEED" "$T_reader"
req "an unknown indicator" 422 PUT /api/v1/views/resources-need/indicators '{"indicators":[{"indicator":"nope"}]}' "$T_city"
req "a weight of 0" 422 PUT /api/v1/views/resources-need/indicators "{\"indicators\":[{\"indicator\":\"$I1\",\"weight\":0}]}" "$T_city"
expect_eq "nothing written by the refusals" "$(q 'SELECT count(*) FROM need_indicator') $(q 'SELECT count(*) FROM audit')" "0 $BEFORE"
req "the city office chooses two indicators" 200 PUT /api/v1/views/resources-need/indicators "$NEED" "$T_city"
expect_eq "as chosen" "$(jb '[.chosen_by, (.indicators | map(.indicator + ":" + (.weight | tostring)) | join(","))] | join("|")')" "city|$I1:3,$I2:1"
expect_eq "audited" "$(q "SELECT action || ':' || entity FROM audit ORDER BY id DESC LIMIT 1")" "update:need_indicators"
req "the view with the city's indicators" 200 GET "/api/v1/views/resources-need?year=2022"
cp "$TMP/body" "$TMP/view2.json"
expect_eq "recomputed with the weights" "$($PY "$TMP/need.py" "$(db_file "$DB")" 2022 "$TMP/view2.json")" "2 2 True True True"
expect_eq "chosen by the city" "$(jb .indicators_chosen_by)" "city"

# --- the export table -------------------------------------------------------------------------------------
expect_exit "export csv resources-need" 0 L export csv resources-need --year 2022 -o "$TMP/rn.csv"
expect_eq "the same districts in the same order" "$(sed 1d "$TMP/rn.csv" | cut -d';' -f2 | tr '\n' ',')" \
	"$(jb '[.items[].district] | join(",")'),"
expect_eq "Spånga-Tensta's money in the table" "$(grep ';spanga-tensta;' "$TMP/rn.csv" | cut -d';' -f7)" "1200"
expect_eq "the header" "$(head -1 "$TMP/rn.csv" | tr -d '\357\273\277' | cut -d';' -f1-4)" "Rang;Område;Områdesnamn;Behovsindex"
expect_exit "export xlsx resources-need" 0 L export xlsx resources-need --year 2022 -o "$TMP/rn.xlsx"
page "the table as a file on the web" 200 GET "/resurser/resurser-och-behov.csv?ar=2022" -
expect_eq "the same rows" "$(sed 1d "$TMP/body" | cut -d';' -f2 | tr '\n' ',')" "$(sed 1d "$TMP/rn.csv" | cut -d';' -f2 | tr '\n' ',')"

# --- the pages ---------------------------------------------------------------------------------------------
page "the city's page" 200 GET "/resurser?ar=2022" -
valid "is valid HTML"
has "states the rule" "Avstånden standardiseras över stadsdelsområdena"
has "shows the steps" "Så räknades indexet"
has "names the chosen indicators" "Indikatorerna och vikterna är stadens val."
expect_eq "lists the districts in the order of the index" \
	"$(grep -o 'data-district="[a-z-]*"' "$TMP/body" | cut -d'"' -f2 | tr '\n' ',')" "$(jq -r '[.items[].district] | join(",")' "$TMP/view2.json"),"
CS=$(curl -s -b "$TMP/sfj" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
login cityj city citypassword1
CC=$(curl -s -b "$TMP/cityj" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
page "the city office sees the choice as a form" 200 GET "/resurser?ar=2022" cityj
has "with the chosen indicators and weights" "$I1 3"
BEFORE=$(q "SELECT count(*) FROM audit")
page "an unknown key is refused" 422 POST /resurser/indikatorer cityj --data-urlencode "csrf=$CC" \
	--data-urlencode "indikatorer=$I1 2
nope"
has "in Swedish at the field" "Det finns ingen publicerad indikator med nyckeln nope."
expect_eq "nothing written" "$(q 'SELECT count(*) FROM need_indicator') $(q 'SELECT count(*) FROM audit')" "2 $BEFORE"
page "the city office chooses one indicator through the form" 303 POST /resurser/indikatorer cityj \
	--data-urlencode "csrf=$CC" --data-urlencode "indikatorer=$I2 2,5"
expect_eq "as written" "$(q "SELECT i.key || ' ' || n.weight FROM need_indicator n JOIN indicator i ON i.id = n.indicator_id")" "$I2 2.5"
page "an editor may not" 403 POST /resurser/indikatorer sfj --data-urlencode "csrf=$CS" --data-urlencode "indikatorer="
page "the city office restores the default" 303 POST /resurser/indikatorer cityj --data-urlencode "csrf=$CC" \
	--data-urlencode "indikatorer="
expect_eq "none chosen" "$(q 'SELECT count(*) FROM need_indicator')" 0
page "one organisation's page" 200 GET "/organisation/socialforvaltningen/resurser-behov?ar=2022" -
valid "is valid HTML"
page "the resources page" 200 GET "/organisation/socialforvaltningen/resurser" -
has "lists the recorded rows" "Fältassistenter"
has "shows the budget section" "Budget enligt verksamhetsplanen"
hasnt "offers anonymous callers no form" 'name="mangd"'
page "the editor's form" 200 GET "/organisation/socialforvaltningen/resurser" sfj
has "offers the form" 'name="mangd"'
valid "is valid HTML"
BEFORE=$(state)
page "an amount that is no number is refused" 422 POST "/organisation/socialforvaltningen/resurser" sfj \
	--data-urlencode "csrf=$CS" -d "stadsdel=farsta&ar=2022&slag=money" --data-urlencode "mangd=mycket"
has "in Swedish at the field" "Mängd: skriv ett tal"
page "a kind already recorded is refused" 422 POST "/organisation/socialforvaltningen/resurser" sfj \
	--data-urlencode "csrf=$CS" -d "stadsdel=spanga-tensta&ar=2022&slag=money&mangd=5"
has "naming the field in Swedish" "Slag finns redan för organisationen"
expect_eq "nothing changed" "$(state)" "$BEFORE"
page "the editor records hours for Farsta" 303 POST "/organisation/socialforvaltningen/resurser" sfj \
	--data-urlencode "csrf=$CS" -d "stadsdel=farsta&ar=2022&slag=hours" --data-urlencode "mangd=1 200,5" \
	--data-urlencode "anteckning=Läxhjälp"
NEW=$(q "SELECT r.id FROM resource_allocation r JOIN area a ON a.id = r.area_id WHERE a.key = 'farsta' AND r.kind = 'hours'")
expect_eq "written with its unit" "$(q "SELECT amount || ' ' || unit || ' ' || note FROM resource_allocation WHERE id = $NEW")" "1200.5 timmar Läxhjälp"
page "and removes it" 303 POST "/organisation/socialforvaltningen/resurser/$NEW/ta-bort" sfj --data-urlencode "csrf=$CS"
expect_eq "gone, audited" "$(q "SELECT count(*) FROM resource_allocation WHERE id = $NEW") $(q "SELECT action FROM audit WHERE entity = 'allocation' AND entity_id = $NEW ORDER BY id DESC LIMIT 1")" "0 delete"
login stj st editorpassword2
page "a district's editor sees no form" 200 GET "/organisation/spanga-tensta-stadsdelsnamnd/resurser" stj
hasnt "none" 'name="mangd"'
CS2=$(curl -s -b "$TMP/stj" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
page "and cannot post one for Socialförvaltningen" 403 POST "/organisation/socialforvaltningen/resurser" stj \
	--data-urlencode "csrf=$CS2" -d "stadsdel=farsta&ar=2022&slag=money&mangd=5"
q "INSERT INTO budget_line (plan_version_id, tbl, ord, label, col, amount_mnkr) SELECT pv.id, 'Driftbudget', 1,
 'Individ- och familjeomsorg', 'Budget 2022', 412.5 FROM plan_version pv JOIN plan p ON p.id = pv.plan_id
 WHERE p.key = 'vp-2022-spanga-tensta' AND pv.status <> 'draft' ORDER BY pv.version DESC LIMIT 1"
page "the budget lines of the verksamhetsplan" 200 GET "/organisation/spanga-tensta-stadsdelsnamnd/resurser" -
has "are shown as they are" "Individ- och familjeomsorg"
has "labelled by their source" "Källa: verksamhetsplanen vp-2022-spanga-tensta"
login fbj fb editorpassword3
page "another organisation's editor cannot open a row's form" 403 GET "/organisation/socialforvaltningen/resurser/$ID1" fbj
page "nor sees the form" 200 GET "/organisation/socialforvaltningen/resurser" fbj
hasnt "none" 'name="mangd"'
page "the district page shows the resources" 200 GET "/stadsdel/spanga-tensta" -
has "in the new shape" "Fältassistenter"
# --- an example row (load/example-alloc.c) gives way to what the organisation records ----------------
q "INSERT INTO resource_allocation (org_id, area_id, year, kind, amount, unit, note, example) SELECT o.id, a.id, 2019,
   'money', 777, 'tkr', 'Exempeldata', 1 FROM organisation o, area a WHERE o.key = 'socialforvaltningen' AND a.key = 'alvsjo'"
req "money where an example row is" 201 POST $A '{"org":"socialforvaltningen","district":"alvsjo","year":2019,"kind":"money","amount":640,"unit":"tkr"}' "$T_sf"
expect_eq "takes the example row's place" "$(q "SELECT count(*) || ':' || group_concat(amount || ':' || example) FROM resource_allocation r
	JOIN area a ON a.id = r.area_id WHERE a.key = 'alvsjo' AND r.year = 2019 AND r.kind = 'money'")" "$(sql_real "1:640.0:0")"
finish
