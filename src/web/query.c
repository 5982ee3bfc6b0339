/* query.c: checking a request's query string against its route's declarations (query.h). */
#include "web/query.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "web/page.h"
#include "store/kinds.h"

#include <microhttpd.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* kind_param: the declaration of a kind's list filter f */
static struct qparam kind_param(enum filter f)
{
	struct qparam q = { kind_filter_name(f), Q_STR, NULL, 0, kind_filter_doc(f) };

	if (f == F_YEAR)
		q.type = Q_YEAR;
	else if (f == F_SEX)
		q.type = Q_ENUM, q.values = "T|K|M";
	else if (f == F_LEVEL)
		q.type = Q_ENUM, q.values = "inriktningsmal|verksamhetsomradesmal|namndmal|lup";
	return q;
}

int query_params(const struct route *rt, const struct kind *k, struct qparam out[QUERY_MAX])
{
	int n = 0;

	for (const struct qparam *q = rt->query; q && q->name && n < QUERY_MAX; q++)
		out[n++] = *q;
	if ((rt->flags & R_KIND_QUERY) && k)
		for (int i = 0; i < KIND_MAX_FILTERS && k->params[i] != F_END && n < QUERY_MAX; i++)
			out[n++] = kind_param(k->params[i]);
	return n;
}

/* enum_has: is v one of the '|'-separated values? */
static int enum_has(const char *values, const char *v)
{
	size_t n = strlen(v);

	for (const char *p = values; p && *p;) {
		const char *e = strchr(p, '|');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && strncmp(p, v, n) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

/* value_problem: what is wrong with v as a value of q, or NULL */
static const char *value_problem(const struct qparam *q, const char *v)
{
	char *end;
	long long x;

	switch (q->type) {
	case Q_INT:
	case Q_ID:
	case Q_YEAR:
		errno = 0;
		x = strtoll(v, &end, 10);
		if (!*v || *end || errno || !strchr("-0123456789", v[0]))
			return q->type == Q_YEAR ? "must be a year (1900-2999)" : "must be a whole number";
		if (q->type == Q_ID && x < 1)
			return "must be a positive whole number (an id)";
		if (q->type == Q_YEAR && (x < 1900 || x > 2999 || strlen(v) != 4))
			return "must be a year (1900-2999)";
		return NULL;
	case Q_NUM:
		if (!*v || !strchr("-0123456789", v[0]) || (strtod(v, &end), *end))
			return "must be a number";
		return NULL;
	case Q_ENUM:
		return enum_has(q->values, v) ? NULL : "is not one of the allowed values";
	case Q_STR:
	case Q_FORMAT:
	default:
		return NULL;
	}
}

struct check {
	struct http_req *r;
	const struct qparam *params;
	int n;
	int seen[QUERY_MAX];
	struct http_fields f;
	struct buf names;	/* the names that are not taken, for the message */
	struct buf bad;		/* the names whose values are wrong */
};

/* allowed_list: "a, b, c" of what the route takes */
static void allowed_list(struct buf *b, const struct qparam *params, int n)
{
	if (!n) {
		buf_adds(b, "none");
		return;
	}
	for (int i = 0; i < n; i++)
		buf_addf(b, "%s%s", i ? ", " : "", params[i].name);
}

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
	struct check *c = cls;
	const char *why;
	struct buf m;
	int i;

	(void)kind;
	for (i = 0; i < c->n && strcmp(c->params[i].name, k) != 0; i++)
		;
	if (i == c->n) {
		buf_init(&m, 1024);
		buf_adds(&m, "unknown query parameter; this route takes: ");
		allowed_list(&m, c->params, c->n);
		http_field_error(c->r, &c->f, k, "%s", m.ptr);
		buf_release(&m);
		buf_addf(&c->names, "%s'%s'", c->names.len ? ", " : "", k);
		return MHD_YES;
	}
	if (c->seen[i]++) {
		if (c->seen[i] == 2)
			http_field_error(c->r, &c->f, k, "given more than once");
		return MHD_YES;
	}
	if (!v)
		v = "";
	if ((why = value_problem(&c->params[i], v)) != NULL) {
		buf_addf(&c->bad, "%s'%s'", c->bad.len ? ", " : "", k);
		if (c->params[i].type == Q_ENUM)
			http_field_error(c->r, &c->f, k, "'%.64s' %s (%s)", v, why, c->params[i].values);
		else
			http_field_error(c->r, &c->f, k, "'%.64s' %s", v, why);
	}
	return MHD_YES;
}

int query_check(struct http_req *r, const struct route *rt)
{
	struct qparam params[QUERY_MAX];
	const struct kind *k = NULL;
	struct check c = { .r = r };
	struct buf allowed;
	int status = 0;

	if (http_is_page(r) || !r->conn)
		return 0;
	if (rt->flags & R_KIND_QUERY) {
		k = kind_find(r->params[0]);
		if (!k || strcmp(k->name, r->params[0]) != 0)
			return 0;	/* the handler answers 404 */
	}
	c.params = params;
	c.n = query_params(rt, k, params);
	buf_init(&c.names, 1024);
	buf_init(&c.bad, 1024);
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, check_arg, &c);
	if (c.f.n) {
		buf_init(&allowed, 1024);
		allowed_list(&allowed, params, c.n);
		if (c.names.len)
			status = http_fields_answer(r, &c.f, 400, "unknown query parameter%s %s (this route takes: %s)%s%s",
						    strchr(c.names.ptr, ',') ? "s" : "", c.names.ptr, allowed.ptr,
						    c.bad.len ? "; bad value of " : "", c.bad.ptr);
		else if (c.bad.len)
			status = http_fields_answer(r, &c.f, 400, "bad value of query parameter %s: %s", c.bad.ptr,
						    c.f.n == 1 ? c.f.msg[0] : "see fields");
		else
			status = http_fields_answer(r, &c.f, 400, "a query parameter is given more than once: %s",
						    c.f.field[0]);
		buf_release(&allowed);
	}
	buf_release(&c.names);
	buf_release(&c.bad);
	return status;
}

/* arg_utf8: MHD's iterator: clears *ok at a name or value that is not UTF-8 */
static enum MHD_Result arg_utf8(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	int *ok = cls;

	(void)kind;
	if (!utf8_valid(key, strlen(key)) || (value && !utf8_valid(value, strlen(value))))
		*ok = 0;
	return *ok ? MHD_YES : MHD_NO;
}

int query_utf8_check(struct http_req *r)
{
	int ok = utf8_valid(r->path, strlen(r->path));

	if (ok && r->conn)
		MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, arg_utf8, &ok);
	if (ok)
		return 0;
	if (http_is_page(r))
		return page_error(r, 400, "Adressen innehåller tecken som inte är giltig UTF-8.");
	return http_error(r, 400, "bad_request", "the path or the query string is not UTF-8");
}
