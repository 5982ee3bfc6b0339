/* upload-int.h: the part collector behind upload_parse, kept apart from libmicrohttpd so that
 * the fuzz target (tests/fuzz/fuzz-upload.c) can drive it with any sequence of parts. Private to
 * upload.c, upload-parts.c and the fuzz target. */
#ifndef LUP_UPLOAD_INT_H
#define LUP_UPLOAD_INT_H

#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "web/upload.h"

/* Why a body was refused (upload.c words each in Swedish). */
enum upload_fail {
	UPF_NONE,
	UPF_NO_PARTS,	/* the body held no part at all */
	UPF_TOO_MANY,	/* more than UPLOAD_MAX_PARTS parts */
	UPF_UNKNOWN,	/* a part whose name is not in the table (bad_name) */
	UPF_TWICE,	/* a field sent twice */
	UPF_FILE_FIELD,	/* a file sent for an UP_FIELD */
	UPF_SEQUENCE,	/* a chunk that does not continue the part before it */
	UPF_TOO_BIG,	/* a part larger than its field's max */
	UPF_FIELD_TEXT,	/* an UP_FIELD that is not valid UTF-8 text */
	UPF_FILENAME,	/* a file name that is too long or not valid UTF-8 text */
	UPF_DOC_TEXT,	/* a document that is not UTF-8 or holds a NUL byte (at bad_at) */
};

/* The parts received so far, by the index of their field. */
struct upload_collect {
	const struct upload_field *fields;
	int nfields;
	struct arena *a;			/* file names and the unknown name live here */
	int seen[UPLOAD_MAX_FIELDS];
	struct buf data[UPLOAD_MAX_FIELDS];	/* each capped at its field's max */
	const char *filename[UPLOAD_MAX_FIELDS];	/* NULL for a text part */
	int cur;				/* the field being filled, -1 before the first part */
	int nparts;
	enum upload_fail fail;			/* the first failure */
	int fail_field;				/* its field's index, or -1 */
	const char *bad_name;			/* UPF_UNKNOWN: the name, cut and made printable */
	size_t bad_at;				/* UPF_DOC_TEXT: offset of the first bad byte */
};

/* upload_collect_init: an empty collector for fields[0..n) (n <= UPLOAD_MAX_FIELDS). */
void upload_collect_init(struct upload_collect *c, const struct upload_field *fields, int n, struct arena *a);

/*
 * upload_collect_part: takes one chunk as MHD_PostDataIterator hands it: off 0 starts a part
 * called key (filename NULL for a text part), a later chunk must continue the current part at
 * off == the bytes received. Returns 0 to go on, or -1 once c->fail is set (the first failure
 * is kept).
 */
int upload_collect_part(struct upload_collect *c, const char *key, const char *filename, const char *data,
			uint64_t off, size_t size);

/* upload_collect_finish: the checks that need whole parts (UTF-8, no parts at all); ordinary
 * fields get CR LF and a lone CR as LF. Returns 0, or -1 with c->fail set. */
int upload_collect_finish(struct upload_collect *c);

/* upload_collect_release: frees the parts' data (c can be released at any point). */
void upload_collect_release(struct upload_collect *c);

#endif
