#!/bin/sh
# t7300: the web views and the export tables read the same on PostgreSQL as on SQLite. The same
# commands build a SQLite database and a PostgreSQL one (the demo, the commission's responses,
# follow-up reports with assessments and activity statuses, a deadline); two servers then answer
# the pages and API views whose statements are the places, forms, follow, city, goal chain,
# report view, export tables and commitments statements (src/store/sql-pg-web-*.c,
# sql-pg-view-*.c, sql-pg-commit.c) anonymously, as an administrator and as an editor of another
# organisation, and `lup export csv` writes the tables from both: every answer must be the same
# byte for byte (times of day and CSRF tokens masked), so the PostgreSQL texts return the same
# rows in the same order with the same values. Meant for the PostgreSQL run (LUP_PG: the
# cluster's socket directory); skipped without it.
. "$(dirname "$0")/lib.sh"
pg_only t7300
REAL=${LUP_REAL:-$LUP}
S="$TMP/same.db"
PIDS=""
cleanup() {
	for p in $PIDS; do kill "$p" 2>/dev/null; done
	for p in $PIDS; do wait "$p" 2>/dev/null; done
	lib_cleanup
}
trap cleanup EXIT

# both ARGS...: the same command on both databases; ok when both succeed with the same standard
# output (standard error may show progress, which depends on the time taken)
both() {
	"$REAL" --db "$S" "$@" >"$TMP/o.s" 2>"$TMP/err.s" </dev/null; a=$?
	"$REAL" --db "$P" "$@" >"$TMP/o.p" 2>"$TMP/err.p" </dev/null; b=$?
	if [ $a = 0 ] && [ $b = 0 ] && cmp -s "$TMP/o.s" "$TMP/o.p"; then ok "lup $*"; else
		nok "lup $* (exit $a on SQLite, $b on PostgreSQL)"; diff "$TMP/o.s" "$TMP/o.p" | head -5 >&2
		tail -3 "$TMP/err.p" >&2; fi
}
# both_in TEXT ARGS...: the same command with TEXT on standard input
both_in() {
	t=$1; shift
	printf '%s\n' "$t" | "$REAL" --db "$S" "$@" >/dev/null 2>&1 && printf '%s\n' "$t" | "$REAL" --db "$P" "$@" >/dev/null 2>&1 \
		&& ok "lup $*" || nok "lup $* on both"
}

