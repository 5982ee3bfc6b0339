/* indicator.h: the rules of an indicator's flags that every write path and `lup check` share:
 * which sex an outcome or target may have, the shape of a Kolada KPI id, and the Swedish text
 * that flags a report whose cited value Kolada revised. docs/indicators.md. */
#ifndef LUP_MODEL_INDICATOR_H
#define LUP_MODEL_INDICATOR_H

#include <stddef.h>

/*
 * model_sex_allowed: 1 when an outcome or target of sex ('T' everyone, 'K' women, 'M' men) may
 * belong to an indicator whose by_sex flag is by_sex, else 0. The total ('T') always may; 'K'
 * and 'M' only when by_sex is non-zero; any other character never. The web forms, the API,
 * the CSV import and `lup check` (as the SQL function lup_sex_allowed) all ask this.
 */
int model_sex_allowed(int by_sex, int sex);

/*
 * model_kolada_kpi_valid: 1 when s has the shape of a Kolada KPI id: one capital letter A-Z
 * followed by exactly five digits ("N15033", "U21468"), else 0 (also for NULL).
 */
int model_kolada_kpi_valid(const char *s);

/*
 * model_revision_text: writes the flag of a report whose cited value was revised into buf:
 * "värdet har reviderats från 79,1 till 79,3 efter godkännandet" (approved != 0) or "... efter
 * inskickandet" (approved == 0), numbers with `decimals` decimals the Swedish way
 * (model_fmt_num; decimals < 0: the fewest from 1 to 3 that show both values); a NaN old or new
 * value reads "saknas" ("från saknas till 4,2"). Returns 0, or -1 when buf is NULL, decimals is
 * out of range or the text does not fit (buf then "" when size > 0).
 */
int model_revision_text(double old, double new_value, int decimals, int approved, char *buf, size_t size);

#endif
