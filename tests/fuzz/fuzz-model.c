/* fuzz-model.c: libFuzzer target for the model's text parsers (targets, dates, periods,
 * assessments) and the importers' text splitter. Any input must parse or fail cleanly. */
#include "core/arena.h"
#include "core/err.h"
#include "import/import.h"
#include "model/assess.h"
#include "model/datex.h"
#include "model/period.h"
#include "model/target.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), err[256], out[256];
	struct model_target t;
	struct model_datex d;
	struct model_period p;
	enum model_assessment as;
	struct arena a = ARENA_INIT;
	struct err e;
	struct imp_report r;
	struct imp_ctx c = { .a = &a, .e = &e, .path = "fuzz", .r = &r };
	struct imp_text text;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (model_target_parse(s, &t, err, sizeof(err)) == 0)
		model_target_format(&t, out, sizeof(out));
	if (model_datex_parse(s, &d, err, sizeof(err)) == 0)
		model_datex_format(&d, out, sizeof(out));
	if (model_period_parse(s, &p, err, sizeof(err)) == 0)
		model_period_format(&p, out, sizeof(out));
	model_assess_parse(s, &as, err, sizeof(err));
	memset(&r, 0, sizeof(r));
	imp_split_text(&c, (const char *)data, size, &text);
	arena_release(&a);
	free(s);
	return 0;
}
