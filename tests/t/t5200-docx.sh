#!/bin/sh
# t5200: the LUP document as DOCX (`lup export docx plan KEY`, docs/documents.md), read back with
# independent tools: python-docx (Debian's /usr/bin/python3) for the headings and their styles,
# the seven sections, every theme, goal and measure of the plan's JSON export, tables with header
# rows, the header's organisation and status, Swedish characters and Markdown; zip integrity;
# byte-identical output for the same input (also in another time zone); a draft, then the same
# version adopted with its decision; LibreOffice headless converts it and pdftotext finds the
# title. A verksamhetsplan gets its own document (t5600), not the LUP document.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
PY=/usr/bin/python3
export LUP_DOCX_TEMPLATE="$ROOT/templates/lup-mall.docx"

L init >/dev/null 2>&1
L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
if ! $PY -c 'import docx' 2>/dev/null; then nok "python3-docx is installed (scripts/deps.sh test)"; finish; fi

# check.py DOCX JSON STATUS: the document against the plan's JSON export; prints TAP lines
cat >"$TMP/check.py" <<'PY'
import json, sys, zipfile, docx
from docx.oxml.ns import qn
path, jpath, status = sys.argv[1], sys.argv[2], sys.argv[3]
plan = json.load(open(jpath, encoding="utf-8"))
d = docx.Document(path)
bad = 0
def check(name, cond, why=""):
    global bad
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else " (%s)" % why))
    bad |= not cond
heads = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
levels = [int(s[-1]) for s, _ in heads]
check("headings use the styles Heading 1/2/3", set(s for s, _ in heads) <= {"Heading 1", "Heading 2", "Heading 3"} and "Heading 1" in dict(heads), heads[:3])
check("headings are in order (no level skipped)", levels and levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels)
h1 = [t for s, t in heads if s == "Heading 1"]
titles = [s["title"] for s in plan["sections"]]
check("the seven sections in order, first", len(titles) == 7 and h1[:7] == titles, (h1[:7], titles))
body = "\n".join(p.text for p in d.paragraphs)
cells = "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
text = body + "\n" + cells
want = [t["name"] for t in plan["themes"]] + [g["title"] for g in plan["goals"]] + [m["title"] for m in plan["measures"]]
missing = [w for w in want if w not in text]
check("every theme, goal and measure title is in the text (%d)" % len(want), not missing, missing[:3])
check("every measure is a Heading 2", all(("Heading 2", m["title"]) in heads for m in plan["measures"]))
check("the document has tables", len(d.tables) >= 2, len(d.tables))
hdr = [t._tbl.tr_lst[0].trPr is not None and t._tbl.tr_lst[0].trPr.find(qn("w:tblHeader")) is not None for t in d.tables]
check("every table's first row is a header row (w:tblHeader)", all(hdr), hdr)
cap = [p.text for p in d.paragraphs if p.style.name == "Caption"]
check("every lup table has a caption", len(cap) >= 2 and all(c.startswith("Tabell ") for c in cap), cap)
check("the title is the plan's", d.paragraphs[[p.style.name for p in d.paragraphs].index("Title")].text == plan["plan"]["title"])
hdrtext = "\n".join(p.text for p in d.sections[0].header.paragraphs)
check("the header names the organisation", "stadsdelsnämnd" in hdrtext, hdrtext)
check("the header says '%s'" % status, status in hdrtext, hdrtext)
check("the core properties: title, creator lup, sv-SE", d.core_properties.title == plan["plan"]["title"] and d.core_properties.author == "lup" and d.core_properties.language == "sv-SE")
z = zipfile.ZipFile(path)
check("zipfile testzip finds nothing", z.testzip() is None)
check("[Content_Types].xml is the first entry", z.namelist()[0] == "[Content_Types].xml")
check("a TOC field over the headings", any('TOC \\o "1-3"' in (e.text or "") for e in d.element.body.iter(qn("w:instrText"))))
check("Swedish characters intact", "Åtgärder" in h1 and "å" in body and "ä" in body and "ö" in body)
sys.exit(bad)
PY

