/* sql-public.h: the publication rule as SQL fragments, the one rule every read statement of
 * goals, activities, indicators and outcomes applies (docs/api.md "Who may read what",
 * web/authz.h), in both dialects: the SQL files of SQLite (store/sql-sqlite.h) and of PostgreSQL
 * (store/sql-pg.h) include it after their dialect's header, which names the dialect.
 *
 * Plan content: a goal, activity or indicator belongs to the plan versions named by its
 * plan_version_id and, for an activity or an indicator, by its goal's plan_version_id. It is
 * public when none of those is a draft (model/planver.h planver_public). Each row keeps that
 * rule in its column draft (migration 0034: 1 when in a draft, kept by triggers on both backends
 * at every write of a row, a goal or a plan version, compared with PV_OF_* by `lup check`):
 * PUB_* compare it, SEE_* test the full rule only on rows in some draft, so the rule costs a
 * column read per row where the membership test cost ~24 SQLite VM steps. A draft's content is
 * shown where a version is chosen explicitly (the district page's version choice, the API's
 * plan version routes) and as a single thing (GET /api/v1/goals/{id}, /mal/{key}, ...) to those
 * who may read the draft; every list, count, matrix, chain and search shows public content only,
 * to everyone (PUB_*): so the adopted version's rows never appear twice next to their draft's
 * copies, and a cached list is the same for every caller.
 *
 * Follow-up figures: an outcome of a public indicator is public when it is the dataset's
 * example data (outcome.example = 1, labelled as such wherever it shows), official statistics
 * (an indicator of source kind 'kolada' or an outcome of source 'kolada'), or the report of the
 * indicator's owner (or its committee/administration pair) for the outcome's period is
 * approved. Any other figure (typed through the API or a form, imported from a CSV file) is
 * shown to those who may read that report (web/authz.h: the city office, administrators, the
 * owner's readers and editors) and to nobody else until the report is approved.
 *
 * lup_reads(org, org_pair) is the connection's viewer (store.h store_set_viewer): 1 when the
 * caller may read organisation org's unpublished content (a boolean on PostgreSQL, where migration
 * 0001 defines it from the settings lup.view, lup.view_org and lup.view_pair).
 */
#ifndef LUP_STORE_SQL_PUBLIC_H
#define LUP_STORE_SQL_PUBLIC_H

/* The two points where the dialects differ: a case-insensitive LIKE (SQLite's LIKE ignores the
 * case of ASCII letters, PostgreSQL's does not: ILIKE) and the literal true (SQLite has no
 * boolean type: 1; a PostgreSQL CASE of booleans must end in a boolean). The dialect's header
 * (store/sql-sqlite.h or store/sql-pg.h) defines LUP_SQL_DIALECT_SQLITE or LUP_SQL_DIALECT_PG. */
#if defined(LUP_SQL_DIALECT_SQLITE) && !defined(LUP_SQL_DIALECT_PG)
#define SQL_ILIKE "LIKE"
#define SQL_TRUE "1"
#define SQL_FALSE "0"
#elif defined(LUP_SQL_DIALECT_PG) && !defined(LUP_SQL_DIALECT_SQLITE)
#define SQL_ILIKE "ILIKE"
#define SQL_TRUE "true"
#define SQL_FALSE "false"
#else
#error "store/sql-public.h: include exactly one dialect's header (store/sql-sqlite.h or store/sql-pg.h) first"
#endif

/* Plan version id (an SQL expression, may be NULL) is a draft for which cond holds, with d_ (the
 * version) and o_ (its plan's owner) in scope. One id per EXISTS, compared with =: SQLite runs
 * "d_.id IN (x, y)" of a correlated list through a temporary table opened and cleared again for
 * every outer row (and cleared page by page with secure delete), "d_.id = x" as one rowid seek. */
#define PV_DRAFT_ONE(id, cond) \
	"EXISTS (SELECT 1 FROM plan_version d_ JOIN plan p_ ON p_.id = d_.plan_id" \
	" JOIN organisation o_ ON o_.id = p_.owner_id WHERE d_.id = " id " AND d_.status = 'draft'" cond ")"

/* The plan versions a goal g, an activity a or an indicator i belongs to: whether any of them
 * is a draft for which cond holds (the full rule: SEE_* on rows whose draft is 1, `lup check`). A correlated EXISTS per row (PV_DRAFT_ONE) costs a subplan
 * per outer row on PostgreSQL (with a scan of its small tables each time) and, on SQLite, three
 * cursors opened, positioned and closed per row, several times the rest of a list's statement;
 * the test is instead membership in the set of such drafts (and of their goals), which does
 * not depend on the row: built once per statement (a hashed subplan on PostgreSQL, a temporary
 * index on SQLite) and probed per row. A NULL id is in no draft, as with EXISTS. */
