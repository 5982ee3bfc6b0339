#!/bin/sh
# bench/pg.sh: lup on PostgreSQL, each figure as a ratio to lup on SQLite and to PostgreSQL's own
# raw figure measured in the same run, in a private cluster (scripts/pg-cluster.sh) started for
# the run and removed after it.
#   import: `lup import kolada` and `lup import csv` of one bench file (bench/gen-kolada.sh with
#           PG_KPIS KPIs x 400 municipalities x 42 years x T/K/M; default 5: 252,000 values) into
#           a fresh copy of a database holding the demo and the KPI/municipality metadata,
#           against psql's COPY of the same rows into the same table (aim: >= 0.5 of COPY's
#           rate; COPY's database holds the import's periods and areas already), and against
#           the same import on SQLite
#   reads:  the main views with every view from the database (--no-cache), wrk -t2 -c16 for
#           DURATION seconds each, on PostgreSQL against the same views on SQLite (aim: >= 0.5),
#           and PostgreSQL's raw prepared primary-key SELECT rate (pgbench -M prepared, 2 clients)
# Prints the median of RUNS (default 3) for imports.
# PG_ONLY=views skips the imports (PG_ONLY=imports the views); PG_ROUTES="/ /kommissionen" limits
# the views to those routes, and PG_ROUNDS=N (default 1) measures them N times, alternating the
# backends, and prints each route's median ratio (the machine is shared: one round is noisy).
# PG_READS_ONLY=1 is PG_ONLY=views.
set -eu
cd "$(dirname "$0")/.."
LUP=${LUP:-build/lup}
RUNS=${RUNS:-3}
DURATION=${DURATION:-5}
KPIS=${PG_KPIS:-5}
T=$(mktemp -d)
chmod 755 "$T"
PGD="$T/pg"
SERVER=
cleanup() {
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
	sh scripts/pg-cluster.sh stop "$PGD" >/dev/null 2>&1 || true
	rm -rf "$T"
}
trap cleanup EXIT
export PGOPTIONS='-c client_min_messages=warning'
LUP_PG_FAST=0 sh scripts/pg-cluster.sh start "$PGD" >/dev/null
pg() { echo "postgresql:///$1?host=$PGD"; }
psqlq() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$PGD" "$@"; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms_of() { s=$(ns); "$@" >/dev/null 2>"$T/ms_of.err" || { echo "failed: $*" >&2; cat "$T/ms_of.err" >&2; exit 1; }; e=$(ns); echo $(( (e - s) / 1000000 )); }

ONLY=${PG_ONLY:-}
[ "${PG_READS_ONLY:-0}" = 1 ] && ONLY=views
ROUNDS=${PG_ROUNDS:-1}
if [ "$ONLY" != views ]; then
sh bench/gen-kolada.sh "$T" "$KPIS" 400 42
values=$(( $(grep -c '' "$T/data.csv") - 1 ))

