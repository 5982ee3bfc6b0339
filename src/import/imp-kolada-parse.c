/* imp-kolada-parse.c: the streaming parser of Kolada API v3 responses (see imp-kolada.h).
 *
 * yajl reports events; a stack of frames (root object, "values" array, value object, gender
 * array, gender object) gives each event its meaning; keys that lup does not use are skipped
 * with everything under them. Before yajl sees a chunk, a small scanner measures every string
 * and number token, because yajl would buffer an endless token without limit.
 */
#include "import/imp-kolada.h"
#include "core/xalloc.h"

#include <yajl/yajl_parse.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the frames that have a meaning */
enum frame { F_ROOT, F_VALUES, F_ITEM, F_GVALUES, F_GITEM };

/* value types, as a mask of what a key accepts */
enum {
	T_NULL = 1, T_BOOL = 2, T_NUM = 4, T_STR = 8, T_MAP = 16, T_ARR = 32,
	T_ANY = 63,
};

/* the keys lup reads, and the ones whose presence tells a KPI object */
enum key {
	K_UNKNOWN, K_VALUES, K_COUNT, K_NEXT, K_PREV, K_KPI, K_MUNI, K_OU, K_PERIOD, K_ID, K_TITLE,
	K_TYPE, K_DIV, K_AREA, K_KPIMETA, K_MEMBERS, K_GENDER, K_VALUE, K_VCOUNT, K_STATUS,
};

/* what an item object has shown (seen mask) */
enum {
	S_KPI = 1 << 0, S_MUNI = 1 << 1, S_OU = 1 << 2, S_PERIOD = 1 << 3, S_GVALUES = 1 << 4,
	S_ID = 1 << 5, S_TITLE = 1 << 6, S_TYPE = 1 << 7, S_KPIMETA = 1 << 8, S_MEMBERS = 1 << 9,
	S_GENDER = 1 << 10, S_VALUE = 1 << 11,
};

#define KS(frame, name, key, types) { frame, name, sizeof(name) - 1, key, types }

static const struct keyspec {
	enum frame frame;
	const char *name;
	size_t len;
	enum key key;
	int types;
} keyspecs[] = {
	KS(F_ROOT, "values", K_VALUES, T_ARR),
	KS(F_ROOT, "count", K_COUNT, T_NUM | T_NULL),
	KS(F_ROOT, "next_url", K_NEXT, T_STR | T_NULL),
	KS(F_ROOT, "next_page", K_NEXT, T_STR | T_NULL),
	KS(F_ROOT, "previous_url", K_PREV, T_STR | T_NULL),
	KS(F_ROOT, "previous_page", K_PREV, T_STR | T_NULL),
	KS(F_ITEM, "kpi", K_KPI, T_STR),
	KS(F_ITEM, "municipality", K_MUNI, T_STR),
	KS(F_ITEM, "ou", K_OU, T_ANY),
	KS(F_ITEM, "period", K_PERIOD, T_NUM | T_STR),
	KS(F_ITEM, "values", K_VALUES, T_ARR),
	KS(F_ITEM, "id", K_ID, T_STR),
	KS(F_ITEM, "title", K_TITLE, T_STR),
	KS(F_ITEM, "type", K_TYPE, T_STR | T_NULL),
	KS(F_ITEM, "is_divided_by_gender", K_DIV, T_NUM | T_BOOL | T_NULL),
	KS(F_ITEM, "operating_area", K_AREA, T_STR | T_NULL),
	KS(F_ITEM, "description", K_KPIMETA, T_STR | T_NULL),
	KS(F_ITEM, "definition", K_KPIMETA, T_ANY),
	KS(F_ITEM, "auspice", K_KPIMETA, T_ANY),
	KS(F_ITEM, "auspices", K_KPIMETA, T_ANY),
	KS(F_ITEM, "perspective", K_KPIMETA, T_ANY),
	KS(F_ITEM, "municipality_type", K_KPIMETA, T_ANY),
	KS(F_ITEM, "has_ou_data", K_KPIMETA, T_ANY),
	KS(F_ITEM, "publication_date", K_KPIMETA, T_ANY),
	KS(F_ITEM, "ou_publication_date", K_KPIMETA, T_ANY),
	KS(F_ITEM, "prel_publication_date", K_KPIMETA, T_ANY),
	KS(F_ITEM, "publ_period", K_KPIMETA, T_ANY),
	KS(F_ITEM, "members", K_MEMBERS, T_ANY),
	KS(F_GITEM, "gender", K_GENDER, T_STR),
	KS(F_GITEM, "value", K_VALUE, T_NUM | T_NULL),
	KS(F_GITEM, "count", K_VCOUNT, T_NUM | T_NULL),
	KS(F_GITEM, "status", K_STATUS, T_STR | T_NULL),
};

