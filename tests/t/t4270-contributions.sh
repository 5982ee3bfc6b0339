#!/bin/sh
# t4270: contributions of other organisations to a district's LUP, through the API
# (/api/v1/contributions, /api/v1/districts/{key}/contributions) and the forms
# (/stadsdel/{key}/bidrag/...), against the real `lup serve`: Socialförvaltningen's editor adds a
# contribution to a new measure of Skarpnäck's adopted LUP (through the API and the form); anonymous
# visitors see it on /stadsdel/skarpnack under the measure with the organisation and its role, and in
# the section "Bidrag till programmet"; Skarpnäck's and Farsta's editors cannot add, change or remove
# (403); a measure of a draft only is refused with the Swedish message, one of a replaced version
# too; after `lup plan new-version` + `lup plan adopt` of the LUP the contribution shows on the new
# version's measure; a company without a contribution plan gets a draft one (not public until
# adopted; adopted in lup it is frozen: 409); every route for the six roles; bad input refused, each
# field named, with nothing changed (row counts and the audit).
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader --org socialforvaltningen >/dev/null
printf 'editorpassword1\n' | L user add sf --role editor --org socialforvaltningen >/dev/null
printf 'editorpassword2\n' | L user add skp --role editor --org skarpnack-stadsdelsnamnd >/dev/null
printf 'editorpassword3\n' | L user add farsta --role editor --org farsta-stadsdelsnamnd >/dev/null
printf 'editorpassword4\n' | L user add fb --role editor --org familjebostader >/dev/null
for u in admin city reader sf skp farsta fb; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
[ -n "$T_sf" ] && ok "tokens are created" || nok "token create"

# Skarpnäck's LUP: a new version with a new measure, adopted in lup (version 1 is replaced).
PLAN=lup-skarpnack
L plan new-version $PLAN >/dev/null || nok "a new version of Skarpnäck's LUP"
V2=$(q "SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = '$PLAN' AND pv.version = 2")
q "INSERT INTO measure (key, plan_version_id, ord, title) VALUES ('t4270-ny', $V2, 99, 'Läxhjälp i Bagarmossen')"
serve "$DB"

