#!/bin/sh
# demo-logins.sh LUP DB FILE: logins for trying the web application on a new database: an
# editor of Spånga-Tensta's district committee (redaktor), a city controller (stad) and an
# administrator (admin), each with a random password. Writes them to FILE (readable by the owner
# only). Called by `make run` when it creates the database (which then shows FILE); does
# nothing when FILE exists. Change a password with `lup user passwd NAME`.
set -eu
LUP=$1 DB=$2 FILE=$3
[ -e "$FILE" ] && exit 0
umask 077
: > "$FILE.tmp"
add() { # add NAME ROLE [ORG]
	pw=$(head -c 15 /dev/urandom | base64 | tr -d '/+=')
	if [ -n "${3:-}" ]; then
		printf '%s\n' "$pw" | "$LUP" --db "$DB" user add "$1" --role "$2" --org "$3" >/dev/null
	else
		printf '%s\n' "$pw" | "$LUP" --db "$DB" user add "$1" --role "$2" >/dev/null
	fi
	printf '%-9s %-7s %-33s %s\n' "$1" "$2" "${3:--}" "$pw" >> "$FILE.tmp"
}
add redaktor editor spanga-tensta-stadsdelsnamnd
add stad city stadsledningskontoret
add admin admin
mv "$FILE.tmp" "$FILE"
