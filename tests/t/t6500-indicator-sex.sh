#!/bin/sh
# t6500: an indicator's division by sex and area and its Kolada KPI, settable in the API
# (PATCH /api/v1/indicators/{id}: by_sex, by_area, kolada_kpi, in the six-role matrix), the
# indicator form and the CSV import, with one rule for outcomes and targets for women and men
# (model_sex_allowed) that the API, the form, the import and `lup check` all apply; targets per
# sex; the target-setting aid (GET .../target-aid and the form's comparison) and the district
# page's trajectory per LUP goal and sex, checked against numbers computed here from the
# database. On the code before issue 13 the flags are unknown fields (422) and the rest is
# missing.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
C="$TMP/csv"
mkdir -p "$C"
I1=vp-2022-spanga-tensta-i-001 I2=vp-2022-spanga-tensta-i-002 I3=vp-2022-spanga-tensta-i-003
I4=vp-2022-spanga-tensta-i-004

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
for u in admin city reader own other; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
T_anon=
id() { Q "SELECT id FROM indicator WHERE key = '$1'"; }
ID1=$(id $I1) ID2=$(id $I2) ID3=$(id $I3) ID4=$(id $I4)
serve "$DB"

matrix() {
	name=$1 method=$2 path=$3 body=$4; shift 4
	for role in anon reader city other own admin; do
		eval "tok=\$T_$role"
		req "$name as $role" "$1" "$method" "$path" "$body" "$tok"
		shift
	done
}

# --- the API
matrix "set by_area" PATCH "/api/v1/indicators/$ID2" '{"by_area": true}' 401 403 403 403 200 200
AUD=$(Q "SELECT count(*) FROM audit WHERE entity = 'indicator' AND entity_id = $ID2")
req "by_sex and a KPI" 200 PATCH "/api/v1/indicators/$ID2" '{"by_sex": true, "kolada_kpi": "N15033"}' "$T_own"
expect_eq "answered" "$(jb '[.by_sex, .by_area, .kolada_kpi] | @tsv')" "$(printf 'true\ttrue\tN15033')"
expect_eq "stored" "$(Q "SELECT CAST(by_sex AS TEXT) || by_area || kolada_kpi FROM indicator WHERE id = $ID2")" "11N15033"
expect_eq "audited" "$(Q "SELECT count(*) FROM audit WHERE entity = 'indicator' AND entity_id = $ID2")" "$((AUD + 1))"
req "a KPI id of the wrong shape" 422 PATCH "/api/v1/indicators/$ID2" '{"kolada_kpi": "15033"}' "$T_own"
expect_eq "the message names the shape" "$(jb .error.message | grep -c 'capital letter and five digits')" 1
req "lower case is not a KPI id" 422 PATCH "/api/v1/indicators/$ID2" '{"kolada_kpi": "n15033"}' "$T_own"
req "by_sex must be a boolean" 422 PATCH "/api/v1/indicators/$ID2" '{"by_sex": "yes"}' "$T_own"
req "by_sex cannot be null" 422 PATCH "/api/v1/indicators/$ID2" '{"by_sex": null}' "$T_own"
expect_eq "nothing changed by the refusals" "$(Q "SELECT CAST(by_sex AS TEXT) || by_area || kolada_kpi FROM indicator WHERE id = $ID2")" "11N15033"
req "null clears the KPI" 200 PATCH "/api/v1/indicators/$ID2" '{"kolada_kpi": null}' "$T_own"
expect_eq "cleared" "$(jb .kolada_kpi)" null
Q "UPDATE indicator SET source_kind = 'kolada', kolada_kpi = 'N00002' WHERE id = $ID4"
req "a Kolada indicator keeps its KPI" 422 PATCH "/api/v1/indicators/$ID4" '{"kolada_kpi": null}' "$T_own"
req "... but may change it" 200 PATCH "/api/v1/indicators/$ID4" '{"kolada_kpi": "N00003"}' "$T_own"
Q "UPDATE indicator SET source_kind = 'own', kolada_kpi = NULL WHERE id = $ID4"

# a new indicator takes the flags too (the API and the new-indicator form)
req "a new indicator divided by sex with a KPI" 201 POST /api/v1/indicators '{"goal": "vp-2022-spanga-tensta-nm-03", "name": "Ny per kön", "by_sex": true, "by_area": true, "kolada_kpi": "U21468"}' "$T_own"
expect_eq "created with the flags" "$(jb '[.by_sex, .by_area, .kolada_kpi] | @tsv')" "$(printf 'true\ttrue\tU21468')"
req "a new indicator with a bad KPI" 422 POST /api/v1/indicators '{"goal": "vp-2022-spanga-tensta-nm-03", "name": "Ny", "kolada_kpi": "x"}' "$T_own"

