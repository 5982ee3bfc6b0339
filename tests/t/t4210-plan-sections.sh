#!/bin/sh
# t4210: the seven sections of a LUP (issue 10): GET/PUT /api/v1/plans/{key}/versions/{n}/sections
# [/{ord}] and the form /plan/{key}/version/{n}/avsnitt/{ord} for the six roles; the frozen rule
# (409 on an adopted version); a draft is not public; If-Match/ETag; malformed, oversized and
# hostile input refused naming the field with nothing changed (rows and audit); the audit entries;
# the district page rendering a section's Markdown (table, list, link) with raw HTML escaped, and
# its edit links for those who may edit the draft.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'editorpassword3\n' | L user add pair --role editor --org rinkeby-kista-stadsdelsforvaltning >/dev/null
for u in admin city reader own other pair; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
T_anon=
[ -n "$T_own" ] && [ -n "$T_pair" ] && ok "tokens are created" || nok "token create"

# A draft (version 2) of Rinkeby-Kista's programme, copied from the adopted version 1 with its
# sections 1-5 only (6 and 7 are written below), made here until `lup plan new-version` exists.
PLAN=lup-rinkeby-kista
V1=$(q "SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = '$PLAN' AND pv.version = 1")
q "INSERT INTO plan_version (plan_id, version, status, created_at, based_on)
   SELECT plan_id, 2, 'draft', '2026-12-01T00:00:00Z', id FROM plan_version WHERE id = $V1" || nok "the draft"
V2=$(q "SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = '$PLAN' AND pv.version = 2")
q "INSERT INTO lup_section (plan_version_id, ord, title, body, source)
   SELECT $V2, ord, title, body, source FROM lup_section WHERE plan_version_id = $V1 AND ord <= 5"
expect_eq "the draft has 5 sections" "$(q "SELECT count(*) FROM lup_section WHERE plan_version_id = $V2")" 5

serve "$DB"
API=/api/v1/plans/$PLAN/versions
audits() { q "SELECT count(*) FROM audit"; }
snap() { q "SELECT plan_version_id, ord, title, coalesce(body, '') FROM lup_section ORDER BY 1, 2" | md5sum; }

# --- reading ----------------------------------------------------------------------------------
req "the adopted version's sections are public" 200 GET $API/1/sections
expect_eq "all seven, stored" "$(jb '[.sections[] | select(.stored)] | length') $(jb .status)" "7 decided"
expect_eq "in order" "$(jb '[.sections[].ord] | join(",")')" "1,2,3,4,5,6,7"
req "an anonymous caller cannot read a draft's sections" 401 GET $API/2/sections
req "nor one of them" 401 GET $API/2/sections/1
for u in reader other; do
	eval "tok=\$T_$u"
	req "a $u cannot read the draft's sections" 403 GET $API/2/sections "" "$tok"
	req "nor one of them ($u)" 403 GET $API/2/sections/1 "" "$tok"
done
for u in city own pair admin; do
	eval "tok=\$T_$u"
	req "a $u reads the draft's sections" 200 GET $API/2/sections "" "$tok"
done
expect_eq "the missing ones come with the template's titles, not stored" \
	"$(jb '[.sections[] | select(.stored | not) | .title] | join("|")')" "Genomförande|Metoder för att mäta måluppfyllelse"
req "one section" 200 GET $API/2/sections/3 "" "$T_own"
expect_eq "its title" "$(jb .title)" "Geografiska/tematiska prioriteringar"
ETAG=$(grep -i '^etag:' "$TMP/headers" | cut -d' ' -f2 | tr -d '\r')
[ -n "$ETAG" ] && ok "it has an ETag" || nok "it has an ETag"
req "If-None-Match gives 304" 304 GET $API/2/sections/3 "" "$T_own" -H "If-None-Match: $ETAG"
req "an unknown plan" 404 GET /api/v1/plans/no-such-plan/versions/1/sections
req "an unknown version" 404 GET $API/99/sections
req "a version that is not a number" 404 GET $API/x/sections
req "section 8" 404 GET $API/1/sections/8
req "section 0" 404 GET $API/1/sections/0

