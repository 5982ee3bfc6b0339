/* datex.h: calendar dates and dates with a precision as written in plans ("ht 2017", "2017-09"). */
#ifndef LUP_MODEL_DATEX_H
#define LUP_MODEL_DATEX_H

#include <stddef.h>

#define MODEL_YEAR_MIN 1900	/* earliest year accepted anywhere in model/ */
#define MODEL_YEAR_MAX 2999	/* latest year accepted anywhere in model/ */
#define MODEL_DATE_TEXT_MAX 16	/* buffer size enough for any date or datex text */

/*
 * Dates are ints YYYYMMDD (20220430), 0 meaning "no date". The interval a datex covers is
 * [first, last], both inclusive.
 */

/* The precision of a date as written. */
enum model_prec {
	MODEL_PREC_OPEN,	/* "" or NULL: no date; first = last = 0 */
	MODEL_PREC_DAY,		/* "2022-01-01" */
	MODEL_PREC_MONTH,	/* "2017-09": the whole month */
	MODEL_PREC_SPRING,	/* "vt 2017", "våren 2017": spring term, January 1 - June 30 */
	MODEL_PREC_AUTUMN,	/* "ht 2017", "hösten 2017": autumn term, August 1 - December 31 */
	MODEL_PREC_YEAR,	/* "2017": the whole year */
	MODEL_PREC__MAX
};

/* A date as written in a plan: the interval it covers and how precise it is. */
struct model_datex {
	int first;		/* first day covered, YYYYMMDD; 0 when open */
	int last;		/* last day covered, YYYYMMDD; 0 when open */
	enum model_prec prec;	/* how the date was written */
};

/* model_date_is_leap: 1 when year is a Gregorian leap year, else 0. */
int model_date_is_leap(int year);

/* model_date_days_in_month: days in month (1..12) of year, or 0 when month is out of range. */
int model_date_days_in_month(int year, int month);

/*
 * model_date_valid: 1 when ymd (YYYYMMDD) is a real calendar day with the year in
 * MODEL_YEAR_MIN..MODEL_YEAR_MAX, else 0 (so 0 itself is not valid).
 */
int model_date_valid(int ymd);

/*
 * model_date_format: writes ymd as "YYYY-MM-DD" into buf (11 bytes suffice).
 * Returns 0, or -1 when ymd is not valid (model_date_valid), buf is NULL or too small;
 * buf then holds "" when size > 0.
 */
int model_date_format(int ymd, char *buf, size_t size);

/*
 * model_date_parse: parses a day "YYYY-MM-DD" (surrounding whitespace allowed) into *ymd.
 * Returns 0, or -1 with a message naming the text in err (err may be NULL) when the text is not
 * a valid day (including months, years, seasons and empty text) or ymd is NULL.
 */
int model_date_parse(const char *text, int *ymd, char *err, size_t errsz);

/*
 * model_datex_parse: parses a date as written in plans into *out:
 *	"2022-01-01"				day
 *	"2017-09"				month
 *	"2017"					year
 *	"ht 2017", "HT2017", "hösten 2017", "höst 2017"	autumn (August-December)
 *	"vt 2017", "våren 2017", "vår 2017"	spring (January-June)
 *	"" or NULL or only whitespace		open
 * Words are matched in any case; surrounding whitespace is ignored; numbers must have exactly 4
 * (year) and 2 (month, day) digits; the year must be in MODEL_YEAR_MIN..MODEL_YEAR_MAX and the
 * day must exist (2024-02-29 is valid, 2023-02-29 is not).
 * Returns 0, or -1 with a message naming the text in err (err may be NULL) on error or when out
 * is NULL; *out is then left unchanged.
 */
int model_datex_parse(const char *text, struct model_datex *out, char *err, size_t errsz);

/*
 * model_datex_format: writes d in canonical form into buf: "2022-01-01", "2017-09", "2017",
 * "vt 2017", "ht 2017", or "" for open. MODEL_DATE_TEXT_MAX bytes suffice.
 * Returns 0, or -1 when d or buf is NULL, buf is too small, or d is inconsistent (a precision
 * out of range or a first day that is not valid); buf then holds "" when size > 0.
 */
int model_datex_format(const struct model_datex *d, char *buf, size_t size);

/*
 * model_prec_name: the machine name of p ("open", "day", "month", "spring", "autumn", "year"),
 * or NULL when p is out of range. The string is static.
 */
const char *model_prec_name(enum model_prec p);

/*
 * model_time_sv: writes a stored time as people in Stockholm read it into buf:
 *	"2026-12-06T00:33:00Z", "2026-12-06T00:33Z", "2026-12-06 00:33:00" (UTC)
 *						-> "6 december 2026 kl. 01.33"
 *	"2026-12-06" (a date without time)	-> "6 december 2026"
 * A time is converted from UTC to local time with localtime_r (the server sets TZ to
 * Europe/Stockholm when it is unset: cmd-serve.c); a date is shown as it is. MODEL_TIME_TEXT_MAX
 * bytes suffice. Returns 0, or -1 when text is NULL or neither form (buf then holds text as it
 * is, cut to size, or "" for NULL) or buf is NULL or size 0.
 */
#define MODEL_TIME_TEXT_MAX 48
int model_time_sv(const char *text, char *buf, size_t size);

#endif
