/* html.c: the escape-by-default HTML writer. */
#include "render/html.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/numfmt.h"
#include "core/utf8.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#define HTML_VEC 1
/* NO_ASAN: for the functions that load sixteen bytes from where a string starts, past its end but
 * never past its page (page_safe): the load cannot fault, and the bytes after the NUL are not
 * used; AddressSanitizer would report the load itself (Valgrind's memcheck does, as an invalid
 * read of size 16, where the string ends near the end of its heap block). */
#define NO_ASAN __attribute__((no_sanitize_address))
#define NO_ASAN_ESC NO_ASAN
#else
#define NO_ASAN_ESC
#endif

void html_init(struct html *h, struct buf *out)
{
	memset(h, 0, sizeof(*h));
	h->out = out;
}

/* name_char: 1 for the bytes an element or attribute name is made of (lowercase letters, digits
 * and '-'). */
static const unsigned char name_char[256] = {
	['-'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1,
	['9'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
	['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* name_len: the length of n when it is an element or attribute name (name_char), else 0. */
static size_t name_len(const char *n)
{
	const unsigned char *p = (const unsigned char *)n;
	size_t i = 0;

	if (!p)
		return 0;
	while (name_char[p[i]])
		i++;
	return p[i] ? 0 : i;
}

/* What html_escape does with each byte: copy it (0), end (E_END), replace it (E_REP: markup
 * characters and control characters but tab and newline), check a UTF-8 sequence (E_UTF8). */
enum { E_END = 1, E_REP, E_UTF8 };
static const unsigned char esc_class[256] = { /* 16 bytes a row */
	1, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	0, 0, 2, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

static const char *esc_rep(unsigned char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	default: return "\xef\xbf\xbd"; /* U+FFFD for control characters */
	}
}

#ifdef HTML_VEC
/* page_safe: 1 when the sixteen bytes from p lie in p's 4 KiB page, so loading them cannot fault
 * (pages are at least 4 KiB) even where a string ends before them. */
static inline int page_safe(const void *p)
{
	return ((uintptr_t)p & 4095) <= 4096 - 16;
}

/* page_safe32: page_safe for thirty-two bytes. */
static inline int page_safe32(const void *p)
{
	return ((uintptr_t)p & 4095) <= 4096 - 32;
}

/* special_bits: bit i set when byte i of x is one html_escape must look at: below 0x20 (NUL,
 * tab and newline included) or at or above 0x80 (signed, one compare), '"', '&', '\'', '<', '>'
 * (as plain_end). */
static inline unsigned special_bits(__m128i x)
{
	__m128i m = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(1)), _mm_set1_epi8('\'')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(2)), _mm_set1_epi8('>')));
	return (unsigned)_mm_movemask_epi8(m);
}

/* kept_bits: bit i set when byte i of x is one special_bits marks that html_escape copies as it
 * is without a closer look: a tab, a newline, or either byte of a two-byte UTF-8 sequence whose
 * both bytes are in x (a lead 0xc2-0xdf right before a continuation byte 0x80-0xbf: å, ä, ö, é).
 * Such a pair never overlaps another valid sequence (a lead is no continuation byte, and the
 * byte before a continuation byte of a longer sequence is no such lead), and the byte-at-a-time
 * rule reaches each of its leads as the start of a sequence, so taking them here changes no
 * output (escape_keep's two-byte test, sixteen at a time). */
static inline unsigned kept_bits_from(__m128i x, unsigned d);

static inline unsigned kept_bits(__m128i x)
{
	return kept_bits_from(x, 0);
}

/* kept_bits_from: kept_bits of the bytes of x from byte d on, as bits from 0 (byte d's) on: a
 * pair whose lead lies before byte d is not taken (its continuation byte at d is not part of
 * the text there, which starts a sequence). */
static inline unsigned kept_bits_from(__m128i x, unsigned d)
{
	__m128i cont = _mm_cmplt_epi8(x, _mm_set1_epi8((char)0xc0));	/* signed: 0x80-0xbf */
	__m128i lead = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8((char)0xc1)),
				     _mm_cmplt_epi8(x, _mm_set1_epi8((char)0xe0)));	/* 0xc2-0xdf */
	__m128i tabnl = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\n')));
	unsigned pair = (unsigned)_mm_movemask_epi8(lead) & ((unsigned)_mm_movemask_epi8(cont) >> 1) & (~0u << d);

	return (pair | pair << 1 | (unsigned)_mm_movemask_epi8(tabnl)) >> d;
}

/* name_bits: bit i set when byte i of x is a name byte (name_char: 'a'-'z', '0'-'9', '-'). */
static inline unsigned name_bits(__m128i x)
{
	__m128i lo = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('a' - 1)),
				   _mm_cmplt_epi8(x, _mm_set1_epi8('z' + 1)));
	__m128i dg = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
				   _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
	__m128i dash = _mm_cmpeq_epi8(x, _mm_set1_epi8('-'));

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(lo, dg), dash));
}

/* nul_bits: bit i set when byte i of x is NUL. */
static inline unsigned nul_bits(__m128i x)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_setzero_si128()));
}
#endif

/* plain_end: the index of the first byte of p[i..n) that html_escape must look at (esc_class
 * not 0, or tab and newline where the vector scan is coarse), or n. Sixteen bytes at a time
 * where SSE2 is there (every x86-64): bytes below 0x20 or at or above 0x80 (signed, one
 * compare), '"', '&' and '\'' ((c | 1) == '\''), '<' and '>' ((c | 2) == '>'). Reads only
 * inside p[0..n). */
static size_t plain_end(const unsigned char *p, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i ctl = _mm_set1_epi8(0x20), quot = _mm_set1_epi8('"'), one = _mm_set1_epi8(1),
		      apos = _mm_set1_epi8('\''), two = _mm_set1_epi8(2), gt = _mm_set1_epi8('>');

	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i m = _mm_or_si128(_mm_cmplt_epi8(x, ctl), _mm_cmpeq_epi8(x, quot));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_or_si128(x, one), apos));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_or_si128(x, two), gt));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	while (i < n && !esc_class[p[i]])
		i++;
	return i;
}

/* escape_keep: the length of what starts at p[i] when it is copied as it is (tab, newline, a
 * valid UTF-8 sequence), else 0 (it is replaced). */
