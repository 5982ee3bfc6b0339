#!/bin/sh
# t4240: writing an LUP's prioritised measures and its partners, through the API
# (/api/v1/plans/{key}/versions/{n}/measures..., /partners...) and the forms
# (/plan/{key}/version/{n}/atgarder, /parter), against the real `lup serve`, in a draft made by
# `lup plan new-version lup-skarpnack`: a measure with two partners (a registry organisation as
# ansvarig, a civil-society partner outside the registry as samverkanspart), a theme, an area and
# a goal, start and end with their precision; each bad input named (an unknown organisation, a
# theme of another version, an area of another district, an end before the start, "ht 20x7");
# every write route for the six roles; the frozen rule (409 on the adopted version); a partner a
# measure uses is not removed (the Swedish message names the measure); the district page shows
# the measure with its partners, Swedish roles, start and end to the editor; `lup plan diff`
# lists the added measure and partners; the interchange document's round trip stays identical.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org skarpnack-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
for u in admin city reader own other; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
[ -n "$T_own" ] && ok "tokens are created" || nok "token create"

PLAN=lup-skarpnack
expect_exit "a draft of lup-skarpnack" 0 L plan new-version $PLAN
PID=$(q "SELECT id FROM plan WHERE key = '$PLAN'")
V1=$(q "SELECT id FROM plan_version WHERE plan_id = $PID AND version = 1")
V2=$(q "SELECT id FROM plan_version WHERE plan_id = $PID AND version = 2")
T1=$(q "SELECT id FROM theme WHERE plan_version_id = $V2 ORDER BY ord LIMIT 1")
T1NAME=$(q "SELECT name FROM theme WHERE id = $T1")
V1T=$(q "SELECT id FROM theme WHERE plan_version_id = $V1 ORDER BY ord LIMIT 1")
V1M=$(q "SELECT id FROM measure WHERE plan_version_id = $V1 ORDER BY ord LIMIT 1")
NM=$(q "SELECT count(*) FROM measure WHERE plan_version_id = $V2")
[ -n "$T1" ] && [ "$NM" -gt 0 ] && ok "the draft has themes and measures" || nok "the draft's content"
# an LUP goal of the draft (the goals' own forms are another page's)
q "INSERT INTO goal (key, owner_id, plan_version_id, level, number, title, year, theme_id)
  VALUES ('t4240-goal', (SELECT owner_id FROM plan WHERE id = $PID), $V2, 'lup', '1', 'Fler unga i arbete', 2025, $T1)"
G1=$(q "SELECT id FROM goal WHERE key = 't4240-goal'")
V1GOAL=$(q "SELECT id FROM goal WHERE plan_version_id IS DISTINCT FROM $V2 ORDER BY id LIMIT 1")
expect_exit "the copy before any change exports" 0 L export json plan $PLAN --version 2
cp "$TMP/out" "$TMP/v2-before.json"

