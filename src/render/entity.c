/* entity.c: JSON of entity lists and of one entity with its relations. */
#include "render/entity.h"
#include "core/arena.h"
#include "core/err.h"
#include "render/json.h"
#include "store/kinds.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* Relation columns shown as booleans, whatever the relation. */
static const char *const rel_bools[] = { "missing", "example", "extra", "prioritised", "by_sex", "by_area", NULL };

/* names_of: the names (column 2) of the rows of set (STMT_DISTRICTS_EXTRAS) whose kind
 * (column 1) is what ('1' themes, '2' prioritised areas) and whose district (column 0) is id. */
static void names_of(const struct rowset *set, const char *id, char what, struct json *j)
{
	json_arr_open(j);
	for (int r = 0; r < set->nrows; r++) {
		const char *k = set->rows[r][1].s, *d = set->rows[r][0].s;

		if (k && k[0] == what && !k[1] && d && strcmp(d, id) == 0)
			json_str(j, set->rows[r][2].s);
	}
	json_arr_close(j);
}

/* district_extras: the themes and prioritised areas of district id, from x (loaded at the
 * first call: one statement for the whole list). */
static int district_extras(struct store *st, const char *id, struct entity_extras *x, struct json *j,
			   struct arena *a, struct err *e)
{
	int rc;

	if (!x->loaded) {
		rowset_init(&x->rows, a);
		if ((rc = rowset_query(&x->rows, st, STMT_DISTRICTS_EXTRAS, NULL, 0, e)) != LUP_OK)
			return rc;
		x->loaded = 1;
	}
	json_key(j, "themes");
	names_of(&x->rows, id, '1', j);
	json_key(j, "prioritised_areas");
	names_of(&x->rows, id, '2', j);
	return LUP_OK;
}

int entity_list_load(struct store *st, const struct kind *k, const struct sval *args, int nargs,
		     struct rowset *rs, struct entity_extras *x, struct arena *a, struct err *e)
{
	struct store_q q[2] = { { k->list, args, nargs, rowset_collect, rs },
				{ STMT_DISTRICTS_EXTRAS, NULL, 0, rowset_collect, &x->rows } };
	int n = k->list == STMT_LIST_DISTRICTS ? 2 : 1, rc;

	memset(x, 0, sizeof(*x));
	rowset_init(rs, a);
	rowset_init(&x->rows, a);
	if ((rc = store_query_many(st, q, n, e)) != LUP_OK)
		return rc;
	x->loaded = n == 2;
	return LUP_OK;
}

int entity_list_item(struct store *st, const struct kind *k, const struct rowset *rs, int i,
		     struct entity_extras *x, struct json *j, struct arena *a, struct err *e)
{
	int rc = LUP_OK, idc = rowset_col(rs, "id");

	json_obj_open(j);
	rowset_json_row(rs, i, j, k->bools);
	if (k->list == STMT_LIST_DISTRICTS && idc >= 0 && rs->rows[i][idc].s)
		rc = district_extras(st, rs->rows[i][idc].s, x, j, a, e);
	json_obj_close(j);
	return rc;
}

/* order_by_owner: sorts rs (REL_BY_OWNER: its first column the owner's name) by that name in
 * Swedish order and then by its column "key" (byte order: SQLite's BINARY), and drops the
 * name column. Returns LUP_OK, or LUP_EDB when the collation fails. */
static int order_by_owner(struct rowset *rs, struct err *e)
{
	if (rs->ncols < 1)
		return LUP_OK;
	if (rowset_order_by_name(rs, 0, -1, rowset_col(rs, "key")) != 0)
		return err_set(e, LUP_EDB, "cannot sort by name: the Swedish collation failed");
	for (int i = 0; i < rs->nrows; i++)
		rs->rows[i]++;
	rs->names++;
	rs->ncols--;
	return LUP_OK;
}

_Static_assert(1 + KIND_MAX_RELS <= STORE_QUERY_MAX, "an entity and its relations are one store_query_many");

static int all_digits(const char *s);

/* key_like: 1 when s may be a key (lower-case letters, digits and '-', not only digits): a
 * name or an alias (capitals, spaces, å, ä, ö) goes to the loose lookup at once. */
