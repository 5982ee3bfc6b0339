#!/bin/sh
# t6200: the annual wheel (docs/annual-wheel.md): `lup deadline set|list|delete` (the contract
# `lup deadline set T2 2026 2026-09-15`, each argument's error named, exit 1), the rules (real
# dates, the year window, unit <= administration <= committee <= the city's), the API's deadlines
# for the six roles, the iCalendar feed (structure, stable UIDs, CRLF lines of at most 75
# octets), the Årshjul page and its forms, and `lup remind` as text, JSON and mail through a
# capturing sendmail stand-in: the overdue organisation's editors get one mail naming the report
# and the date, an organisation that submitted gets nothing, a failing sendmail exits 1.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
OWN=spanga-tensta-stadsdelsnamnd
OTHER=farsta-stadsdelsnamnd
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader --org $OWN >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org $OWN >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org $OTHER >/dev/null
printf 'editorpassword3\n' | L user add adm --role editor --org spanga-tensta-stadsdelsforvaltning >/dev/null
printf 'editorpassword4\n' | L user add sf --role editor --org socialforvaltningen >/dev/null
for u in admin city reader own other; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
[ -n "$T_own" ] && [ -n "$T_city" ] && ok "tokens are created" || nok "token create"
audits() { q "SELECT count(*) FROM audit WHERE entity = 'deadline'"; }

# --- the CLI ------------------------------------------------------------------------------------------
expect_exit "lup deadline set T2 2026 2026-09-15" 0 L deadline set T2 2026 2026-09-15
expect_eq "the city's deadline is stored" "$(q "SELECT due || level || coalesce(CAST(org_id AS TEXT), '-') FROM deadline WHERE year = 2026 AND kind = 'T2'")" "2026-09-15city-"
expect_eq "the write is audited" "$(audits)" 1
expect_exit "setting the same date again" 0 L deadline set T2 2026 2026-09-15
expect_out "it says nothing changed" "unchanged"
expect_eq "an unchanged date is not audited" "$(audits)" 1
expect_exit "VB is the verksamhetsberättelse" 0 L deadline set VB 2026 2027-02-15
expect_eq "stored as kind FY" "$(q "SELECT due FROM deadline WHERE kind = 'FY' AND year = 2026")" 2027-02-15
expect_exit "a day that does not exist" 1 L deadline set T2 2026 2026-09-31
expect_err "the error names DATE" "DATE: '2026-09-31' is not a calendar date"
expect_exit "a date outside the year and the next" 1 L deadline set T1 2026 2030-05-01
expect_err "the error names DATE and the window" "must fall in 2026 or 2027"
expect_exit "an unknown report kind" 1 L deadline set T3 2026 2026-05-01
expect_err "the error names KIND" "KIND 'T3'"
expect_exit "a year that is no year" 1 L deadline set T1 20x6 2026-05-01
expect_err "the error names YEAR" "YEAR '20x6'"
expect_exit "an unknown organisation" 1 L deadline set T2 2026 2026-09-01 --org ingen-alls --level unit
expect_err "the error names --org" "--org 'ingen-alls'"
expect_exit "an internal deadline without a level" 1 L deadline set T2 2026 2026-09-01 --org $OWN
expect_err "the error names --level" "--level"
expect_exit "a level that is none" 1 L deadline set T2 2026 2026-09-01 --org $OWN --level team
expect_err "the error names the level" "--level 'team'"
expect_exit "an internal deadline after the city's" 1 L deadline set T2 2026 2026-09-20 --org $OWN --level committee
expect_err "it says so" "is after the city's deadline (2026-09-15)"
expect_exit "the committee's internal deadline" 0 L deadline set T2 2026 2026-09-08 --org $OWN --level committee
expect_exit "a unit deadline after the committee's" 1 L deadline set T2 2026 2026-09-10 --org $OWN --level unit
expect_err "it names the committee's" "is after the committee deadline (2026-09-08)"
expect_exit "the unit's deadline before it" 0 L deadline set T2 2026 2026-09-01 --org $OWN --level unit
expect_exit "the city's deadline moved before an internal one" 1 L deadline set T2 2026 2026-09-05
expect_err "it names the organisation" "organisation $OWN has an internal deadline (committee, 2026-09-08)"
expect_eq "refusals change nothing" "$(q "SELECT count(*) FROM deadline")|$(audits)" "4|4"
expect_exit "lup deadline list 2026 --json" 0 L deadline list 2026 --json
expect_eq "the list has the four deadlines in date order" "$(jq -r '[.deadlines[].due] | join(",")' "$TMP/out")" "2026-09-01,2026-09-08,2026-09-15,2027-02-15"
expect_eq "with the Swedish summary" "$(jq -r '.deadlines[2].summary' "$TMP/out")" "Tertialrapport 2 2026: sista dag för stadsledningskontoret"
expect_exit "lup deadline list (text)" 0 L deadline list --org $OWN
expect_out "the text list names the organisation" "$OWN"
expect_exit "delete the unit's deadline" 0 L deadline delete T2 2026 --org $OWN --level unit
expect_exit "deleting it again" 1 L deadline delete T2 2026 --org $OWN --level unit
expect_err "says there is none" "there is no"
expect_eq "set, delete: every write audited" "$(q "SELECT group_concat(action, ',') FROM audit WHERE entity = 'deadline'")" "insert,insert,insert,insert,delete"

