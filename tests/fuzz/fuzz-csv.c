/* fuzz-csv.c: libFuzzer target for the csv importer's streaming parser. The input is parsed
 * whole and in two pieces split at a place the input chooses, which must give the same rows.
 * Any input must parse or fail cleanly, with typed rows inside the caps. */
#include "core/arena.h"
#include "core/err.h"
#include "import/imp-csv.h"
#include "import/import.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	long rows;
	unsigned long sum;	/* of the rows' lines and cell lengths */
};

static int on_row(void *ctx, const struct imp_csv_row *r)
{
	struct seen *s = ctx;

	s->rows++;
	if (r->line < 1 || (r->sex != 'T' && r->sex != 'K' && r->sex != 'M') ||
	    !model_period_valid(&r->period))
		abort();	/* a row the parser should have refused */
	s->sum += (unsigned long)r->line;
	for (int i = 0; i < IMP_CSV__MAX; i++) {
		size_t n = strlen(r->cell[i]);
		if (n > IMP_CSV_MAX_CELL)
			abort();
		s->sum += n;
	}
	return LUP_OK;
}

static int parse(const uint8_t *data, size_t size, size_t cut, struct seen *s)
{
	struct arena a = ARENA_INIT;
	struct err e = { 0 };
	struct imp_report r;
	struct imp_ctx c = { .a = &a, .e = &e, .path = "fuzz", .r = &r };
	const struct imp_csv_sink sink = { s, on_row };
	struct imp_csv_parser *p;
	struct imp_csv_info info;
	int rc;

	memset(&r, 0, sizeof(r));
	p = imp_csv_open(&c, &sink);
	rc = imp_csv_feed(p, (const char *)data, cut);
	if (rc == LUP_OK)
		rc = imp_csv_feed(p, (const char *)data + cut, size - cut);
	if (rc == LUP_OK)
		rc = imp_csv_finish(p, &info);
	imp_csv_close(p);
	arena_release(&a);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen whole = { 0, 0 }, split = { 0, 0 };
	size_t cut = size ? data[0] % (size + 1) : 0;
	int rc1 = parse(data, size, size, &whole), rc2 = parse(data, size, cut, &split);

	if (rc1 != rc2 || whole.rows != split.rows || whole.sum != split.sum)
		abort();	/* the result depends on how the input was split */
	return 0;
}
