#!/bin/sh
# schema-compare.sh: compares the schema of a lup SQLite database with a lup PostgreSQL one.
# Usage: tests/tools/schema-compare.sh SQLITE_FILE PG_ADDRESS
#   SQLITE_FILE  a SQLite database (e.g. made by `lup --db F init`), read with the sqlite3 shell
#   PG_ADDRESS   a libpq address (postgresql:///NAME?host=DIR), read with psql
# Both sides are described as the same sorted lines, and every line found on one side only is
# printed ("- " SQLite only, "+ " PostgreSQL only):
#   table T
#   column T.C CLASS [not null]     CLASS: SQLite's affinity of the declared type (integer, real,
#                                   text, blob, numeric); on PostgreSQL the class of the type
#                                   (bigint/integer/smallint: integer, double precision: real,
#                                   text/varchar: text, bytea: blob, numeric: numeric, anything
#                                   else its own name, so float4 ("real") shows as float4)
#   pk T (C,...)                    the primary key's columns in key order
#   unique T (C,...) [partial]      a UNIQUE constraint or unique index, other than the primary
#                                   key (an expression column reads "(expr)")
#   fk T (C,...) -> P (C,...) on delete A on update A
#   index T NAME (C,...) [partial]  an index that is neither unique nor a key's
#   default T.C VALUE               a column's default (PostgreSQL's '...'::text cast dropped;
#                                   identity columns have none)
#   checks T N                      the number of CHECK constraints (SQLite: the words "CHECK ("
#                                   and "CHECK(" in the table's CREATE text; their expressions
#                                   are not compared)
# Normalisations: a primary key column counts as not null (PostgreSQL's rule; SQLite lets a
# non-integer key column be NULL unless declared NOT NULL); a foreign key without parent columns
# names the parent's primary key; a PostgreSQL column named `rowid` of a table whose SQLite
# twin has none stands in for SQLite's implicit rowid and is skipped. An index that only
# PostgreSQL has is allowed (it may need more, e.g. for its search), so only "- index" lines
# count, but for the few SQLite-only indexes named below (SQLITE_ONLY_INDEXES). Ignored: SQLite's internal tables (sqlite_*), and the search tables of both (search_*:
# FTS5 on SQLite, migrations 0008/0010 on PostgreSQL), and the derived_* tables of both (kept
# by triggers from the data, migrations 0030 and 0032 on PostgreSQL, 0033, 0046, 0051, 0055 and 0067 on SQLite,
# 0038 on both).
# Exits 0 when the schemas agree, 1 on a difference, 2 on a usage or reading error.
set -eu