# 1. the adopted LUP of Rinkeby-Kista
expect_exit "export docx plan lup-rinkeby-kista" 0 L export docx plan lup-rinkeby-kista -o "$TMP/rk.docx"
L export json plan lup-rinkeby-kista -o "$TMP/rk.json"
$PY "$TMP/check.py" "$TMP/rk.docx" "$TMP/rk.json" Antagen || failed=1
if unzip -tq "$TMP/rk.docx" >/dev/null 2>&1; then ok "unzip -t"; else nok "unzip -t"; fi
L export docx plan lup-rinkeby-kista -o "$TMP/rk2.docx"
cmp -s "$TMP/rk.docx" "$TMP/rk2.docx" && ok "two runs give identical bytes" || nok "two runs give identical bytes"
TZ=America/New_York L export docx plan lup-rinkeby-kista -o "$TMP/rk3.docx"
cmp -s "$TMP/rk.docx" "$TMP/rk3.docx" && ok "identical in another time zone" || nok "identical in another time zone"
L export docx plan lup-rinkeby-kista >"$TMP/rk4.docx"
cmp -s "$TMP/rk.docx" "$TMP/rk4.docx" && ok "standard output gets the same bytes" || nok "standard output gets the same bytes"
expect_eq "the zip's times are fixed (no decision date: 1980-01-01)" \
	"$($PY -c 'import sys,zipfile; print(sorted(set(i.date_time for i in zipfile.ZipFile(sys.argv[1]).infolist())))' "$TMP/rk.docx")" \
	"[(1980, 1, 1, 12, 0, 0)]"

# 2. a draft with an LUP goal and Markdown (via the interchange document)
jq '.sections[0].body = "**Fet** och *kursiv* text med <&> och \"citat\" – ÅÄÖ.\n\n- punkt ett\n- punkt två\n\n1. första\n2. andra" |
    .goals = [{"id":"rk-mal-1","owner":"rinkeby-kista-stadsdelsnamnd","level":"lup","number":"1",
      "title":"Fler unga kvinnor i Husby fullföljer gymnasiet","description":null,"year":null,"parent":null,
      "theme":"theme-1","area":"husby","sex":"K","horizon_year":2021,"benchmark":"city_average","horizon":"5y",
      "baseline_value":61.5,"baseline_year":2015,"target_value":70,"target_direction":"higher",
      "indicator":null,"source":null,"results":[],"indicators":[]}]' "$TMP/rk.json" >"$TMP/v2.json"
L import json "$TMP/v2.json" >/dev/null || nok "import the draft"
L export json plan lup-rinkeby-kista --version 2 -o "$TMP/d.json"
expect_exit "export docx of the draft (version 2)" 0 L export docx plan lup-rinkeby-kista --version 2 -o "$TMP/d.docx"
$PY "$TMP/check.py" "$TMP/d.docx" "$TMP/d.json" Utkast || failed=1
cat >"$TMP/draft.py" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
ps = d.paragraphs
def check(name, cond, why=""):
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else " (%s)" % why))
    return not cond
bad = 0
bad |= check("the draft is marked on its title page", ps[0].style.name == "Utkastmarkering" and ps[0].text == "Utkast", ps[0].text)
bad |= check("the title page says it is not adopted", any(p.text.startswith("Utkast:") for p in ps))
md = [p for p in ps if p.text.startswith("Fet och kursiv")]
bad |= check("Markdown: text with <&> and quotes kept", md and md[0].text == 'Fet och kursiv text med <&> och "citat" – ÅÄÖ.', md and md[0].text)
bad |= check("Markdown: bold and italic runs", md and md[0].runs[0].bold and md[0].runs[0].text == "Fet" and md[0].runs[2].italic and md[0].runs[2].text == "kursiv")
bad |= check("Markdown: bullet and numbered lists", [p.style.name for p in ps if p.text in ("punkt ett", "punkt två", "första", "andra")] == ["List Bullet"] * 2 + ["List Number"] * 2)
goal = [t for t in d.tables if t.rows[0].cells[0].text == "Mål"]
row = [c.text for c in goal[0].rows[1].cells] if goal else []
bad |= check("the goal table: sex, baseline, target and horizon", row == ["Fler unga kvinnor i Husby fullföljer gymnasiet", "Barn och ungas livsförutsättningar", "Husby", "Kvinnor", "61,5 (2015)", "70, högre", "5 år, 2021"], row)
sys.exit(bad)
PY
$PY "$TMP/draft.py" "$TMP/d.docx" || failed=1

# the draft's watermark: a VML text "UTKAST" in the header (the shape Word's own watermarks are)
unzip -p "$TMP/d.docx" word/header1.xml >"$TMP/d-hdr.xml"
grep -q 'id="PowerPlusWaterMarkObject1"' "$TMP/d-hdr.xml" && grep -q 'string="UTKAST"' "$TMP/d-hdr.xml" &&
	ok "the draft has the watermark UTKAST on every page (in its header)" || nok "the draft has no watermark"

