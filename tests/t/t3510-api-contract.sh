#!/bin/sh
# t3510: the API's query parameters and its OpenAPI contract (issue 15). Unknown, misspelled,
# repeated and malformed query parameters answer 400 naming them (and, for unknown ones, what
# the route takes); pages keep ignoring what they do not know (utm_*); outcomes filter by
# indicator, area, sex and period. Then tests/tools/openapi-contract.js (ajv, JSON Schema
# 2020-12) checks the document's structure, sends a series of writes whose request bodies and
# answers must match it, and validates the real answer of every GET operation; a schema that
# no longer matches a real answer must fail the run (shown at the end).
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
NODE_OK=1
command -v node >/dev/null 2>&1 && [ -f "$ROOT/node_modules/ajv/dist/2020.js" ] || NODE_OK=0

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
# the commission's responses (seed 002), so that responses and recommendations have items
L import commission "$SEEDS/002_e3f287d953d70608.txt" >/dev/null 2>&1 || nok "import commission"
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
T=$(L token create admin 2>/dev/null)
T2=$(L token create admin 2>/dev/null)
[ -n "$T" ] && ok "a token is created" || nok "token create"
serve "$DB"

# --- query parameters -----------------------------------------------------------------------
req "outcomes take ?indicator" 200 GET "/api/v1/outcomes?indicator=1&year=2022&limit=1000"
IK=$(jb '.items[0].indicator')
expect_eq "?indicator=1 keeps only indicator 1's outcomes" "$(jb "[.items[] | select(.indicator != \"$IK\")] | length")" 0
N1=$(jb .total)
req "all of 2022" 200 GET "/api/v1/outcomes?year=2022&limit=1"
[ "$(jb .total)" -gt "$N1" ] && ok "the filter narrows the list ($N1 of $(jb .total))" || nok "indicator filter ignored ($N1 vs $(jb .total))"
req "an indicator by key" 200 GET "/api/v1/outcomes?indicator=$IK&year=2022&limit=1"
expect_eq "the same outcomes by key" "$(jb .total)" "$N1"
req "outcomes by area, sex and period" 200 GET "/api/v1/outcomes?indicator=$IK&area=alvsjo&sex=K&period=2022-T1"
expect_eq "one outcome: Älvsjö, women, 2022-T1" "$(jb '[.total, .items[0].area, .items[0].sex, .items[0].period] | join(" ")')" "1 alvsjo K 2022-T1"
expect_eq "lup list takes the same filters" \
	"$(L list outcomes --indicator "$IK" --area alvsjo --sex K --period 2022-T1 --json | jq -r '[length, .[0].sex] | join(" ")')" "1 K"
expect_exit "lup list refuses a bad sex" 2 "$LUP" --db "$DB" list outcomes --sex X
req "period as a kind (VB is FY)" 200 GET "/api/v1/outcomes?indicator=$IK&period=VB&limit=1000"
expect_eq "only year-end outcomes" "$(jb '[.items[] | select(.period | endswith("-FY") | not)] | length')" 0
req "an unknown indicator" 404 GET "/api/v1/outcomes?indicator=no-such-indicator"
req "a bad sex" 400 GET "/api/v1/outcomes?sex=X"
expect_eq "the field is named" "$(jb '.error.fields[0].field')" sex
req "a bad period" 400 GET "/api/v1/outcomes?period=2022-Q9"
expect_eq "the message names period" "$(jb '.error.message | test("period")')" true

req "a misspelled parameter" 400 GET "/api/v1/outcomes?indicatr=1&year=2022"
expect_eq "it is named" "$(jb '.error.fields[0].field')" indicatr
expect_eq "the message names it and the allowed ones" \
	"$(jb '.error.message | test("indicatr") and test("indicator, area, sex, period")')" true
expect_eq "the field's message lists what the route takes" "$(jb '.error.fields[0].message | test("limit, offset, sort")')" true
req "two unknown parameters" 400 GET "/api/v1/goals?colour=red&yeer=2022"
expect_eq "both are named" "$(jb '[.error.fields[].field] | join(",")')" "colour,yeer"
req "a filter the kind does not take" 400 GET "/api/v1/districts?year=2022"
expect_eq "year is named for districts" "$(jb '.error.fields[0].field')" year
req "a route without query parameters" 400 GET "/api/v1/views/districts-themes?x=1"
expect_eq "it says it takes none" "$(jb '.error.message | test("takes: none")')" true
req "not a whole number" 400 GET "/api/v1/districts?limit=ten"
expect_eq "limit is named" "$(jb '.error.fields[0].field')" limit
req "not a year" 400 GET "/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=20x2"
expect_eq "year is named" "$(jb '.error.fields[0].field') $(jb '.error.message | test("year")')" "year true"
req "not one of the values" 400 GET "/api/v1/views/commitments?year=2022&period=T4"
expect_eq "period and its values are named" "$(jb '.error.fields[0].field') $(jb '.error.fields[0].message | test("T1\\|T2\\|VB")')" "period true"
req "a parameter given twice" 400 GET "/api/v1/outcomes?year=2022&year=2023"
expect_eq "it is named" "$(jb '.error.fields[0].field')" year
req "not an id" 400 DELETE "/api/v1/goals/1?move_to=x" "" "$T"
expect_eq "move_to is named" "$(jb '.error.fields[0].field')" move_to
req "a write route's unknown parameter" 400 DELETE "/api/v1/goals/1?moveto=2" "" "$T"
req "the declared parameters still work" 200 GET "/api/v1/districts?limit=2&offset=1&sort=-name&district=bromma"
req "an unknown collection is still 404" 404 GET "/api/v1/nothing?x=1"
# text that is not UTF-8 names nothing (and PostgreSQL refuses it as a bound value: it was a 500
# there, found by fuzz-http on PostgreSQL); 400 before any route sees it, on both backends
req "a path that is not UTF-8" 400 GET "/api/v1/districts/sp%FFanga-tensta"
expect_eq "it says so" "$(jb .error.message)" "the path or the query string is not UTF-8"
req "a query value that is not UTF-8" 400 GET "/api/v1/outcomes?area=%C3%28"
req "a query name that is not UTF-8" 400 GET "/api/v1/outcomes?%FF=1"
page "a page's path that is not UTF-8" 400 GET "/stadsdel/sp%FFanga-tensta" -
page "a page's query value that is not UTF-8" 400 GET "/sok?q=%FF" -
page "UTF-8 in a page's query string is fine" 200 GET "/sok?q=%C3%A4ldre" -
page "pages ignore tracking parameters" 200 GET "/stadsdelar?utm_source=newsletter&utm_medium=mail" -
page "pages ignore unknown parameters" 200 GET "/?x=1" -

# --- the OpenAPI contract --------------------------------------------------------------------
req "openapi" 200 GET /api/openapi.json
cp "$TMP/body" "$TMP/openapi.json"
expect_eq "the issue's example operationId" \
	"$(jq -r '.paths["/api/v1/organisations/{id}/goal-chain"].get.operationId' "$TMP/openapi.json")" getOrganisationGoalChain
expect_eq "actions are named for what they do" \
	"$(jq -r '[.paths["/api/v1/reports/{id}/submit"].post.operationId, .paths["/api/v1/users/{id}/disable"].post.operationId,
	  .paths["/api/v1/plans/{key}/versions/{n}/themes/order"].post.operationId, .paths["/healthz"].get.operationId] | join(" ")' "$TMP/openapi.json")" \
	"submitReport disableUser reorderPlanVersionThemes getHealth"
