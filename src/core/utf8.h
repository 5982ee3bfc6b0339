/* utf8.h: checking UTF-8, the one decoder every parser and writer of lup uses. */
#ifndef LUP_CORE_UTF8_H
#define LUP_CORE_UTF8_H

#include <stddef.h>

/*
 * utf8_seq: the length (1 to 4) of the valid UTF-8 sequence at s, of which at most n bytes may
 * be read (n >= 1), with its code point in *cp when cp is not NULL. Returns 0 when the bytes are
 * no valid sequence: a stray continuation byte, a lead byte that cannot start one, a sequence
 * cut short, an overlong form, a UTF-16 surrogate or a code point beyond U+10FFFF. A NUL byte is
 * a valid sequence of length 1 (callers that refuse NUL check for it). In a NUL-terminated
 * string any n >= 4 is safe: a cut-short sequence stops at the NUL.
 */
size_t utf8_seq(const unsigned char *s, size_t n, unsigned *cp);

/* utf8_valid: 1 when s[0..n) is valid UTF-8 without a NUL byte, else 0. */
int utf8_valid(const char *s, size_t n);

#endif
