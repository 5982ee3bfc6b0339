#!/bin/sh
# t1200: `lup import commission` reads seed 002 (the administrations' responses to the measures
# of the Commission for a socially sustainable Stockholm): counts checked by hand, facts, an
# idempotent second import, a dry run that writes nothing, damaged and hostile inputs.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
SEED="$SEEDS/002_e3f287d953d70608.txt"
# dump NAME: the database as SQL, without the audit log (it records when and from which path)
dump() { sqlite3 "$DB" .dump | grep -v -e '^INSERT INTO audit' -e '^INSERT INTO schema_migration' > "$TMP/$1"; }
unchanged() { dump after; cmp -s "$TMP/before" "$TMP/after" && ok "$1: nothing written" || nok "$1: the database changed"; }
fresh() { db_remove "$DB"; L init >/dev/null && L demo "$ROOT/data/stockholm" >/dev/null; }
json() { jq -r "$1" "$TMP/out"; }
# counts: the five JSON counts of the last import, in key order
counts() { jq -r '[.administrations, .reports, .recommendations, .measures, .responses] | map(tostring) | join(" ")' "$TMP/out"; }
R_SKOLA=en-skola-dar-alla-ska-lyckas
R_DELAD=fran-delad-till-enad-stad-oversiktsplanering-for-social-hallbarhet
R_SAMVERKAN=stad-i-samverkan-stockholms-stad-och-civilsamhallet
R_KUNSKAP=allas-ratt-till-kunskap-kortutbildade-i-vuxenutbildningen

fresh
dump before
expect_exit "a dry run of seed 002" 0 L import commission "$SEED" --dry-run --json
expect_eq "the dry run says so" "$(json .dry_run)" true
unchanged "dry run"

expect_exit "import seed 002" 0 L import commission "$SEED" --json
expect_eq "the JSON count keys, in order" "$(jq -c 'keys_unsorted[0:5]' "$TMP/out")" \
	'["administrations","reports","recommendations","measures","responses"]'
# Counted by hand in the seed:
# - administrations 31 = 17 under "Fackförvaltningar" (line 1) + 14 under "Stadsdelsförvaltningar"
#   (line 1208). The 17: grep -n -E '^ ?[A-ZÅÄÖ][a-zåäö]+(förvaltningen|kontoret|arkivet|nämnden) ?$'
#   (Arbetsmarknads-, Exploaterings-, Fastighets-, Idrott-, Kultur-, Kyrkogårds-, Miljö-,
#   Revisions-, Service-, Social-, Stadsarkivet, Stadsbyggnads-, Trafik-, Utbildnings-, Valnämnden,
#   Äldre-, Överförmyndar-); the 14 districts are the bare names from Bromma to Östermalm.
# - reports 4: Allas rätt till kunskap (1.1-6.1), En skola där alla ska lyckas (6.2.1-6.6.2),
#   Från delad till enad stad (6.1.1-6.3.2), Stad i samverkan (4.1.1-4.5.2).
# - recommendations 14: "1." to "6." of Allas rätt (lines 21-372: 6), 6.2 6.3 6.4 6.5 6.6 of En
#   skola (Arbetsmarknads- and Utbildningsförvaltningen, Exploateringskontoret: 5 distinct), 6.1
#   6.2 6.3 of Från delad (Exploateringskontoret: 3). Södermalm's "1. Stad i samverkan ..." (line
#   1947-1953) lists reports, not recommendations.
# - measures 48: Allas rätt 15 (grep -c -E '^ ?[0-9]\.[0-9] Åtgärd:' = 15), En skola 16 (the 16
#   "6.x.y Åtgärd:" of Utbildningsförvaltningen, lines 1028-1187; the others repeat them), Från
#   delad 6 (6.1.1 6.1.2 6.1.3 6.2.1 6.3.1 of Exploateringskontoret, 6.3.2 of
#   Stadsbyggnadskontoret), Stad i samverkan 11 (4.1.1 4.1.2 4.2.1 4.2.2 4.3.1 4.3.2 4.4.1 4.4.2
#   4.4.3 4.5.1 4.5.2 of Idrott-, Kulturförvaltningen, Skärholmen and Östermalm).
# - responses 118 = per administration, measures under its own headings plus measures its
#   running text cites ("(4.1.1)", "åtgärd 6.2.1"): see the list below.
expect_eq "the counts of seed 002" "$(counts)" "31 4 14 48 118"
expect_eq "no warnings" "$(json '.warnings | length')" 0

expect_eq "17 specialist and 14 district administrations" \
	"$(Q "SELECT group_concat(n, ' ') FROM (SELECT count(*) AS n FROM commission_admin GROUP BY grp ORDER BY grp DESC) AS sq1")" "17 14"
