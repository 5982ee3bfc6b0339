#!/bin/sh
# bench/docs.sh: the documents and exports of issue 12 against the JSON of the same plan
# (`lup export json plan`), each the median of RUNS (default 7) whole `lup export` runs on the
# Stockholm dataset: the Spånga-Tensta verksamhetsplan 2022 as DOCX (once that document exists),
# its indicators as XLSX and CSV, and the Rinkeby-Kista LUP as DOCX. The aim (issue 12): DOCX and
# XLSX each under 5x the JSON's time. A row whose export is not there yet says so.
set -eu
cd "$(dirname "$0")/.."
LUP=${LUP:-build/lup}
RUNS=${RUNS:-7}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$LUP" --db "$T/d.db" demo >/dev/null

ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# time_it ARGS...: the median ms of `lup export ARGS -o FILE`, or "-" when it fails
time_it() {
	"$LUP" --db "$T/d.db" export "$@" -o "$T/out" >/dev/null 2>&1 || { echo -; return; }
	for i in $(seq "$RUNS"); do
		s=$(ns); "$LUP" --db "$T/d.db" export "$@" -o "$T/out" >/dev/null 2>&1; e=$(ns)
		echo $(( (e - s) / 1000 ))
	done | median | awk '{printf "%.2f\n", $1 / 1000}'
}

VP=vp-2022-spanga-tensta ORG=spanga-tensta-stadsdelsnamnd
ref=$(time_it json plan "$VP")
lref=$(time_it json plan lup-rinkeby-kista)
printf '\n%-44s %10s %14s %8s\n' "document (reference: json plan)" "lup ms" "reference ms" ratio
row() { # row NAME REF ARGS...
	name=$1 r=$2; shift 2
	t=$(time_it "$@")
	if [ "$t" = - ]; then printf '%-44s %10s\n' "$name" "(not available)"; return; fi
	printf '%-44s %10s %14s %8.2f\n' "$name" "$t" "$r" "$(echo "$t $r" | awk '{print $1 / $2}')"
}
row "verksamhetsplan 2022 Spånga-Tensta DOCX" "$ref" docx plan "$VP"
row "indicators Spånga-Tensta 2022 XLSX" "$ref" xlsx organisation "$ORG" --year 2022
row "indicators Spånga-Tensta 2022 CSV" "$ref" csv organisation "$ORG" --year 2022
row "LUP Rinkeby-Kista DOCX" "$lref" docx plan lup-rinkeby-kista
