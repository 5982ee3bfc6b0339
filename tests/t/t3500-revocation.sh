#!/bin/sh
# t3500: revocation bites on the next request, against a running `lup serve`: a token revoked
# by `lup token revoke` (another process) or DELETE /api/v1/tokens/{id}, a user disabled by
# `lup user disable` or the API (sessions and tokens refused, login answered like a wrong
# password, enable restores), a password change (`lup user passwd` ends every session, POST
# /api/v1/me/password every other one; tokens stay). A login with a stale or a live cookie
# replaces the session. The login throttle cannot be flushed: 520 new keys from 260 loopback
# addresses do not push an account's failures out, and logging in to one's own account does
# not lift the limit of the address.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L init >/dev/null || { nok "init"; finish; }
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader >/dev/null
printf 'victimpassword1\n' | L user add victim --role reader >/dev/null
printf 'attackerpassw1\n' | L user add attacker --role reader >/dev/null
printf 'cookiepassw01\n' | L user add carol --role reader >/dev/null
printf 'formpassword1\n' | L user add dora --role reader >/dev/null
# without the test suites' LUP_TEST_PWHASH=fast (lib.sh) a password gets Argon2id's interactive
# cost (64 MiB, 2 passes); with it the minimum
printf 'strongpassword1\n' | env -u LUP_TEST_PWHASH "$LUP" --db "$DB" user add strong --role reader >/dev/null
expect_eq "a password is hashed with Argon2id at the interactive cost" \
	"$(q "SELECT substr(pw_hash, 1, 31) FROM app_user WHERE name = 'strong'")" '$argon2id$v=19$m=65536,t=2,p=1$'
expect_eq "... and with LUP_TEST_PWHASH=fast at the minimum" \
	"$(q "SELECT substr(pw_hash, 1, 27) FROM app_user WHERE name = 'reader'")" '$argon2id$v=19$m=8,t=1,p=1$'
T_admin=$(L token create admin 2>/dev/null)
T_reader=$(L token create reader --label script 2>/dev/null)
[ -n "$T_reader" ] && ok "tokens are created" || nok "token create"

serve "$DB"

# login JAR NAME PASSWORD: an API login into the cookie jar JAR; CSRF gets its CSRF token
login() {
	rm -f "$TMP/$1"
	req "$2 logs in ($1)" 200 POST /api/v1/login "{\"name\":\"$2\",\"password\":\"$3\"}" "" -c "$TMP/$1"
	CSRF=$(jb .csrf_token)
}
me() { curl -s -o /dev/null -w '%{http_code}' ${2:+-b "$TMP/$2"} ${1:+-H "Authorization: Bearer $1"} "$BASE/api/v1/me"; }
cookie_of() { awk '$6 == "lup_session" { print $7 }' "$TMP/$1"; }

# --- tokens ----------------------------------------------------------------------------------
READER_TID=$(q "SELECT t.id FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.name = 'reader'")
expect_eq "a token works (and its Argon2id check is now cached)" "$(me "$T_reader")" 200
expect_eq "... and again" "$(me "$T_reader")" 200
expect_exit "lup token list" 0 L token list --user reader
expect_out "... shows the token with its label" "script"
expect_exit "lup token revoke" 0 L token revoke "$READER_TID"
expect_out "... says so" "revoked token $READER_TID"
expect_eq "a token revoked by lup in another process fails on the server's next request" "$(me "$T_reader")" 401
expect_exit "revoking an unknown token fails" 1 L token revoke 99999
expect_exit "a token id must be a number" 2 L token revoke abc
q "SELECT count(*) FROM audit WHERE entity = 'api_token' AND entity_id = $READER_TID" > "$TMP/n"
expect_eq "the revocation is audited" "$(cat "$TMP/n")" 1

