#!/bin/sh
# t0110: the logins `make run` creates on a new database (scripts/demo-logins.sh): three users
# with the roles and organisations named, random passwords that log in, a file only its owner
# can read, and nothing done a second time.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
F="$TMP/lup.db.logins"
"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }

expect_exit "creates the logins" 0 sh "$ROOT/scripts/demo-logins.sh" "$LUP" "$DB" "$F"
expect_eq "three logins in the file" "$(wc -l < "$F" | tr -d ' ')" 3
expect_eq "readable by its owner only" "$(stat -c %a "$F")" 600
"$LUP" --db "$DB" user list > "$TMP/users" 2>&1
for u in "redaktor  *spanga-tensta-stadsdelsnamnd  *editor" "stad  *stadsledningskontoret  *city" "admin  *admin"; do
	grep -q -- "$u" "$TMP/users" && ok "user $u" || nok "user $u (lup user list: $(cat "$TMP/users"))"
done
p1=$(awk '$1 == "redaktor" { print $4 }' "$F")
p2=$(awk '$1 == "stad" { print $4 }' "$F")
[ "${#p1}" -ge 16 ] && ok "a long password" || nok "password '$p1' too short"
[ "$p1" != "$p2" ] && ok "passwords differ" || nok "the same password twice"
before=$(md5sum < "$F")
expect_exit "a second run does nothing" 0 sh "$ROOT/scripts/demo-logins.sh" "$LUP" "$DB" "$F"
expect_eq "the file is unchanged" "$(md5sum < "$F")" "$before"

serve "$DB"
login() { curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
	-d "{\"name\":\"$1\",\"password\":\"$2\"}" "$BASE/api/v1/login"; }
expect_eq "the editor logs in with the password in the file" "$(login redaktor "$p1")" 200
expect_eq "the city controller too" "$(login stad "$p2")" 200
expect_eq "a wrong password is refused" "$(login redaktor "x$p1")" 401
finish