static size_t escape_keep(const unsigned char *p, size_t i)
{
	size_t len;

	if (!esc_class[p[i]])
		return 1;
	/* two-byte sequences (å, ä, ö, é: most of Swedish text's) without the call */
	if (p[i] >= 0xc2 && p[i] <= 0xdf && (p[i + 1] & 0xc0) == 0x80)
		return 2;
	/* three-byte ones whose lead needs no range test of the next byte (not 0xe0: overlong
	 * forms; not 0xed: surrogates): the dashes and quotes of U+2000-U+206F */
	if (p[i] >= 0xe1 && p[i] <= 0xef && p[i] != 0xed && (p[i + 1] & 0xc0) == 0x80 && (p[i + 2] & 0xc0) == 0x80)
		return 3;
	if (esc_class[p[i]] == E_UTF8 && (len = utf8_seq(p + i, 4, NULL)) > 0)
		return len;
	return 0;
}

/* escape_put: writes at w what html_escape writes for the byte at p, one it must look at (not
 * NUL): tab, newline or a valid UTF-8 sequence as they are, else the byte's replacement (at most
 * six bytes in all; w has room for them). Returns the bytes of p used; *wn is the bytes written. */
static size_t escape_put(char *w, const unsigned char *p, size_t *wn)
{
	size_t keep = escape_keep(p, 0);
	const char *rep;

	if (keep) {
		memcpy(w, p, keep);
		*wn = keep;
		return keep;
	}
	rep = esc_class[p[0]] == E_REP ? esc_rep(p[0]) : "\xef\xbf\xbd";
	*wn = strlen(rep);
	memcpy(w, rep, *wn);
	return 1;
}

/* escape_scalar: html_escape of s a run at a time (strlen, then plain_end). */
static void escape_scalar(struct buf *out, const unsigned char *p)
{
	size_t run = 0, i = 0, n = strlen((const char *)p), keep;

	for (;;) {
		i = plain_end(p, i, n);
		if (i >= n)
			break;
		if ((keep = escape_keep(p, i)) > 0) {
			i += keep;
			continue;
		}
		buf_add(out, p + run, i - run);
		buf_adds(out, esc_class[p[i]] == E_REP ? esc_rep(p[i]) : "\xef\xbf\xbd");
		run = ++i;
	}
	buf_add(out, p + run, n - run);
}

#ifdef HTML_VEC
/* copy_few: copies n bytes (at most 15) from p to w with fixed-size moves that read no byte
 * outside p[0..n). */
static inline void copy_few(char *w, const unsigned char *p, size_t n)
{
	if (n >= 8) {
		memcpy(w, p, 8);
		memcpy(w + n - 8, p + n - 8, 8);
	} else if (n >= 4) {
		memcpy(w, p, 4);
		memcpy(w + n - 4, p + n - 4, 4);
	} else {
		for (size_t i = 0; i < n; i++)
			w[i] = (char)p[i];
	}
}

/* escape_tail: for p in the last fifteen bytes of its page (not page_safe), how many bytes from
 * p on html_escape copies as they are before the page ends, its NUL, a byte to replace or a
 * sequence that runs past the page's end; they are written at w (room for a block). The block
 * that ends at the page's end is loaded (aligned: it cannot fault) and its bits taken from p
 * on. 0: p's first byte must be looked at alone. */
NO_ASAN static size_t escape_tail(char *w, const unsigned char *p)
{
	unsigned d = (unsigned)((uintptr_t)p & 15), n = 16 - d;
	__m128i x = _mm_load_si128((const __m128i *)(const void *)(p - d));
	unsigned m = special_bits(x) >> d;
	size_t k = n, keep;

	if (m) {
		for (m &= ~kept_bits_from(x, d); m; m &= ~0u << (k + keep), k = n) {
			k = (unsigned)__builtin_ctz(m);
			if (!p[k] || !(keep = escape_keep(p, k)) || k + keep > n)
				break;
		}
	}
	copy_few(w, p, k);
	return k;
}

/* ESC_ROOM: the output's free room escape_vec takes at a time (and counts when it is used up or
 * the string ends): the loop then keeps where it writes in a register rather than the buffer's
 * fields, which each store through a char pointer would make it read again. */
#define ESC_ROOM 256

/* escape_vec: html_escape sixteen bytes at a time without strlen: each block is stored into the
 * output's free room whole and counted up to its first byte to replace, its NUL or a UTF-8
 * sequence that runs past it (or all sixteen), which is then handled alone. The last bytes of
 * a page are taken from the block that ends there (escape_tail). Returns NULL when s is written, else where the rest starts
 * when the output must grow (escape_scalar's part). */
NO_ASAN static const unsigned char *escape_vec(struct buf *out, const unsigned char *p)
{
	char *w0 = buf_space(out, ESC_ROOM), *w = w0;
	size_t wn;

	if (!w)
		return p;
	for (;;) {
		if (w0 + ESC_ROOM - w < 24) {	/* a block's 16 stored, or up to 15 kept and a replacement's 6 */
			buf_wrote(out, (size_t)(w - w0));
			if (!(w = w0 = buf_space(out, ESC_ROOM)))
				return p;
		}
		if (!page_safe(p)) {
			size_t t = escape_tail(w, p);
			if (t) {
				w += t;
				p += t;
				continue;
			}
			if (!*p)
				break;
			if (esc_class[*p]) {
				p += escape_put(w, p, &wn);
				w += wn;
			} else {
				*w++ = (char)*p++;
			}
			continue;
		}
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned m = special_bits(x), k;
		size_t keep;
		_mm_storeu_si128((__m128i *)(void *)w, x);
		if (!m) {
			w += 16;
			p += 16;
			continue;
		}
		/* what is kept as it is (tab, newline, a valid UTF-8 sequence inside the block) is in
		 * place already: count on to the first byte that is replaced or ends the string; tabs,
		 * newlines and two-byte sequences are known kept from the block (kept_bits), the rest
		 * (longer sequences, markup, the NUL) are looked at one at a time */
		k = (unsigned)__builtin_ctz(m);
		if (p[k]) {
			for (m &= ~kept_bits(x);;) {
				if (!m) {
					k = 16;
					break;
				}
				k = (unsigned)__builtin_ctz(m);
				if (!p[k] || !(keep = escape_keep(p, k)) || k + keep > 16)
					break;
				m &= ~0u << (k + keep);
			}
		}
		w += k;
		p += k;
		if (k == 16)
			continue;
		if (!*p)
			break;
		p += escape_put(w, p, &wn);
		w += wn;
	}
	buf_wrote(out, (size_t)(w - w0));
	return NULL;
}
#endif

