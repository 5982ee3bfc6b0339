#!/bin/sh
# t5400: the LUP document as tagged PDF and PDF/A-2b (`lup export pdf|pdfa plan KEY`,
# docs/documents.md "PDF and PDF/A"), converted by LibreOffice and read back with poppler
# (pdfinfo, pdffonts, pdftotext) and Python: tagged, the plan's title as Title and shown as the
# window title, more than one page, every font embedded, the structure tree's headings (H1-H3)
# the DOCX's headings in order, its tables with header cells, /Lang(sv-SE), bookmarks, Swedish
# characters intact; PDF/A: pdfaid part 2 in the XMP metadata. Two LibreOffice runs; the rest
# with a stand-in soffice ($LUP_SOFFICE): its arguments, standard output, no PDF written, the
# timeout ($LUP_PDF_TIMEOUT), no LibreOffice (exit 1 naming the package); temporary directories
# are removed.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
PY=/usr/bin/python3
export LUP_DOCX_TEMPLATE="$ROOT/templates/lup-mall.docx"
export TMPDIR="$TMP/tmp"	# lup's temporary directories go here: checked empty at the end
mkdir -p "$TMPDIR"

L init >/dev/null 2>&1
L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
if ! $PY -c 'import docx' 2>/dev/null; then nok "python3-docx is installed (scripts/deps.sh test)"; finish; fi
for p in soffice pdfinfo pdffonts pdftotext; do
	command -v $p >/dev/null || { nok "$p is installed (scripts/deps.sh test)"; finish; }
done
L export json plan lup-rinkeby-kista -o "$TMP/rk.json"
L export docx plan lup-rinkeby-kista -o "$TMP/rk.docx"
TITLE=$(jq -r .plan.title "$TMP/rk.json")

# check.py PDF DOCX: the PDF's structure tree (pdfinfo -struct-text) and objects against the
# DOCX it was made from (python-docx); prints TAP lines
cat >"$TMP/check.py" <<'PY'
import re, subprocess, sys, zlib, docx
pdf, dpath = sys.argv[1], sys.argv[2]
bad = 0
def check(name, cond, why=""):
    global bad
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else " (%s)" % (why,)))
    bad |= not cond
d = docx.Document(dpath)
want = [(int(p.style.name[-1]), p.text) for p in d.paragraphs if re.fullmatch(r"Heading [1-3]", p.style.name)]
tree = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True, text=True).stdout.split("\n")
heads, tables, th, cur = [], 0, 0, None
for line in tree:
    m = re.match(r"\s*(H[1-6]|Table|TH|[A-Za-z]+)\b", line)
    t = re.match(r'\s*"(.*)"$', line)
    if t and cur is not None:
        cur[1] += t.group(1)
    elif m:
        cur = None
        if m.group(1)[0] == "H" and m.group(1)[1:].isdigit():
            cur = [int(m.group(1)[1:]), ""]
            heads.append(cur)
        tables += m.group(1) == "Table"
        th += m.group(1) == "TH"
got = [(l, s.strip()) for l, s in heads]
check("the structure tree's headings are the DOCX's, levels and order (%d)" % len(want), got == want,
      [(a, b) for a, b in zip(got, want) if a != b][:2] or (len(got), len(want)))
check("every table is a Table in the structure tree (%d)" % len(d.tables), tables == len(d.tables) and tables > 0, tables)
check("the tables have header cells (TH)", th >= len(d.tables), th)
raw = open(pdf, "rb").read()
streams = [raw]
for s in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
    try:
        streams.append(zlib.decompress(s))
    except zlib.error:
        pass
def has(pat):
    return any(re.search(pat, s) for s in streams)
check("the document language is sv-SE (/Lang)", has(rb"/Lang\s*\(sv-SE\)"))
check("the catalog marks it tagged (/MarkInfo /Marked true)", has(rb"/Marked\s*true"))
check("the viewer shows the title (/DisplayDocTitle true)", has(rb"/DisplayDocTitle\s*true"))
check("it has bookmarks (/Outlines)", has(rb"/Outlines\s+\d+\s+0\s+R"))
sys.exit(bad)
PY

