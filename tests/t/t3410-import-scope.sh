#!/bin/sh
# t3410: what an import through the web may touch (import.h's scope, web/authz.h's rules), against
# the real `lup serve`: CSV outcomes of another organisation's indicator refused for its editor
# (with a cookie session and with an API token; 403, Swedish, naming line, column and field;
# nothing written), imported by an administrator, by the indicator's own editor and by an editor
# of its pair; a plan whose keys are another organisation's refused; the kinds that touch many
# organisations for administrators only; the CLI unrestricted. And the city page's default
# period, which counts a draft report only for those who may read it.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
OWN=spanga-tensta-stadsdelsnamnd
# an organisation whose key makes the same plan keys as the committee's (vp-YEAR-spanga-tensta-...)
q "INSERT INTO organisation (key, name, kind) VALUES ('spanga-tensta', 'Spånga-Tensta samverkan', 'other_public')"
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org $OWN >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
printf 'editorpassword3\n' | L user add adm --role editor --org spanga-tensta-stadsdelsforvaltning >/dev/null
printf 'editorpassword4\n' | L user add twin --role editor --org spanga-tensta >/dev/null
for u in admin city own other adm twin; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
[ -n "$T_own" ] && [ -n "$T_twin" ] && ok "tokens are created" || nok "token create"

serve "$DB"