void html_escape(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!p)
		return;
#ifdef HTML_VEC
	if (!(p = escape_vec(out, p)))
		return;
#endif
	escape_scalar(out, p);
}

#ifdef HTML_VEC
/* short_seqs: block_plain's test of the bytes m marks in a block at s, once the tabs, newlines
 * and two-byte sequences are taken out: each must start a valid longer sequence (the dashes and
 * quotes: escape_keep) that ends inside the block, up to the NUL; block_plain's answer. Out of
 * line: such a text is rare beside the others. */
static __attribute__((noinline)) int short_seqs(const char *s, unsigned m)
{
	const unsigned char *p = (const unsigned char *)s;

	for (;;) {
		unsigned k = (unsigned)__builtin_ctz(m);
		size_t keep;
		if (!p[k])
			return (int)k;
		if (!(keep = escape_keep(p, k)) || k + keep > 16)
			return -1;
		if (!(m &= ~0u << (k + keep)))
			return 16;
	}
}

/* block_plain: for the sixteen bytes x at s, the index of the first NUL when nothing before it
 * is replaced (tabs, newlines and valid UTF-8 sequences are kept: the text ends there and is
 * written as it is); 16 when no byte is replaced and none is NUL, and the block ends where a
 * sequence ends (the text goes on after it); else -1. */
NO_ASAN static inline __attribute__((always_inline)) int block_plain(const char *s, __m128i x)
{
	unsigned m = special_bits(x), k;

	if (!m)
		return 16;
	k = (unsigned)__builtin_ctz(m);
	if (s[k]) {	/* a byte to look at before any NUL: only what kept_bits keeps may pass */
		if (!(m &= ~kept_bits(x)))
			return 16;
		if (s[k = (unsigned)__builtin_ctz(m)])	/* markup or a control byte: replaced */
			return (unsigned char)s[k] >= 0x80 ? short_seqs(s, m) : -1;
	}
	return (int)k;
}
#endif

/* escape_short: html_escape of *s when it fits one block (its NUL among the sixteen bytes) and
 * has nothing to replace before the NUL (block_plain): stored whole into the output's room and
 * counted up to the NUL; 1 when *s was written so, else 0 (the rest to escape at *s: a first
 * block with nothing to replace and no NUL is written, and *s moved past it). Always inlined into
 * the writer's own calls: most texts and values of a page are short, and html_escape's call,
 * room and loop were most of their cost. */
NO_ASAN_ESC static inline __attribute__((always_inline)) int escape_short(struct buf *out, const char **s)
{
#ifdef HTML_VEC
	char *w;
	int k;

	if (!page_safe(*s) || !(w = buf_space(out, 16)))
		return 0;
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)*s);
	if ((k = block_plain(*s, x)) < 0)
		return 0;
	_mm_storeu_si128((__m128i *)(void *)w, x);
	buf_wrote(out, (size_t)k);
	*s += k;
	return k < 16;
#else
	(void)out;
	(void)s;
	return 0;
#endif
}

/* escape_text: html_escape(out, s), a short s without the call (escape_short). */
NO_ASAN_ESC static inline __attribute__((always_inline)) void escape_text(struct buf *out, const char *s)
{
	if (s && escape_short(out, &s))
		return;
	html_escape(out, s);
}

/* url_plain: 1 for the bytes a URL argument keeps as they are (RFC 3986's unreserved). */
static const unsigned char url_plain[256] = {
	['-'] = 1, ['.'] = 1, ['_'] = 1, ['~'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1,
	['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1,
	['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
	['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

#ifdef HTML_VEC
/* url_plain_end: the index of the first byte from p[i] on that url_plain does not keep (its NUL
 * at the latest), sixteen bytes at a time while they lie in their page, then a byte at a time. */
NO_ASAN static inline size_t url_plain_end(const unsigned char *p, size_t i)
{
	for (; page_safe(p + i); i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i l = _mm_or_si128(x, _mm_set1_epi8(0x20));	/* 'A'-'Z' to 'a'-'z' (signed: >= 0x80 stay out) */
		__m128i m = _mm_and_si128(_mm_cmpgt_epi8(l, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(l, _mm_set1_epi8('z' + 1)));
		m = _mm_or_si128(m, _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
						  _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1))));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('-')), _mm_cmpeq_epi8(x, _mm_set1_epi8('.'))));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('_')), _mm_cmpeq_epi8(x, _mm_set1_epi8('~'))));
		unsigned stop = ~(unsigned)_mm_movemask_epi8(m) & 0xffffu;
		if (stop)
			return i + (unsigned)__builtin_ctz(stop);
	}
	while (url_plain[p[i]])
		i++;
	return i;
}
#endif

NO_ASAN_ESC void html_url_arg(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run;

	if (!p)
		return;
	for (;;) {
		run = i;
#ifdef HTML_VEC
		i = url_plain_end(p, i);
#else
		while (url_plain[p[i]])
			i++;
#endif
		buf_add(out, p + run, i - run);	/* the unreserved bytes in one copy */
		if (!p[i])
			break;
		char pct[3] = { '%', hex[p[i] >> 4], hex[p[i] & 15] };
		buf_add(out, pct, 3);
		i++;
	}
}

/* NAME_ROOM: the bytes reserved at once for a name and the few bytes around it; longer names
 * take put_name_slow. */
#define NAME_ROOM 64
#ifdef HTML_VEC
#define NO_ASAN_NAME NO_ASAN
#else
#define NO_ASAN_NAME
#endif

/* put_name_slow: put_name for a name that is long or a buffer that must grow. */
static size_t put_name_slow(struct buf *out, char lead, const char *name, int quote, int commit)
{
	size_t n = name_len(name);

	if (n && commit) {
		buf_addc(out, lead);
		buf_add(out, name, n);
		buf_add(out, "=\"", quote ? 2 : 0);
	}
	return n;
}

/* put_name: when name is an element or attribute name (name_char), returns its length and, if
 * commit, appends lead, the name and, if quote, '="'; else returns 0 and appends nothing. The
 * name is checked as it is copied into space reserved once, not appended a piece at a time
 * (each append tests the buffer's room). Always inlined (into start_tag and attrs, whose loop
 * then keeps its vector constants: 0.1M instructions of the district page), so those are
 * NO_ASAN too. */
