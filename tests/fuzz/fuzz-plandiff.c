/* fuzz-plandiff.c: libFuzzer target for the plan diff (src/doc/plan-diff.c). The input is two
 * JSON documents separated by the first NUL byte (no NUL: split in the middle); when both parse,
 * their diff and its text form must be made or refused cleanly. */
#include "core/buf.h"
#include "core/err.h"
#include "doc/plan-diff.h"

#include <jansson.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t na = nul ? (size_t)(nul - data) : size / 2, skip = nul ? 1 : 0;
	json_t *a = json_loadb((const char *)data, na, JSON_REJECT_DUPLICATES, NULL);
	json_t *b = json_loadb((const char *)data + na + skip, size - na - skip, JSON_REJECT_DUPLICATES, NULL);
	json_t *d = NULL;
	struct err e;
	struct buf out;

	err_clear(&e);
	buf_init(&out, 1 << 20);
	for (int i = 0; a && b && i < 2; i++) {
		if (plan_diff(i ? b : a, i ? a : b, &d, &e) == LUP_OK)
			plan_diff_text(d, &out);
		json_decref(d);
		d = NULL;
	}
	buf_release(&out);
	json_decref(a);
	json_decref(b);
	return 0;
}
