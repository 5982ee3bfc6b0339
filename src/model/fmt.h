/* fmt.h: Swedish number formatting (decimal comma, space as thousands separator). */
#ifndef LUP_MODEL_FMT_H
#define LUP_MODEL_FMT_H

#include <stddef.h>

#define MODEL_FMT_MAX_DECIMALS 9	/* most decimals model_fmt_num writes */

/*
 * model_fmt_num: writes v rounded to `decimals` decimals (0..MODEL_FMT_MAX_DECIMALS) into buf
 * the Swedish way: decimal comma, a plain space (U+0020) between groups of three integer digits,
 * and an ASCII '-' for negative numbers. A value that rounds to zero never gets a sign
 * (-0,04 with 1 decimal gives "0,0"). Examples: 1234567.891, 2 -> "1 234 567,89";
 * -2.5, 1 -> "-2,5"; 999.96, 1 -> "1 000,0"; 70, 0 -> "70".
 * Independent of the C locale.
 * Returns 0, or -1 when buf is NULL or size 0, v is NaN or infinite, decimals is out of range,
 * or the text does not fit; buf then holds "" (when size > 0). The bytes of buf after the NUL
 * may be changed (up to its size; a short text is copied in one fixed-size block).
 */
int model_fmt_num(double v, int decimals, char *buf, size_t size);

/*
 * model_fmt_num_unit: model_fmt_num's text of v with a leading '+' when plus and the text is
 * neither negative nor zero, then a space and unit when unit is neither NULL nor "" ("+1,2 %"), in
 * buf with its NUL, formatted once with no text in between. Returns the text's length, or -1
 * when it does not take v (not finite, decimals out of range, buf NULL or size 0, or a value
 * model_fmt_num formats the long way: |v| * 10^decimals from 2^52 on, or within its ulp of a
 * half) or the text does not fit: the caller then formats it by model_fmt_num. The bytes of buf
 * after the NUL may be changed (up to its size).
 */
int model_fmt_num_unit(double v, int decimals, int plus, const char *unit, char *buf, size_t size);

#endif