NO_ASAN_NAME static inline __attribute__((always_inline)) size_t
put_name(struct buf *out, char lead, const char *name, int quote, int commit)
{
	const unsigned char *p = (const unsigned char *)name;
	char *w = buf_space(out, NAME_ROOM);
	size_t i = 0;

	if (!p)
		return 0;
	if (!w)
		return put_name_slow(out, lead, name, quote, commit);
#ifdef HTML_VEC
	/* a name of up to 15 bytes: checked and copied as one block */
	if (page_safe(p)) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned nul = nul_bits(x);
		if (nul) {
			unsigned n = (unsigned)__builtin_ctz(nul), want = (1u << n) - 1;
			if (n == 0 || (name_bits(x) & want) != want)
				return 0;
			if (commit) {
				w[0] = lead;
				_mm_storeu_si128((__m128i *)(void *)(w + 1), x);
				w[1 + n] = '=';
				w[2 + n] = '"';
				buf_wrote(out, 1 + n + (quote ? 2 : 0));
			}
			return n;
		}
	}
#endif
	for (w[0] = lead; i < NAME_ROOM - 4 && name_char[p[i]]; i++)
		w[1 + i] = (char)p[i];
	if (i && !p[i] && commit) {
		w[1 + i] = '=';
		w[2 + i] = '"';
		buf_wrote(out, 1 + i + (quote ? 2 : 0));
		return i;
	}
	w[0] = '\0';	/* nothing counted: the buffer stays terminated where it ends */
	if (p[i])
		return i == NAME_ROOM - 4 ? put_name_slow(out, lead, name, quote, commit) : 0;
	return i;
}

NO_ASAN_NAME static void attrs(struct html *h, va_list ap)
{
	const char *name, *value;

	while ((name = va_arg(ap, const char *))) {
		value = va_arg(ap, const char *);
		if (!put_name(h->out, ' ', name, value && *value, value != NULL)) {
			h->bad = 1;
			continue;
		}
		if (value && *value) {
			escape_text(h->out, value);
			buf_addc(h->out, '"');
		}
	}
}

/* start_tag: writes the start tag; returns the tag's length, or 0 (nothing written, h->bad set)
 * when tag is not a name. */
NO_ASAN_NAME static size_t start_tag(struct html *h, const char *tag, va_list ap)
{
	size_t n = put_name(h->out, '<', tag, 0, 1);

	if (!n) {
		h->bad = 1;
		return 0;
	}
	attrs(h, ap);
	buf_addc(h->out, '>');
	return n;
}

/* end_tag: writes "</tag>" for a tag of n bytes. Always inlined (html_close, html_elem and
 * html_elem_lit are NO_ASAN for it). */
NO_ASAN_NAME static inline __attribute__((always_inline)) void
end_tag(struct buf *out, const char *tag, size_t n)
{
	char *w;

#ifdef HTML_VEC
	if (n < 16 && page_safe(tag) && (w = buf_space(out, 18))) {
		w[0] = '<';
		w[1] = '/';
		_mm_storeu_si128((__m128i *)(void *)(w + 2), _mm_loadu_si128((const __m128i *)(const void *)tag));
		w[n + 2] = '>';
		buf_wrote(out, n + 3);
		return;
	}
#endif
	w = buf_space(out, n + 3);

	if (!w) {
		buf_add(out, "</", 2);
		buf_add(out, tag, n);
		buf_addc(out, '>');
		return;
	}
	w[0] = '<';
	w[1] = '/';
	for (size_t i = 0; i < n; i++)	/* a tag is a few bytes: no call */
		w[2 + i] = tag[i];
	w[n + 2] = '>';
	buf_wrote(out, n + 3);
}

void html_open(struct html *h, const char *tag, ...)
{
	va_list ap;
	size_t n;

	if (h->depth >= HTML_MAX_DEPTH) {
		h->bad = 1;
		return;
	}
	va_start(ap, tag);
	if ((n = start_tag(h, tag, ap)) > 0) {
		h->stack[h->depth] = tag;
		h->stack_len[h->depth++] = (unsigned)n;
	}
	va_end(ap);
}

void html_void(struct html *h, const char *tag, ...)
{
	va_list ap;

	va_start(ap, tag);
	start_tag(h, tag, ap);
	va_end(ap);
}

NO_ASAN_NAME void html_close(struct html *h)
{
	if (h->depth == 0) {
		h->bad = 1;
		return;
	}
	h->depth--;
	end_tag(h->out, h->stack[h->depth], h->stack_len[h->depth]);
}

void html_close_to(struct html *h, int depth)
{
	while (h->depth > depth && h->depth > 0)
		html_close(h);
}

NO_ASAN_ESC void html_text(struct html *h, const char *s)
{
	escape_text(h->out, s);
}

/* textf_put: appends n bytes of s at *w, no further than end (the rest is cut, as vsnprintf cuts). */
static void textf_put(char **w, char *end, const char *s, size_t n)
{
	size_t room = (size_t)(end - *w);

	n = n < room ? n : room;
	memcpy(*w, s, n);
	*w += n;
}

/* textf_int: the integer conversion at fmt ("d", "u", "ld", "lu", "lld", "llu", "zu") read from ap
 * into num, without printf; returns the conversion's length in fmt, or 0 when it is none of
 * these or an unsigned value does not fit a long long. */
static size_t textf_int(const char *f, va_list *ap, char num[NUMFMT_SIZE], size_t *len)
{
	unsigned long long u;
	long long v;
	size_t n;

	if (f[0] == 'd') {
		v = va_arg(*ap, int);
		n = 1;
	} else if (f[0] == 'l' && f[1] == 'd') {
		v = va_arg(*ap, long);
		n = 2;
	} else if (f[0] == 'l' && f[1] == 'l' && f[2] == 'd') {
		v = va_arg(*ap, long long);
		n = 3;
	} else {
		if (f[0] == 'u')
			u = va_arg(*ap, unsigned), n = 1;
		else if ((f[0] == 'z' || f[0] == 'l') && f[1] == 'u')
			u = f[0] == 'z' ? va_arg(*ap, size_t) : va_arg(*ap, unsigned long), n = 2;
		else if (f[0] == 'l' && f[1] == 'l' && f[2] == 'u')
			u = va_arg(*ap, unsigned long long), n = 3;
		else
			return 0;
		if (u > (unsigned long long)LLONG_MAX)
			return 0;
		v = (long long)u;
	}
	*len = numfmt_long(v, num);
	return n;
}

/* textf_simple: formats fmt into tmp (size bytes, cut and terminated as vsnprintf does) when
 * its conversions are only %s of a non-NULL string, the integers of textf_int and %%; returns
 * 1, else 0 (tmp and ap are then undefined: format from a copy of ap). */
