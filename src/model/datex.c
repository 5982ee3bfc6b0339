/* datex.c: calendar dates and dates with a precision as written in plans. */
#include "model/datex.h"
#include "model/model-int.h"
#include "core/numfmt.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define SYNTAX_HINT "expected YYYY-MM-DD, YYYY-MM, YYYY, 'vt YYYY', 'ht YYYY' or a month 'mars YYYY'"

/* the months' Swedish names, January first; matched against case-folded text */
static const char *const months[] = {
	"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
	"november", "december",
};

/* a season word and the precision it gives; matched against case-folded text */
static const struct season {
	const char *word;
	enum model_prec prec;
} seasons[] = {
	{ "hösten", MODEL_PREC_AUTUMN }, { "höst", MODEL_PREC_AUTUMN }, { "ht", MODEL_PREC_AUTUMN },
	{ "våren", MODEL_PREC_SPRING }, { "vår", MODEL_PREC_SPRING }, { "vt", MODEL_PREC_SPRING },
};

static const char *const prec_names[MODEL_PREC__MAX] = {
	"open", "day", "month", "spring", "autumn", "year"
};

int model_date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int model_date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && model_date_is_leap(year));
}

int model_date_valid(int ymd)
{
	int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;

	if (y < MODEL_YEAR_MIN || y > MODEL_YEAR_MAX)
		return 0;
	return d >= 1 && d <= model_date_days_in_month(y, m);
}

