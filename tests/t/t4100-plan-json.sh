#!/bin/sh
# t4100: the plan interchange document (docs/plan-json.md). Every plan of the Stockholm dataset
# survives export -> import as a new version -> export unchanged apart from the version's
# bookkeeping; malformed and hostile documents are refused with the JSON pointer of each problem
# and nothing written; `lup plan new-version` copies the adopted version once (a second draft is
# refused); the export validates against docs/schema/lup-plan.schema.json when ajv is at hand.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
# rows: the number of rows of every table a plan version writes to (and the audit log)
rows() {
	q "SELECT (SELECT count(*) FROM plan_version) || ' ' || (SELECT count(*) FROM goal) || ' ' ||
	   (SELECT count(*) FROM indicator) || ' ' || (SELECT count(*) FROM target) || ' ' ||
	   (SELECT count(*) FROM theme) || ' ' || (SELECT count(*) FROM measure) || ' ' ||
	   (SELECT count(*) FROM measure_partner) || ' ' || (SELECT count(*) FROM activity) || ' ' ||
	   (SELECT count(*) FROM plan_partner) || ' ' || (SELECT count(*) FROM audit)"
}
# content: the document without the version's bookkeeping, keys sorted
content() { jq -S 'del(.version.number, .version.status, .version.decision, .version.based_on)' "$1"; }

L init >/dev/null 2>&1
L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
PLANS=$(q "SELECT key FROM plan ORDER BY key")
expect_eq "the dataset has 16 plans" "$(echo "$PLANS" | wc -l | tr -d ' ')" 16

# 1. round trip of every plan
bad=0
for p in $PLANS; do
	L export json plan "$p" -o "$TMP/$p.1.json" 2>"$TMP/err" || { nok "export $p"; cat "$TMP/err" >&2; bad=1; continue; }
	L import json "$TMP/$p.1.json" >/dev/null 2>"$TMP/err" || { nok "import $p"; head -3 "$TMP/err" >&2; bad=1; continue; }
	L export json plan "$p" --version 2 -o "$TMP/$p.2.json" || { nok "export $p v2"; bad=1; continue; }
	if ! content "$TMP/$p.1.json" >"$TMP/a" || ! content "$TMP/$p.2.json" >"$TMP/b" || ! cmp -s "$TMP/a" "$TMP/b"; then
		nok "round trip of $p"; diff "$TMP/a" "$TMP/b" | head -10 >&2; bad=1
	fi
	# the original version is untouched by the copy
	L export json plan "$p" --version 1 | cmp -s - "$TMP/$p.1.json" || { nok "version 1 of $p unchanged"; bad=1; }
done
[ $bad = 0 ] && ok "export, import, export: the same content for all 16 plans"
VP=$TMP/vp-2022-spanga-tensta
expect_eq "the vp's copy is a draft based on version 1" \
	"$(jq -c '[.version.number, .version.status, .version.based_on]' "$VP.2.json")" '[2,"draft",1]'
expect_eq "the vp's document holds its goals, indicators and activities" \
	"$(jq -c '[(.goals|length), ([.goals[].indicators[]]|length) + (.indicators|length), (.activities|length)]' "$VP.1.json")" \
	"[20,$(q "SELECT count(*) FROM indicator WHERE ident IS NULL"),152]"
expect_eq "new rows get the key IDENT-v2 and keep the document's id" \
	"$(q "SELECT key || ' ' || ident FROM goal WHERE ident = 'vp-2022-spanga-tensta-nm-01'")" \
	"vp-2022-spanga-tensta-nm-01-v2 vp-2022-spanga-tensta-nm-01"
expect_eq "the write is audited (one entry per version)" \
	"$(q "SELECT count(*) FROM audit WHERE entity = 'plan_version' AND action = 'insert'")" 16
# the export is stable: two exports of the same version are byte-identical and end in a newline
L export json plan lup-farsta --version 2 | cmp -s - "$TMP/lup-farsta.2.json" && ok "exports are byte-stable" || nok "exports are byte-stable"
# -o to something that is not a regular file writes into it (never renames over it)
mkfifo "$TMP/fifo"
cat "$TMP/fifo" >"$TMP/fromfifo" &
L export json plan lup-farsta --version 2 -o "$TMP/fifo"
wait
[ -p "$TMP/fifo" ] && cmp -s "$TMP/fromfifo" "$TMP/lup-farsta.2.json" && ok "-o to a FIFO writes into it" ||
	nok "-o to a FIFO writes into it"
expect_eq "the file ends in a newline" "$(tail -c 1 "$VP.1.json" | od -An -c | tr -d ' ')" '\n'

# 2. a draft exists now: a third version is refused, and new-version too
expect_exit "import while a draft exists is refused" 1 L import json "$VP.1.json"
expect_err "... saying so" "already has a draft (version 2)"
expect_exit "new-version while a draft exists is refused" 1 L plan new-version vp-2022-spanga-tensta
expect_err "... saying so" "already has a draft"