# page NAME EXPECTED METHOD PATH JAR|-|token:TOKEN [CURL ARGS...]: one request; the body in $TMP/body
page() {
	name=$1 want=$2 method=$3 path=$4 who=$5
	shift 5
	case $who in
	-) ;;
	token:*) set -- -H "Authorization: Bearer ${who#token:}" "$@" ;;
	*) set -- -b "$TMP/$who" -c "$TMP/$who" "$@" ;;
	esac
	code=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" "$@" "$BASE$path")
	if [ "$code" = "$want" ]; then ok "$name"; else
		nok "$name ($method $path: $code, expected $want)"; head -c 600 "$TMP/body" | sed 's/^/    /' >&2; echo >&2; fi
}
has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the page lacks '$2')"; fi; }
hasnt() { if grep -q -F -- "$2" "$TMP/body"; then nok "$1 (the page has '$2')"; else ok "$1"; fi; }
login() {	# login JAR NAME PASSWORD
	rm -f "$TMP/$1"
	page "$2 logs in" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"
}
csrf() { curl -s -b "$TMP/$1" "$BASE/importera" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
token() { sed -n 's/.*name="id" value="\([0-9a-f]*\)".*/\1/p' "$TMP/body" | head -1; }
written() { q "SELECT count(*) FROM outcome WHERE source = '$1'"; }

login own.jar own editorpassword1
login other.jar other editorpassword2
login adm.jar adm editorpassword3
login admin.jar admin adminpassword1

# --- CSV outcomes of the Spånga-Tensta committee's indicator ----------------------------------------
IND=vp-2022-spanga-tensta-i-001
# line 3 is the indicator: the refusal must name it, not the header or the first row's other cells
printf 'Indikator;Område;Period;Kön;Värde;Källa\n\n%s;Spånga-Tensta;2022-T1;;7,5;scope-test\n' $IND >"$TMP/st.csv"
AUDIT=$(q 'SELECT count(*) FROM audit')

page "another committee's editor: the CSV is refused" 403 POST /importera other.jar \
	-F "csrf=$(csrf other.jar)" -F typ=csv -F "fil=@$TMP/st.csv"
has "in Swedish, naming the file, line, column and field" \
	"Rad 3 i st.csv, kolumn 1 (indikator): ”$IND” hör till en annan organisation."
has "and that nothing was saved" "ingenting har sparats"
hasnt "without offering a confirmation" 'action="/importera/bekrafta"'
page "the same editor with an API token: refused" 403 POST /importera "token:$T_other" -F typ=csv -F "fil=@$TMP/st.csv"
has "with the same words" "Rad 3 i st.csv, kolumn 1 (indikator): ”$IND” hör till en annan organisation."
expect_eq "nothing was written" "$(written scope-test) $(q 'SELECT count(*) FROM audit')" "0 $AUDIT"
# the CLI (the machine's operator) is not restricted: its dry run accepts the file
L import csv "$TMP/st.csv" --dry-run --json >"$TMP/cli.json" 2>"$TMP/cli.err"
expect_eq "the CLI's dry run takes the row" "$(jq .values "$TMP/cli.json" 2>/dev/null)" 1

page "the indicator's own editor: a dry run" 200 POST /importera own.jar -F "csrf=$(csrf own.jar)" -F typ=csv \
	-F "fil=@$TMP/st.csv"
page "confirmed" 200 POST /importera/bekrafta own.jar -d "csrf=$(csrf own.jar)&id=$(token)"
has "is done" "Importen är klar"
expect_eq "the outcome is written" "$(q "SELECT value FROM outcome WHERE source = 'scope-test'")" 7.5

# the administration names the committee as its pair: its editor may import the committee's outcomes
sed 's/7,5/8,5/' "$TMP/st.csv" >"$TMP/adm.csv"
page "the editor of the committee's administration (its pair): a dry run" 200 POST /importera adm.jar \
	-F "csrf=$(csrf adm.jar)" -F typ=csv -F "fil=@$TMP/adm.csv"
page "confirmed" 200 POST /importera/bekrafta adm.jar -d "csrf=$(csrf adm.jar)&id=$(token)"
expect_eq "the outcome is updated" "$(q "SELECT value FROM outcome WHERE source = 'scope-test'")" 8.5

sed 's/7,5/9,5/' "$TMP/st.csv" >"$TMP/admin.csv"
page "an administrator: the dry run" 200 POST /importera "token:$T_admin" -F typ=csv -F "fil=@$TMP/admin.csv"
page "confirmed" 200 POST /importera/bekrafta "token:$T_admin" -d "id=$(token)"
expect_eq "the outcome is updated" "$(q "SELECT value FROM outcome WHERE source = 'scope-test'")" 9.5

# a refusal after rows that were fine: all or nothing
printf 'Indikator;Område;Period;Kön;Värde;Källa\n%s;Spånga-Tensta;2022-T2;;1;scope-mixed\n' $IND >"$TMP/mixed.csv"
printf '%s;Spånga-Tensta;2022-T2;;2;scope-mixed\n' vp-2022-rinkeby-kista-i-001 >>"$TMP/mixed.csv"
q "INSERT INTO indicator (key, owner_id, name) SELECT 'vp-2022-rinkeby-kista-i-001', id, 'Rinkeby-Kistas indikator' FROM organisation WHERE key = 'rinkeby-kista-stadsdelsnamnd'" 2>"$TMP/ins.err" ||
	nok "an indicator of Rinkeby-Kista ($(cat "$TMP/ins.err"))"
page "a file whose second row is another committee's" 403 POST /importera own.jar -F "csrf=$(csrf own.jar)" \
	-F typ=csv -F "fil=@$TMP/mixed.csv"
has "names that row" "Rad 3 i mixed.csv, kolumn 1 (indikator): ”vp-2022-rinkeby-kista-i-001” hör till en annan organisation."
expect_eq "and the first row is not written either" "$(written scope-mixed)" 0

# --- a plan whose keys are another organisation's ----------------------------------------------------
SEED3=$(ls "$SEEDS"/003_*.txt 2>/dev/null | head -1)
if [ -n "$SEED3" ]; then
	BEFORE=$(q "SELECT group_concat(key || ':' || owner_id) FROM (SELECT key, owner_id FROM goal WHERE key LIKE 'vp-2022-spanga-tensta-%' ORDER BY key) AS sq1")
	page "the 2022 plan by the editor of 'spanga-tensta' (its keys are the committee's): refused" 403 \
		POST /importera "token:$T_twin" -F typ=plan -F "fil=@$SEED3"
	has "naming the plan" "$(basename "$SEED3") (verksamhetsplan): ”vp-2022-spanga-tensta” hör till en annan organisation."
	expect_eq "the committee's goals are still the committee's" \
		"$(q "SELECT group_concat(key || ':' || owner_id) FROM (SELECT key, owner_id FROM goal WHERE key LIKE 'vp-2022-spanga-tensta-%' ORDER BY key) AS sq2")" "$BEFORE"
	page "the committee's own editor may import it" 200 POST /importera "token:$T_own" -F typ=plan -F "fil=@$SEED3"
	page "and so may the editor of its administration" 200 POST /importera "token:$T_adm" -F typ=plan -F "fil=@$SEED3"
else
	nok "seed 003 not found in $SEEDS"
fi

# --- the kinds that touch many organisations: administrators only ------------------------------------
# (an LUP and a plan document are scoped: t4250 imports them as an editor, into a draft)
for kind in commission kolada; do
	page "an editor may not import kind $kind" 403 POST /importera "token:$T_own" -F typ=$kind -F 'innehall=x'
	has "... and is told so" "berör flera organisationer"
done

# --- the city page's default period counts only reports the caller may read ---------------------------
# the demo has no report; a draft for 2022-T1 makes that the latest period with a report for
# those who may read it, and for nobody else
curl -s -o "$TMP/body" "$BASE/"
has "with no report, the page shows the latest period" '<option value="2022-FY" selected>'
code=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST -H "Authorization: Bearer $T_own" \
	-H 'Content-Type: application/json' --data-binary "{\"org\":\"$OWN\",\"period\":\"2022-T1\"}" "$BASE/api/v1/reports")
expect_eq "the editor starts a draft for 2022-T1" "$code" 201
for who in anon other city own admin; do
	eval "tok=\${T_$who-}"
	curl -s -o "$TMP/body" ${tok:+-H "Authorization: Bearer $tok"} "$BASE/"
	case $who in
	anon | other)
		has "for $who the draft does not count: the latest period" '<option value="2022-FY" selected>'
		hasnt "... not the draft's" '<option value="2022-T1" selected>' ;;
	*)
		has "for $who, who may read it, the draft's period" '<option value="2022-T1" selected>' ;;
	esac
done
finish
