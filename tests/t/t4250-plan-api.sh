#!/bin/sh
# t4250: a plan version as one document in the API and the diff of two versions, against the real
# `lup serve`: GET /api/v1/plans/{key}/versions/{n} equal to `lup export json plan` (ETag, 304),
# PUT of a draft (If-Match: 428 without, 412 stale; 409 on an adopted version; malformed and
# broken documents 400/422 with JSON pointers and nothing changed; the answer equal to the
# export), POST /api/v1/plans/{key}/versions ({}: "Ny version"; a document), for the six roles;
# GET /api/v1/plans/{key}/diff and the page /plan/{key}/jamfor (a draft's diff only for those who
# may read it; the decision in the header; <ins>/<del> with words); the link from the district
# page; an editor of Skarpnäck importing seed 001's Skarpnäck part and a plan document through
# /importera into a new draft (the adopted version untouched), another district's part and
# another organisation's plan refused, naming the district and the plan.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org skarpnack-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org farsta-stadsdelsnamnd >/dev/null
for u in admin city reader own other; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
[ -n "$T_own" ] && [ -n "$T_other" ] && ok "tokens are created" || nok "token create"

PLAN=lup-skarpnack
A=/api/v1/plans/$PLAN/versions
L plan new-version $PLAN >/dev/null || nok "a draft (version 2) is made"
L export json plan $PLAN --version 1 >"$TMP/v1.json"
L export json plan $PLAN --version 2 >"$TMP/v2.json"
state() { q "SELECT (SELECT count(*) FROM plan_version), (SELECT count(*) FROM theme), (SELECT count(*) FROM lup_section),
  (SELECT count(*) FROM measure), (SELECT count(*) FROM plan_partner), (SELECT count(*) FROM audit)"; }
etag() { sed -n 's/^[Ee][Tt][Aa][Gg]: *\(".*"\).*/\1/p' "$TMP/headers" | tr -d '\r'; }
serve "$DB"

# --- GET: the adopted version for everyone, the draft for those who may read it ------------------
req "anyone reads version 1" 200 GET "$A/1"
cmp -s "$TMP/body" "$TMP/v1.json" && ok "... byte for byte what lup export json plan writes" || nok "GET v1 differs from the export"
TAG=$(etag)
[ -n "$TAG" ] && ok "with an ETag" || nok "no ETag"
req "If-None-Match with it: 304" 304 GET "$A/1" "" "" -H "If-None-Match: $TAG"
for who in anon reader other; do
	eval "tok=\${T_$who-}"
	req "$who: the draft is not there" 404 GET "$A/2" "" "$tok"
done
for who in city own admin; do
	eval "tok=\${T_$who-}"
	req "$who reads the draft" 200 GET "$A/2" "" "$tok"
done
cmp -s "$TMP/body" "$TMP/v2.json" && ok "the draft as the export writes it" || nok "GET v2 differs from the export"
req "no version 9" 404 GET "$A/9" "" "$T_admin"
req "no version 'x'" 404 GET "$A/x" "" "$T_admin"
req "no plan" 404 GET "/api/v1/plans/no-such-plan/versions/1" "" "$T_admin"

# --- PUT: replace the draft's content ----------------------------------------------------------------
jq '.sections = [{"ord": 1, "title": "Inledning", "body": "Första stycket.\n\nAndra stycket.", "source": null}]
  | .themes[0].name = "Barn och unga först" | .version.note = "Remissversion"
  | .areas += [{"area": "karrtorp", "note": null, "source": null}]' "$TMP/v2.json" >"$TMP/mod.json"
req "own editor reads the draft" 200 GET "$A/2" "" "$T_own"
TAG2=$(etag)
BEFORE=$(state)
MOD=$(cat "$TMP/mod.json")
req "anonymous may not PUT" 401 PUT "$A/2" "$MOD" "" -H "If-Match: $TAG2"
req "a reader may not PUT" 403 PUT "$A/2" "$MOD" "$T_reader" -H "If-Match: $TAG2"
req "the city office may not PUT" 403 PUT "$A/2" "$MOD" "$T_city" -H "If-Match: $TAG2"
req "another district's editor may not PUT" 403 PUT "$A/2" "$MOD" "$T_other" -H "If-Match: $TAG2"
req "without If-Match: 428" 428 PUT "$A/2" "$MOD" "$T_own"
expect_eq "... naming the code" "$(jb .error.code)" precondition_required
req "a stale If-Match: 412" 412 PUT "$A/2" "$MOD" "$T_own" -H 'If-Match: "0123456789abcdef0123456789abcdef"'
req "not JSON: 400" 400 PUT "$A/2" '{"format": ' "$T_own" -H "If-Match: $TAG2"
BAD=$(jq -c '.goals = [{"id": "g"}] | .themes[0].name = 5' "$TMP/mod.json")
req "a broken document: 422" 422 PUT "$A/2" "$BAD" "$T_own" -H "If-Match: $TAG2"
expect_eq "... listing the problems by JSON pointer" "$(jb '[.error.fields[].field] | index("/themes/0/name") != null')" true
expect_eq "... the goal's missing title named" "$(jb '[.error.fields[].field] | index("/goals/0/title") != null')" true
UNKNOWN=$(jq -c '.measures[0].areas = ["no-such-area"]' "$TMP/mod.json")
req "an unknown area: 422" 422 PUT "$A/2" "$UNKNOWN" "$T_own" -H "If-Match: $TAG2"
expect_eq "... at its pointer" "$(jb '.error.fields[0].field')" "/measures/0/areas/0"
OTHERPLAN=$(jq -c '.plan.key = "lup-farsta"' "$TMP/mod.json")
req "another plan's document: 422" 422 PUT "$A/2" "$OTHERPLAN" "$T_own" -H "If-Match: $TAG2"
expect_eq "... at /plan/key" "$(jb '.error.fields[0].field')" "/plan/key"
head -c 1100000 /dev/zero | tr '\0' ' ' >"$TMP/big.json"
code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $T_own" -H "If-Match: $TAG2" \
	-H 'Content-Type: application/json' --data-binary @"$TMP/big.json" "$BASE$A/2")
expect_eq "an oversized body: 413" "$code" 413
expect_eq "nothing changed by the refused PUTs (rows, audit)" "$(state)" "$BEFORE"
L export json plan $PLAN --version 2 >"$TMP/after.json"
cmp -s "$TMP/after.json" "$TMP/v2.json" && ok "... the draft's document is the same" || nok "the draft changed"

req "own editor PUTs the document" 200 PUT "$A/2" "$MOD" "$T_own" -H "If-Match: $TAG2"
cp "$TMP/body" "$TMP/put.json"
TAG3=$(etag)
L export json plan $PLAN --version 2 >"$TMP/v2b.json"
cmp -s "$TMP/put.json" "$TMP/v2b.json" && ok "the answer is the export of the draft" || nok "PUT answer differs from the export"
expect_eq "the draft holds what was sent" "$(jq -S . "$TMP/v2b.json" | md5sum)" "$(jq -S . "$TMP/mod.json" | md5sum)"
expect_eq "one audit entry (update of the version)" \
	"$(q "SELECT count(*) FROM audit WHERE entity = 'plan_version' AND action = 'update'")" 1
req "GET gives the same document" 200 GET "$A/2" "" "$T_own"
cmp -s "$TMP/body" "$TMP/v2b.json" && ok "... byte for byte" || nok "GET after PUT differs"
expect_eq "... with the PUT's ETag" "$(etag)" "$TAG3"
req "the old ETag is stale now: 412" 412 PUT "$A/2" "$MOD" "$T_own" -H "If-Match: $TAG2"
req "an administrator may PUT" 200 PUT "$A/2" "$MOD" "$T_admin" -H "If-Match: $TAG3"
cmp -s "$TMP/body" "$TMP/v2b.json" && ok "... the same content again, same document" || nok "admin PUT changed the document"
expect_eq "the adopted version is untouched" "$(L export json plan $PLAN --version 1 | md5sum)" "$(md5sum <"$TMP/v1.json")"
req "PUT to the adopted version: 409" 409 PUT "$A/1" "$(cat "$TMP/v1.json")" "$T_own" -H 'If-Match: *'

# --- the diff: API and page -----------------------------------------------------------------------
req "anonymous: no diff with the draft" 404 GET "/api/v1/plans/$PLAN/diff?from=1&to=2"
req "another district's editor: no diff with the draft" 404 GET "/api/v1/plans/$PLAN/diff?from=1&to=2" "" "$T_other"
req "a reader: no diff with the draft" 404 GET "/api/v1/plans/$PLAN/diff?from=1&to=2" "" "$T_reader"
for who in city own admin; do
	eval "tok=\${T_$who-}"
	req "$who: the diff of 1 and the draft" 200 GET "/api/v1/plans/$PLAN/diff?from=1&to=2" "" "$tok"
done
expect_eq "the theme renamed" "$(jb '[.changes[] | select(.kind == "theme" and .op == "changed") | .fields[0].after] | join(",")')" \
	"Barn och unga först"
expect_eq "the section added" "$(jb '[.changes[] | select(.kind == "section") | .op] | join(",")')" added
expect_eq "the versions named" "$(jb '"\(.from.version) \(.from.status) \(.to.version) \(.to.status)"')" "1 decided 2 draft"
req "from missing: 400" 400 GET "/api/v1/plans/$PLAN/diff?to=2" "" "$T_own"
req "from not a number: 400" 400 GET "/api/v1/plans/$PLAN/diff?from=x&to=2" "" "$T_own"
req "no version 9: 404" 404 GET "/api/v1/plans/$PLAN/diff?from=1&to=9" "" "$T_own"
req "anonymous: no page of the draft's diff" 404 GET "/plan/$PLAN/jamfor?fran=1&till=2"
grep -q "ingen sådan version" "$TMP/body" && ok "... in Swedish" || nok "the 404 page is not Swedish"
req "own editor: the page" 200 GET "/plan/$PLAN/jamfor?fran=1&till=2" "" "$T_own"
grep -q '<del>Förebyggande arbete med barn och unga</del>' "$TMP/body" && grep -q '<ins>Barn och unga först</ins>' "$TMP/body" &&
	ok "the rename before and after in <del>/<ins>" || nok "the rename is not shown"
grep -q 'Ändrat: ' "$TMP/body" && grep -q 'Tillagt: ' "$TMP/body" && ok "each change in words (Ändrat, Tillagt)" || nok "no words"
grep -q 'Tillagt: </strong>Kärrtorp (karrtorp)' "$TMP/body" && ok "an added area by its name" || nok "the added area is not named"
grep -q '<h2>Teman</h2>' "$TMP/body" && grep -q '<h2>Avsnitt</h2>' "$TMP/body" && ok "per kind a heading" || nok "no headings"
grep -q 'name="fran"' "$TMP/body" && grep -q 'name="till"' "$TMP/body" && ok "the form's two selects" || nok "no selects"
grep -q 'Version 2, utkast' "$TMP/body" && ok "the draft named in the header" || nok "no header"

# adopt the draft: the diff is public, with the decision
L plan adopt $PLAN --version 2 --date 2025-11-20 --paragraph 12 --dnr "SN 2026/123" >/dev/null || nok "adopt v2"
req "anonymous: the diff of two adopted versions" 200 GET "/api/v1/plans/$PLAN/diff?from=1&to=2"
expect_eq "... with the decision" "$(jb '"\(.to.decision.date) \(.to.decision.paragraph) \(.to.decision.dnr)"')" "2025-11-20 12 SN 2026/123"
req "anonymous: the page" 200 GET "/plan/$PLAN/jamfor?fran=1&till=2"
grep -q 'Version 2, antagen 20 november 2025, § 12, dnr SN 2026/123' "$TMP/body" && ok "the header names the decision" ||
	nok "the decision is not in the header"
grep -q '<ins><strong>Tillagt stycke: </strong>Första stycket.' "$TMP/body" && ok "a section's paragraphs in <ins> with words" ||
	nok "the paragraphs are not marked"
req "anonymous: the page by default compares the newest two" 200 GET "/plan/$PLAN/jamfor"
grep -q '<option value="2" selected' "$TMP/body" && ok "... version 2 chosen" || nok "the default is not version 2"
req "the district page" 200 GET "/stadsdel/skarpnack"
grep -q "href=\"/plan/$PLAN/jamfor?fran=1&amp;till=2\">Jämför med föregående version" "$TMP/body" &&
	ok "links to the diff with the previous version" || nok "no link to the diff"
req "PUT to the now adopted version: 409" 409 PUT "$A/2" "$MOD" "$T_own" -H 'If-Match: *'
expect_eq "... plan_version_adopted" "$(jb .error.code)" plan_version_adopted

# --- POST: a new draft --------------------------------------------------------------------------------
req "anonymous may not POST" 401 POST "$A" '{}'
req "a reader may not POST" 403 POST "$A" '{}' "$T_reader"
req "the city office may not POST" 403 POST "$A" '{}' "$T_city"
req "another district's editor may not POST" 403 POST "$A" '{}' "$T_other"
req "own editor: {} is Ny version" 201 POST "$A" '{}' "$T_own"
expect_eq "... at version 3" "$(sed -n 's/^[Ll]ocation: *//p' "$TMP/headers" | tr -d '\r')" "$A/3"
cp "$TMP/body" "$TMP/post3.json"
L export json plan $PLAN --version 3 >"$TMP/v3.json"
cmp -s "$TMP/post3.json" "$TMP/v3.json" && ok "the answer is the export of version 3" || nok "POST answer differs"
req "a copy of version 2: no changes" 200 GET "/api/v1/plans/$PLAN/diff?from=2&to=3" "" "$T_own"
expect_eq "... none" "$(jb '.changes | length')" 0
req "while the plan has a draft: 409" 409 POST "$A" "$(cat "$TMP/v3.json")" "$T_own"
L plan adopt $PLAN --version 3 --date 2025-11-21 --paragraph 13 --dnr "SN 2026/124" >/dev/null || nok "adopt v3"
jq '.themes[0].description = "Ny beskrivning" | .version.note = "Från API:t"' "$TMP/v3.json" >"$TMP/doc4.json"
BEFORE=$(state)
req "another district's editor may not POST a document" 403 POST "$A" "$(cat "$TMP/doc4.json")" "$T_other"
req "a broken document: 422" 422 POST "$A" "$(jq -c '.themes[0].name = 5' "$TMP/doc4.json")" "$T_own"
expect_eq "... naming /themes/0/name" "$(jb '.error.fields[0].field')" "/themes/0/name"
req "another plan's document at this address: 422" 422 POST "$A" "$(jq -c '.plan.key = "lup-farsta"' "$TMP/doc4.json")" "$T_own"
expect_eq "nothing written by the refused POSTs" "$(state)" "$BEFORE"
req "own editor POSTs a document" 201 POST "$A" "$(cat "$TMP/doc4.json")" "$T_own"
L export json plan $PLAN --version 4 >"$TMP/v4.json"
cmp -s "$TMP/body" "$TMP/v4.json" && ok "the answer is the export of version 4" || nok "POST doc answer differs"
expect_eq "version 4 holds the document's content" "$(jq -S 'del(.version)' "$TMP/v4.json" | md5sum)" \
	"$(jq -S 'del(.version)' "$TMP/doc4.json" | md5sum)"
expect_eq "... based on version 3" "$(jq .version.based_on "$TMP/v4.json")" 3
L plan adopt $PLAN --version 4 --date 2025-11-22 --paragraph 14 --dnr "SN 2026/125" >/dev/null || nok "adopt v4"

# --- the import of an editor: its own district's LUP into a new draft --------------------------------
csrf() { curl -s -H "Authorization: Bearer $1" "$BASE/importera" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
stash() { sed -n 's/.*name="id" value="\([0-9a-f]*\)".*/\1/p' "$TMP/body" | head -1; }
S001="$SEEDS/001_ecab7169fc8ce551.txt"
if [ -f "$S001" ]; then
	# seed 001's Skarpnäck part (§3.10, §4.10, §5.10 under their section headings), with one partner more
	{ sed -n 150,151p "$S001"; sed -n 326,339p "$S001"; sed -n 427,428p "$S001"; sed -n 693,702p "$S001"
	  sed -n 785,786p "$S001"; sed -n 841,846p "$S001" | sed '/^Utbildningsförvaltningen/s/$/, Polisen/'; } >"$TMP/skarpnack.txt"
	{ sed -n 150,151p "$S001"; sed -n 340,362p "$S001"; sed -n 427,428p "$S001"; sed -n 703,724p "$S001"; } >"$TMP/farsta.txt"
	V4=$(L export json plan $PLAN --version 4 | md5sum)
	BEFORE=$(state)
	req "Skarpnäck's editor: Farsta's part refused" 403 POST /importera "" "$T_own" -F typ=lup -F "fil=@$TMP/farsta.txt"
	grep -q '”Farsta” är ett annat stadsdelsområde' "$TMP/body" && ok "... naming the district, in Swedish" ||
		{ nok "the refusal does not name Farsta"; grep -o 'import-error.\{0,400\}' "$TMP/body" | head -3 >&2; }
	req "Farsta's editor: Skarpnäck's part refused" 403 POST /importera "" "$T_other" -F typ=lup -F "fil=@$TMP/skarpnack.txt"
	grep -q '”Skarpnäck” är ett annat stadsdelsområde' "$TMP/body" && ok "... naming Skarpnäck" || nok "the refusal does not name Skarpnäck"
	req "a reader may not import" 403 POST /importera "" "$T_reader" -F typ=lup -F "fil=@$TMP/skarpnack.txt"
	expect_eq "nothing written by the refused imports" "$(state)" "$BEFORE"
	req "Skarpnäck's editor: the dry run of its part" 200 POST /importera "" "$T_own" -F typ=lup -F "fil=@$TMP/skarpnack.txt"
	grep -q 'Nytt utkast' "$TMP/body" && ok "... says it makes a new draft" || nok "the dry run does not mention the draft"
	expect_eq "... and writes nothing" "$(state)" "$BEFORE"
	req "confirmed" 200 POST /importera/bekrafta "" "$T_own" -d "id=$(stash)"
	expect_eq "a new draft version 5" "$(q "SELECT status FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = '$PLAN' AND version = 5")" draft
	expect_eq "the adopted version 4 is untouched" "$(L export json plan $PLAN --version 4 | md5sum)" "$V4"
	expect_eq "the draft has the document's new partner" \
		"$(L export json plan $PLAN --version 5 | jq -r '[.partners[] | select(.label == "Polisen")] | length')" 1
	expect_eq "the adopted version has not" \
		"$(L export json plan $PLAN --version 4 | jq -r '[.partners[] | select(.label == "Polisen")] | length')" 0
	req "the diff 4 -> 5 (own editor)" 200 GET "/api/v1/plans/$PLAN/diff?from=4&to=5" "" "$T_own"
	expect_eq "... shows the partner added" "$(jb '[.changes[] | select(.kind == "partner" and .op == "added") | .name] | join(",")')" Polisen
	req "importing again: into the same draft" 200 POST /importera "" "$T_own" -F typ=lup -F "fil=@$TMP/skarpnack.txt"
	req "... confirmed" 200 POST /importera/bekrafta "" "$T_own" -d "id=$(stash)"
	expect_eq "still versions 1-5" "$(q "SELECT max(version) FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = '$PLAN'")" 5
	L plan adopt $PLAN --version 5 --date 2025-11-23 --paragraph 15 --dnr "SN 2026/126" >/dev/null || nok "adopt v5"
else
	nok "seed 001 not found in $SEEDS"
fi

# --- a plan document through /importera: the owner's editor only ---------------------------------------
L export json plan $PLAN >"$TMP/cur.json"
jq '.themes[0].description = "Ur importen"' "$TMP/cur.json" >"$TMP/imp.json"
BEFORE=$(state)
req "Farsta's editor: Skarpnäck's plan document refused" 403 POST /importera "" "$T_other" -F typ=json -F "fil=@$TMP/imp.json"
grep -q "”$PLAN” hör till en annan organisation" "$TMP/body" && ok "... naming the plan" || nok "the refusal does not name the plan"
expect_eq "nothing written" "$(state)" "$BEFORE"
req "Skarpnäck's editor: the dry run" 200 POST /importera "" "$T_own" -F typ=json -F "fil=@$TMP/imp.json"
req "confirmed" 200 POST /importera/bekrafta "" "$T_own" -d "id=$(stash)"
N=$(q "SELECT max(version) FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = '$PLAN'")
expect_eq "a new draft" "$(q "SELECT status FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = '$PLAN' AND version = $N")" draft
expect_eq "... with the document's content" "$(L export json plan $PLAN --version "$N" | jq -r '.themes[0].description')" "Ur importen"
req "a second document while the draft exists: 409" 409 POST /importera "" "$T_own" -F typ=json -F "fil=@$TMP/imp.json"

finish