# 3. hostile documents, each against lup-bromma's draft-free state: a fresh database
DB="$TMP/fresh.db"
L init >/dev/null 2>&1
L demo "$ROOT/data/stockholm" >/dev/null
B=$TMP/lup-bromma.1.json
before=$(rows)
refused() {	# refused NAME FILE TEXT: the import fails, names TEXT, writes nothing
	expect_exit "$1: refused" 1 L import json "$2"
	expect_err "$1: names the problem" "$3"
	expect_eq "$1: nothing written" "$(rows)" "$before"
}
M=$(jq '[.measures[] | .partners | length > 0] | index(true)' "$B")
jq ".measures[$M].partners[0].org = \"x\"" "$B" >"$TMP/h1.json"
refused "an unknown organisation" "$TMP/h1.json" "h1.json: /measures/$M/partners/0/org: no organisation 'x'"
jq '.format_version = 3' "$B" >"$TMP/h2.json"
refused "a wrong format_version" "$TMP/h2.json" "/format_version: version 3 of the format is not known"
jq '.measures[1].id = .measures[0].id' "$B" >"$TMP/h3.json"
refused "a duplicate id" "$TMP/h3.json" "/measures/1/id: '$(jq -r '.measures[0].id' "$B")' is used twice"
jq 'del(.themes[0].name) | .measures[0].status = "bogus" | .areas[0].area = 7' "$B" >"$TMP/h4.json"
refused "three problems at once" "$TMP/h4.json" "/themes/0/name: is missing"
expect_err "... the second" "/measures/0/status: must be one of"
expect_err "... the third" "/areas/0/area: must be a string"
jq '.measures[0].areas[0] = "nowhere" | .partners[0].org = "nobody"' "$B" >"$TMP/h5.json"
refused "two unknown references" "$TMP/h5.json" "/partners/0/org: no organisation 'nobody'"
expect_err "... both named" "/measures/0/areas/0: no area 'nowhere'"
jq '.plan.key = "no-such-plan"' "$B" >"$TMP/h6.json"
refused "an unknown plan" "$TMP/h6.json" "no plan 'no-such-plan'"
jq '.measures[0].themes[0] = "theme-99999"' "$B" >"$TMP/h7.json"
refused "a theme not in the document" "$TMP/h7.json" "/measures/0/themes/0: no theme 'theme-99999' in the document"
jq '.surprise = 1' "$B" >"$TMP/h8.json"
refused "an unknown field" "$TMP/h8.json" "/surprise: is not a field"
printf '{"format": "lup-plan", "format": "lup-plan"}' >"$TMP/h9.json"
refused "a duplicate key" "$TMP/h9.json" "duplicate object key"
printf '{"format": "lup-plan", "plan": [' >"$TMP/h10.json"
refused "truncated JSON" "$TMP/h10.json" "h10.json:1:"
printf '[1, 2]' >"$TMP/h11.json"
refused "not an object" "$TMP/h11.json" "/: must be an object"
jq '.activities = [{"id":"a","owner":"bromma-stadsdelsnamnd","title":"t","description":null,"start":"2022-13","end":null,"status":"planned","role":null,"goal":null,"theme":null,"measure":null,"source":null,"districts":[],"partners":[]}]' "$B" >"$TMP/h12.json"
refused "a bad date" "$TMP/h12.json" "/activities/0/start:"
jq '.sections[0].ord = 9' "$TMP/lup-rinkeby-kista.1.json" >"$TMP/h13.json"
refused "a section out of range" "$TMP/h13.json" "/sections/0/ord: must be 1 to 7"
# oversized: 17 MiB of valid JSON
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['plan']['source']='x'*(17<<20); json.dump(d,open(sys.argv[2],'w'))" "$B" "$TMP/big.json"
refused "an oversized document" "$TMP/big.json" "over the limit"
# deep nesting does not crash the parser
python3 -c "print('['*100000 + ']'*100000)" >"$TMP/deep.json"
refused "deep nesting" "$TMP/deep.json" "deep.json:"
# an unchanged document is still accepted after all that
expect_exit "the unchanged document imports" 0 L import json "$B"

# 4. new-version: a copy of the adopted version, once
DB="$TMP/nv.db"
L init >/dev/null 2>&1
L demo "$ROOT/data/stockholm" >/dev/null
expect_exit "new-version of lup-skarpnack" 0 L plan new-version lup-skarpnack
expect_out "... version 2" "version 2 (draft)"
L export json plan lup-skarpnack --version 1 -o "$TMP/s1.json"
L export json plan lup-skarpnack --version 2 -o "$TMP/s2.json"
content "$TMP/s1.json" >"$TMP/a"; content "$TMP/s2.json" >"$TMP/b"
cmp -s "$TMP/a" "$TMP/b" && ok "new-version copies the content" || nok "new-version copies the content"
expect_exit "new-version twice is refused" 1 L plan new-version lup-skarpnack
expect_err "... saying so" "already has a draft (version 2)"
expect_exit "export without --version picks the adopted version" 0 L export json plan lup-skarpnack
expect_eq "... version 1" "$(jq .version.number "$TMP/out")" 1
expect_exit "an unknown plan" 1 L export json plan nothing
expect_err "... not found" "no plan 'nothing'"
expect_exit "an unknown version" 1 L export json plan lup-skarpnack --version 9
L check >/dev/null 2>&1 && ok "the database passes lup check" || nok "lup check"