# the base databases: demo + Kolada metadata, on both backends
"$LUP" --db "$T/base.db" demo >/dev/null
"$LUP" --db "$T/base.db" import kolada "$T/muni.json" "$T/kpi.json" >/dev/null
"$LUP" --db "$(pg base)" init >/dev/null
"$LUP" copy "$T/base.db" "$(pg base)" >/dev/null
basemax=$(psqlq -d base -c "SELECT coalesce(max(id), 0) FROM outcome")
cols=$(psqlq -d base -c "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
	FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'outcome'")

fresh_pg() { psqlq -d postgres -c "DROP DATABASE IF EXISTS run" -c "CREATE DATABASE run TEMPLATE base"; }
fresh_sq() { rm -f "$T/run.db" "$T/run.db-wal" "$T/run.db-shm"; cp "$T/base.db" "$T/run.db"; }

# the rows of one import, for COPY
fresh_pg
"$LUP" --db "$(pg run)" import kolada "$T/data.json" >/dev/null
psqlq -d run -c "\\copy (SELECT $cols FROM outcome WHERE id > $basemax) TO '$T/rows.copy'"
copy_rows=$(grep -c '' "$T/rows.copy")
# COPY's database: the import's other rows (periods, areas) without its values
psqlq -d run -c "DELETE FROM outcome WHERE id > $basemax"
psqlq -d postgres -c "CREATE DATABASE copyref TEMPLATE run"
fresh_copy() { psqlq -d postgres -c "DROP DATABASE IF EXISTS run" -c "CREATE DATABASE run TEMPLATE copyref"; }

for i in $(seq "$RUNS"); do
	fresh_pg; ms_of "$LUP" --db "$(pg run)" import kolada "$T/data.json" >> "$T/pg-kolada"
	fresh_pg; ms_of "$LUP" --db "$(pg run)" import csv "$T/data.csv" >> "$T/pg-csv"
	fresh_copy; ms_of psqlq -d run -c "\\copy outcome ($cols) FROM '$T/rows.copy'" >> "$T/pg-copy"
	fresh_sq; ms_of "$LUP" --db "$T/run.db" import kolada "$T/data.json" >> "$T/sq-kolada"
	fresh_sq; ms_of "$LUP" --db "$T/run.db" import csv "$T/data.csv" >> "$T/sq-csv"
done
r() { echo "$1 $2" | awk '{printf "%.2f", $2 / $1}'; }	# rate ratio from times: t_ref / t
pk=$(median < "$T/pg-kolada") pc=$(median < "$T/pg-csv") cp=$(median < "$T/pg-copy")
sk=$(median < "$T/sq-kolada") sc=$(median < "$T/sq-csv")
echo "imports on PostgreSQL: $values values ($copy_rows rows), median of $RUNS runs"
printf '%-34s %8s %10s %10s\n' benchmark "ms" "vs COPY" "vs SQLite"
printf '%-34s %8s %10s %10s\n' "kolada import (JSON)" "$pk" "$(r "$pk" "$cp")" "$(r "$pk" "$sk")"
printf '%-34s %8s %10s %10s\n' "csv import" "$pc" "$(r "$pc" "$cp")" "$(r "$pc" "$sc")"
printf '%-34s %8s %10s %10s\n' "psql COPY of the same rows" "$cp" "1.00" ""
printf '%-34s %8s\n' "kolada import on SQLite" "$sk"
printf '%-34s %8s\n' "csv import on SQLite" "$sc"
fi
[ "$ONLY" = imports ] && exit 0

# reads: the demo (and the commission's responses when the seeds are there) on both backends
"$LUP" --db "$T/b.db" demo >/dev/null
for f in ../shared/seeds/002_*.txt; do [ -f "$f" ] && "$LUP" --db "$T/b.db" import commission "$f" >/dev/null; done
"$LUP" copy "$T/b.db" "$(pg b)" >/dev/null

start() { # start DB: a --no-cache server on a free port; sets BASE
	[ -n "$SERVER" ] && { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
	rm -f "$T/port"
	"$LUP" --db "$1" serve --listen 127.0.0.1:0 --port-file "$T/port" --quiet --threads 2 --no-cache 2>/dev/null &
	SERVER=$!
	for i in $(seq 100); do [ -s "$T/port" ] && break; sleep 0.1; done
	BASE="http://127.0.0.1:$(cat "$T/port")"
}
rps() { wrk -t2 -c16 -d"${DURATION}s" "$BASE$1" 2>/dev/null | awk '/Requests\/sec/ { print $2 }'; }
ROUTES=${PG_ROUTES:-"/healthz /api/v1/districts /api/v1/districts/spanga-tensta
/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=2022
/ /stadsdel/spanga-tensta /organisation/spanga-tensta-stadsdelsnamnd?ar=2022 /kommissionen /sok?q=f%C3%B6rskola"}
: > "$T/rounds"
for round in $(seq "$ROUNDS"); do
	start "$T/b.db"
	for p in $ROUTES; do echo "$p $(rps "$p")"; done > "$T/sq.rps"
	start "$(pg b)"
	for p in $ROUTES; do echo "$p $(rps "$p")"; done > "$T/pg.rps"
	paste -d' ' "$T/sq.rps" "$T/pg.rps" >> "$T/rounds"
done
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
max=$(psqlq -d b -c "SELECT max(id) FROM organisation")
printf '\\set id random(1, %s)\nSELECT id, key, name FROM organisation WHERE id = :id;\n' "$max" > "$T/pk.sql"
raw=$("$pgbin/pgbench" -h "$PGD" -n -M prepared -c 2 -j 2 -T "$DURATION" -f "$T/pk.sql" b 2>/dev/null |
	awk '/^tps/ { print $3; exit }')
echo
echo "views on PostgreSQL, every view from the database (--no-cache), req/s:"
printf '%-64s %9s %9s %10s %10s\n' route SQLite PostgreSQL "vs SQLite" "vs raw PK"
# each route's round with the median ratio (the one round when ROUNDS is 1)
for p in $ROUTES; do
	awk -v p="$p" '$1 == p && $2 > 0 { printf "%.6f %s %s\n", $4 / $2, $2, $4 }' "$T/rounds" | sort -n |
		awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }' | while read -r _ a b; do
		printf '%-64s %9s %9s %10s %10s\n' "$p" "$a" "$b" "$(echo "$b $a" | awk '{printf "%.2f", $1 / $2}')" \
			"$(echo "$b $raw" | awk '{printf "%.3f", $1 / $2}')"
	done
done
[ "$ROUNDS" -gt 1 ] && echo "(the round with each route's median ratio of $ROUNDS rounds)"
echo "PostgreSQL's raw prepared primary-key SELECT (pgbench, 2 clients): $raw per second"
