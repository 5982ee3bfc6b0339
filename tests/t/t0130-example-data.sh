#!/bin/sh
# t0130: the example outcomes `lup demo` generates (src/load/example.c) are believable, checked
# over the whole generated dataset: counts whole, shares within 0-100, cumulative counts growing
# T1 <= T2 <= full year, yearly indicators without tertial values, K/M/total consistent, the city
# derived from the districts (sum, or mean weighted by populations.tsv), several years that
# differ, tertial data in every district, every traffic-light state on the organisation page,
# every row example data, and the same numbers on every load.
# T0130_DATA=DIR loads another dataset directory (to run the checks on an older dataset).
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
DATA=${T0130_DATA:-$ROOT/data/stockholm}
Q() { sqlite3 "$DB" "$@"; }

expect_exit "demo loads the dataset" 0 "$LUP" --db "$DB" demo "$DATA"

# The kinds of example.h, from the unit and the name: counts (a count unit, not an average
# "per ..." or "Antal X en Y"), shares, amounts and rates; the weights from populations.tsv.
pops=$(awk -F'\t' '!/^#/ && $1 != "area" && NF >= 3 { printf "%s(%s, %s)", s, "'"'"'" $1 "'"'"'", $3; s = ", " }' \
	"$ROOT/data/stockholm/populations.tsv")
Q "CREATE TABLE pop(area TEXT, n DOUBLE PRECISION); INSERT INTO pop VALUES $pops;
CREATE TABLE kind AS SELECT i.id, i.periodicity AS per, CASE
 WHEN i.unit IN ('%', 'procent') THEN 'share'
 WHEN i.unit IN ('st', 'antal', 'personer', 'aspiranter', 'platser', 'ungdomar', 'barn', 'hushåll',
  'familjer', 'bostäder', 'besök', 'deltagare', 'ärenden', 'individer')
  AND i.name NOT LIKE '% per %'
  AND NOT (i.name LIKE 'Antal %' AND (w2 LIKE 'en %' OR w2 LIKE 'ett %')) THEN 'count'
 WHEN i.unit IN ('kr', 'tkr', 'mnkr', 'mkr', 'GWh', 'MWh', 'kWh', 'ton') THEN 'amount'
 ELSE 'rate' END AS kind, coalesce(i.unit, '') AS unit
 FROM (SELECT *, substr(substr(name, instr(name, ' ') + 1), instr(substr(name, instr(name, ' ') + 1), ' ') + 1) AS w2
  FROM indicator) i;
CREATE VIEW v AS SELECT o.indicator_id AS ind, k.kind, k.per, k.unit, pe.year, pe.kind AS pk, a.key AS area,
 a.level, o.sex, o.value, o.missing, o.example, o.source
 FROM outcome o JOIN kind k ON k.id = o.indicator_id JOIN period pe ON pe.id = o.period_id
 JOIN area a ON a.id = o.area_id;"

n=$(Q "SELECT count(*) FROM v")
[ "$n" -gt 10000 ] && ok "the demo writes example outcomes ($n rows)" || nok "only $n example outcomes"
expect_eq "every generated row is example data from 'exempeldata'" \
	"$(Q "SELECT count(*) FROM v WHERE example <> 1 OR source <> 'exempeldata'")" 0
expect_eq "counts are whole numbers" "$(Q "SELECT count(*) FROM v WHERE kind = 'count' AND value <> round(value)")" 0
expect_eq "no value is negative" "$(Q "SELECT count(*) FROM v WHERE value < 0")" 0
expect_eq "shares lie within 0-100" "$(Q "SELECT count(*) FROM v WHERE kind = 'share' AND (value < 0 OR value > 100)")" 0
expect_eq "shares have one decimal at most" \
	"$(Q "SELECT count(*) FROM v WHERE kind = 'share' AND abs(value * 10 - round(value * 10)) > 1e-6")" 0
