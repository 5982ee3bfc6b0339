/* fuzz-kolada.c: libFuzzer target for the Kolada importer's streaming JSON parser. The input is
 * parsed twice: whole, and fed in two pieces split at a place the input chooses, which must give
 * the same result. Any input must parse or fail cleanly, with records inside the caps. */
#include "core/arena.h"
#include "core/err.h"
#include "import/imp-kolada.h"
#include "import/import.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	long records;
};

static void check_str(const char *s, size_t cap)
{
	if (strlen(s) >= cap)
		abort();	/* a record string past its cap: a parser bug */
}

static int on_data(void *ctx, const struct imp_kolada_data *d)
{
	((struct seen *)ctx)->records += 1 + d->n;
	check_str(d->kpi, IMP_KOLADA_MAX_ID);
	check_str(d->municipality, IMP_KOLADA_MAX_ID);
	if (d->n < 0 || d->n > IMP_KOLADA_MAX_GENDERS || d->year < 1900 || d->year > 2999)
		abort();
	for (int i = 0; i < d->n; i++)
		if (d->v[i].sex != 'T' && d->v[i].sex != 'K' && d->v[i].sex != 'M')
			abort();
	return LUP_OK;
}

static int on_kpi(void *ctx, const struct imp_kolada_kpi *k)
{
	((struct seen *)ctx)->records++;
	check_str(k->id, IMP_KOLADA_MAX_ID);
	check_str(k->title, IMP_KOLADA_MAX_TITLE);
	check_str(k->operating_area, IMP_KOLADA_MAX_TITLE);
	return LUP_OK;
}

static int on_muni(void *ctx, const struct imp_kolada_muni *m)
{
	((struct seen *)ctx)->records++;
	check_str(m->id, IMP_KOLADA_MAX_ID);
	check_str(m->title, IMP_KOLADA_MAX_TITLE);
	check_str(m->type, IMP_KOLADA_MAX_TYPE);
	return LUP_OK;
}

/* parse: the whole input in pieces of at most `piece` bytes; returns the result code */
static int parse(const uint8_t *data, size_t size, size_t cut, struct seen *s)
{
	struct arena a = ARENA_INIT;
	struct err e = { 0 };
	struct imp_report r;
	struct imp_ctx c = { .a = &a, .e = &e, .path = "fuzz", .r = &r };
	const struct imp_kolada_sink sink = { s, on_data, on_kpi, on_muni };
	struct imp_kolada_parser *p;
	struct imp_kolada_info info;
	int rc;

	memset(&r, 0, sizeof(r));
	p = imp_kolada_open(&c, &sink);
	rc = imp_kolada_feed(p, (const char *)data, cut);
	if (rc == LUP_OK)
		rc = imp_kolada_feed(p, (const char *)data + cut, size - cut);
	if (rc == LUP_OK)
		rc = imp_kolada_finish(p, &info);
	imp_kolada_close(p);
	arena_release(&a);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen whole = { 0 }, split = { 0 };
	size_t cut = size ? data[0] % (size + 1) : 0;
	int rc1 = parse(data, size, size, &whole), rc2 = parse(data, size, cut, &split);

	if (rc1 != rc2 || whole.records != split.records)
		abort();	/* the result depends on how the input was split */
	return 0;
}