# pdfcheck NAME FILE: what both PDFs have
pdfcheck() {
	head -c 5 "$2" | grep -q '^%PDF-' && ok "$1: a PDF" || nok "$1: a PDF"
	pdfinfo "$2" >"$TMP/info" 2>&1
	expect_eq "$1: pdfinfo says tagged" "$(sed -n 's/^Tagged: *//p' "$TMP/info")" "yes"
	expect_eq "$1: its Title is the plan's" "$(sed -n 's/^Title: *//p' "$TMP/info")" "$TITLE"
	pages=$(sed -n 's/^Pages: *//p' "$TMP/info")
	[ "${pages:-0}" -gt 1 ] && ok "$1: more than one page ($pages)" || nok "$1: more than one page ($pages)"
	pdffonts "$2" | tail -n +3 >"$TMP/fonts"
	nf=$(wc -l <"$TMP/fonts")
	ne=$(awk '{ if ($(NF-4) == "yes") n++ } END { print n + 0 }' "$TMP/fonts")
	[ "$nf" -gt 0 ] && [ "$nf" -eq "$ne" ] && ok "$1: every font embedded ($ne of $nf)" ||
		{ nok "$1: every font embedded ($ne of $nf)"; cat "$TMP/fonts" >&2; }
	pdftotext -enc UTF-8 "$2" "$TMP/text" 2>/dev/null
	tr -s '\n ' '  ' <"$TMP/text" >"$TMP/line"
	grep -q "$TITLE" "$TMP/line" && ok "$1: the text has the title" || nok "$1: the text has the title"
	grep -q "Nulägesanalys" "$TMP/line" && grep -q "Målsättningar" "$TMP/line" && grep -q "Åtgärder" "$TMP/line" &&
		grep -q "för" "$TMP/line" && ok "$1: Swedish characters intact (å ä ö Å)" || nok "$1: Swedish characters intact (å ä ö Å)"
	$PY "$TMP/check.py" "$2" "$TMP/rk.docx" | sed "s/^\(n*o*t* *ok - \)/\1$1: /" >"$TMP/py"
	cat "$TMP/py"
	grep -q "^not ok" "$TMP/py" && failed=1
	return 0
}

# 1. tagged PDF (LibreOffice, 1-20 s)
expect_exit "export pdf plan lup-rinkeby-kista" 0 L export pdf plan lup-rinkeby-kista -o "$TMP/rk.pdf"
pdfcheck pdf "$TMP/rk.pdf"
pdfinfo -meta "$TMP/rk.pdf" | grep -q "pdfaid:part" && nok "pdf: no PDF/A claim" || ok "pdf: no PDF/A claim"

# 2. PDF/A-2b
expect_exit "export pdfa plan lup-rinkeby-kista" 0 L export pdfa plan lup-rinkeby-kista -o "$TMP/rk-a.pdf"
pdfcheck pdfa "$TMP/rk-a.pdf"
pdfinfo -meta "$TMP/rk-a.pdf" >"$TMP/meta"
grep -q "<pdfaid:part>2</pdfaid:part>" "$TMP/meta" && ok "pdfa: XMP pdfaid:part 2" || nok "pdfa: XMP pdfaid:part 2"
grep -q "<pdfaid:conformance>B</pdfaid:conformance>" "$TMP/meta" && ok "pdfa: XMP conformance B" || nok "pdfa: XMP conformance B"
[ -z "$(ls -A "$TMPDIR")" ] && ok "the temporary directories are removed" || { nok "the temporary directories are removed"; ls -la "$TMPDIR" >&2; }

# 3. a stand-in soffice: records its arguments, writes OUTDIR/NAME.pdf from the DOCX's size
cat >"$TMP/fake" <<'SH'
#!/bin/sh
printf '%s\n' "$@" >"$FAKE_ARGS"
while [ $# -gt 0 ]; do
	case $1 in --outdir) out=$2; shift ;; *.docx) in=$1 ;; esac
	shift
done
printf '%%PDF-fake %s\n' "$(wc -c <"$in")" >"$out/$(basename "$in" .docx).pdf"
SH
chmod +x "$TMP/fake"
export FAKE_ARGS="$TMP/args"
LUP_SOFFICE="$TMP/fake" L export pdfa plan lup-rinkeby-kista >"$TMP/fake.pdf" 2>"$TMP/err"
expect_eq "stand-in: standard output gets the PDF it wrote (of the DOCX)" "$(cat "$TMP/fake.pdf")" "%PDF-fake $(wc -c <"$TMP/rk.docx")"
grep -qx -- "--headless" "$TMP/args" && ok "stand-in: --headless" || nok "stand-in: --headless"
grep -q '^-env:UserInstallation=file://.*/profile$' "$TMP/args" && ok "stand-in: a private profile" || nok "stand-in: a private profile"
grep -q '"SelectPdfVersion":{"type":"long","value":"2"}' "$TMP/args" && grep -q '"UseTaggedPDF":{"type":"boolean","value":"true"}' "$TMP/args" &&
	ok "stand-in: pdfa asks for PDF/A-2 and tags" || nok "stand-in: pdfa asks for PDF/A-2 and tags"