# outcomes and targets for women and men: only where the indicator is divided by sex
req "a woman's outcome of an indicator not by sex" 422 POST /api/v1/outcomes "{\"indicator\":\"$I3\",\"period\":\"2023\",\"area\":\"spanga-tensta\",\"sex\":\"K\",\"value\":61}" "$T_own"
expect_eq "refused with the rule" "$(jb .error.message | grep -c 'not divided by sex')" 1
req "the total of that indicator" 200 POST /api/v1/outcomes "{\"indicator\":\"$I3\",\"period\":\"2023\",\"area\":\"spanga-tensta\",\"value\":61}" "$T_own"
req "a woman's outcome of an indicator by sex" 200 POST /api/v1/outcomes "{\"indicator\":\"$I2\",\"period\":\"2023\",\"area\":\"spanga-tensta\",\"sex\":\"K\",\"value\":2.5}" "$T_own"
matrix "a target for women" PUT "/api/v1/indicators/$ID2/targets/2024/own" '{"value": "2,4 %", "sex": "K"}' 401 403 403 403 200 200
req "a target for men" 200 PUT "/api/v1/indicators/$ID2/targets/2024/own" '{"value": "2,8 %", "sex": "M"}' "$T_own"
req "the total's target" 200 PUT "/api/v1/indicators/$ID2/targets/2024/own" '{"value": "2,6 %"}' "$T_own"
expect_eq "three targets of 2024, one per sex" \
	"$(jb '[.targets[] | select(.year == 2024 and .kind == "own") | .sex + "=" + (.value | tostring)] | join(" ")')" "T=2.6 K=2.4 M=2.8"
req "a target for women of an indicator not by sex" 422 PUT "/api/v1/indicators/$ID3/targets/2024/own" '{"value": "60 %", "sex": "K"}' "$T_own"
req "the men's target removed" 200 DELETE "/api/v1/indicators/$ID2/targets/2024/own?sex=M" "" "$T_own"
expect_eq "the others stay" "$(Q "SELECT group_concat(sex, '') FROM (SELECT sex FROM target WHERE indicator_id = $ID2 AND year = 2024 ORDER BY sex) AS sq1")" KT

# turning by_sex off while women's and men's values exist
req "by_sex cannot be turned off over K/M rows" 422 PATCH "/api/v1/indicators/$ID2" '{"by_sex": false}' "$T_own"
expect_eq "the refusal counts them" "$(jb .error.message | grep -o '[0-9]* outcome(s) and [0-9]* target(s)')" "1 outcome(s) and 1 target(s)"
expect_exit "lup check is clean" 0 L check

# lup check applies the same rule: a row the write paths refuse is a problem
Q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source) SELECT $ID3, id, (SELECT id FROM area WHERE key = 'spanga-tensta'), 'M', 60, 'sql' FROM period WHERE year = 2023 AND kind = 'FY'"
expect_exit "lup check finds the outcome by sex" 1 L check
expect_out "... naming the indicator" "indicator $I3: has outcomes or targets by sex but is not disaggregated by sex"
Q "DELETE FROM outcome WHERE indicator_id = $ID3 AND sex = 'M' AND source = 'sql'"
Q "INSERT INTO target (indicator_id, year, kind, sex, mode, value, unit, text) VALUES ($ID3, 2025, 'own', 'K', 'number', 60, '%', '60 %')"
expect_exit "lup check finds the target by sex" 1 L check
Q "DELETE FROM target WHERE indicator_id = $ID3 AND sex = 'K'"
expect_exit "clean again" 0 L check

