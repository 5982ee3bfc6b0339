/* numexact.h: doubles as text the way json_num_text writes those that no shorter rule covers:
 * "%.15g" when that reads back to the same double, else "%.17g", worked out exactly in 128-bit
 * integers rather than through printf's multi-precision digits and strtod's check. */
#ifndef LUP_CORE_NUMEXACT_H
#define LUP_CORE_NUMEXACT_H

#include <stddef.h>

/* numexact_g15_17: writes into out (at least 32 bytes) with a NUL the bytes of snprintf "%.15g"
 * of v when strtod reads those back as v, else those of "%.17g", and returns their length; 0
 * (nothing written) when v is outside what it does (not finite, |v| below 1e-4 or from 1e14, a
 * power of two, or a decimal tie that printf's rounding rule would decide): the caller then asks
 * printf. */
size_t numexact_g15_17(double v, char *out);

#endif