T2=$(L token create reader --label second 2>/dev/null)
T2ID=$(q "SELECT max(id) FROM api_token")
expect_eq "a second token works" "$(me "$T2")" 200
req "a reader may not list tokens" 403 GET /api/v1/tokens "" "$T2"
req "a reader may not revoke tokens" 403 DELETE "/api/v1/tokens/$T2ID" "" "$T2"
req "an administrator lists the tokens" 200 GET "/api/v1/tokens?user=reader" "" "$T_admin"
expect_eq "... both of the reader's, the first revoked, no secrets" \
	"$(jb '[.items[] | "\(.label):\(.revoked)"] | join(",")') $(jb '[.items[] | has("token_hash")] | any')" \
	"script:true,second:false false"
req "tokens of an unknown user" 404 GET "/api/v1/tokens?user=nobody" "" "$T_admin"
req "an administrator revokes a token" 200 DELETE "/api/v1/tokens/$T2ID" "" "$T_admin"
expect_eq "a token revoked through the API fails on the next request" "$(me "$T2")" 401
req "revoking it again changes nothing" 200 DELETE "/api/v1/tokens/$T2ID" "" "$T_admin"
expect_eq "... and says so" "$(jb .changed)" false
req "an unknown token" 404 DELETE /api/v1/tokens/99999 "" "$T_admin"
expect_eq "the API revocation is audited once" \
	"$(q "SELECT count(*) || ' ' || max(actor) FROM audit WHERE entity = 'api_token' AND entity_id = $T2ID")" "1 admin"

# --- disabled users --------------------------------------------------------------------------
T3=$(L token create reader --label third 2>/dev/null)
login r1 reader readerpassword1
expect_eq "the reader's token works" "$(me "$T3")" 200
expect_eq "the reader's session works" "$(me "" r1)" 200
expect_exit "lup user disable" 0 L user disable reader
expect_eq "a disabled user's token fails on the next request" "$(me "$T3")" 401
expect_eq "a disabled user's session fails on the next request" "$(me "" r1)" 401
req "a disabled user cannot log in" 401 POST /api/v1/login '{"name":"reader","password":"readerpassword1"}'
cp "$TMP/body" "$TMP/disabled.json"
req "a wrong password" 401 POST /api/v1/login '{"name":"admin","password":"wrongpassword"}'
expect_eq "... the same answer as a wrong password" "$(cat "$TMP/disabled.json")" "$(cat "$TMP/body")"
expect_exit "lup user enable" 0 L user enable reader
expect_eq "enabled again, the token works" "$(me "$T3")" 200
expect_eq "the session the disable ended stays ended" "$(me "" r1)" 401
login r1 reader readerpassword1
req "a reader may not disable users" 403 POST /api/v1/users/reader/disable "" "$T3"
req "an administrator disables a user" 200 POST /api/v1/users/reader/disable "" "$T_admin"
expect_eq "... which ends its sessions" "$(jb .sessions_ended)" 1
expect_eq "the token fails on the next request" "$(me "$T3")" 401
expect_eq "the session fails on the next request" "$(me "" r1)" 401
req "an administrator cannot disable itself" 409 POST /api/v1/users/admin/disable "" "$T_admin"
req "an unknown user" 404 POST /api/v1/users/nobody/disable "" "$T_admin"
RID=$(q "SELECT id FROM app_user WHERE name = 'reader'")
req "enable by id" 200 POST "/api/v1/users/$RID/enable" "" "$T_admin"
expect_eq "the token works again" "$(me "$T3")" 200
expect_eq "disable and enable are audited" \
	"$(q "SELECT group_concat(after, ' ') FROM (SELECT after FROM audit WHERE entity = 'user' AND entity_id = $RID AND after LIKE '{\"disabled\"%' ORDER BY id) AS sq1")" \
	'{"disabled":true} {"disabled":false} {"disabled":true} {"disabled":false}'