# --- writing: the six roles -------------------------------------------------------------------
BODY='{"title":"Tematiska prioriteringar","body":"Tre teman:\n\n1. Barn och unga\n2. Vuxna\n3. Socialt kapital"}'
a0=$(audits) s0=$(snap)
req "an anonymous caller cannot write" 401 PUT $API/2/sections/3 "$BODY"
req "a reader cannot write" 403 PUT $API/2/sections/3 "$BODY" "$T_reader"
req "the city office cannot write" 403 PUT $API/2/sections/3 "$BODY" "$T_city"
req "another organisation's editor cannot write" 403 PUT $API/2/sections/3 "$BODY" "$T_other"
expect_eq "nothing changed and nothing audited" "$(snap) $(audits)" "$s0 $a0"
req "a stale If-Match is refused" 412 PUT $API/2/sections/3 "$BODY" "$T_own" -H 'If-Match: "00000000000000000000000000000000"'
expect_eq "nothing changed after 412" "$(snap) $(audits)" "$s0 $a0"
req "the owner's editor writes with the current ETag" 200 PUT $API/2/sections/3 "$BODY" "$T_own" -H "If-Match: $ETAG"
expect_eq "the answer is the section" "$(jb .title) $(jb .stored)" "Tematiska prioriteringar true"
expect_eq "it is stored" "$(q "SELECT title FROM lup_section WHERE plan_version_id = $V2 AND ord = 3")" "Tematiska prioriteringar"
expect_eq "one update is audited" "$(audits) $(q "SELECT action || ' ' || entity FROM audit ORDER BY id DESC LIMIT 1")" "$((a0 + 1)) update lup_section"
expect_eq "the entry holds what changed" "$(q "SELECT json_extract(after, '$.title') FROM audit ORDER BY id DESC LIMIT 1")" "Tematiska prioriteringar"
req "the old ETag is stale now" 412 PUT $API/2/sections/3 "$BODY" "$T_own" -H "If-Match: $ETAG"
req "the administration's (the pair's) editor writes" 200 PUT $API/2/sections/3 '{"body":"Kort."}' "$T_pair"
expect_eq "without a title the title is kept" "$(jb .title) $(jb .body)" "Tematiska prioriteringar Kort."
req "an administrator writes" 200 PUT $API/2/sections/3 '{"title":"Prioriteringar","body":""}' "$T_admin"
expect_eq "an empty body is allowed" "$(q "SELECT title || '|' || body FROM lup_section WHERE plan_version_id = $V2 AND ord = 3")" "Prioriteringar|"
a1=$(audits)
req "the same again changes nothing" 200 PUT $API/2/sections/3 '{"title":"Prioriteringar","body":""}' "$T_admin"
expect_eq "and is not audited" "$(audits)" "$a1"
req "a section the draft lacks is created" 201 PUT $API/2/sections/7 '{"body":"Mäts med *Skillnadernas Stockholm*."}' "$T_own"
expect_eq "with the template's title" "$(jb .title) $(jb .stored)" "Metoder för att mäta måluppfyllelse true"
expect_eq "an insert is audited" "$(q "SELECT action || ' ' || entity || ' ' || json_extract(after, '$.ord') FROM audit ORDER BY id DESC LIMIT 1")" "insert lup_section 7"

# --- the frozen rule --------------------------------------------------------------------------
a0=$(audits) s0=$(snap)
req "the adopted version is frozen for its editor" 409 PUT $API/1/sections/1 "$BODY" "$T_own"
expect_eq "with the English message" "$(jb .error.message)" "the version is adopted; create a new version to change it"
req "and for an administrator" 409 PUT $API/1/sections/7 "$BODY" "$T_admin"
req "another organisation's editor gets 403, not 409" 403 PUT $API/1/sections/1 "$BODY" "$T_other"
expect_eq "nothing changed in the adopted version" "$(snap) $(audits)" "$s0 $a0"