serve "$DB"
A=/api/v1/plans/$PLAN/versions
state() { q "SELECT (SELECT count(*) FROM measure), (SELECT count(*) FROM measure_partner), (SELECT count(*) FROM measure_theme),
  (SELECT count(*) FROM measure_area), (SELECT count(*) FROM measure_goal), (SELECT count(*) FROM plan_partner),
  (SELECT group_concat(title || ':' || coalesce(start_text, '') || ':' || coalesce(end_text, ''), '|') FROM measure WHERE plan_version_id = $V2),
  (SELECT count(*) FROM audit)"; }

# --- a civil-society partner outside the registry -------------------------------------------------
req "the owner's editor adds a partner outside the registry" 201 POST "$A/2/partners" '{"group":"civil_society","label":"Skarpnäcks idrottsförening"}' "$T_own"
PP=$(jb .id)
expect_eq "its group and label" "$(jb '.group + ":" + .label + ":" + (.org // "-")')" "civil_society:Skarpnäcks idrottsförening:-"
expect_eq "audited as an insert" "$(q "SELECT action FROM audit WHERE entity = 'plan_partner' AND entity_id = $PP")" "insert"
req "a registry organisation as a partner takes its name" 201 POST "$A/2/partners" '{"org":"sensus","group":"civil_society"}' "$T_own"
PPORG=$(jb .id)
expect_eq "its label is the registry's name" "$(jb .label)" "Sensus"
BEFORE=$(state)
req "a partner without a name" 422 POST "$A/2/partners" '{"group":"business"}' "$T_own"
expect_eq "the field is named" "$(jb '.error.fields[0].field')" "label"
req "an unknown organisation as a partner" 422 POST "$A/2/partners" '{"org":"no-such-org","group":"other"}' "$T_own"
expect_eq "the field is named: org" "$(jb '.error.fields[0].field')" "org"
req "an unknown group" 422 POST "$A/2/partners" '{"group":"gang","label":"X"}' "$T_own"
req "a label taken, in another case" 422 POST "$A/2/partners" '{"group":"business","label":"SKARPNÄCKS IDROTTSFÖRENING"}' "$T_own"
expect_eq "nothing changed by bad partners" "$(state)" "$BEFORE"

# --- a measure: a registry organisation as ansvarig, the association as samverkanspart ---------------
BODY="{\"title\":\"Spontanidrott i Skarpnäcks gård\",\"description\":\"Ledd idrott på kvällarna.\",\"status\":\"project\",
\"start\":\"ht 2017\",\"end\":\"2019\",\"themes\":[$T1],\"areas\":[\"skarpnacks-gard\"],\"goals\":[$G1],\"target_groups\":[\"Unga 13-19 år\"],
\"partners\":[{\"org\":\"skarpnack-stadsdelsforvaltning\",\"role\":\"ansvarig\"},{\"partner\":$PP,\"role\":\"samverkanspart\"}]}"
req "the owner's editor adds a measure" 201 POST "$A/2/measures" "$BODY" "$T_own"
M=$(jb .id)
expect_eq "added last" "$(jb .ord)" "$((NM + 1))"
expect_eq "its start and end as written" "$(jb '.start + "|" + .end')" "ht 2017|2019"
expect_eq "the precision of the start" "$(q "SELECT start_first || ':' || start_last || ':' || start_prec || ':' || end_last || ':' || end_prec FROM measure WHERE id = $M")" "20170801:20171231:season:20191231:year"
expect_eq "its theme, area and goal" "$(jb '[.themes[0].name, .areas[0].key, .goals[0].key] | join("|")')" "$T1NAME|skarpnacks-gard|t4240-goal"
expect_eq "its partners with their roles" "$(jb '[.partners[] | .name + ":" + .role + ":" + .role_sv] | join("|")')" "Skarpnäcks stadsdelsförvaltning:lead:ansvarig|Skarpnäcks idrottsförening:partner:samverkanspart"
grep -qi "^location: $A/2/measures/$M" "$TMP/headers" && ok "Location names it" || nok "Location names it"
expect_eq "audited as an insert" "$(q "SELECT action FROM audit WHERE entity = 'measure' AND entity_id = $M")" "insert"
req "the list has it" 200 GET "$A/2/measures" "" "$T_own"
expect_eq "the list's last measure" "$(jb '.measures[-1].id')" "$M"

# --- each bad input named, nothing changed ------------------------------------------------------
BEFORE=$(state)
bad() { req "$1" 422 POST "$A/2/measures" "$2" "$T_own"; expect_eq "$1: the field" "$(jb '.error.fields[0].field')" "$3"; }
bad "an unknown organisation" '{"title":"X","partners":[{"org":"no-such-org","role":"lead"}]}' partners
has_msg() { jb '.error.fields[0].message' | grep -q -F -- "$2" && ok "$1" || nok "$1 (message: $(jb '.error.fields[0].message'))"; }
has_msg "the message names the organisation" "no-such-org"
bad "a theme of another version" "{\"title\":\"X\",\"themes\":[$V1T]}" themes
has_msg "the message names the theme" "theme $V1T is not a theme of this version"
bad "an area of another district" '{"title":"X","areas":["husby"]}' areas
has_msg "the message names the area" "'husby'"
bad "an end before the start" '{"title":"X","start":"2019","end":"vt 2018"}' end
has_msg "the message says so" "before the start"
bad "a start that is no date" '{"title":"X","start":"ht 20x7"}' start
has_msg "the message names the text" "ht 20x7"
bad "a goal of another version" "{\"title\":\"X\",\"goals\":[$V1GOAL]}" goals
bad "a plan partner of another version" '{"title":"X","partners":[{"partner":999999,"role":"lead"}]}' partners
bad "an unknown role" '{"title":"X","partners":[{"org":"sensus","role":"boss"}]}' partners
bad "a partner named twice" '{"title":"X","partners":[{"org":"sensus","role":"lead"},{"org":"sensus","role":"funder"}]}' partners
bad "an unknown status" '{"title":"X","status":"dreaming"}' status
bad "no title" '{"description":"x"}' title
bad "an unknown field" '{"title":"X","ord":3}' ord
bad "themes not ids" '{"title":"X","themes":["a"]}' themes
req "malformed JSON" 400 POST "$A/2/measures" '{"title":' "$T_own"
req "a change with an end before the start" 422 PATCH "$A/2/measures/$M" '{"end":"vt 2017"}' "$T_own"
expect_eq "... the field" "$(jb '.error.fields[0].field')" "end"
req "a measure of another version" 404 PATCH "$A/2/measures/$V1M" '{"title":"X"}' "$T_own"
expect_eq "nothing changed by bad input" "$(state)" "$BEFORE"
HOSTILE='<script>alert(1)</script>'

# --- change: roles in Swedish or English, lists replaced ----------------------------------------
req "change: a month, a funder, status" 200 PATCH "$A/2/measures/$M" "{\"start\":\"mars 2018\",\"status\":\"permanent\",\"partners\":[{\"org\":\"skarpnack-stadsdelsforvaltning\",\"role\":\"lead\"},{\"partner\":$PP,\"role\":\"stöd\"},{\"org\":\"sensus\",\"role\":\"finansiär\"}]}" "$T_own"
expect_eq "the roles" "$(jb '[.partners[].role] | join(",")')" "lead,support,funder"
expect_eq "the month's precision" "$(q "SELECT start_first || ':' || start_prec FROM measure WHERE id = $M")" "20180301:month"
expect_eq "the update is audited" "$(q "SELECT count(*) FROM audit WHERE entity = 'measure' AND entity_id = $M AND action = 'update'")" 1

# --- reorder: the new measure first ----------------------------------------------------------------
IDS=$(q "SELECT group_concat(id, ',') FROM (SELECT id FROM measure WHERE plan_version_id = $V2 AND id <> $M ORDER BY ord, id) AS sq1")
req "reorder: a list that is not every measure" 422 POST "$A/2/measures/order" "{\"order\":[$M]}" "$T_own"
expect_eq "... the field" "$(jb '.error.fields[0].field')" "order"
req "reorder: the new measure first" 200 POST "$A/2/measures/order" "{\"order\":[$M,$IDS]}" "$T_own"
expect_eq "it is first" "$(jb '.measures[0].id')" "$M"

# --- the six roles on every write route -----------------------------------------------------------
BEFORE=$(state)
for route in "POST $A/2/measures {\"title\":\"Ny\"}" "PATCH $A/2/measures/$M {\"title\":\"Y\"}" "DELETE $A/2/measures/$M" \
	"POST $A/2/measures/order {\"order\":[$M]}" \
	"POST $A/2/partners {\"group\":\"other\",\"label\":\"Z\"}" "PATCH $A/2/partners/$PP {\"label\":\"Z\"}" "DELETE $A/2/partners/$PPORG"; do
	set -- $route
	req "anonymous: $1 $2" 401 "$1" "$2" "${3-}"
	req "a reader: $1 $2" 403 "$1" "$2" "${3-}" "$T_reader"
	req "the city office: $1 $2" 403 "$1" "$2" "${3-}" "$T_city"
	req "another organisation's editor: $1 $2" 403 "$1" "$2" "${3-}" "$T_other"
done
expect_eq "nothing changed by the refused writes" "$(state)" "$BEFORE"
req "anonymous: the draft's measures are not there" 404 GET "$A/2/measures"
req "another organisation's editor: not there" 404 GET "$A/2/partners" "" "$T_other"
req "the city office reads the draft's measures" 200 GET "$A/2/measures/$M" "" "$T_city"
req "anyone reads the adopted version's measures" 200 GET "$A/1/measures"
expect_eq "the adopted version's measures" "$(jb '.measures | length')" "$NM"
req "an admin changes a partner" 200 PATCH "$A/2/partners/$PPORG" '{"group":"business"}' "$T_admin"

# --- the frozen rule ----------------------------------------------------------------------------
BEFORE=$(state)
req "adopted: no new measure" 409 POST "$A/1/measures" '{"title":"Ny"}' "$T_own"
expect_eq "adopted: the message" "$(jb .error.message)" "the version is adopted; create a new version to change it"
req "adopted: no change" 409 PATCH "$A/1/measures/$V1M" '{"title":"Y"}' "$T_admin"
req "adopted: no removal" 409 DELETE "$A/1/measures/$V1M" "" "$T_own"
req "adopted: no new partner" 409 POST "$A/1/partners" '{"group":"other","label":"Z"}' "$T_own"
expect_eq "adopted: nothing changed" "$(state)" "$BEFORE"

# --- a partner a measure uses is not removed ------------------------------------------------------
req "the association is in use" 409 DELETE "$A/2/partners/$PP" "" "$T_own"
jb .error.message | grep -q "Spontanidrott i Skarpnäcks gård" && ok "the message names the measure" || nok "the message names the measure ($(jb .error.message))"
req "so is the registry organisation the measure names" 409 DELETE "$A/2/partners/$PPORG" "" "$T_own"
expect_eq "nothing removed" "$(state)" "$BEFORE"

# --- the forms ----------------------------------------------------------------------------------
login own.jar own editorpassword1
login other.jar other editorpassword2
login reader.jar reader readerpassword1
login city.jar city citypassword1
login admin.jar admin adminpassword1
C_OWN=$(csrf own.jar) C_OTHER=$(csrf other.jar)
P=/plan/$PLAN/version

page "the district page shows the editor the draft's measure" 200 GET "/stadsdel/skarpnack?version=2" own.jar
has "the measure" "Spontanidrott i Skarpnäcks gård"
has "the registry organisation with its Swedish role" "Skarpnäcks stadsdelsförvaltning</a> (ansvarig)"
has "the association with its Swedish role" "Skarpnäcks idrottsförening (stöd)"
has "the start" ">mars 2018<"
has "the end" ">2019<"
has "a link to the measures' form" "$P/2/atgarder"
has "a link to the partners' form" "$P/2/parter"
page "anonymous visitors see the adopted version" 200 GET "/stadsdel/skarpnack" -
hasnt "no measure of the draft" "Spontanidrott i Skarpnäcks gård"
hasnt "no measures' form link" "$P/2/atgarder"

for path in "$P/2/atgarder" "$P/2/atgarder/$M" "$P/2/parter"; do
	page "anonymous: to the login page ($path)" 303 GET "$path" -
	page "a reader: refused ($path)" 403 GET "$path" reader.jar
	page "the city office: refused ($path)" 403 GET "$path" city.jar
	page "another organisation's editor: refused ($path)" 403 GET "$path" other.jar
	page "an admin: the form ($path)" 200 GET "$path" admin.jar
	page "the owner's editor: the form ($path)" 200 GET "$path" own.jar
	valid "the page is valid HTML ($path)"
done
page "the measure's form" 200 GET "$P/2/atgarder/$M" own.jar
has "the date help in Swedish" "t.ex. ht 2017, 2018, mars 2019"
has "its theme is checked" "value=\"$T1\" checked"
has "the association is chosen" "<option value=\"pp:$PP\" selected"
has "Swedish role words" ">samverkanspart</option>"
page "the measures' page of the adopted version: the frozen message" 409 GET "$P/1/atgarder" own.jar
has "the Swedish frozen message" "Versionen är antagen och kan inte ändras."

BEFORE=$(state)
page "another organisation's editor cannot add" 403 POST "$P/2/atgarder" other.jar -d "csrf=$C_OTHER&titel=X"
page "a post without the CSRF field" 403 POST "$P/2/atgarder" own.jar -d "titel=X"
page "adopted: no new measure through the form" 409 POST "$P/1/atgarder" own.jar -d "csrf=$C_OWN&titel=X"
page "an end before the start through the form" 422 POST "$P/2/atgarder" own.jar --data-urlencode "csrf=$C_OWN" \
	--data-urlencode "titel=Läxhjälp" --data-urlencode "start=ht 2018" --data-urlencode "slut=vt 2018" --data-urlencode "beskrivning=$HOSTILE"
has "the Swedish message at the end" "Slutet kan inte ligga före starten."
has "the title is kept" 'value="Läxhjälp"'
hasnt "no raw script" "<script>alert"
page "a start that is no date" 422 POST "$P/2/atgarder" own.jar --data-urlencode "csrf=$C_OWN" --data-urlencode "titel=Läxhjälp" --data-urlencode "start=ht 20x7"
has "the Swedish message at the start" "Skriv starten som t.ex. ht 2017, 2018 eller mars 2019."
page "a theme of another version through the form" 422 POST "$P/2/atgarder" own.jar -d "csrf=$C_OWN&titel=X&tema=$V1T"
has "the Swedish message of the theme" "Välj teman ur den här versionen av programmet."
page "an area of another district through the form" 422 POST "$P/2/atgarder" own.jar -d "csrf=$C_OWN&titel=X&omrade=husby"
has "the Swedish message of the area" "Välj stadsdelar och platser i programmets stadsdelsområde."
page "a partner without a role" 422 POST "$P/2/atgarder" own.jar -d "csrf=$C_OWN&titel=X&rader=2&part-0=org:sensus&roll-0=chef"
has "the Swedish message of the role" "Välj en roll: ansvarig, samverkanspart, stöd eller finansiär."
page "no title" 422 POST "$P/2/atgarder" own.jar -d "csrf=$C_OWN&titel=+"
has "the Swedish message of the title" "Skriv åtgärdens titel."
expect_eq "nothing changed by refused forms" "$(state)" "$BEFORE"

page "the owner's editor adds a measure through the form" 303 POST "$P/2/atgarder" own.jar --data-urlencode "csrf=$C_OWN" \
	--data-urlencode "titel=Läxhjälp i biblioteket" --data-urlencode "status=idea" --data-urlencode "start=vt 2018" \
	--data-urlencode "tema=$T1" --data-urlencode "omrade=skarpnacks-gard" --data-urlencode "mal=$G1" --data-urlencode "rader=2" \
	--data-urlencode "part-0=pp:$PP" --data-urlencode "roll-0=partner" --data-urlencode "part-1=" --data-urlencode "roll-1=partner"
FM=$(q "SELECT id FROM measure WHERE plan_version_id = $V2 AND title = 'Läxhjälp i biblioteket'")
expect_eq "its links and partner" "$(q "SELECT CAST((SELECT count(*) FROM measure_theme WHERE measure_id = $FM) AS TEXT) || CAST((SELECT count(*) FROM measure_area WHERE measure_id = $FM) AS TEXT) || CAST((SELECT count(*) FROM measure_goal WHERE measure_id = $FM) AS TEXT) || ':' || (SELECT role FROM measure_partner WHERE measure_id = $FM AND plan_partner_id = $PP)")" "111:partner"
page "changed through the form: the partner removed, an end" 303 POST "$P/2/atgarder/$FM" own.jar --data-urlencode "csrf=$C_OWN" \
	--data-urlencode "titel=Läxhjälp i biblioteket" --data-urlencode "slut=2020" --data-urlencode "rader=3" \
	--data-urlencode "part-0=" --data-urlencode "roll-0=partner" --data-urlencode "part-2=org:sensus" --data-urlencode "roll-2=funder"
expect_eq "the change" "$(q "SELECT coalesce(start_text, '-') || ':' || end_text || ':' || (SELECT group_concat(role) FROM measure_partner WHERE measure_id = $FM) || ':' || (SELECT count(*) FROM measure_theme WHERE measure_id = $FM) FROM measure WHERE id = $FM")" "-:2020:funder:0"

page "the partners' page" 200 GET "$P/2/parter" own.jar
has "the association" "Skarpnäcks idrottsförening"
has "how many measures use it" "används av 1 åtgärd"
page "a partner outside the registry through the form" 303 POST "$P/2/parter" own.jar --data-urlencode "csrf=$C_OWN" \
	--data-urlencode "org=" --data-urlencode "grupp=residents" --data-urlencode "namn=Boende på Pilgatan"
NEWPP=$(q "SELECT id FROM plan_partner WHERE plan_version_id = $V2 AND label = 'Boende på Pilgatan'")
expect_eq "its group" "$(q "SELECT grp FROM plan_partner WHERE id = $NEWPP")" "residents"
page "a partner without a name through the form" 422 POST "$P/2/parter" own.jar -d "csrf=$C_OWN&org=&grupp=business&namn="
has "the Swedish message of the name" "Skriv partens namn, eller välj en organisation i registret."
BEFORE=$(state)
page "removing a partner a measure uses" 409 POST "$P/2/parter/$PP/ta-bort" own.jar -d "csrf=$C_OWN"
has "the Swedish message names the measure" "Parten används av åtgärderna «Spontanidrott i Skarpnäcks gård». Ta bort den från dem först."
expect_eq "nothing removed" "$(state)" "$BEFORE"
page "an unused partner is removed" 303 POST "$P/2/parter/$NEWPP/ta-bort" own.jar -d "csrf=$C_OWN"
expect_eq "it is gone, audited" "$(q "SELECT count(*) FROM plan_partner WHERE id = $NEWPP"):$(q "SELECT action FROM audit WHERE entity = 'plan_partner' AND entity_id = $NEWPP ORDER BY id DESC LIMIT 1")" "0:delete"
page "the measure removed through the form" 303 POST "$P/2/atgarder/$FM/ta-bort" own.jar -d "csrf=$C_OWN"
expect_eq "it is gone with its links" "$(q "SELECT count(*) FROM measure WHERE id = $FM"):$(q "SELECT count(*) FROM measure_partner WHERE measure_id = $FM")" "0:0"

# --- the diff and the interchange document ---------------------------------------------------------
expect_exit "plan diff --json" 0 L plan diff $PLAN 1 2 --json
cp "$TMP/out" "$TMP/diff.json"
expect_eq "the diff lists the added measure" "$(jq -r '[.changes[] | select(.kind == "measure" and .op == "added") | .name] | join("|")' "$TMP/diff.json")" "Spontanidrott i Skarpnäcks gård"
expect_eq "the diff lists the added partners" "$(jq -r '[.changes[] | select(.kind == "partner" and .op == "added") | .name] | join("|")' "$TMP/diff.json")" "Skarpnäcks idrottsförening|Sensus"
expect_eq "the added measure's partners in the document" "$(jq -r '.changes[] | select(.kind == "measure" and .op == "added") | .value.partners | map((.org // .partner) + ":" + .role) | join("|")' "$TMP/diff.json" 2>/dev/null)" "skarpnack-stadsdelsforvaltning:lead|Skarpnäcks idrottsförening:support|sensus:funder"
expect_exit "the draft exports" 0 L export json plan $PLAN --version 2
cp "$TMP/out" "$TMP/v2.json"
expect_eq "the export's measure: end, goals and partners" "$(jq -r '.measures[] | select(.title == "Spontanidrott i Skarpnäcks gård") | .end + "|" + (.goals | join(",")) + "|" + (.partners | map((.org // "-") + "/" + (.partner // "-")) | join(","))' "$TMP/v2.json")" "2019|t4240-goal|skarpnack-stadsdelsforvaltning/-,-/Skarpnäcks idrottsförening,sensus/-"
# the round trip: the draft's document, imported as the next version after adopting this one, exports the same
expect_exit "the draft is adopted" 0 L plan adopt $PLAN --version 2 --date 2026-01-15 --paragraph 7 --dnr T-4240
expect_exit "its document imports as a new draft" 0 L import json "$TMP/v2.json"
expect_exit "the new draft exports" 0 L export json plan $PLAN --version 3
jq 'del(.version)' "$TMP/v2.json" > "$TMP/a.json"
jq 'del(.version)' "$TMP/out" > "$TMP/b.json"
if cmp -s "$TMP/a.json" "$TMP/b.json"; then ok "the round trip is identical"; else nok "the round trip differs"; diff "$TMP/a.json" "$TMP/b.json" | head -10 >&2; fi
V3=$(q "SELECT id FROM plan_version WHERE plan_id = $PID AND version = 3")
expect_eq "the copy's measure dates are parsed" "$(q "SELECT start_first || ':' || end_prec FROM measure WHERE plan_version_id = $V3 AND title = 'Spontanidrott i Skarpnäcks gård'")" "20180301:year"
expect_exit "the database passes lup check" 0 L check

finish
