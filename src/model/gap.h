/* gap.h: a district's value compared with the city average, and what it takes to close the gap. */
#ifndef LUP_MODEL_GAP_H
#define LUP_MODEL_GAP_H

#include <stddef.h>

#include "model/target.h"

/*
 * Bands of a gap relative to the city value, for colouring a map. With share = gap / |city|:
 *	share < -MODEL_GAP_NEAR_SHARE				BETTER
 *	|share| <= MODEL_GAP_NEAR_SHARE (within 5 %)		NEAR (bounds included)
 *	MODEL_GAP_NEAR_SHARE < share <= MODEL_GAP_MUCH_SHARE	WORSE
 *	share > MODEL_GAP_MUCH_SHARE (more than 25 %)		MUCH_WORSE
 * The share is relative to the city value, not in the indicator's unit: for a city value of 20 %
 * "near" is 19-21 %, not 15-25 %. When the city value is 0 (|city| <= MODEL_EPS) there is no
 * share: a gap within MODEL_EPS is NEAR, a negative gap BETTER, a positive gap MUCH_WORSE.
 * A NaN gap or city value is UNKNOWN. Each bound is widened by MODEL_EPS against rounding.
 */
#define MODEL_GAP_NEAR_SHARE 0.05
#define MODEL_GAP_MUCH_SHARE 0.25

enum model_gap_class {
	MODEL_GAP_UNKNOWN,	/* no gap (direction none, or a missing value) */
	MODEL_GAP_BETTER,	/* better than the city by more than 5 % */
	MODEL_GAP_NEAR,		/* within 5 % of the city value */
	MODEL_GAP_WORSE,	/* worse by more than 5 % and at most 25 % */
	MODEL_GAP_MUCH_WORSE,	/* worse by more than 25 % */
	MODEL_GAP__MAX
};

/*
 * model_gap: the signed gap between a district and the city, positive when the district is
 * worse: HIGHER: city - district; LOWER: district - city. In the indicator's unit (for "%" in
 * percentage points). Returns NaN for MODEL_DIR_NONE (no "worse"), a direction out of range, or
 * a value that is NaN or infinite.
 */
double model_gap(enum model_direction dir, double district, double city);

/*
 * model_yearly_change_to_close: the yearly change of the indicator (signed, in its unit) that
 * brings the district to the city value in `years` years, linearly: (city - district) / years,
 * so positive for a rising HIGHER indicator and negative for a falling LOWER one. It is 0 when
 * the district is already at the city value or better (gap <= MODEL_EPS). For MODEL_DIR_NONE
 * there is no "better": the change is (city - district) / years (0 within MODEL_EPS).
 * Returns 0 with *change set, or -1 with a message in err (err may be NULL) when years <= 0,
 * a value is NaN or infinite, dir is out of range, or change is NULL (*change untouched).
 */
int model_yearly_change_to_close(enum model_direction dir, double district, double city,
	int years, double *change, char *err, size_t errsz);

/* model_gap_class: the band of gap relative to city (see above). */
enum model_gap_class model_gap_class(double gap, double city);

/*
 * model_gap_class_name: "unknown", "better", "near", "worse" or "much_worse"; NULL when c is out
 * of range. The string is static.
 */
const char *model_gap_class_name(enum model_gap_class c);

/*
 * model_gap_class_label_sv: "Saknar jämförelse", "Bättre än snittet", "Nära snittet",
 * "Sämre än snittet" or "Mycket sämre än snittet"; NULL when c is out of range (static string).
 */
const char *model_gap_class_label_sv(enum model_gap_class c);

/* What model_gap_sentence describes. */
struct model_gap_spec {
	const char *area;		/* the district's name; NULL or "" gives "Området" */
	enum model_direction dir;	/* which way the indicator is better */
	double district;		/* the district's value */
	double city;			/* the city average */
	const char *unit;		/* the indicator's unit; "%" or "procent" reads "procentenheter";
					 * NULL or "" for none */
	int years;			/* years to reach the city average, >= 1 */
	int decimals;			/* decimals shown, 0..MODEL_FMT_MAX_DECIMALS */
};

/*
 * model_gap_sentence: writes one Swedish sentence about s into buf, with Swedish number format:
 *   worse:  "Spånga-Tensta ligger 3,2 procentenheter under stadens snitt; 0,6 per år behövs för
 *            att nå snittet på 5 år."   ("under"/"över" say where the value lies; the yearly
 *            change is shown without sign: its direction follows from "under"/"över")
 *   better: "Farsta ligger 2,0 procentenheter över stadens snitt, vilket är bättre än snittet."
 *   equal (the difference rounds to zero): "Farsta ligger på stadens snitt."
 * For MODEL_DIR_NONE any difference is treated as one to close (the first form).
 * Returns 0, or -1 with a message in err (err may be NULL) when s or buf is NULL, years <= 0,
 * decimals is out of range, a value is not finite, or the sentence does not fit in size bytes;
 * buf then holds "" (when size > 0).
 */
int model_gap_sentence(const struct model_gap_spec *s, char *buf, size_t size,
	char *err, size_t errsz);

#endif