static int key_like(const char *s)
{
	int letter = 0;

	for (; *s; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
		letter |= !(*s >= '0' && *s <= '9');
	}
	return letter;
}

/* load: the entity and its relations by the statements show and rel[] (each taking *arg) in one
 * batch (one round trip on PostgreSQL); the relations' rows are dropped when there is no entity. */
static int load(struct store *st, const struct kind *k, enum stmt show, const enum stmt *rel,
		const struct sval *arg, struct rowset *main, struct rowset *rels, int *found,
		struct arena *a, struct err *e)
{
	struct store_q q[1 + KIND_MAX_RELS];
	int rc, n = 0;

	q[n++] = (struct store_q){ show, arg, 1, rowset_collect, main };
	for (int r = 0; r < KIND_MAX_RELS && k->rels[r].name; r++)
		q[n++] = (struct store_q){ rel ? rel[r] : k->rels[r].stmt, arg, 1, rowset_collect, &rels[r] };
	if ((rc = store_query_many(st, q, n, e)) != LUP_OK)
		return rc;
	if (!main->nrows) {
		for (int r = 0; r < KIND_MAX_RELS; r++)
			rowset_init(&rels[r], a);
		return LUP_OK;
	}
	for (int r = 0; r < KIND_MAX_RELS && k->rels[r].name; r++)
		if (k->rels[r].order == REL_BY_OWNER && (rc = order_by_owner(&rels[r], e)) != LUP_OK)
			return rc;
	*found = 1;
	return LUP_OK;
}

/* load_init: empty rowsets for entity_load's outputs. */
static void load_init(struct rowset *main, struct rowset *rels, int *found, struct arena *a)
{
	*found = 0;
	rowset_init(main, a);
	for (int r = 0; r < KIND_MAX_RELS; r++)
		rowset_init(&rels[r], a);
}

int entity_load(struct store *st, const struct kind *k, int64_t id, struct rowset *main,
		struct rowset *rels, int *found, struct arena *a, struct err *e)
{
	struct sval arg = SVI(id);

	load_init(main, rels, found, a);
	if (!id)
		return LUP_OK;
	return load(st, k, k->show, NULL, &arg, main, rels, found, a, e);
}

int entity_load_key(struct store *st, const struct kind *k, const char *text, int last, int64_t *id,
		    struct rowset *main, struct rowset *rels, int *found, struct arena *a, struct err *e)
{
	const enum stmt *ks = kind_key_stmts(k);
	struct sval arg = SVS(text);
	int rc, idc;

	*id = 0;
	if (ks && key_like(text)) {	/* by the exact key, lookup and loads together */
		load_init(main, rels, found, a);
		if (last)
			store_read_last(st);
		if ((rc = load(st, k, ks[0], ks + 1, &arg, main, rels, found, a, e)) != LUP_OK)
			return rc;
		if (*found && (idc = rowset_col(main, "id")) >= 0 && main->rows[0][idc].t == SV_INT)
			*id = main->rows[0][idc].i;
		if (*found)
			return LUP_OK;
	}
	/* an id, or a name or alias (the loose lookup), or a kind without key statements */
	if ((rc = entity_find_id(st, k, text, id, e)) != LUP_OK)
		return rc;
	if (last)
		store_read_last(st);
	return entity_load(st, k, *id, main, rels, found, a, e);
}

void entity_json(const struct kind *k, const struct rowset *main, const struct rowset *rels,
		 struct json *j)
{
	json_obj_open(j);
	rowset_json_row(main, 0, j, k->bools);
	for (int r = 0; r < KIND_MAX_RELS && k->rels[r].name; r++) {
		json_key(j, k->rels[r].name);
		rowset_json(&rels[r], j, rel_bools);
	}
	json_obj_close(j);
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int entity_find_id(struct store *st, const struct kind *k, const char *text, int64_t *id, struct err *e)
{
	struct sval v = SVS(text);

	*id = 0;
	if (all_digits(text) && strlen(text) < 19) {
		*id = strtoll(text, NULL, 10);
		return LUP_OK;
	}
	if (k->by_key == STMT__MAX)
		return LUP_OK;
	return store_query_id(st, k->by_key, &v, 1, id, e);
}
