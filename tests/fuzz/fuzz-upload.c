/* fuzz-upload.c: libFuzzer target for the part collector behind upload_parse (upload-int.h)
 * and for upload_safe_name. libmicrohttpd's MHD_PostProcessor splits the body into chunks; this
 * target hands the collector any sequence of chunks that processor could, and some it never
 * should (unknown names, chunks out of order, files for text fields, bytes that are not UTF-8).
 * Input: a list of chunks, each an op byte, a length byte and that many bytes of data.
 *	op & 7: the part's name: 0-3 a field of the table, 4 an unknown name, 5 a name that is
 *		not UTF-8, 6 the name of the previous chunk, 7 the empty name
 *	op & 8: the chunk has a file name (its data, cut at the first NUL)
 *	op & 16: a continuation (off = the bytes received so far), else a new part (off 0)
 *	op & 32: a wrong offset for a continuation
 * Whatever the input, the collector must fail cleanly or leave values inside the table's caps
 * that pass the checks the handlers rely on; every safe name must be a safe name. */
#include "core/arena.h"
#include "web/upload-int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct upload_field table[] = {
	{ "csrf", UP_FIELD, 64 }, { "typ", UP_FIELD, 16 }, { "fil", UP_DOC, 300 }, { "innehall", UP_DOC, 0 },
};
#define NTABLE ((int)(sizeof(table) / sizeof(table[0])))

static void check_safe_name(const char *name)
{
	char out[UPLOAD_NAME_MAX];
	size_t n;

	upload_safe_name(name, "fallback", out);
	n = strlen(out);
	if (!n || n >= UPLOAD_NAME_MAX || out[0] == '.' || out[0] == ' ' || strchr(out, '/') || strchr(out, '\\') ||
	    !upload_utf8_ok(out, n, 1, NULL))
		abort();
}

static void check_result(const struct upload_collect *c)
{
	for (int i = 0; i < NTABLE; i++) {
		const struct buf *b = &c->data[i];
		if (!c->seen[i])
			continue;
		if (b->len > b->max || (table[i].max && b->len > table[i].max))
			abort();
		if (table[i].t == UP_FIELD && (!upload_utf8_ok(b->ptr, b->len, 1, NULL) || memchr(b->ptr, '\r', b->len)))
			abort();
		if (table[i].t == UP_DOC && !upload_utf8_ok(b->ptr, b->len, 0, NULL))
			abort();
		if (c->filename[i] && (table[i].t != UP_DOC || !upload_utf8_ok(c->filename[i], strlen(c->filename[i]), 1, NULL)))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "csrf", "typ", "fil", "innehall", "okand", "\xff\xfe", NULL, "" };
	struct arena a = ARENA_INIT;
	struct upload_collect c;
	const char *prev = "csrf";
	size_t i = 0;
	int rc = 0;

	upload_collect_init(&c, table, NTABLE, &a);
	while (i + 2 <= size && rc == 0) {
		unsigned op = data[i], n = data[i + 1];
		const char *key = names[op & 7] ? names[op & 7] : prev;
		char *chunk, *fname = NULL;
		uint64_t off = 0;

		i += 2;
		if (n > size - i)
			n = (unsigned)(size - i);
		chunk = arena_strndup(&a, (const char *)data + i, n);	/* NUL-terminated copy */
		if (op & 8)
			fname = chunk;
		if ((op & 16) && c.cur >= 0)
			off = c.data[c.cur].len + ((op & 32) ? 1 : 0);
		check_safe_name(chunk);
		rc = upload_collect_part(&c, key, fname, (const char *)data + i, off, n);
		if (rc != 0 && c.fail == UPF_NONE)
			abort();
		prev = key;
		i += n;
	}
	if (rc == 0)
		rc = upload_collect_finish(&c);
	if (rc == 0)
		check_result(&c);
	else if (c.fail == UPF_NONE || c.fail_field < -1 || c.fail_field >= NTABLE)
		abort();
	upload_collect_release(&c);
	arena_release(&a);
	return 0;
}