struct imp_kolada_parser {
	struct imp_ctx *c;
	struct imp_kolada_sink sink;
	yajl_handle h;
	int rc;				/* first error; once set, nothing more is parsed */
	/* position: bytes before the current chunk, and the line count up to line_off */
	size_t base;
	const char *chunk;
	size_t ybase;			/* offset of the buffer yajl is parsing */
	int nonblank;			/* a byte other than whitespace was seen */
	char last;			/* the last byte fed */
	size_t line_off;
	int line;
	int bom;			/* BOM bytes matched (3: decided) */
	/* token scanner */
	int in_str, esc;
	size_t tok;
	/* structure */
	enum frame fr[IMP_KOLADA_MAX_DEPTH + 1];
	int nfr;			/* frames with a meaning */
	int depth;			/* every open container, skipped ones included */
	int skip;			/* open containers being skipped */
	const struct keyspec *key;	/* the current key of the innermost object; NULL: unknown */
	/* envelope */
	int has_values;
	struct imp_kolada_info info;
	/* the current item */
	unsigned seen;
	int item_line;
	char kpi[IMP_KOLADA_MAX_ID], muni[IMP_KOLADA_MAX_ID], id[IMP_KOLADA_MAX_ID];
	char title[IMP_KOLADA_MAX_TITLE], area[IMP_KOLADA_MAX_TITLE], type[IMP_KOLADA_MAX_TYPE];
	int year, by_sex;
	struct imp_kolada_value v[IMP_KOLADA_MAX_GENDERS];
	int nv;
	unsigned gseen;
};

/* line_at: the 1-based line of absolute offset off (monotonic: off never goes back) */
static int line_at(struct imp_kolada_parser *p, size_t off)
{
	if (p->chunk && off > p->line_off) {
		const char *s = p->chunk + (p->line_off - p->base), *e = p->chunk + (off - p->base);
		while ((s = memchr(s, '\n', (size_t)(e - s))) != NULL) {
			p->line++;
			s++;
		}
		p->line_off = off;
	}
	return p->line;
}

/* here: the line yajl has reached (in a callback: just after the current token) */
static int here(struct imp_kolada_parser *p)
{
	return line_at(p, p->ybase + yajl_get_bytes_consumed(p->h));
}

