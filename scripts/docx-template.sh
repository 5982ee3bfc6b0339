#!/bin/sh
# docx-template.sh: builds templates/lup-mall.docx from its readable sources in templates/docx/
# (deterministically: fixed order and timestamps, so the same sources give the same bytes).
#   sh scripts/docx-template.sh [SRCDIR [OUT]]
# Every part is checked to be well-formed XML first. Uses Python's standard zipfile module only.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC=${1:-$ROOT/templates/docx}
OUT=${2:-$ROOT/templates/lup-mall.docx}
PY=$(command -v python3 || echo /usr/bin/python3)
"$PY" - "$SRC" "$OUT" <<'PY'
import os, sys, zipfile, xml.dom.minidom

src, out = sys.argv[1], sys.argv[2]
parts = []
for d, _, files in os.walk(src):
    for f in files:
        p = os.path.relpath(os.path.join(d, f), src).replace(os.sep, "/")
        parts.append(p)
# [Content_Types].xml first, then the package relationships, then the rest by name
first = ["[Content_Types].xml", "_rels/.rels"]
missing = [p for p in first + ["word/document.xml", "word/styles.xml"] if p not in parts]
if missing:
    sys.exit("docx-template: missing %s" % ", ".join(missing))
parts = first + sorted(p for p in parts if p not in first)
for p in parts:
    if p.endswith(".xml") or p.endswith(".rels"):
        try:
            xml.dom.minidom.parse(os.path.join(src, p))
        except Exception as e:
            sys.exit("docx-template: %s: %s" % (p, e))
tmp = out + ".tmp"
with zipfile.ZipFile(tmp, "w") as z:
    for p in parts:
        zi = zipfile.ZipInfo(p, date_time=(1980, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.create_system = 3
        zi.external_attr = 0o644 << 16
        with open(os.path.join(src, p), "rb") as f:
            z.writestr(zi, f.read())
os.replace(tmp, out)
print("%s: %d parts" % (out, len(parts)))
PY