# 3. the same version adopted: its decision on the title page, in the header and the properties
L plan adopt lup-rinkeby-kista --version 2 --date 2024-02-03 --paragraph 12 --dnr "1.2.3-45/2024" >/dev/null 2>&1 ||
	nok "adopt version 2"
expect_exit "export docx of the adopted version 2" 0 L export docx plan lup-rinkeby-kista --version 2 -o "$TMP/a.docx"
$PY - "$TMP/a.docx" <<'PY' || failed=1
import sys, zipfile, docx
d = docx.Document(sys.argv[1])
ps = [p.text for p in d.paragraphs]
hdr = "\n".join(p.text for p in d.sections[0].header.paragraphs)
ok = lambda n, c, w="": print(("ok - " if c else "not ok - ") + n + ("" if c else " (%s)" % w)) or (not c)
bad = ok("the header says Antagen and the date", "Antagen 2024-02-03" in hdr, hdr)
bad |= ok("the title page has the decision", "Antagen av Rinkeby-Kista stadsdelsnämnd 2024-02-03, § 12, dnr 1.2.3-45/2024" in ps, [p for p in ps if p.startswith("Antagen")])
bad |= ok("no draft marking", "Utkast" not in ps)
hx = zipfile.ZipFile(sys.argv[1]).read("word/header1.xml").decode()
bad |= ok("no watermark (its run is removed)", "PowerPlusWaterMarkObject" not in hx and "string=" not in hx, hx[-300:])
bad |= ok("the decision date is the document's date", str(d.core_properties.created)[:10] == "2024-02-03", d.core_properties.created)
bad |= ok("and the zip's time", set(i.date_time[:3] for i in zipfile.ZipFile(sys.argv[1]).infolist()) == {(2024, 2, 3)})
sys.exit(bad)
PY

# 4. a verksamhetsplan has its own document (t5600), and what does not exist
expect_exit "a verksamhetsplan: its own document" 0 L export docx plan vp-2022-spanga-tensta -o "$TMP/vp.docx"
$PY -c 'import sys, docx; sys.exit(0 if "Verksamhetsplan 2022" in [p.text for p in docx.Document(sys.argv[1]).paragraphs][:4] else 1)' \
	"$TMP/vp.docx" && ok "... the verksamhetsplan's title page" || nok "... the verksamhetsplan's title page"
expect_exit "an unknown plan: exit 1" 1 L export docx plan lup-nowhere -o "$TMP/x.docx"
[ ! -e "$TMP/x.docx" ] && ok "no file is left" || nok "no file is left"
expect_exit "an unknown format: usage" 2 L export doc plan lup-rinkeby-kista
LUP_DOCX_TEMPLATE="$TMP/none.docx" expect_exit "a missing template: exit 1" 1 L export docx plan lup-rinkeby-kista -o "$TMP/x.docx"
expect_err "the message names the template" "none.docx"
expect_exit "--template FILE" 0 L export docx plan lup-rinkeby-kista --version 1 --template "$ROOT/templates/lup-mall.docx" -o "$TMP/t.docx"
L export docx plan lup-rinkeby-kista --version 1 -o "$TMP/t0.docx"
cmp -s "$TMP/t.docx" "$TMP/t0.docx" && ok "--template gives the same document" || nok "--template gives the same document"

# 5. LibreOffice opens and converts it (once; 5-20 s)
if command -v soffice >/dev/null; then
	timeout 180 soffice -env:UserInstallation=file://$TMP/lo --headless --convert-to pdf --outdir "$TMP/pdf" "$TMP/d.docx" \
		>"$TMP/lo.log" 2>&1
	if [ -s "$TMP/pdf/d.pdf" ]; then ok "LibreOffice converts the DOCX to PDF"; else nok "LibreOffice converts the DOCX to PDF"; cat "$TMP/lo.log" >&2; fi
	pdftotext "$TMP/pdf/d.pdf" "$TMP/d.txt" 2>/dev/null
	tr '\n' ' ' <"$TMP/d.txt" | grep -q "Lokalt utvecklingsprogram för Rinkeby-Kista" && ok "the PDF has the plan's title" ||
		nok "the PDF has the plan's title"
	tr -s '\n ' '  ' <"$TMP/d.txt" | grep -q "Fler unga kvinnor" && ok "the PDF has the goal" || nok "the PDF has the goal"
	grep -q "UTKAST" "$TMP/d.txt" && ok "LibreOffice draws the watermark" || nok "LibreOffice draws no watermark"
else
	nok "soffice is installed (scripts/deps.sh test)"
fi
finish
