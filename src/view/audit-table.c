/* audit-table.c: the audit log as an export table, an entry a row with the Swedish names of the
 * fields it changed (see tables-city.h). */
#include "view/tables-city.h"
#include "render/fieldnames.h"
#include "store/store.h"

#include <jansson.h>
#include <string.h>

enum { AU_NO, AU_AT, AU_USER, AU_ACTION, AU_ENTITY, AU_ID, AU_KEY, AU_FIELDS, AU__MAX };

static const struct table_col cols[AU__MAX] = {
	[AU_NO] = { "Nr", NULL, TABLE_INT, 0, 8 },
	[AU_AT] = { "Tidpunkt", "UTC", TABLE_DATETIME, 0, 0 },
	[AU_USER] = { "Användare", NULL, TABLE_TEXT, 0, 24 },
	[AU_ACTION] = { "Händelse", NULL, TABLE_TEXT, 0, 12 },
	[AU_ENTITY] = { "Uppgift", NULL, TABLE_TEXT, 0, 16 },
	[AU_ID] = { "Id", NULL, TABLE_INT, 0, 8 },
	[AU_KEY] = { "Nyckel", NULL, TABLE_TEXT, 0, 30 },
	[AU_FIELDS] = { "Ändrade fält", NULL, TABLE_TEXT, 0, 60 },
};

#define NAMES_MAX 64	/* distinct field names listed per entry */

/* add_name: the Swedish name of field key to b (", "-separated), once per name */
static void add_name(struct buf *b, const char **seen, int *n, const char *key)
{
	const char *sv = fieldname_sv(key);

	for (int i = 0; i < *n; i++)
		if (!strcmp(seen[i], sv))
			return;
	if (*n == NAMES_MAX)
		return;
	seen[(*n)++] = sv;
	buf_adds(b, b->len ? ", " : "");
	buf_adds(b, sv);
}

/* changed: into b the fields that differ between the objects before and after (either NULL
 * for an insert or a delete), after's order first; the id, which names the thing, is left out */
static void changed(const json_t *before, const json_t *after, struct buf *b)
{
	const char *seen[NAMES_MAX], *key;
	const json_t *v;
	int n = 0;

	json_object_foreach((json_t *)after, key, v)
		if (strcmp(key, "id") && !json_equal((json_t *)v, json_object_get(before, key)))
			add_name(b, seen, &n, key);
	json_object_foreach((json_t *)before, key, v)
		if (strcmp(key, "id") && !json_object_get(after, key))
			add_name(b, seen, &n, key);
}

/* obj: text parsed when it is a JSON object, else NULL */
static json_t *obj(const char *text)
{
	json_t *j = text && *text == '{' ? json_loads(text, 0, NULL) : NULL;

	if (j && !json_is_object(j)) {
		json_decref(j);
		return NULL;
	}
	return j;
}

/* key_of: the thing's key in after, else in before, or NULL */
static const char *key_of(const json_t *before, const json_t *after)
{
	const char *k = json_string_value(json_object_get(after, "key"));

	return k ? k : json_string_value(json_object_get(before, "key"));
}

static int row(void *ctx, const struct store_row *r)
{
	struct table *t = ctx;
	const char *action = store_col_text(r, 3);
	json_t *before = obj(store_col_text(r, 6)), *after = obj(store_col_text(r, 7));
	struct buf b;

	table_row(t);
	table_set_int(t, AU_NO, store_col_int(r, 0));
	table_set_datetime(t, AU_AT, store_col_text(r, 1));
	table_set_text(t, AU_USER, store_col_text(r, 2));
	table_set_text(t, AU_ACTION, fieldname_action_sv(action));
	table_set_text(t, AU_ENTITY, fieldname_entity_sv(store_col_text(r, 4)));
	if (store_col_type(r, 5) != SV_NULL)
		table_set_int(t, AU_ID, store_col_int(r, 5));
	table_set_text(t, AU_KEY, key_of(before, after));
	/* a load or migrate entry holds counts, not fields */
	if (action && (!strcmp(action, "insert") || !strcmp(action, "update") || !strcmp(action, "delete"))) {
		buf_init(&b, 1 << 16);
		changed(before, after, &b);
		table_set_text(t, AU_FIELDS, b.len ? b.ptr : NULL);
		buf_release(&b);
	}
	json_decref(before);
	json_decref(after);
	return 0;
}

int audit_table_load(struct store *st, int year, struct table *t, struct err *e)
{
	struct sval a[] = { SVID(year) };

	table_init(t, "Ändringslogg", cols, AU__MAX);
	return store_query(st, STMT_VTAB_AUDIT, a, 1, row, t, e);
}