# --- malformed, oversized and hostile input -----------------------------------------------------
req "section 8 does not exist" 404 PUT $API/2/sections/8 "$BODY" "$T_own"
req "nor an unknown version" 404 PUT $API/9/sections/1 "$BODY" "$T_own"
req "malformed JSON" 400 PUT $API/2/sections/1 '{"body":' "$T_own"
req "no body field" 422 PUT $API/2/sections/1 '{"title":"x"}' "$T_own"
expect_eq "names the field" "$(jb '.error.fields[0].field')" body
req "an unknown field" 422 PUT $API/2/sections/1 '{"body":"x","html":"<b>"}' "$T_own"
req "an empty title" 422 PUT $API/2/sections/1 '{"title":"  ","body":"x"}' "$T_own"
expect_eq "names the title" "$(jb '.error.fields[0].field')" title
req "a title over 200 bytes" 422 PUT $API/2/sections/1 "{\"title\":\"$(head -c 201 /dev/zero | tr '\0' a)\",\"body\":\"x\"}" "$T_own"
expect_eq "names the title" "$(jb '.error.fields[0].field')" title
req "a title with a line break" 422 PUT $API/2/sections/1 '{"title":"a\nb","body":"x"}' "$T_own"
req "a control character in the body" 422 PUT $API/2/sections/1 '{"body":"a\u0001b"}' "$T_own"
expect_eq "names the body" "$(jb '.error.fields[0].field')" body
req "a NUL in the body" 400 PUT $API/2/sections/1 '{"body":"a\u0000b"}' "$T_own"
head -c 204801 /dev/zero | tr '\0' a | jq -Rs '{body: .}' >"$TMP/big.json"
req "a body over 200 kB" 422 PUT $API/2/sections/1 "@$TMP/big.json" "$T_own"
expect_eq "names the body" "$(jb '.error.fields[0].field')" body
head -c 204800 /dev/zero | tr '\0' a | jq -Rs '{body: .}' >"$TMP/max.json"
printf '\377\376' >"$TMP/bad.json"
req "a body that is not UTF-8" 400 PUT $API/2/sections/1 "@$TMP/bad.json" "$T_own"
expect_eq "nothing changed and nothing audited" "$(snap) $(audits)" "$s0 $a0"
req "a body of exactly 200 kB is taken" 200 PUT $API/2/sections/2 "@$TMP/max.json" "$T_own"

# the hostile body of the district page test below, stored as written
cat >"$TMP/md.txt" <<'EOF'
Programmet bygger på [Vision 2040](https://start.stockholm/vision) och [detta](javascript:alert(1)).

| Tema | Antal åtgärder |
|:-----|---------------:|
| Barn och unga | 4 |
| Vuxna | 3 |

- Rinkeby
- Tensta

<script>alert("xss")</script>
EOF
jq -Rs '{title: "Inledning", body: .}' "$TMP/md.txt" >"$TMP/md.json"
req "a Markdown body with a table, a list, links and raw HTML" 200 PUT $API/2/sections/1 "@$TMP/md.json" "$T_own"
expect_eq "the API gives it back as written" "$(jb .body)" "$(cat "$TMP/md.txt")"

# --- the form -----------------------------------------------------------------------------------
# page NAME WANT METHOD PATH TOKEN [CURL ARGS...]
page() {
	name=$1 want=$2 method=$3 path=$4 tok=$5
	shift 5
	code=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" \
		${tok:+-H "Authorization: Bearer $tok"} "$@" "$BASE$path")
	if [ "$code" = "$want" ]; then ok "$name"; else
		nok "$name ($method $path: $code, expected $want)"; head -c 400 "$TMP/body" | sed 's/^/    /' >&2; echo >&2; fi
}
has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the page lacks '$2')"; fi; }
hasnt() { if grep -q -F -- "$2" "$TMP/body"; then nok "$1 (the page has '$2')"; else ok "$1"; fi; }
valid() {	# valid NAME [WARNING TO IGNORE]
	if tidy -q -e "$TMP/body" 2>&1 | grep -v 'proprietary attribute "aria-current"' | grep -v -e "${2:-^\$}" | grep -q .; then
		nok "$1 (tidy: $(tidy -q -e "$TMP/body" 2>&1 | grep -v aria-current | head -2 | tr '\n' ' '))"
	else ok "$1"; fi
}
FORM=/plan/$PLAN/version/2/avsnitt
page "an anonymous caller is sent to log in" 303 GET $FORM/6 ""
page "a reader gets 403" 403 GET $FORM/6 "$T_reader"
page "the city office gets 403" 403 GET $FORM/6 "$T_city"
page "another organisation's editor gets 403" 403 GET $FORM/6 "$T_other"
page "an administrator gets the form" 200 GET $FORM/6 "$T_admin"
page "the owner's editor gets the form" 200 GET $FORM/6 "$T_own"
has "with the template's title" 'value="Genomförande"'
has "and the Markdown help in Swedish" "Texten skrivs i Markdown"
has "a labelled text area" '<label for="f-text">Text</label>'
valid "the form is valid HTML"
page "section 9" 404 GET $FORM/9 "$T_own"
page "the adopted version's form" 409 GET /plan/$PLAN/version/1/avsnitt/1 "$T_own"
has "says so in Swedish" "Versionen är antagen och kan inte ändras. Skapa en ny version för att göra ändringar."