# --- the API: the six roles ------------------------------------------------------------------------------
serve "$DB"
A=/api/v1/deadlines
req "anyone reads the deadlines" 200 GET "$A?year=2026"
expect_eq "the year's deadlines (every organisation's)" "$(jb '.deadlines | length')" 3
req "an organisation's deadlines" 200 GET "/api/v1/organisations/$OWN/deadlines?year=2026"
expect_eq "the city's and its own" "$(jb '[.deadlines[] | .level] | join(",")')" "committee,city,city"
req "?year= that is no year" 400 GET "$A?year=abc"
BODY='{"due":"2026-05-20"}'
req "anonymous: no PUT of the city's deadline" 401 PUT $A/2026/T1 "$BODY"
req "a reader: no PUT" 403 PUT $A/2026/T1 "$BODY" "$T_reader"
req "the organisation's editor: no PUT of the city's deadline" 403 PUT $A/2026/T1 "$BODY" "$T_own"
req "another organisation's editor: no PUT" 403 PUT $A/2026/T1 "$BODY" "$T_other"
req "the city office sets it" 200 PUT $A/2026/T1 "$BODY" "$T_city"
expect_eq "the answer is the deadline" "$(jb '.due + " " + .report + " " + .level')" "2026-05-20 T1 city"
req "an administrator changes it" 200 PUT $A/2026/T1 '{"due":"2026-05-22"}' "$T_admin"
req "a date that does not exist: 422" 422 PUT $A/2026/T1 '{"due":"2026-02-30"}' "$T_city"
expect_eq "naming the field" "$(jb '.error.fields[0].field')" due
req "no due: 422" 422 PUT $A/2026/T1 '{}' "$T_city"
req "a kind that is none: 404" 404 PUT $A/2026/T7 "$BODY" "$T_city"
O=/api/v1/organisations/$OWN/deadlines/2026/T1
req "anonymous: no PUT of an internal deadline" 401 PUT $O/committee '{"due":"2026-05-10"}'
req "a reader of the organisation: 403" 403 PUT $O/committee '{"due":"2026-05-10"}' "$T_reader"
req "another organisation's editor: 403" 403 PUT $O/committee '{"due":"2026-05-10"}' "$T_other"
req "the organisation's own editor sets it" 200 PUT $O/committee '{"due":"2026-05-10"}' "$T_own"
req "the city office too" 200 PUT $O/administration '{"due":"2026-05-05"}' "$T_city"
req "an administrator too" 200 PUT $O/unit '{"due":"2026-05-01"}' "$T_admin"
req "an internal deadline after the city's: 422" 422 PUT $O/committee '{"due":"2026-05-25"}' "$T_own"
expect_eq "why" "$(jb '.error.fields[0].message')" "is after the city's deadline (2026-05-22)"
req "a level that is none: 404" 404 PUT $O/team '{"due":"2026-05-10"}' "$T_own"
req "an unknown organisation: 404" 404 PUT /api/v1/organisations/ingen/deadlines/2026/T1/unit '{"due":"2026-05-10"}' "$T_admin"
req "another organisation's editor: no DELETE" 403 DELETE $O/unit "" "$T_other"
req "the own editor deletes" 204 DELETE $O/unit "" "$T_own"
req "deleting it again: 404" 404 DELETE $O/unit "" "$T_own"
req "the organisation's editor: no DELETE of the city's" 403 DELETE $A/2026/FY "" "$T_own"
req "anonymous: no DELETE" 401 DELETE $A/2026/FY ""
expect_eq "API writes are audited with the user" "$(q "SELECT count(*) FROM audit WHERE entity = 'deadline' AND user_id IS NOT NULL")" 6

