#!/bin/sh
# t5600: the verksamhetsplan and report documents (docs/documents.md), read back with python-docx
# (Debian's /usr/bin/python3), pdftotext and the web: the VP's headings in the goal chain's order
# (`lup show chain`), every indicator with its årsmål and KF:s årsmål, tables with header rows,
# budget tables from budget_line; `docx plan` of a vp plan is the same document as `docx
# organisation`; two runs identical; an approved T1 report as DOCX and PDF with its assessments;
# a draft report is 404 on the web for anonymous visitors; the organisation page's menu links
# the Word document, served as wordprocessingml; the report page's menu links its documents.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
PY=/usr/bin/python3
ORG=spanga-tensta-stadsdelsnamnd
export LUP_DOCX_TEMPLATE="$ROOT/templates/lup-mall.docx"
DOCX_CT=application/vnd.openxmlformats-officedocument.wordprocessingml.document

L init >/dev/null 2>&1
L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
if ! $PY -c 'import docx' 2>/dev/null; then nok "python3-docx is installed (scripts/deps.sh test)"; finish; fi

# --- the verksamhetsplan ------------------------------------------------------------------------
expect_exit "docx plan of a vp plan makes its document" 0 L export docx plan vp-2022-spanga-tensta -o "$TMP/vp.docx"
expect_exit "docx organisation KEY --year makes it too" 0 L export docx organisation $ORG --year 2022 -o "$TMP/vp2.docx"
cmp -s "$TMP/vp.docx" "$TMP/vp2.docx" && ok "... the same document" || nok "... the same document (they differ)"
L export docx organisation $ORG --year 2022 -o "$TMP/vp3.docx" >/dev/null 2>&1
cmp -s "$TMP/vp2.docx" "$TMP/vp3.docx" && ok "two runs are byte-identical" || nok "two runs are byte-identical"
expect_exit "a year is required" 2 L export docx organisation $ORG -o "$TMP/x.docx"
expect_exit "the goal chain as JSON" 0 L show chain $ORG --year 2022 --json
cp "$TMP/out" "$TMP/chain.json"
L export json plan vp-2022-spanga-tensta -o "$TMP/vp.json" >/dev/null 2>&1 || nok "the plan's JSON"

# check-vp.py DOCX CHAIN ORGNAME: the document against the chain; prints TAP lines
cat >"$TMP/check-vp.py" <<'PY'
import json, sys, docx
path, cpath, orgname, ppath = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
plan = json.load(open(ppath, encoding="utf-8"))
chain = json.load(open(cpath, encoding="utf-8"))
d = docx.Document(path)
bad = 0
def check(name, cond, why=""):
    global bad
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else " (%s)" % (why,)))
    bad |= not cond
def title(g):
    return ("%s %s" % (g["number"], g["name"])) if g.get("number") else g["name"]
goals = chain["goals"]
byid = {g["key"]: g for g in goals}
want = []
for a in goals:
    if a["level"] != "inriktningsmal" or a["parent"] in byid:
        continue
    want.append((1, title(a)))
    for b in goals:
        if b["level"] == "verksamhetsomradesmal" and b["parent"] == a["key"]:
            want.append((2, title(b)))
            for c in goals:
                if c["level"] == "namndmal" and c["parent"] == b["key"]:
                    want.append((3, title(c)))
