/* audit.c: the audit log's entries: the thing's own fields, only what changed (see audit.h). */
#include "store/audit.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "render/json.h"
#include "store/kinds.h"
#include "store/store.h"

/* jansson reads the entries; lup's writer (render/json.h) writes them, so that numbers and
 * escapes are those of every other JSON lup writes. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* --- reading and writing the JSON --------------------------------------------------------- */

/* load: text as a JSON object into *out (NULL when text is NULL or not an object: kept raw). */
static int load(const char *text, json_t **out, struct err *e)
{
	json_error_t je;

	*out = NULL;
	if (!text || text[0] != '{')
		return LUP_OK;
	if (!(*out = json_loads(text, 0, &je)) || !json_is_object(*out)) {
		json_decref(*out);
		*out = NULL;
		return err_set(e, LUP_EINVAL, "an audit entry that is not a JSON object: %s", je.text);
	}
	return LUP_OK;
}

/* emit: v through lup's JSON writer (numbers and escapes as everywhere else). */
static void emit(struct json *j, const json_t *v)
{
	const char *k;
	json_t *m;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		json_obj_open(j);
		json_object_foreach((json_t *)v, k, m) {
			json_key(j, k);
			emit(j, m);
		}
		json_obj_close(j);
		break;
	case JSON_ARRAY:
		json_arr_open(j);
		json_array_foreach(v, i, m)
			emit(j, m);
		json_arr_close(j);
		break;
	case JSON_STRING: json_strn(j, json_string_value(v), json_string_length(v)); break;
	case JSON_INTEGER: json_int(j, (int64_t)json_integer_value(v)); break;
	case JSON_REAL: json_num(j, json_real_value(v)); break;
	case JSON_TRUE: json_bool(j, 1); break;
	case JSON_FALSE: json_bool(j, 0); break;
	default: json_nothing(j); break;
	}
}

/* text_of: the stored text of one side: obj written out, else raw cut to AUDIT_RAW_MAX bytes
 * (at a character's start); NULL for NULL. */
static int text_of(const json_t *obj, const char *raw, char **out, struct err *e)
{
	struct buf b;
	struct json j;
	size_t n;

	*out = NULL;
	if (!obj && !raw)
		return LUP_OK;
	buf_init(&b, 0);
	if (obj) {
		json_init(&j, &b, 0);
		emit(&j, obj);
		if (json_finish(&j) != 0) {
			buf_release(&b);
			return err_set(e, LUP_ETOOBIG, "an audit entry could not be written as JSON");
		}
	} else {
		if ((n = strlen(raw)) > AUDIT_RAW_MAX)
			for (n = AUDIT_RAW_MAX; n > 0 && ((unsigned char)raw[n] & 0xc0) == 0x80; n--)
				;
		buf_add(&b, raw, n);
	}
	*out = buf_detach(&b, NULL);
	return LUP_OK;
}

/* --- cutting linked things before reading --------------------------------------------------- */

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* string_end: past the string that starts at p ('"'), or NULL when it does not end. */
static const char *string_end(const char *p)
{
	for (p++; *p && *p != '"'; p++)
		if (*p == '\\' && p[1])
			p++;
	return *p ? p + 1 : NULL;
}

/* value_end: past the JSON value that starts at p, or NULL when the text ends first. */
static const char *value_end(const char *p)
{
	int depth = 0;

	if (*p == '"')
		return string_end(p);
	if (*p != '{' && *p != '[') {
		while (*p && !strchr(",}] \t\r\n", *p))
			p++;
		return p;
	}
	while (*p) {
		if (*p == '"') {
			if (!(p = string_end(p)))
				return NULL;
			continue;
		}
		if (*p == '{' || *p == '[')
			depth++;
		else if ((*p == '}' || *p == ']') && --depth == 0)
			return p + 1;
		p++;
	}
	return NULL;
}

/* linked: whether the key text [key, end) (quoted) names a relation of k that is not its own. */
static int linked(const struct kind *k, const char *key, const char *end)
{
	size_t n = (size_t)(end - key) - 2;

	for (int r = 0; k && r < KIND_MAX_RELS && k->rels[r].name; r++)
		if (k->rels[r].own != REL_OWN && strlen(k->rels[r].name) == n && memcmp(key + 1, k->rels[r].name, n) == 0)
			return 1;
	return 0;
}

/* cut_linked: text (a JSON object) without the members that are k's linked things, written
 * into b, so that they are never read (a goal's 1,000 activities cost nothing); NULL when text
 * is not an object of that shape (it is then read whole, and own_only cuts them). */
static const char *cut_linked(const struct kind *k, const char *text, struct buf *b)
{
	const char *p = skip_ws(text), *key, *kend, *val;
	int n = 0;

	if (*p++ != '{')
		return NULL;
	buf_addc(b, '{');
	for (p = skip_ws(p); *p != '}'; p = skip_ws(p)) {
		if (*p != '"' || !(kend = string_end(key = p)))
			return NULL;
		if (*(p = skip_ws(kend)) != ':' || !(p = value_end(val = skip_ws(p + 1))))
			return NULL;
		if (!linked(k, key, kend)) {
			buf_adds(b, n++ ? "," : "");
			buf_add(b, key, (size_t)(kend - key));
			buf_addc(b, ':');
			buf_add(b, val, (size_t)(p - val));
		}
		if (*(p = skip_ws(p)) == ',')
			p++;
		else if (*p != '}')
			return NULL;
	}
	buf_addc(b, '}');
	return b->overflow ? NULL : b->ptr;
}