# --- password changes ------------------------------------------------------------------------
login p1 reader readerpassword1
login p2 reader readerpassword1
expect_exit "lup user passwd" 0 sh -c "printf 'readerpassword2\n' | '$LUP' --db '$DB' user passwd reader"
expect_eq "a password change by lup ends the sessions (1)" "$(me "" p1)" 401
expect_eq "... (2)" "$(me "" p2)" 401
expect_eq "the user's tokens stay valid" "$(me "$T3")" 200
login p1 reader readerpassword2
P1CSRF=$CSRF
login p2 reader readerpassword2
req "a password change needs the current password" 403 POST /api/v1/me/password \
	'{"current_password":"wrongpassword","new_password":"readerpassword3"}' "" -b "$TMP/p1" -H "X-CSRF-Token: $P1CSRF"
req "a new password of 10 characters at least" 422 POST /api/v1/me/password \
	'{"current_password":"readerpassword2","new_password":"short"}' "" -b "$TMP/p1" -H "X-CSRF-Token: $P1CSRF"
req "a password change through the API" 200 POST /api/v1/me/password \
	'{"current_password":"readerpassword2","new_password":"readerpassword3"}' "" -b "$TMP/p1" -H "X-CSRF-Token: $P1CSRF"
expect_eq "... keeps the session it was made in" "$(me "" p1)" 200
expect_eq "... ends the other one" "$(me "" p2)" 401
req "the new password logs in" 200 POST /api/v1/login '{"name":"reader","password":"readerpassword3"}'
req "the old one no longer" 401 POST /api/v1/login '{"name":"reader","password":"readerpassword2"}'

# the form on /konto: the same change, in Swedish
# page NAME WANT METHOD PATH JAR [CURL ARGS...]: a page request with the cookie jar JAR
page() {
	name=$1 want=$2 method=$3 path=$4 jar=$5
	shift 5
	code=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" -b "$TMP/$jar" -c "$TMP/$jar" "$@" "$BASE$path")
	if [ "$code" = "$want" ]; then ok "$name"; else
		nok "$name ($method $path: $code, expected $want)"; head -c 400 "$TMP/body" | sed 's/^/    /' >&2; echo >&2; fi
}
has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the page lacks '$2')"; fi; }
for j in w1 w2; do rm -f "$TMP/$j"; page "dora logs in through the form ($j)" 303 POST /logga-in $j -d 'namn=dora&losenord=formpassword1'; done
page "the account page" 200 GET /konto w1
has "... has the password form" 'action="/konto/losenord"'
if command -v tidy >/dev/null; then
	tidy -q -e "$TMP/body" 2>&1 | grep -v 'proprietary attribute "aria-current"' | grep -q . &&
		nok "the account page is valid HTML ($(tidy -q -e "$TMP/body" 2>&1 | head -2 | tr '\n' ' '))" || ok "the account page is valid HTML"
fi
W1CSRF=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$TMP/body" | head -1)
page "the form without the CSRF field" 403 POST /konto/losenord w1 -d 'nuvarande=formpassword1&nytt=formpassword2&nytt2=formpassword2'
page "the form with a wrong current password" 403 POST /konto/losenord w1 -d "csrf=$W1CSRF&nuvarande=wrongpassword&nytt=formpassword2&nytt2=formpassword2"
has "... says so in Swedish" "Fel nuvarande lösenord."
page "the form with two different new passwords" 422 POST /konto/losenord w1 -d "csrf=$W1CSRF&nuvarande=formpassword1&nytt=formpassword2&nytt2=formpassword3"
has "... says so" "Lösenorden är inte lika."
page "the password changed through the form" 303 POST /konto/losenord w1 -d "csrf=$W1CSRF&nuvarande=formpassword1&nytt=formpassword2&nytt2=formpassword2"
expect_eq "... back to the account page" "$(grep -i '^location:' "$TMP/headers" | cut -d' ' -f2 | tr -d '\r')" "/konto?klart=losenord"
page "the session it was changed in goes on" 200 GET "/konto?klart=losenord" w1
has "... with a notice" "Lösenordet är bytt."
expect_eq "the other session has ended" "$(me "" w2)" 401
req "the new password logs in" 200 POST /api/v1/login '{"name":"dora","password":"formpassword2"}'

# --- a login with a cookie held ----------------------------------------------------------------
req "a login with a stale cookie" 200 POST /api/v1/login '{"name":"carol","password":"cookiepassw01"}' "" \
	-H "Cookie: lup_session=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
