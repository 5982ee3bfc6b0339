#!/bin/sh
# t3210: requests the server refuses at once, before any body and before any handler: too many
# query parameters or too long a target (414), a body larger than allowed (413, a page for a page), a chunked body
# (411), and what a proxy in front could read differently from us (request smuggling): two
# Content-Length headers, Content-Length with Transfer-Encoding, a NUL in a header value (400).
# Each gets its answer within the 5 s that tests/tools/httpload.py raw waits.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
"$LUP" --db "$DB" init >/dev/null
serve "$DB"
PORT=${BASE##*:}

# raw NAME STATUS TEXT PRINTF-FORMAT: the request (printf's escapes: \r, \n, \000) gets STATUS
# and a body containing TEXT
raw() {
	name=$1 want=$2 text=$3
	printf "$4" | python3 "$ROOT/tests/tools/httpload.py" raw "$PORT" > "$TMP/raw"
	got=$(sed -n 1p "$TMP/raw")
	if [ "$got" = "$want" ] && sed -n 2p "$TMP/raw" | grep -q -F -- "$text"; then ok "$name"; else
		nok "$name (got $got, expected $want with '$text')"; sed -n 2p "$TMP/raw" | cut -c1-200 >&2; fi
}

LOGIN='POST /api/v1/login HTTP/1.1\r\nHost: lup\r\nContent-Type: application/json\r\n'
FORM='POST /logga-in HTTP/1.1\r\nHost: lup\r\nContent-Type: application/x-www-form-urlencoded\r\n'

q=$(seq 1000 | sed 's/.*/a&=&/' | paste -sd '&' -)
expect_eq "1,000 query parameters get 414" "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/healthz?$q")" 414
expect_eq "also on a page" "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/?$q")" 414
v=$(head -c 200 /dev/zero | tr '\0' 'x')
q=$(seq 256 | sed "s/.*/a&=$v/" | paste -sd '&' -)
expect_eq "256 parameters in 52 KB get 414" "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/healthz?$q")" 414
q=$(seq 200 | sed 's/.*/a&=&/' | paste -sd '&' -)
expect_eq "200 query parameters are served (a page: pages ignore parameters they do not take)" "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/?$q")" 200

raw "a Content-Length of 10^12 with 10 bytes gets 413 at once" 413 '"too_large"' \
	"${LOGIN}Content-Length: 1000000000000\r\n\r\n0123456789"
raw "a page gets its 413 as a page at once" 413 '<!DOCTYPE html>' \
	"${FORM}Content-Length: 1000000000000\r\n\r\nnamn=a&losenord=b"
raw "a chunked body gets 411 at once" 411 'send it with Content-Length' \
	"${LOGIN}Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n0123456789"
raw "two different Content-Length headers get 400" 400 'more than one Content-Length' \
	"${LOGIN}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"
raw "two equal Content-Length headers get 400" 400 'more than one Content-Length' \
	"${LOGIN}Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}"
raw "Content-Length with Transfer-Encoding gets 400" 400 'both Content-Length and Transfer-Encoding' \
	"${LOGIN}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
raw "a Content-Length that is not a number gets 400" 400 '' \
	"${LOGIN}Content-Length: 2x\r\n\r\n{}"
raw "a NUL in a header value gets 400 naming the header" 400 "the header 'X-Note' holds a NUL byte" \
	'GET /healthz HTTP/1.1\r\nHost: lup\r\nX-Note: a\000b\r\nAccept: */*\r\n\r\n'
raw "a NUL in the last header too" 400 "the header 'X-Note' holds a NUL byte" \
	'GET /healthz HTTP/1.1\r\nHost: lup\r\nX-Note: a\000b\r\n\r\n'
raw "a NUL ending a header value too" 400 "the header 'Host' holds a NUL byte" \
	'GET /healthz HTTP/1.1\r\nHost: lup\000\r\nAccept: */*\r\n\r\n'
raw "a plain request is served" 200 '"status":"ok"' \
	'GET /healthz HTTP/1.1\r\nHost: lup\r\nX-Note:  a b \r\nConnection: close\r\n\r\n'
raw "also with bare LF line ends" 200 '"status":"ok"' \
	'GET /healthz HTTP/1.1\nHost: lup\nX-Note: a\nConnection: close\n\n'
raw "a body within the limit is read" 422 '"invalid_fields"' \
	"${LOGIN}Content-Length: 2\r\nConnection: close\r\n\r\n{}"
expect_eq "the server is still up" "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")" 200
finish
