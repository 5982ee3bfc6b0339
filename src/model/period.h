/* period.h: reporting periods (tertial reports T1, T2 and the annual report) and their bounds. */
#ifndef LUP_MODEL_PERIOD_H
#define LUP_MODEL_PERIOD_H

#include <stddef.h>

#define MODEL_PERIOD_TEXT_MAX 32	/* buffer size enough for any period text or label */

/*
 * The follow-up periods of a year. The reports are cumulative: each starts on January 1.
 */
enum model_period_kind {
	MODEL_PERIOD_T1,	/* tertialrapport 1: January 1 - April 30 */
	MODEL_PERIOD_T2,	/* tertialrapport 2: January 1 - August 31 (with a full-year forecast) */
	MODEL_PERIOD_FY,	/* verksamhetsberättelse (VB): January 1 - December 31 */
	MODEL_PERIOD__MAX
};

/* One reporting period. Valid when year is in MODEL_YEAR_MIN..MODEL_YEAR_MAX (1900..2999). */
struct model_period {
	int year;			/* the calendar year reported on */
	enum model_period_kind kind;	/* which report */
};

/* model_period_valid: 1 when p is non-NULL with a year in range and a known kind, else 0. */
int model_period_valid(const struct model_period *p);

/*
 * model_period_bounds: the first and last day of p as YYYYMMDD (2022-T1 -> 20220101, 20220430).
 * first or last may be NULL. Returns 0, or -1 when p is not valid (outputs untouched).
 */
int model_period_bounds(const struct model_period *p, int *first, int *last);

/*
 * model_period_bounds_text: as model_period_bounds, as "YYYY-MM-DD" into caller buffers of at
 * least 11 bytes. first or last may be NULL (that one is skipped). Returns 0, or -1 when p is
 * not valid or a buffer is too small; the buffers then hold "" (when their size > 0).
 */
int model_period_bounds_text(const struct model_period *p, char *first, size_t firstsz,
	char *last, size_t lastsz);

/*
 * model_period_parse: parses a period into *out. Accepted, with letters in any case and
 * surrounding whitespace ignored:
 *	"2022-T1", "2022T1", "2022 T1", "T1 2022", "T1-2022"	(T2 likewise)
 *	"VB 2022", "2022-VB", "2022-FY", "FY 2022", "2022"	the full year (verksamhetsberättelse)
 *	"Tertialrapport 1 2022", "Verksamhetsberättelse 2022"	the Swedish labels
 * The year must have 4 digits and lie in 1900..2999. Returns 0, or -1 with a message in err
 * (err may be NULL) that quotes the text, e.g.
 *	"period 'T3 2022': unknown period kind 'T3' (expected T1, T2 or VB)".
 * NULL text is treated as "" (an error); out NULL is an error; on error *out is unchanged.
 */
int model_period_parse(const char *text, struct model_period *out, char *err, size_t errsz);

/*
 * model_period_format: writes the canonical text of p ("2022-T1", "2022-T2", "2022-FY") into
 * buf. Returns 0, or -1 when p is not valid, buf is NULL or too small; buf then holds ""
 * (when size > 0).
 */
int model_period_format(const struct model_period *p, char *buf, size_t size);

/*
 * model_period_label_sv: writes the Swedish label of p into buf: "Tertialrapport 1 2022",
 * "Tertialrapport 2 2022", "Verksamhetsberättelse 2022". Errors as model_period_format.
 */
int model_period_label_sv(const struct model_period *p, char *buf, size_t size);

/*
 * model_period_of_date: the first report whose period contains the day ymd (YYYYMMDD):
 * January-April -> T1, May-August -> T2, September-December -> FY (the reports are cumulative,
 * so the date also lies in every later report of the year). Returns 0, or -1 when ymd is not a
 * valid date (model_date_valid) or out is NULL.
 */
int model_period_of_date(int ymd, struct model_period *out);

/*
 * model_period_contains: 1 when the valid day ymd lies within p's bounds (cumulative: 2022-03-01
 * lies in 2022-T1, 2022-T2 and 2022-FY), else 0 (also for an invalid p or ymd).
 */
int model_period_contains(const struct model_period *p, int ymd);

/*
 * model_period_cmp: orders periods by year, then T1 < T2 < FY. Returns <0, 0 or >0.
 * Both must be non-NULL.
 */
int model_period_cmp(const struct model_period *a, const struct model_period *b);

/* model_period_kind_name: "T1", "T2" or "FY", or NULL when k is out of range (static string). */
const char *model_period_kind_name(enum model_period_kind k);

#endif
