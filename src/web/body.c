/* body.c: JSON request bodies checked against a field table. */
#include "web/body.h"

#include <jansson.h>
#include <string.h>

static int depth_of(json_t *v, int d)
{
	int max = d;
	const char *k;
	json_t *x;
	size_t i;

	if (d > BODY_MAX_DEPTH)
		return d;
	if (json_is_object(v)) {
		json_object_foreach(v, k, x) {
			int dx = depth_of(x, d + 1);
			if (dx > max)
				max = dx;
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x) {
			int dx = depth_of(x, d + 1);
			if (dx > max)
				max = dx;
		}
	}
	return max;
}

static int find(const struct field *fields, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(fields[i].name, name) == 0)
			return i;
	return -1;
}

static int in_values(const char *s, const char *const *values)
{
	for (; values && *values; values++)
		if (strcmp(s, *values) == 0)
			return 1;
	return 0;
}

static void check_string(struct http_req *r, const struct field *f, json_t *v, struct body *b, int i,
			 struct http_fields *errs)
{
	size_t len = json_string_length(v), max = f->max ? (size_t)f->max : 1000;

	if (f->t == FT_STRING && len == 0) {
		http_field_error(r, errs, f->name, "must not be empty");
		return;
	}
	if (len > max) {
		http_field_error(r, errs, f->name, "longer than %zu bytes", max);
		return;
	}
	if (memchr(json_string_value(v), '\0', len)) {
		http_field_error(r, errs, f->name, "contains a NUL character");
		return;
	}
	if (f->t == FT_ENUM && !in_values(json_string_value(v), f->values)) {
		http_field_error(r, errs, f->name, "'%s' is not an allowed value", json_string_value(v));
		return;
	}
	b->s[i] = arena_strdup(&r->a, json_string_value(v));
}

static void check_list(struct http_req *r, const struct field *f, json_t *v, struct body *b, int i,
		       struct http_fields *errs)
{
	size_t k, n = json_array_size(v);
	json_t *x;

	if (!json_is_array(v) || n > 64) {
		http_field_error(r, errs, f->name, "must be an array of at most 64 strings");
		return;
	}
	b->list[i] = arena_alloc(&r->a, sizeof(char *) * (n + 1));
	size_t max = f->max > 0 ? (size_t)f->max : 200;

	json_array_foreach(v, k, x) {
		if (!json_is_string(x) || !json_string_length(x) || json_string_length(x) > max) {
			http_field_error(r, errs, f->name, "item %zu must be a string of 1-%zu bytes", k, max);
			return;
		}
		b->list[i][k] = arena_strdup(&r->a, json_string_value(x));
	}
	b->nlist[i] = (int)n;
}

static void check_value(struct http_req *r, const struct field *f, json_t *v, struct body *b, int i,
			struct http_fields *errs)
{
	b->present[i] = 1;
	if (json_is_null(v) && (f->t == FT_TEXT || f->t == FT_NUMBER || (!f->required && f->t != FT_STRINGS))) {
		b->isnull[i] = 1;
		return;
	}
	switch (f->t) {
	case FT_STRING:
	case FT_TEXT:
	case FT_ENUM:
		if (!json_is_string(v))
			http_field_error(r, errs, f->name, "must be a string");
		else
			check_string(r, f, v, b, i, errs);
		break;
	case FT_INT:
		if (!json_is_integer(v))
			http_field_error(r, errs, f->name, "must be a whole number");
		else if (json_integer_value(v) < f->min || json_integer_value(v) > f->max)
			http_field_error(r, errs, f->name, "must be between %lld and %lld", f->min, f->max);
		else
			b->i[i] = json_integer_value(v);
		break;
	case FT_NUMBER:
		if (!json_is_number(v))
			http_field_error(r, errs, f->name, "must be a number or null");
		else
			b->d[i] = json_number_value(v);
		break;
	case FT_STRINGS:
		check_list(r, f, v, b, i, errs);
		break;
	case FT_BOOL:
		if (!json_is_boolean(v))
			http_field_error(r, errs, f->name, "must be true or false");
		else
			b->i[i] = json_is_true(v);
		break;
	}
}

int body_parse(struct http_req *r, const struct field *fields, int n, struct body *b)
{
	struct http_fields errs = { .n = 0 };
	json_error_t jerr;
	json_t *root, *v;
	const char *key;
	int status = 0;

	memset(b, 0, sizeof(*b));
	root = json_loadb(r->body.ptr, r->body.len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		return http_error(r, 400, "malformed_json", "line %d, column %d: %s", jerr.line, jerr.column, jerr.text);
	if (!json_is_object(root)) {
		status = http_error(r, 400, "bad_request", "the body must be a JSON object");
		goto out;
	}
	if (depth_of(root, 1) > BODY_MAX_DEPTH || json_object_size(root) > BODY_MAX_MEMBERS) {
		status = http_error(r, 400, "bad_request", "the body is nested too deep or has too many members");
		goto out;
	}
	json_object_foreach(root, key, v) {
		int i = find(fields, n, key);
		if (i < 0)
			http_field_error(r, &errs, key, "unknown field");
		else
			check_value(r, &fields[i], v, b, i, &errs);
	}
	for (int i = 0; i < n; i++)
		if (fields[i].required && !b->present[i])
			http_field_error(r, &errs, fields[i].name, "is required");
	if (errs.n)
		status = http_fields_reply(r, &errs, 422);
out:
	json_decref(root);
	return status;
}
