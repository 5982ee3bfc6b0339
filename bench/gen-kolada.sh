#!/bin/sh
# bench/gen-kolada.sh DIR [KPIS MUNIS YEARS]: writes the import benchmark's input into DIR:
#   muni.json   Kolada municipality metadata: MUNIS municipalities with codes 1001...
#   kpi.json    Kolada KPI metadata: KPIS KPIs B00001... divided by gender
#   data.json   one Kolada data response: every KPI x municipality x year (from 1980) with the
#               genders T, K and M: KPIS * MUNIS * YEARS * 3 values (default 20*400*42*3 =
#               1,008,000), every 50th null
#   data.csv    the same values as the CSV layout of docs/import-csv.md (';', decimal comma)
# The values are deterministic, so every run imports the same rows.
set -eu
dir=$1
kpis=${2:-20} munis=${3:-400} years=${4:-42}
mkdir -p "$dir"
awk -v kpis="$kpis" -v munis="$munis" -v years="$years" -v dir="$dir" '
function kpi(k) { return sprintf("B%05d", k) }
function muni(m) { return sprintf("%04d", 1000 + m) }
BEGIN {
	f = dir "/muni.json"
	printf("{\"count\": %d, \"values\": [\n", munis) > f
	for (m = 1; m <= munis; m++)
		printf(" {\"id\": \"%s\", \"title\": \"Kommun %d\", \"type\": \"K\"}%s\n", muni(m), m,
		       (m < munis ? "," : "")) > f
	print "], \"next_url\": null}" > f
	close(f)
	f = dir "/kpi.json"
	printf("{\"count\": %d, \"values\": [\n", kpis) > f
	for (k = 1; k <= kpis; k++)
		printf(" {\"id\": \"%s\", \"title\": \"Nyckeltal %d\", \"description\": \"Ett påhittat nyckeltal.\", \"operating_area\": \"Test\", \"is_divided_by_gender\": 1}%s\n",
		       kpi(k), k, (k < kpis ? "," : "")) > f
	print "], \"next_url\": null}" > f
	close(f)
	j = dir "/data.json"
	c = dir "/data.csv"
	split("T K M", sx, " ")
	print "indikator;område;period;kön;värde" > c
	printf("{\"count\": %d, \"values\": [\n", kpis * munis * years) > j
	n = 0
	for (k = 1; k <= kpis; k++)
		for (m = 1; m <= munis; m++)
			for (y = 0; y < years; y++) {
				printf("%s{\"kpi\": \"%s\", \"municipality\": \"%s\", \"period\": %d, \"values\": [",
				       (n ? ",\n" : ""), kpi(k), muni(m), 1980 + y) > j
				for (s = 1; s <= 3; s++) {
					n++
					v = (n * 7919) % 100000 / 100
					if (n % 50 == 0) {
						jv = "null"; cv = ""
					} else {
						jv = sprintf("%.2f", v); cv = jv; sub(/\./, ",", cv)
					}
					printf("%s{\"gender\": \"%s\", \"count\": 1, \"status\": \"\", \"value\": %s}",
					       (s > 1 ? ", " : ""), sx[s], jv) > j
					printf("kolada-%s;%s;%d;%s;%s\n", tolower(kpi(k)), muni(m), 1980 + y, sx[s], cv) > c
				}
				printf "]}" > j
			}
	print "\n], \"next_url\": null}" > j
}'