expect_eq "every administration is an organisation of the dataset" \
	"$(Q "SELECT count(*) FROM commission_admin a JOIN organisation o ON o.id = a.org_id WHERE o.kind IN ('specialist_admin', 'specialist_committee', 'district_admin')")" 31
expect_eq "no organisation was created" "$(Q "SELECT count(*) FROM organisation WHERE source = '002_e3f287d953d70608.txt'")" 0
expect_eq "the district headings resolve to the district administrations" \
	"$(Q "SELECT o.key FROM commission_admin a JOIN organisation o ON o.id = a.org_id WHERE a.heading = 'Skarpnäck'")" \
	skarpnack-stadsdelsforvaltning
# "Skrivning saknas" x5 (Fastighets-, Kyrkogårds-, Revisions-, Service-, Socialförvaltningen) and
# "Skrivelse saknas" x5 (Valnämnden, Äldre-, Överförmyndarförvaltningen, Kungsholmen,
# Spånga-Tensta): grep -c -E '^ ?(Skrivelse|Skrivning) saknas' = 10
expect_eq "the seed has 10 no-response lines" "$(grep -c -E '^ ?(Skrivelse|Skrivning) saknas' "$SEED")" 10
expect_eq "10 administrations sent no response" "$(Q "SELECT count(*) FROM commission_admin WHERE no_response = 1")" 10
expect_eq "Spånga-Tensta's marker as written" \
	"$(Q "SELECT marker FROM commission_admin WHERE heading = 'Spånga-Tensta'")" "Skrivelse saknas."

expect_eq "measures per report" \
	"$(Q "SELECT group_concat(n, ' ') FROM (SELECT count(*) AS n FROM commission_measure m JOIN commission_report r ON r.id = m.report_id GROUP BY r.key ORDER BY r.key) AS sq2")" \
	"15 16 6 11"
expect_eq "recommendations per report" \
	"$(Q "SELECT group_concat(r.key || '=' || n, ' ') FROM (SELECT report_id, count(*) AS n FROM recommendation GROUP BY report_id) x JOIN commission_report r ON r.id = x.report_id")" \
	"$R_KUNSKAP=6 $R_SKOLA=5 $R_DELAD=3"
# Responses by hand: Arbetsmarknadsförvaltningen 15 (Allas rätt) + 4 (6.3.3 6.5.1 6.5.2 6.5.3);
# Exploateringskontoret 5 + 1 (6.2.1 of En skola); Idrottförvaltningen 3; Kulturförvaltningen 1;
# Stadsbyggnadskontoret 6; Trafikkontoret 4 (cited: 6.1.1 6.3.1 6.1.2 6.3.2);
# Utbildningsförvaltningen 16; Hägersten-Liljeholmen 10 (cited: 4.1.1 4.5.1 4.1.2 4.2.1 4.2.2
# 4.3.2 4.5.2 6.2.1 6.4.2 6.4.4); Hässelby-Vällingby 12 (cited: 4.1.1 4.1.2 4.2.1 4.2.2 4.3.1
# 4.3.2 4.4.1 4.5.1 6.4.4 6.5.1 6.5.3 6.2.1); Norrmalm 7 (4.1.1 4.2.1 4.2.2 4.3.1 4.3.2 6.2.1
# 6.4.2); Skärholmen 17 (headings 1670-1929, "4.3.1 / 4.3.2" counts two); Södermalm 9 (4.1.1
# 4.2.1 4.2.2 4.3.1 4.3.2 4.5.1 6.4.2 6.4.4 6.2.1); Östermalm 8 (the eight headings 2084-2102
# share the one Kommentar). The others write no measure number: 0.
expect_eq "responses per administration" \
	"$(Q "SELECT group_concat(heading || '=' || n, ' ') FROM (SELECT a.heading, a.ord, count(r.id) AS n FROM commission_admin a LEFT JOIN response r ON r.org_id = a.org_id GROUP BY a.org_id ORDER BY a.ord) AS sq3")" \
	"Arbetsmarknadsförvaltningen=19 Exploateringskontoret=6 Fastighetskontoret=0 Idrottförvaltningen=3 Kulturförvaltningen=1 Kyrkogårdsförvaltningen=0 Miljöförvaltningen=0 Revisionskontoret=0 Serviceförvaltningen=0 Socialförvaltningen=0 Stadsarkivet=0 Stadsbyggnadskontoret=6 Trafikkontoret=4 Utbildningsförvaltningen=16 Valnämnden=0 Äldreförvaltningen=0 Överförmyndarförvaltningen=0 Bromma=0 Enskede-Årsta-Vantör=0 Farsta=0 Hägersten-Liljeholmen=10 Hässelby-Vällingby=12 Kungsholmen=0 Norrmalm=7 Rinkeby-Kista=0 Skarpnäck=0 Skärholmen=17 Spånga-Tensta=0 Södermalm=9 Älvsjö=0 Östermalm=8"