expect_eq "yearly indicators have only full-year values" "$(Q "SELECT count(*) FROM v WHERE per = 'year' AND pk <> 'FY'")" 0
expect_eq "tertial indicators have T1, T2 and the full year in every year, area and sex" \
	"$(Q "SELECT count(*) FROM (SELECT ind, year, area, sex FROM v WHERE per = 'tertial'
	  GROUP BY 1, 2, 3, 4 HAVING count(DISTINCT pk) <> 3) AS sq1")" 0
c=$(Q "SELECT count(DISTINCT ind) FROM v WHERE kind = 'count' AND per = 'tertial'")
[ "$c" -ge 3 ] && ok "there are cumulative counts ($c)" || nok "only $c cumulative counts"
expect_eq "cumulative counts grow: T1 <= T2 <= full year" \
	"$(Q "SELECT count(*) FROM v a JOIN v b ON b.ind = a.ind AND b.year = a.year AND b.area = a.area AND b.sex = a.sex
	  WHERE a.kind = 'count' AND a.per = 'tertial' AND ((a.pk = 'T1' AND b.pk = 'T2') OR (a.pk = 'T2' AND b.pk = 'FY'))
	  AND a.value > b.value")" 0

# women, men and the total
k=$(Q "SELECT count(DISTINCT ind) FROM v WHERE sex = 'K' AND value IS NOT NULL")
[ "$k" -ge 10 ] && ok "values for women and men ($k indicators)" || nok "values for women and men in $k indicators"
expect_eq "K, M and T come together" \
	"$(Q "SELECT count(*) FROM (SELECT ind, year, pk, area FROM v GROUP BY 1, 2, 3, 4
	  HAVING count(*) > 1 AND group_concat(sex, '') NOT IN ('TKM', 'TMK', 'KTM', 'KMT', 'MTK', 'MKT')) AS sq2")" 0
cat > "$TMP/sex.sql" <<'EOF'
CREATE TEMP VIEW s AS SELECT t.kind, t.value AS t, k.value AS k, m.value AS m FROM v t
 JOIN v k ON k.ind = t.ind AND k.year = t.year AND k.pk = t.pk AND k.area = t.area AND k.sex = 'K'
 JOIN v m ON m.ind = t.ind AND m.year = t.year AND m.pk = t.pk AND m.area = t.area AND m.sex = 'M'
 WHERE t.sex = 'T' AND t.value IS NOT NULL;
EOF
expect_eq "counts: K + M = total" \
	"$(Q ".read $TMP/sex.sql" "SELECT count(*) FROM s WHERE kind IN ('count', 'amount') AND abs(k + m - t) > 1e-6")" 0
expect_eq "shares and rates: the total lies between K and M, their mean (within rounding)" \
	"$(Q ".read $TMP/sex.sql" "SELECT count(*) FROM s WHERE kind IN ('share', 'rate')
	  AND (t < min(k, m) - 1e-6 OR t > max(k, m) + 1e-6 OR abs(t - (k + m) / 2) > 0.05 + 1e-6)")" 0
expect_eq "women and men differ somewhere" "$(Q ".read $TMP/sex.sql" "SELECT count(*) > 0 FROM s WHERE k <> m")" 1

# the city from the districts
cat > "$TMP/city.sql" <<'EOF'
CREATE TEMP VIEW c AS SELECT x.ind, x.kind, x.unit, x.year, x.pk, x.sex, x.value AS city, x.missing,
 (SELECT sum(d.value) FROM v d WHERE d.ind = x.ind AND d.year = x.year AND d.pk = x.pk AND d.sex = x.sex
  AND d.level = 'district') AS total,
 (SELECT sum(d.value * p.n) / sum(p.n) FROM v d JOIN pop p ON p.area = d.area WHERE d.ind = x.ind
  AND d.year = x.year AND d.pk = x.pk AND d.sex = x.sex AND d.level = 'district') AS wmean,
 (SELECT count(*) FROM v d WHERE d.ind = x.ind AND d.year = x.year AND d.pk = x.pk AND d.sex = x.sex
  AND d.level = 'district' AND d.value IS NOT NULL) AS known
 FROM v x WHERE x.area = 'stockholm';
