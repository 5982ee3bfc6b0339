#!/bin/sh
# t7320: PostgreSQL's search index (search_doc, migrations 0008, 0010, 0028, 0035) follows every insert,
# update and delete of the searchable tables. Its triggers share one function, search_sync
# (0028), which takes the kind and the columns as trigger arguments: every search trigger but
# the response parts' runs it, and a column name the row lacks is an error. After the demo and
# the commission's responses (inserts), then updates of each searchable column (some to NULL)
# and deletes of rows of each table, search_doc holds exactly what a rebuild from the tables
# gives (0008's own queries). Its label columns (0035) are what search_doc_label gives after each
# step, after updates of every column they come from and after `lup copy` (foreign keys deferred);
# `lup check` finds one that is wrong. Meant for the PostgreSQL run (LUP_PG); skipped without it.
. "$(dirname "$0")/lib.sh"
if [ -z "${LUP_PG:-}" ]; then echo "# skip: no PostgreSQL"; exit 0; fi
REAL=${LUP_REAL:-$LUP}
PGNAME="lup_t7320_$$"
P="postgresql:///$PGNAME?host=$LUP_PG"
cleanup() {
	psql -h "$LUP_PG" -d postgres -qc "DROP DATABASE IF EXISTS $PGNAME" >/dev/null 2>&1
	lib_cleanup
}
trap cleanup EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$LUP_PG" -d "$PGNAME" -c "$1"; }

"$REAL" --db "$P" init >/dev/null 2>&1 && ok "lup init" || nok "lup init"
"$REAL" --db "$P" demo "$ROOT/data/stockholm" >/dev/null 2>&1 && ok "lup demo" || nok "lup demo"
"$REAL" --db "$P" import commission "$SEEDS/002_e3f287d953d70608.txt" >/dev/null 2>&1 && ok "lup import commission" ||
	nok "lup import commission"

# the triggers: search_sync everywhere but on response_part, with 0008's names, kinds and columns
expect_eq "the search triggers and their functions" "$(q "SELECT t.tgname || ' ' || c.relname || ' ' || t.tgfoid::regproc
	|| ' ' || encode(t.tgargs, 'escape') FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
	WHERE NOT t.tgisinternal AND t.tgname LIKE 'search%' ORDER BY t.tgname")" \
"search_activity activity search_sync 3\\000title\\000description\\000
search_cmeasure commission_measure search_sync 6\\000number\\000\\000text\\000
search_goal goal search_sync 1\\000title\\000description\\000
search_indicator indicator search_sync 4\\000name\\000unit\\000
search_label_activity activity search_label_follow 
search_label_area area search_label_follow 
search_label_cmeasure commission_measure search_label_follow 
search_label_creport commission_report search_label_follow 
search_label_goal goal search_label_follow 
search_label_indicator indicator search_label_follow 
search_label_measure measure search_label_follow 
search_label_organisation organisation search_label_follow 
search_label_plan plan search_label_follow 
search_label_plan_version plan_version search_label_follow 
search_label_response response search_label_follow 
search_measure measure search_sync 2\\000title\\000description\\000
search_response response search_sync 5\\000
search_rpart response_part search_rpart_sync "
expect_eq "no per-table search function is left but the response parts'" \
	"$(q "SELECT string_agg(proname, ' ' ORDER BY proname) FROM pg_proc WHERE proname LIKE 'search%sync'")" \
	"search_rpart_sync search_sync"
# a column the row lacks: an error, not an entry without its text
if q "BEGIN; CREATE TEMP TABLE t7320 (id bigint, title text);
	CREATE TRIGGER t7320 AFTER INSERT ON t7320 FOR EACH ROW EXECUTE FUNCTION search_sync('1', 'title', 'descripton');
	INSERT INTO t7320 VALUES (1, 'x'); ROLLBACK" >/dev/null 2>"$TMP/err"; then
	nok "a misnamed column is an error"
else
	grep -q 'search_sync on t7320: no column descripton' "$TMP/err" && ok "a misnamed column is an error" ||
		{ nok "a misnamed column is an error (its message)"; cat "$TMP/err" >&2; }
fi