# 4b. targets per sex (format version 2): kept through export, import and a new version; a
# version 1 document (every target the total, no "sex") is read as before
DB="$TMP/sex.db"
L init >/dev/null 2>&1
L demo "$ROOT/data/stockholm" >/dev/null
IND=$(q "SELECT i.key FROM indicator i JOIN target t ON t.indicator_id = i.id JOIN goal g ON g.id = i.goal_id
	JOIN plan_version pv ON pv.id = g.plan_version_id JOIN plan p ON p.id = pv.plan_id
	WHERE p.key = 'vp-2022-spanga-tensta' AND t.kind = 'own' AND t.mode = 'number' ORDER BY i.id LIMIT 1")
q "UPDATE indicator SET by_sex = 1 WHERE key = '$IND'; INSERT INTO target (indicator_id, year, kind, sex, mode, value, unit, text)
   SELECT indicator_id, year, kind, 'K', mode, value + 1, unit, 'kvinnor' FROM target WHERE sex = 'T' AND kind = 'own'
   AND indicator_id = (SELECT id FROM indicator WHERE key = '$IND')"
L export json plan vp-2022-spanga-tensta -o "$TMP/vps.json"
expect_eq "the export writes format version 2" "$(jq .format_version "$TMP/vps.json")" 2
expect_eq "and the women's target with its sex" \
	"$(jq -c '[.. | objects | select(has("targets")) | .targets[] | select(.sex == "K") | .text] | unique' "$TMP/vps.json")" '["kvinnor"]'
db_copy "$DB" "$TMP/sex-copy.db"
before=$(rows)
jq '(.. | objects | select(has("targets")) | .targets[]) |= del(.sex)' "$TMP/vps.json" >"$TMP/s1.json"
refused "format version 2 without a target's sex" "$TMP/s1.json" "/sex: is missing"
jq '.format_version = 1' "$TMP/vps.json" >"$TMP/s2.json"
refused "a sex in a version 1 document" "$TMP/s2.json" "/sex: is not in format version 1 (it came with version 2)"
jq '(.. | objects | select(has("targets")) | select(.by_sex) ) |= (.by_sex = false)' "$TMP/vps.json" >"$TMP/s3.json"
refused "a women's target on an indicator not divided by sex" "$TMP/s3.json" "needs an indicator divided by sex"
jq '.format_version = 1 | (.. | objects | select(has("targets")) | .targets) |= map(select(.sex == "T") | del(.sex))' \
	"$TMP/vps.json" >"$TMP/s4.json"
expect_exit "a version 1 document is read as before" 0 L import json "$TMP/s4.json"
expect_eq "... its targets are the totals" "$(q "SELECT count(*) FROM target t JOIN indicator i ON i.id = t.indicator_id
	JOIN goal g ON g.id = i.goal_id JOIN plan_version pv ON pv.id = g.plan_version_id WHERE pv.status = 'draft'
	AND t.sex <> 'T'")" 0
DB="$TMP/sex-copy.db"
expect_exit "new-version copies the targets of every sex" 0 L plan new-version vp-2022-spanga-tensta
expect_eq "... the women's target is in the draft" "$(q "SELECT count(*) FROM target t JOIN indicator i ON i.id = t.indicator_id
	JOIN goal g ON g.id = i.goal_id JOIN plan_version pv ON pv.id = g.plan_version_id JOIN plan p ON p.id = pv.plan_id
	WHERE p.key = 'vp-2022-spanga-tensta' AND pv.status = 'draft' AND t.sex = 'K' AND t.text = 'kvinnor'")" \
	"$(q "SELECT count(*) FROM target WHERE sex = 'K' AND text = 'kvinnor'" | awk '{print $1 / 2}')"

# 5. the schema (JSON Schema 2020-12), when ajv is installed (`npm ci`)
validate() {	# validate FILE...: prints "FILE true|false" per file
	(cd "$ROOT" && node -e '
const Ajv = require("ajv/dist/2020"), fs = require("fs");
const v = new Ajv({ allErrors: true, strict: true })
	.compile(JSON.parse(fs.readFileSync("docs/schema/lup-plan.schema.json", "utf8")));
for (const f of process.argv.slice(1)) {
	const ok = v(JSON.parse(fs.readFileSync(f, "utf8")));
	console.log(f.replace(/.*\//, ""), ok);
	if (!ok) console.error(JSON.stringify(v.errors.slice(0, 3)));
}' "$@")
}
if [ -d "$ROOT/node_modules/ajv" ] && command -v node >/dev/null; then
	got=$(validate "$TMP"/*.1.json "$TMP"/*.2.json "$TMP/h4.json" "$TMP/h8.json" 2>"$TMP/err")
	expect_eq "all 32 exports validate against the schema" "$(echo "$got" | grep -c ' true$')" 32
	expect_eq "documents the program refuses fail the schema too" "$(echo "$got" | grep -c ' false$')" 2
else
	ok "# SKIP schema validation: node_modules/ajv missing (npm ci)"
fi
finish
