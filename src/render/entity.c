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

static int district_extras(struct store *st, int64_t id, struct json *j, struct arena *a, struct err *e)
{
	static const struct { const char *key; enum stmt s; } extras[] = {
		{ "themes", STMT_DISTRICT_THEMES }, { "prioritised_areas", STMT_DISTRICT_PAREAS },
	};
	struct sval arg = SVI(id);
	int rc;

	for (size_t x = 0; x < sizeof(extras) / sizeof(extras[0]); x++) {
		struct rowset names;
		rowset_init(&names, a);
		if ((rc = rowset_query(&names, st, extras[x].s, &arg, 1, e)) != LUP_OK)
			return rc;
		json_key(j, extras[x].key);
		json_arr_open(j);
		for (int r = 0; r < names.nrows; r++)
			json_str(j, names.rows[r][0].s);
		json_arr_close(j);
	}
	return LUP_OK;
}

int entity_list_item(struct store *st, const struct kind *k, const struct rowset *rs, int i,
		     struct json *j, struct arena *a, struct err *e)
{
	int rc = LUP_OK, idc = rowset_col(rs, "id");

	json_obj_open(j);
	rowset_json_row(rs, i, j, k->bools);
	if (k->list == STMT_LIST_DISTRICTS && idc >= 0)
		rc = district_extras(st, strtoll(rs->rows[i][idc].s, NULL, 10), j, a, e);
	json_obj_close(j);
	return rc;
}

int entity_load(struct store *st, const struct kind *k, int64_t id, struct rowset *main,
		struct rowset *rels, int *found, struct arena *a, struct err *e)
{
	struct sval arg = SVI(id);
	int rc;

	*found = 0;
	rowset_init(main, a);
	for (int r = 0; r < KIND_MAX_RELS; r++)
		rowset_init(&rels[r], a);
	if (!id)
		return LUP_OK;
	if ((rc = rowset_query(main, st, k->show, &arg, 1, e)) != LUP_OK)
		return rc;
	if (!main->nrows)
		return LUP_OK;
	*found = 1;
	for (int r = 0; r < KIND_MAX_RELS && k->rels[r].name; r++)
		if ((rc = rowset_query(&rels[r], st, k->rels[r].stmt, &arg, 1, e)) != LUP_OK)
			return rc;
	return LUP_OK;
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