#define PV_DRAFTS(cond) \
	"(SELECT d_.id FROM plan_version d_ JOIN plan p_ ON p_.id = d_.plan_id" \
	" JOIN organisation o_ ON o_.id = p_.owner_id WHERE d_.status = 'draft'" cond ")"
#define PV_OF_GOAL(g, cond) "coalesce(" g ".plan_version_id IN " PV_DRAFTS(cond) ", " SQL_FALSE ")"
#define PV_OF_ACTIVITY(a, cond) \
	"(" PV_OF_GOAL(a, cond) " OR coalesce(" a ".goal_id IN (SELECT dg_.id FROM goal dg_" \
	" WHERE dg_.plan_version_id IN " PV_DRAFTS(cond) "), " SQL_FALSE "))"
#define PV_OF_INDICATOR(i, cond) PV_OF_ACTIVITY(i, cond)

/* Public: in no draft. The column draft (migration 0034, kept by triggers on both backends and
 * compared with PV_OF_* by `lup check`) holds the rule for each row. */
#define PUB_GOAL(g) "(" g ".draft = 0)"
#define PUB_ACTIVITY(a) "(" a ".draft = 0)"
#define PUB_INDICATOR(i) "(" i ".draft = 0)"

/* In a draft (what PUB_* leaves out), for a WHERE that picks the rows not public to take them
 * from a count of all rows: the partial indexes goal_draft and activity_draft (by owner) hold
 * just these rows. */
#define DRAFT_GOAL(g) "(" g ".draft = 1)"
#define DRAFT_ACTIVITY(a) "(" a ".draft = 1)"

/* Readable by the viewer as a single thing: in no draft the viewer may not read (SEE_IN: of
 * the one plan version id given). The full rule is tested only on rows in some draft. */
#define SEE_NOT_READ " AND NOT lup_reads(o_.id, o_.pair_id)"
#define SEE_IN(id) "(NOT " PV_DRAFT_ONE(id, SEE_NOT_READ) ")"
#define SEE_GOAL(g) "(" g ".draft = 0 OR NOT " PV_OF_GOAL(g, SEE_NOT_READ) ")"
#define SEE_ACTIVITY(a) "(" a ".draft = 0 OR NOT " PV_OF_ACTIVITY(a, SEE_NOT_READ) ")"
#define SEE_INDICATOR(i) "(" i ".draft = 0 OR NOT " PV_OF_INDICATOR(i, SEE_NOT_READ) ")"

/* `lup check`: the rows whose column draft (migration 0034) differs from the full rule, one
 * (what, detail) row each, naming the table and the id. */
#define CHECK_DRAFT_ONE(table, t, rule) \
	"SELECT 'draft column', '" table " ' || " t ".id || ' (' || " t ".key || '): draft is ' || " t ".draft" \
	" || ', its plan versions say ' || (CASE WHEN " rule " THEN 1 ELSE 0 END) FROM " table " " t \
	" WHERE " t ".draft <> (CASE WHEN " rule " THEN 1 ELSE 0 END)"
#define CHECK_DRAFT_SQL \
	CHECK_DRAFT_ONE("goal", "g", PV_OF_GOAL("g", "")) \
	" UNION ALL " CHECK_DRAFT_ONE("activity", "a", PV_OF_ACTIVITY("a", "")) \
	" UNION ALL " CHECK_DRAFT_ONE("indicator", "i", PV_OF_INDICATOR("i", ""))

/* An outcome x of indicator i (i public: the caller joins PUB_INDICATOR or SEE_INDICATOR) is a
 * figure the viewer may see: public (example data, official statistics, an approved report of
 * the owner or its pair for the period) or the viewer may read the owner's reports. */
#define FIGURE_OPEN(x) "(" x ".example = 1 OR " x ".source = 'kolada')"
#define SEE_FIGURE(x, i) SEE_FIGURE_IF(FIGURE_OPEN(x), x ".period_id", i)

/* SEE_FIGURE for an outcome x of the indicator with id column icol, the indicator looked up only
 * when the figure is not public in itself (FIGURE_OPEN). The indicator's own publication
 * (PUB_INDICATOR) is NOT applied: only for readers that keep the figures of indicators they
 * already know to be public (the district page's series, matched to its comparison's rows). */
#define SEE_FIGURE_OF(x, icol) \
	"(" FIGURE_OPEN(x) " OR EXISTS (SELECT 1 FROM indicator fi_ WHERE fi_.id = " icol " AND " SEE_FIGURE(x, "fi_") "))"

/* The same rule for figures of indicator i and the period with id column period, of which open
 * (SQL) says whether one is public in itself (example data or from Kolada): for readers of
 * counts of figures rather than the figures (PostgreSQL's derived_indicator_period). */
#define SEE_FIGURE_IF(open, period, i) \
	"(" open " OR " i ".source_kind = 'kolada'" \
	" OR " SEE_FIGURE_OWNER(period, i ".owner_id") ")"

