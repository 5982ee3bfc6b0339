/* json.h: a structural JSON writer. JSON is never printf'd: it is built through these calls.
 *
 * The writer tracks nesting and refuses sequences that would make invalid JSON (a value where a
 * key is due, a key in an array, closing the wrong container, more than JSON_MAX_DEPTH levels).
 * A refused call sets the sticky `bad` flag and writes nothing; json_finish reports it. Strings
 * are escaped (", \, control characters as \uXXXX) and invalid UTF-8 becomes U+FFFD, so the
 * output is valid UTF-8 whatever the input.
 */
#ifndef LUP_JSON_H
#define LUP_JSON_H

#include <stddef.h>
#include <stdint.h>

struct buf;

#define JSON_MAX_DEPTH 64

struct json {
	struct buf *out;		/* where the text goes (not owned) */
	int depth;			/* open containers */
	char kind[JSON_MAX_DEPTH];	/* 'o' object or 'a' array, per level */
	int count[JSON_MAX_DEPTH];	/* members written per level */
	int want_value;			/* a key was written; its value is due */
	int done;			/* a complete top-level value was written */
	int bad;			/* a refused call happened (or out overflowed) */
	int pretty;			/* indent with two spaces per level */
};

/* json_init: starts a writer on out (which must outlive it). pretty: 1 to indent. */
void json_init(struct json *j, struct buf *out, int pretty);

/* Containers. json_obj_open/json_arr_open start one; the close calls end the innermost one. */
void json_obj_open(struct json *j);
void json_obj_close(struct json *j);
void json_arr_open(struct json *j);
void json_arr_close(struct json *j);

/* json_key: writes an object key; the next call must write its value. */
void json_key(struct json *j, const char *key);

/* json_keyn: json_key for a key of n bytes (no strlen: for names whose length is known). */
void json_keyn(struct json *j, const char *key, size_t n);

/* json_members: appends to the innermost object nmembers (at least 1) complete members
 * written beforehand by a writer of this kind (s[0..n): "key":value pairs joined by commas,
 * no comma before the first), with the comma before them when the object has members: for a
 * piece a caller writes many times over (the goal chain's outcomes). s is not checked: the
 * caller vouches that a json writer with pretty 0 wrote it. Refused (bad) where a key is due
 * or pretty is set. */
void json_members(struct json *j, const char *s, size_t n, int nmembers);
/* Values. json_str(NULL) writes null. json_num writes null for NaN/inf. json_nothing writes
 * null (not json_null: that is jansson's, and the linker would take ours for it). */
void json_str(struct json *j, const char *s);
void json_strn(struct json *j, const char *s, size_t n);
void json_int(struct json *j, int64_t v);
void json_num(struct json *j, double v);
void json_bool(struct json *j, int v);
void json_nothing(struct json *j);

/* json_finish: 0 when exactly one complete value was written and no call was refused,
 * else -1. Adds a final newline when pretty. */
int json_finish(struct json *j);

/* json_escape_str: appends s to out as a quoted JSON string (helper for the writer and tests). */
int json_escape_str(struct buf *out, const char *s, size_t n);

#endif
