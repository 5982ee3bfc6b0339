#!/bin/sh
# t4220: writing a plan version's themes and prioritised areas, through the API
# (/api/v1/plans/{key}/versions/{n}/themes..., /areas) and the forms (/plan/{key}/version/{n}/teman,
# /omraden), against the real `lup serve`: add, rename (the old name stays as a dated alias, shown
# on the district page), target groups, reorder (a list that is not a permutation refused), remove
# (refused while a goal or a measure uses the theme, then allowed with move_to, the things moved),
# the prioritised areas (an area of another district refused, naming it); every route for the six
# roles; the frozen rule (409 on the adopted version); hostile and malformed input refused with
# nothing changed (row counts and the audit).
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
for u in admin city reader own other; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
[ -n "$T_own" ] && ok "tokens are created" || nok "token create"

# A draft (version 2) of Spånga-Tensta's LUP: a copy of version 1's themes with their aliases and
# target groups, its prioritised areas, a goal and a measure of the draft that use its first theme.
PLAN=lup-spanga-tensta
PID=$(q "SELECT id FROM plan WHERE key = '$PLAN'")
V1=$(q "SELECT id FROM plan_version WHERE plan_id = $PID AND version = 1")
q "INSERT INTO plan_version (plan_id, version, status, area_scope, based_on) VALUES ($PID, 2, 'draft', 'some', $V1);
INSERT INTO theme (plan_version_id, ord, name, description, extra, source, ident)
  SELECT (SELECT id FROM plan_version WHERE plan_id = $PID AND version = 2), ord, name, description, extra, source,
  'theme-' || id FROM theme WHERE plan_version_id = $V1;
INSERT INTO theme_alias (theme_id, alias, source) SELECT n.id, a.alias, a.source FROM theme_alias a
  JOIN theme n ON n.ident = 'theme-' || a.theme_id;
INSERT INTO theme_target_group (theme_id, target_group) SELECT n.id, g.target_group FROM theme_target_group g
  JOIN theme n ON n.ident = 'theme-' || g.theme_id;
INSERT INTO prioritised_area (plan_version_id, area_id, note, source)
  SELECT (SELECT id FROM plan_version WHERE plan_id = $PID AND version = 2), area_id, note, source
  FROM prioritised_area WHERE plan_version_id = $V1;" || nok "the draft is made"
V2=$(q "SELECT id FROM plan_version WHERE plan_id = $PID AND version = 2")
T1=$(q "SELECT id FROM theme WHERE plan_version_id = $V2 ORDER BY ord, id LIMIT 1")
T2=$(q "SELECT id FROM theme WHERE plan_version_id = $V2 ORDER BY ord, id LIMIT 1 OFFSET 1")
T1NAME=$(q "SELECT name FROM theme WHERE id = $T1")
NTHEMES=$(q "SELECT count(*) FROM theme WHERE plan_version_id = $V2")
q "INSERT INTO goal (key, owner_id, plan_version_id, level, title, year, theme_id)
  VALUES ('t4220-goal', (SELECT owner_id FROM plan WHERE id = $PID), $V2, 'lup', 'Ett mål i utkastet', 2025, $T1);
INSERT INTO measure (key, plan_version_id, title) VALUES ('t4220-measure', $V2, 'En åtgärd i utkastet');
INSERT INTO measure_theme (measure_id, theme_id) SELECT id, $T1 FROM measure WHERE key = 't4220-measure';"
expect_eq "the draft has its themes" "$NTHEMES" "$(q "SELECT count(*) FROM theme WHERE plan_version_id = $V1")"