LUP_SOFFICE="$TMP/fake" L export pdf plan lup-rinkeby-kista -o "$TMP/fake2.pdf" 2>"$TMP/err"
grep -q '"SelectPdfVersion":{"type":"long","value":"0"}' "$TMP/args" && ok "stand-in: pdf asks for plain PDF" || nok "stand-in: pdf asks for plain PDF"

printf '#!/bin/sh\necho "Error: source file could not be loaded"\nexit 0\n' >"$TMP/nopdf"
chmod +x "$TMP/nopdf"
LUP_SOFFICE="$TMP/nopdf" expect_exit "no PDF written: exit 1" 1 L export pdf plan lup-rinkeby-kista -o "$TMP/x.pdf"
expect_err "the message says so with LibreOffice's words" "LibreOffice wrote no PDF: Error: source file could not be loaded"
printf '#!/bin/sh\necho "broken profile" >&2\nexit 81\n' >"$TMP/fails"
chmod +x "$TMP/fails"
LUP_SOFFICE="$TMP/fails" expect_exit "LibreOffice fails: exit 1" 1 L export pdf plan lup-rinkeby-kista -o "$TMP/x.pdf"
expect_err "the message has its exit status and output" "failed (exit status 81): broken profile"
printf '#!/bin/sh\necho converting\nexec sleep 60\n' >"$TMP/slow"
chmod +x "$TMP/slow"
LUP_PDF_TIMEOUT=1 LUP_SOFFICE="$TMP/slow" expect_exit "too slow: exit 1" 1 L export pdf plan lup-rinkeby-kista -o "$TMP/x.pdf"
expect_err "the message says it was stopped" "did not finish in 1 s and was stopped: converting"

# 4. the web serves the PDF from the same table (a stand-in LibreOffice that takes 3 s); one
# conversion runs at a time (the other worker threads keep serving): requests meanwhile get 503
# with Retry-After, not a queue
printf '#!/bin/sh\nsleep 3\nexec "%s" "$@"\n' "$TMP/fake" >"$TMP/slowfake"
chmod +x "$TMP/slowfake"
rm -f "$TMP/port"
LUP_SOFFICE="$TMP/slowfake" "$LUP" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --threads 4 \
	>/dev/null 2>"$TMP/server.log" &
SERVER=$!
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
BASE="http://127.0.0.1:$(cat "$TMP/port")"
pids=
for i in 1 2 3; do
	curl -s -o "$TMP/web$i.pdf" -D "$TMP/h$i" -w '%{http_code}\n' "$BASE/plan/lup-rinkeby-kista/dokument.pdf" >"$TMP/code$i" &
	pids="$pids $!"
	sleep 0.3
done
page "a page is served while the conversion runs" 200 GET /stadsdelar - --max-time 2
for p in $pids; do wait "$p"; done	# the requests (a bare wait would wait for the server too)
codes=$(cat "$TMP/code1" "$TMP/code2" "$TMP/code3" | sort | tr '\n' ' ')
expect_eq "three PDFs at once: one made, two asked to wait" "$codes" "200 503 503 "
for i in 1 2 3; do
	if [ "$(cat "$TMP/code$i")" = 200 ]; then
		grep -qi '^content-type: application/pdf' "$TMP/h$i" && head -c 5 "$TMP/web$i.pdf" | grep -q '%PDF' &&
			ok "a PDF download ($i) is a PDF" || nok "download $i is not a PDF"
	else
		grep -qi '^retry-after: 5' "$TMP/h$i" && ok "the busy answer says when to retry" || nok "no Retry-After"
	fi
done
kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null

# 5. no LibreOffice; other errors come before it
LUP_SOFFICE=/nonexistent expect_exit "no LibreOffice: exit 1" 1 L export pdf plan lup-rinkeby-kista -o "$TMP/x.pdf"
expect_err "the message names the package" "install libreoffice-writer-nogui"
[ ! -e "$TMP/x.pdf" ] && [ ! -e "$TMP/x.pdf.tmp" ] && ok "no file is left" || nok "no file is left"
LUP_SOFFICE=/nonexistent expect_exit "an unknown plan: exit 1" 1 L export pdfa plan lup-nowhere -o "$TMP/x.pdf"
expect_err "the message names the plan" "lup-nowhere"
[ -z "$(ls -A "$TMPDIR")" ] && ok "no temporary directory is left" || { nok "no temporary directory is left"; ls -la "$TMPDIR" >&2; }
finish