state() { q "SELECT (SELECT count(*) FROM activity), (SELECT count(*) FROM activity_district), (SELECT count(*) FROM plan),
  (SELECT count(*) FROM plan_version), (SELECT group_concat(id || ':' || title || ':' || coalesce(role, '') || ':' || coalesce(CAST(measure_id AS TEXT), '') || ':'
  || coalesce(start_text, '') || ':' || status, '|') FROM activity WHERE key LIKE 'bidrag-%'), (SELECT count(*) FROM audit)"; }
A=/api/v1/contributions

# --- a measure of the draft only: refused, nothing changed -------------------------------------------
BEFORE=$(state)
req "a measure of a draft only is refused" 422 POST $A '{"measure":"t4270-ny","role":"process_lead","name":"Läxhjälp"}' "$T_sf"
expect_eq "the field and why" "$(jb '.error.fields[0].field')" "measure"
jb '.error.fields[0].message' | grep -q "only in a draft" && ok "the message says it is a draft's" || nok "the draft message"
expect_eq "nothing changed by the refusal" "$(state)" "$BEFORE"

L plan adopt $PLAN --version 2 --date 2026-01-15 --paragraph 5 --dnr "SDN 2026/1" >/dev/null || nok "version 2 adopted"
NEW=$(q "SELECT id FROM measure WHERE key = 't4270-ny'")
OLD=$(q "SELECT id FROM measure WHERE key = 'skp-1'")

# --- every write route x the roles ---------------------------------------------------------------------
BODY='{"measure":"t4270-ny","role":"process_lead","name":"Läxhjälp med fältassistenter","start":"2026-03","end":"ht 2026"}'
BEFORE=$(state)
req "anonymous: no POST" 401 POST $A "$BODY"
req "a reader of the organisation: no POST" 403 POST $A "$BODY" "$T_reader"
req "the city office: no POST" 403 POST $A "$BODY" "$T_city"
req "Skarpnäck's own editor writes no contribution" 403 POST $A "$BODY" "$T_skp"
req "another district's editor writes no contribution" 403 POST $A "$BODY" "$T_farsta"
req "an editor cannot write for another organisation" 403 POST $A \
	'{"organisation":"socialforvaltningen","measure":"t4270-ny","role":"hub","name":"x"}' "$T_fb"
req "an admin cannot write for a district's committee either" 403 POST $A \
	'{"organisation":"farsta-stadsdelsnamnd","measure":"t4270-ny","role":"hub","name":"x"}' "$T_admin"
req "an admin names an unknown organisation" 422 POST $A '{"organisation":"nope","measure":"t4270-ny","role":"hub","name":"x"}' "$T_admin"
expect_eq "nothing changed by refused POSTs" "$(state)" "$BEFORE"
req "Socialförvaltningen's editor adds a contribution to the new measure" 201 POST $A "$BODY" "$T_sf"
ID=$(jb .id)
expect_eq "the contribution" "$(jb '.measure, .role_sv, .organisation, .plan, (.districts | join(","))' | tr '\n' '|')" \
	"t4270-ny|processledare|socialforvaltningen|lupplan-2017-socialforvaltningen|skarpnack|"
expect_eq "its Location" "$(grep -i '^location:' "$TMP/headers" | tr -d '\r' | cut -d' ' -f2)" "$A/$ID"
expect_eq "an audit entry" "$(q "SELECT action || ':' || entity FROM audit WHERE entity_id = $ID ORDER BY id DESC LIMIT 1")" "insert:activity"
req "an admin adds one for Socialförvaltningen" 201 POST $A \
	'{"organisation":"socialforvaltningen","measure":"skp-2-v2","role":"support","name":"Språkstöd","districts":["skarpnack","farsta"]}' "$T_admin"
ADM=$(jb .id)
expect_eq "the admin's contribution serves two districts" "$(jb '.districts | join(",")')" "farsta,skarpnack"

BEFORE=$(state)
for route in "PATCH $A/$ID {\"status\":\"ongoing\"}" "DELETE $A/$ID"; do
	set -- $route
	req "anonymous: $1" 401 "$1" "$2" "${3-}"
	req "a reader: $1" 403 "$1" "$2" "${3-}" "$T_reader"
	req "the city office: $1" 403 "$1" "$2" "${3-}" "$T_city"
	req "Skarpnäck's editor: $1 of Socialförvaltningen's contribution" 403 "$1" "$2" "${3-}" "$T_skp"
	req "another district's editor: $1" 403 "$1" "$2" "${3-}" "$T_farsta"
	req "another organisation's editor: $1" 403 "$1" "$2" "${3-}" "$T_fb"
done
req "an unknown contribution" 404 PATCH "$A/999999" '{"status":"done"}' "$T_admin"
req "an activity that is no contribution" 404 DELETE "$A/$(q "SELECT id FROM activity WHERE key LIKE 'vp-%' LIMIT 1")" "" "$T_admin"
expect_eq "nothing changed by refused changes" "$(state)" "$BEFORE"
req "the contributor's editor changes it" 200 PATCH "$A/$ID" '{"status":"ongoing","description":"Två kvällar i veckan."}' "$T_sf"
expect_eq "the change" "$(jb '.status, .description' | tr '\n' '|')" "ongoing|Två kvällar i veckan.|"
req "an admin changes it" 200 PATCH "$A/$ADM" '{"role":"assist"}' "$T_admin"

# --- bad input: each field named, nothing changed ---------------------------------------------------
BEFORE=$(state)
bad() { req "bad $1" 422 POST $A "$2" "$T_sf"; expect_eq "the field of bad $1" "$(jb '.error.fields[0].field // .error.message' | cut -d: -f1)" "$3"; }
bad "no name" '{"measure":"t4270-ny","role":"hub"}' name
bad "no role" '{"measure":"t4270-ny","name":"x"}' role
bad "an unknown role" '{"measure":"t4270-ny","role":"boss","name":"x"}' role
bad "an unknown status" '{"measure":"t4270-ny","role":"hub","name":"x","status":"maybe"}' status
bad "a start that is no date" '{"measure":"t4270-ny","role":"hub","name":"x","start":"snart"}' start
bad "an end before the start" '{"measure":"t4270-ny","role":"hub","name":"x","start":"2026-05","end":"2026-01"}' end
bad "no measure or goal" '{"role":"hub","name":"x"}' measure
bad "an unknown measure" '{"measure":"nope","role":"hub","name":"x"}' measure
bad "a measure of a replaced version" '{"measure":"skp-1","role":"hub","name":"x"}' measure
bad "a goal that is no LUP goal" '{"goal":"kf-2022-1","role":"hub","name":"x"}' goal
bad "an unknown district" '{"measure":"t4270-ny","role":"hub","name":"x","districts":["atlantis"]}' districts
bad "districts without the LUP's" '{"measure":"t4270-ny","role":"hub","name":"x","districts":["farsta"]}' districts
bad "a name too long" "{\"measure\":\"t4270-ny\",\"role\":\"hub\",\"name\":\"$(head -c 2100 /dev/zero | tr '\0' a)\"}" name
bad "an unknown field" '{"measure":"t4270-ny","role":"hub","name":"x","owner":"sf"}' owner
req "malformed JSON" 400 POST $A '{"name":' "$T_sf"
req "a changed measure of a draft-free replaced version" 422 PATCH "$A/$ID" '{"measure":"skp-1"}' "$T_sf"
req "PATCH: the organisation cannot change" 422 PATCH "$A/$ID" '{"organisation":"familjebostader"}' "$T_sf"
req "PATCH: the name cannot be null" 422 PATCH "$A/$ID" '{"name":null}' "$T_sf"
expect_eq "nothing changed by bad input" "$(state)" "$BEFORE"

# --- the district page and the list, for anonymous visitors -------------------------------------------
has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the page lacks '$2')"; fi; }
hasnt() { if grep -q -F -- "$2" "$TMP/body"; then nok "$1 (the page has '$2')"; else ok "$1"; fi; }
measure_block() { tr '\n' ' ' < "$TMP/body" | sed 's/<tr>/\n<tr>/g' | grep -F "$1"; }

