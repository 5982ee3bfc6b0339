#!/bin/sh
# t2200: the 'places' pages against the real `lup serve`: /stadsdelar, /stadsdel/{key},
# /organisationer, /organisation/{key}?ar=: status codes, Swedish headings, data from the database
# (themes, prioritised areas, LUP sections, other organisations' activities, the goal chain with
# targets, the traffic light with its rule, plan versions and the audit log), example-data labels,
# 404 and 400 pages, HEAD, and hostile text stored with sqlite3 that must appear escaped only.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'readerpassword1\n' | L user add reader --role reader >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
T_reader=$(L token create reader 2>/dev/null)
T_own=$(L token create own 2>/dev/null)

serve "$DB"

# page NAME EXPECTED PATH [CURL ARGS...]: GET a page into $TMP/page
page() {
	name=$1 want=$2 path=$3; shift 3
	code=$(curl -s -o "$TMP/page" -D "$TMP/headers" -w '%{http_code}' "$@" "$BASE$path")
	if [ "$code" = "$want" ]; then ok "$name"; else nok "$name (GET $path: $code, expected $want)"; fi
}
# esc TEXT: TEXT as the HTML writer escapes it
esc() { printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' -e "s/'/\&#39;/g"; }
# has NAME TEXT: the page contains TEXT (escaped as HTML); lacks NAME TEXT: it does not (raw)
has() { if grep -q -F -- "$(esc "$2")" "$TMP/page"; then ok "$1"; else nok "$1 (page lacks '$2')"; fi; }
hasraw() { if grep -q -F -- "$2" "$TMP/page"; then ok "$1"; else nok "$1 (page lacks '$2')"; fi; }
lacks() { if grep -q -F -- "$2" "$TMP/page"; then nok "$1 (page has '$2')"; else ok "$1"; fi; }
# count TEXT: how many times the raw TEXT occurs in the page
count() { grep -o -F -- "$1" "$TMP/page" | wc -l | tr -d ' '; }
# each NAME SQL: every line SQL gives appears on the page
each() {
	name=$1 missing=0 n=0
	Q "$2" > "$TMP/want"
	while IFS= read -r line; do
		n=$((n + 1))
		grep -q -F -- "$(esc "$line")" "$TMP/page" || { missing=1; echo "    missing: $line" >&2; }
	done < "$TMP/want"
	if [ "$missing" = 0 ] && [ "$n" -gt 0 ]; then ok "$name ($n)"; else nok "$name"; fi
}
valid() {
	command -v tidy >/dev/null || return 0
	if tidy -q -e "$TMP/page" 2>&1 | grep -q 'Error:'; then nok "$1 is valid HTML"; tidy -q -e "$TMP/page" 2>&1 | grep Error: | head -3 >&2
	else ok "$1 is valid HTML"; fi
}

# --- /stadsdelar ----------------------------------------------------------------------------------
page "the districts page" 200 /stadsdelar
grep -qi '^content-type: text/html; charset=utf-8' "$TMP/headers" && ok "it is HTML" || nok "content type"
hasraw "it has its Swedish heading" "<h1>Stadsdelsområden</h1>"
has "it says how many are prioritised" "7 av dem har ett prioriterat program"
expect_eq "it lists the 14 districts" "$(count '<th scope="row"><a href="/stadsdel/')" 14
each "it shows every district's committee" "SELECT o.name FROM area a JOIN organisation o ON o.id = a.committee_id WHERE a.level = 'district'"
each "it shows Spånga-Tensta's themes" "SELECT t.name FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id JOIN area a ON a.id = p.district_id WHERE a.key = 'spanga-tensta' AND t.extra = 0"
valid "/stadsdelar"

# --- /stadsdel/{key} ------------------------------------------------------------------------------
page "Spånga-Tensta's page" 200 /stadsdel/spanga-tensta
hasraw "its name is the heading" "<h1>Spånga-Tensta</h1>"
for h in "Programmets avsnitt" "Teman" "Prioriterade områden" "Åtgärder" "Samverkansparter" \
	"Andra organisationers aktiviteter i stadsdelsområdet" "Indikatorer jämfört med staden" \
	"Tidslinje för aktiviteter" "Resursfördelning"; do
	grep -q "<h2 id=\"[a-z]*\">$(esc "$h")</h2>" "$TMP/page" && ok "heading '$h'" || nok "heading '$h'"
done
expect_eq "Spånga-Tensta has five themes" "$(Q "SELECT count(*) FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id JOIN area a ON a.id = p.district_id WHERE a.key = 'spanga-tensta'")" 5
each "the five themes are shown" "SELECT t.name FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id JOIN area a ON a.id = p.district_id WHERE a.key = 'spanga-tensta'"
each "the measures are shown" "SELECT m.title FROM measure m JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id JOIN area a ON a.id = p.district_id WHERE a.key = 'spanga-tensta'"
each "the intended partners are shown" "SELECT pp.label FROM plan_partner pp JOIN plan_version pv ON pv.id = pp.plan_version_id JOIN plan p ON p.id = pv.plan_id JOIN area a ON a.id = p.district_id WHERE a.key = 'spanga-tensta'"
hasraw "partners are grouped" "<h3>Facknämnder och fackförvaltningar</h3>"
has "measure partners have Swedish roles" "(ansvarig)"
has "the example data is labelled" "Exempeldata:"
has "the gap to the city is said in a sentence" "stadens snitt"
has "the yearly change to reach the average is shown" "Förändring per år för att nå snittet på 5 år"
# the comparison: an indicator's linked name and direction once, as the row header of its sexes' rows
hasraw "an indicator heads the rows of its sexes" '<th scope="row" rowspan="3"><a href="/stadsdel/spanga-tensta?ar=2022&amp;indikator='
grep -o 'indikator=[^"#]*#vald-indikator' "$TMP/page" > "$TMP/links"
expect_eq "each indicator is linked once in the comparison" "$(wc -l < "$TMP/links" | tr -d ' ')" "$(sort -u "$TMP/links" | wc -l | tr -d ' ')"
expect_eq "the spanned rows are its women and men" "$(count '<td>Kvinnor</td>')/$(count '<td>Män</td>')" "$(count 'rowspan="3"')/$(count 'rowspan="3"')"
grep -q '<svg[^>]*role="img"' "$TMP/page" && ok "charts are drawn as images" || nok "no chart"
lacks "inline charts need no namespace" 'xmlns='
lacks "a sparkline's size is the stylesheet's" 'class="sparkline" width='
grep -q '<title>[^<]*per stadsdelsområde\( och kön\)\{0,1\}</title><desc>[^<]' "$TMP/page" && ok "a chart has a title and a text alternative" || nok "chart title and desc"
hasraw "the chart's numbers are in a table" "alla stadsdelsområden och staden</caption>"
# the bars' districts (read unordered, sorted by name in C) in the order of /stadsdelar (the
# database's Swedish order); the line's years in order; every sparkline over all five years, the
# comparison's own year (2022 here, 2020 below) taken from the comparison's rows
bars_order() { sed -n 's/.*alla stadsdelsområden och staden<\/caption>//p' "$TMP/page" | sed 's/<\/table>.*//' |
	grep -o 'href="/stadsdel/[a-z-]*"' | tr '\n' ' '; }
line_years() { sed -n 's/.*över åren (helår)[^<]*<\/caption>//p' "$TMP/page" | sed 's/<\/table>.*//' |
	grep -o '<th scope="row">[0-9]*</th>' | sed 's/[^0-9]//g' | tr '\n' ' '; }
sparks_full() { # the sparklines over 2018-2022 with five values / all sparklines
	echo "$(grep -o '<title>[^<]* 2018–2022: [^<]*</title><desc>Värden i ordning: [^<;]*; [^<;]*; [^<;]*; [^<;]*; [^<;]*</desc>' "$TMP/page" | wc -l | tr -d ' ')/$(count 'class="sparkline"')"; }
cp "$TMP/page" "$TMP/page-st"
b=$(bars_order); y=$(line_years); sp=$(sparks_full)
page "the districts' list" 200 /stadsdelar
expect_eq "the bars list the 14 districts in Swedish order" "$b" "$(grep -o 'href="/stadsdel/[a-z-]*"' "$TMP/page" | awk '!s[$0]++' | tr '\n' ' ')"
expect_eq "... 14 of them" "$(echo "$b" | wc -w | tr -d ' ')" 14
expect_eq "the line's years are the five full years in order" "$y" "2018 2019 2020 2021 2022 "
expect_eq "every sparkline has the five years' values" "${sp%/*}" "${sp#*/}"
expect_eq "... of which there are some" "$([ "${sp#*/}" -gt 20 ] && echo yes)" yes
page "Spånga-Tensta's page for 2020" 200 "/stadsdel/spanga-tensta?ar=2020"
sp=$(sparks_full)
expect_eq "every sparkline has the five years' values in another year too" "${sp%/*}" "${sp#*/}"
cp "$TMP/page-st" "$TMP/page"
has "the timeline is grouped by start year" "Start 2022"
has "the example allocations are listed, labelled" "Resurser till stadsdelsområdet (exempeldata)"
valid "/stadsdel/spanga-tensta"
page "the stylesheet" 200 /static/lup.css
hasraw "it draws the sparklines" '.sparkline{width:96px;height:24px}.sparkline polyline{fill:none;stroke:#0b5394;stroke-width:1.5;stroke-linejoin:round}.sparkline circle{fill:#0b5394}'
hasraw "it gives the charts' text its size and colour" 'svg.chart-bars,svg.chart-line{font-size:12px;fill:#1b1b1b}.chart-line polyline{fill:none;stroke-linejoin:round}'
ind=$(Q "SELECT key FROM indicator ORDER BY key LIMIT 1 OFFSET 3")
page "another indicator in detail" 200 "/stadsdel/spanga-tensta?ar=2021&indikator=$ind"
has "it is shown" "$(Q "SELECT name FROM indicator WHERE key = '$ind'")"
has "for the year asked" "helår 2021"
page "an indicator not measured there" 404 "/stadsdel/spanga-tensta?indikator=nothing-here"

page "Rinkeby-Kista's page" 200 /stadsdel/rinkeby-kista
each "its four prioritised areas" "SELECT a.name FROM prioritised_area pa JOIN area a ON a.id = pa.area_id JOIN plan_version pv ON pv.id = pa.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-rinkeby-kista'"
expect_eq "they are four" "$(Q "SELECT count(*) FROM prioritised_area pa JOIN plan_version pv ON pv.id = pa.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-rinkeby-kista'")" 4
each "its 7 LUP sections" "SELECT s.ord || '. ' || s.title FROM lup_section s JOIN plan_version pv ON pv.id = s.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-rinkeby-kista'"
expect_eq "the sections are 7 h3 headings" "$(grep -o '<h3>[1-7]\. ' "$TMP/page" | wc -l | tr -d ' ')" 7
has "theme aliases are shown" "Även kallat"
has "a committee without own indicators: others' indicators" "följer inte upp egna indikatorer"

# one of Socialförvaltningen's activities is linked to Skarpnäck's neighbourhoods as well: it is
# listed once (the statement gives it once per link: web/page-district.c drop_repeats)
A=$(Q "SELECT min(ad.activity_id) FROM activity_district ad JOIN area a ON a.id = ad.area_id JOIN activity x ON x.id = ad.activity_id JOIN organisation o ON o.id = x.owner_id WHERE a.key = 'skarpnack' AND o.key = 'socialforvaltningen'")
Q "INSERT INTO activity_district (activity_id, area_id) SELECT $A, id FROM area WHERE parent_id = (SELECT id FROM area WHERE key = 'skarpnack')"
expect_eq "an activity is linked to Skarpnäck and its five neighbourhoods" \
	"$(Q "SELECT count(*) FROM activity_district WHERE activity_id = $A")" 6
SKP="(SELECT id FROM area WHERE key = 'skarpnack')"
n_all=$(Q "SELECT count(DISTINCT ad.activity_id) FROM activity_district ad JOIN area a ON a.id = ad.area_id JOIN activity x ON x.id = ad.activity_id WHERE x.draft = 0 AND (a.id = $SKP OR a.parent_id = $SKP OR a.parent_id IN (SELECT id FROM area WHERE parent_id = $SKP))")
n_soc=$(Q "SELECT count(DISTINCT ad.activity_id) FROM activity_district ad JOIN area a ON a.id = ad.area_id JOIN activity x ON x.id = ad.activity_id JOIN organisation o ON o.id = x.owner_id WHERE x.draft = 0 AND o.key = 'socialforvaltningen' AND (a.id = $SKP OR a.parent_id = $SKP)")
page "Skarpnäck's page" 200 /stadsdel/skarpnack
has "the timeline counts each activity once ($n_all)" "Alla $n_all aktiviteter i Skarpnäck"
has "and its contributions once ($n_soc)" "Bidrag från Socialförvaltningen: $n_soc"
hasraw "Socialförvaltningen works here" '<a href="/organisation/socialforvaltningen">Socialförvaltningen</a>'
each "Socialförvaltningen's activities in Skarpnäck" "SELECT DISTINCT x.title FROM activity x JOIN organisation o ON o.id = x.owner_id JOIN activity_district ad ON ad.activity_id = x.id JOIN area a ON a.id = ad.area_id WHERE a.key = 'skarpnack' AND o.key = 'socialforvaltningen'"
has "with their role in Swedish" "processledare"
page "a district by its name" 200 "/stadsdel/Sk%C3%A4rholmen"
page "an unknown district" 404 /stadsdel/atlantis
has "the 404 page is Swedish" "Sidan finns inte"
has "and says what was not found" "Det finns inget stadsdelsområde"
grep -q '<html lang="sv">' "$TMP/page" && ok "the 404 page is an HTML page in Swedish" || nok "404 page"
page "a bad year on the district page" 400 "/stadsdel/spanga-tensta?ar=20x2"

# --- /organisationer -------------------------------------------------------------------------------
page "the organisations page" 200 /organisationer
hasraw "its heading" "<h1>Organisationer</h1>"
for h in "Kommunfullmäktige" "Stadsdelsnämnder (14)" "Facknämnder" "Fackförvaltningar" "Bolagsstyrelser" \
	"Statliga myndigheter" "Civilsamhället" "Nätverk"; do has "kind heading '$h'" "$h"; done
expect_eq "every organisation is listed" "$(count '<th scope="row"><a href="/organisation/')" "$(Q 'SELECT count(*) FROM organisation')"
hasraw "the filter has a label" '<label for="typ">Typ av organisation</label>'
valid "/organisationer"
page "filtered by kind" 200 "/organisationer?typ=facknamnd"
has "the kind's heading" "Facknämnder ("
expect_eq "only specialist committees" "$(count '<th scope="row"><a href="/organisation/')" "$(Q "SELECT count(*) FROM organisation WHERE kind = 'specialist_committee'")"
hasraw "the chosen kind is selected" '<option value="facknamnd" selected>'
page "an unknown kind" 400 "/organisationer?typ=planet"
has "the 400 page is Swedish" "Något gick fel"

# --- /organisation/{key} ---------------------------------------------------------------------------
page "Spånga-Tensta stadsdelsnämnd's plan 2022" 200 "/organisation/spanga-tensta-stadsdelsnamnd?ar=2022"
hasraw "its name is the heading" "<h1>Spånga-Tensta stadsdelsnämnd</h1>"
has "the goal chain heading" "Mål och indikatorer 2022"
expect_eq "its 20 nämndmål" "$(grep -o '<h[3-6] id="[^"]*">Nämndmål' "$TMP/page" | wc -l | tr -d ' ')" 20
each "every nämndmål by name" "SELECT title FROM goal g JOIN organisation o ON o.id = g.owner_id WHERE o.key = 'spanga-tensta-stadsdelsnamnd' AND g.level = 'namndmal' AND g.year = 2022"
has "KF's inriktningsmål above them" "Inriktningsmål 1: "
has "and the verksamhetsområdesmål" "Verksamhetsområdesmål 1.1: "
hasraw "Beskrivning" "<strong>Beskrivning: </strong>"
has "Förväntat resultat" "Förväntat resultat"
first=$(Q "SELECT name FROM indicator WHERE key = 'vp-2022-spanga-tensta-i-001'")
has "the first indicator" "$first"
sed -n "/$(esc "$first" | sed 's/[][\.*^$/]/\\&/g')/,/<\/tr>/p" "$TMP/page" > "$TMP/row"
grep -q -F '4,6 %' "$TMP/row" && ok "its årsmål 4,6 %" || nok "årsmål 4,6 %"
grep -q -F '2,7 %' "$TMP/row" && ok "its KF:s årsmål 2,7 %" || nok "KF:s årsmål 2,7 %"
fy=$(Q "SELECT replace(printf('%.1f', x.value), '.', ',') FROM outcome x JOIN indicator i ON i.id = x.indicator_id
 JOIN period p ON p.id = x.period_id JOIN area a ON a.id = x.area_id WHERE i.key = 'vp-2022-spanga-tensta-i-001'
 AND p.year = 2022 AND p.kind = 'FY' AND a.key = 'spanga-tensta' AND x.sex = 'T'")
grep -q -F "$fy %" "$TMP/row" && ok "its full-year outcome in Swedish format" || nok "outcome $fy %"
has "targets by the committee as written" "Tas fram av nämnd"
for c in Årsmål "KF:s årsmål" T1 T2 Helår "Når årsmålet?"; do hasraw "column '$c'" ">$c</th>"; done
has "the traffic light's rule in words" "Förslag enligt regeln: "
grep -q -E 'indikatorer? når (sina|sitt) m(å|a)l' "$TMP/page" && ok "the rule counts indicators" || nok "rule text"
grep -q 'class="light light-[a-z]*"><span aria-hidden="true">[^<]*</span> \(Uppfyllt\|Delvis uppfyllt\|Ej uppfyllt\|Ej bedömt\)' "$TMP/page" \
	&& ok "the light has a text label, not colour alone" || nok "light label"
has "the example data is labelled" "Exempeldata:"
has "activities under their goal" "Aktiviteter"
has "plan versions" "Planer för 2022 och deras versioner"
has "inga tidigare versioner" "Inga tidigare versioner"
has "the audit log is for logged-in users" "visas för inloggade"
valid "/organisation/spanga-tensta-stadsdelsnamnd"
page "the default year is the latest with goals" 200 /organisation/spanga-tensta-stadsdelsnamnd
has "2022 by default" "Mål och indikatorer 2022"
page "by its administration" 200 /organisation/spanga-tensta-stadsdelsforvaltning
has "the administration sees the committee's goals" "Nämndmål 1: "
# a district committee's activity in a neighbourhood of another district and in one of its own,
# the area tree that maps links to districts is read only when a link leaves the own district
A3="(SELECT id FROM activity WHERE key = 'vp-2022-spanga-tensta-a-003')"
Q "INSERT INTO activity_district (activity_id, area_id) SELECT $A3, id FROM area WHERE key IN ('husby', 'tensta')"
# (the committee's administration: pages not asked for before, not in the response cache)
page "a committee's activity in another district" 200 "/organisation/spanga-tensta-stadsdelsforvaltning?ar=2022"
has "is a contribution" "Bidrag till stadsdelsområdenas program 2022"
hasraw "under that district" '<h3><a href="/stadsdel/rinkeby-kista">Rinkeby-Kista</a></h3>'
lacks "not under its own" '<h3><a href="/stadsdel/spanga-tensta">'
Q "DELETE FROM activity_district WHERE activity_id = $A3 AND area_id = (SELECT id FROM area WHERE key = 'husby')"
page "... in its own neighbourhood only" 200 "/organisation/spanga-tensta-stadsdelsforvaltning"
lacks "is no contribution" 'id="bidrag"'
Q "DELETE FROM activity_district WHERE activity_id = $A3 AND area_id = (SELECT id FROM area WHERE key = 'tensta')"
page "Socialförvaltningen's contributions" 200 /organisation/socialforvaltningen
has "contributions to districts" "Bidrag till stadsdelsområdenas program 2017"
hasraw "Skarpnäck among them" '<h3><a href="/stadsdel/skarpnack">Skarpnäck</a></h3>'
each "its activities in Skarpnäck" "SELECT DISTINCT x.title FROM activity x JOIN organisation o ON o.id = x.owner_id JOIN activity_district ad ON ad.activity_id = x.id JOIN area a ON a.id = ad.area_id WHERE a.key = 'skarpnack' AND o.key = 'socialforvaltningen'"
has "no goals that year" "inga mål för 2017"
page "an unknown organisation" 404 /organisation/ingen-sadan
has "the 404 page is Swedish" "Det finns ingen organisation"
for y in 22 abcd 1800 20222 "2022x"; do page "a bad year '$y'" 400 "/organisation/spanga-tensta-stadsdelsnamnd?ar=$y"; done
has "the 400 page says how to write it" "fyra siffror"
page "a year without goals" 200 "/organisation/spanga-tensta-stadsdelsnamnd?ar=1999"
has "says so" "inga mål för 1999"

# --- what changed: the audit log, for logged-in users -------------------------------------------------
code=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $T_own" -H 'Content-Type: application/json' \
	--data-binary '{"name":"Invånare är väl etablerade i samhället"}' "$BASE/api/v1/goals/vp-2022-spanga-tensta-nm-01")
expect_eq "a goal is renamed through the API" "$code" 200
page "the plan as a reader" 200 "/organisation/spanga-tensta-stadsdelsnamnd?ar=2022" -H "Authorization: Bearer $T_reader"
has "the change log is shown" "Ändringar i mål och indikatorer för 2022"
has "with what changed" "Namn: ”Invånare är etablerade i samhället” → ”Invånare är väl etablerade i samhället”"
hasraw "and who" "<td>own</td>"
page "the plan anonymously" 200 "/organisation/spanga-tensta-stadsdelsnamnd?ar=2022"
lacks "anonymous users do not see the log" "Ändringar i mål och indikatorer"
has "but the new name" "Invånare är väl etablerade i samhället"

# --- HEAD -------------------------------------------------------------------------------------------
for p in /stadsdelar /stadsdel/spanga-tensta /organisationer /organisation/socialforvaltningen; do
	code=$(curl -s -I -o "$TMP/head" -w '%{http_code}' "$BASE$p")
	[ "$code" = 200 ] && grep -qi '^content-type: text/html' "$TMP/head" && ok "HEAD $p" || nok "HEAD $p ($code)"
done
code=$(curl -s -I -o /dev/null -w '%{http_code}' "$BASE/stadsdel/atlantis")
expect_eq "HEAD of an unknown district" "$code" 404

# --- hostile text stored with sqlite3 appears escaped only ------------------------------------------
X1='<script>alert(1)</script>'
X2='"><img src=x onerror=alert(1)>'
Q "UPDATE measure SET title = 'Åtgärd $X1 $X2' WHERE id = (SELECT m.id FROM measure m JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-spanga-tensta' ORDER BY m.ord, m.id LIMIT 1)"
Q "UPDATE theme SET name = 'Tema $X1 $X2' WHERE id = (SELECT t.id FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-spanga-tensta' ORDER BY t.ord LIMIT 1)"
Q "UPDATE organisation SET name = 'Socialförvaltningen $X1 $X2' WHERE key = 'socialforvaltningen'"
Q "UPDATE lup_section SET body = 'Text $X1 $X2' WHERE ord = 1"
for p in /stadsdelar /stadsdel/spanga-tensta /stadsdel/skarpnack /stadsdel/rinkeby-kista /organisationer \
	/organisation/socialforvaltningen /organisation/socialnamnden "/organisation/spanga-tensta-stadsdelsnamnd?ar=2022"; do
	page "$p with hostile text" 200 "$p"
	lacks "no script on $p" "<script"
	lacks "no injected img on $p" "<img src=x"
done
page "the measure title" 200 /stadsdel/spanga-tensta
has "is shown escaped" "Åtgärd $X1 $X2"
has "the theme name is shown escaped" "Tema $X1 $X2"
valid "/stadsdel/spanga-tensta with hostile text"
page "the organisation name" 200 /organisation/socialforvaltningen
has "is shown escaped" "Socialförvaltningen $X1 $X2"
page "the hostile key in the path" 404 "/organisation/%3Cscript%3Ealert(1)%3C%2Fscript%3E"
lacks "is not reflected raw" "<script"
page "a hostile indicator key" 404 "/stadsdel/spanga-tensta?indikator=%22%3E%3Cimg%20src%3Dx%3E"
lacks "is not reflected raw" "<img src=x"

# earlier versions (written last: the draft makes the plan a draft): the first superseded, a second decided by the city executive board, a third
# under revision, a draft (not shown), and a plan of drafts only (its table row-less)
Q "UPDATE plan_version SET status = 'superseded' WHERE plan_id = (SELECT id FROM plan WHERE key = 'vp-2022-spanga-tensta')"
Q "INSERT INTO plan_version (plan_id, version, status, decided_by, decided_on, note)
	SELECT id, 2, 'decided', (SELECT id FROM organisation WHERE key = 'kommunstyrelsen'), '2022-06-14', 'Reviderad t2200'
	FROM plan WHERE key = 'vp-2022-spanga-tensta'"
Q "INSERT INTO plan_version (plan_id, version, status) SELECT id, 3, 'revision' FROM plan WHERE key = 'vp-2022-spanga-tensta'"
Q "INSERT INTO plan_version (plan_id, version, status) SELECT id, 4, 'draft' FROM plan WHERE key = 'vp-2022-spanga-tensta'"
# (asked through the administration, whose page for 2022 is not in the response cache yet: these
# writes bypass lup and so the cache's invalidation)
page "the page with earlier versions" 200 "/organisation/spanga-tensta-stadsdelsforvaltning?ar=2022"
sed -n 's/.*\(<caption>Planer för 2022.*\)/\1/p' "$TMP/page" | sed 's/<\/table>.*//' > "$TMP/versions"
n=$(grep -o '<tr><th scope="row">' "$TMP/versions" | wc -l)
expect_eq "three versions listed, not the draft" "$n" 3
grep -q -F '<td>2</td><td>beslutad</td><td><a href="/organisation/kommunstyrelsen">Kommunstyrelsen</a></td><td>14 juni 2022</td><td>Reviderad t2200</td>' \
	"$TMP/versions" && ok "the second version: decided, by whom (linked), when, the note" || nok "the second version's row"
grep -q -F '<td>3</td><td>under revidering</td><td>–</td>' "$TMP/versions" \
	&& ok "the version under revision, decided by no one yet" || nok "the version under revision"
lacks "earlier versions now" "Inga tidigare versioner"

# --- the resources' order (sorted in C: web/page-district.c sort_alloc) ------------------------------
# newest year first, then the organisation's name in Swedish order (Å before Ä: the reverse of their
# bytes), then the kind (money before staff); two organisations of the same name by their keys
Q "DELETE FROM resource_allocation WHERE area_id IN (SELECT id FROM area WHERE key = 'bromma' OR parent_id = (SELECT id FROM area WHERE key = 'bromma'))"
Q "UPDATE organisation SET name = 'Ärla förvaltning' WHERE key = 'kommunstyrelsen'"
Q "UPDATE organisation SET name = 'Åkra förvaltning' WHERE key = 'stadsledningskontoret'"
Q "UPDATE organisation SET name = 'Zeta förvaltning' WHERE key IN ('kommunfullmaktige', 'rinkeby-kista-stadsdelsnamnd')"
alloc() { Q "INSERT INTO resource_allocation (org_id, area_id, year, kind, amount, unit, note) SELECT o.id, a.id, $2, '$3', 1, '$4', '$5' FROM organisation o, area a WHERE o.key = '$1' AND a.key = 'bromma'"; }
alloc kommunstyrelsen 2021 money tkr ordning-6
alloc stadsledningskontoret 2021 staff årsarbetare ordning-5
alloc rinkeby-kista-stadsdelsnamnd 2021 money tkr ordning-3
alloc stadsledningskontoret 2021 money tkr ordning-4
alloc kommunstyrelsen 2022 staff årsarbetare ordning-1
alloc kommunfullmaktige 2021 money tkr ordning-2
page "Bromma's page with resources" 200 /stadsdel/bromma
expect_eq "the resources in order: year, name in Swedish order, kind, key" \
	"$(grep -o 'ordning-[0-9]' "$TMP/page" | tr -d '\n')" "ordning-1ordning-2ordning-3ordning-4ordning-5ordning-6"

# the timeline's order: start (undated last), end, then the page's order of the activities (owner,
# start, key), with starts and ends beyond what the sort packs into its integer key
# (web/page-district.c sort_act_keys: 2^25 for the timeline, 2^31 for the page's order); five of
# Farsta's activities of one owner, by key, made so (a page not asked for before: not cached)
FAR="(SELECT id FROM area WHERE key = 'farsta')"
tl_act() { Q "SELECT x.key FROM activity_district ad JOIN activity x ON x.id = ad.activity_id WHERE ad.area_id = $FAR AND x.draft = 0 AND x.owner_id = (SELECT min(owner_id) FROM activity WHERE id IN (SELECT activity_id FROM activity_district WHERE area_id = $FAR)) ORDER BY x.key LIMIT 1 OFFSET $1"; }
K1=$(tl_act 0) K2=$(tl_act 1) K3=$(tl_act 2) K4=$(tl_act 3) K5=$(tl_act 4)
tl_set() { Q "UPDATE activity SET title = '$2', start_text = $3, start_first = $4, end_text = $5, end_last = $6 WHERE key = '$1'"; }
tl_set "$K5" "KA-T-a" "'2019-05-01'" 20190501 "'2019-12-31'" 20191231
tl_set "$K2" "KA-T-b" "'2019-05-01'" 20190501 "'2019-12-31'" 20191231
tl_set "$K3" "KA-T-c" "'2019-05-01'" 20190501 "'2019-06-30'" 20190630
tl_set "$K1" "KA-T-d" "'300000-01-01'" 3000000101 NULL NULL
tl_set "$K4" "KA-T-e" NULL NULL NULL NULL
page "Farsta's page with those activities" 200 /stadsdel/farsta
expect_eq "the timeline: the earlier end first, a tie by key, the far start after the dated, the undated last" \
	"$(sed 's/<h2/\n<h2/g' "$TMP/page" | grep 'Tidslinje för aktiviteter</h2>' | grep -o 'Start 2019\|Start 300000\|Utan datum\|KA-T-[a-e]' | tr '\n' ' ')" \
	"Start 2019 KA-T-c KA-T-b KA-T-a Start 300000 KA-T-d Utan datum KA-T-e "

grep -q 'AddressSanitizer\|runtime error' "$TMP/server.log" && nok "the server log is clean" || ok "the server log is clean"
finish
