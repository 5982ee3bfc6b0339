/* model-int.h: text helpers shared by the model/ sources; not part of the public interface. */
#ifndef LUP_MODEL_INT_H
#define LUP_MODEL_INT_H

#include <stddef.h>

#define MODEL_INT_QUOTE_MAX 60				/* bytes of offending text quoted in a message */
#define MODEL_INT_QUOTE_BUF (MODEL_INT_QUOTE_MAX + 4)	/* room for the clipped text, "..." and NUL */

/*
 * model_int_err: formats a message into err (err may be NULL or errsz 0: then nothing happens).
 * A message that does not fit is cut at a UTF-8 character boundary and stays NUL-terminated.
 */
void model_int_err(char *err, size_t errsz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * model_int_space_len: the byte length of the whitespace character starting at s (s < e), or 0
 * when s does not start one. Whitespace: ASCII space, TAB, CR, LF, VT, FF and the UTF-8 encoded
 * U+00A0 (no-break space), U+2007 (figure space), U+2009 (thin space), U+202F (narrow no-break).
 */
size_t model_int_space_len(const char *s, const char *e);

/* model_int_trim: moves *b forward and *e back past whitespace (as model_int_space_len). */
void model_int_trim(const char **b, const char **e);

/*
 * model_int_utf8_clip: the largest length <= max that does not cut a UTF-8 sequence of s, which
 * holds len bytes. Returns len when len <= max.
 */
size_t model_int_utf8_clip(const char *s, size_t len, size_t max);

/*
 * model_int_quote: copies [b, e) into out (MODEL_INT_QUOTE_BUF bytes) for quoting in a message:
 * whitespace runs become one space, control bytes become '?', and text longer than
 * MODEL_INT_QUOTE_MAX bytes is cut at a character boundary and ends in "...".
 */
void model_int_quote(const char *b, const char *e, char out[MODEL_INT_QUOTE_BUF]);

/*
 * model_int_fold: copies [b, e) into out (size bytes, size >= 1) in lower case (ASCII A-Z and the
 * UTF-8 Latin-1 capitals such as Å, Ä, Ö, É). With keep_space, every whitespace run becomes one
 * space and none is left at the ends; without, whitespace is dropped. Returns 0, or -1 when out
 * is too small (out then holds a NUL-terminated prefix).
 */
int model_int_fold(const char *b, const char *e, int keep_space, char *out, size_t size);

/* model_int_is_digit: 1 when c is an ASCII digit (locale-independent), else 0. */
int model_int_is_digit(char c);

#endif