page "anonymous visitors see Skarpnäck's page" 200 GET /stadsdel/skarpnack -
valid "the district page is valid HTML"
measure_block "Läxhjälp i Bagarmossen" | grep -q -F 'Bidrag från andra: <a href="/organisation/socialforvaltningen">Socialförvaltningen</a> – processledare: Läxhjälp med fältassistenter' \
	&& ok "under the new measure: the organisation (linked) and its role" || nok "the contribution under its measure"
has "the section of the contributions" 'id="bidrag">Bidrag till programmet'
has "the admin's contribution in the section" "Språkstöd"
hasnt "no link to add for anonymous visitors" "/stadsdel/skarpnack/bidrag/nytt"
hasnt "no link to change for anonymous visitors" "/stadsdel/skarpnack/bidrag/$ID"
page "Farsta's page lists the contribution that serves it" 200 GET /stadsdel/farsta -
has "Farsta: the admin's contribution" "Språkstöd"
req "anyone reads the district's contributions" 200 GET /api/v1/districts/skarpnack/contributions
expect_eq "on the adopted version" "$(jb '.plan, .version' | tr '\n' ' ')" "$PLAN 2 "
expect_eq "the contribution with its measure" "$(jb ".contributions[] | select(.id == $ID) | .measure.key, .organisation, .role" | tr '\n' ' ')" "t4270-ny socialforvaltningen process_lead "
req "an unknown district" 404 GET /api/v1/districts/atlantis/contributions