/* --- what an entry keeps ------------------------------------------------------------------ */

/* own_only: drops from obj the relations of kind k that are not its own (linked things). */
static void own_only(const struct kind *k, json_t *obj)
{
	for (int r = 0; k && r < KIND_MAX_RELS && k->rels[r].name; r++)
		if (k->rels[r].own != REL_OWN)
			json_object_del(obj, k->rels[r].name);
}

static int cmp_text(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* row_texts: each row of arr as canonical text (sorted keys), in order; *sorted the same sorted. */
static char **row_texts(const json_t *arr, char ***sorted)
{
	size_t n = json_array_size(arr);
	char **t = xcalloc(n + 1, sizeof(*t)), **s = xcalloc(n + 1, sizeof(*s));

	for (size_t i = 0; i < n; i++) {
		if (!(t[i] = json_dumps(json_array_get(arr, i), JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY)))
			abort();
		s[i] = t[i];
	}
	qsort(s, n, sizeof(*s), cmp_text);
	*sorted = s;
	return t;
}

/* rows_without: the rows of `of` (texts t) whose text is not among the n sorted texts. */
static json_t *rows_without(const json_t *of, char **t, char **sorted, size_t n)
{
	json_t *out = json_array();

	for (size_t i = 0; i < json_array_size(of); i++)
		if (!bsearch(&t[i], sorted, n, sizeof(*sorted), cmp_text))
			json_array_append(out, json_array_get(of, i));
	return out;
}

static void free_texts(char **t, char **sorted, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(t[i]);
	free(t);
	free(sorted);
}

/* list_diff: b and a's values of key become the rows removed and the rows added. */
static void list_diff(json_t *b, json_t *a, const char *key)
{
	json_t *lb = json_object_get(b, key), *la = json_object_get(a, key);
	size_t nb = json_array_size(lb), na = json_array_size(la);
	char **sb, **sa, **tb = row_texts(lb, &sb), **ta = row_texts(la, &sa);
	json_t *removed = rows_without(lb, tb, sa, na), *added = rows_without(la, ta, sb, nb);

	free_texts(tb, sb, nb);
	free_texts(ta, sa, na);
	json_object_set_new(b, key, removed);
	json_object_set_new(a, key, added);
}

/* changed_only: keeps in b and a the id, the key and the fields whose values differ. */
static void changed_only(json_t *b, json_t *a)
{
	const char *k;
	json_t *v, *w;
	void *tmp;

	json_object_foreach_safe(a, tmp, k, v) {
		if (strcmp(k, "id") == 0 || strcmp(k, "key") == 0 || !(w = json_object_get(b, k)))
			continue;
		if (json_equal(v, w)) {
			json_object_del(b, k);
			json_object_del(a, k);
		} else if (json_is_array(v) && json_is_array(w)) {
			list_diff(b, a, k);
		}
	}
}

/* bound_lists: cuts each list of obj to AUDIT_ROWS_MAX rows, counting the rest in rows_omitted. */
static void bound_lists(json_t *obj)
{
	const char *k;
	json_t *v;
	size_t omitted = 0;

	json_object_foreach(obj, k, v)
		while (json_is_array(v) && json_array_size(v) > AUDIT_ROWS_MAX) {
			json_array_remove(v, json_array_size(v) - 1);
			omitted++;
		}
	if (omitted)
		json_object_set_new(obj, "rows_omitted", json_integer((json_int_t)omitted));
}

int audit_entry(const char *entity, const char *before, const char *after, char **b_out, char **a_out,
		struct err *e)
{
	const struct kind *k = entity ? kind_find(entity) : NULL;
	json_t *b = NULL, *a = NULL;
	struct buf cb, ca;
	const char *cut;
	int rc;

	*b_out = *a_out = NULL;
	buf_init(&cb, 0);
	buf_init(&ca, 0);
	if (k && before && (cut = cut_linked(k, before, &cb)))
		before = cut;
	if (k && after && (cut = cut_linked(k, after, &ca)))
		after = cut;
	if ((rc = load(before, &b, e)) != LUP_OK || (rc = load(after, &a, e)) != LUP_OK)
		goto out;
	if (b)
		own_only(k, b);
	if (a)
		own_only(k, a);
	if (b && a)
		changed_only(b, a);
	if (b)
		bound_lists(b);
	if (a)
		bound_lists(a);
	if ((rc = text_of(b, b ? NULL : before, b_out, e)) != LUP_OK ||
	    (rc = text_of(a, a ? NULL : after, a_out, e)) != LUP_OK) {
		free(*b_out);
		*b_out = NULL;
	}
out:
	json_decref(b);
	json_decref(a);
	buf_release(&cb);
	buf_release(&ca);
	return rc;
}

int audit_write(struct store *st, const struct audit_rec *rec, struct err *e)
{
	char now[32], *before, *after;
	int rc;

	if (!rec->at) {
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	if ((rc = audit_entry(rec->entity, rec->before, rec->after, &before, &after, e)) != LUP_OK)
		return rc;
	struct sval args[] = { SVS(rec->at ? rec->at : now), SVID(rec->user_id), SVS(rec->actor),
			       SVS(rec->action), SVS(rec->entity), SVID(rec->entity_id), SVS(before), SVS(after) };
	rc = store_exec(st, STMT_AUDIT_INSERT, args, 8, NULL, NULL, e);
	free(before);
	free(after);
	return rc;
}