# --- the iCalendar feed -----------------------------------------------------------------------------------
req "the feed" 200 GET "/api/v1/organisations/$OWN/deadlines.ics"
grep -qi '^Content-Type: text/calendar; charset=utf-8' "$TMP/headers" && ok "is text/calendar" || nok "Content-Type: $(grep -i content-type "$TMP/headers")"
cp "$TMP/body" "$TMP/cal1.ics"
N=$(q "SELECT count(*) FROM deadline WHERE org_id IS NULL OR org_id = (SELECT id FROM organisation WHERE key = '$OWN')")
expect_eq "one VEVENT per deadline that applies" "$(grep -c '^BEGIN:VEVENT' "$TMP/body")" "$N"
expect_eq "the calendar's frame" "$(head -1 "$TMP/body" | tr -d '\r')|$(tail -1 "$TMP/body" | tr -d '\r')" "BEGIN:VCALENDAR|END:VCALENDAR"
[ "$(grep -c . "$TMP/body")" = "$(grep -c "$(printf '\r')\$" "$TMP/body")" ] && ok "every line ends in CRLF" || nok "lines without CRLF"
awk '{ if (length($0) > 76) bad = 1 } END { exit bad }' "$TMP/body" && ok "no line is longer than 75 octets" || nok "a line over 75 octets"
# unfolded (RFC 5545 3.1): CRLF + one space or tab is removed
tr -d '\r' < "$TMP/body" | awk 'NR > 1 && /^[ \t]/ { line = line substr($0, 2); next } { if (NR > 1) print line; line = $0 } END { print line }' > "$TMP/unfolded"
grep -qx 'SUMMARY:Tertialrapport 1 2026: sista dag för stadsledningskontoret' "$TMP/unfolded" && ok "a Swedish SUMMARY" || nok "SUMMARY: $(grep SUMMARY "$TMP/unfolded" | head -2)"
grep -qx 'SUMMARY:Tertialrapport 1 2026: sista dag för nämnden (Spånga-Tensta stadsdelsnämnd)' "$TMP/unfolded" && ok "the internal deadline names the level and the organisation" || nok "internal SUMMARY"
ID=$(q "SELECT id FROM deadline WHERE level = 'city' AND kind = 'T1'")
grep -qx "UID:deadline-$ID@lup" "$TMP/unfolded" && ok "the UID is deadline-<id>@lup" || nok "UID"
grep -qx 'DTSTART;VALUE=DATE:20260522' "$TMP/unfolded" && grep -qx 'DTEND;VALUE=DATE:20260523' "$TMP/unfolded" && ok "an all-day event on the day" || nok "DTSTART/DTEND"
expect_eq "DTSTAMP, a VALARM three days before, in every event" "$(grep -c '^DTSTAMP:[0-9]\{8\}T[0-9]\{6\}Z$' "$TMP/unfolded"),$(grep -c '^TRIGGER:-P3D$' "$TMP/unfolded")" "$N,$N"
req "the page's feed address" 200 GET "/organisation/$OWN/arshjul.ics"
cmp -s "$TMP/body" "$TMP/cal1.ics" && ok "is the same calendar (stable: same UIDs, same DTSTAMP)" || nok "the two feeds differ"
req "an unknown organisation's feed: 404" 404 GET "/api/v1/organisations/ingen/deadlines.ics"