static int fail(struct imp_kolada_parser *p, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* fail: records the first error (file:line: message); returns 0 to stop yajl */
static int fail(struct imp_kolada_parser *p, int line, const char *fmt, ...)
{
	char msg[700];
	va_list ap;

	if (p->rc)
		return 0;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	p->rc = imp_fail(p->c, line, "%s", msg);
	return 0;
}

static const char *type_name(int t)
{
	switch (t) {
	case T_NULL: return "null";
	case T_BOOL: return "ett sanningsvärde";
	case T_NUM: return "ett tal";
	case T_STR: return "en sträng";
	case T_MAP: return "ett objekt";
	default: return "en lista";
	}
}

/* expected: "en sträng eller null" from a mask */
static void expected(int mask, char *out, size_t n)
{
	size_t len = 0;

	out[0] = '\0';
	for (int t = T_BOOL; t <= T_ARR; t <<= 1)
		if (mask & t)
			len += (size_t)snprintf(out + len, n - len, "%s%s", len ? " eller " : "", type_name(t));
	if ((mask & T_NULL) && len < n)
		snprintf(out + len, n - len, " eller null");
}

static enum frame top(const struct imp_kolada_parser *p)
{
	return p->fr[p->nfr - 1];
}

/* value_ok: checks that a value of type t may stand here; 1 to go on, 0 after an error.
 * *ignore is set when the value is to be skipped (an unknown key). */
static int value_ok(struct imp_kolada_parser *p, int t, int *ignore)
{
	char want[64];

	*ignore = 0;
	if (p->nfr == 0)
		return t == T_MAP ? 1 : fail(p, here(p), "ett JSON-objekt (ett svar från Koladas API)"
					  " väntades överst, här finns %s", type_name(t));
	if (top(p) == F_VALUES || top(p) == F_GVALUES)
		return t == T_MAP ? 1 : fail(p, here(p), "'values' ska innehålla objekt, här finns %s",
					  type_name(t));
	if (!p->key || p->key->types == T_ANY) {
		*ignore = 1;
		return 1;
	}
	if (p->key->types & t)
		return 1;
	expected(p->key->types, want, sizeof(want));
	return fail(p, here(p), "'%s' ska vara %s, inte %s", p->key->name, want, type_name(t));
}

/* copy: a string value into dst (cap bytes with NUL); 0 after an error */
static int copy(struct imp_kolada_parser *p, char *dst, size_t cap, const unsigned char *s, size_t n)
{
	if (n >= cap)
		return fail(p, here(p), "'%s' är längre än %zu byte", p->key->name, cap - 1);
	if (memchr(s, '\0', n))
		return fail(p, here(p), "'%s' innehåller ett NUL-tecken", p->key->name);
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 1;
}

static int set_year(struct imp_kolada_parser *p, long long y)
{
	if (y < 1900 || y > 2999)
		return fail(p, here(p), "'period' %lld är inte ett år i 1900..2999", y);
	p->year = (int)y;
	p->seen |= S_PERIOD;
	return 1;
}

static int year_text(struct imp_kolada_parser *p, const unsigned char *s, size_t n)
{
	long long y = 0;

	if (n != 4)
		return fail(p, here(p), "'period' ska vara ett år, inte '%.*s'", (int)(n > 40 ? 40 : n), s);
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return fail(p, here(p), "'period' ska vara ett år, inte '%.*s'", (int)n, s);
		y = y * 10 + (s[i] - '0');
	}
	return set_year(p, y);
}

static int gender(struct imp_kolada_parser *p, const unsigned char *s, size_t n)
{
	struct imp_kolada_value *v = &p->v[p->nv];

	if (n != 1 || (s[0] != 'T' && s[0] != 'K' && s[0] != 'M'))
		return fail(p, here(p), "'gender' ska vara T, K eller M, inte '%.*s'", (int)(n > 40 ? 40 : n), s);
	v->sex = (char)s[0];
	p->gseen |= S_GENDER;
	return 1;
}

/* number: a number value (yajl gives integers and doubles apart) */
static int number(struct imp_kolada_parser *p, double d, long long i, int is_int)
{
	int ignore;

	if (p->skip)
		return 1;
	if (!value_ok(p, T_NUM, &ignore))
		return 0;
	if (ignore)
		return 1;
	switch (p->key->key) {
	case K_COUNT:
		p->info.count = is_int && i >= 0 && i <= 0x7fffffffL ? (long)i : -1;
		return 1;
	case K_PERIOD:
		if (!is_int)
			return fail(p, here(p), "'period' ska vara ett år, inte %g", d);
		return set_year(p, i);
	case K_DIV:
		p->by_sex = is_int ? i != 0 : d != 0;
		return 1;
	case K_VALUE:
		p->v[p->nv].value = is_int ? (double)i : d;
		p->v[p->nv].missing = 0;
		p->gseen |= S_VALUE;
		return 1;
	default:
		return 1;
	}
}

static int cb_integer(void *ctx, long long i)
{
	return number(ctx, 0, i, 1);
}

static int cb_double(void *ctx, double d)
{
	return number(ctx, d, 0, 0);
}

static int cb_null(void *ctx)
{
	struct imp_kolada_parser *p = ctx;
	int ignore;

	if (p->skip)
		return 1;
	if (!value_ok(p, T_NULL, &ignore))
		return 0;
	if (ignore)
		return 1;
	if (p->key->key == K_VALUE) {
		p->v[p->nv].value = 0;
		p->v[p->nv].missing = 1;
		p->gseen |= S_VALUE;
	} else if (p->key->key == K_NEXT) {
		p->info.next[0] = '\0';
	} else if (p->key->key == K_COUNT) {
		p->info.count = -1;
	} else if (p->key->key == K_DIV) {
		p->by_sex = 0;
	}
	return 1;
}