# --- a new adopted version of the LUP keeps the contribution on its measure ----------------------------
L plan new-version $PLAN >/dev/null || nok "version 3"
L plan adopt $PLAN --version 3 --date 2026-02-01 --paragraph 7 --dnr "SDN 2026/2" >/dev/null || nok "version 3 adopted"
V3KEY=$(q "SELECT m.key FROM measure m JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id
  WHERE p.key = '$PLAN' AND pv.version = 3 AND m.ident = 't4270-ny'")
[ -n "$V3KEY" ] && ok "version 3 has the measure ($V3KEY)" || nok "version 3's copy of the measure"
req "the list after the adoption" 200 GET /api/v1/districts/skarpnack/contributions
expect_eq "the contribution on version 3's measure" "$(jb ".version, (.contributions[] | select(.id == $ID) | .measure.key)" | tr '\n' ' ')" "3 $V3KEY "
page "the page of version 3" 200 GET /stadsdel/skarpnack -
measure_block "Läxhjälp i Bagarmossen" | grep -q -F 'Bidrag från andra: <a href="/organisation/socialforvaltningen">Socialförvaltningen</a> – processledare' \
	&& ok "still under the measure after the new adoption" || nok "the contribution lost its measure after the adoption"
page "the replaced version 2 shows it too" 200 GET "/stadsdel/skarpnack?version=2" -
measure_block "Läxhjälp i Bagarmossen" | grep -q -F 'Socialförvaltningen</a> – processledare' && ok "on version 2's measure" || nok "version 2"
req "a measure of the now replaced version 2 is refused" 422 POST $A '{"measure":"t4270-ny","role":"hub","name":"x"}' "$T_sf"

# --- the forms ------------------------------------------------------------------------------------
login() { rm -f "$TMP/$1"; page "$2 logs in" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"; }
csrf() { curl -s -b "$TMP/$1" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
login sf.jar sf editorpassword1
login skp.jar skp editorpassword2
login farsta.jar farsta editorpassword3
login reader.jar reader readerpassword1
login city.jar city citypassword1
login admin.jar admin adminpassword1
C_SF=$(csrf sf.jar) C_SKP=$(csrf skp.jar) C_FARSTA=$(csrf farsta.jar) C_READER=$(csrf reader.jar) C_CITY=$(csrf city.jar) C_ADMIN=$(csrf admin.jar)
F=/stadsdel/skarpnack/bidrag
NEW3=$(q "SELECT id FROM measure WHERE key = '$V3KEY'")

page "Socialförvaltningen's editor sees the links" 200 GET /stadsdel/skarpnack sf.jar
valid "the editor's district page is valid HTML"
has "the link to add" "$F/nytt"
has "the link to change its contribution" "$F/$ID"
page "Skarpnäck's editor: no link to add or change" 200 GET /stadsdel/skarpnack skp.jar
hasnt "no link to add for Skarpnäck's editor" "$F/nytt"
hasnt "no link to change for Skarpnäck's editor" "$F/$ID"

for path in "$F/nytt" "$F/$ID"; do
	page "anonymous: to the login page ($path)" 303 GET "$path" -
	page "a reader: refused ($path)" 403 GET "$path" reader.jar
	page "the city office: refused ($path)" 403 GET "$path" city.jar
	page "Skarpnäck's editor: refused ($path)" 403 GET "$path" skp.jar
	page "another district's editor: refused ($path)" 403 GET "$path" farsta.jar
	page "an admin: the form ($path)" 200 GET "$path" admin.jar
	page "the contributor's editor: the form ($path)" 200 GET "$path" sf.jar
	valid "the form is valid HTML ($path)"
done
page "the new form" 200 GET "$F/nytt" sf.jar
has "the adopted version's new measure to choose" "value=\"m:$NEW3\""
has "the district pre-filled" 'value="skarpnack"'
has "the roles in Swedish" ">Processledare</option>"
hasnt "no measure of the replaced version" "value=\"m:$NEW\""
page "the change form names the measure of the adopted version" 200 GET "$F/$ID" sf.jar
has "the measure chosen" "value=\"m:$NEW3\" selected"

BEFORE=$(state)
FORM="mal=m:$NEW3&roll=hub&stadsdelar=skarpnack&namn=Formul%C3%A4rbidrag&start=2026-04&status=planned"
page "anonymous: no form post" 401 POST "$F/nytt" - -d "$FORM"
page "a reader: no form post" 403 POST "$F/nytt" reader.jar -d "csrf=$C_READER&$FORM"
page "the city office: no form post" 403 POST "$F/nytt" city.jar -d "csrf=$C_CITY&$FORM"
page "Skarpnäck's editor: no form post" 403 POST "$F/nytt" skp.jar -d "csrf=$C_SKP&$FORM"
has "the Swedish reason" "Stadsdelsnämnder och stadsdelsförvaltningar skriver inte bidrag"
page "another district's editor: no form post" 403 POST "$F/nytt" farsta.jar -d "csrf=$C_FARSTA&$FORM"
page "no CSRF token" 403 POST "$F/nytt" sf.jar -d "$FORM"
page "Skarpnäck's editor cannot change it" 403 POST "$F/$ID" skp.jar -d "csrf=$C_SKP&$FORM"
page "another district's editor cannot change it" 403 POST "$F/$ID" farsta.jar -d "csrf=$C_FARSTA&$FORM"
page "Skarpnäck's editor cannot remove it" 403 POST "$F/$ID/ta-bort" skp.jar -d "csrf=$C_SKP"
page "another district's editor cannot remove it" 403 POST "$F/$ID/ta-bort" farsta.jar -d "csrf=$C_FARSTA"
page "a reader cannot remove it" 403 POST "$F/$ID/ta-bort" reader.jar -d "csrf=$C_READER"
page "a draft's measure through the form" 422 POST "$F/nytt" sf.jar -d "csrf=$C_SF&mal=m:$(q "SELECT id FROM measure WHERE key = 'skp-1'")&roll=hub&namn=x"
has "the Swedish message of a replaced version" "hör till en ersatt version av programmet"
page "no role through the form" 422 POST "$F/nytt" sf.jar -d "csrf=$C_SF&mal=m:$NEW3&roll=&namn=x"
has "the Swedish message at the role" "Välj organisationens roll."
page "no measure through the form" 422 POST "$F/nytt" sf.jar -d "csrf=$C_SF&mal=&roll=hub&namn=x"
has "the Swedish message at the measure" "Välj en åtgärd eller ett mål i programmet."
page "a bad date through the form" 422 POST "$F/nytt" sf.jar -d "csrf=$C_SF&mal=m:$NEW3&roll=hub&namn=x&start=snart"
has "the Swedish message at the date" "Skriv ett datum som planer skriver dem"
has "the typed text kept" 'value="snart"'
page "districts without Skarpnäck through the form" 422 POST "$F/nytt" sf.jar -d "csrf=$C_SF&mal=m:$NEW3&roll=hub&namn=x&stadsdelar=farsta"
has "the Swedish message at the districts" "Stadsdelsområdet vars program bidraget gäller måste vara med."
valid "the form with its error is valid HTML"
page "an admin's form without the organisation" 422 POST "$F/nytt" admin.jar -d "csrf=$C_ADMIN&$FORM"
has "the Swedish message at the organisation" "Skriv organisationens nyckel."
page "an admin's form naming a district's committee" 403 POST "$F/nytt" admin.jar -d "csrf=$C_ADMIN&organisation=farsta-stadsdelsnamnd&$FORM"
expect_eq "nothing changed by refused forms" "$(state)" "$BEFORE"

page "the contributor's editor adds one through the form" 303 POST "$F/nytt" sf.jar -d "csrf=$C_SF&$FORM"
FID=$(q "SELECT max(id) FROM activity WHERE title = 'Formulärbidrag'")
expect_eq "the form's contribution" "$(q "SELECT role || ':' || measure_id || ':' || start_text || ':' || owner_id FROM activity WHERE id = $FID")" \
	"hub:$NEW3:2026-04:$(q "SELECT id FROM organisation WHERE key = 'socialforvaltningen'")"
page "anonymous visitors see it" 200 GET /stadsdel/skarpnack -
measure_block "Läxhjälp i Bagarmossen" | grep -q -F 'Socialförvaltningen</a> – nav: Formulärbidrag' && ok "the form's contribution under the measure" || nok "the form's contribution on the page"
page "the contributor's editor changes it through the form" 303 POST "$F/$FID" sf.jar -d "csrf=$C_SF&mal=m:$NEW3&roll=training&stadsdelar=skarpnack&namn=Formul%C3%A4rbidrag&status=ongoing"
expect_eq "the change" "$(q "SELECT role || ':' || status FROM activity WHERE id = $FID")" "training:ongoing"
page "the contributor's editor removes it" 303 POST "$F/$FID/ta-bort" sf.jar -d "csrf=$C_SF"
expect_eq "removed, with its districts" "$(q "SELECT count(*) FROM activity WHERE id = $FID") $(q "SELECT count(*) FROM activity_district WHERE activity_id = $FID")" "0 0"
expect_eq "the removal audited" "$(q "SELECT action FROM audit WHERE entity = 'activity' AND entity_id = $FID ORDER BY id DESC LIMIT 1")" "delete"
req "the contributor's editor removes one through the API" 204 DELETE "$A/$ADM" "" "$T_sf"

# --- a new adopted version of the contribution plan: the copy is shown, the replaced one is frozen -------
SFPLAN=lupplan-2017-socialforvaltningen
L plan new-version $SFPLAN >/dev/null || nok "a new version of Socialförvaltningen's plan"
COPY=$(q "SELECT id FROM activity WHERE ident = (SELECT key FROM activity WHERE id = $ID)")
expect_eq "the copy keeps the measure and the district" "$(q "SELECT measure_id || ':' || (SELECT group_concat(ar.key) FROM activity_district ad JOIN area ar ON ar.id = ad.area_id WHERE ad.activity_id = $COPY) FROM activity WHERE id = $COPY")" "$NEW:skarpnack"
req "while the plan has a draft, a new contribution goes into it" 201 POST $A '{"measure":"'"$V3KEY"'","role":"hub","name":"I utkastet"}' "$T_sf"
expect_eq "into the draft" "$(jb '.plan_status, .plan_version' | tr '\n' ' ')" "draft 2 "
req "the list" 200 GET /api/v1/districts/skarpnack/contributions
expect_eq "the draft's contribution is not public" "$(jb '[.contributions[] | select(.name == "I utkastet")] | length')" "0"
L plan adopt $SFPLAN --version 2 --date 2026-02-03 --paragraph 9 --dnr "SN 2026/9" >/dev/null || nok "Socialförvaltningen's version 2 adopted"
req "the list after the contribution plan's adoption" 200 GET /api/v1/districts/skarpnack/contributions
expect_eq "the copy is shown once, the replaced one not" "$(jb "[.contributions[] | select(.name == \"Läxhjälp med fältassistenter\") | .id] | map(tostring) | join(\",\")")" "$COPY"
expect_eq "the draft's contribution is public once adopted" "$(jb '[.contributions[] | select(.name == "I utkastet")] | length')" "1"
BEFORE=$(state)
req "a contribution of the replaced version is frozen" 409 PATCH "$A/$ID" '{"status":"done"}' "$T_sf"
req "the adopted version is frozen: no new contribution" 409 POST $A '{"measure":"'"$V3KEY"'","role":"hub","name":"x"}' "$T_sf"
page "the form says so in Swedish" 409 POST "$F/nytt" sf.jar -d "csrf=$C_SF&$FORM"
has "the Swedish frozen message" "Organisationens bidragsplan är antagen och kan inte ändras."
expect_eq "nothing changed by the frozen refusals" "$(state)" "$BEFORE"

# --- an organisation without a contribution plan: a draft one, public once adopted, then frozen -------
req "Familjebostäder's editor adds a contribution" 201 POST $A '{"measure":"'"$V3KEY"'","role":"owner","name":"Trygga gårdar"}' "$T_fb"
FB=$(jb .id)
FBPLAN=$(jb .plan)
expect_eq "into a new draft contribution plan" "$(jb '.plan_status, .plan_version' | tr '\n' ' ')" "draft 1 "
expect_eq "the plan" "$(q "SELECT p.kind || ':' || o.key FROM plan p JOIN organisation o ON o.id = p.owner_id WHERE p.key = '$FBPLAN'")" "contribution:familjebostader"
req "the list" 200 GET /api/v1/districts/skarpnack/contributions
expect_eq "a draft's contribution is not public" "$(jb "[.contributions[] | select(.id == $FB)] | length")" "0"
L plan adopt "$FBPLAN" --version 1 --date 2026-02-02 --paragraph 3 --dnr "FB 2026/1" >/dev/null || nok "the company's plan adopted"
req "the list after its adoption" 200 GET /api/v1/districts/skarpnack/contributions
expect_eq "public once adopted" "$(jb "[.contributions[] | select(.id == $FB)] | length")" "1"
BEFORE=$(state)
req "adopted in lup: frozen" 409 PATCH "$A/$FB" '{"status":"done"}' "$T_fb"
req "adopted in lup: no new contribution" 409 POST $A '{"measure":"'"$V3KEY"'","role":"owner","name":"Mer"}' "$T_fb"
expect_eq "nothing changed by the frozen refusals" "$(state)" "$BEFORE"

finish