# --- the form
login() { rm -f "$TMP/$1"; page "$2 logs in" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"; }
login jar own editorpassword1
login ojar other editorpassword2
CS=$(csrf jar) OCS=$(csrf ojar)
page "the form" 200 GET "/indikator/$I3/redigera" jar
has "it offers the division by sex" "Uppdelad på kön"
has "and the KPI" "Kolada-nyckeltal"
valid "the form is valid HTML"
page "another organisation's editor may not" 403 POST "/indikator/$I3/redigera" ojar --data "csrf=$OCS&del=indelning&per-kon=1&per-omrade=0&kolada="
page "a KPI of the wrong shape" 422 POST "/indikator/$I3/redigera" jar --data "csrf=$CS&del=indelning&per-kon=1&per-omrade=0&kolada=N1"
has "said in Swedish at the field" "Skriv nyckeltalets id som en stor bokstav och fem siffror"
page "a woman's outcome before by_sex" 422 POST "/indikator/$I3/redigera" jar --data "csrf=$CS&del=utfall&utfall-period=FY&utfall-ar=2023&omrade=spanga-tensta&kon=K&varde=61"
has "refused at the field" "Indikatorn är inte uppdelad på kön"
page "the new-indicator form takes by_sex" 303 POST "/mal/vp-2022-spanga-tensta-nm-03/ny-indikator" jar --data "csrf=$CS&namn=Formens+nya&enhet=%25&riktning=higher&periodicitet=year&per-kon=1&per-omrade=0&kolada="
expect_eq "stored by sex" "$(Q "SELECT CAST(by_sex AS TEXT) || by_area FROM indicator WHERE name = 'Formens nya'")" 10
page "the new-indicator form refuses a bad KPI in Swedish" 422 POST "/mal/vp-2022-spanga-tensta-nm-03/ny-indikator" jar --data "csrf=$CS&namn=Formens+andra&enhet=&riktning=higher&periodicitet=year&per-kon=0&per-omrade=0&kolada=abc"
has "at the field" "Skriv nyckeltalets id som en stor bokstav och fem siffror"
page "the form sets by_sex, by_area and the KPI" 303 POST "/indikator/$I3/redigera" jar --data "csrf=$CS&del=indelning&per-kon=1&per-omrade=1&kolada=N15033"
expect_eq "stored" "$(Q "SELECT CAST(by_sex AS TEXT) || by_area || kolada_kpi FROM indicator WHERE id = $ID3")" "11N15033"
page "the indicator page" 200 GET "/indikator/$I3" jar
has "it shows the division by sex" "<dt>Uppdelad på kön</dt><dd>ja</dd>"
has "and the KPI" "<dt>Kolada-nyckeltal</dt><dd>N15033</dd>"
page "now a woman's outcome" 303 POST "/indikator/$I3/redigera" jar --data "csrf=$CS&del=utfall&utfall-period=FY&utfall-ar=2023&omrade=spanga-tensta&kon=K&varde=61"
page "targets per sex in the form" 303 POST "/indikator/$I3/redigera" jar --data "csrf=$CS&del=malvarden&ar=2025&arsmal=62+%25&kf-arsmal=&arsmal-k=63+%25&arsmal-m=61+%25&kf-arsmal-k=&kf-arsmal-m="
expect_eq "the targets per sex" "$(Q "SELECT group_concat(sex || '=' || value, ' ') FROM (SELECT * FROM target WHERE indicator_id = $ID3 AND year = 2025 AND kind = 'own' ORDER BY sex) AS sq2")" "$(sql_real "K=63.0 M=61.0 T=62.0")"
page "by_sex off is refused in Swedish, with the count" 422 POST "/indikator/$I3/redigera" jar --data "csrf=$CS&del=indelning&per-kon=0&per-omrade=1&kolada=N15033"
has "the count" "Indikatorn har 1 utfall och 2 mål för kvinnor eller män"
expect_exit "lup check agrees with the form" 0 L check

# --- the CSV import: K/M only for indicators by sex (line numbers), the flag columns
printf 'Indikator;Område;Period;Kön;Värde\n%s;spanga-tensta;2023;T;3,1\n%s;spanga-tensta;2023;K;2,9\n' $I4 $I4 > "$C/bad.csv"
expect_exit "women's values of an indicator not by sex are refused" 1 L import csv "$C/bad.csv"
expect_err "... naming the line and column" "bad.csv:3: kolumn 4 (sex): indikatorn $I4 är inte uppdelad på kön"
printf 'Indikator;Område;Period;Kön;Värde;Typ;Per kön\n%s;spanga-tensta;2023;T;3,1;;ja\n%s;spanga-tensta;2023;K;2,9;;\n%s;spanga-tensta;2023;M;3,3;;\n%s;;2025;K;2,5 %%;årsmål;\n' $I4 $I4 $I4 $I4 > "$C/flags.csv"
expect_exit "a file that marks the indicator by sex imports its K/M rows" 0 L import csv "$C/flags.csv"
expect_eq "by_sex set" "$(Q "SELECT by_sex FROM indicator WHERE id = $ID4")" 1
expect_eq "the K/M outcomes and the women's target" \
	"$(Q "SELECT (SELECT group_concat(sex, '') FROM (SELECT x.sex FROM outcome x JOIN period p ON p.id = x.period_id WHERE x.indicator_id = $ID4 AND p.year = 2023 AND p.kind = 'FY' AND x.example = 0 ORDER BY x.sex) AS sq3) || ' ' || (SELECT sex || value FROM target WHERE indicator_id = $ID4 AND year = 2025)")" "KMT K2.5"
printf 'Indikator;Område;Period;Värde;by_sex\n%s;spanga-tensta;2023;3,1;ja\n%s;spanga-tensta;2022;3,0;nej\n' $I4 $I4 > "$C/twice.csv"
expect_exit "a flag set two ways in one file" 1 L import csv "$C/twice.csv"
expect_err "... names both lines" "twice.csv:3: kolumn 5 (by_sex): indikatorn $I4 sattes till ja på rad 2"
printf 'Indikator;Område;Period;Värde;by_sex\n%s;spanga-tensta;2023;3,1;nej\n' $I4 > "$C/off.csv"
expect_exit "by_sex off over K/M rows is refused by the import too" 1 L import csv "$C/off.csv"
expect_err "... with the count" "har 2 utfall och 1 mål för kvinnor eller män"
expect_exit "lup check agrees with the import" 0 L check

# --- the target-setting aid for indicator 1 in 2023, computed here from the full-year totals
fy() { Q "SELECT p.year || ' ' || x.value FROM outcome x JOIN period p ON p.id = x.period_id AND p.kind = 'FY' JOIN area a ON a.id = x.area_id WHERE x.indicator_id = $ID1 AND a.key = '$1' AND x.sex = 'T' AND x.value IS NOT NULL AND p.year < 2023 ORDER BY p.year"; }
fy spanga-tensta > "$TMP/dist"
fy stockholm > "$TMP/city"
# least squares slope, latest, and the trend carried to 2023
read SLOPE LAST LASTY BASEV BASEY <<EOF2
$(awk '{ n++; x = $1; y = $2; sx += x; sy += y; sxx += x * x; sxy += x * y; if (n == 1) { b = y; by = x } l = y; ly = x }
	END { printf "%.10f %s %s %s %s\n", (n * sxy - sx * sy) / (n * sxx - sx * sx), l, ly, b, by }' "$TMP/dist")
EOF2
CITY=$(tail -1 "$TMP/city" | cut -d' ' -f2)
req "the aid" 200 GET "/api/v1/indicators/$ID1/target-aid?year=2023&value=4,5"
close() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 1e-6 && d > -1e-6) }'; }
close "$(jb .latest)" "$LAST" && ok "the latest value ($LAST, $LASTY)" || nok "latest $(jb .latest) != $LAST"
close "$(jb .change_per_year)" "$SLOPE" && ok "the change per year so far ($SLOPE)" || nok "slope $(jb .change_per_year) != $SLOPE"
TREND=$(awk -v l="$LAST" -v s="$SLOPE" -v y="$LASTY" 'BEGIN { printf "%.10f", l + s * (2023 - y) }')
close "$(jb .trend)" "$TREND" && ok "the trend in 2023 ($TREND)" || nok "trend $(jb .trend) != $TREND"
close "$(jb .city_average)" "$CITY" && ok "the city average ($CITY)" || nok "city $(jb .city_average) != $CITY"
expect_eq "the recent years" "$(jb '[.recent[] | "\(.year) \(.value)"] | join(",")')" "$(tail -5 "$TMP/dist" | awk '{ printf "%s%s %s", (NR > 1 ? "," : ""), $1, $2 + 0 }')"
# indicator 1: lower is better; without a 5-year goal the path runs from the baseline to the city
# average at baseline + 20 (or holds the baseline when that is already better)
NEEDED=$(awk -v b="$BASEV" -v by="$BASEY" -v c="$CITY" 'BEGIN { if (b <= c) printf "%.10f", b; else printf "%.10f", b + (c - b) * (2023 - by) / 20 }')
close "$(jb .needed)" "$NEEDED" && ok "the value the path needs in 2023 ($NEEDED)" || nok "needed $(jb .needed) != $NEEDED"
pos() { awk -v p=4.5 -v r="$1" 'BEGIN { print (p > r + 1e-9) ? "above" : (p < r - 1e-9) ? "below" : "equal" }'; }
expect_eq "where 4,5 lies" "$(jb '[.comparison | .latest, .trend, .city_average, .needed] | join(" ")')" \
	"$(pos "$LAST") $(pos "$TREND") $(pos "$CITY") $(pos "$NEEDED")"