[ $# -eq 2 ] || { echo "usage: schema-compare.sh SQLITE_FILE PG_ADDRESS" >&2; exit 2; }
sqlite_file=$1
pg=$2
[ -f "$sqlite_file" ] || { echo "schema-compare.sh: no such file: $sqlite_file" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# sqlite_side: the description lines of the SQLite database
sqlite_side() {
	sqlite3 -batch -noheader -list "file:$sqlite_file?mode=ro" <<'EOF'
CREATE TEMP VIEW t AS SELECT name FROM sqlite_master
  WHERE type = 'table' AND name NOT GLOB 'sqlite_*' AND name NOT GLOB 'search_*' AND name NOT GLOB 'derived_*';
SELECT 'table ' || name FROM t;
SELECT 'column ' || t.name || '.' || c.name || ' ' ||
  CASE WHEN instr(upper(c.type), 'INT') THEN 'integer'
       WHEN instr(upper(c.type), 'CHAR') OR instr(upper(c.type), 'CLOB') OR instr(upper(c.type), 'TEXT') THEN 'text'
       WHEN c.type = '' OR instr(upper(c.type), 'BLOB') THEN 'blob'
       WHEN instr(upper(c.type), 'REAL') OR instr(upper(c.type), 'FLOA') OR instr(upper(c.type), 'DOUB') THEN 'real'
       ELSE 'numeric' END ||
  CASE WHEN c."notnull" OR c.pk > 0 THEN ' not null' ELSE '' END
  FROM t, pragma_table_info(t.name) c;
SELECT 'pk ' || name || ' (' ||
  (SELECT group_concat(c.name, ',') FROM (SELECT name FROM pragma_table_info(t.name) WHERE pk > 0 ORDER BY pk) c) || ')'
  FROM t WHERE EXISTS (SELECT 1 FROM pragma_table_info(t.name) WHERE pk > 0);
SELECT (CASE WHEN l."unique" THEN 'unique ' || t.name ELSE 'index ' || t.name || ' ' || l.name END) ||
  ' (' || (SELECT group_concat(coalesce(i.name, '(expr)'), ',')
           FROM (SELECT * FROM pragma_index_xinfo(l.name) WHERE key ORDER BY seqno) i) || ')' ||
  CASE WHEN l.partial THEN ' partial' ELSE '' END
  FROM t, pragma_index_list(t.name) l WHERE l.origin <> 'pk';
SELECT 'fk ' || t.name || ' (' ||
  (SELECT group_concat(g."from", ',') FROM (SELECT "from" FROM pragma_foreign_key_list(t.name) WHERE id = f.id ORDER BY seq) g) ||
  ') -> ' || f."table" || ' (' ||
  (SELECT group_concat(g.col, ',') FROM (SELECT coalesce(k."to", (SELECT p.name FROM pragma_table_info(k."table") p WHERE p.pk = k.seq + 1)) AS col
     FROM pragma_foreign_key_list(t.name) k WHERE k.id = f.id ORDER BY k.seq) g) ||
  ') on delete ' || f.on_delete || ' on update ' || f.on_update
  FROM t, pragma_foreign_key_list(t.name) f WHERE f.seq = 0;
SELECT 'default ' || t.name || '.' || c.name || ' ' || c.dflt_value
  FROM t, pragma_table_info(t.name) c WHERE c.dflt_value IS NOT NULL;
SELECT 'checks ' || t.name || ' ' || ((length(m.sql) - length(replace(m.sql, 'CHECK (', ''))) / 7
  + (length(m.sql) - length(replace(m.sql, 'CHECK(', ''))) / 6)
  FROM t JOIN sqlite_master m ON m.name = t.name AND m.type = 'table';
EOF
}

# pg_side: the description lines of the PostgreSQL database (its current schema)
pg_side() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$pg" <<'EOF'
CREATE TEMP VIEW t AS SELECT c.oid, c.relname AS name FROM pg_class c
  WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
    AND c.relname NOT LIKE 'search\_%' AND c.relname NOT LIKE 'derived\_%';
CREATE TEMP VIEW col AS SELECT t.name AS tname, a.attrelid, a.attnum, a.attname, a.attnotnull,
  format_type(a.atttypid, NULL) AS type FROM t JOIN pg_attribute a ON a.attrelid = t.oid
  WHERE a.attnum > 0 AND NOT a.attisdropped;
CREATE TEMP VIEW cols AS SELECT i.indexrelid, string_agg(coalesce(c.attname, '(expr)'), ',' ORDER BY k.ord) AS list
  FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
  LEFT JOIN col c ON c.attrelid = i.indrelid AND c.attnum = k.attnum
  WHERE k.ord <= i.indnkeyatts GROUP BY i.indexrelid;
SELECT 'table ' || name FROM t;
SELECT 'column ' || tname || '.' || attname || ' ' ||
  CASE WHEN type IN ('bigint', 'integer', 'smallint') THEN 'integer'
       WHEN type = 'double precision' THEN 'real'
       WHEN type IN ('text', 'character varying') THEN 'text'
       WHEN type = 'bytea' THEN 'blob'
       WHEN type = 'numeric' THEN 'numeric'
       WHEN type = 'real' THEN 'float4'
       ELSE type END ||
  CASE WHEN attnotnull THEN ' not null' ELSE '' END
  FROM col;
SELECT CASE WHEN i.indisprimary THEN 'pk ' || t.name || ' (' || cols.list || ')'
            WHEN i.indisunique THEN 'unique ' || t.name || ' (' || cols.list || ')'
              || CASE WHEN i.indpred IS NOT NULL THEN ' partial' ELSE '' END
            ELSE 'index ' || t.name || ' ' || ic.relname || ' (' || cols.list || ')'
              || CASE WHEN i.indpred IS NOT NULL THEN ' partial' ELSE '' END END
  FROM t JOIN pg_index i ON i.indrelid = t.oid JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN cols ON cols.indexrelid = i.indexrelid;
SELECT 'fk ' || t.name || ' (' ||
  (SELECT string_agg(c.attname, ',' ORDER BY k.ord) FROM unnest(f.conkey) WITH ORDINALITY k(n, ord)
     JOIN col c ON c.attrelid = f.conrelid AND c.attnum = k.n) || ') -> ' || p.relname || ' (' ||
  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(f.confkey) WITH ORDINALITY k(n, ord)
     JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.n) || ') on delete ' ||
  CASE f.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
    WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END || ' on update ' ||
  CASE f.confupdtype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
    WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END
  FROM t JOIN pg_constraint f ON f.conrelid = t.oid AND f.contype = 'f'
  JOIN pg_class p ON p.oid = f.confrelid;
SELECT 'default ' || col.tname || '.' || col.attname || ' ' || regexp_replace(pg_get_expr(d.adbin, d.adrelid), '::text$', '')
  FROM col JOIN pg_attrdef d ON d.adrelid = col.attrelid AND d.adnum = col.attnum
  JOIN pg_attribute a ON a.attrelid = col.attrelid AND a.attnum = col.attnum WHERE a.attidentity = '';
SELECT 'checks ' || t.name || ' ' || count(k.oid) FROM t LEFT JOIN pg_constraint k ON k.conrelid = t.oid AND k.contype = 'c'
  GROUP BY t.name;
EOF
}