# --- the Årshjul page ---------------------------------------------------------------------------------------
page "anyone sees the Årshjul" 200 GET "/arshjul?ar=2026&organisation=$OWN" -
has "the city's T2 deadline in Swedish" "15 september 2026"
has "the internal deadline" "8 september 2026"
has "the calendar link" "/organisation/$OWN/arshjul.ics"
hasnt "no form for anonymous visitors" 'method="post" action="/arshjul'
valid "tidy finds nothing on the page"
page "the follow-up page links the Årshjul" 200 GET /uppfoljning -
has "the link" 'href="/arshjul"'
login cj city citypassword1
page "the city office's Årshjul" 200 GET "/arshjul?ar=2026" cj
has "the city's form" 'method="post" action="/arshjul"'
valid "tidy finds nothing on the city's page"
C=$(csrf cj)
page "the city sets the T2 deadline in the form" 303 POST /arshjul cj --data-urlencode "csrf=$C" --data-urlencode ar=2026 \
	--data-urlencode T1=2026-05-22 --data-urlencode T2=2026-09-16 --data-urlencode FY=2027-02-15
expect_eq "stored" "$(q "SELECT due FROM deadline WHERE level = 'city' AND kind = 'T2' AND year = 2026")" 2026-09-16
page "a date before an internal deadline is refused at the field" 422 POST /arshjul cj --data-urlencode "csrf=$C" --data-urlencode ar=2026 \
	--data-urlencode T1=2026-05-22 --data-urlencode T2=2026-09-01 --data-urlencode FY=2027-02-15
has "the Swedish message" "Spånga-Tensta stadsdelsnämnd har en intern tidsfrist för nämnden den 8 september 2026"
has "at the field" 'id="f-T2-fel"'
valid "tidy finds nothing on the refused form"
page "a refused field keeps the form's other changes out too" 422 POST /arshjul cj --data-urlencode "csrf=$C" --data-urlencode ar=2026 \
	--data-urlencode T1=2026-05-20 --data-urlencode T2=2026-09-01 --data-urlencode FY=2027-02-15
expect_eq "T1 is as it was (one transaction)" "$(q "SELECT due FROM deadline WHERE level = 'city' AND kind = 'T1' AND year = 2026")" 2026-05-22
page "without the CSRF token: 403" 403 POST /arshjul cj --data-urlencode ar=2026 --data-urlencode T2=2026-09-17
expect_eq "nothing changed" "$(q "SELECT due FROM deadline WHERE level = 'city' AND kind = 'T2' AND year = 2026")" 2026-09-16
login oj own editorpassword1
page "the editor's Årshjul shows its own organisation" 200 GET "/arshjul?ar=2026" oj
has "the city's deadline" "16 september 2026"
has "its internal form" "action=\"/arshjul/organisation/$OWN\""
hasnt "no city form for an editor" 'method="post" action="/arshjul"'
C=$(csrf oj)
page "the editor sets the unit's deadline" 303 POST "/arshjul/organisation/$OWN" oj --data-urlencode "csrf=$C" --data-urlencode ar=2026 \
	--data-urlencode T2-unit=2026-09-02 --data-urlencode T2-committee=2026-09-08
expect_eq "stored" "$(q "SELECT due FROM deadline WHERE level = 'unit' AND kind = 'T2'")" 2026-09-02
page "an editor: no POST of the city's form" 403 POST /arshjul oj --data-urlencode "csrf=$C" --data-urlencode ar=2026 --data-urlencode T2=2026-09-20
login xj other editorpassword2
C=$(csrf xj)
page "another organisation's editor: 403" 403 POST "/arshjul/organisation/$OWN" xj --data-urlencode "csrf=$C" --data-urlencode ar=2026 \
	--data-urlencode T2-unit=2026-09-03