a0=$(audits) s0=$(snap)
page "an anonymous post" 401 POST $FORM/6 "" --data-urlencode "rubrik=x" --data-urlencode "text=y"
page "another organisation's editor's post" 403 POST $FORM/6 "$T_other" --data-urlencode "rubrik=x" --data-urlencode "text=y"
page "a post to the adopted version" 409 POST /plan/$PLAN/version/1/avsnitt/1 "$T_own" --data-urlencode "rubrik=x" --data-urlencode "text=y"
has "is refused in Swedish" "Versionen är antagen och kan inte ändras."
page "an empty title" 422 POST $FORM/6 "$T_own" --data-urlencode "rubrik= " --data-urlencode "text=Kvar *här*"
has "gets a Swedish message at the field" "Skriv avsnittets rubrik."
has "and keeps the text" "Kvar *här*"
valid "the form with its errors is valid HTML"
page "a control character in the text is refused by the form parser" 400 POST $FORM/6 "$T_own" --data-urlencode "rubrik=Genomförande" -d "text=a%01b"
has "in Swedish" "UTF-8"
expect_eq "nothing changed and nothing audited" "$(snap) $(audits)" "$s0 $a0"
page "the owner's editor saves" 303 POST $FORM/6 "$T_own" --data-urlencode "rubrik=Genomförande" \
	--data-urlencode "text=## Samverkan
Med **facknämnderna**."
expect_eq "and is sent back to the form" "$(grep -i '^location:' "$TMP/headers" | cut -d' ' -f2 | tr -d '\r')" "$FORM/6?klart=sparat"
expect_eq "it is stored and audited" "$(q "SELECT body FROM lup_section WHERE plan_version_id = $V2 AND ord = 6") $(audits)" \
	"## Samverkan
Med **facknämnderna**. $((a0 + 1))"
page "the form after saving" 200 GET "$FORM/6?klart=sparat" "$T_own"
has "says it is saved" "Avsnittet är sparat."
has "with a preview of the Markdown" "<h5>Samverkan</h5>"
has "its strong text" "<strong>facknämnderna</strong>"

# a cookie session needs the CSRF field
rm -f "$TMP/own.jar"
curl -s -o /dev/null -c "$TMP/own.jar" -X POST --data-urlencode namn=own --data-urlencode losenord=editorpassword1 "$BASE/logga-in"
page "a cookie post without the CSRF field" 403 POST $FORM/6 "" -b "$TMP/own.jar" --data-urlencode "rubrik=x" --data-urlencode "text=y"
expect_eq "changes nothing" "$(q "SELECT title FROM lup_section WHERE plan_version_id = $V2 AND ord = 6")" "Genomförande"

# --- the district page ------------------------------------------------------------------------
page "the district page's draft for the owner's editor" 200 GET "/stadsdel/rinkeby-kista?version=utkast" "$T_own"
has "links each section to the draft's form" "href=\"$FORM/1\">Redigera avsnitt 1</a>"
page "the district page for another organisation's editor" 200 GET /stadsdel/rinkeby-kista "$T_other"
hasnt "has no edit links" "Redigera avsnitt"
page "the draft is not another organisation's editor's to see" 404 GET "/stadsdel/rinkeby-kista?version=utkast" "$T_other"

# adopt the draft (until `lup plan adopt` exists): the district page shows version 2
q "UPDATE plan_version SET status = 'superseded' WHERE id = $V1; UPDATE plan_version SET status = 'decided', decided_on = '2026-12-02' WHERE id = $V2"
page "the district page, anonymous" 200 GET /stadsdel/rinkeby-kista ""
has "renders a section's table" '<table class="md-table"><thead><tr><th scope="col" class="md-left">Tema</th>'
has "with its alignment as a class" '<td class="md-right">4</td>'
has "a list" '<ul><li>Rinkeby</li><li>Tensta</li></ul>'
has "a link" '<a href="https://start.stockholm/vision">Vision 2040</a>'
hasnt "but no javascript: link" 'javascript:'
has "shows the script tag as text" '&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;'
hasnt "and never as markup" '<script>alert'
has "a section's heading under the page's" "<h5>Samverkan</h5>"
hasnt "no edit links for anonymous callers" "Redigera avsnitt"
# (the version has no themes nor prioritised areas of its own: the page's empty lists of those are
# not this test's business)
valid "the district page is valid HTML" 'trimming empty <[ou]l>'
page "the frozen version refuses the form now" 409 POST $FORM/6 "$T_own" --data-urlencode "rubrik=x" --data-urlencode "text=y"
req "and the API" 409 PUT $API/2/sections/6 '{"body":"x"}' "$T_own"
finish
