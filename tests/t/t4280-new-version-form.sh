#!/bin/sh
# t4280: "Skapa ny version" on the district page: POST /stadsdel/{key}/ny-version starts a new
# draft of the district's LUP (a copy of its adopted version, as `lup plan new-version`) for the
# owner's editors and administrators; the six roles, the CSRF token, 409 in Swedish when the plan
# has a draft, the button shown only to those who may use it and only when there is no draft.
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
P=lup-spanga-tensta
versions() { q "SELECT count(*) FROM plan_version WHERE plan_id = (SELECT id FROM plan WHERE key = '$P')"; }
drafts() { q "SELECT count(*) FROM plan_version WHERE status = 'draft' AND plan_id = (SELECT id FROM plan WHERE key = '$P')"; }
audits() { q "SELECT count(*) FROM audit"; }
serve "$DB"

page() {
	name=$1 want=$2 method=$3 path=$4 jar=$5
	shift 5
	if [ "$jar" = - ]; then set -- "$@"; else set -- -b "$TMP/$jar" -c "$TMP/$jar" "$@"; fi
	code=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" "$@" "$BASE$path")
	if [ "$code" = "$want" ]; then ok "$name"; else
		nok "$name ($method $path: $code, expected $want)"; head -c 400 "$TMP/body" | sed 's/^/    /' >&2; echo >&2; fi
}
has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the page lacks '$2')"; fi; }
hasnt() { if grep -q -F -- "$2" "$TMP/body"; then nok "$1 (the page has '$2')"; else ok "$1"; fi; }
login() { rm -f "$TMP/$1"; page "$2 logs in" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"; }
csrf() { curl -s -b "$TMP/$1" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
for u in "admin adminpassword1" "city citypassword1" "reader readerpassword1" "own editorpassword1" "other editorpassword2"; do
	set -- $u
	login "$1.jar" "$1" "$2"
	eval "C_$1=\$(csrf $1.jar)"
done
BTN="Skapa ny version"
ACTION='action="/stadsdel/spanga-tensta/ny-version"'

# --- the button -----------------------------------------------------------------------------------
page "the district page, anonymously" 200 GET /stadsdel/spanga-tensta -
hasnt "... without the button" "$BTN"
for u in city reader other; do
	page "the district page for $u" 200 GET /stadsdel/spanga-tensta $u.jar
	hasnt "... without the button" "$BTN"
done
page "the district page for the owner's editor" 200 GET /stadsdel/spanga-tensta own.jar
has "... with the button" "$BTN"
has "... in a form posting to ny-version" "$ACTION"
has "... with the CSRF token" "name=\"csrf\" value=\"$C_own\""
page "the district page for an administrator" 200 GET /stadsdel/spanga-tensta admin.jar
has "... with the button" "$BTN"

# --- refusals: nothing written ----------------------------------------------------------------
n0=$(versions) a0=$(audits)
page "anonymously, refused" 401 POST /stadsdel/spanga-tensta/ny-version - -d "csrf=x"
for u in city reader other; do
	eval "c=\$C_$u"
	page "$u is refused" 403 POST /stadsdel/spanga-tensta/ny-version $u.jar -d "csrf=$c"
done
has "... in Swedish" "Bara redaktörer i planens organisation"
page "the owner's editor without the CSRF token" 403 POST /stadsdel/spanga-tensta/ny-version own.jar -d ""
page "the owner's editor with a wrong CSRF token" 403 POST /stadsdel/spanga-tensta/ny-version own.jar -d "csrf=$C_other"
page "an unknown district" 404 POST /stadsdel/ingenstans/ny-version own.jar -d "csrf=$C_own"
expect_eq "no version was made by the refusals" "$(versions)" "$n0"
expect_eq "... nothing audited" "$(audits)" "$a0"

# --- the owner's editor starts a version ------------------------------------------------------
page "the owner's editor starts a new version" 303 POST /stadsdel/spanga-tensta/ny-version own.jar -d "csrf=$C_own"
loc=$(sed -n 's/^[Ll]ocation: *\([^\r]*\).*/\1/p' "$TMP/headers" | tr -d '\r')
expect_eq "... and lands on the draft" "$loc" "/stadsdel/spanga-tensta?version=utkast&klart=ny-version"
expect_eq "... one version more" "$(versions)" $((n0 + 1))
expect_eq "... a draft" "$(drafts)" 1
expect_eq "... copied from the adopted version (based_on)" "$(q "SELECT b.status FROM plan_version v JOIN plan_version b ON b.id = v.based_on WHERE v.status = 'draft' AND v.plan_id = (SELECT id FROM plan WHERE key = '$P')")" decided
expect_eq "... with the same themes" "$(q "SELECT count(*) FROM theme t JOIN plan_version v ON v.id = t.plan_version_id WHERE v.status = 'draft' AND v.plan_id = (SELECT id FROM plan WHERE key = '$P')")" \
	"$(q "SELECT count(*) FROM theme t JOIN plan_version v ON v.id = t.plan_version_id WHERE v.status = 'decided' AND v.plan_id = (SELECT id FROM plan WHERE key = '$P')")"
expect_eq "... audited, by the editor" "$(q "SELECT count(*) FROM audit WHERE entity = 'plan_version' AND action = 'insert' AND actor = 'own'")" 1
page "the draft it leads to" 200 GET "/stadsdel/spanga-tensta?version=utkast&klart=ny-version" own.jar
has "... says the version is made" "En ny version är skapad som utkast."
has "... shows the draft" ": Utkast"
hasnt "... and no button while there is a draft" "$BTN"
page "the adopted version, while there is a draft" 200 GET /stadsdel/spanga-tensta own.jar
hasnt "... has no button either" "$BTN"
page "anonymously, the adopted version still" 200 GET /stadsdel/spanga-tensta -
hasnt "... no draft" ": Utkast"

# --- a second one: 409 ------------------------------------------------------------------------
a1=$(audits)
page "a second new version (an administrator)" 409 POST /stadsdel/spanga-tensta/ny-version admin.jar -d "csrf=$C_admin"
has "... in Swedish" "Programmet har redan ett utkast."
page "a second new version (the owner's editor)" 409 POST /stadsdel/spanga-tensta/ny-version own.jar -d "csrf=$C_own"
expect_eq "... still one draft" "$(drafts)" 1
expect_eq "... nothing audited" "$(audits)" "$a1"

# --- after adoption, the administrator starts the next ------------------------------------------
n=$(q "SELECT version FROM plan_version WHERE status = 'draft' AND plan_id = (SELECT id FROM plan WHERE key = '$P')")
L plan adopt $P --version "$n" --date 2024-01-10 --paragraph 3 --dnr X >/dev/null 2>&1 || nok "the draft is adopted"
page "the button is back after adoption" 200 GET /stadsdel/spanga-tensta own.jar
has "... shown" "$BTN"
page "an administrator starts a new version" 303 POST /stadsdel/spanga-tensta/ny-version admin.jar -d "csrf=$C_admin"
expect_eq "... a draft again" "$(drafts)" 1
expect_eq "... based on the newly adopted version" "$(q "SELECT b.version FROM plan_version v JOIN plan_version b ON b.id = v.based_on WHERE v.status = 'draft' AND v.plan_id = (SELECT id FROM plan WHERE key = '$P')")" "$n"
finish
