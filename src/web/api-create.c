/* api-create.c: what the creating functions of api-create.h share: collecting broken rules,
 * answering them as the API does, and the random keys of new things. */
#include "web/api-create.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void api_violation(struct http_req *r, struct api_violations *v, const char *field, enum api_rule rule,
		   const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (v->n >= API_MAX_VIOLATIONS)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	v->field[v->n] = arena_strdup(&r->a, field);
	v->rule[v->n] = rule;
	v->limit[v->n] = 0;
	v->msg[v->n] = arena_strdup(&r->a, msg);
	v->n++;
}

int api_violation_of(const struct api_violations *v, const char *field, int rule)
{
	for (int i = 0; i < v->n; i++)
		if (strcmp(v->field[i], field) == 0 && (rule < 0 || (int)v->rule[i] == rule))
			return i;
	return -1;
}

int api_violations_reply(struct http_req *r, const struct api_violations *v)
{
	struct http_fields f = { .n = 0 };

	for (int i = 0; i < v->n; i++)
		http_field_error(r, &f, v->field[i], "%s", v->msg[i]);
	return http_fields_reply(r, &f, 422);
}

const char *api_new_key(struct http_req *r, const char *source, const char *infix)
{
	unsigned char rnd[8];
	char hex[17], key[96];

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	snprintf(key, sizeof(key), "%s-%s%s", source, infix, hex);
	return arena_strdup(&r->a, key);
}

void api_check_text(struct http_req *r, struct api_violations *v, const char *field, const char *s,
		    int required, size_t max)
{
	if (!s || !*s) {
		if (required)
			api_violation(r, v, field, API_RULE_REQUIRED, "is required");
		return;
	}
	if (strlen(s) > max) {
		int n = v->n;
		api_violation(r, v, field, API_RULE_TOO_LONG, "longer than %zu bytes", max);
		if (v->n > n)
			v->limit[n] = max;
	}
}

void api_check_choice(struct http_req *r, struct api_violations *v, const char *field, const char *s,
		      const char *const *values)
{
	if (!s)
		return;
	for (int i = 0; values[i]; i++)
		if (strcmp(s, values[i]) == 0)
			return;
	api_violation(r, v, field, API_RULE_CHOICE, "'%s' is not an allowed value", s);
}
