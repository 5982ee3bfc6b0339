/* body.h: JSON request bodies, parsed with jansson and validated against a declared field table
 * (kcgi-style): handlers never touch raw input. */
#ifndef LUP_BODY_H
#define LUP_BODY_H

#include <stdint.h>

#include "web/http.h"

#define BODY_MAX_FIELDS 16
#define BODY_MAX_DEPTH 8
#define BODY_MAX_MEMBERS 64

enum ftype {
	FT_STRING,	/* a string of 1..max bytes (max 0: 1000) */
	FT_TEXT,	/* a string of 0..max bytes, or null */
	FT_INT,		/* an integer in [min, max] */
	FT_NUMBER,	/* a number, or null (missing value) */
	FT_ENUM,	/* one of values */
	FT_STRINGS,	/* an array of up to 64 non-empty strings of at most max bytes (max 0: 200) */
	FT_BOOL,	/* true or false: i[] holds 1 or 0 */
};

struct field {
	const char *name;
	enum ftype t;
	int required;
	long long min, max;		/* FT_INT range; FT_STRING/FT_TEXT max length */
	const char *const *values;	/* FT_ENUM: NULL-terminated */
};

/* The parsed values, by the index of the field in the table. Strings live in the request arena. */
struct body {
	int present[BODY_MAX_FIELDS];	/* the field was in the body */
	int isnull[BODY_MAX_FIELDS];	/* ... as JSON null */
	const char *s[BODY_MAX_FIELDS];
	int64_t i[BODY_MAX_FIELDS];
	double d[BODY_MAX_FIELDS];
	const char **list[BODY_MAX_FIELDS];	/* FT_STRINGS */
	int nlist[BODY_MAX_FIELDS];
};

/*
 * body_parse: parses r->body as one JSON object and checks it against fields[0..n). Malformed
 * JSON (with line and column), broken UTF-8, nesting deeper than BODY_MAX_DEPTH, or more than
 * BODY_MAX_MEMBERS members answer 400; unknown fields, wrong types, values out of range and
 * missing required fields answer 422 listing every failing field. Returns 0 when b is filled,
 * else the status already answered.
 */
int body_parse(struct http_req *r, const struct field *fields, int n, struct body *b);

#endif