sqlite_side > "$tmp/sqlite.raw" || { echo "schema-compare.sh: cannot read $sqlite_file" >&2; exit 2; }
pg_side > "$tmp/pg.raw" || { echo "schema-compare.sh: cannot read $pg" >&2; exit 2; }
# the rowid stand-in: skipped where the SQLite table has no column of that name
grep '^column [^ ]*\.rowid ' "$tmp/sqlite.raw" | sed 's/^column \([^ ]*\)\.rowid .*/\1/' > "$tmp/sqlite.rowid" || :
awk 'FILENAME == ARGV[1] { keep[$0] = 1; next }
     /^column [^ ]*\.rowid / { t = $2; sub(/\.rowid$/, "", t); if (!(t in keep)) next }
     { print }' "$tmp/sqlite.rowid" "$tmp/pg.raw" > "$tmp/pg.lines"
LC_ALL=C sort -u "$tmp/sqlite.raw" > "$tmp/sqlite"
LC_ALL=C sort -u "$tmp/pg.lines" > "$tmp/pg"
[ -s "$tmp/sqlite" ] || { echo "schema-compare.sh: no tables in $sqlite_file" >&2; exit 2; }
[ -s "$tmp/pg" ] || { echo "schema-compare.sh: no tables in $pg" >&2; exit 2; }
# Indexes only SQLite has, each named with its reason (PostgreSQL plans these reads otherwise):
#   commission_admin_list (0041): SQLite reads a row's later columns past its long texts'
#     overflow pages; PostgreSQL keeps long texts out of the row (TOAST).
#   goal_result_text (0072): SQLite reads the chain's expected results with their texts from
#     the index, not a seek into the table per row; PostgreSQL's B-tree would refuse a text
#     longer than about 2.7 KB.
#   (outcome_indicator_area, 0043, the goal chain's outcomes by indicator and area, was here
#   until 0052 dropped it for derived_outcome_sexes.)
SQLITE_ONLY_INDEXES='commission_admin_list goal_result_text'
LC_ALL=C comm -23 "$tmp/sqlite" "$tmp/pg" | awk -v only="$SQLITE_ONLY_INDEXES" '
	BEGIN { n = split(only, a, " "); for (i = 1; i <= n; i++) skip[a[i]] = 1 }
	$1 == "index" && ($3 in skip) { next } { print "- " $0 }' > "$tmp/diff"
LC_ALL=C comm -13 "$tmp/sqlite" "$tmp/pg" | grep -v '^index ' | sed 's/^/+ /' >> "$tmp/diff" || :
if [ -s "$tmp/diff" ]; then
	cat "$tmp/diff"
	echo "schema-compare.sh: $(wc -l < "$tmp/diff") difference(s)" >&2
	exit 1
fi
echo "schema-compare.sh: the schemas agree ($(grep -c '^table ' "$tmp/sqlite") tables)"