# a measure keyed by (report, number): 6.2.1 is a different measure in two reports
expect_eq "6.2.1 in two reports" \
	"$(Q "SELECT group_concat(k || ': ' || t, ' | ') FROM (SELECT r.key AS k, m.text AS t FROM commission_measure m JOIN commission_report r ON r.id = m.report_id WHERE m.number = '6.2.1' ORDER BY r.key) AS sq4")" \
	"$R_SKOLA: Analysera grundskolans/gymnasieskolans placering, utformning och inriktning i samband med utbyggnaden av nya skollokaler med syfte att motverka ökad segregering | $R_DELAD: Samordna områdesplaneringen med lokala utvecklingsprogram"
expect_eq "Stadsbyggnadskontoret's 6.2.1 (no report heading) is Från delad's" \
	"$(Q "SELECT r.key FROM response x JOIN commission_admin a ON a.org_id = x.org_id JOIN commission_measure m ON m.id = x.measure_id JOIN commission_report r ON r.id = m.report_id WHERE a.heading = 'Stadsbyggnadskontoret' AND m.number = '6.2.1'")" \
	"$R_DELAD"
# a title alias: Hässelby-Vällingby's "Delrapport - En skola där alla lyckas" (line 1493)
expect_eq "a spelling resolves to its report" \
	"$(Q "SELECT r.key FROM commission_report_alias a JOIN commission_report r ON r.id = a.report_id WHERE a.alias = 'En skola där alla lyckas'")" \
	"$R_SKOLA"
expect_eq "Älvsjö's 'En stad i samverkan' is Stad i samverkan" \
	"$(Q "SELECT r.key FROM commission_report_alias a JOIN commission_report r ON r.id = a.report_id WHERE a.alias LIKE 'En stad i samverkan%'")" \
	"$R_SAMVERKAN"
# 19 spellings (headings and quoted titles, with the canonical titles): Allas rätt 5 (lines 10,
# 17, 1656, 2021 and the canonical), En skola 6 (10, 394, 698 = canonical, 1020, 1493, 1668),
# Från delad 3 (552, 1551 = canonical, 2025), Stad i samverkan 5 (739 = canonical, 792, 1527,
# 1668, 2042)
expect_eq "the spellings per report" \
	"$(Q "SELECT group_concat(n, ' ') FROM (SELECT count(*) AS n FROM commission_report_alias a JOIN commission_report r ON r.id = a.report_id GROUP BY r.key ORDER BY r.key) AS sq5")" \
	"5 6 3 5"
expect_eq "each spelling names one report" \
	"$(Q "SELECT count(*) FROM (SELECT alias FROM commission_report_alias GROUP BY alias HAVING count(*) > 1) AS sq6")" 0
# stances with the phrase that decided them
stance() { Q "SELECT x.stance || ': ' || coalesce(x.stance_phrase, '') FROM response x JOIN commission_admin a ON a.org_id = x.org_id JOIN commission_measure m ON m.id = x.measure_id JOIN commission_report r ON r.id = m.report_id WHERE a.heading = '$1' AND r.key = '$2' AND m.number = '$3'"; }
expect_eq "a reservation outweighs agreement (2.4, line 250)" "$(stance Arbetsmarknadsförvaltningen $R_KUNSKAP 2.4)" \
	"hesitant: ställer sig dock tveksam"
expect_eq "agreement (1.1, line 35)" "$(stance Arbetsmarknadsförvaltningen $R_KUNSKAP 1.1)" "agree: delar kommissionens bedömning"
expect_eq "a positive answer in running text (Norrmalm 4.2.1)" "$(stance Norrmalm $R_SAMVERKAN 4.2.1)" "positive: ställer sig positiv"
expect_eq "no stance taken (Utbildningsförvaltningen 6.4.1)" "$(stance Utbildningsförvaltningen $R_SKOLA 6.4.1)" "none: "
# labelled parts
part() { Q "SELECT p.text FROM response_part p JOIN response x ON x.id = p.response_id JOIN commission_admin a ON a.org_id = x.org_id JOIN commission_measure m ON m.id = x.measure_id JOIN commission_report r ON r.id = m.report_id WHERE a.heading = '$1' AND r.key = '$2' AND m.number = '$3' AND p.label = '$4'"; }
expect_eq "a Hantering part (line 1108)" "$(part Utbildningsförvaltningen $R_SKOLA 6.4.1 Hantering)" \
	"Förvaltningen ska genomföra en översyn av nyanländapengen under år 2016."