# same WHAT: search_doc is what the tables give (no row missing, none extra, none different)
same() {
	n=$(q "WITH want(kind, id, title, body) AS (
	  SELECT 1, id, title, description FROM goal
	  UNION ALL SELECT 2, id, title, description FROM measure
	  UNION ALL SELECT 3, id, title, description FROM activity
	  UNION ALL SELECT 4, id, name, unit FROM indicator
	  UNION ALL SELECT 5, p.response_id, NULL, string_agg(p.text, chr(10) ORDER BY p.ord) FROM response_part p GROUP BY p.response_id
	  UNION ALL SELECT 6, id, number || ' ' || coalesce(text, ''), NULL FROM commission_measure),
	got AS (SELECT kind, id, title, body FROM search_doc)
	SELECT (SELECT count(*) FROM (SELECT * FROM want EXCEPT ALL SELECT * FROM got) a) || ' '
	  || (SELECT count(*) FROM (SELECT * FROM got EXCEPT ALL SELECT * FROM want) b)")
	expect_eq "search_doc is the tables' text $1 (missing, extra)" "$n" "0 0"
	labels "$1"
}
# labels WHAT: every entry's label columns (0035) are what search_doc_label gives, on database $2
labels() {
	n=$(psql -X -q -At -v ON_ERROR_STOP=1 -h "$LUP_PG" -d "${2:-$PGNAME}" -c "SELECT count(*) || ' '
	  || count(*) FILTER (WHERE (s.label, s.context, s.detail, s.link_key, s.link_year, s.plan_version_id, s.goal_id)
	    IS DISTINCT FROM (l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id))
	  || ' ' || count(*) FILTER (WHERE s.label IS NULL) FROM search_doc s LEFT JOIN search_doc_label l USING (kind, id)")
	expect_eq "search_doc's label columns $1 (entries, wrong, without a label)" "${n#* }" "0 0"
}
expect_eq "every kind has entries" "$(q "SELECT string_agg(k::text, ' ' ORDER BY k) FROM (SELECT DISTINCT kind k FROM search_doc) d")" \
	"1 2 3 4 5 6"
same "after the imports"

# updates of every searchable column, some to NULL; a response part moved to another response
q "UPDATE goal SET title = 'Sjöstjärna ' || title WHERE id IN (SELECT id FROM goal ORDER BY id LIMIT 3);
UPDATE goal SET description = NULL WHERE id = (SELECT max(id) FROM goal);
UPDATE goal SET description = 'Ny beskrivning av målet' WHERE id = (SELECT min(id) FROM goal);
UPDATE measure SET title = title || ' (ändrad)', description = NULL WHERE id IN (SELECT id FROM measure ORDER BY id LIMIT 2);
UPDATE activity SET title = 'Läxhjälp ' || title, description = 'Ökad närvaro' WHERE id IN (SELECT id FROM activity ORDER BY id LIMIT 2);
UPDATE indicator SET name = name || ' i procent', unit = NULL WHERE id = (SELECT min(id) FROM indicator);
UPDATE indicator SET unit = 'antal' WHERE id = (SELECT max(id) FROM indicator);
UPDATE commission_measure SET text = NULL WHERE id = (SELECT min(id) FROM commission_measure);
UPDATE commission_measure SET number = number || 'b', text = text || ' och mer' WHERE id = (SELECT max(id) FROM commission_measure);
UPDATE response_part SET text = 'Omskriven del' WHERE ctid = (SELECT ctid FROM response_part ORDER BY response_id, ord LIMIT 1);
UPDATE response_part SET response_id = (SELECT max(response_id) FROM response_part)
  WHERE ctid = (SELECT ctid FROM response_part WHERE response_id = (SELECT min(response_id) FROM response_part) ORDER BY ord DESC LIMIT 1)" \
	>/dev/null 2>"$TMP/err" && ok "updates" || { nok "updates"; cat "$TMP/err" >&2; }
expect_eq "an updated title is in the index" \
	"$(q "SELECT count(*) FROM search_doc WHERE kind = 1 AND title LIKE 'Sjöstjärna %'")" 3
same "after the updates"

# deletes: of each table up to three rows that nothing else keeps (each in its own
# subtransaction; a refused delete is skipped), and a commission report with its measures,
# responses and their parts (cascades)
q "CREATE TEMP TABLE gone (t text);
DO \$\$
DECLARE r record;
BEGIN
  FOR r IN SELECT 'goal' t, id FROM goal UNION ALL SELECT 'measure', id FROM measure
    UNION ALL SELECT 'activity', id FROM activity UNION ALL SELECT 'indicator', id FROM indicator
    UNION ALL SELECT 'response', id FROM response UNION ALL SELECT 'commission_measure', id FROM commission_measure
    ORDER BY 1, 2 DESC LOOP
    IF (SELECT count(*) FROM gone WHERE t = r.t) < 3 THEN
      BEGIN
        EXECUTE format('DELETE FROM %I WHERE id = \$1', r.t) USING r.id;
        INSERT INTO gone VALUES (r.t);
      EXCEPTION WHEN foreign_key_violation OR raise_exception OR restrict_violation THEN NULL;
      END;
    END IF;
  END LOOP;
END \$\$;
DELETE FROM commission_report WHERE id = (SELECT min(id) FROM commission_report);
SELECT string_agg(DISTINCT t, ' ' ORDER BY t) FROM gone" >"$TMP/gone" 2>"$TMP/err" &&
	ok "deletes" || { nok "deletes"; cat "$TMP/err" >&2; }
expect_eq "rows of each table are gone (up to three)" "$(cat "$TMP/gone")" \
	"activity commission_measure goal indicator measure response"
same "after the deletes"

# updates of every column the label columns come from, in the hits' own rows and in the rows
# they refer to (owner, plan, plan version, district, goal, report, commission measure)
q "UPDATE organisation SET name = name || ' (ny)', key = key || '-ny'
  WHERE id IN (SELECT owner_id FROM goal UNION SELECT owner_id FROM plan UNION SELECT org_id FROM response);
UPDATE area SET name = name || ' (ny)', key = key || '-ny' WHERE id IN (SELECT district_id FROM plan);
UPDATE plan SET year_from = year_from - 1;
UPDATE plan SET district_id = NULL, kind = 'vp' WHERE id = (SELECT min(id) FROM plan WHERE district_id IS NOT NULL);
UPDATE plan SET district_id = (SELECT min(district_id) FROM plan) WHERE id = (SELECT min(id) FROM plan WHERE kind = 'vp');
UPDATE goal SET year = year + 1, key = key || '-ny' WHERE id IN (SELECT goal_id FROM indicator);
UPDATE goal SET owner_id = (SELECT max(id) FROM organisation) WHERE id = (SELECT min(id) FROM goal);
UPDATE activity SET owner_id = (SELECT min(id) FROM organisation), goal_id = NULL WHERE id = (SELECT min(id) FROM activity);
UPDATE indicator SET key = key || '-ny', owner_id = (SELECT min(id) FROM organisation) WHERE id = (SELECT max(id) FROM indicator);
UPDATE measure SET plan_version_id = (SELECT max(plan_version_id) FROM measure) WHERE id = (SELECT min(id) FROM measure);
UPDATE commission_report SET title = title || ' (ny)';
UPDATE commission_measure SET number = number || 'c' WHERE id IN (SELECT measure_id FROM response ORDER BY id LIMIT 5);
UPDATE response SET org_id = (SELECT min(id) FROM organisation WHERE id NOT IN (SELECT org_id FROM response))
  WHERE id = (SELECT min(id) FROM response WHERE id IN (SELECT id FROM search_doc WHERE kind = 5))" \
	>/dev/null 2>"$TMP/err" && ok "updates of what the labels come from" ||
	{ nok "updates of what the labels come from"; cat "$TMP/err" >&2; }
expect_eq "a renamed owner is in the labels" \
	"$(q "SELECT count(*) > 0 FROM search_doc WHERE kind = 1 AND context LIKE '% (ny)'")" t
labels "after the updates of what they come from"
# (the plans moved to other districts break domain rules that lup check reports; none of the search)
"$REAL" --db "$P" check >"$TMP/check" 2>&1
grep -q search_doc "$TMP/check" && { nok "lup check finds no wrong search entry"; cat "$TMP/check" >&2; } ||
	ok "lup check finds no wrong search entry"
q "UPDATE search_doc SET link_year = link_year + 1 WHERE kind = 1 AND id = (SELECT min(id) FROM goal)"
if "$REAL" --db "$P" check >"$TMP/check" 2>&1; then
	nok "lup check finds a wrong label column"
else
	grep -q 'search_doc: 1 entries whose label columns differ' "$TMP/check" && ok "lup check finds a wrong label column" ||
		{ nok "lup check finds a wrong label column (its message)"; cat "$TMP/check" >&2; }
fi

# lup copy inserts with the foreign keys deferred, table by table (goal before organisation):
# the entries are completed by the rows they refer to when those come
PGNAME2="${PGNAME}_copy"
psql -h "$LUP_PG" -d postgres -qc "CREATE DATABASE $PGNAME2" >/dev/null 2>&1
"$REAL" --db "$TMP/c.db" demo "$ROOT/data/stockholm" >/dev/null 2>&1 &&
	"$REAL" --db "$TMP/c.db" import commission "$SEEDS/002_e3f287d953d70608.txt" >/dev/null 2>&1 &&
	"$REAL" --db "postgresql:///$PGNAME2?host=$LUP_PG" init >/dev/null 2>&1 &&
	"$REAL" copy "$TMP/c.db" "postgresql:///$PGNAME2?host=$LUP_PG" >/dev/null 2>&1 && ok "lup copy" || nok "lup copy"
labels "after lup copy" "$PGNAME2"
psql -h "$LUP_PG" -d postgres -qc "DROP DATABASE IF EXISTS $PGNAME2" >/dev/null 2>&1
finish
