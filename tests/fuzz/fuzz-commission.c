/* fuzz-commission.c: libFuzzer target for the 'commission' importer's parser and text rules
 * (no database). Any input must parse or fail cleanly, without a crash, leak or undefined
 * behaviour. */
#include "core/arena.h"
#include "core/err.h"
#include "import/imp-commission.h"
#include "import/import.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* text_rules: the helpers the parser uses, on the raw input as one string. */
static void text_rules(const char *s, size_t n)
{
	struct cm_cite cites[8];
	struct cm_mention ment[8];
	char key[64];
	size_t at, len;

	imp_commission_stance(s, &at, &len);
	imp_commission_cites(s, n, cites, 8);
	imp_commission_mentions(s, n, ment, 8);
	imp_commission_known_report(s, NULL, &at);
	imp_commission_slug(s, key, sizeof(key));
	for (size_t p = 0; p < n; p = imp_commission_sentence_end(s, n, p))
		if (imp_commission_sentence_end(s, n, p) <= p)
			abort();	/* it must always move on */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct imp_report r;
	struct imp_ctx c = { .a = &a, .e = &e, .path = "fuzz", .r = &r, .trace = 1 };
	struct imp_text t;
	struct cm_doc d;
	char *s = malloc(size + 1);

	memset(&r, 0, sizeof(r));
	if (s) {
		memcpy(s, data, size);
		s[size] = '\0';
		text_rules(s, strlen(s));
		free(s);
	}
	if (imp_split_text(&c, (const char *)data, size, &t) == LUP_OK)
		imp_commission_parse(&c, &t, &d);
	arena_release(&a);
	return 0;
}