req "the aid needs a year" 400 GET "/api/v1/indicators/$ID1/target-aid"
sv() { case $1 in above) echo över ;; below) echo under ;; *) echo "lika med" ;; esac; }
page "the form's comparison (preview, nothing written)" 200 POST "/indikator/$I1/redigera" jar --data "csrf=$CS&del=malvarden&ar=2023&arsmal=4,5+%25&kf-arsmal=&jamfor=1"
has "the verdict" "Förslaget 4,5 %: $(sv "$(pos "$LAST")") senaste utfallet; $(sv "$(pos "$TREND")") trenden; $(sv "$(pos "$CITY")") stadens snitt; $(sv "$(pos "$NEEDED")") vad banan kräver i år."
expect_eq "the preview wrote nothing" "$(Q "SELECT count(*) FROM target WHERE indicator_id = $ID1 AND year = 2023")" 0

# --- the district page's trajectory: a 5-year goal on indicator 1 in the decided LUP
PV=$(Q "SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-spanga-tensta' AND pv.status = 'decided' ORDER BY pv.version DESC LIMIT 1")
Q "INSERT INTO goal (key, owner_id, plan_version_id, level, number, title, area_id, sex, horizon, horizon_year, target_value, target_direction, indicator_id, benchmark)
   SELECT 't6500-goal', owner_id, $PV, 'lup', '9', 'Färre barn i familjer med ekonomiskt bistånd', district_id, 'T', '5y', 2026, 3.0, 'lower', $ID1, 'absolute' FROM plan WHERE key = 'lup-spanga-tensta'"