/* The part of the rule that depends on the owner (id column owner) and the period only, as
 * OR-ed terms (the caller brackets them): an approved report of the owner or its pair for the
 * period, or the viewer may read the owner's reports. */
#define SEE_FIGURE_OWNER(period, owner) \
	"EXISTS (SELECT 1 FROM report r_ JOIN organisation ro_ ON ro_.id = r_.org_id" \
	"  WHERE r_.period_id = " period " AND r_.status = 'approved' AND (r_.org_id = " owner \
	"  OR ro_.pair_id = " owner " OR r_.org_id = (SELECT pair_id FROM organisation WHERE id = " owner ")))" \
	" OR lup_reads(" owner ", (SELECT pair_id FROM organisation WHERE id = " owner "))"

/* SEE_FIGURE decided once per (owner, period) rather than per figure, for statements that read
 * many figures of few owners and periods: SEE_FIGURE_SEEN(owners, periods) is the query of the
 * pairs (owner_id, period_id) of the tables owners (id) and periods (id) whose figures the
 * rule's owner part admits (a CTE the statement names, say seen); SEE_FIGURE_BY(x, i, seen) is
 * then SEE_FIGURE for an outcome x of indicator i whose owner is among owners and whose period
 * is among periods (for others it says no). On SQLite the rule's report lookup and lup_reads
 * per figure that is not public in itself cost about 3K instructions a row. */
#define SEE_FIGURE_SEEN(owners, periods) \
	"SELECT o_.id AS owner_id, p_.id AS period_id FROM " owners " o_ CROSS JOIN " periods " p_" \
	" WHERE (" SEE_FIGURE_OWNER("p_.id", "o_.id") ")"
#define SEE_FIGURE_BY(x, i, seen) "(" FIGURE_OPEN(x) " OR " SEE_FIGURE_SHUT_BY(x ".period_id", i, seen) ")"
/* SEE_FIGURE_BY's terms for a figure not public in itself, of the period with id column period
 * (OR-ed; the caller brackets them). */
#define SEE_FIGURE_SHUT_BY(period, i, seen) \
	i ".source_kind = 'kolada' OR EXISTS (SELECT 1 FROM " seen " s_" \
	" WHERE s_.owner_id = " i ".owner_id AND s_.period_id = " period ")"

/* The same for an outcome x of the indicator with id column icol (no alias of indicator in
 * scope): the indicator is looked up. */
#define SEE_OUTCOME(x, icol) \
	"EXISTS (SELECT 1 FROM indicator oi_ WHERE oi_.id = " icol " AND " PUB_INDICATOR("oi_") \
	" AND " SEE_FIGURE(x, "oi_") ")"

/* An audit entry au (its columns entity, entity_id, before, after) the viewer may see: the entry
 * of a thing in a draft only when the viewer may read the draft (SEE_*); an indicator's entry
 * that records outcomes (follow-up figures) only when the viewer may read the owner's reports;
 * the entries of things that no longer exist stay (their history). Report entries are judged in
 * C (web/authz.h authz_audit_rows). */
#define AUDIT_IN_VERSION(au, table, col) \
	"NOT EXISTS (SELECT 1 FROM " table " av_ WHERE av_.id = " au ".entity_id AND NOT " SEE_IN("av_." col) ")"
#define AUDIT_SEE(au) \
	"(CASE " au ".entity" \
	" WHEN 'goal' THEN NOT EXISTS (SELECT 1 FROM goal ag_ WHERE ag_.id = " au ".entity_id AND NOT " SEE_GOAL("ag_") ")" \
	" WHEN 'activity' THEN NOT EXISTS (SELECT 1 FROM activity aa_ WHERE aa_.id = " au ".entity_id" \
	"  AND NOT " SEE_ACTIVITY("aa_") ")" \
	" WHEN 'indicator' THEN NOT EXISTS (SELECT 1 FROM indicator ai_ JOIN organisation aio_ ON aio_.id = ai_.owner_id" \
	"  WHERE ai_.id = " au ".entity_id AND (NOT " SEE_INDICATOR("ai_") \
	"  OR ((" au ".before " SQL_ILIKE " '%\"outcomes\"%' OR " au ".after " SQL_ILIKE " '%\"outcomes\"%')" \
	"  AND NOT lup_reads(ai_.owner_id, aio_.pair_id))))" \
	" WHEN 'measure' THEN " AUDIT_IN_VERSION(au, "measure", "plan_version_id") \
	" WHEN 'theme' THEN " AUDIT_IN_VERSION(au, "theme", "plan_version_id") \
	" WHEN 'lup_section' THEN " AUDIT_IN_VERSION(au, "lup_section", "plan_version_id") \
	" WHEN 'plan_partner' THEN " AUDIT_IN_VERSION(au, "plan_partner", "plan_version_id") \
	" WHEN 'plan_version' THEN " AUDIT_IN_VERSION(au, "plan_version", "id") \
	" ELSE " SQL_TRUE " END)"

#endif