static int cb_boolean(void *ctx, int b)
{
	struct imp_kolada_parser *p = ctx;
	int ignore;

	if (p->skip)
		return 1;
	if (!value_ok(p, T_BOOL, &ignore))
		return 0;
	if (!ignore && p->key->key == K_DIV)
		p->by_sex = b != 0;
	return 1;
}

static int item_string(struct imp_kolada_parser *p, const unsigned char *s, size_t n)
{
	switch (p->key->key) {
	case K_KPI:
		p->seen |= S_KPI;
		return copy(p, p->kpi, sizeof(p->kpi), s, n);
	case K_MUNI:
		p->seen |= S_MUNI;
		return copy(p, p->muni, sizeof(p->muni), s, n);
	case K_PERIOD:
		return year_text(p, s, n);
	case K_ID:
		p->seen |= S_ID;
		return copy(p, p->id, sizeof(p->id), s, n);
	case K_TITLE:
		p->seen |= S_TITLE;
		return copy(p, p->title, sizeof(p->title), s, n);
	case K_TYPE:
		p->seen |= S_TYPE;
		return copy(p, p->type, sizeof(p->type), s, n);
	case K_AREA:
		return copy(p, p->area, sizeof(p->area), s, n);
	default:
		return 1;
	}
}

static int cb_string(void *ctx, const unsigned char *s, size_t n)
{
	struct imp_kolada_parser *p = ctx;
	int ignore;

	if (p->skip)
		return 1;
	if (!value_ok(p, T_STR, &ignore))
		return 0;
	if (ignore)
		return 1;
	if (top(p) == F_ITEM)
		return item_string(p, s, n);
	if (p->key->key == K_GENDER)
		return gender(p, s, n);
	if (p->key->key == K_NEXT) {
		size_t k = n < sizeof(p->info.next) - 1 ? n : sizeof(p->info.next) - 1;
		memcpy(p->info.next, s, k);
		p->info.next[k] = '\0';
		if (memchr(p->info.next, '\0', k))
			p->info.next[0] = '\0';
	}
	return 1;
}

static int cb_map_key(void *ctx, const unsigned char *s, size_t n)
{
	struct imp_kolada_parser *p = ctx;
	enum frame f;

	if (p->skip)
		return 1;
	f = top(p);
	p->key = NULL;
	for (size_t i = 0; i < sizeof(keyspecs) / sizeof(keyspecs[0]); i++) {
		const struct keyspec *k = &keyspecs[i];
		if (k->len == n && k->frame == f && memcmp(k->name, s, n) == 0) {
			p->key = k;
			break;
		}
	}
	if (p->key && p->key->key == K_KPIMETA)
		p->seen |= S_KPIMETA;
	else if (p->key && p->key->key == K_DIV)
		p->seen |= S_KPIMETA;
	else if (p->key && p->key->key == K_MEMBERS)
		p->seen |= S_MEMBERS;
	else if (p->key && p->key->key == K_OU)
		p->seen |= S_OU;
	return 1;
}

/* open: one more container; checks the depth cap */
static int open_container(struct imp_kolada_parser *p)
{
	if (++p->depth > IMP_KOLADA_MAX_DEPTH)
		return fail(p, here(p), "JSON nästlad djupare än %d nivåer", IMP_KOLADA_MAX_DEPTH);
	return 1;
}

static void push(struct imp_kolada_parser *p, enum frame f)
{
	p->fr[p->nfr++] = f;
	p->key = NULL;
}

static int start_item(struct imp_kolada_parser *p)
{
	p->seen = 0;
	p->nv = 0;
	p->kpi[0] = p->muni[0] = p->id[0] = p->title[0] = p->area[0] = p->type[0] = '\0';
	p->year = p->by_sex = 0;
	p->item_line = here(p);
	push(p, F_ITEM);
	return 1;
}

static int start_gitem(struct imp_kolada_parser *p)
{
	if (p->nv == IMP_KOLADA_MAX_GENDERS)
		return fail(p, here(p), "fler än %d värden i ett dataobjekt", IMP_KOLADA_MAX_GENDERS);
	memset(&p->v[p->nv], 0, sizeof(p->v[0]));
	p->gseen = 0;
	push(p, F_GITEM);
	return 1;
}