expect_eq "outcomes document their filters" \
	"$(jq -r '[.paths["/api/v1/outcomes"].get.parameters[].name] | join(",")' "$TMP/openapi.json")" \
	"limit,offset,sort,org,district,year,indicator,area,sex,period"
expect_eq "a query parameter has its schema" \
	"$(jq -c '.paths["/api/v1/outcomes"].get.parameters[] | select(.name == "sex") | .schema' "$TMP/openapi.json")" \
	'{"type":"string","enum":["T","K","M"]}'
expect_eq "bodies are named schemas" \
	"$(jq -r '.paths["/api/v1/goals/{id}"].patch.requestBody.content["application/json"].schema["$ref"]' "$TMP/openapi.json")" \
	"#/components/schemas/GoalPatch"

MKEY=$(curl -s "$BASE/api/v1/plans/lup-spanga-tensta/versions/1/measures" | jq -r '.measures[0].key')
TOKID=$(curl -s -H "Authorization: Bearer $T" "$BASE/api/v1/tokens" | jq -r '.items | max_by(.id) | .id')
cat > "$TMP/plan.json" <<JSON
{"path": {"key": "lup-spanga-tensta", "n": 1, "ord": 1, "year": 2022},
 "writes": [
  {"method": "POST", "path": "/api/v1/users", "url": "/api/v1/users", "status": 201,
   "body": {"name": "contract", "role": "editor", "org": "socialnamnden", "password": "contractpassword1"}},
  {"method": "POST", "path": "/api/v1/users/{id}/disable", "url": "/api/v1/users/contract/disable"},
  {"method": "POST", "path": "/api/v1/users/{id}/enable", "url": "/api/v1/users/contract/enable"},
  {"method": "DELETE", "path": "/api/v1/tokens/{id}", "url": "/api/v1/tokens/$TOKID"},
  {"method": "POST", "path": "/api/v1/goals", "url": "/api/v1/goals", "status": 201, "save": {"goal": "id", "goalkey": "key"},
   "body": {"level": "namndmal", "parent": "kf-2022-1-1", "name": "Kontraktets mål", "year": 2022, "owner": "spanga-tensta-stadsdelsnamnd"}},
  {"method": "PATCH", "path": "/api/v1/goals/{id}", "url": "/api/v1/goals/\${goal}", "body": {"description": "Beskrivning", "results": ["Ett resultat"]}},
  {"method": "POST", "path": "/api/v1/indicators", "url": "/api/v1/indicators", "status": 201, "save": {"ind": "id", "indkey": "key"},
   "body": {"goal": "\${goalkey}", "name": "Kontraktets indikator", "unit": "%", "direction": "higher", "periodicity": "tertial"}},
  {"method": "PATCH", "path": "/api/v1/indicators/{id}", "url": "/api/v1/indicators/\${ind}", "body": {"unit": "antal"}},
  {"method": "PUT", "path": "/api/v1/indicators/{id}/targets/{year}/{kind}", "url": "/api/v1/indicators/\${ind}/targets/2022/own", "body": {"value": "12"}},
  {"method": "POST", "path": "/api/v1/outcomes", "url": "/api/v1/outcomes",
   "body": {"indicator": "\${indkey}", "period": "2022-T1", "area": "spanga-tensta", "value": 3.5}},
  {"method": "DELETE", "path": "/api/v1/indicators/{id}/targets/{year}/{kind}", "url": "/api/v1/indicators/\${ind}/targets/2022/own"},
  {"method": "POST", "path": "/api/v1/activities", "url": "/api/v1/activities", "status": 201, "save": {"act": "id"},
   "body": {"name": "Kontraktets aktivitet", "owner": "spanga-tensta-stadsdelsnamnd", "goal": "\${goalkey}", "districts": ["spanga-tensta"]}},
  {"method": "PATCH", "path": "/api/v1/activities/{id}", "url": "/api/v1/activities/\${act}", "body": {"status": "ongoing"}},
  {"method": "POST", "path": "/api/v1/reports", "url": "/api/v1/reports", "status": 201, "save": {"report": "id"},
   "body": {"org": "spanga-tensta-stadsdelsnamnd", "period": "2022-T1"}},
  {"method": "PATCH", "path": "/api/v1/reports/{id}", "url": "/api/v1/reports/\${report}", "body": {"forecast": "I balans"}},
  {"method": "PUT", "path": "/api/v1/reports/{id}/assessments/{goal}", "url": "/api/v1/reports/\${report}/assessments/\${goal}",
   "body": {"assessment": "partly", "analysis": "Delvis uppfyllt: hälften av aktiviteterna är klara"}},
  {"method": "PUT", "path": "/api/v1/reports/{id}/activities/{activity}", "url": "/api/v1/reports/\${report}/activities/\${act}",
   "body": {"status": "done", "comment": "Klart"}},
  {"method": "PUT", "path": "/api/v1/settings/committee_decision", "url": "/api/v1/settings/committee_decision", "body": {"value": "either"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions", "url": "/api/v1/plans/lup-spanga-tensta/versions", "status": 201, "body": {}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/themes", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/themes",
   "status": 201, "save": {"theme": "id"}, "body": {"name": "Kontraktets tema", "target_groups": ["unga"]}},
  {"method": "PATCH", "path": "/api/v1/plans/{key}/versions/{n}/themes/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/themes/\${theme}",
   "body": {"description": "Ett tema"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/partners", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/partners",
   "status": 201, "save": {"partner": "id"}, "body": {"label": "Kontraktets partner", "group": "other"}},
  {"method": "PATCH", "path": "/api/v1/plans/{key}/versions/{n}/partners/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/partners/\${partner}",
   "body": {"label": "Kontraktets partner 2"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/measures", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/measures",
   "status": 201, "save": {"measure": "id"}, "body": {"title": "Kontraktets åtgärd", "themes": ["\${theme}"], "partners": [{"partner": "\${partner}", "role": "lead"}]}},
  {"method": "PATCH", "path": "/api/v1/plans/{key}/versions/{n}/measures/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/measures/\${measure}",
   "body": {"description": "En åtgärd"}},
  {"method": "PUT", "path": "/api/v1/plans/{key}/versions/{n}/areas", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/areas", "body": {"scope": "none"}},
  {"method": "PUT", "path": "/api/v1/plans/{key}/versions/{n}/sections/{ord}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/sections/1",
   "body": {"title": "Inledning", "body": "Text."}},
  {"method": "GET", "path": "/api/v1/plans/{key}/versions/{n}/measures", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/measures", "save": {"mids": "measures[].id"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/measures/order", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/measures/order", "body": {"order": "\${mids}"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/measures/order", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/measures/order", "status": 422, "note": "a measure left out",
   "body": {"order": ["\${measure}"]}},
  {"method": "GET", "path": "/api/v1/plans/{key}/versions/{n}/themes", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/themes", "save": {"tids": "themes[].id"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/themes/order", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/themes/order", "body": {"order": "\${tids}"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/themes/order", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/themes/order", "status": 422, "note": "a theme left out",
   "body": {"order": ["\${theme}"]}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/themes", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/themes", "status": 201, "save": {"theme2": "id"}, "body": {"name": "Ett tema att ta bort"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/goals", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/goals", "status": 201, "save": {"lupgoal": "id"},
   "body": {"title": "Kontraktets målsättning", "theme": "\${theme}", "sex": "T", "horizon": "5y", "horizon_year": 2029, "baseline_year": 2024, "baseline_value": 5, "target_value": 10,
            "new_indicator": {"name": "Kontraktets LUP-indikator", "unit": "%", "direction": "higher"}}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/goals", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/goals", "status": 422, "note": "a title that is not text", "bodyInvalid": true,
   "body": {"title": 7, "theme": "\${theme}"}},
  {"method": "PATCH", "path": "/api/v1/plans/{key}/versions/{n}/goals/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/goals/\${lupgoal}", "body": {"description": "En målsättning"}},
  {"method": "PATCH", "path": "/api/v1/plans/{key}/versions/{n}/goals/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/goals/999999", "status": 404, "body": {"description": "Ingen"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/goals", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/goals", "status": 201, "save": {"lupgoal2": "id"},
   "body": {"title": "En målsättning att ta bort", "theme": "\${theme2}", "sex": "T", "horizon": "5y", "horizon_year": 2029, "baseline_year": 2024, "baseline_value": 5, "target_direction": "higher", "indicator": "\${indkey}"}},
  {"method": "DELETE", "path": "/api/v1/plans/{key}/versions/{n}/goals/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/goals/\${lupgoal2}", "status": 204},
  {"method": "DELETE", "path": "/api/v1/plans/{key}/versions/{n}/goals/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/goals/\${lupgoal2}", "status": 404, "note": "deleted already"},
  {"method": "DELETE", "path": "/api/v1/plans/{key}/versions/{n}/themes/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/themes/\${theme}", "status": 409, "note": "a goal uses it"},
  {"method": "DELETE", "path": "/api/v1/plans/{key}/versions/{n}/themes/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/themes/\${theme2}", "status": 204},
  {"method": "DELETE", "path": "/api/v1/plans/{key}/versions/{n}/measures/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/measures/\${measure}", "status": 204},
  {"method": "DELETE", "path": "/api/v1/plans/{key}/versions/{n}/partners/{id}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/partners/\${partner}", "status": 204},
  {"method": "PUT", "path": "/api/v1/deadlines/{year}/{kind}", "url": "/api/v1/deadlines/2027/T1", "body": {"due": "2027-05-10"}},
  {"method": "PUT", "path": "/api/v1/organisations/{key}/deadlines/{year}/{kind}/{level}",
   "url": "/api/v1/organisations/spanga-tensta-stadsdelsnamnd/deadlines/2027/T1/committee", "body": {"due": "2027-05-03"}},
  {"method": "DELETE", "path": "/api/v1/organisations/{key}/deadlines/{year}/{kind}/{level}",
   "url": "/api/v1/organisations/spanga-tensta-stadsdelsnamnd/deadlines/2027/T1/committee", "status": 204},
  {"method": "POST", "path": "/api/v1/allocations", "url": "/api/v1/allocations", "status": 201, "save": {"alloc": "id"},
   "body": {"org": "socialnamnden", "district": "spanga-tensta", "year": 2022, "kind": "money", "amount": 150, "unit": "tkr"}},
  {"method": "PATCH", "path": "/api/v1/allocations/{id}", "url": "/api/v1/allocations/\${alloc}", "body": {"note": "Anteckning"}},
  {"method": "POST", "path": "/api/v1/contributions", "url": "/api/v1/contributions", "status": 201, "save": {"contrib": "id"},
   "body": {"organisation": "socialnamnden", "name": "Kontraktets bidrag", "measure": "$MKEY", "role": "collaboration", "districts": ["spanga-tensta"]}},
  {"method": "PATCH", "path": "/api/v1/contributions/{id}", "url": "/api/v1/contributions/\${contrib}", "body": {"status": "ongoing"}},
  {"method": "POST", "path": "/api/v1/periods/{year}/{period}/reopen", "url": "/api/v1/periods/2022/T1/reopen", "status": 201, "body": {"reason": "Kontraktet"}},
  {"method": "PUT", "path": "/api/v1/views/resources-need/indicators", "url": "/api/v1/views/resources-need/indicators", "body": {"indicators": []}},
  {"method": "GET", "path": "/api/v1/plans/{id}", "url": "/api/v1/plans/vp-2022-spanga-tensta", "save": {"vpgoals": "goals[].id"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/goal-order", "url": "/api/v1/plans/vp-2022-spanga-tensta/goal-order", "body": {"order": "\${vpgoals}"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/goal-order", "url": "/api/v1/plans/vp-2022-spanga-tensta/goal-order", "status": 422,
   "note": "a goal of another plan", "body": {"order": [1]}},
  {"method": "POST", "path": "/api/v1/plans/{key}/goal-order", "url": "/api/v1/plans/no-such-plan/goal-order", "status": 404, "body": {"order": [1]}},
  {"method": "POST", "path": "/api/v1/plans/{key}/rollover", "url": "/api/v1/plans/vp-2022-spanga-tensta/rollover", "status": 201, "body": {"year": 2023}},
  {"method": "DELETE", "path": "/api/v1/activities/{id}", "url": "/api/v1/activities/\${act}", "status": 409, "note": "a report records it"},
  {"method": "POST", "path": "/api/v1/activities", "url": "/api/v1/activities", "status": 201, "save": {"act2": "id"},
   "body": {"name": "En aktivitet att ta bort", "owner": "spanga-tensta-stadsdelsnamnd", "goal": "\${goalkey}"}},
  {"method": "DELETE", "path": "/api/v1/activities/{id}", "url": "/api/v1/activities/\${act2}", "status": 204},
  {"method": "DELETE", "path": "/api/v1/reports/{id}/activities/{activity}", "url": "/api/v1/reports/\${report}/activities/\${act}"},
  {"method": "POST", "path": "/api/v1/reports/{id}/decision", "url": "/api/v1/reports/\${report}/decision", "body": {"date": "2022-05-20", "paragraph": "§ 12"}},
  {"method": "DELETE", "path": "/api/v1/deadlines/{year}/{kind}", "url": "/api/v1/deadlines/2027/T1", "status": 204},
  {"method": "POST", "path": "/api/v1/reports/{id}/submit", "url": "/api/v1/reports/\${report}/submit", "status": 422, "note": "goals are unassessed"},
  {"method": "PATCH", "path": "/api/v1/reports/{id}", "url": "/api/v1/reports/\${report}", "status": 412, "note": "a stale If-Match",
   "headers": {"If-Match": "\"00000000000000000000000000000000\""}, "body": {"forecast": "Inaktuell"}},
  {"method": "POST", "path": "/api/v1/reports", "url": "/api/v1/reports", "status": 201, "save": {"report2": "id"},
   "body": {"org": "socialnamnden", "period": "2022-T1"}},
  {"method": "POST", "path": "/api/v1/reports/{id}/approve", "url": "/api/v1/reports/\${report2}/approve", "status": 409, "note": "a draft", "body": {}},
  {"method": "POST", "path": "/api/v1/reports/{id}/submit", "url": "/api/v1/reports/\${report2}/submit"},
  {"method": "POST", "path": "/api/v1/reports/{id}/return", "url": "/api/v1/reports/\${report2}/return", "status": 422, "note": "without a comment",
   "bodyInvalid": true, "body": {}},
  {"method": "POST", "path": "/api/v1/reports/{id}/return", "url": "/api/v1/reports/\${report2}/return", "body": {"comment": "Komplettera"}},
  {"method": "POST", "path": "/api/v1/reports/{id}/submit", "url": "/api/v1/reports/\${report2}/submit", "note": "again"},
  {"method": "POST", "path": "/api/v1/reports/{id}/approve", "url": "/api/v1/reports/\${report2}/approve", "body": {"comment": "Godkänd"}},
  {"method": "POST", "path": "/api/v1/reports/{id}/return", "url": "/api/v1/reports/\${report2}/return", "status": 409, "note": "approved",
   "body": {"comment": "För sent"}},
  {"method": "DELETE", "path": "/api/v1/reports/{id}", "url": "/api/v1/reports/\${report2}", "status": 409, "note": "approved"},
  {"method": "POST", "path": "/api/v1/reports", "url": "/api/v1/reports", "status": 201, "save": {"report3": "id"},
   "body": {"org": "socialnamnden", "period": "2022-T2"}},
  {"method": "DELETE", "path": "/api/v1/reports/{id}", "url": "/api/v1/reports/\${report3}", "status": 204},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/partners", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/partners", "status": 201, "save": {"partner3": "id"},
   "note": "a plan partner that a measure names goes through the document", "body": {"label": "Dokumentets partner", "group": "civil_society"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/measures", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/measures", "status": 201,
   "body": {"title": "Dokumentets åtgärd", "partners": [{"partner": "\${partner3}", "role": "partner"}]}},
  {"method": "GET", "path": "/api/v1/plans/{key}/versions/{n}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2", "save": {"plandoc": "$"}, "saveHeader": {"etag": "etag"}},
  {"method": "PUT", "path": "/api/v1/plans/{key}/versions/{n}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2", "status": 428, "note": "without If-Match", "body": "\${plandoc}"},
  {"method": "PUT", "path": "/api/v1/plans/{key}/versions/{n}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2", "status": 412, "note": "a stale If-Match",
   "headers": {"If-Match": "\"00000000000000000000000000000000\""}, "body": "\${plandoc}"},
  {"method": "PUT", "path": "/api/v1/plans/{key}/versions/{n}", "url": "/api/v1/plans/lup-spanga-tensta/versions/2", "headers": {"If-Match": "\${etag}"}, "body": "\${plandoc}"},
  {"method": "GET", "path": "/api/v1/plans/{key}/versions/{n}/themes", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/themes", "note": "the replaced version's rows have new ids", "save": {"theme": "themes.0.id"}},
  {"method": "GET", "path": "/api/v1/plans/{key}/versions/{n}/goals", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/goals", "save": {"lupgoal": "goals.0.id"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/adopt", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/adopt",
   "body": {"date": "2026-01-15", "paragraph": "§ 5", "dnr": "SDN 2026/1"}},
  {"method": "POST", "path": "/api/v1/plans/{key}/versions/{n}/adopt", "url": "/api/v1/plans/lup-spanga-tensta/versions/2/adopt", "status": 409,
   "note": "adopted already", "body": {"date": "2026-01-15", "paragraph": "§ 5", "dnr": "SDN 2026/1"}},
  {"method": "DELETE", "path": "/api/v1/contributions/{id}", "url": "/api/v1/contributions/\${contrib}", "status": 204},
  {"method": "DELETE", "path": "/api/v1/allocations/{id}", "url": "/api/v1/allocations/\${alloc}", "status": 204},
  {"method": "POST", "path": "/api/v1/goals", "url": "/api/v1/goals", "status": 201, "save": {"goal2": "id"},
   "body": {"level": "namndmal", "parent": "kf-2022-1-1", "name": "Ett mål att ta bort", "year": 2022, "owner": "spanga-tensta-stadsdelsnamnd"}},
  {"method": "DELETE", "path": "/api/v1/goals/{id}", "url": "/api/v1/goals/\${goal2}", "status": 204},
  {"method": "POST", "path": "/api/v1/me/password", "url": "/api/v1/me/password", "body": {"current_password": "adminpassword1", "new_password": "adminpassword2"}},
  {"method": "POST", "path": "/api/v1/login", "url": "/api/v1/login", "token": "", "body": {"name": "admin", "password": "adminpassword2"}},
  {"method": "POST", "path": "/api/v1/logout", "url": "/api/v1/logout", "token": ""}
 ],
 "paths": {
  "/api/v1/indicators/{id}/target-aid": {"id": "\${ind}"},
  "/api/v1/indicators/{id}/comparison": {"id": 1},
  "/api/v1/organisations/{id}/goal-chain": {"id": "spanga-tensta-stadsdelsnamnd"},
  "/api/v1/organisations/{id}/indicator-values": {"id": "spanga-tensta-stadsdelsnamnd"},
  "/api/v1/organisations/{key}/deadlines": {"key": "spanga-tensta-stadsdelsnamnd"},
  "/api/v1/organisations/{key}/deadlines.ics": {"key": "spanga-tensta-stadsdelsnamnd"},
  "/api/v1/districts/{key}/contributions": {"key": "spanga-tensta"},
  "/api/v1/reports/{id}/activities": {"id": "\${report}"},
  "/api/v1/plans/{key}/versions/{n}/themes/{id}": {"n": 2, "id": "\${theme}"},
  "/api/v1/plans/{key}/versions/{n}/measures/{id}": {"id": 20},
  "/api/v1/plans/{key}/versions/{n}/goals/{id}": {"n": 2, "id": "\${lupgoal}"}
 },
 "query": {
  "/api/v1/indicators/{id}/target-aid": "year=2022&value=10",
  "/api/v1/indicators/{id}/comparison": "year=2022",
  "/api/v1/organisations/{id}/goal-chain": "year=2022",
  "/api/v1/organisations/{id}/indicator-values": "year=2022",
  "/api/v1/views/commitments": "year=2022&period=T1",
  "/api/v1/plans/{key}/diff": "from=1&to=2",
  "/api/v1/deadlines": "year=2027"
 },
 "skip": []
}
JSON
if [ "$NODE_OK" = 1 ]; then
	node "$ROOT/tests/tools/openapi-contract.js" "$TMP/openapi.json" "$BASE" "$T" "$TMP/plan.json" > "$TMP/contract.out" 2>&1
	rc=$?
	[ -z "${CONTRACT_OUT-}" ] || cp "$TMP/contract.out" "$CONTRACT_OUT"
	grep -c '^ok' "$TMP/contract.out" | sed 's/^/# contract checks passed: /'
	grep "^#   \|^# write operations" "$TMP/contract.out"
	grep -A1 '^not ok' "$TMP/contract.out" | head -60 >&2
	[ $rc = 0 ] && ok "the document's structure, the writes and every GET answer match the OpenAPI document" \
		|| nok "the OpenAPI contract (see above)"
	# a drift must be caught: the document says a district's key is a number
	jq '.components.schemas.DistrictItem.properties.key = {"type": "integer"}' "$TMP/openapi.json" > "$TMP/drift.json"
	jq '.writes = []' "$TMP/plan.json" > "$TMP/plan-reads.json"
	if node "$ROOT/tests/tools/openapi-contract.js" "$TMP/drift.json" "$BASE" "$T" "$TMP/plan-reads.json" > "$TMP/drift.out" 2>&1; then
		nok "a schema that no longer matches the answers fails the check"
	else
		grep -q '^not ok - GET /api/v1/districts matches' "$TMP/drift.out" && ok "a schema that no longer matches the answers fails the check" \
			|| { nok "the drift is reported on GET /api/v1/districts"; head -20 "$TMP/drift.out" >&2; }
	fi
else
	nok "node and ajv are needed (make check runs npm ci)"
fi
finish