static int textf_simple(char *tmp, size_t size, const char *fmt, va_list *ap)
{
	char *w = tmp, *end = tmp + size - 1, num[NUMFMT_SIZE];
	const char *f = fmt, *pct, *s;
	size_t n, len;

	while ((pct = strchr(f, '%'))) {
		textf_put(&w, end, f, (size_t)(pct - f));
		f = pct + 1;
		if (*f == '%') {
			textf_put(&w, end, "%", 1);
			f++;
		} else if (*f == 's') {
			if (!(s = va_arg(*ap, const char *)))
				return 0;
			textf_put(&w, end, s, strlen(s));
			f++;
		} else if ((n = textf_int(f, ap, num, &len)) > 0) {
			textf_put(&w, end, num, len);
			f += n;
		} else {
			return 0;
		}
	}
	textf_put(&w, end, f, strlen(f));
	*w = '\0';
	return 1;
}

void html_textf(struct html *h, const char *fmt, ...)
{
	char tmp[4096];
	va_list ap, cp;

	va_start(ap, fmt);
	va_copy(cp, ap);
	if (!textf_simple(tmp, sizeof(tmp), fmt, &cp))
		vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(cp);
	va_end(ap);
	html_escape(h->out, tmp);
}

NO_ASAN_NAME void html_elem(struct html *h, const char *tag, const char *text, ...)
{
	va_list ap;
	size_t n;

	if (h->depth >= HTML_MAX_DEPTH) {
		h->bad = 1;
		return;
	}
	va_start(ap, text);
	if ((n = start_tag(h, tag, ap)) > 0) {
		escape_text(h->out, text);
		end_tag(h->out, tag, n);
	}
	va_end(ap);
}

/* ---- names known at compile time ---- */

/* names_ok: 1 when s[0..n) is a name (n > 0, each byte name_char), else 0. */
static int names_ok(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!name_char[(unsigned char)s[i]])
			return 0;
	return 1;
}

/* value_plain: 1 when s[0..n) is a literal value the _AV forms may write as it is: not empty,
 * each byte printable ASCII and none escaping would replace. */
static int value_plain(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e || esc_class[(unsigned char)s[i]])
			return 0;
	return 1;
}

/* lit_value: where l's literal value starts in its markup (after '<tag attr="' or ' attr="'). */
static const char *lit_value(const struct html_lit *l)
{
	return l->pre + l->name_at + l->name_len + (l->attr_size ? l->attr_size + 2u : 2u);
}

/* lit_size: the length of l's markup with its literal value, '"' and (an element's) '>'. */
static inline size_t lit_size(const struct html_lit *l)
{
	return l->attr_size ? l->name_len + l->attr_size + l->value_size + 4u : l->name_len + l->value_size + 3u;
}

/* lit_ok: 1 when l's names are names, checked on l's first use and remembered; else 0 and
 * h->bad set. */
static int lit_check(struct html *h, struct html_lit *l);

static inline __attribute__((always_inline)) int lit_ok(struct html *h, struct html_lit *l)
{
	return l->ok > 0 ? 1 : lit_check(h, l);
}

/* lit_check: lit_ok's first use of l (and every use of a bad one). */
static __attribute__((noinline)) int lit_check(struct html *h, struct html_lit *l)
{
	signed char ok = l->ok;

	if (!ok) {
		const char *name = l->pre + l->name_at;
		ok = names_ok(name, l->name_len) &&
		     (!l->attr_size || names_ok(name + l->name_len + 1, l->attr_size - 1u)) &&
		     (!l->value_size || value_plain(lit_value(l), l->value_size - 1u)) ? 1 : -1;
		l->ok = ok;
	}
	if (ok < 0)
		h->bad = 1;
	return ok > 0;
}

/* put_lit: appends s[0..n), a piece of a literal: up to thirty-two bytes as two block copies. */
NO_ASAN_NAME static inline __attribute__((always_inline)) void put_lit(struct buf *out, const char *s, size_t n)
{
#ifdef HTML_VEC
	char *w;

	if (n <= 16 && page_safe(s) && (w = buf_space(out, 16))) {
		_mm_storeu_si128((__m128i *)(void *)w, _mm_loadu_si128((const __m128i *)(const void *)s));
		buf_wrote(out, n);
		return;
	}
	if (n <= 32 && page_safe32(s) && (w = buf_space(out, 32))) {
		_mm_storeu_si128((__m128i *)(void *)w, _mm_loadu_si128((const __m128i *)(const void *)s));
		_mm_storeu_si128((__m128i *)(void *)(w + 16), _mm_loadu_si128((const __m128i *)(const void *)(s + 16)));
		buf_wrote(out, n);
		return;
	}
#endif
	buf_add(out, s, n);
}

/* lit_start: writes l's start tag (l checked) with its attribute's value escaped (NULL leaves
 * the attribute out, "" writes it bare). */
NO_ASAN_NAME static inline __attribute__((always_inline)) void lit_start(struct html *h, const struct html_lit *l, const char *value)
{
	size_t n = 1u + l->name_len;	/* "<tag" */

	if (l->value_size) {	/* '<tag attr="value">' in one piece */
		put_lit(h->out, l->pre, lit_size(l));
		return;
	}
	if (l->attr_size && value) {
		n += l->attr_size;	/* " attr" */
		if (*value) {
			put_lit(h->out, l->pre, n + 2);
			escape_text(h->out, value);
			buf_add(h->out, "\">", 2);
			return;
		}
	}
	put_lit(h->out, l->pre, n);
	buf_addc(h->out, '>');
}

/* lit_begin: lit_start when the nesting has room and l's names are good; 0 (nothing written,
 * h marked bad where the nesting is full) otherwise. */
NO_ASAN_NAME static inline __attribute__((always_inline)) int lit_begin(struct html *h, struct html_lit *l, const char *value)
{
	if (h->depth >= HTML_MAX_DEPTH) {
		h->bad = 1;
		return 0;
	}
	if (!lit_ok(h, l))
		return 0;
	lit_start(h, l, value);
	return 1;
}

NO_ASAN_NAME void html_open_lit(struct html *h, struct html_lit *l, const char *value)
{
	if (!lit_begin(h, l, value))
		return;
	h->stack[h->depth] = l->pre + l->name_at;
	h->stack_len[h->depth++] = l->name_len;
}