int model_date_format(int ymd, char *buf, size_t size)
{
	int n;

	if (!buf || size == 0)
		return -1;
	buf[0] = '\0';
	if (!model_date_valid(ymd))
		return -1;
	n = snprintf(buf, size, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

/* reads exactly n ASCII digits at *p (within e) into *v and advances *p; returns 0 or -1 */
static int read_digits(const char **p, const char *e, int n, int *v)
{
	int i;

	if (e - *p < n)
		return -1;
	for (*v = 0, i = 0; i < n; i++) {
		if (!model_int_is_digit((*p)[i]))
			return -1;
		*v = *v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return 0;
}

/* checks year range; on error writes a message quoting q */
static int check_year(int y, const char *q, char *err, size_t errsz)
{
	if (y >= MODEL_YEAR_MIN && y <= MODEL_YEAR_MAX)
		return 0;
	model_int_err(err, errsz, "date '%s': year %d out of range (%d..%d)", q, y,
		MODEL_YEAR_MIN, MODEL_YEAR_MAX);
	return -1;
}

/* reads "-" and exactly two digits at *p; returns 0, or -1 when they are not there */
static int read_part(const char **p, const char *e, int *v)
{
	if (*p >= e || **p != '-')
		return -1;
	*p += 1;
	return read_digits(p, e, 2, v);
}

/* parses [b, e) as YYYY, YYYY-MM or YYYY-MM-DD; returns 0, 1 when not numeric, -1 on error */
static int parse_numeric(const char *b, const char *e, const char *q, struct model_datex *d,
	char *err, size_t errsz)
{
	int y, m = 1, day = 1, parts = 1, nd;

	if (read_digits(&b, e, 4, &y) < 0)
		return 1;
	if (b < e && (parts = 2, read_part(&b, e, &m) < 0))
		return 1;
	if (b < e && (parts = 3, read_part(&b, e, &day) < 0 || b != e))
		return 1;
	if (check_year(y, q, err, errsz) < 0)
		return -1;
	if (m < 1 || m > 12)
		return model_int_err(err, errsz, "date '%s': month %02d out of range (01..12)", q, m), -1;
	nd = model_date_days_in_month(y, m);
	if (day < 1 || day > nd)
		return model_int_err(err, errsz, "date '%s': day %02d out of range (%04d-%02d has %d days)",
			q, day, y, m, nd), -1;
	d->prec = parts == 3 ? MODEL_PREC_DAY : parts == 2 ? MODEL_PREC_MONTH : MODEL_PREC_YEAR;
	d->first = y * 10000 + m * 100 + day;
	d->last = parts == 3 ? d->first : parts == 2 ? y * 10000 + m * 100 + nd : y * 10000 + 1231;
	return 0;
}

/* skips an optional separator " ", "-", " -", "- " or " - " in folded text */
static const char *skip_sep(const char *p)
{
	p += *p == ' ';
	if (*p == '-')
		p += 1 + (p[1] == ' ');
	return p;
}

/* parses [b, e) as "<season word> YYYY"; returns 0, 1 when no season word, -1 on error */
static int parse_season(const char *b, const char *e, const char *q, struct model_datex *d,
	char *err, size_t errsz)
{
	char f[32];
	const char *p;
	size_t i, len;
	int y;

	if (model_int_fold(b, e, 1, f, sizeof f) < 0)
		return 1;
	for (i = 0; i < sizeof seasons / sizeof seasons[0]; i++) {
		len = strlen(seasons[i].word);
		if (strncmp(f, seasons[i].word, len) == 0 && (f[len] == '\0' || f[len] == ' '
			|| f[len] == '-' || model_int_is_digit(f[len])))
			break;
	}
	if (i == sizeof seasons / sizeof seasons[0])
		return 1;
	p = skip_sep(f + len);
	if (read_digits(&p, p + strlen(p), 4, &y) < 0 || *p != '\0')
		return model_int_err(err, errsz, "date '%s': expected a 4-digit year after '%s'", q,
			seasons[i].word), -1;
	if (check_year(y, q, err, errsz) < 0)
		return -1;
	d->prec = seasons[i].prec;
	d->first = y * 10000 + (d->prec == MODEL_PREC_SPRING ? 101 : 801);
	d->last = y * 10000 + (d->prec == MODEL_PREC_SPRING ? 630 : 1231);
	return 0;
}

/* parses [b, e) as "<month name> YYYY" ("mars 2019"); returns 0, 1 when no month name, -1 on error */
static int parse_month(const char *b, const char *e, const char *q, struct model_datex *d,
	char *err, size_t errsz)
{
	char f[32];
	const char *p;
	size_t i, len = 0;
	int y;

	if (model_int_fold(b, e, 1, f, sizeof f) < 0)
		return 1;
	for (i = 0; i < sizeof months / sizeof months[0]; i++) {
		len = strlen(months[i]);
		if (strncmp(f, months[i], len) == 0 && (f[len] == ' ' || f[len] == '-'))
			break;
	}
	if (i == sizeof months / sizeof months[0])
		return 1;
	p = skip_sep(f + len);
	if (read_digits(&p, p + strlen(p), 4, &y) < 0 || *p != '\0')
		return model_int_err(err, errsz, "date '%s': expected a 4-digit year after '%s'", q, months[i]), -1;
	if (check_year(y, q, err, errsz) < 0)
		return -1;
	d->prec = MODEL_PREC_MONTH;
	d->first = y * 10000 + (int)(i + 1) * 100 + 1;
	d->last = y * 10000 + (int)(i + 1) * 100 + model_date_days_in_month(y, (int)i + 1);
	return 0;
}

int model_datex_parse(const char *text, struct model_datex *out, char *err, size_t errsz)
{
	struct model_datex d = { 0, 0, MODEL_PREC_OPEN };
	char q[MODEL_INT_QUOTE_BUF];
	const char *b = text ? text : "", *e = b + strlen(b);
	int rc;

	if (!out)
		return model_int_err(err, errsz, "date: no place for the result"), -1;
	model_int_trim(&b, &e);
	model_int_quote(b, e, q);
	if (b == e)
		rc = 0;
	else if ((rc = parse_numeric(b, e, q, &d, err, errsz)) == 1)
		rc = parse_season(b, e, q, &d, err, errsz);
	if (rc == 1)
		rc = parse_month(b, e, q, &d, err, errsz);
	if (rc == 1)
		model_int_err(err, errsz, "date '%s': %s", q, SYNTAX_HINT);
	if (rc != 0)
		return -1;
	*out = d;
	return 0;
}

int model_date_parse(const char *text, int *ymd, char *err, size_t errsz)
{
	struct model_datex d;
	char q[MODEL_INT_QUOTE_BUF];
	const char *b = text ? text : "", *e = b + strlen(b);

	if (!ymd)
		return model_int_err(err, errsz, "date: no place for the result"), -1;
	if (model_datex_parse(text, &d, err, errsz) < 0)
		return -1;
	if (d.prec != MODEL_PREC_DAY) {
		model_int_trim(&b, &e);
		model_int_quote(b, e, q);
		model_int_err(err, errsz, "date '%s': expected a day YYYY-MM-DD", q);
		return -1;
	}
	*ymd = d.first;
	return 0;
}

/* writes the canonical text of a consistent, non-open d; returns snprintf's result */
static int format_datex(const struct model_datex *d, char *buf, size_t size)
{
	int y = d->first / 10000, m = d->first / 100 % 100;

	switch (d->prec) {
	case MODEL_PREC_DAY:
		return snprintf(buf, size, "%04d-%02d-%02d", y, m, d->first % 100);
	case MODEL_PREC_MONTH:
		return snprintf(buf, size, "%04d-%02d", y, m);
	case MODEL_PREC_SPRING:
		return snprintf(buf, size, "vt %04d", y);
	case MODEL_PREC_AUTUMN:
		return snprintf(buf, size, "ht %04d", y);
	case MODEL_PREC_YEAR:
		return snprintf(buf, size, "%04d", y);
	default:
		return -1;
	}
}

int model_datex_format(const struct model_datex *d, char *buf, size_t size)
{
	int n;

	if (!buf || size == 0)
		return -1;
	buf[0] = '\0';
	if (!d || (unsigned)d->prec >= MODEL_PREC__MAX)
		return -1;
	if (d->prec == MODEL_PREC_OPEN)
		return 0;
	if (!model_date_valid(d->first))
		return -1;
	n = format_datex(d, buf, size);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

const char *model_prec_name(enum model_prec p)
{
	return (unsigned)p < MODEL_PREC__MAX ? prec_names[p] : NULL;
}

/* two_digits: the number of p[0..1] when both are digits, else -1 */
static int two_digits(const char *p)
{
	return p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' ? (p[0] - '0') * 10 + (p[1] - '0') : -1;
}

/* days_from_civil: days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant's algorithm) */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* day_ymd: model_date_parse(day) of a day's 10 bytes, without its error text: "YYYY-MM-DD" of
 * digits read directly (what model_date_parse accepts of that form: a valid day,
 * model_date_valid), any other form by model_date_parse. A page shows dates row after row
 * (page_time), and the parser quotes the text for an error message before it parses. */
static int day_ymd(const char *day, int *ymd)
{
	static const char shape[] = "dddd-dd-dd";
	int v = 0;

	for (int i = 0; i < 10; i++) {
		if (shape[i] == '-' ? day[i] != '-' : !model_int_is_digit(day[i]))
			return model_date_parse(day, ymd, NULL, 0);
		if (shape[i] == 'd')
			v = v * 10 + (day[i] - '0');
	}
	if (!model_date_valid(v))
		return -1;
	*ymd = v;
	return 0;
}

int model_time_sv(const char *text, char *buf, size_t size)
{
	int ymd, hh, mm, ss = 0;
	size_t n;
	char day[11];

	if (!buf || !size)
		return -1;
	buf[0] = '\0';
	if (!text)
		return -1;
	n = strlen(text);
	if (n < 10)
		goto raw;
	memcpy(day, text, 10);
	day[10] = '\0';
	if (day_ymd(day, &ymd) != 0)
		goto raw;
	if (n == 10) {
		/* "%d %s %d" of the day, the month's name and the year, without printf */
		char d[NUMFMT_SIZE], y[NUMFMT_SIZE];
		numfmt_long(ymd % 100, d);
		numfmt_long(ymd / 10000, y);
		const char *part[] = { d, " ", months[ymd / 100 % 100 - 1], " ", y };
		numfmt_join(buf, size, part, 5);
		return 0;
	}
	if (n < 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
	    (hh = two_digits(text + 11)) < 0 || (mm = two_digits(text + 14)) < 0 || hh > 23 || mm > 59)
		goto raw;
	if (n >= 19 && text[16] == ':' && (ss = two_digits(text + 17)) < 0)
		goto raw;
	time_t t = (time_t)days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100) * 86400 + hh * 3600 + mm * 60 + ss;
	struct tm loc;
	if (!localtime_r(&t, &loc))
		goto raw;
	snprintf(buf, size, "%d %s %d kl. %02d.%02d", loc.tm_mday, months[loc.tm_mon], loc.tm_year + 1900,
		 loc.tm_hour, loc.tm_min);
	return 0;
raw:
	snprintf(buf, size, "%s", text);
	return -1;
}