expect_eq "an Ansvarig part in the middle of a line (line 506)" "$(part Arbetsmarknadsförvaltningen $R_SKOLA 6.5.3 Ansvarig)" \
	"Stadsdelsnämnderna i samverkan med arbetsmarknadsnämnden, kulturnämnden och utbildningsnämnden."
expect_eq "the labels of a response in order" \
	"$(Q "SELECT group_concat(label, ',') FROM (SELECT p.label FROM response_part p JOIN response x ON x.id = p.response_id JOIN commission_admin a ON a.org_id = x.org_id JOIN commission_measure m ON m.id = x.measure_id JOIN commission_report r ON r.id = m.report_id WHERE a.heading = 'Exploateringskontoret' AND r.key = '$R_DELAD' AND m.number = '6.1.1' ORDER BY p.ord) AS sq7")" \
	"Beskrivning,Ansvarig,Svar"
expect_eq "Östermalm's one Kommentar answers its eight measures" \
	"$(Q "SELECT count(DISTINCT p.text) || ' ' || count(*) FROM response_part p JOIN response x ON x.id = p.response_id JOIN commission_admin a ON a.org_id = x.org_id WHERE a.heading = 'Östermalm' AND p.label = 'Kommentar'")" "1 8"
# references to measures inside running text
expect_eq "Kulturförvaltningen's 4.4.2 cites En skola's 6.5.3 (line 810)" \
	"$(Q "SELECT r.key || ' ' || m.number FROM measure_ref f JOIN response x ON x.id = f.response_id JOIN commission_admin a ON a.org_id = x.org_id JOIN commission_measure m ON m.id = f.measure_id JOIN commission_report r ON r.id = m.report_id WHERE a.heading = 'Kulturförvaltningen'")" \
	"$R_SKOLA 6.5.3"
expect_eq "Trafikkontoret answers the four measures its text cites" \
	"$(Q "SELECT group_concat(number, ' ') FROM (SELECT m.number FROM response x JOIN commission_admin a ON a.org_id = x.org_id JOIN commission_measure m ON m.id = x.measure_id WHERE a.heading = 'Trafikkontoret' ORDER BY m.number) AS sq8")" \
	"6.1.1 6.1.2 6.3.1 6.3.2"
expect_eq "a statement outside any measure (Farsta) with its stance" \
	"$(Q "SELECT stance || ': ' || stance_phrase || ' / ' || substr(statement, 1, 23) FROM commission_admin WHERE heading = 'Farsta'")" \
	"hesitant: måste övervägas / Hållbarhetskommissionen"
expect_exit "lup check passes" 0 L check
expect_exit "list recommendations" 0 L list recommendations --json
expect_eq "the 14 recommendations are listed" "$(jq length "$TMP/out")" 14

# the same document again changes nothing
dump before
expect_exit "import seed 002 again" 0 L import commission "$SEED" --json
expect_eq "the second import changes nothing" "$(json .changed)" 0
unchanged "second import"

# differently written copies of the same document (same file name, so the same source)
mkdir -p "$TMP/v"
V="$TMP/v/002_e3f287d953d70608.txt"
sed 's/$/\r/' "$SEED" > "$V"
expect_exit "Windows line endings" 0 L import commission "$V" --json
expect_eq "with CRLF nothing changes" "$(json .changed) $(counts)" "0 31 4 14 48 118"
# a page footer moved into the middle of a sentence (after line 1451, which runs on in
# lowercase on line 1452) and into a comment (after line 51)
awk 'NR == 1452 || NR == 52 { print ""; print " "; print "    17 (44) "; print ""; print " " } { print }' "$SEED" > "$V"
expect_exit "page breaks at other places" 0 L import commission "$V" --json
expect_eq "with moved page breaks nothing changes" "$(json .changed) $(counts)" "0 31 4 14 48 118"
awk '{ print; print "" }' "$SEED" > "$V"
expect_exit "extra blank lines" 0 L import commission "$V" --json
expect_eq "with extra blank lines the counts are the same" "$(counts)" "31 4 14 48 118"
expect_eq "with extra blank lines the responses are the same" \
	"$(Q "SELECT count(*) FROM response")" 118
rm -f "$V"