/* enter: what an object and an array start with: 0 on an error; else 1, with *skipped set
 * when the container is passed over (inside an ignored value, or itself one). */
static int enter(struct imp_kolada_parser *p, int type, int *skipped)
{
	int ignore;

	*skipped = 1;
	if (!open_container(p))
		return 0;
	if (p->skip) {
		p->skip++;
		return 1;
	}
	if (!value_ok(p, type, &ignore))
		return 0;
	if (ignore) {
		p->skip = 1;
		return 1;
	}
	*skipped = 0;
	return 1;
}

static int cb_start_map(void *ctx)
{
	struct imp_kolada_parser *p = ctx;
	int skipped;

	if (!enter(p, T_MAP, &skipped))
		return 0;
	if (skipped)
		return 1;
	if (p->nfr == 0) {
		push(p, F_ROOT);
		return 1;
	}
	if (top(p) == F_VALUES)
		return start_item(p);
	return start_gitem(p);	/* F_GVALUES: the only other frame that takes objects */
}

static int cb_start_array(void *ctx)
{
	struct imp_kolada_parser *p = ctx;
	int skipped;

	if (!enter(p, T_ARR, &skipped))
		return 0;
	if (skipped)
		return 1;
	if (top(p) == F_ROOT) {
		if (p->has_values)
			return fail(p, here(p), "en andra lista 'values'");
		p->has_values = 1;
		push(p, F_VALUES);
	} else {
		if (p->seen & S_GVALUES)
			return fail(p, here(p), "en andra lista 'values' i ett dataobjekt");
		p->seen |= S_GVALUES;
		push(p, F_GVALUES);
	}
	return 1;
}

static const char *doc_name(enum imp_kolada_doc d)
{
	switch (d) {
	case IMP_KOLADA_DATA: return "datavärde";
	case IMP_KOLADA_KPIS: return "KPI";
	case IMP_KOLADA_MUNIS: return "kommun";
	default: return "inget";
	}
}

/* classify: what the finished item is, or IMP_KOLADA_EMPTY after an error */
static enum imp_kolada_doc classify(struct imp_kolada_parser *p)
{
	unsigned s = p->seen;
	int l = p->item_line;

	if (s & (S_KPI | S_PERIOD | S_GVALUES)) {
		if (s & S_OU)
			return fail(p, l, "data för organisatoriska enheter (/v3/oudata) stöds inte"), IMP_KOLADA_EMPTY;
		if (!(s & S_KPI))
			return fail(p, l, "ett datavärde utan 'kpi'"), IMP_KOLADA_EMPTY;
		if (!(s & S_MUNI))
			return fail(p, l, "ett datavärde utan 'municipality'"), IMP_KOLADA_EMPTY;
		if (!(s & S_PERIOD))
			return fail(p, l, "ett datavärde utan 'period'"), IMP_KOLADA_EMPTY;
		return IMP_KOLADA_DATA;
	}
	if (s & S_MEMBERS)
		return fail(p, l, "grupper (/v3/kpi_groups, /v3/municipality_groups) stöds inte"), IMP_KOLADA_EMPTY;
	if ((s & S_ID) && (s & (S_MUNI | S_OU)))
		return fail(p, l, "organisatoriska enheter (/v3/ou) stöds inte"), IMP_KOLADA_EMPTY;
	if ((s & S_ID) && (s & (S_KPIMETA | S_TYPE))) {
		if (!(s & S_TITLE))
			return fail(p, l, "%s utan 'title'", s & S_KPIMETA ? "ett nyckeltal (KPI)" : "en kommun"), IMP_KOLADA_EMPTY;
		return s & S_KPIMETA ? IMP_KOLADA_KPIS : IMP_KOLADA_MUNIS;
	}
	fail(p, l, "ett datavärde från Kolada (kpi, municipality, period, values), ett nyckeltal (id, title,"
	     " is_divided_by_gender ...) eller en kommun (id, title, type) väntades");
	return IMP_KOLADA_EMPTY;
}

