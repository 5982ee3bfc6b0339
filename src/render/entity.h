/* entity.h: the JSON of an entity kind's list items and of one entity with its relations,
 * shared by `lup list/show --json` and the HTTP API so that both speak the same shapes. */
#ifndef LUP_ENTITY_H
#define LUP_ENTITY_H

#include <stdint.h>

#include "render/rows.h"

struct arena;
struct err;
struct json;
struct kind;
struct store;
struct store_row;

/* One row of STMT_DISTRICTS_EXTRAS: a theme (what 1) or prioritised area (what 2) of a
 * district, with the two keys that order it within its district (o1, o2). */
struct district_extra {
	int64_t district, o1, o2;
	int what;
	const char *name;	/* NULL for NULL */
};

/* The extras of a list's items (a district's themes and prioritised areas), for all its items at
 * once: read by entity_list_load (or through entity_extras_row into a batch of the caller's),
 * or else by the first entity_list_item of a list that needs them. Zero it per list, or
 * entity_extras_init it. */
struct entity_extras {
	int loaded;
	struct arena *a;	/* the rows' memory */
	struct district_extra *rows;	/* n rows of cap; in order (what, district, o1, o2) once sorted */
	int n, cap, sorted;
	struct rowset_judged judged;	/* the list's columns, judged by its first item */
};

/* entity_extras_init: x empty (not loaded), its rows to come from a. */
void entity_extras_init(struct entity_extras *x, struct arena *a);

/* entity_extras_row: a store_row_fn collecting a row of STMT_DISTRICTS_EXTRAS (district_id,
 * what, name, o1, o2) into ctx, a struct entity_extras; set loaded when the statement ran. */
int entity_extras_row(void *ctx, const struct store_row *row);

/* entity_list_order: puts rs, the whole list of kind k as its statement gave it, in the list's
 * order where the loader rather than SQL sorts it (the districts: by name in Swedish order, as
 * COLLATE sv; equal names in the statement's order, the ids'); other kinds' are left as they
 * are. Returns LUP_OK, or LUP_EDB in e when the collation fails. */
int entity_list_order(const struct kind *k, struct rowset *rs, struct err *e);

/* entity_list_load: the rows of kind k's list statement (args: its filters and page, kinds.h
 * kind_bind) into rs, initialised here from a, and with them the extras its items need into x
 * (zeroed here): one round trip on PostgreSQL. Returns LUP_OK or a store error. */
int entity_list_load(struct store *st, const struct kind *k, const struct sval *args, int nargs,
		     struct rowset *rs, struct entity_extras *x, struct arena *a, struct err *e);

/* entity_list_item: writes row i of a list of kind k as an object (districts also get their
 * themes and prioritised areas, through x). Returns LUP_OK or a store error. */
int entity_list_item(struct store *st, const struct kind *k, const struct rowset *rs, int i,
		     struct entity_extras *x, struct json *j, struct arena *a, struct err *e);

/*
 * entity_load: loads entity id of kind k with every relation into *main and rels[] (arrays of
 * KIND_MAX_RELS rowsets, initialised here from a), a relation of order REL_BY_OWNER sorted here
 * (store/kinds.h). *found is 0 when there is no such entity.
 */
int entity_load(struct store *st, const struct kind *k, int64_t id, struct rowset *main,
		struct rowset *rels, int *found, struct arena *a, struct err *e);

/*
 * entity_load_key: entity_load of the entity that text names (entity_find_id: a decimal id, or
 * a key/name where the kind has a lookup), its id in *id (0 when none). Where the kind has
 * statements by key (kinds.h kind_key_stmts) and text is a key, the lookup and the loads are
 * one batch: one round trip on PostgreSQL, not two (a name or alias: a second batch, as before). last: the loads are the open read transaction's last reads
 * (store_read_last before their batch, when they are one). Returns LUP_OK or a store error.
 */
int entity_load_key(struct store *st, const struct kind *k, const char *text, int last, int64_t *id,
		    struct rowset *main, struct rowset *rels, int *found, struct arena *a, struct err *e);

/*
 * entity_stream_key: entity_load_key and entity_json in one pass, for a writer j with pretty 0
 * (the API): the entity's object written into j's output as its rows are read, with no row
 * sets (its bytes are entity_json's). *found 0 (and *id as entity_load_key gives it): nothing
 * written, and j must not be used further (it counts a value). Returns LUP_OK, LUP_EINVAL
 * where j takes no value (or is pretty), or a store error (the output then holds nothing of
 * the entity).
 */
int entity_stream_key(struct store *st, const struct kind *k, const char *text, int last, int64_t *id,
		      struct json *j, int *found, struct arena *a, struct err *e);

/* entity_json: writes what entity_load loaded as one object. */
void entity_json(const struct kind *k, const struct rowset *main, const struct rowset *rels,
		 struct json *j);

/* entity_find_id: the id named by text: a decimal id, or a key/name where the kind has a lookup.
 * *id is 0 when nothing matches. */
int entity_find_id(struct store *st, const struct kind *k, const char *text, int64_t *id, struct err *e);

#endif