"$REAL" --db "$S" init >/dev/null 2>&1 && "$REAL" --db "$P" init >/dev/null 2>&1 && ok "lup init on both" || nok "lup init on both"
both demo "$ROOT/data/stockholm"
both import commission "$SEEDS/002_e3f287d953d70608.txt"
both_in adminpassword1 user add admin --role admin
both_in editorpassword1 user add ed --role editor --org socialforvaltningen
both report create spanga-tensta-stadsdelsnamnd 2022-T1 --as admin
both report create spanga-tensta-stadsdelsnamnd 2022-T2 --as admin
both report create socialforvaltningen 2022-FY --as admin
both report create spanga-tensta-stadsdelsnamnd 2022-FY --as admin
for g in $(command sqlite3 "$S" "SELECT g.key FROM goal g JOIN organisation o ON o.id = g.owner_id
	WHERE o.key LIKE 'spanga-tensta-stads%' AND g.level IN ('namndmal', 'lup') AND g.year = 2022 ORDER BY g.id"); do
	"$REAL" --db "$S" report assess 1 "$g" none --analysis "ingen bedömning ännu gjord" --as admin >/dev/null 2>&1
	"$REAL" --db "$P" report assess 1 "$g" none --analysis "ingen bedömning ännu gjord" --as admin >/dev/null 2>&1
done
both report assess 1 vp-2022-spanga-tensta-nm-01 fulfilled --analysis "helt uppfyllt enligt planen" --as admin
both report submit 1 --as admin
both report approve 1 --as admin
both deadline set T1 2022 2022-05-15
TOK_S=$("$REAL" --db "$S" token create admin 2>/dev/null)
TOK_P=$("$REAL" --db "$P" token create admin 2>/dev/null)

# start NAME DB: a server of DB; its base address in $TMP/NAME.base
start() {
	rm -f "$TMP/$1.port"
	"$REAL" --db "$2" serve --listen 127.0.0.1:0 --port-file "$TMP/$1.port" --no-cache --quiet 2>"$TMP/$1.log" &
	PIDS="$PIDS $!"
	for i in $(seq 100); do [ -s "$TMP/$1.port" ] && break; sleep 0.1; done
	[ -s "$TMP/$1.port" ] || { nok "lup serve starts on $1"; exit 1; }
	echo "http://127.0.0.1:$(cat "$TMP/$1.port")" >"$TMP/$1.base"
}
start s "$S"
start p "$P"
BS=$(cat "$TMP/s.base") BP=$(cat "$TMP/p.base")

# activity statuses in the draft report 2 (Spånga-Tensta's T2)
for a in $(command sqlite3 "$S" "SELECT a.key FROM activity a JOIN organisation o ON o.id = a.owner_id
	WHERE o.key = 'spanga-tensta-stadsdelsnamnd' ORDER BY a.id LIMIT 2"); do
	cs=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOK_S" -H 'Content-Type: application/json' \
		--data-binary '{"status": "ongoing", "comment": "pågår enligt plan"}' "$BS/api/v1/reports/2/activities/$a")
	cp=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOK_P" -H 'Content-Type: application/json' \
		--data-binary '{"status": "ongoing", "comment": "pågår enligt plan"}' "$BP/api/v1/reports/2/activities/$a")
	expect_eq "activity $a's status in report 2 recorded on both" "$cs $cp" "200 200"
done

for who in admin ed; do
	pw=adminpassword1; [ $who = ed ] && pw=editorpassword1
	for side in s p; do
		curl -s -o /dev/null -c "$TMP/$who.$side" --data-urlencode "namn=$who" --data-urlencode "losenord=$pw" \
			"$(cat "$TMP/$side.base")/logga-in"
	done
done

# mask: what differs between two databases of the same content: times of day (ISO, HH:MM and the
# pages' Swedish "kl. 17.05": the two databases' events are written a moment apart and may fall
# in different minutes), CSRF tokens
mask() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/TIME/g; s/[0-9]{2}:[0-9]{2}(:[0-9]{2})?/HH:MM/g;
	s/kl\. [0-9]{1,2}\.[0-9]{2}/kl. HH.MM/g;
	s/name="csrf" value="[0-9a-f]*"/name="csrf"/g; s/"csrf": *"[0-9a-f]*"/"csrf"/g' "$1"; }
# first_diff A B: where A and B first differ, 150 bytes either side of it from each (pages are
# often one long line, so a line diff shows little)
first_diff() {
	at=$(cmp "$1" "$2" 2>/dev/null | sed -n 's/.* byte \([0-9]*\),.*/\1/p')
	[ -n "$at" ] || { echo "# one is a prefix of the other ($(wc -c <"$1") and $(wc -c <"$2") bytes)" >&2; return; }
	from=$((at > 150 ? at - 150 : 1))
	echo "# first difference at byte $at; SQLite: $(tail -c +$from "$1" | head -c 300)" >&2
	echo "# PostgreSQL: $(tail -c +$from "$2" | head -c 300)" >&2
}
# same WHO PATH [STATUS]: GET PATH from both servers (as WHO: anon, admin or ed): STATUS (200)
# from both and the same body
same() {
	want=${3:-200}
	jar_s="" jar_p=""
	[ "$1" != anon ] && jar_s="-b $TMP/$1.s" jar_p="-b $TMP/$1.p"
	cs=$(curl -s -o "$TMP/b.s" -w '%{http_code}' $jar_s "$BS$2")
	cp=$(curl -s -o "$TMP/b.p" -w '%{http_code}' $jar_p "$BP$2")
	mask "$TMP/b.s" >"$TMP/m.s"; mask "$TMP/b.p" >"$TMP/m.p"
	if [ "$cs" = "$want" ] && [ "$cp" = "$want" ] && cmp -s "$TMP/m.s" "$TMP/m.p"; then ok "$1 $2: $want, the same"; else
		nok "$1 $2: status $cs on SQLite, $cp on PostgreSQL (expected $want), or the bodies differ"
		first_diff "$TMP/m.s" "$TMP/m.p"; fi
}
URLS="/ /stadsdelar /stadsdelar/samverkan /stadsdel/spanga-tensta /stadsdel/rinkeby-kista
/stadsdel/spanga-tensta?ar=2021 /organisationer /organisationer?typ=stadsdelsnamnd /organisationer?typ=fackforvaltning
/organisation/spanga-tensta-stadsdelsnamnd /organisation/spanga-tensta-stadsdelsnamnd?ar=2021
/organisation/socialforvaltningen /organisation/kommunfullmaktige
/kommissionen /kommissionen/forvaltning/rinkeby-kista-stadsdelsforvaltning /kommissionen/svar/1 /kommissionen/svar/29
/uppfoljning /uppfoljning?ar=2022 /uppfoljning/1 /uppfoljning/atagande
/uppfoljning/atagande?ar=2022&period=T1 /uppfoljning/atagande/atagande.csv
/mal/vp-2022-spanga-tensta-nm-01 /indikator/vp-2022-spanga-tensta-i-001 /aktivitet/1 /aktivitet/153
/api/v1/organisations/8/goal-chain?year=2022 /api/v1/organisations/8/goal-chain?year=2021
/api/v1/organisations/spanga-tensta-stadsdelsnamnd/indicator-values?year=2022 /api/v1/reports/1/activities
/api/v1/plans/lup-spanga-tensta/diff?from=1&to=1 /api/v1/plans/vp-2022-spanga-tensta/diff?from=1&to=1
/sok?q=f%C3%B6rskola /sok?q=skola+F%C3%96RS /sok?q=forskola /sok?q=spanga+trygghet
/resurser /resurser?ar=2022 /api/v1/views/resources-need?year=2022 /api/v1/views/resources-need?year=2022&org=socialforvaltningen
/api/v1/allocations /api/v1/allocations?year=2022 /api/v1/allocations?org=socialforvaltningen&limit=7&offset=3
/api/v1/views/organisations-districts /api/v1/views/commitments?year=2022&period=T1
/api/v1/indicators/vp-2022-spanga-tensta-i-001 /api/v1/districts/spanga-tensta"
for who in anon admin ed; do
	for u in $URLS; do same $who "$u"; done
done
# drafts: the administrator and (report 3) its organisation's editor read them, others do not
for r in 2 3; do same admin /uppfoljning/$r; same admin /api/v1/reports/$r/activities; same anon /uppfoljning/$r 404; done
same ed /uppfoljning/3
same ed /api/v1/reports/3/activities
same ed /uppfoljning/2 403
same admin /mal/vp-2022-spanga-tensta-nm-01/redigera

# the export tables (src/view/tables-city.c, org-outcomes.c, the district's table)
for k in districts-themes orgs-districts activities commission allocations audit; do
	for y in "" 2022; do
		"$REAL" --db "$S" export csv $k ${y:+--year $y} >"$TMP/e.s" 2>"$TMP/err.s"; a=$?
		"$REAL" --db "$P" export csv $k ${y:+--year $y} >"$TMP/e.p" 2>"$TMP/err.p"; b=$?
		mask "$TMP/e.s" >"$TMP/m.s"; mask "$TMP/e.p" >"$TMP/m.p"
		if [ $a = 0 ] && [ $b = 0 ] && cmp -s "$TMP/m.s" "$TMP/m.p"; then ok "export csv $k $y: the same"; else
			nok "export csv $k $y: exit $a/$b or the tables differ"; diff "$TMP/m.s" "$TMP/m.p" | head -6 >&2; fi
	done
done
both export csv organisation spanga-tensta-stadsdelsnamnd --year 2022
both export csv district spanga-tensta
both export csv district rinkeby-kista --year 2021
# Every page the browser tests visit (tests/browser/pages.json; check.mjs's {name} values, here
# from the SQLite side, which has the same ids): the browser checks these pages' HTML (axe-core,
# tidy, the keyboard) on SQLite only, because they are the same here, byte for byte, as the
# anonymous caller, the administrator (for the pages of a logged-in user) and the other
# organisation's editor. The draft of Spånga-Tensta's LUP is made first (its forms are pages).
both plan new-version lup-spanga-tensta
v() { command sqlite3 "$S" "$1"; }
ST_GOAL="SELECT g.%s FROM goal g JOIN organisation o ON o.id = g.owner_id
	WHERE o.key = 'spanga-tensta-stadsdelsnamnd' AND g.year = 2022 AND g.level = 'namndmal' ORDER BY g.id LIMIT 1"
DRAFT="JOIN plan_version pv ON pv.id = x.plan_version_id JOIN plan p ON p.id = pv.plan_id
	WHERE p.key = 'lup-spanga-tensta' AND pv.status = 'draft'"
V_response=$(v 'SELECT min(id) FROM response')
V_goal=$(v "$(printf "$ST_GOAL" key)")
V_indicator=$(v "SELECT key FROM indicator WHERE goal_id = ($(printf "$ST_GOAL" id)) ORDER BY id LIMIT 1")
V_activity=$(v "SELECT a.id FROM activity a JOIN organisation o ON o.id = a.owner_id
	WHERE o.key = 'spanga-tensta-stadsdelsnamnd' ORDER BY a.id LIMIT 1")
V_report=$(v 'SELECT min(id) FROM report')
V_lupdraft=$(v "SELECT pv.version FROM plan_version pv JOIN plan p ON p.id = pv.plan_id
	WHERE p.key = 'lup-spanga-tensta' AND pv.status = 'draft'")
V_lupdrafttheme=$(v "SELECT min(x.id) FROM theme x $DRAFT")
V_lupdraftmeasure=$(v "SELECT min(x.id) FROM measure x $DRAFT")
jq -r '.pages[] | "\(.status // 200) \(.user // "-") \(.path)"' "$ROOT/tests/browser/pages.json" >"$TMP/pages" &&
	[ -s "$TMP/pages" ] && ok "the browser tests' pages are listed" || nok "tests/browser/pages.json is read"
n=0
while read -r st user path; do
	for k in response goal indicator activity report lupdraft lupdrafttheme lupdraftmeasure; do
		eval "val=\$V_$k"
		path=$(printf '%s' "$path" | sed "s/{$k}/$val/g")
	done
	case $path in *'{'*|*'{}'*) nok "pages.json's $path: a value is missing"; continue ;; esac
	# the address as the browser sends it (UTF-8 percent-encoded)
	path=$(printf '%s' "$path" | jq -sRr 'split("") | map(if test("^[ -~]$") then . else (@uri) end) | join("")')
	if [ "$user" = - ]; then same anon "$path" "$st"; fi
	same admin "$path" "$st"
	same ed "$path" "$([ "$user" = - ] && echo "$st" || curl -s -o /dev/null -w '%{http_code}' -b "$TMP/ed.s" "$BS$path")"
	n=$((n + 1))
done <"$TMP/pages"
expect_eq "every page of pages.json was compared" "$n" "$(jq '.pages | length' "$ROOT/tests/browser/pages.json")"

# The same pages with the browser tests' script and attribute-breaking payloads in their text
# fields (check.mjs storePayloads): the browser checks on SQLite that none runs; here the pages
# that carry them are the same on PostgreSQL, byte for byte, so none runs there either.
X_SCRIPT='<script>window.__xss=1</script>'
X_ATTR='"><img src=x onerror="window.__xss=1">'
ST_MEASURE="SELECT m.id FROM measure m JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id
	JOIN area a ON a.id = p.district_id WHERE a.key = 'spanga-tensta' ORDER BY m.id LIMIT 1"
ST_THEME="SELECT t.id FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id
	JOIN area a ON a.id = p.district_id WHERE a.key = 'spanga-tensta' ORDER BY t.id LIMIT 1"
ST_GOAL1="SELECT g.id FROM goal g JOIN organisation o ON o.id = g.owner_id
	WHERE o.key = 'spanga-tensta-stadsdelsnamnd' AND g.year = 2022 ORDER BY g.id LIMIT 1"
RESP='SELECT min(id) FROM response'
PAYLOADS="UPDATE measure SET title = 'Kvaståtgärd $X_SCRIPT', description = 'Kvast $X_ATTR' WHERE id = ($ST_MEASURE);
UPDATE theme SET name = 'Kvasttema $X_ATTR', description = 'Kvast $X_SCRIPT' WHERE id = ($ST_THEME);
UPDATE goal SET title = 'Kvastmål $X_SCRIPT', description = 'Kvast $X_ATTR' WHERE id = ($ST_GOAL1);
UPDATE indicator SET name = 'Kvastindikator $X_ATTR' WHERE id = (SELECT min(id) FROM indicator WHERE goal_id IN ($ST_GOAL1));
UPDATE activity SET title = 'Kvastaktivitet $X_SCRIPT', description = 'Kvast $X_ATTR' WHERE id = $V_activity;
UPDATE response_part SET text = 'Kvastsvar $X_ATTR $X_SCRIPT'
	WHERE response_id = ($RESP) AND ord = (SELECT min(ord) FROM response_part WHERE response_id = ($RESP));
UPDATE response SET stance_phrase = '$X_SCRIPT' WHERE id = ($RESP);
UPDATE commission_measure SET text = 'Kvaståtgärd $X_ATTR' WHERE id = (SELECT min(id) FROM commission_measure);
UPDATE commission_admin SET statement = 'Kvastyttrande $X_SCRIPT', stance_phrase = '$X_ATTR'
	WHERE org_id = (SELECT id FROM organisation WHERE key = 'utbildningsforvaltningen');"
command sqlite3 "$S" "BEGIN; $PAYLOADS COMMIT;" && q "BEGIN; $PAYLOADS COMMIT;" >/dev/null &&
	ok "the payloads are stored on both" || nok "the payloads are stored on both"
expect_eq "the payloads are in the measure on PostgreSQL" \
	"$(q "SELECT title FROM measure WHERE id = ($ST_MEASURE)")" "Kvaståtgärd $X_SCRIPT"
while read -r st user path; do
	for k in response goal indicator activity report lupdraft lupdrafttheme lupdraftmeasure; do
		eval "val=\$V_$k"
		path=$(printf '%s' "$path" | sed "s/{$k}/$val/g")
	done
	path=$(printf '%s' "$path" | jq -sRr 'split("") | map(if test("^[ -~]$") then . else (@uri) end) | join("")')
	if [ "$user" = - ]; then same anon "$path" "$st"; else same admin "$path" "$st"; fi
done <"$TMP/pages"
curl -s "$BP/mal/$V_goal" | grep -q -F 'Kvastmål &lt;script&gt;window.__xss=1&lt;/script&gt;' &&
	ok "PostgreSQL's goal page shows the payload as text" || nok "the goal page lacks the escaped payload"
finish