login rj reader readerpassword1
C=$(csrf rj)
page "a reader: 403" 403 POST "/arshjul/organisation/$OWN" rj --data-urlencode "csrf=$C" --data-urlencode ar=2026 --data-urlencode T2-unit=2026-09-03
expect_eq "the refused posts changed nothing" "$(q "SELECT due FROM deadline WHERE level = 'unit' AND kind = 'T2'")" 2026-09-02
page "anonymous: no POST" 401 POST "/arshjul/organisation/$OWN" - --data-urlencode ar=2026 --data-urlencode T2-unit=2026-09-03

# --- lup remind -----------------------------------------------------------------------------------------------
# Socialförvaltningen has a draft T2 2026 report (so it reports that period); Spånga-Tensta owns
# nämndmål (of 2022) and has no report.
q "INSERT INTO period (year, kind, first_day, last_day) VALUES (2026, 'T2', '2026-01-01', '2026-08-31') ON CONFLICT DO NOTHING"
q "INSERT INTO report (org_id, period_id, status) SELECT o.id, p.id, 'draft' FROM organisation o, period p WHERE o.key = 'socialforvaltningen' AND p.year = 2026 AND p.kind = 'T2'"
expect_exit "lup remind --date (nothing near)" 0 L remind --date 2026-01-10
expect_out "says nothing is due" "nothing due on 2026-01-10 within 14 days"
expect_exit "lup remind on the day after the city's T2 deadline" 0 L remind --date 2026-09-17
expect_out "names the overdue organisation" "$OWN"
expect_out "and how late" "overdue by 1 day"
expect_out "the draft's organisation too" "socialforvaltningen"
expect_exit "lup remind --json" 0 L remind --date 2026-09-17 --json
expect_eq "the items of the city's T2 deadline" "$(jq -r --arg o $OWN '.organisations[$o].items[] | select(.level == "city" and .kind == "T2") | "\(.due) \(.days_left) \(.overdue) \(.report_status)"' "$TMP/out")" "2026-09-16 -1 true none"
expect_eq "its internal deadlines too" "$(jq -r --arg o $OWN '[.organisations[$o].items[] | select(.kind == "T2") | .level] | join(",")' "$TMP/out")" "unit,committee,city"
expect_eq "a draft is not submitted" "$(jq -r '.organisations.socialforvaltningen.items[0].report_status' "$TMP/out")" "draft"
LUP_TODAY=2026-09-10 L remind --json >"$TMP/out" 2>"$TMP/err"
expect_eq "LUP_TODAY is the default date; --days 14 by default" "$(jq -r '"\(.date) \(.days)"' "$TMP/out")" "2026-09-10 14"
L remind --date 2026-09-01 --days 3 --json >"$TMP/out"
expect_eq "--days bounds the window" "$(jq -r '[.organisations[]?.items[] | .due] | join(",")' "$TMP/out")" "2026-05-05,2026-05-10,2026-05-22,2026-09-02"
expect_exit "--days that is no number" 1 L remind --days x
expect_err "names --days" "--days 'x'"
expect_exit "--date that is no date" 1 L remind --date 2026-13-01
expect_err "names --date" "--date '2026-13-01'"

