#!/bin/sh
# pg-cluster.sh: a private PostgreSQL cluster in a directory, for tests and for trying lup on
# PostgreSQL without touching the system's clusters. It listens only on a Unix socket in the
# directory, trusts the local user (no password), and keeps nothing outside the directory.
# Usage:
#   scripts/pg-cluster.sh start DIR   creates the cluster in DIR when missing, starts it, prints
#                                     the database address prefix: postgresql:///NAME?host=DIR
#                                     is then database NAME of this cluster
#   scripts/pg-cluster.sh stop DIR    stops it (the files stay until DIR is removed)
#   scripts/pg-cluster.sh create DIR NAME  creates database NAME (when missing)
# The cluster runs with fsync off when LUP_PG_FAST=1 (tests: nothing to keep after a crash).
set -eu

bindir() {
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[ -x "$d/initdb" ] && { echo "$d"; return 0; }
	done
	command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
	echo "pg-cluster.sh: initdb not found (install Debian's postgresql: scripts/deps.sh test)" >&2
	exit 1
}

[ $# -ge 2 ] || { echo "usage: pg-cluster.sh start|stop|create DIR [NAME]" >&2; exit 2; }
cmd=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
bin=$(bindir)
me=$(id -un)
# PostgreSQL's server refuses to run as root: as root the cluster belongs to the system's
# `postgres` user (Debian's package creates it), with the caller's name as its superuser.
as() {
	if [ "$(id -u)" = 0 ]; then
		chown postgres "$dir" "$dir/data" 2>/dev/null || true
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

case "$cmd" in
start)
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		mkdir -p "$dir/data"
		[ "$(id -u)" = 0 ] && chmod 755 "$dir"
		as "$bin/initdb" -D "$dir/data" -A trust -U "$me" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
			cat "$dir/initdb.log" >&2; exit 1; }
		{
			echo "listen_addresses = ''"
			echo "unix_socket_directories = '$dir'"
			echo "max_connections = 300"
			echo "shared_buffers = 64MB"
			if [ "${LUP_PG_FAST:-0}" = 1 ]; then
				echo "fsync = off"
				echo "synchronous_commit = off"
				echo "full_page_writes = off"
			fi
		} | as tee -a "$dir/data/postgresql.conf" >/dev/null
	fi
	[ "$(id -u)" = 0 ] && touch "$dir/server.log" && chown postgres "$dir/server.log"
	as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null || {
		tail -20 "$dir/server.log" >&2; exit 1; }
	echo "postgresql:///postgres?host=$dir"
	;;
stop)
	[ -f "$dir/data/postmaster.pid" ] || exit 0
	as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	;;
create)
	[ $# -ge 3 ] || { echo "usage: pg-cluster.sh create DIR NAME" >&2; exit 2; }
	"$bin/psql" -h "$dir" -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$3'" | grep -q 1 ||
		"$bin/createdb" -h "$dir" "$3"
	;;
*)
	echo "usage: pg-cluster.sh start|stop|create DIR [NAME]" >&2; exit 2
	;;
esac
