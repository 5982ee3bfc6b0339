/* hexfloat.h: reading back the hexadecimal floats that derived_district_fy (SQLite migration
 * 0067) writes for a district's values, "[-]0xMpE": M the value's 53 significant bits shifted to
 * an integer of 14 lower-case hexadecimal digits, E the binary exponent in decimal. strtod reads
 * them exactly too, at about 1K instructions a value through its general path. */
#ifndef LUP_CORE_HEXFLOAT_H
#define LUP_CORE_HEXFLOAT_H

#include <stddef.h>

/* hexfloat_read: the text from f (before end) when it starts with "[-]0x", exactly 14
 * lower-case hexadecimal digits, 'p', an optional '-' and 1 to 4 decimal digits, followed by
 * end, ' ' or ';': its value into *out (the same double as strtod's) and the bytes read;
 * otherwise 0 and *out untouched (the caller reads the text another way). Reads nothing at or
 * after end. */
size_t hexfloat_read(const char *f, const char *end, double *out);

/* hexfloat_field_end: the end of the value text at f (before end): the first ' ' or ';' from
 * f, else end; a text of hexfloat_read's form is passed over without looking at each of its
 * digits (a separator never stands among them). */
const char *hexfloat_field_end(const char *f, const char *end);

#endif