fy2() { Q "SELECT p.year || ' ' || x.value FROM outcome x JOIN period p ON p.id = x.period_id AND p.kind = 'FY' JOIN area a ON a.id = x.area_id WHERE x.indicator_id = $ID1 AND a.key = '$1' AND x.sex = '$2' AND x.value IS NOT NULL ORDER BY p.year"; }
# pf_num: no decimals for a whole number, one when enough, else two; decimal comma
num() { awk -v v="$1" 'function r(x) { return x < 0 ? -int(-x + 0.5) : int(x + 0.5) }
	BEGIN { d = (v - r(v) > 1e-9 || r(v) - v > 1e-9) ? ((v * 10 - r(v * 10) > 1e-9 || r(v * 10) - v * 10 > 1e-9) ? 2 : 1) : 0
		s = sprintf("%." d "f", v); sub(/\./, ",", s); if (s ~ /^-0(,0*)?$/) sub(/^-/, "", s); print s }'; }
row() {	# row SEX: the expected cells of the district's row for SEX
	fy2 spanga-tensta "$1" > "$TMP/d$1"
	fy2 stockholm "$1" > "$TMP/c$1"
	awk '{ n++; x = $1; y = $2; sx += x; sy += y; sxx += x * x; sxy += x * y; if (n == 1) { b = y; by = x } l = y; ly = x }
		END { printf "%s %s %s %s %.10f\n", b, by, l, ly, (n * sxy - sx * sy) / (n * sxx - sx * sx) }' "$TMP/d$1"
}
page "the district page" 200 GET /stadsdel/spanga-tensta -
has "the trajectory section" "Banan mot målen per kön"
valid "the district page is valid HTML"
cells() {	# cells SEX: the row's cells as text, separated by |
	tr '\n' ' ' < "$TMP/body" | sed 's/<tr data-sex="'"$1"'">/\n/g' | sed -n 2p | sed 's,</tr>.*,,; s,</t[hd]>,|,g; s,<[^>]*>,,g'
}
read B BY LA LY SL <<EOF2
$(row T)
EOF2
CT=$(tail -1 "$TMP/cT" | cut -d' ' -f2)
NG=$(awk -v l="$LA" -v y="$LY" 'BEGIN { printf "%.10f", (3.0 - l) / (2026 - y) }')
expect_eq "the total's row: baseline, latest, city, goal, so far, needed to the goal" \
	"$(cells T | cut -d'|' -f1-7)" \
	"Totalt|$(num $B) % ($BY)|$(num $LA) % ($LY)|$(num $CT) % ($(tail -1 "$TMP/cT" | cut -d' ' -f1))|3 % (2026)|$(num $SL) per år|$(num $NG) per år (inte i fas)"
req "by_sex on for indicator 1" 200 PATCH "/api/v1/indicators/$ID1" '{"by_sex": true}' "$T_own"
page "the district page again" 200 GET /stadsdel/spanga-tensta -
for s in K M; do
	read B BY LA LY SL <<EOF2
$(row $s)
EOF2
	expect_eq "the row for $s: baseline, latest, so far" "$(cells $s | cut -d'|' -f2,3,6)" \
		"$(num $B) % ($BY)|$(num $LA) % ($LY)|$(num $SL) per år"
done
hasnt "no total's row for an indicator by sex" '<tr data-sex="T">'
finish