login c1 carol cookiepassw01
OLD=$(cookie_of c1)
req "a login with a live cookie (no CSRF token)" 200 POST /api/v1/login '{"name":"admin","password":"adminpassword1"}' "" \
	-b "$TMP/c1" -c "$TMP/c1"
expect_eq "... is the new user" "$(jb .user)" admin
expect_eq "the new session works" "$(curl -s -b "$TMP/c1" "$BASE/api/v1/me" | jq -r .name)" admin
expect_eq "the session it replaced has ended" \
	"$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: lup_session=$OLD" "$BASE/api/v1/me")" 401
login c2 carol cookiepassw01
OLD=$(cookie_of c2)
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/c2" -c "$TMP/c2" -d 'namn=admin&losenord=adminpassword1' "$BASE/logga-in")
expect_eq "the login form with a live cookie" "$code" 303
expect_eq "... replaces that session too" \
	"$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: lup_session=$OLD" "$BASE/api/v1/me")" 401
expect_eq "... with the new one" "$(curl -s -b "$TMP/c2" "$BASE/api/v1/me" | jq -r .name)" admin

# --- the login throttle cannot be flushed ----------------------------------------------------------
# fail ADDRESS NAME PASSWORD: prints the status of one login from the loopback address ADDRESS
fail() {
	curl -s -o /dev/null -w '%{http_code}\n' --interface "$1" -X POST -H 'Content-Type: application/json' \
		--data-binary "{\"name\":\"$2\",\"password\":\"$3\"}" "$BASE/api/v1/login"
}
for i in 1 2 3 4 5; do fail 127.0.0.1 victim wrongpassword; done > "$TMP/codes"
expect_eq "five failures for the victim's account" "$(tr '\n' ' ' < "$TMP/codes")" "401 401 401 401 401 "
# 260 failed logins, each with a new name from a new address: 520 new keys, more than the 512
# slots the throttle had
for i in $(seq 0 259); do echo "127.0.$((1 + i / 200)).$((1 + i % 200)) flood$i"; done > "$TMP/flood"
xargs -P 2 -L 1 sh -c 'curl -s -o /dev/null -w "%{http_code}\n" --interface "$0" -X POST \
	-H "Content-Type: application/json" --data-binary "{\"name\":\"$1\",\"password\":\"guess\"}" \
	"'"$BASE"'/api/v1/login"' < "$TMP/flood" > "$TMP/codes"
expect_eq "the flood: 260 failed logins" "$(grep -c '^401$' "$TMP/codes")" 260
# the victim's five failures are still counted: its next failure blocks it at once (and each
# one after doubles the wait), so within four more tries one is refused; with the count
# flushed the four would all be tried (401)
for i in 1 2 3 4; do fail 127.0.9.1 victim wrongpassword; done > "$TMP/codes"
grep -q '^429$' "$TMP/codes" && ok "an account's failures survive a flood of other names and addresses" ||
	nok "the flood flushed the account's failures ($(tr '\n' ' ' < "$TMP/codes"))"
# from one address: failed logins with new names, and every fourth a successful login to the
# attacker's own account; the address's failures must add up to a block all the same
: > "$TMP/codes"
for i in $(seq 1 60); do
	if [ $((i % 4)) -eq 0 ]; then c=$(fail 127.0.9.2 attacker attackerpassw1); else c=$(fail 127.0.9.2 "spray$i" guess); fi
	echo "$c" >> "$TMP/codes"
	[ "$c" = 429 ] && break
done
grep -q '^429$' "$TMP/codes" && ok "a success with one's own account does not lift the address's limit" ||
	nok "the address was never throttled ($(sort "$TMP/codes" | uniq -c | tr '\n' ' '))"
[ "$(grep -c '^200$' "$TMP/codes")" -ge 3 ] && ok "... while the own account's logins went through" ||
	nok "the own account's logins failed ($(sort "$TMP/codes" | uniq -c | tr '\n' ' '))"
finish