static int emit(struct imp_kolada_parser *p, enum imp_kolada_doc d)
{
	const struct imp_kolada_sink *k = &p->sink;
	int rc = LUP_OK;

	if (d == IMP_KOLADA_DATA && k->data) {
		struct imp_kolada_data x = { p->kpi, p->muni, p->year, p->nv, { { 0, 0, 0 } }, p->item_line };
		memcpy(x.v, p->v, sizeof(x.v[0]) * (size_t)p->nv);
		rc = k->data(k->ctx, &x);
	} else if (d == IMP_KOLADA_KPIS && k->kpi) {
		struct imp_kolada_kpi x = { p->id, p->title, p->area, p->by_sex, p->item_line };
		rc = k->kpi(k->ctx, &x);
	} else if (d == IMP_KOLADA_MUNIS && k->muni) {
		struct imp_kolada_muni x = { p->id, p->title, p->type, p->item_line };
		rc = k->muni(k->ctx, &x);
	}
	if (rc != LUP_OK && !p->rc)
		p->rc = rc;
	return rc == LUP_OK;
}

static int end_item(struct imp_kolada_parser *p)
{
	enum imp_kolada_doc d = classify(p);

	if (d == IMP_KOLADA_EMPTY)
		return 0;
	if (p->info.doc != IMP_KOLADA_EMPTY && p->info.doc != d)
		return fail(p, p->item_line, "ett objekt av slaget %s i en fil med objekt av slaget %s: en fil"
			    " innehåller ett slags svar från Kolada", doc_name(d), doc_name(p->info.doc));
	p->info.doc = d;
	p->info.objects++;
	return emit(p, d);
}

static int end_gitem(struct imp_kolada_parser *p)
{
	if (!(p->gseen & S_GENDER))
		return fail(p, here(p), "ett värde utan 'gender' (T, K eller M väntades)");
	if (!(p->gseen & S_VALUE))
		return fail(p, here(p), "ett värde utan 'value' (ett tal eller null väntades)");
	p->nv++;
	return 1;
}

static int close_container(struct imp_kolada_parser *p)
{
	enum frame f;

	p->depth--;
	if (p->skip) {
		p->skip--;
		return 1;
	}
	f = top(p);
	p->nfr--;
	p->key = NULL;
	if (f == F_ITEM)
		return end_item(p);
	if (f == F_GITEM)
		return end_gitem(p);
	return 1;
}

static int cb_end(void *ctx)
{
	return close_container(ctx);
}

static const yajl_callbacks callbacks = {
	cb_null, cb_boolean, cb_integer, cb_double, NULL, cb_string,
	cb_start_map, cb_map_key, cb_end, cb_start_array, cb_end,
};

struct imp_kolada_parser *imp_kolada_open(struct imp_ctx *c, const struct imp_kolada_sink *sink)
{
	struct imp_kolada_parser *p = xcalloc(1, sizeof(*p));

	p->c = c;
	p->sink = *sink;
	p->line = 1;
	p->info.count = -1;
	p->h = yajl_alloc(&callbacks, NULL, p);
	if (!p->h) {
		fputs("lup: out of memory\n", stderr);
		abort();
	}
	return p;
}

void imp_kolada_close(struct imp_kolada_parser *p)
{
	if (!p)
		return;
	yajl_free(p->h);
	free(p);
}

/* scan: measures string and number tokens in s[0..n); returns the offset where one passes the
 * cap, or n */
static size_t scan(struct imp_kolada_parser *p, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (p->in_str) {
			if (p->esc)
				p->esc = 0;
			else if (ch == '\\')
				p->esc = 1;
			else if (ch == '"')
				p->in_str = 0;
		} else {
			switch (ch) {
			case ' ': case '\t': case '\r': case '\n':
				p->tok = 0;
				continue;
			case '{': case '}': case '[': case ']': case ':': case ',':
				p->tok = 0;
				p->nonblank = 1;
				continue;
			case '"':
				p->in_str = 1;
				p->tok = 0;
				break;
			default:
				break;
			}
			p->nonblank = 1;
		}
		if (++p->tok > IMP_KOLADA_MAX_TOKEN)
			return i;
	}
	return n;
}