# truncated, damaged and hostile inputs: each fails naming file:line, or imports what it holds
fresh
dump before
head -n 1055 "$SEED" > "$TMP/trunc.txt"
if L import commission "$TMP/trunc.txt" --json >"$TMP/out" 2>"$TMP/err"; then
	# cut after Utbildningsförvaltningen's 6.2.3 (line 1051) and its Ansvarig part (line 1054,
	# a sentence end: on an empty database nothing shows the cut; t1210 covers cuts that the
	# text or the database reveal): 14 administrations; 4 reports;
	# recommendations 6 + 3 (6.3 6.5 6.2 of En skola) + 3; measures 15 + 7 (6.3.3 6.5.1 6.5.2
	# 6.5.3 6.2.1 6.2.2 6.2.3) + 6 + 4 (4.2.1 4.2.2 4.4.3 4.4.2); responses 19 + 6 + 3 + 1 + 6 +
	# 4 + 3 (Arbetsmarknads-, Exploaterings-, Idrott-, Kultur-, Stadsbyggnads-, Trafik-,
	# Utbildningsförvaltningen)
	expect_eq "a truncated document imports what it holds" "$(counts)" "14 4 12 32 42"
	expect_exit "lup check passes after a truncated document" 0 L check
else
	nok "truncated document: $(cat "$TMP/err")"
fi
fresh
dump before
{ head -n 1000 "$SEED"; printf 'Utbildningsf\303'; } > "$TMP/cut.txt"
expect_exit "a document cut inside a character" 1 L import commission "$TMP/cut.txt"
expect_err "the broken line is named" "cut.txt:1001: not valid UTF-8"
unchanged "cut inside a character"
head -c 3000 "$LUP" > "$TMP/garbage.txt"
expect_exit "binary garbage" 1 L import commission "$TMP/garbage.txt"
expect_err "garbage is refused with a line" "garbage.txt:"
unchanged "binary garbage"
: > "$TMP/empty.txt"
expect_exit "an empty file" 1 L import commission "$TMP/empty.txt"
expect_err "the empty file is named" "empty.txt: ingen förvaltning hittades"
unchanged "empty file"
printf 'Fackförvaltningar\n\nParkförvaltningen\n\nNämnden har läst rapporterna.\n\n1.1 Åtgärd: Plantera fler träd.\n\nKommentar: Bra.\n' > "$TMP/noreport.txt"
expect_exit "a measure before any report" 1 L import commission "$TMP/noreport.txt"
expect_err "the measure and its line are named" "noreport.txt:7: åtgärd 1.1 före första rapporten"
unchanged "measure before any report"
printf '4.1.1 Åtgärd: Inrätta lotsar.\n\nKommentar: Bra.\n' > "$TMP/noadmin.txt"
expect_exit "a measure before any administration" 1 L import commission "$TMP/noadmin.txt"
expect_err "it says what was expected" "noadmin.txt:1: åtgärd 4.1.1 före första förvaltningen"
unchanged "measure before any administration"
{ cat "$SEED"; printf '\nStadsdelsförvaltningar\n\nBromma\n\nSkrivelse saknas.\n'; } > "$TMP/twice.txt"
expect_exit "an administration listed twice is read as one" 0 L import commission "$TMP/twice.txt" --json
expect_eq "a warning names the repeated heading" "$(json '.warnings[0].message')" "'Bromma' igen (första gången på rad 1210): läses som en förvaltning"

# an administration the database does not know is created, with a warning
fresh
printf 'Fackförvaltningar\n\nHamnförvaltningen\n\nSkrivelse saknas.\n\nStadsdelsförvaltningar\n\nSjöstaden\n\nDelrapport: En skola där alla ska lyckas\n\n6.4.2 Informera om nyanlända\n\nFörvaltningen ställer sig positiv.\n' > "$TMP/new.txt"
expect_exit "unknown administrations" 0 L import commission "$TMP/new.txt" --json
expect_eq "two warnings, with their lines" "$(jq -r '[.warnings[].line] | map(tostring) | join(" ")' "$TMP/out")" "3 9"
expect_eq "a specialist administration is created" \
	"$(Q "SELECT key || ' ' || kind FROM organisation WHERE name = 'Hamnförvaltningen'")" "hamnforvaltningen specialist_admin"
expect_eq "a district's bare name becomes a district administration" \
	"$(Q "SELECT o.key || ' ' || o.kind || ' ' || x.alias FROM organisation o JOIN org_alias x ON x.org_id = o.id WHERE o.name = 'Sjöstaden stadsdelsförvaltning'")" \
	"sjostaden-stadsdelsforvaltning district_admin Sjöstaden"
expect_exit "lup check passes with created administrations" 0 L check
finish