NO_ASAN_NAME void html_elem_lit(struct html *h, struct html_lit *l, const char *value, const char *text)
{
	if (!lit_begin(h, l, value))
		return;
	escape_text(h->out, text);
	end_tag(h->out, l->pre + l->name_at, l->name_len);
}

NO_ASAN_NAME void html_start_lit(struct html *h, struct html_lit *l)
{
	if (h->start)
		h->bad = 1;	/* the last one was not ended */
	h->start = NULL;
	h->start_bad = !lit_ok(h, l);
	if (h->start_bad)
		return;
	put_lit(h->out, l->pre, 1u + l->name_len);
	h->start = l->pre + l->name_at;
	h->start_len = l->name_len;
}

NO_ASAN_NAME void html_attr_lit(struct html *h, struct html_lit *l, const char *value)
{
	if (!h->start) {
		h->bad |= !h->start_bad;	/* no tag begun (a refused one is marked already) */
		return;
	}
	if (!lit_ok(h, l) || !value)
		return;
	if (l->value_size) {	/* ' attr="value"' in one piece */
		put_lit(h->out, l->pre, lit_size(l));
		return;
	}
	if (!*value) {
		put_lit(h->out, l->pre, 1u + l->name_len);
		return;
	}
	put_lit(h->out, l->pre, 3u + l->name_len);
	escape_text(h->out, value);
	buf_addc(h->out, '"');
}

void html_start_end(struct html *h, int open)
{
	if (!h->start) {
		h->bad |= !h->start_bad;
		h->start_bad = 0;
		return;
	}
	buf_addc(h->out, '>');
	if (open && h->depth < HTML_MAX_DEPTH) {
		h->stack[h->depth] = h->start;
		h->stack_len[h->depth++] = h->start_len;
	} else if (open) {
		h->bad = 1;
	}
	h->start = NULL;
}

void html_raw_trusted(struct html *h, const char *s)
{
	buf_adds(h->out, s);
}

void html_raw_trusted_n(struct html *h, const char *s, size_t n)
{
	buf_add(h->out, s, n);
}

int html_finish(struct html *h)
{
	html_close_to(h, 0);
	return h->bad || h->start || h->out->overflow ? -1 : 0;
}

/* ---- templates ---- */

/* A template's check (tpl_check): where it is, and the elements it started and has not ended. */
struct tpl_scan {
	struct html_tpl *t;
	const char *s;
	size_t i, piece;	/* where the scan is; where the current literal piece starts */
	unsigned short st_at[HTML_TPL_NEST], st_len[HTML_TPL_NEST];
	unsigned depth;
};

/* tpl_name: the length of the name at s[i], 0 when there is none */
static size_t tpl_name(const char *s, size_t i)
{
	size_t n = 0;

	while (name_char[(unsigned char)s[i + n]])
		n++;
	return n;
}

/* tpl_piece: ends the literal piece before a hole (or the template's end) at sc->i */
static int tpl_piece(struct tpl_scan *sc)
{
	struct html_tpl *t = sc->t;

	if (sc->i - sc->piece > USHRT_MAX || sc->piece > USHRT_MAX)
		return -1;
	struct html_tpl_piece *pc = &t->piece[t->holes];
	pc->at = (unsigned short)sc->piece;
	pc->len = (unsigned short)(sc->i - sc->piece);
	pc->cut = 0;
	pc->block = pc->len <= 32 && ((uintptr_t)(t->src + pc->at) & 4095) <= 4096 - 33;
	sc->piece = sc->i + 1;
	return 0;
}

/* tpl_hole: a hole at sc->i; cut: the length of ' name="' before it (an attribute's), else 0 */
static int tpl_hole(struct tpl_scan *sc, size_t cut)
{
	if (sc->t->holes >= HTML_TPL_HOLES || cut > UCHAR_MAX || tpl_piece(sc) < 0)
		return -1;
	sc->t->piece[sc->t->holes++].cut = (unsigned char)cut;
	sc->i++;
	return 0;
}

/* tpl_end: "</name>" at sc->i: ends the template's innermost element, or one open before it
 * when it has none open */
static int tpl_end(struct tpl_scan *sc)
{
	struct html_tpl *t = sc->t;
	size_t at = sc->i + 2, n = tpl_name(sc->s, at);

	if (!n || sc->s[at + n] != '>')
		return -1;
	sc->i = at + n + 1;
	if (sc->depth) {
		sc->depth--;
		return sc->st_len[sc->depth] == n && memcmp(sc->s + sc->st_at[sc->depth], sc->s + at, n) == 0 ? 0 : -1;
	}
	if (t->ends >= HTML_TPL_NEST)
		return -1;
	t->end_at[t->ends] = (unsigned short)at;
	t->end_len[t->ends++] = (unsigned short)n;
	return 0;
}

/* tpl_value: an attribute's value at sc->i (after ' name="', which starts at attr): literal
 * (value_plain) or one hole */
static int tpl_value(struct tpl_scan *sc, size_t attr)
{
	const char *s = sc->s;
	size_t v = sc->i;

	if (s[v] == '\x01') {
		if (tpl_hole(sc, v - attr) < 0 || s[sc->i] != '"')
			return -1;
		sc->i++;
		return 0;
	}
	while (s[v] && s[v] != '"')
		v++;
	if (s[v] != '"' || !value_plain(s + sc->i, v - sc->i))
		return -1;
	sc->i = v + 1;
	return 0;
}

/* tpl_start: "<name attr="value"...>" at sc->i */
static int tpl_start(struct tpl_scan *sc)
{
	const char *s = sc->s;
	size_t at = sc->i + 1, n = tpl_name(s, at);

	if (!n || sc->depth >= HTML_TPL_NEST)
		return -1;
	sc->st_at[sc->depth] = (unsigned short)at;
	sc->st_len[sc->depth++] = (unsigned short)n;
	sc->i = at + n;
	while (s[sc->i] == ' ') {
		size_t a = tpl_name(s, sc->i + 1);
		if (!a || s[sc->i + 1 + a] != '=' || s[sc->i + 2 + a] != '"')
			return -1;
		size_t attr = sc->i;
		sc->i += 3 + a;
		if (tpl_value(sc, attr) < 0)
			return -1;
	}
	if (s[sc->i] != '>')
		return -1;
	sc->i++;
	return 0;
}