EOF
expect_eq "every value of the city comes with the 14 districts' (or none of them)" \
	"$(Q ".read $TMP/city.sql" "SELECT count(*) FROM c WHERE (city IS NULL) <> (known = 0) OR (known <> 0 AND known <> 14)")" 0
expect_eq "the city's counts and amounts are the districts' sum" \
	"$(Q ".read $TMP/city.sql" "SELECT count(*) FROM c WHERE kind IN ('count', 'amount') AND abs(city - total) > 0.011")" 0
expect_eq "the city's shares and rates are the population-weighted mean of the districts (within rounding)" \
	"$(Q ".read $TMP/city.sql" "SELECT count(*) FROM c WHERE kind IN ('share', 'rate')
	  AND abs(city - wmean) > CASE WHEN unit = 'index' THEN 0.5 ELSE 0.05 END + 1e-6")" 0
expect_eq "the city lies within the districts' range" \
	"$(Q "SELECT count(*) FROM v x WHERE x.area = 'stockholm' AND x.kind IN ('share', 'rate') AND (x.value <
	  (SELECT min(value) FROM v d WHERE d.ind = x.ind AND d.year = x.year AND d.pk = x.pk AND d.sex = x.sex AND d.level = 'district') - 0.5
	  OR x.value > (SELECT max(value) FROM v d WHERE d.ind = x.ind AND d.year = x.year AND d.pk = x.pk AND d.sex = x.sex AND d.level = 'district') + 0.5)")" 0

# years, districts, states
y=$(Q "SELECT count(DISTINCT year) FROM v WHERE pk = 'FY'")
[ "$y" -ge 4 ] && ok "full-year values for several years ($y)" || nok "full-year values for $y years"
expect_eq "no indicator has the same city value every year" \
	"$(Q "SELECT count(*) FROM (SELECT ind FROM v WHERE area = 'stockholm' AND sex = 'T' AND pk = 'FY'
	  AND value IS NOT NULL GROUP BY ind HAVING count(DISTINCT value) < 2) AS sq3")" 0
expect_eq "no two years are equal for a district" \
	"$(Q "SELECT count(*) FROM (SELECT year, group_concat(value) AS vs FROM (SELECT year, value FROM v
	  WHERE area = 'spanga-tensta' AND sex = 'T' AND pk = 'FY' ORDER BY ind) AS sq7 GROUP BY year) a JOIN
	  (SELECT year, group_concat(value) AS vs FROM (SELECT year, value FROM v WHERE area = 'spanga-tensta'
	  AND sex = 'T' AND pk = 'FY' ORDER BY ind) AS sq4 GROUP BY year) b ON a.year < b.year AND a.vs = b.vs")" 0
expect_eq "every district has tertial data" \
	"$(Q "SELECT count(*) FROM area a WHERE a.level = 'district' AND NOT EXISTS
	  (SELECT 1 FROM v WHERE v.area = a.key AND v.pk = 'T2' AND v.value IS NOT NULL)")" 0

serve "$DB"
page "the organisation page of 2022" 200 GET "/organisation/spanga-tensta-stadsdelsnamnd?ar=2022" -
for s in fulfilled partly not none; do
	has "it shows the state '$s'" "class=\"light light-$s\""
done
has "it labels the example data" "Exempeldata:"
page "the district page" 200 GET /stadsdel/spanga-tensta -
for b in "Bättre än snittet" "Nära snittet" "Sämre än snittet" "Mycket sämre än snittet"; do
	has "it shows the band '$b'" "<td>$b</td>"
done

# Example allocations (load/example-alloc.c): example data throughout, whole tkr and half
# årsarbetare, every district in every year of the outcomes, a yearly rise, and per resident more
# to the prioritised districts from an organisation that weighs need (Socialförvaltningen), as
# much from one that does not (Kulturförvaltningen: the ratio within its +-15 % noise).
expect_eq "example allocations: every row example data, noted so" \
	"$(Q "SELECT count(*) > 0, count(*) FILTER (WHERE example = 0), count(*) FILTER (WHERE note IS DISTINCT FROM 'Exempeldata') FROM resource_allocation")" "1|0|0"