heads = [(int(p.style.name[-1]), p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
check("the chain's headings in order (KF goal H1, KF area goal H2, nämndmål H3)", heads[:len(want)] == want,
      [x for x in zip(heads, want) if x[0] != x[1]][:2])
kf = [title(g) for g in goals if g["level"] in ("inriktningsmal", "verksamhetsomradesmal")]
nm = [title(g) for g in goals if g["level"] == "namndmal"]
texts = set(t for _, t in heads)
check("every KF goal is a heading (%d)" % len(kf), kf and all(t in texts for t in kf), [t for t in kf if t not in texts][:2])
check("every nämndmål is a heading (%d)" % len(nm), nm and all(t in texts for t in nm), [t for t in nm if t not in texts][:2])
body = [p.text for p in d.paragraphs]
check("title page: the organisation", orgname in body[:4], body[:4])
check("title page: Verksamhetsplan 2022", "Verksamhetsplan 2022" in body[:4], body[:4])
check("title page: the plan's status", "Antagen" in body[:6], body[:6])
inds = {}
for t in d.tables:
    hdr = [c.text for c in t.rows[0].cells]
    if hdr == ["Indikator", "Årsmål", "KF:s årsmål", "Periodicitet"]:
        for r in t.rows[1:]:
            c = [x.text for x in r.cells]
            inds.setdefault(c[0], []).append((c[1], c[2]))
check("every table has a header row repeated on every page",
      all(t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None for t in d.tables))
check("there are indicator tables", len(inds) > 0)
missing, wrong = [], []
for g in goals:
    for i in g.get("indicators", []):
        if i["name"] not in inds:
            missing.append(i["name"])
        elif ((i.get("target") or ""), (i.get("kf_target") or "")) not in inds[i["name"]]:
            wrong.append((i["name"], i.get("target"), inds[i["name"]]))
n = sum(len(g.get("indicators", [])) for g in goals)
check("every indicator of the chain is in a table (%d)" % n, n and not missing, missing[:2])
check("... with its årsmål and KF:s årsmål as in the database", not wrong, wrong[:2])
acts = [t for t in d.tables if [c.text for c in t.rows[0].cells] == ["Aktivitet", "Start", "Slut", "Status"]]
names = set(r.cells[0].text for t in acts for r in t.rows[1:])
# the chain holds the activities of the year (view/chain.h): those that overlap 2022
achain = [a["title"] for a in plan["activities"]
          if (a.get("start") or "0000") <= "2022-12-31" and (a.get("end") or "9999") >= "2022-01-01"]
check("activity tables list the plan's activities of the year (%d)" % len(achain), achain and all(a in names for a in achain),
      [a for a in achain if a not in names][:2])
sys.exit(bad)
PY
$PY "$TMP/check-vp.py" "$TMP/vp.docx" "$TMP/chain.json" "Spånga-Tensta stadsdelsnämnd" "$TMP/vp.json" || failed=1

# budget tables: the plan version's budget_line rows
if command -v sqlite3 >/dev/null; then
	PV=$(sqlite3 "$DB" "SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'vp-2022-spanga-tensta' ORDER BY pv.version DESC LIMIT 1")
	sqlite3 "$DB" "INSERT INTO budget_line (plan_version_id, tbl, ord, label, col, amount_mnkr) VALUES
		($PV, 'Driftbudget', 1, 'Förskola', 'Kostnader', 412.5), ($PV, 'Driftbudget', 1, 'Förskola', 'Intäkter', 30),
		($PV, 'Driftbudget', 2, 'Äldreomsorg', 'Kostnader', 655.25), ($PV, 'Driftbudget', 2, 'Äldreomsorg', 'Intäkter', 81.5)"
	expect_exit "with budget lines" 0 L export docx plan vp-2022-spanga-tensta -o "$TMP/vpb.docx"
	got=$($PY - "$TMP/vpb.docx" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
h = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
t = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables if t.rows[0].cells[0].text == "Post"]
print("Budget" in h, t)
PY
)
	expect_eq "... a Budget heading and the table as in the database" "$got" \
		"True [[['Post', 'Kostnader', 'Intäkter'], ['Förskola', '412,5', '30'], ['Äldreomsorg', '655,25', '81,5']]]"
else
	ok "budget tables (no sqlite3 here)"
fi

# --- a report -------------------------------------------------------------------------------------
printf 'editorpassword1\n' | L user add own --role editor --org $ORG >/dev/null
printf 'citypassword1\n' | L user add stad --role city --org stadsledningskontoret >/dev/null
T_own=$(L token create own 2>/dev/null)
T_city=$(L token create stad 2>/dev/null)
serve "$DB"
req "the editor starts a draft T1 report" 201 POST /api/v1/reports "{\"org\":\"$ORG\",\"period\":\"2022-T1\"}" "$T_own"
REP=$(jb .id)
G1=$(jq -r '[.goals[] | select(.level == "namndmal")][0].key' "$TMP/chain.json")
G2=$(jq -r '[.goals[] | select(.level == "namndmal")][1].key' "$TMP/chain.json")
ANALYSIS="Analys 5600: arbetet går **framåt**"
req "... assesses a nämndmål partly" 200 PUT "/api/v1/reports/$REP/assessments/$G1" \
	"{\"assessment\":\"partly\",\"analysis\":\"$ANALYSIS\"}" "$T_own"
req "... and another fulfilled" 200 PUT "/api/v1/reports/$REP/assessments/$G2" '{"assessment":"fulfilled","analysis":"Målet nåddes enligt planen."}' "$T_own"
page "the draft's document is 404 for anonymous visitors" 404 GET "/uppfoljning/$REP/rapport.docx" -
page "... its PDF too" 404 GET "/uppfoljning/$REP/rapport.pdf" -
expect_exit "the CLI (the operator) makes the draft's document" 0 L export docx report $ORG --year 2022 --period T1 -o "$TMP/draft.docx"
report_none_rest "$DB" "$REP" -H "Authorization: Bearer $T_own"
req "the editor submits it" 200 POST "/api/v1/reports/$REP/submit" '' "$T_own"
req "the city approves it" 200 POST "/api/v1/reports/$REP/approve" '' "$T_city"
expect_exit "docx report KEY --year --period T1" 0 L export docx report $ORG --year 2022 --period T1 -o "$TMP/t1.docx"
expect_exit "a period is required" 2 L export docx report $ORG --year 2022 -o "$TMP/x.docx"
expect_exit "no T2 report: fails" 1 L export docx report $ORG --year 2022 --period T2 -o "$TMP/x.docx"
L export docx report $ORG --year 2022 --period T1 -o "$TMP/t1b.docx" >/dev/null 2>&1
cmp -s "$TMP/t1.docx" "$TMP/t1b.docx" && ok "two runs of the report are byte-identical" || nok "two runs of the report are byte-identical"
G1N=$(jq -r --arg g "$G1" '.goals[] | select(.key == $g) | if .number then .number + " " + .name else .name end' "$TMP/chain.json")
G2N=$(jq -r --arg g "$G2" '.goals[] | select(.key == $g) | if .number then .number + " " + .name else .name end' "$TMP/chain.json")
got=$($PY - "$TMP/t1.docx" "$G1N" "$G2N" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
ps = [p.text for p in d.paragraphs]
def after(h):
    i = ps.index(h)
    return ps[i + 1] if i + 1 < len(ps) else ""
out = [ps[0], ps[1], [p for p in ps if p.startswith("Status: ")][0][:15], after(sys.argv[2]), after(sys.argv[3]),
       any("Analys 5600: arbetet går framåt" == p for p in ps),
       any(t.rows[0].cells[0].text == "Indikator" and [c.text for c in t.rows[0].cells] == ["Indikator", "Mål", "Utfall", "Uppfyllt"] for t in d.tables),
       any([c.text for c in t.rows[0].cells] == ["Aktivitet", "Nämndmål", "Status", "Kommentar"] for t in d.tables)]
print("|".join(str(x) for x in out))
PY
)
expect_eq "the report: label, organisation, status, assessments, analysis, outcome and activity tables" "$got" \
	"Tertialrapport 1 2022|Spånga-Tensta stadsdelsnämnd|Status: Godkänd|Bedömning: Delvis uppfyllt|Bedömning: Uppfyllt|True|True|True"
$PY - "$TMP/draft.docx" <<'PY' && ok "the draft's document says Utkast" || nok "the draft's document says Utkast"
import sys, docx
ps = [p.text for p in docx.Document(sys.argv[1]).paragraphs]
sys.exit(0 if ps[0] == "Utkast" and "Status: Utkast" in ps else 1)
PY
if command -v pdftotext >/dev/null; then
	expect_exit "pdf report KEY (one LibreOffice run)" 0 L export pdf report $ORG --year 2022 --period T1 -o "$TMP/t1.pdf"
	pdftotext "$TMP/t1.pdf" "$TMP/t1.txt" 2>/dev/null
	grep -q "Tertialrapport 1 2022" "$TMP/t1.txt" && ok "... pdftotext has the title" || nok "... pdftotext has the title"
	grep -q "Delvis uppfyllt" "$TMP/t1.txt" && ok "... and the assessment" || nok "... and the assessment"
else
	nok "pdftotext is installed (scripts/deps.sh)"
fi

# --- the web --------------------------------------------------------------------------------------
page "the approved report's document anonymously" 200 GET "/uppfoljning/$REP/rapport.docx" -
expect_eq "... served as wordprocessingml" "$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$TMP/headers" | tr -d '\r')" "$DOCX_CT"
cmp -s "$TMP/body" "$TMP/t1.docx" && ok "... the CLI's document" || nok "... the CLI's document"
page "the report page" 200 GET "/uppfoljning/$REP" -
has "... lists its Word document" "href=\"/uppfoljning/$REP/rapport.docx\""
has "... and PDF/A" "href=\"/uppfoljning/$REP/rapport.pdfa\""
page "the organisation page" 200 GET "/organisation/$ORG?ar=2022" -
HREF=$(grep -o 'href="[^"]*docx[^"]*"' "$TMP/body" | head -1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g')
case "$HREF" in *verksamhetsplan.docx*) ok "... its menu has the Word document ($HREF)";; *) nok "... its menu has the Word document ($HREF)";; esac
page "that link" 200 GET "$HREF" -
expect_eq "... serves wordprocessingml" "$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$TMP/headers" | tr -d '\r')" "$DOCX_CT"
cmp -s "$TMP/body" "$TMP/vpb.docx" && ok "... the verksamhetsplan" || nok "... the verksamhetsplan (differs from the CLI's)"
req "the API's indicator values are no verksamhetsplan" 406 GET "/api/v1/organisations/$ORG/indicator-values?year=2022&format=docx"
page "an unknown report's document is 404" 404 GET "/uppfoljning/999999/rapport.docx" -
finish