# mail: the committee's editor and the administration's (its pair) have addresses; Socialförvaltningen
# submits its report and gets nothing.
L user email own own@example.org >/dev/null && L user email adm adm@example.org >/dev/null && ok "lup user email" || nok "lup user email"
expect_eq "stored" "$(q "SELECT email FROM app_user WHERE name = 'own'"),$(q "SELECT email FROM app_user WHERE name = 'adm'")" "own@example.org,adm@example.org"
expect_exit "an address that is none" 1 L user email own "not an address"
expect_err "names ADDRESS" "ADDRESS 'not an address'"
q "UPDATE report SET status = 'submitted' WHERE org_id = (SELECT id FROM organisation WHERE key = 'socialforvaltningen')"
cat > "$TMP/sendmail" <<EOS
#!/bin/sh
cat >> "$TMP/mail.log"
echo "----- end of mail" >> "$TMP/mail.log"
EOS
chmod +x "$TMP/sendmail"
LUP_SENDMAIL="$TMP/sendmail" LUP_MAIL_FROM="Uppföljning <lup@stockholm.example>" L remind --mail --date 2026-09-17 >"$TMP/out" 2>"$TMP/err"
expect_eq "lup remind --mail exits 0" "$?" 0
expect_eq "one mail: the overdue organisation's" "$(grep -c '^----- end of mail' "$TMP/mail.log")" 1
grep -q '^To: adm@example.org, own@example.org$' "$TMP/mail.log" && ok "to its editors (and its pair's)" || nok "To: $(grep '^To:' "$TMP/mail.log")"
grep -q '^From: Uppföljning <lup@stockholm.example>$' "$TMP/mail.log" && ok "from LUP_MAIL_FROM" || nok "From"
grep -q '^Content-Type: text/plain; charset=utf-8$' "$TMP/mail.log" && ok "plain UTF-8 text" || nok "Content-Type"
SUBJ=$(sed -n '/^Subject:/,/^[^ S]/p' "$TMP/mail.log" | sed '$d' | sed 's/^Subject: //; s/^ //' | sed 's/=?UTF-8?B?\(.*\)?=/\1/' | while read -r w; do printf '%s' "$w" | base64 -d; done)
expect_eq "an RFC 2047 subject in Swedish" "$SUBJ" "Påminnelse från lup: rapporter att lämna in (Spånga-Tensta stadsdelsnämnd)"
grep -q 'Tertialrapport 2 2026: sista dag för stadsledningskontoret var 16 september 2026, för 1 dag sedan' "$TMP/mail.log" \
	&& ok "the mail names the report and the date" || nok "the mail's body: $(sed -n '/^Hej/,$p' "$TMP/mail.log" | head -8)"
grep -q 'socialforvaltningen\|Socialförvaltningen' "$TMP/mail.log" && nok "the organisation that submitted got mail" || ok "the organisation that submitted gets nothing"
grep -q "remind: $OWN: mailed adm@example.org, own@example.org" "$TMP/err" && ok "stderr says who was mailed" || nok "stderr: $(cat "$TMP/err")"
q "UPDATE app_user SET email = NULL WHERE name = 'adm'"
q "INSERT INTO report (org_id, period_id, status) SELECT o.id, p.id, 'returned' FROM organisation o, period p WHERE o.key = '$OWN' AND p.year = 2026 AND p.kind = 'T2'"
rm -f "$TMP/mail.log"
LUP_SENDMAIL="$TMP/sendmail" L remind --mail --date 2026-09-17 >"$TMP/out" 2>"$TMP/err"
grep -q "editor adm has no e-mail address" "$TMP/err" && ok "an editor without an address is named" || nok "stderr: $(cat "$TMP/err")"
grep -q '^To: own@example.org$' "$TMP/mail.log" && ok "the others still get the mail" || nok "To: $(grep '^To:' "$TMP/mail.log")"
grep -q 'Rapporten har returnerats och ska skickas in igen' "$TMP/mail.log" && ok "a returned report is due again" || nok "returned"
printf '#!/bin/sh\ncat >/dev/null\nexit 3\n' > "$TMP/badmail"; chmod +x "$TMP/badmail"
expect_exit "a failing sendmail: exit 1" 1 env LUP_SENDMAIL="$TMP/badmail" "$LUP" --db "$DB" remind --mail --date 2026-09-17
expect_err "naming the command and its status" "the sendmail command '$TMP/badmail' failed (exit status 3)"
q "UPDATE report SET status = 'approved' WHERE org_id = (SELECT id FROM organisation WHERE key = '$OWN')"
LUP_SENDMAIL="$TMP/sendmail" L remind --date 2026-09-17 --json >"$TMP/out"
expect_eq "once approved, T2 is no longer due (T1 still is)" "$(jq -r --arg o $OWN '[.organisations[$o].items[] | .kind] | unique | join(",")' "$TMP/out")" "T1"
rm -f "$TMP/mail.log"
expect_exit "nothing due: exit 0" 0 env LUP_SENDMAIL="$TMP/sendmail" "$LUP" --db "$DB" remind --mail --date 2026-01-10
[ ! -e "$TMP/mail.log" ] && ok "and no mail" || nok "a mail was sent with nothing due"
finish
