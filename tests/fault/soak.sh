#!/bin/sh
# soak.sh: `make soak`: the fault suite at the sizes of issue 15, on SQLite and, when
# PostgreSQL's server is installed, on PostgreSQL (a private cluster in a new directory under
# /tmp, stopped and removed at the end; fsync on, as in production). It runs the make check
# script tests/t/t7600-faults.sh with larger sizes (and FAULT_SOAK=1: the slow-client
# throughput ratio is asserted to be at least 0.5), then prints the report: per backend the
# checks' verdicts and the figures (acknowledged writes, requests, errors, RSS, ratios).
# Sizes (environment): SOAK_KILLS (100 kill -9 rounds), SOAK_CONNS (1000 connections) for
# SOAK_CONN_SECONDS (60), SOAK_SLOW (500 slow clients) for SOAK_SLOW_SECONDS a phase (20),
# SOAK_BACKENDS ("sqlite pg"). LUP: the binary (default build/lup).
# Exit 0 when every check passed.
set -u
cd "$(dirname "$0")/../.." || exit 2
top=$(pwd)
LUP=${LUP:-$top/build/lup}
export FAULT_KILLS=${SOAK_KILLS:-100} FAULT_CONNS=${SOAK_CONNS:-1000} FAULT_CONN_SECONDS=${SOAK_CONN_SECONDS:-60}
export FAULT_SLOW=${SOAK_SLOW:-500} FAULT_SLOW_SECONDS=${SOAK_SLOW_SECONDS:-20} FAULT_SOAK=1
unset LUP_PG LUP_DB_PG
log=$(mktemp -d)
pgdir=
cleanup() {
	[ -n "$pgdir" ] && { sh scripts/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1; rm -rf "$pgdir"; }
	rm -rf "$log"
}
trap cleanup EXIT
trap 'cleanup; trap - EXIT; exit 130' INT
trap 'cleanup; trap - EXIT; exit 143' TERM
status=0

# suite NAME ENV...: t7600 with the soak's sizes (and ENV), its output into $log/NAME
suite() {
	n=$1; shift
	t0=$(date +%s)
	echo "soak: $n ..." >&2
	env LUP="$LUP" "$@" sh tests/t/t7600-faults.sh > "$log/$n" 2>&1 || status=1
	echo "# took $(( $(date +%s) - t0 )) s" >> "$log/$n"
}

for b in ${SOAK_BACKENDS:-sqlite pg}; do
	case $b in
	sqlite) suite sqlite ;;
	pg)
		if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
			echo "# PostgreSQL's server is not installed: no PostgreSQL soak" > "$log/pg"
			continue
		fi
		pgdir=$(mktemp -d /tmp/lup-soak-pg.XXXXXX) && chmod 755 "$pgdir"
		if sh scripts/pg-cluster.sh start "$pgdir" > "$log/pg-start" 2>&1; then
			suite pg LUP_PG="$pgdir"
		else
			{ echo "not ok - the PostgreSQL cluster starts"; tail -5 "$log/pg-start"; } > "$log/pg"
			status=1
		fi
		;;
	esac
done

echo
echo "Soak report ($(date -u +%Y-%m-%dT%H:%M:%SZ); kills $FAULT_KILLS, $FAULT_CONNS connections for" \
	"$FAULT_CONN_SECONDS s, $FAULT_SLOW slow clients for 3 x $FAULT_SLOW_SECONDS s)"
for b in ${SOAK_BACKENDS:-sqlite pg}; do
	[ -f "$log/$b" ] || continue
	echo "== $b: $(grep -c '^ok - ' "$log/$b") checks passed, $(grep -c '^not ok - ' "$log/$b") failed"
	grep -E '^(not ok - |# )' "$log/$b" | sed 's/^/  /'
	grep -q '^not ok - ' "$log/$b" && status=1
done
exit $status
