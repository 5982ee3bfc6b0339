/* openapi-schema.c: the schema notation of openapi.h as JSON Schema. */
#include "web/openapi.h"
#include "render/json.h"

#include <stdio.h>
#include <string.h>

/* base_type: the JSON Schema of a base type name, or 0 when t is not one */
static int base_type(struct json *j, const char *t, size_t n, int nullable)
{
	static const struct { const char *name, *type, *format; } bases[] = {
		{ "int", "integer", NULL }, { "num", "number", NULL }, { "str", "string", NULL },
		{ "bool", "boolean", NULL }, { "date", "string", "date" }, { "obj", "object", NULL },
	};

	for (size_t i = 0; i < sizeof(bases) / sizeof(bases[0]); i++) {
		if (strlen(bases[i].name) != n || strncmp(bases[i].name, t, n) != 0)
			continue;
		json_obj_open(j);
		json_key(j, "type");
		if (nullable) {
			json_arr_open(j); json_str(j, bases[i].type); json_str(j, "null"); json_arr_close(j);
		} else {
			json_str(j, bases[i].type);
		}
		if (bases[i].format) {
			json_key(j, "format"); json_str(j, bases[i].format);
		}
		json_obj_close(j);
		return 1;
	}
	return 0;
}

/* enum_type: str(a|b|c) */
static void enum_type(struct json *j, const char *t, size_t n, int nullable)
{
	const char *p = t + 4, *end = t + n - 1;

	json_obj_open(j);
	json_key(j, "enum");
	json_arr_open(j);
	while (p < end) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		const char *e = bar ? bar : end;
		json_strn(j, p, (size_t)(e - p));
		p = e + 1;
	}
	if (nullable)
		json_nothing(j);
	json_arr_close(j);
	json_obj_close(j);
}

static void ref(struct json *j, const char *t, size_t n)
{
	char path[128];

	snprintf(path, sizeof(path), "#/components/schemas/%.*s", (int)n, t);
	json_obj_open(j);
	json_key(j, "$ref"); json_str(j, path);
	json_obj_close(j);
}

void oa_type_json(struct json *j, const char *t, size_t n)
{
	int nullable = n > 1 && t[n - 1] == '?';

	if (nullable)
		n--;
	if (n >= 2 && t[0] == '[' && t[n - 1] == ']') {
		json_obj_open(j);
		json_key(j, "type");
		if (nullable) {
			json_arr_open(j); json_str(j, "array"); json_str(j, "null"); json_arr_close(j);
		} else {
			json_str(j, "array");
		}
		json_key(j, "items");
		oa_type_json(j, t + 1, n - 2);
		json_obj_close(j);
	} else if (n > 5 && strncmp(t, "str(", 4) == 0 && t[n - 1] == ')') {
		enum_type(j, t, n, nullable);
	} else if (n == 3 && strncmp(t, "any", 3) == 0) {
		json_obj_open(j); json_obj_close(j);
	} else if (base_type(j, t, n, nullable)) {
		;
	} else if (nullable) {
		json_obj_open(j);
		json_key(j, "anyOf");
		json_arr_open(j);
		ref(j, t, n);
		json_obj_open(j); json_key(j, "type"); json_str(j, "null"); json_obj_close(j);
		json_arr_close(j);
		json_obj_close(j);
	} else {
		ref(j, t, n);
	}
}

/* token: the next space-separated token of *p, its length in *n; NULL at the end */
static const char *token(const char **p, size_t *n)
{
	const char *s = *p + strspn(*p, " \t\n");

	if (!*s)
		return NULL;
	*n = strcspn(s, " \t\n");
	*p = s + *n;
	return s;
}

void oa_schema_json(struct json *j, const char *def)
{
	const char *p, *t;
	char name[64];
	size_t n;
	int closed = def[0] == '!', nreq = 0;

	if (def[0] == '=') {
		oa_type_json(j, def + 1, strlen(def + 1));
		return;
	}
	if (closed)
		def++;
	json_obj_open(j);
	json_key(j, "type"); json_str(j, "object");
	json_key(j, "properties");
	json_obj_open(j);
	for (p = def; (t = token(&p, &n)) != NULL;) {
		const char *colon = memchr(t, ':', n);
		int opt = t[0] == '~';
		if (!colon)
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)(colon - t - opt), t + opt);
		nreq += !opt;
		json_key(j, name);
		oa_type_json(j, colon + 1, n - (size_t)(colon + 1 - t));
	}
	json_obj_close(j);
	if (nreq) {
		json_key(j, "required");
		json_arr_open(j);
		for (p = def; (t = token(&p, &n)) != NULL;) {
			const char *colon = memchr(t, ':', n);
			if (colon && t[0] != '~')
				json_strn(j, t, (size_t)(colon - t));
		}
		json_arr_close(j);
	}
	if (closed) {
		json_key(j, "additionalProperties"); json_bool(j, 0);
	}
	json_obj_close(j);
}