/* tpl_check: checks t's template and finds its pieces (html_tpl's first use); 1 when good */
static __attribute__((noinline)) int tpl_check(struct html_tpl *t)
{
	struct tpl_scan sc = { .t = t, .s = t->src };
	const unsigned char *u = (const unsigned char *)t->src;
	int r = 0;

	t->holes = t->ends = t->opens = 0;
	if (!u || strlen(t->src) > USHRT_MAX)
		return 0;
	while (!r && u[sc.i]) {
		unsigned char c = u[sc.i];
		if (c == '<')
			r = u[sc.i + 1] == '/' ? tpl_end(&sc) : tpl_start(&sc);
		else if (c == 1)
			r = tpl_hole(&sc, 0);
		else if (c == '>' || c == '&' || c == '"' || c == '\'' || (c < 0x20 && c != '\t' && c != '\n'))
			r = -1;
		else if (c < 0x80)
			sc.i++;
		else {
			size_t k = escape_keep(u, sc.i);	/* a valid UTF-8 sequence */
			r = k ? 0 : -1;
			sc.i += k;
		}
	}
	if (r || tpl_piece(&sc) < 0)
		return 0;
	for (unsigned k = 0; k < sc.depth; k++) {
		t->open_at[k] = sc.st_at[k];
		t->open_len[k] = sc.st_len[k];
	}
	t->opens = (unsigned char)sc.depth;
	t->room = (unsigned)(sc.i - t->holes) + 32u * t->holes + 32u;
	return 1;
}

/* tpl_ends_ok: the elements t ends are the writer's innermost open ones, and what it leaves open
 * fits the nesting */
static int tpl_ends_ok(const struct html *h, const struct html_tpl *t)
{
	if (t->ends > h->depth || h->depth - t->ends + t->opens > HTML_MAX_DEPTH)
		return 0;
	for (unsigned k = 0; k < t->ends; k++) {
		int d = h->depth - 1 - (int)k;
		if (h->stack_len[d] != t->end_len[k] || memcmp(h->stack[d], t->src + t->end_at[k], t->end_len[k]) != 0)
			return 0;
	}
	return 1;
}

/* hole_text, hole_pre: hole k's text (to escape) and struct html_pre (to copy) of html_tpl's texts
 * (arg NULL) or html_tplx's arguments (text NULL); at most one is not NULL. */
static inline __attribute__((always_inline)) const char *hole_text(const char *const *text, const struct html_arg *arg,
								   unsigned k)
{
	return arg ? (arg[k].pre ? NULL : arg[k].text) : text[k];
}

static inline __attribute__((always_inline)) const struct html_pre *hole_pre(const struct html_arg *arg, unsigned k)
{
	return arg ? arg[k].pre : NULL;
}

/* tpl_put: writes t's pieces from piece k on and its texts (or arguments), each append checking
 * its room */
NO_ASAN_NAME static void tpl_put(struct html *h, const struct html_tpl *t, const char *const *text,
				 const struct html_arg *arg, unsigned k, unsigned skip)
{
	for (unsigned n = t->holes;; k++) {	/* skip: the '"' after a left-out attribute */
		const char *p = t->src + t->piece[k].at + skip;
		size_t len = t->piece[k].len - skip;
		if (k == n) {
			put_lit(h->out, p, len);
			break;
		}
		const char *s = hole_text(text, arg, k);
		const struct html_pre *pre = hole_pre(arg, k);
		if (!s && !pre && t->piece[k].cut) {
			put_lit(h->out, p, len - t->piece[k].cut);
			skip = 1;
			continue;
		}
		put_lit(h->out, p, len);
		skip = 0;
		if (pre)
			buf_add(h->out, pre->esc, pre->len);
		else
			escape_text(h->out, s);
	}
}

#ifdef HTML_VEC
/* tpl_text: a template's text *s written at *w, both moved on, when its first thirty-two bytes
 * hold its end and nothing to replace (block_plain); 1 then, else 0 with what is written as it
 * is counted at *w and *s where the rest starts (html_escape's part). Stores up to 32 bytes at
 * *w and moves it no further. */
NO_ASAN static inline __attribute__((always_inline)) int tpl_text(char **w, const char **s)
{
	for (int b = 0; b < 2 && page_safe(*s); b++) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)*s);
		int sl = block_plain(*s, x);
		if (sl < 0)
			return 0;
		_mm_storeu_si128((__m128i *)(void *)*w, x);
		*w += sl;
		if (sl < 16)
			return 1;
		*s += 16;
	}
	return 0;
}

/* tpl_fast: tpl_put in room taken once (t->room), the pieces and the short texts copied in
 * blocks without a check each; a longer text is escaped by html_escape (a longer struct
 * html_pre appended) and the room taken again for the rest (by tpl_put when it is not there).
 * 0 when written, -1 (nothing written) when the room is not there at first. Always inlined into
 * html_tpl (arg NULL) and html_tplx (text NULL), each its own loop. */
NO_ASAN static inline __attribute__((always_inline)) int tpl_fast(struct html *h, const struct html_tpl *t,
								  const char *const *text, const struct html_arg *arg)
{
	char *w0 = buf_space(h->out, t->room), *w = w0;
	const char *const src = t->src;	/* in locals: each store through w could change t's fields */
	const struct html_tpl_piece *pc = t->piece;
	const unsigned n = t->holes;
	unsigned skip = 0;

	if (!w)
		return -1;
	for (unsigned k = 0;; k++, pc++) {
		const struct html_pre *pre = k < n ? hole_pre(arg, k) : NULL;
		const char *p = src + pc->at + skip, *s = k < n ? hole_text(text, arg, k) : NULL;
		size_t len = pc->len - skip - (s || pre ? 0 : pc->cut);	/* the last piece's cut is 0 */
		if (pc->block) {	/* the room has 32 bytes to spare at every piece */
			_mm_storeu_si128((__m128i *)(void *)w, _mm_loadu_si128((const __m128i *)(const void *)p));
			_mm_storeu_si128((__m128i *)(void *)(w + 16), _mm_loadu_si128((const __m128i *)(const void *)(p + 16)));
		} else {
			memcpy(w, p, len);
		}
		w += len;
		if (pre) {	/* escaped already: copied, in the room when it fits a hole's 32 */
			skip = 0;
			if (pre->len <= 32) {
				if (page_safe32(pre->esc)) {	/* two blocks, the bytes past its end not counted */
					_mm_storeu_si128((__m128i *)(void *)w,
							 _mm_loadu_si128((const __m128i *)(const void *)pre->esc));
					_mm_storeu_si128((__m128i *)(void *)(w + 16),
							 _mm_loadu_si128((const __m128i *)(const void *)(pre->esc + 16)));
				} else {
					memcpy(w, pre->esc, pre->len);
				}
				w += pre->len;
				continue;
			}
			buf_wrote(h->out, (size_t)(w - w0));
			buf_add(h->out, pre->esc, pre->len);
		} else if (!s) {	/* the last piece, or a NULL text (an attribute left out: its '"' skipped) */
			if (k == n)
				break;
			skip = pc->cut ? 1 : 0;
			continue;
		} else {
			skip = 0;
			if (tpl_text(&w, &s))	/* up to two blocks in the room (32 a hole) */
				continue;
			buf_wrote(h->out, (size_t)(w - w0));
			html_escape(h->out, s);
		}
		if (!(w = w0 = buf_space(h->out, t->room))) {	/* the rest fits the room the whole took */
			tpl_put(h, t, text, arg, k + 1, 0);
			return 0;
		}
	}
	buf_wrote(h->out, (size_t)(w - w0));
	return 0;
}

