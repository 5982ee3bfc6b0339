#!/bin/sh
# t6210: the annual wheel when two organisations record the same committee as their pair (a
# second administration or a unit added later): `lup remind` still names the committee's report
# and `lup remind --mail` mails the committee's editors and its pair's, the lowest-numbered
# organisation recording it (SQLite's scalar subquery takes the first row; PostgreSQL refuses a
# scalar subquery of two rows, so its text says which one: sql-pg-wheel.c WH_ORG_AND_PAIR); and
# `lup user email` sets, keeps and clears an address (NULL-safe comparison on both backends).
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
OWN=spanga-tensta-stadsdelsnamnd
ADM=spanga-tensta-stadsdelsforvaltning
q "INSERT INTO organisation (key, name, kind, pair_id) SELECT 'spanga-tensta-extra', 'Extra enhet', 'unit', id FROM organisation WHERE key = '$OWN'"
expect_eq "two organisations record the committee as their pair" \
	"$(q "SELECT count(*) FROM organisation WHERE pair_id = (SELECT id FROM organisation WHERE key = '$OWN')")" 2
expect_eq "the administration is the lower-numbered one" \
	"$(q "SELECT key FROM organisation WHERE pair_id = (SELECT id FROM organisation WHERE key = '$OWN') ORDER BY id LIMIT 1")" "$ADM"
printf 'editorpassword1\n' | L user add own --role editor --org $OWN >/dev/null
printf 'editorpassword2\n' | L user add adm --role editor --org $ADM >/dev/null
printf 'editorpassword3\n' | L user add extra --role editor --org spanga-tensta-extra >/dev/null

# lup user email: set, the same again, cleared with - (NULL compares as a value)
expect_exit "lup user email" 0 L user email own own@example.org
expect_exit "the same address again" 0 L user email own own@example.org
expect_eq "stored" "$(q "SELECT email FROM app_user WHERE name = 'own'")" "own@example.org"
L user email adm adm@example.org >/dev/null && L user email extra extra@example.org >/dev/null \
	&& ok "the pair's editors have addresses" || nok "lup user email adm, extra"

expect_exit "the city's T2 deadline" 0 L deadline set T2 2026 2026-09-15
expect_exit "lup remind with the committee paired twice" 0 L remind --date 2026-09-17 --json
expect_eq "the committee's T2 report is overdue, none written" \
	"$(jq -r --arg o $OWN '.organisations[$o].items[] | select(.kind == "T2") | "\(.due) \(.overdue) \(.report_status)"' "$TMP/out")" \
	"2026-09-15 true none"

# a report of the committee's pair counts for the committee
q "INSERT INTO period (year, kind, first_day, last_day) VALUES (2026, 'T2', '2026-01-01', '2026-08-31') ON CONFLICT DO NOTHING"
q "INSERT INTO report (org_id, period_id, status) SELECT o.id, p.id, 'submitted' FROM organisation o, period p WHERE o.key = '$ADM' AND p.year = 2026 AND p.kind = 'T2'"
expect_exit "lup remind after the administration submitted" 0 L remind --date 2026-09-17 --json
expect_eq "the pair submitted: nothing of T2 is due for the committee" \
	"$(jq -r --arg o $OWN '[.organisations[$o]?.items[]? | select(.kind == "T2") | .report_status] | join(",")' "$TMP/out")" ""
q "UPDATE report SET status = 'returned' WHERE org_id = (SELECT id FROM organisation WHERE key = '$ADM')"

cat > "$TMP/sendmail" <<EOS
#!/bin/sh
cat >> "$TMP/mail.log"
echo "----- end of mail" >> "$TMP/mail.log"
EOS
chmod +x "$TMP/sendmail"
LUP_SENDMAIL="$TMP/sendmail" L remind --mail --date 2026-09-17 >"$TMP/out" 2>"$TMP/err"
expect_eq "lup remind --mail exits 0" "$?" 0
# two mails (the committee's nämndmål, the administration's returned report), each to the
# committee's and the administration's editors; the unit that also records the committee as its
# pair is not the committee's pair
expect_eq "the mails go to the committee's editors and its pair's" \
	"$(grep '^To:' "$TMP/mail.log" | sort | uniq -c | sed 's/^ *//')" "2 To: adm@example.org, own@example.org"
grep -q 'Rapporten har returnerats och ska skickas in igen' "$TMP/mail.log" \
	&& ok "the pair's returned report is due again" || nok "the mail's body: $(sed -n '/^Hej/,$p' "$TMP/mail.log" | head -8)"

expect_exit "lup user email NAME - clears it" 0 L user email own -
expect_eq "cleared" "$(q "SELECT coalesce(email, 'none') FROM app_user WHERE name = 'own'")" "none"
finish
