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
	int doc;			/* the plan document's style (json_init_doc) */
};

/* json_init: starts a writer on out (which must outlive it). pretty: 1 to indent. */
void json_init(struct json *j, struct buf *out, int pretty);

/* json_init_doc: starts a pretty writer on out in the style of the plan interchange document
 * (docs/plan-json.md), the bytes jansson's dump with JSON_INDENT(2) and JSON_REAL_PRECISION(15)
 * writes: in strings \b \f \n \r \t as such, the other control characters as \u00XX in upper
 * case, DEL and non-ASCII as they are; json_num as a real: "%.15g" with ".0" added when it has
 * neither '.' nor 'e', the exponent without '+' and leading zeros. */
void json_init_doc(struct json *j, struct buf *out);

/* Containers. json_obj_open/json_arr_open start one; the close calls end the innermost one. */
void json_obj_open(struct json *j);
void json_obj_close(struct json *j);
void json_arr_open(struct json *j);
void json_arr_close(struct json *j);

/* json_key: writes an object key; the next call must write its value. */
void json_key(struct json *j, const char *key);

/* json_keyn: json_key for a key of n bytes (no strlen: for names whose length is known). */
void json_keyn(struct json *j, const char *key, size_t n);

/* Values. json_str(NULL) writes null. json_num writes null for NaN/inf. json_nothing writes
 * null (not json_null: that is jansson's, and the linker would take ours for it). */
void json_str(struct json *j, const char *s);
void json_strn(struct json *j, const char *s, size_t n);
void json_int(struct json *j, int64_t v);
void json_num(struct json *j, double v);
void json_bool(struct json *j, int v);
void json_nothing(struct json *j);

/* JSON_NUM_SIZE: room for json_num_text's text with its NUL. */
#define JSON_NUM_SIZE 64
/* json_num_text: writes into out (JSON_NUM_SIZE bytes) the text json_num writes for v (null for
 * NaN/inf; an integer as "%lld"; a real in "%.15g"'s bytes when they read back as v, else
 * "%.17g"'s) with a NUL; returns its length. For a caller that puts values in a piece it writes
 * with json_value. */
size_t json_num_text(double v, char *out);
/* json_value: writes a complete value written beforehand (s[0..n): a writer with pretty 0, or
 * json_num_text, wrote its parts), where json_str would write one: for a value a caller builds
 * from pieces it keeps (the goal chain's outcomes). s is not checked: the caller vouches for
 * it. Refused (bad) where no value may come or pretty is set. */
void json_value(struct json *j, const char *s, size_t n);

/* json_value_out: json_value for a value the caller appends itself: the writer places it (a
 * comma before it where one is due) and returns the buffer to append it to at once, before any
 * other call on j; NULL (and nothing written) where json_value would refuse. The caller vouches
 * for the text and must write exactly one complete value (the goal chain's goals). */
struct buf *json_value_out(struct json *j);
/* json_finish: 0 when exactly one complete value was written and no call was refused,
 * else -1. Adds a final newline when pretty. */
int json_finish(struct json *j);

/* json_escape_str: appends s to out as a quoted JSON string (helper for the writer and tests). */
int json_escape_str(struct buf *out, const char *s, size_t n);

#endif