/* tpl_fast_text, tpl_fast_arg: tpl_fast's two loops */
NO_ASAN static int tpl_fast_text(struct html *h, const struct html_tpl *t, const char *const *text)
{
	return tpl_fast(h, t, text, NULL);
}

NO_ASAN static int tpl_fast_arg(struct html *h, const struct html_tpl *t, const struct html_arg *arg)
{
	return tpl_fast(h, t, NULL, arg);
}
#endif

/* tpl_begin: t checked (once: the answer remembered) and its call with n texts good where h is;
 * else 0 and h->bad set. */
static inline __attribute__((always_inline)) int tpl_begin(struct html *h, struct html_tpl *t, unsigned n)
{
	signed char ok = atomic_load_explicit(&t->ok, memory_order_acquire);

	if (!ok) {	/* checked once, under a lock: other threads read t's pieces once ok is set */
		static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
		pthread_mutex_lock(&lock);
		if (!(ok = atomic_load_explicit(&t->ok, memory_order_relaxed))) {
			ok = tpl_check(t) ? 1 : -1;
			atomic_store_explicit(&t->ok, ok, memory_order_release);
		}
		pthread_mutex_unlock(&lock);
	}
	if (ok < 0 || n != t->holes || (t->ends && !tpl_ends_ok(h, t))) {
		h->bad = 1;
		return 0;
	}
	return 1;
}

/* tpl_done: the elements t ends and leaves open, on h's stack */
static inline __attribute__((always_inline)) void tpl_done(struct html *h, const struct html_tpl *t)
{
	h->depth -= t->ends;
	for (unsigned k = 0; k < t->opens; k++) {
		h->stack[h->depth] = t->src + t->open_at[k];
		h->stack_len[h->depth++] = t->open_len[k];
	}
}

NO_ASAN_NAME void html_tpl(struct html *h, struct html_tpl *t, const char *const *text, unsigned n)
{
	if (!tpl_begin(h, t, n))
		return;
#ifdef HTML_VEC
	if (tpl_fast_text(h, t, text) < 0)
#endif
		tpl_put(h, t, text, NULL, 0, 0);
	tpl_done(h, t);
}

NO_ASAN_NAME void html_tplx(struct html *h, struct html_tpl *t, const struct html_arg *arg, unsigned n)
{
	if (!tpl_begin(h, t, n))
		return;
#ifdef HTML_VEC
	if (tpl_fast_arg(h, t, arg) < 0)
#endif
		tpl_put(h, t, NULL, arg, 0, 0);
	tpl_done(h, t);
}

/* ---- texts escaped once ---- */

/* pre_buf: a struct buf over size bytes of fixed memory at room: an append that does not fit is
 * refused (max is below the memory's size, so the buffer never grows into a reallocation) */
static void pre_buf(struct buf *b, char *room, size_t size)
{
	*b = (struct buf){ room, 0, size, size - 1, 0 };
	room[0] = '\0';
}

NO_ASAN_ESC void html_pre_escape(struct html_pre *p, struct arena *a, const char *text)
{
	size_t n = text ? strlen(text) : 0, size = 6 * n + ESC_ROOM + 32;	/* a byte is at most 6 escaped */
	char tmp[4096], *room = size <= sizeof(tmp) ? tmp : arena_alloc_raw(a, size), *keep;
	struct buf b;

	pre_buf(&b, room, size);
	escape_text(&b, text);
	if (room != tmp) {
		keep = room;
	} else {
		keep = arena_alloc_raw(a, b.len + 1);
		memcpy(keep, room, b.len + 1);
	}
	*p = (struct html_pre){ keep, b.len };
}

NO_ASAN_ESC void html_pre_escape_all(struct html_pre *p, struct arena *a, const char *const *text, size_t n)
{
	size_t total = ESC_ROOM + 32;
	struct buf b;

	for (size_t i = 0; i < n; i++)
		total += 6 * (text[i] ? strlen(text[i]) : 0);	/* a byte is at most 6 escaped */
	pre_buf(&b, arena_alloc_raw(a, total), total);
	for (size_t i = 0; i < n; i++) {
		size_t at = b.len;
		escape_text(&b, text[i]);
		p[i] = (struct html_pre){ b.ptr + at, b.len - at };
	}
}

NO_ASAN_ESC int html_pre_url(struct html_pre *p, char *room, size_t size, const struct html_pre *prefix, const char *arg,
		 const char *suffix)
{
	struct buf b;

	*p = (struct html_pre){ "", 0 };
	if (!room || size < 2 || !prefix)
		return -1;
	pre_buf(&b, room, size);
	buf_add(&b, prefix->esc, prefix->len);
	html_url_arg(&b, arg);	/* unreserved bytes and "%XX": nothing to escape */
	escape_text(&b, suffix);
	if (b.overflow)
		return -1;
	*p = (struct html_pre){ room, b.len };
	return 0;
}

NO_ASAN_ESC int html_pre_join(struct html_pre *p, char *room, size_t size, const struct html_pre *const *pre,
		  const char *const *text, unsigned n)
{
	struct buf b;

	*p = (struct html_pre){ "", 0 };
	if (!room || size < 2)
		return -1;
	pre_buf(&b, room, size);
	for (unsigned i = 0; i < n; i++) {
		if (pre && pre[i])
			buf_add(&b, pre[i]->esc, pre[i]->len);
		else if (text && text[i])
			escape_text(&b, text[i]);
	}
	if (b.overflow)
		return -1;
	*p = (struct html_pre){ room, b.len };
	return 0;
}