expect_eq "money in whole tkr, staff in half årsarbetare, nothing negative" \
	"$(Q "SELECT count(*) FILTER (WHERE kind = 'money' AND (unit <> 'tkr' OR amount <> round(amount))) + count(*) FILTER (WHERE kind = 'staff' AND
	  (unit <> 'årsarbetare' OR amount * 2 <> round(amount * 2))) + count(*) FILTER (WHERE amount < 0) FROM resource_allocation")" 0
expect_eq "every district in every year of the example outcomes" \
	"$(Q "SELECT count(DISTINCT area_id) || ':' || group_concat(DISTINCT year) FROM (SELECT * FROM resource_allocation ORDER BY year) AS sq5")" \
	"$(Q "SELECT count(*) FROM area WHERE level = 'district'")"":$(Q "SELECT group_concat(DISTINCT p.year) FROM (SELECT p.year
	  FROM outcome o JOIN period p ON p.id = o.period_id WHERE o.example = 1 ORDER BY p.year) p")"
Q "CREATE TABLE perres AS SELECT o.key AS org, a.prioritised AS pri, r.year,
	sum(r.amount) * 1000.0 / sum(p.n) AS tkr FROM resource_allocation r JOIN organisation o ON o.id = r.org_id
	JOIN area a ON a.id = r.area_id JOIN pop p ON p.area = a.key WHERE r.kind = 'money' GROUP BY 1, 2, 3"
expect_eq "Socialförvaltningen gives more per resident to the prioritised districts, every year" \
	"$(Q "SELECT count(*) FROM perres x JOIN perres y ON y.org = x.org AND y.year = x.year AND y.pri = 0
	  WHERE x.org = 'socialforvaltningen' AND x.pri = 1 AND x.tkr > 1.4 * y.tkr")" \
	"$(Q "SELECT count(DISTINCT year) FROM resource_allocation")"
expect_eq "Kulturförvaltningen about the same (within the noise)" \
	"$(Q "SELECT count(*) FROM perres x JOIN perres y ON y.org = x.org AND y.year = x.year AND y.pri = 0
	  WHERE x.org = 'kulturforvaltningen' AND x.pri = 1 AND x.tkr BETWEEN 0.85 * y.tkr AND 1.15 * y.tkr")" \
	"$(Q "SELECT count(DISTINCT year) FROM resource_allocation")"
expect_eq "each organisation's total rises from the first year to the last" \
	"$(Q "SELECT count(*) FROM (SELECT org_id, sum(amount) FILTER (WHERE year = (SELECT min(year) FROM resource_allocation)) AS a,
	  sum(amount) FILTER (WHERE year = (SELECT max(year) FROM resource_allocation)) AS b FROM resource_allocation
	  WHERE kind = 'money' GROUP BY org_id) AS sq6 WHERE b > a")" "$(Q "SELECT count(DISTINCT org_id) FROM resource_allocation")"
page "the city's resources and need" 200 GET "/resurser?ar=2022" -
has "shows money per resident, labelled as example data" "Exempeldata"

sqlite3 "$DB" "SELECT * FROM outcome ORDER BY id" > "$TMP/o1"
expect_exit "demo into a second database" 0 "$LUP" --db "$TMP/two.db" demo "$DATA"
sqlite3 "$TMP/two.db" "SELECT * FROM outcome ORDER BY id" > "$TMP/o2"
cmp -s "$TMP/o1" "$TMP/o2" && ok "two loads write the same numbers" || nok "two loads wrote different outcomes"
sqlite3 "$DB" "SELECT org_id, area_id, year, kind, amount, unit FROM resource_allocation ORDER BY id" > "$TMP/r1"
sqlite3 "$TMP/two.db" "SELECT org_id, area_id, year, kind, amount, unit FROM resource_allocation ORDER BY id" > "$TMP/r2"
cmp -s "$TMP/r1" "$TMP/r2" && ok "and the same allocations" || nok "two loads wrote different allocations"
finish
