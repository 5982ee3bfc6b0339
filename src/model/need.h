/* need.h: the need index of the districts (guideline 3: resources go where the need is greatest),
 * as pure computation, and the kinds of resources an organisation records per district.
 *
 * The rule (docs/resources-need.md, in the spirit of Toronto's Neighbourhood Equity Index):
 *   1. For each chosen indicator k with a city value c_k, each district d with a value v_kd has
 *      the gap g_kd = model_gap(direction_k, v_kd, c_k): positive when the district is worse
 *      than the city (HIGHER is better: c - v; LOWER is better: v - c), in the indicator's unit.
 *   2. The gaps are standardised across the districts that have a value: z_kd = (g_kd - m_k) / s_k
 *      with m_k their mean and s_k their standard deviation (population form: divided by the
 *      number of districts n_k). With fewer than two values, or no spread (s_k <= MODEL_EPS), the
 *      indicator says nothing about differences: every z_kd is 0 and the indicator is flagged.
 *   3. The index of a district is the weighted mean of its z-values over the indicators it has a
 *      value of: sum_k w_k z_kd / sum_k w_k. A district with no value of any indicator has no
 *      index (NaN): it is said, never invented. An indicator without a city value takes no part.
 * A positive index means more need than the average district, a negative one less.
 */
#ifndef LUP_MODEL_NEED_H
#define LUP_MODEL_NEED_H

#include <stddef.h>

#include "model/target.h"

/* The kinds of resources, each with its one unit: money in tkr, staff in årsarbetare (full-time
 * equivalents), places in platser, hours in timmar. */
enum need_kind { NEED_MONEY, NEED_STAFF, NEED_PLACES, NEED_HOURS, NEED_KIND__MAX };

extern const char *const need_kind_codes[];	/* "money", "staff", "places", "hours", NULL */
extern const char *const need_unit_codes[];	/* "tkr", "årsarbetare", "platser", "timmar", NULL */

/* need_kind_index: the kind of code ("money", ...), or -1. */
int need_kind_index(const char *code);

/* need_kind_unit: the unit of kind k ("tkr", ...), or NULL when k is out of range. */
const char *need_kind_unit(int k);

/* need_kind_sv: the Swedish word of kind k ("Pengar", "Personal", "Platser", "Timmar"), or "". */
const char *need_kind_sv(int k);

/* One indicator of the index: its input (weight, direction, city value) and what the
 * computation adds (mean and spread of the gaps, the number of districts with a value). */
struct need_ind {
	double weight;			/* > 0 */
	enum model_direction dir;	/* HIGHER or LOWER (NONE: the indicator takes no part) */
	double city;			/* the city value; NaN: none (no part) */
	/* out */
	int n;				/* districts with a value */
	double mean, sd;		/* of the gaps; NaN when n == 0 */
	int flat;			/* no part in differences: fewer than 2 values or no spread */
	int used;			/* takes part (a direction, a city value, a district value) */
};

/* One cell: a district's value of an indicator and the steps computed from it. */
struct need_cell {
	double value;			/* in: the district's value; NaN when missing */
	double gap, z;			/* out: NaN when the value is missing or the indicator takes no part */
};

/*
 * need_compute: the rule above for ni indicators ind[0..ni) and nd districts. cells is row-major
 * by indicator: cells[k * nd + d] is district d's value of indicator k (value set by the caller;
 * gap and z are written). index[0..nd) gets each district's index (NaN without any value) and
 * nused[0..nd) (may be NULL) the number of indicators it had a value of. Returns 0, or -1 when
 * an argument is NULL with a count > 0 or a weight is not > 0 (nothing defined written then).
 */
int need_compute(struct need_ind *ind, size_t ni, struct need_cell *cells, size_t nd, double *index, int *nused);

/*
 * need_order: the permutation of districts 0..nd) by need: highest index first, districts without
 * an index last, ties in the given order (stable). ord gets nd entries.
 */
void need_order(const double *index, size_t nd, size_t *ord);

#endif