serve "$DB"
A=/api/v1/plans/$PLAN/versions
state() { q "SELECT (SELECT count(*) FROM theme), (SELECT count(*) FROM theme_alias), (SELECT count(*) FROM theme_target_group),
  (SELECT count(*) FROM prioritised_area), (SELECT group_concat(id || ':' || ord || ':' || name, '|') FROM theme WHERE plan_version_id = $V2),
  (SELECT area_scope FROM plan_version WHERE id = $V2), (SELECT count(*) FROM audit)"; }

# --- reading: the adopted version for everyone, the draft for those who may read it ---------------
req "anyone reads the adopted version's themes" 200 GET "$A/1/themes"
expect_eq "the adopted version's themes" "$(jb '.themes | length')" "$NTHEMES"
req "anonymous: the draft is not there" 404 GET "$A/2/themes"
req "a reader of no organisation: not there" 404 GET "$A/2/themes" "" "$T_reader"
req "another organisation's editor: not there" 404 GET "$A/2/areas" "" "$T_other"
req "the city office reads the draft" 200 GET "$A/2/themes" "" "$T_city"
req "the owner's editor reads the draft" 200 GET "$A/2/themes" "" "$T_own"
expect_eq "what uses the first theme" "$(jb ".themes[0].used_by.goals, .themes[0].used_by.measures" | tr '\n' ,)" "1,1,"
req "an admin reads one theme" 200 GET "$A/2/themes/$T1" "" "$T_admin"
expect_eq "the theme's name" "$(jb .name)" "$T1NAME"
req "an unknown version" 404 GET "$A/9/themes" "" "$T_admin"
req "a version that is no number" 404 GET "$A/x/themes" "" "$T_admin"
req "a theme of another version" 404 GET "$A/2/themes/$(q "SELECT id FROM theme WHERE plan_version_id = $V1 LIMIT 1")" "" "$T_admin"

# --- every write route x the roles: nothing changes unless the owner's editor or an admin writes -------
BEFORE=$(state)
for route in "POST $A/2/themes {\"name\":\"Nytt\"}" "PATCH $A/2/themes/$T1 {\"description\":\"x\"}" \
	"DELETE $A/2/themes/$T2" "POST $A/2/themes/order {\"order\":[$T1]}" "PUT $A/2/areas {\"scope\":\"all\"}"; do
	set -- $route
	req "anonymous: $1 $2" 401 "$1" "$2" "${3-}"
	req "a reader: $1 $2" 403 "$1" "$2" "${3-}" "$T_reader"
	req "the city office: $1 $2" 403 "$1" "$2" "${3-}" "$T_city"
	req "another organisation's editor: $1 $2" 403 "$1" "$2" "${3-}" "$T_other"
done
expect_eq "nothing changed by the refused writes" "$(state)" "$BEFORE"

# --- the frozen rule ----------------------------------------------------------------------------
V1T=$(q "SELECT id FROM theme WHERE plan_version_id = $V1 ORDER BY ord LIMIT 1")
BEFORE=$(state)
req "adopted: no new theme" 409 POST "$A/1/themes" '{"name":"Nytt tema"}' "$T_own"
expect_eq "adopted: the message" "$(jb .error.message)" "the version is adopted; create a new version to change it"
req "adopted: no rename" 409 PATCH "$A/1/themes/$V1T" '{"name":"Nytt namn"}' "$T_admin"
req "adopted: no removal" 409 DELETE "$A/1/themes/$V1T" "" "$T_own"
req "adopted: no reorder" 409 POST "$A/1/themes/order" "{\"order\":[$V1T]}" "$T_own"
req "adopted: no areas" 409 PUT "$A/1/areas" '{"scope":"none"}' "$T_own"
expect_eq "adopted: nothing changed" "$(state)" "$BEFORE"

# --- add -----------------------------------------------------------------------------------------
req "the owner's editor adds a theme" 201 POST "$A/2/themes" '{"name":"Trygghet på kvällen","description":"Kvällar och nätter","target_groups":["Unga","Äldre"]}' "$T_own"
NEW=$(jb .id)
expect_eq "added last" "$(jb .ord)" "$((NTHEMES + 1))"
expect_eq "its target groups" "$(jb '.target_groups | join(",")')" "Unga,Äldre"
grep -qi "^location: $A/2/themes/$NEW" "$TMP/headers" && ok "Location names it" || nok "Location names it"
expect_eq "audited as an insert" "$(q "SELECT action FROM audit WHERE entity = 'theme' AND entity_id = $NEW")" "insert"
BEFORE=$(state)
req "a name taken, whatever its case" 422 POST "$A/2/themes" '{"name":"TRYGGHET PÅ KVÄLLEN"}' "$T_own"
expect_eq "the field is named" "$(jb '.error.fields[0].field')" "name"
req "no name" 422 POST "$A/2/themes" '{"description":"x"}' "$T_own"
expect_eq "no name: the field is named" "$(jb '.error.fields[0].field')" "name"
req "an empty name" 422 POST "$A/2/themes" '{"name":""}' "$T_own"
req "an overlong name" 422 POST "$A/2/themes" "{\"name\":\"$(printf '%0201d' 0)\"}" "$T_own"
req "a name of two lines" 422 POST "$A/2/themes" '{"name":"a\nb"}' "$T_own"
req "an unknown field" 422 POST "$A/2/themes" '{"name":"X","ord":1}' "$T_own"
req "malformed JSON" 400 POST "$A/2/themes" '{"name":' "$T_own"
req "target groups not a list" 422 POST "$A/2/themes" '{"name":"X","target_groups":"Unga"}' "$T_own"
expect_eq "nothing changed by bad input" "$(state)" "$BEFORE"
HOSTILE='<script>alert(1)</script>'
req "a hostile name is only text" 201 POST "$A/2/themes" "{\"name\":\"$HOSTILE\"}" "$T_admin"
HOST=$(jb .id)

# --- rename: the old name stays as an alias dated today -------------------------------------------
TODAY=$(date -u +%Y-%m-%d)
req "the owner's editor renames a theme" 200 PATCH "$A/2/themes/$T1" '{"name":"Ett nytt namn","target_groups":["Barn"]}' "$T_own"
expect_eq "the new name" "$(jb .name)" "Ett nytt namn"
expect_eq "the old name is an alias until today" "$(jb ".aliases[] | select(.name == \"$T1NAME\") | .valid_to")" "$TODAY"
expect_eq "the target groups replaced" "$(jb '.target_groups | join(",")')" "Barn"
expect_eq "the theme keeps its row (its goal and measure)" "$(jb '.used_by.goals, .used_by.measures' | tr '\n' ,)" "1,1,"
expect_eq "the rename is audited" "$(q "SELECT after LIKE '%Ett nytt namn%' AND before LIKE '%$T1NAME%' FROM audit WHERE entity = 'theme' AND entity_id = $T1 ORDER BY id DESC LIMIT 1")" 1
# the diff page names the former name as text, not as the list member's JSON
req "the diff of version 1 and the draft" 200 GET "/plan/$PLAN/jamfor?fran=1&till=2" "" "$T_own"
grep -q -F "Tillagt: </strong>$T1NAME</li>" "$TMP/body" && ok "the former name in words" || nok "the former name is not in words"
grep -q -F '{&quot;alias&quot;' "$TMP/body" && nok "the alias shown as JSON" || ok "no JSON of the alias"
req "a name of another theme is refused" 422 PATCH "$A/2/themes/$T1" "{\"name\":\"$(q "SELECT name FROM theme WHERE id = $T2")\"}" "$T_own"
req "a null name is refused" 422 PATCH "$A/2/themes/$T1" '{"name":null}' "$T_own"
req "the same name in another case is the theme's own" 200 PATCH "$A/2/themes/$T1" '{"name":"ETT NYTT NAMN"}' "$T_own"
req "and back" 200 PATCH "$A/2/themes/$T1" '{"name":"Ett nytt namn"}' "$T_own"
expect_eq "a name that is the theme's name again is no alias" "$(q "SELECT count(*) FROM theme_alias WHERE theme_id = $T1 AND alias = 'Ett nytt namn'")" 0
curl -s -H "Authorization: Bearer $T_own" "$BASE/stadsdel/spanga-tensta?version=2" >"$TMP/district"
grep -q -F "Ett nytt namn" "$TMP/district" && grep -q -F "$T1NAME" "$TMP/district" && grep -q -F "$T1NAME (tidigare namn till $TODAY)" "$TMP/district" &&
	ok "the district page shows the new name with the old one" || nok "the district page shows the new name with the old one"

# --- reorder ----------------------------------------------------------------------------------------
IDS=$(q "SELECT group_concat(id, ',') FROM (SELECT id FROM theme WHERE plan_version_id = $V2 ORDER BY ord DESC, id DESC) AS sq1")
ONE=$(echo "$IDS" | cut -d, -f1)
BEFORE=$(state)
req "an order without one theme" 422 POST "$A/2/themes/order" "{\"order\":[$(echo "$IDS" | cut -d, -f2-)]}" "$T_own"
req "an order with a theme twice" 422 POST "$A/2/themes/order" "{\"order\":[$IDS,$ONE]}" "$T_own"
req "an order with a theme twice instead of one" 422 POST "$A/2/themes/order" "{\"order\":[$ONE,$(echo "$IDS" | cut -d, -f2- | sed 's/,[0-9]*$//'),$ONE]}" "$T_own"
req "an order with a theme of another version" 422 POST "$A/2/themes/order" "{\"order\":[$(echo "$IDS" | cut -d, -f2-),$V1T]}" "$T_own"
req "an order of strings" 422 POST "$A/2/themes/order" '{"order":["a"]}' "$T_own"
req "an order that is no list" 422 POST "$A/2/themes/order" '{"order":5}' "$T_own"
expect_eq "nothing changed by bad orders" "$(state)" "$BEFORE"
req "the owner's editor reverses the order" 200 POST "$A/2/themes/order" "{\"order\":[$IDS]}" "$T_own"
expect_eq "the new order" "$(jb '[.themes[].id] | map(tostring) | join(",")')" "$IDS"
expect_eq "the reorder is audited" "$(q "SELECT count(*) FROM audit WHERE entity = 'plan_version' AND entity_id = $V2 AND after LIKE '%theme_order%'")" 1

# --- remove ---------------------------------------------------------------------------------------
BEFORE=$(state)
req "a theme a goal and a measure use is not removed" 409 DELETE "$A/2/themes/$T1" "" "$T_own"
expect_eq "the answer says what uses it" "$(jb .error.message | grep -c '1 goals, 0 activities and 1 measures')" 1
req "move_to a theme of another version" 422 DELETE "$A/2/themes/$T1?move_to=$V1T" "" "$T_own"
req "move_to the theme itself" 422 DELETE "$A/2/themes/$T1?move_to=$T1" "" "$T_own"
req "move_to that is no id" 400 DELETE "$A/2/themes/$T1?move_to=x" "" "$T_own"
expect_eq "nothing changed by refused removals" "$(state)" "$BEFORE"
req "removed with move_to" 204 DELETE "$A/2/themes/$T1?move_to=$T2" "" "$T_own"
expect_eq "the goal moved" "$(q "SELECT theme_id FROM goal WHERE key = 't4220-goal'")" "$T2"
expect_eq "the measure moved" "$(q "SELECT group_concat(theme_id) FROM measure_theme JOIN measure m ON m.id = measure_id WHERE m.key = 't4220-measure'")" "$T2"
expect_eq "the theme is gone with its aliases" "$(q "SELECT count(*) FROM theme WHERE id = $T1") $(q "SELECT count(*) FROM theme_alias WHERE theme_id = $T1")" "0 0"
expect_eq "the removal is audited" "$(q "SELECT action FROM audit WHERE entity = 'theme' AND entity_id = $T1 ORDER BY id DESC LIMIT 1")" "delete"
req "an unused theme is removed" 204 DELETE "$A/2/themes/$NEW" "" "$T_admin"
req "a removed theme is not there" 404 DELETE "$A/2/themes/$NEW" "" "$T_admin"

# --- prioritised areas ------------------------------------------------------------------------------
BEFORE=$(state)
req "an area of another district is refused" 422 PUT "$A/2/areas" '{"scope":"some","areas":[{"area":"tensta"},{"area":"husby","note":"x"}]}' "$T_own"
jb '.error.fields[0].message' | grep -q husby && ok "the answer names the area" || nok "the answer names the area ($(cat "$TMP/body"))"
req "a district is no prioritised area" 422 PUT "$A/2/areas" '{"scope":"some","areas":[{"area":"spanga-tensta"}]}' "$T_own"
req "an unknown area" 422 PUT "$A/2/areas" '{"scope":"some","areas":[{"area":"atlantis"}]}' "$T_own"
req "an area twice" 422 PUT "$A/2/areas" '{"scope":"some","areas":[{"area":"tensta"},{"area":"tensta"}]}' "$T_own"
req "an unknown scope" 422 PUT "$A/2/areas" '{"scope":"most"}' "$T_own"
req "scope none with areas" 422 PUT "$A/2/areas" '{"scope":"none","areas":[{"area":"tensta"}]}' "$T_own"
req "an area with an unknown member" 422 PUT "$A/2/areas" '{"scope":"some","areas":[{"area":"tensta","x":1}]}' "$T_own"
req "malformed areas" 400 PUT "$A/2/areas" '{"scope":' "$T_own"
expect_eq "nothing changed by bad areas" "$(state)" "$BEFORE"
req "the owner's editor sets the areas" 200 PUT "$A/2/areas" '{"scope":"some","areas":[{"area":"tensta","note":"Kring torget"},{"area":"spanga-centrum"},{"area":"jarvadalen","note":null}]}' "$T_own"
expect_eq "the areas" "$(jb '[.areas[].area] | sort | join(",")')" "jarvadalen,spanga-centrum,tensta"
expect_eq "the scope" "$(jb .scope)" "some"
expect_eq "the note" "$(q "SELECT note FROM prioritised_area pa JOIN area a ON a.id = pa.area_id WHERE pa.plan_version_id = $V2 AND a.key = 'tensta'")" "Kring torget"
KEPT="FROM prioritised_area n JOIN prioritised_area o ON o.area_id = n.area_id AND o.plan_version_id = $V1 WHERE n.plan_version_id = $V2"
[ "$(q "SELECT count(*) $KEPT")" -gt 0 ] && ok "some areas are kept" || nok "some areas are kept"
expect_eq "the areas kept keep their source (no change in the diff)" "$(q "SELECT count(*) $KEPT AND n.source IS DISTINCT FROM o.source")" 0
expect_eq "a new area's source is the API" "$(q "SELECT group_concat(DISTINCT n.source) FROM prioritised_area n WHERE n.plan_version_id = $V2 AND n.area_id NOT IN (SELECT area_id FROM prioritised_area WHERE plan_version_id = $V1)")" api
expect_eq "the areas are audited" "$(q "SELECT count(*) FROM audit WHERE entity = 'plan_version' AND entity_id = $V2 AND after LIKE '%prioritised_areas%'")" 1
req "an admin sets scope all without areas" 200 PUT "$A/2/areas" '{"scope":"all"}' "$T_admin"
expect_eq "no areas left" "$(jb '.areas | length') $(jb .scope)" "0 all"
req "the adopted version's areas are unchanged" 200 GET "$A/1/areas"
expect_eq "four areas as before" "$(jb '.areas | length')" 4

# --- the forms ------------------------------------------------------------------------------------
login own.jar own editorpassword1
login other.jar other editorpassword2
login reader.jar reader readerpassword1
login city.jar city citypassword1
login admin.jar admin adminpassword1
C_OWN=$(csrf own.jar) C_OTHER=$(csrf other.jar) C_READER=$(csrf reader.jar) C_CITY=$(csrf city.jar)
P=/plan/$PLAN/version
T2NAME=$(q "SELECT name FROM theme WHERE id = $T2")

page "the district page links the editor to the draft's themes" 200 GET "/stadsdel/spanga-tensta?version=2" own.jar
has "a link to the themes' form" "$P/2/teman"
has "a link to the areas' form" "$P/2/omraden"
page "another organisation's editor does not see the draft" 404 GET "/stadsdel/spanga-tensta?version=2" other.jar
hasnt "no themes' form link for another organisation's editor" "$P/2/teman"
page "anonymous visitors see the adopted version" 200 GET "/stadsdel/spanga-tensta" -
hasnt "no themes' form link for anonymous visitors" "$P/2/teman"

for path in "$P/2/teman" "$P/2/teman/$T2" "$P/2/omraden"; do
	page "anonymous: to the login page ($path)" 303 GET "$path" -
	page "a reader: refused ($path)" 403 GET "$path" reader.jar
	page "the city office: refused ($path)" 403 GET "$path" city.jar
	page "another organisation's editor: refused ($path)" 403 GET "$path" other.jar
	page "an admin: the form ($path)" 200 GET "$path" admin.jar
	page "the owner's editor: the form ($path)" 200 GET "$path" own.jar
	valid "the page is valid HTML ($path)"
done
page "the themes' page of the adopted version: the Swedish frozen message" 409 GET "$P/1/teman" own.jar
has "the frozen message" "Versionen är antagen och kan inte ändras. Skapa en ny version för att göra ändringar."
page "an unknown version" 404 GET "$P/7/teman" own.jar

BEFORE=$(state)
page "another organisation's editor cannot add" 403 POST "$P/2/teman" other.jar -d "csrf=$C_OTHER&namn=Nytt"
page "a reader cannot add" 403 POST "$P/2/teman" reader.jar -d "csrf=$C_READER&namn=Nytt"
page "the city office cannot remove" 403 POST "$P/2/teman/$T2/ta-bort" city.jar -d "csrf=$C_CITY"
page "a post without the CSRF field" 403 POST "$P/2/teman" own.jar -d "namn=Nytt"
page "adopted: no new theme through the form" 409 POST "$P/1/teman" own.jar -d "csrf=$C_OWN&namn=Nytt"
has "adopted: the frozen message" "Versionen är antagen och kan inte ändras."
page "an empty name" 422 POST "$P/2/teman" own.jar -d "csrf=$C_OWN&namn=+&beskrivning=kvar"
has "the Swedish message at the field" "Skriv temats namn."
has "the description is kept" ">kvar</textarea>"
page "a name taken, in another case" 422 POST "$P/2/teman" own.jar --data-urlencode "csrf=$C_OWN" --data-urlencode "namn=$(echo "$T2NAME" | tr '[:lower:]' '[:upper:]')"
has "the Swedish message of a taken name" "Det finns redan ett tema med det namnet i versionen."
page "an overlong name" 422 POST "$P/2/teman" own.jar -d "csrf=$C_OWN&namn=$(printf '%0201d' 0)"
has "the Swedish message of a long name" "Namnet får vara högst 200 tecken."
page "a hostile name is escaped when it comes back" 422 POST "$P/2/teman" own.jar --data-urlencode "csrf=$C_OWN" --data-urlencode "namn=$(printf '%0201d' 0)" --data-urlencode "beskrivning=$HOSTILE"
hasnt "no raw script" "<script>alert"
expect_eq "nothing changed by refused forms" "$(state)" "$BEFORE"

page "the owner's editor adds a theme through the form" 303 POST "$P/2/teman" own.jar --data-urlencode "csrf=$C_OWN" \
	--data-urlencode "namn=Kultur i parken" --data-urlencode "malgrupper=$(printf 'Barn\n\n  Unga  \n')"
FORMT=$(q "SELECT id FROM theme WHERE plan_version_id = $V2 AND name = 'Kultur i parken'")
expect_eq "its target groups, one a line" "$(q "SELECT group_concat(target_group, ',') FROM theme_target_group WHERE theme_id = $FORMT")" "Barn,Unga"
expect_eq "it is last" "$(q "SELECT max(ord) = (SELECT ord FROM theme WHERE id = $FORMT) FROM theme WHERE plan_version_id = $V2")" 1
page "moved up" 303 POST "$P/2/teman/ordning" own.jar -d "csrf=$C_OWN&tema=$FORMT&riktning=upp"
expect_eq "one step up" "$(q "SELECT count(*) FROM theme WHERE plan_version_id = $V2 AND ord > (SELECT ord FROM theme WHERE id = $FORMT)")" 1
page "the first theme cannot move up" 400 POST "$P/2/teman/ordning" own.jar -d "csrf=$C_OWN&tema=$(q "SELECT id FROM theme WHERE plan_version_id = $V2 ORDER BY ord LIMIT 1")&riktning=upp"
page "a theme of another version cannot move" 400 POST "$P/2/teman/ordning" own.jar -d "csrf=$C_OWN&tema=$V1T&riktning=ned"
page "renamed through the form" 303 POST "$P/2/teman/$FORMT" own.jar --data-urlencode "csrf=$C_OWN" --data-urlencode "namn=Kultur i parkerna" --data-urlencode "malgrupper=Barn"
page "the theme's page" 200 GET "$P/2/teman/$FORMT" own.jar
has "the former name with its date" "Kultur i parken (tidigare namn till $TODAY)"

# remove through the form: refused while a goal uses it, then with the move
q "UPDATE goal SET theme_id = $FORMT WHERE key = 't4220-goal'"
q "INSERT INTO measure (key, plan_version_id, title) VALUES ('t4220-measure-2', $V2, 'En till');
INSERT INTO measure_theme (measure_id, theme_id) SELECT id, $FORMT FROM measure WHERE key IN ('t4220-measure', 't4220-measure-2');"
BEFORE=$(state)
page "removal refused while things use the theme" 409 POST "$P/2/teman/$FORMT/ta-bort" own.jar -d "csrf=$C_OWN&flytta_till="
has "the Swedish message names them" "Temat används av 1 mål och 2 åtgärder. Flytta dem till ett annat tema först."
page "a move to a theme of another version" 422 POST "$P/2/teman/$FORMT/ta-bort" own.jar -d "csrf=$C_OWN&flytta_till=$V1T"
has "the Swedish message of the move" "Välj ett annat tema i samma version."
expect_eq "nothing changed by refused removals" "$(state)" "$BEFORE"
page "removed with the move" 303 POST "$P/2/teman/$FORMT/ta-bort" own.jar -d "csrf=$C_OWN&flytta_till=$T2"
expect_eq "the goal and the measures moved" "$(q "SELECT theme_id FROM goal WHERE key = 't4220-goal'") $(q "SELECT count(*) FROM measure_theme WHERE theme_id = $T2")" "$T2 2"

# the areas' form
page "the areas' form lists the district's places" 200 GET "$P/2/omraden" own.jar
has "a place of the district" 'value="spanga-centrum"'
hasnt "no area of another district" 'value="husby"'
BEFORE=$(state)
page "an area of another district through the form" 422 POST "$P/2/omraden" own.jar -d "csrf=$C_OWN&omfattning=some&omrade=tensta&omrade=husby"
has "the Swedish message names it" "husby är ingen stadsdel eller plats i stadsdelsområdet."
page "an unknown scope" 422 POST "$P/2/omraden" own.jar -d "csrf=$C_OWN&omfattning=most"
has "the Swedish message of the scope" "Välj vad programmet prioriterar."
page "adopted: no areas through the form" 409 POST "$P/1/omraden" own.jar -d "csrf=$C_OWN&omfattning=all"
page "another organisation's editor: no areas" 403 POST "$P/2/omraden" other.jar -d "csrf=$C_OTHER&omfattning=all"
expect_eq "nothing changed by refused area forms" "$(state)" "$BEFORE"
page "the areas set through the form" 303 POST "$P/2/omraden" own.jar -d "csrf=$C_OWN&omfattning=some&omrade=hjulsta&anteckning-hjulsta=Kring+skolan&omrade=ballstaan&anteckning-tensta=ignoreras"
expect_eq "the areas and notes" "$(q "SELECT group_concat(a.key || '=' || coalesce(pa.note, ''), ',') FROM (SELECT * FROM prioritised_area WHERE plan_version_id = $V2 ORDER BY area_id) pa JOIN area a ON a.id = pa.area_id")" "hjulsta=Kring skolan,ballstaan="
page "the district page shows them" 200 GET "/stadsdel/spanga-tensta?version=2" own.jar
has "the note on the district page" "Hjulsta – Kring skolan"

finish