/* yajl_fail: the message of a yajl error at absolute offset off */
static int yajl_fail(struct imp_kolada_parser *p, const char *s, size_t n, size_t off)
{
	unsigned char *m = yajl_get_error(p->h, 0, (const unsigned char *)s, n);
	char msg[256];
	size_t k;

	snprintf(msg, sizeof(msg), "%s", m ? (const char *)m : "tolkningsfel");
	if (m)
		yajl_free_error(p->h, m);
	k = strlen(msg);
	while (k > 0 && (msg[k - 1] == '\n' || msg[k - 1] == ' ' || msg[k - 1] == '.'))
		msg[--k] = '\0';
	return fail(p, line_at(p, off), "felaktig JSON vid byte %zu: %s", off, msg);
}

/* parse_part: feeds s[0..n) (a part of the current chunk at offset `at`) to yajl */
static int parse_part(struct imp_kolada_parser *p, const char *s, size_t n, size_t at)
{
	yajl_status st;

	if (!n)
		return 1;
	p->ybase = p->base + at;
	st = yajl_parse(p->h, (const unsigned char *)s, n);
	if (st == yajl_status_ok)
		return 1;
	if (st == yajl_status_error)
		yajl_fail(p, s, n, p->ybase + yajl_get_bytes_consumed(p->h));
	return 0;
}

/* skip_bom: drops a UTF-8 BOM at the start of the file; returns the bytes to skip in buf */
static size_t skip_bom(struct imp_kolada_parser *p, const char *buf, size_t len)
{
	static const char bom[] = "\xef\xbb\xbf";
	size_t i = 0;

	while (p->bom < 3 && i < len) {
		if (buf[i] != bom[p->bom]) {
			if (p->bom > 0)
				return fail(p, 1, "malformed JSON at byte %d: a broken UTF-8 byte order mark", p->bom), 0;
			p->bom = 3;
			break;
		}
		p->bom++;
		i++;
	}
	return i;
}

int imp_kolada_feed(struct imp_kolada_parser *p, const char *buf, size_t len)
{
	size_t skip, cut;

	if (p->rc)
		return p->rc;
	skip = skip_bom(p, buf, len);
	if (p->rc)
		return p->rc;
	p->chunk = buf;		/* for line_at, until the end of this call */
	cut = skip + scan(p, buf + skip, len - skip);
	/* yajl reads up to the overlong token, so that an earlier error is reported first */
	if (parse_part(p, buf + skip, cut - skip, skip) && cut < len)
		fail(p, line_at(p, p->base + cut), "en JSON-sträng eller ett tal längre än %d byte",
		     IMP_KOLADA_MAX_TOKEN);
	if (!p->rc) {
		line_at(p, p->base + len);
		if (len)
			p->last = buf[len - 1];
	}
	p->chunk = NULL;
	p->base += len;
	return p->rc;
}

int imp_kolada_finish(struct imp_kolada_parser *p, struct imp_kolada_info *info)
{
	yajl_status st;
	int last = p->line - (p->last == '\n' && p->line > 1);

	if (p->rc)
		return p->rc;
	if (!p->nonblank)
		return fail(p, 0, "tom fil: ett JSON-svar från Koladas API väntades"), p->rc;
	p->ybase = p->base;
	st = yajl_complete_parse(p->h);
	if (st == yajl_status_client_canceled)
		return p->rc;
	if (st != yajl_status_ok) {
		unsigned char *m = yajl_get_error(p->h, 0, NULL, 0);
		int eof = m && strstr((const char *)m, "premature EOF");
		if (m)
			yajl_free_error(p->h, m);
		if (eof)
			return fail(p, last, "felaktig JSON vid byte %zu: texten slutar inne i ett värde"
				    " (avklippt?)", p->base), p->rc;
		return yajl_fail(p, NULL, 0, p->base), p->rc;
	}
	if (!p->has_values)
		return fail(p, last, "ingen lista 'values': inte ett svar från Koladas API"), p->rc;
	p->info.lines = last;
	*info = p->info;
	return LUP_OK;
}

int imp_kolada_parse(struct imp_ctx *c, const char *buf, size_t len,
		     const struct imp_kolada_sink *sink, struct imp_kolada_info *info)
{
	struct imp_kolada_parser *p = imp_kolada_open(c, sink);
	int rc = imp_kolada_feed(p, buf, len);

	if (rc == LUP_OK)
		rc = imp_kolada_finish(p, info);
	imp_kolada_close(p);
	return rc;
}
