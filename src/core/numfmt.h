/* numfmt.h: numbers as text in exactly the bytes printf writes for them, without printf's cost
 * on the common values (pages and API documents are mostly numbers: a district page formats
 * thousands). Each function takes a fast path only where its result provably equals printf's
 * and calls snprintf otherwise; tests/unit/test-core compares them with snprintf on hundreds
 * of thousands of values. Independent of the C locale only where printf is (the fast paths
 * write '.', as printf does in the C locale lup runs in).
 */
#ifndef LUP_NUMFMT_H
#define LUP_NUMFMT_H

#include <stddef.h>

/* NUMFMT_SIZE: room enough for numfmt_long and numfmt_g15 (with the NUL). */
#define NUMFMT_SIZE 32

/* numfmt_long: writes v as "%lld" does into out (NUMFMT_SIZE bytes) with a NUL; returns the
 * length. */
size_t numfmt_long(long long v, char *out);

/* numfmt_short_real: when v is finite, not an integer, 1e-4 <= |v| < 1e15 and the double
 * nearest a decimal of at most 15 significant digits and 1..8 decimals (12.5, 0.37, 1234.56),
 * writes it as "%.15g" does into out (NUMFMT_SIZE bytes) with a NUL and returns the length;
 * otherwise writes nothing and returns 0. */
size_t numfmt_short_real(double v, char *out);

/* numfmt_g15: writes v as "%.15g" does into out (NUMFMT_SIZE bytes) with a NUL; returns the
 * length. */
size_t numfmt_g15(double v, char *out);

/* numfmt_fixed: writes v as snprintf(out, size, "%.*f", decimals, v) does and returns what it
 * returns (the length v needs; out holds it when that is less than size). */
int numfmt_fixed(double v, int decimals, char *out, size_t size);

/* numfmt_join: writes what snprintf(buf, size, "%s%s...", part[0], part[1], ...) writes of the
 * n parts: their bytes cut to size - 1, and a NUL (size > 0). The bytes of buf after the NUL
 * may be changed (the parts are copied in blocks). */
void numfmt_join(char *buf, size_t size, const char *const *part, int n);

#endif
