/* kinds.h: the entity kinds that `lup list` and `lup show` know, as data. */
#ifndef LUP_KINDS_H
#define LUP_KINDS_H

#include <stdint.h>
#include <stdio.h>

#include "store/stmt.h"
#include "store/store.h"

struct err;

/* Filters a list may take; a kind's params say which ?N each fills. */
enum filter { F_END = 0, F_DISTRICT, F_ORG, F_YEAR, F_LEVEL, F_KIND, F_INDICATOR, F_AREA, F_SEX,
	      F_PERIOD, F__MAX };

#define KIND_MAX_FILTERS 8

#define KIND_MAX_RELS 8

enum rel_part { REL_LINKED = 0, REL_OWN };

/* How a relation's rows come in order. REL_BY_SQL: its statement orders them. REL_BY_OWNER: its
 * statement's first column is the owner's name and its rows come in no order; the loader
 * (render/entity.h entity_load) sorts them by that name in Swedish order (COLLATE sv), then by
 * the column "key", and drops the name: a list of many rows of a few owners, which PostgreSQL
 * sorts slowly by name (an ICU key per row) and C sorts by one key per owner.
 * REL_IN_RUNS: its statement orders its rows by its first column only; within a run of rows of
 * the same first column the loader orders them by the second column, then the third (texts, in
 * byte order: SQLite's BINARY), keeping the order of rows equal in both: an indicator's
 * outcomes by period, then area key and sex, which SQLite gives period by period from an index
 * and otherwise sorted all together.
 * REL_BY_KEYS: its statement's first two columns are integers (NULL first) its rows are ordered
 * by, and are not shown; SQLite's statement gives its rows in no order (its sorter cost 10-70K
 * instructions a relation: a district's measures, themes, partners), PostgreSQL's sorted; the
 * loader sorts them (stable) where they are not in that order.
 * REL_BY_KEY_NAME: as REL_BY_KEYS, but its second column is a name ordered in Swedish order
 * (COLLATE sv; NULL first): a district's areas by level and name (SQLite's sorter called the
 * collation per comparison: 62K instructions). */
enum rel_order { REL_BY_SQL = 0, REL_BY_OWNER, REL_IN_RUNS, REL_BY_KEYS, REL_BY_KEY_NAME };

/* REL_KEYS: the columns a REL_BY_KEYS relation's statement begins with. */
#define REL_KEYS 2

struct kind_rel {
	const char *name;	/* JSON key of the relation */
	enum stmt stmt;		/* takes (id) */
	enum rel_part own;	/* REL_OWN: rows that are parts of the thing, written through it and
				 * audited with it; REL_LINKED: other things linked to it (never in
				 * its audit entries, see store/audit.h) */
	enum rel_order order;
};

struct kind {
	const char *name;		/* plural, as typed: "districts" */
	const char *singular;		/* "district" */
	enum stmt list;			/* the list statement: the filters, then, with a count, a
					 * page (limit, offset) */
	enum stmt count;		/* the list's rows without the page: the filters -> (count);
					 * STMT__MAX: none, the list has no page (it is read whole) */
	enum filter params[KIND_MAX_FILTERS];	/* filter per ?N of list, F_END-terminated */
	enum stmt show;			/* the show statement (id) */
	enum stmt by_key;		/* key -> id, or STMT__MAX when only ids work */
	const char *const *bools;	/* columns shown as booleans */
	struct kind_rel rels[KIND_MAX_RELS];
};

/* kind_find: the kind named by its plural or singular name, or NULL. */
const struct kind *kind_find(const char *name);

/* kind_key_stmts: NULL, or kind k's show and then each of its relations' statements taking
 * the entity's exact key instead of its id (render/entity.h entity_load_key: the
 * lookup and the loads in one batch). */
const enum stmt *kind_key_stmts(const struct kind *k);

/* kind_names_print: prints the plural names, comma-separated (for messages). */
void kind_names_print(FILE *f);

/* kind_count: the number of kinds; kind_at: the i-th (for listing routes). */
int kind_count(void);
const struct kind *kind_at(int i);

/* kind_filter_name: the option/parameter name of a filter ("district", "org", ...). */
const char *kind_filter_name(enum filter f);

/* kind_filter_doc: what a filter's value is, for the OpenAPI document and messages. */
const char *kind_filter_doc(enum filter f);

/* kind_takes: 1 when kind k's list takes filter f, else 0. */
int kind_takes(const struct kind *k, enum filter f);

/* A page as large as any list: every row (`lup list`). */
#define KIND_ALL INT64_MAX

/* Resolved filter values; the sval args point into it, so it must outlive them. args: the
 * filters (nargs of them, a count statement's arguments) and then the page, limit and offset
 * (npaged in all: a list statement's arguments). */
struct kind_bound {
	struct sval args[KIND_MAX_FILTERS + 2];
	int nargs, npaged;
	int64_t district_id, org_id, indicator_id, area_id;
	long year;
	char period[8];		/* the period filter with VB written FY */
};

/*
 * kind_bind: checks and resolves the filter values vals[F_...] (NULL when not given) for
 * kind k and fills b->args in the order of k->params. Errors: LUP_EINVAL for a filter k
 * does not take, a year that is not 1900-2999, an unknown goal level, a sex other than T, K,
 * M or a period that is not T1, T2, FY (or VB) or YEAR-KIND ("2022-FY"); LUP_ENOTFOUND for an unknown
 * district, organisation, area (by key, name or alias) or indicator (key or id); LUP_EDB.
 * e names the problem and the filter. The page is every row (KIND_ALL from 0: kind_page).
 */
int kind_bind(struct store *st, const struct kind *k, const char *const vals[F__MAX],
	      struct kind_bound *b, struct err *e);

/* kind_page: sets the page of b (bound by kind_bind for kind k) to limit rows (KIND_ALL: every
 * one) from offset (both >= 0): the arguments after the filters of a list with a count (a
 * list without one takes none, npaged = nargs). */
void kind_page(struct kind_bound *b, const struct kind *k, int64_t limit, int64_t offset);

/* kind_list_stmts: the list statement (*list) and its count (*count) that read kind k's list
 * with b's filters: k->list and k->count, but for the outcomes the statements that read the
 * filter leading to the fewest rows (an indicator, an area, a district) through its index. */
void kind_list_stmts(const struct kind *k, const struct kind_bound *b, enum stmt *list, enum stmt *count);

#endif
