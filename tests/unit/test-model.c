/* test-model.c: unit tests of the domain rules in src/model/ (periods, dates, targets, assessment, gaps). */
#include "testlib.h"

#include "model/assess.h"
#include "model/datex.h"
#include "model/fmt.h"
#include "model/gap.h"
#include "model/need.h"
#include "model/period.h"
#include "model/status.h"
#include "model/target.h"
#include "model/today.h"
#include "store/sql-sqlite.h"

#include <math.h>
#include <stdint.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBSP "\xC2\xA0"		/* U+00A0 no-break space */
#define NNBSP "\xE2\x80\xAF"	/* U+202F narrow no-break space */
#define THIN "\xE2\x80\x89"	/* U+2009 thin space */
#define MINUS "\xE2\x88\x92"	/* U+2212 minus sign */

/* ---- helpers ---------------------------------------------------------------------------- */

static struct model_period per(int year, enum model_period_kind kind)
{
	struct model_period p = { year, kind };
	return p;
}

/* parses text as a period and checks year and kind */
static void check_period(const char *text, int year, enum model_period_kind kind)
{
	struct model_period p = { 0, MODEL_PERIOD__MAX };
	char err[200] = "";

	T_EQ_INT(model_period_parse(text, &p, err, sizeof err), 0);
	T_EQ_STR(err, "");
	T_EQ_INT(p.year, year);
	T_EQ_INT(p.kind, kind);
}

/* parses text as a period, expects failure with a message containing each of two needles */
static void check_period_err(const char *text, const char *needle1, const char *needle2)
{
	struct model_period p = { 1999, MODEL_PERIOD_T2 };
	char err[200] = "";

	T_EQ_INT(model_period_parse(text, &p, err, sizeof err), -1);
	T_CONTAINS(err, needle1);
	T_CONTAINS(err, needle2);
	T_EQ_INT(p.year, 1999);	/* untouched */
	T_EQ_INT(p.kind, MODEL_PERIOD_T2);
}

/* parses text as a datex and checks it */
static void check_datex(const char *text, int first, int last, enum model_prec prec)
{
	struct model_datex d = { -1, -1, MODEL_PREC__MAX };
	char err[200] = "";

	T_EQ_INT(model_datex_parse(text, &d, err, sizeof err), 0);
	T_EQ_STR(err, "");
	T_EQ_INT(d.first, first);
	T_EQ_INT(d.last, last);
	T_EQ_INT(d.prec, prec);
}

/* parses text as a datex, expects failure with a message containing both needles */
static void check_datex_err(const char *text, const char *needle1, const char *needle2)
{
	struct model_datex d = { 7, 8, MODEL_PREC_DAY };
	char err[200] = "";

	T_EQ_INT(model_datex_parse(text, &d, err, sizeof err), -1);
	T_CONTAINS(err, needle1);
	T_CONTAINS(err, needle2);
	T_EQ_INT(d.first, 7);	/* untouched */
}

/* parses text as a target and checks kind, value and unit */
static void check_number(const char *text, double value, const char *unit)
{
	struct model_target t;

	T_EQ_INT(model_target_parse(text, &t, NULL, 0), 0);
	T_EQ_INT(t.kind, MODEL_TARGET_NUMBER);
	T_EQ_DBL(t.value, value, 1e-12);
	T_EQ_STR(t.unit, unit);
	T_EQ_INT(t.dir, 0);
}

/* parses text as a target and checks its kind */
static enum model_target_kind kind_of(const char *text)
{
	struct model_target t;

	if (model_target_parse(text, &t, NULL, 0) != 0)
		return MODEL_TARGET__MAX;
	return t.kind;
}

/* a NUMBER target of value v */
static struct model_target num_target(double v)
{
	struct model_target t;

	model_target_parse("0", &t, NULL, 0);
	t.value = v;
	return t;
}

/* formats v with decimals into a static-free buffer and compares */
static void check_fmt(double v, int decimals, const char *want)
{
	char buf[64] = "x";

	T_EQ_INT(model_fmt_num(v, decimals, buf, sizeof buf), 0);
	T_EQ_STR(buf, want);
}

/* ---- period ----------------------------------------------------------------------------- */

static void test_period_bounds_ints(void)
{
	struct model_period p = per(2022, MODEL_PERIOD_T1);
	int first = 0, last = 0;

	T_EQ_INT(model_period_bounds(&p, &first, &last), 0);
	T_EQ_INT(first, 20220101);
	T_EQ_INT(last, 20220430);
	p.kind = MODEL_PERIOD_T2;
	T_EQ_INT(model_period_bounds(&p, &first, &last), 0);
	T_EQ_INT(first, 20220101);	/* cumulative: T2 starts in January */
	T_EQ_INT(last, 20220831);
	p.kind = MODEL_PERIOD_FY;
	T_EQ_INT(model_period_bounds(&p, NULL, &last), 0);
	T_EQ_INT(last, 20221231);
}

static void test_period_bounds_text(void)
{
	struct model_period p = per(2024, MODEL_PERIOD_T2);
	char f[11], l[11], small[10] = "junk";

	T_EQ_INT(model_period_bounds_text(&p, f, sizeof f, l, sizeof l), 0);
	T_EQ_STR(f, "2024-01-01");
	T_EQ_STR(l, "2024-08-31");
	p.kind = MODEL_PERIOD_T1;
	T_EQ_INT(model_period_bounds_text(&p, NULL, 0, l, sizeof l), 0);
	T_EQ_STR(l, "2024-04-30");
	T_EQ_INT(model_period_bounds_text(&p, small, sizeof small, NULL, 0), -1);	/* 11 needed */
	T_EQ_STR(small, "");
}

static void test_period_bounds_invalid(void)
{
	struct model_period p = per(1899, MODEL_PERIOD_T1);
	int first = 42;
	char f[16] = "junk";

	T_EQ_INT(model_period_valid(&p), 0);
	T_EQ_INT(model_period_bounds(&p, &first, NULL), -1);
	T_EQ_INT(first, 42);
	T_EQ_INT(model_period_bounds_text(&p, f, sizeof f, NULL, 0), -1);
	T_EQ_STR(f, "");
	p = per(3000, MODEL_PERIOD_FY);
	T_EQ_INT(model_period_valid(&p), 0);
	p = per(1900, MODEL_PERIOD_FY);
	T_EQ_INT(model_period_valid(&p), 1);
	p = per(2999, MODEL_PERIOD_FY);
	T_EQ_INT(model_period_valid(&p), 1);
	p = per(2022, MODEL_PERIOD__MAX);
	T_EQ_INT(model_period_valid(&p), 0);
	T_EQ_INT(model_period_valid(NULL), 0);
}

static void test_period_parse_forms(void)
{
	check_period("2022-T1", 2022, MODEL_PERIOD_T1);
	check_period("2022T1", 2022, MODEL_PERIOD_T1);
	check_period("2022 t1", 2022, MODEL_PERIOD_T1);
	check_period("T1 2022", 2022, MODEL_PERIOD_T1);
	check_period("t2 2022", 2022, MODEL_PERIOD_T2);
	check_period("T2-2023", 2023, MODEL_PERIOD_T2);
	check_period("VB 2022", 2022, MODEL_PERIOD_FY);
	check_period("vb2022", 2022, MODEL_PERIOD_FY);
	check_period("T12022", 2022, MODEL_PERIOD_T1);
	check_period("2022-VB", 2022, MODEL_PERIOD_FY);
	check_period("2022-FY", 2022, MODEL_PERIOD_FY);
	check_period("2022", 2022, MODEL_PERIOD_FY);
	check_period("  2022-T2\n", 2022, MODEL_PERIOD_T2);
	check_period(NBSP "T1" NBSP "2022" NBSP, 2022, MODEL_PERIOD_T1);
	check_period("1900-T1", 1900, MODEL_PERIOD_T1);
	check_period("2999", 2999, MODEL_PERIOD_FY);
}

static void test_period_parse_labels(void)
{
	check_period("Tertialrapport 1 2022", 2022, MODEL_PERIOD_T1);
	check_period("tertialrapport 2 2021", 2021, MODEL_PERIOD_T2);
	check_period("Verksamhetsberättelse 2022", 2022, MODEL_PERIOD_FY);
	check_period("VERKSAMHETSBERÄTTELSE 2020", 2020, MODEL_PERIOD_FY);
}

static void test_period_parse_errors(void)
{
	check_period_err("T3 2022", "period 'T3 2022': unknown period kind 'T3'", "(expected T1, T2 or VB)");
	check_period_err("2022-Q1", "'2022-Q1'", "unknown period kind 'Q1'");
	check_period_err("Q42022", "'Q42022'", "unknown period kind 'Q4'");
	check_period_err("T12 2022", "'T12 2022'", "expected a year");
	check_period_err("Hösten 2022", "'Hösten 2022'", "unknown period kind 'Hösten'");
	check_period_err("1899-T1", "'1899-T1'", "1899 out of range (1900..2999)");
	check_period_err("3000", "'3000'", "out of range");
	check_period_err("22-T1", "'22-T1'", "not a 4-digit year");
	check_period_err("T1", "'T1'", "missing year");
	check_period_err("2022-T1-", "'2022-T1-'", "expected a year");
	check_period_err("2022 2023", "'2022 2023'", "expected a year");
	check_period_err("T1 T2", "'T1 T2'", "expected a year");
	check_period_err("2022-T1 extra", "'2022-T1 extra'", "expected a year");
	check_period_err("Tertialrapport 1", "'Tertialrapport 1'", "expected a year after the label");
	check_period_err("Tertialrapport 3 2022", "'Tertialrapport 3 2022'", "expected a year");
	check_period_err("", "period ''", "empty");
	check_period_err(NULL, "period ''", "empty");
	check_period_err("  \t ", "period ''", "empty");
}

static void test_period_parse_null_out_and_err(void)
{
	struct model_period p;
	char err[8];

	T_EQ_INT(model_period_parse("2022-T1", NULL, NULL, 0), -1);
	T_EQ_INT(model_period_parse("T9 2022", &p, NULL, 0), -1);	/* NULL err is fine */
	T_EQ_INT(model_period_parse("T9 2022", &p, err, sizeof err), -1);	/* short err is cut */
	T_EQ_INT((long long)strlen(err), 7);
}

static void test_period_format_and_label(void)
{
	struct model_period p = per(2022, MODEL_PERIOD_T1);
	char buf[MODEL_PERIOD_TEXT_MAX], tiny[7] = "junk";

	T_EQ_INT(model_period_format(&p, buf, sizeof buf), 0);
	T_EQ_STR(buf, "2022-T1");
	T_EQ_INT(model_period_label_sv(&p, buf, sizeof buf), 0);
	T_EQ_STR(buf, "Tertialrapport 1 2022");
	p.kind = MODEL_PERIOD_T2;
	T_EQ_INT(model_period_format(&p, buf, sizeof buf), 0);
	T_EQ_STR(buf, "2022-T2");
	T_EQ_INT(model_period_label_sv(&p, buf, sizeof buf), 0);
	T_EQ_STR(buf, "Tertialrapport 2 2022");
	p.kind = MODEL_PERIOD_FY;
	T_EQ_INT(model_period_format(&p, buf, sizeof buf), 0);
	T_EQ_STR(buf, "2022-FY");
	T_EQ_INT(model_period_label_sv(&p, buf, sizeof buf), 0);
	T_EQ_STR(buf, "Verksamhetsberättelse 2022");
	T_EQ_INT(model_period_format(&p, tiny, sizeof tiny), -1);	/* needs 8 bytes */
	T_EQ_STR(tiny, "");
	p.year = 10000;
	T_EQ_INT(model_period_format(&p, buf, sizeof buf), -1);
	T_EQ_STR(buf, "");
}

static void test_period_round_trip(void)
{
	struct model_period p, q;
	char buf[MODEL_PERIOD_TEXT_MAX];
	int k;

	for (k = 0; k < MODEL_PERIOD__MAX; k++) {
		p = per(2017, (enum model_period_kind)k);
		T_EQ_INT(model_period_format(&p, buf, sizeof buf), 0);
		T_EQ_INT(model_period_parse(buf, &q, NULL, 0), 0);
		T_EQ_INT(model_period_cmp(&p, &q), 0);
		T_EQ_INT(model_period_label_sv(&p, buf, sizeof buf), 0);
		T_EQ_INT(model_period_parse(buf, &q, NULL, 0), 0);
		T_EQ_INT(model_period_cmp(&p, &q), 0);
	}
	T_EQ_STR(model_period_kind_name(MODEL_PERIOD_FY), "FY");
	T_CHECK(model_period_kind_name(MODEL_PERIOD__MAX) == NULL);
}

static void test_period_of_date(void)
{
	struct model_period p;

	T_EQ_INT(model_period_of_date(20220101, &p), 0);
	T_EQ_INT(p.year, 2022);
	T_EQ_INT(p.kind, MODEL_PERIOD_T1);
	T_EQ_INT(model_period_of_date(20220430, &p), 0);
	T_EQ_INT(p.kind, MODEL_PERIOD_T1);
	T_EQ_INT(model_period_of_date(20220501, &p), 0);
	T_EQ_INT(p.kind, MODEL_PERIOD_T2);
	T_EQ_INT(model_period_of_date(20220831, &p), 0);
	T_EQ_INT(p.kind, MODEL_PERIOD_T2);
	T_EQ_INT(model_period_of_date(20220901, &p), 0);
	T_EQ_INT(p.kind, MODEL_PERIOD_FY);
	T_EQ_INT(model_period_of_date(20221231, &p), 0);
	T_EQ_INT(p.kind, MODEL_PERIOD_FY);
	T_EQ_INT(model_period_of_date(20230229, &p), -1);
	T_EQ_INT(model_period_of_date(0, &p), -1);
	T_EQ_INT(model_period_of_date(20220101, NULL), -1);
}

static void test_period_contains_and_cmp(void)
{
	struct model_period t1 = per(2022, MODEL_PERIOD_T1), t2 = per(2022, MODEL_PERIOD_T2);
	struct model_period fy = per(2022, MODEL_PERIOD_FY), next = per(2023, MODEL_PERIOD_T1);

	T_EQ_INT(model_period_contains(&t1, 20220430), 1);
	T_EQ_INT(model_period_contains(&t1, 20220501), 0);
	T_EQ_INT(model_period_contains(&t2, 20220301), 1);	/* cumulative */
	T_EQ_INT(model_period_contains(&t2, 20220901), 0);
	T_EQ_INT(model_period_contains(&fy, 20221231), 1);
	T_EQ_INT(model_period_contains(&fy, 20230101), 0);
	T_EQ_INT(model_period_contains(&fy, 20220230), 0);	/* invalid date */
	T_EQ_INT(model_period_contains(NULL, 20220101), 0);
	T_CHECK(model_period_cmp(&t1, &t2) < 0);
	T_CHECK(model_period_cmp(&fy, &t2) > 0);
	T_CHECK(model_period_cmp(&fy, &next) < 0);
}

/* ---- dates ------------------------------------------------------------------------------ */

static void test_date_calendar(void)
{
	T_EQ_INT(model_date_is_leap(2024), 1);
	T_EQ_INT(model_date_is_leap(2023), 0);
	T_EQ_INT(model_date_is_leap(1900), 0);
	T_EQ_INT(model_date_is_leap(2000), 1);
	T_EQ_INT(model_date_days_in_month(2024, 2), 29);
	T_EQ_INT(model_date_days_in_month(2023, 2), 28);
	T_EQ_INT(model_date_days_in_month(2023, 4), 30);
	T_EQ_INT(model_date_days_in_month(2023, 13), 0);
	T_EQ_INT(model_date_valid(20240229), 1);
	T_EQ_INT(model_date_valid(20230229), 0);
	T_EQ_INT(model_date_valid(21000229), 0);
	T_EQ_INT(model_date_valid(20220431), 0);
	T_EQ_INT(model_date_valid(20221300), 0);
	T_EQ_INT(model_date_valid(18991231), 0);
	T_EQ_INT(model_date_valid(19000101), 1);
	T_EQ_INT(model_date_valid(0), 0);
}

static void test_date_format_and_parse(void)
{
	char buf[11], small[10] = "junk";
	int ymd = 0;

	T_EQ_INT(model_date_format(20240229, buf, sizeof buf), 0);
	T_EQ_STR(buf, "2024-02-29");
	T_EQ_INT(model_date_format(20230229, buf, sizeof buf), -1);
	T_EQ_STR(buf, "");
	T_EQ_INT(model_date_format(20240229, small, sizeof small), -1);
	T_EQ_STR(small, "");
	T_EQ_INT(model_date_parse(" 2022-05-01 ", &ymd, NULL, 0), 0);
	T_EQ_INT(ymd, 20220501);
	ymd = 5;
	T_EQ_INT(model_date_parse("2022-05", &ymd, buf, sizeof buf), -1);
	T_EQ_INT(ymd, 5);
}

static void test_date_parse_day_precision_errors(void)
{
	char err[200] = "";
	int ymd;

	T_EQ_INT(model_date_parse("ht 2017", &ymd, err, sizeof err), -1);
	T_CONTAINS(err, "'ht 2017'");
	T_CONTAINS(err, "expected a day");
}

static void test_datex_day_month_year(void)
{
	check_datex("2022-01-01", 20220101, 20220101, MODEL_PREC_DAY);
	check_datex("2024-02-29", 20240229, 20240229, MODEL_PREC_DAY);
	check_datex("2017-09", 20170901, 20170930, MODEL_PREC_MONTH);
	check_datex("2024-02", 20240201, 20240229, MODEL_PREC_MONTH);
	check_datex("2023-02", 20230201, 20230228, MODEL_PREC_MONTH);
	check_datex("2017", 20170101, 20171231, MODEL_PREC_YEAR);
	check_datex(" 2017\t", 20170101, 20171231, MODEL_PREC_YEAR);
}

static void test_datex_seasons(void)
{
	check_datex("ht 2017", 20170801, 20171231, MODEL_PREC_AUTUMN);
	check_datex("Ht 2017", 20170801, 20171231, MODEL_PREC_AUTUMN);
	check_datex("HT2017", 20170801, 20171231, MODEL_PREC_AUTUMN);
	check_datex("ht-2017", 20170801, 20171231, MODEL_PREC_AUTUMN);
	check_datex("hösten 2017", 20170801, 20171231, MODEL_PREC_AUTUMN);
	check_datex("Hösten 2016", 20160801, 20161231, MODEL_PREC_AUTUMN);
	check_datex("höst 2017", 20170801, 20171231, MODEL_PREC_AUTUMN);
	check_datex("vt 2017", 20170101, 20170630, MODEL_PREC_SPRING);
	check_datex("VT 2018", 20180101, 20180630, MODEL_PREC_SPRING);
	check_datex("våren 2016", 20160101, 20160630, MODEL_PREC_SPRING);
	check_datex("Våren" NBSP "2016", 20160101, 20160630, MODEL_PREC_SPRING);
	check_datex("vår 2016", 20160101, 20160630, MODEL_PREC_SPRING);
	check_datex("mars 2019", 20190301, 20190331, MODEL_PREC_MONTH);
	check_datex("Februari 2024", 20240201, 20240229, MODEL_PREC_MONTH);
	check_datex("december-2018", 20181201, 20181231, MODEL_PREC_MONTH);
}

static void test_datex_open(void)
{
	check_datex("", 0, 0, MODEL_PREC_OPEN);
	check_datex(NULL, 0, 0, MODEL_PREC_OPEN);
	check_datex(" \n ", 0, 0, MODEL_PREC_OPEN);
}

static void test_datex_errors(void)
{
	check_datex_err("2023-02-29", "date '2023-02-29'", "day 29 out of range (2023-02 has 28 days)");
	check_datex_err("2022-04-31", "'2022-04-31'", "day 31");
	check_datex_err("2022-01-00", "'2022-01-00'", "day 00");
	check_datex_err("2017-13", "'2017-13'", "month 13 out of range");
	check_datex_err("2017-00-10", "'2017-00-10'", "month 00");
	check_datex_err("1899-12-31", "'1899-12-31'", "year 1899 out of range");
	check_datex_err("ht 17", "'ht 17'", "4-digit year after 'ht'");
	check_datex_err("hösten", "'hösten'", "4-digit year");
	check_datex_err("mars 19", "'mars 19'", "4-digit year after 'mars'");
	check_datex_err("marsch 2019", "'marsch 2019'", "expected");
	check_datex_err("2017-9", "'2017-9'", "expected YYYY-MM-DD");
	check_datex_err("2022-01-01x", "'2022-01-01x'", "expected");
	check_datex_err("01/02/2022", "'01/02/2022'", "expected");
	check_datex_err("sommaren 2017", "'sommaren 2017'", "expected");
	check_datex_err("ht 2017 och vt 2018", "'ht 2017 och vt 2018'", "4-digit year");
}

static void test_datex_error_quote_is_clipped(void)
{
	char text[300], err[300];
	struct model_datex d;

	memset(text, 'x', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	text[3] = '\n';	/* a control byte becomes a space in the quote */
	T_EQ_INT(model_datex_parse(text, &d, err, sizeof err), -1);
	T_CONTAINS(err, "date 'xxx xxxx");
	T_CONTAINS(err, "...'");
	T_CHECK(strlen(err) < 160);
	T_CHECK(strchr(err, '\n') == NULL);
	T_EQ_INT(model_datex_parse("2022", NULL, err, sizeof err), -1);
	T_EQ_INT(model_datex_parse("20\x01" "22", &d, err, sizeof err), -1);	/* control byte */
	T_CONTAINS(err, "date '20?22'");
}

/* model_time_sv: UTC times in Stockholm's local time (winter +1, summer +2), dates as they are */
static void test_time_sv(void)
{
	char buf[MODEL_TIME_TEXT_MAX];

	setenv("TZ", "Europe/Stockholm", 1);
	tzset();
	T_EQ_INT(model_time_sv("2026-12-06T00:33:00Z", buf, sizeof buf), 0);
	T_EQ_STR(buf, "6 december 2026 kl. 01.33");
	T_EQ_INT(model_time_sv("2026-07-01T22:05Z", buf, sizeof buf), 0);
	T_EQ_STR(buf, "2 juli 2026 kl. 00.05");
	T_EQ_INT(model_time_sv("2026-03-29 00:59:59", buf, sizeof buf), 0);
	T_EQ_STR(buf, "29 mars 2026 kl. 01.59");
	T_EQ_INT(model_time_sv("2026-03-29T01:00:00Z", buf, sizeof buf), 0);
	T_EQ_STR(buf, "29 mars 2026 kl. 03.00");
	T_EQ_INT(model_time_sv("2023-05-04", buf, sizeof buf), 0);
	T_EQ_STR(buf, "4 maj 2023");
	T_EQ_INT(model_time_sv("ht 2017", buf, sizeof buf), -1);
	T_EQ_STR(buf, "ht 2017");
	T_EQ_INT(model_time_sv("2023-02-30T10:00:00Z", buf, sizeof buf), -1);
	T_EQ_STR(buf, "2023-02-30T10:00:00Z");
	T_EQ_INT(model_time_sv(NULL, buf, sizeof buf), -1);
	T_EQ_STR(buf, "");
}

/* model_time_sv reads a "YYYY-MM-DD" day without the parser: it takes exactly the days
 * model_date_parse takes (years past the range, months 00 and 13, days 00 and past the month's
 * end, leap days), and the others as they are */
static void test_time_sv_days_as_parser(void)
{
	static const int years[] = { 999, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2999, 3000, 9999 };
	char day[40], buf[MODEL_TIME_TEXT_MAX];	/* room for any int, for -Wformat-truncation */
	int ymd, bad = 0, n = 0;

	for (size_t y = 0; y < sizeof(years) / sizeof(years[0]); y++)
		for (int m = 0; m <= 13; m++)
			for (int d = 0; d <= 32; d++) {
				snprintf(day, sizeof day, "%04d-%02d-%02d", years[y], m, d);
				int want = model_date_parse(day, &ymd, NULL, 0);
				n += want == 0;
				bad += (model_time_sv(day, buf, sizeof buf) == 0) != (want == 0);
			}
	T_EQ_INT(bad, 0);
	T_CHECK(n > 1000);	/* the valid days were among them */
	T_EQ_INT(model_time_sv("2024-02-29", buf, sizeof buf), 0);
	T_EQ_STR(buf, "29 februari 2024");
	T_EQ_INT(model_time_sv("2023-02-29", buf, sizeof buf), -1);
	T_EQ_INT(model_time_sv("2023-0a-01", buf, sizeof buf), -1);
	T_EQ_INT(model_time_sv(" 2023-01-0", buf, sizeof buf), -1);
}

static void test_datex_format_round_trip(void)
{
	static const char *const texts[] = {
		"2022-01-01", "2017-09", "2017", "vt 2017", "ht 2017", ""
	};
	struct model_datex d, e;
	char buf[MODEL_DATE_TEXT_MAX];
	size_t i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		T_EQ_INT(model_datex_parse(texts[i], &d, NULL, 0), 0);
		T_EQ_INT(model_datex_format(&d, buf, sizeof buf), 0);
		T_EQ_STR(buf, texts[i]);
		T_EQ_INT(model_datex_parse(buf, &e, NULL, 0), 0);
		T_EQ_INT(e.first, d.first);
		T_EQ_INT(e.last, d.last);
	}
	T_EQ_INT(model_datex_parse("Hösten 2016", &d, NULL, 0), 0);
	T_EQ_INT(model_datex_format(&d, buf, sizeof buf), 0);
	T_EQ_STR(buf, "ht 2016");
	d.prec = MODEL_PREC__MAX;
	T_EQ_INT(model_datex_format(&d, buf, sizeof buf), -1);
	T_EQ_STR(model_prec_name(MODEL_PREC_AUTUMN), "autumn");
	T_CHECK(model_prec_name(MODEL_PREC__MAX) == NULL);
}

/* ---- targets ---------------------------------------------------------------------------- */

static void test_target_numbers_plain(void)
{
	check_number("4,6 %", 4.6, "%");
	check_number("4,6%", 4.6, "%");
	check_number("3,6", 3.6, "");
	check_number("70", 70, "");
	check_number("3,24 %", 3.24, "%");
	check_number("35 st", 35, "st");
	check_number("0,05", 0.05, "");
	check_number("100 %", 100, "%");
	check_number("4.6 %", 4.6, "%");	/* decimal point from exports */
}

/* The value of a number target is the double strtod reads from its digits, bit for bit, for
 * short numbers (one division by an exact power of ten) and long ones (strtod) alike: a sweep
 * of pseudo-random integer and decimal parts, 1 to 17 digits, with ',' as separator. */
static void test_target_numbers_exact(void)
{
	uint64_t x = 88172645463325252u;
	int bad = 0;

	for (int i = 0; i < 20000; i++) {
		char text[64], ref[64], ip[24], fp[24];
		struct model_target t;
		int ni, nf;
		double want;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		ni = 1 + (int)(x % 9);
		nf = (int)((x >> 8) % 9);	/* at most 17 digits in all (MAX_SIG_DIGITS) */
		snprintf(ip, sizeof ip, "%llu", (unsigned long long)((x >> 16) % 1000000000u));
		snprintf(fp, sizeof fp, "%012llu", (unsigned long long)((x >> 20) % 1000000000000u));
		ip[ni < (int)strlen(ip) ? ni : (int)strlen(ip)] = '\0';
		fp[nf] = '\0';
		snprintf(text, sizeof text, nf ? "%s,%s %%" : "%s%s %%", ip, fp);
		snprintf(ref, sizeof ref, nf ? "%s.%s" : "%s%s", ip, fp);
		want = strtod(ref, NULL);
		if (model_target_parse(text, &t, NULL, 0) != 0 || t.kind != MODEL_TARGET_NUMBER ||
		    memcmp(&t.value, &want, sizeof want) != 0) {
			if (!bad++)
				fprintf(stderr, "target '%s': %.17g, strtod %.17g\n", text, t.value, want);
		}
	}
	T_EQ_INT(bad, 0);
}

static void test_target_numbers_thousands(void)
{
	check_number("1 000 st", 1000, "st");
	check_number("1" NBSP "000 st", 1000, "st");
	check_number("1" NNBSP "000" NNBSP "st", 1000, "st");
	check_number("12" THIN "345" THIN "678,5 kr", 12345678.5, "kr");
	check_number("35 000", 35000, "");
}

static void test_target_numbers_signed(void)
{
	check_number("-2,5 %", -2.5, "%");
	check_number(MINUS "2,5 %", -2.5, "%");
	check_number("+1,5", 1.5, "");
	check_number("-0", 0, "");
}

static void test_target_numbers_wrapped(void)
{
	check_number("  4,6\n%  ", 4.6, "%");
	check_number("\t1 000\nst\n", 1000, "st");
	check_number("7 kr/invånare", 7, "kr/invånare");
	/* the nearest double, as strtod reads the same digits (lup export writes the shortest
	 * text that reads back as the stored double: up to 17 significant digits) */
	check_number("0,123456789", 0.123456789, "");
	check_number("0,12345678900000004", 0.12345678900000004, "");
	check_number("0,30000000000000004", 0.30000000000000004, "");
	check_number("1 234,25", 1234.25, "");
}

static void test_target_not_numbers(void)
{
	T_EQ_INT(kind_of("70 80"), MODEL_TARGET_TEXT);	/* not a thousands group */
	T_EQ_INT(kind_of("1 0000"), MODEL_TARGET_TEXT);
	T_EQ_INT(kind_of("1000 000"), MODEL_TARGET_TEXT);	/* groups only after 1-3 digits */
	T_EQ_INT(kind_of("93 % öka"), MODEL_TARGET_TEXT);	/* two cells run together */
	T_EQ_INT(kind_of("minst 80 %"), MODEL_TARGET_TEXT);
	T_EQ_INT(kind_of("2022-01-01"), MODEL_TARGET_TEXT);
	T_EQ_INT(kind_of("70."), MODEL_TARGET_TEXT);
	T_EQ_INT(kind_of("4,6 %%%%%%%%%%%%%%%%"), MODEL_TARGET_TEXT);	/* unit too long */
	T_EQ_INT(kind_of("123456789012345678"), MODEL_TARGET_TEXT);	/* 18 significant digits */
	T_EQ_INT(kind_of("- 2"), MODEL_TARGET_TEXT);
	T_EQ_INT(kind_of("-"), MODEL_TARGET_TEXT);
	T_EQ_INT(kind_of(","), MODEL_TARGET_TEXT);
}

static void test_target_by_committee(void)
{
	T_EQ_INT(kind_of("Tas fram av nämnd"), MODEL_TARGET_BY_COMMITTEE);
	T_EQ_INT(kind_of("Tas fram av nämnd/styrelse"), MODEL_TARGET_BY_COMMITTEE);
	T_EQ_INT(kind_of("TAS FRAM AV NÄMND"), MODEL_TARGET_BY_COMMITTEE);
	T_EQ_INT(kind_of("tas fram av nämnd"), MODEL_TARGET_BY_COMMITTEE);
	T_EQ_INT(kind_of("Tas fram av \nnämnd/styrel\nse"), MODEL_TARGET_BY_COMMITTEE);	/* 003 */
	T_EQ_INT(kind_of("Tas fram av" NBSP "nämnd"), MODEL_TARGET_BY_COMMITTEE);
	T_EQ_INT(kind_of("Tas fram av styrelsen"), MODEL_TARGET_BY_COMMITTEE);
	T_EQ_INT(kind_of("Tas fram av n\xC3mnd"), MODEL_TARGET_BY_COMMITTEE);	/* OCR-broken ä */
	T_EQ_INT(kind_of("Tas fram"), MODEL_TARGET_TEXT);
}

static void test_target_direction(void)
{
	struct model_target t;

	T_EQ_INT(model_target_parse("öka", &t, NULL, 0), 0);
	T_EQ_INT(t.kind, MODEL_TARGET_DIRECTION);
	T_EQ_INT(t.dir, 1);
	T_EQ_INT(model_target_parse("Öka", &t, NULL, 0), 0);
	T_EQ_INT(t.dir, 1);
	T_EQ_INT(model_target_parse(" ÖKNING. ", &t, NULL, 0), 0);
	T_EQ_INT(t.dir, 1);
	T_EQ_INT(model_target_parse("minska", &t, NULL, 0), 0);
	T_EQ_INT(t.kind, MODEL_TARGET_DIRECTION);
	T_EQ_INT(t.dir, -1);
	T_EQ_INT(model_target_parse("Minskning", &t, NULL, 0), 0);
	T_EQ_INT(t.dir, -1);
	T_EQ_INT(kind_of("ska öka"), MODEL_TARGET_TEXT);
	T_EQ_INT(kind_of("ökar kraftigt"), MODEL_TARGET_TEXT);
}

static void test_target_text_and_empty(void)
{
	struct model_target t;
	char long_text[400];

	T_EQ_INT(model_target_parse("Minst  samma\nsom 2021", &t, NULL, 0), 0);
	T_EQ_INT(t.kind, MODEL_TARGET_TEXT);
	T_EQ_STR(t.text, "Minst samma som 2021");
	T_EQ_INT(model_target_parse("", &t, NULL, 0), 0);
	T_EQ_INT(t.kind, MODEL_TARGET_EMPTY);
	T_EQ_STR(t.text, "");
	T_EQ_INT(model_target_parse(NULL, &t, NULL, 0), 0);
	T_EQ_INT(t.kind, MODEL_TARGET_EMPTY);
	T_EQ_INT(model_target_parse(" " NBSP "\n", &t, NULL, 0), 0);
	T_EQ_INT(t.kind, MODEL_TARGET_EMPTY);
	T_EQ_INT(model_target_parse("1", NULL, NULL, 0), -1);
	/* a long text is cut at a character boundary: 'ö' is 2 bytes, 127 is odd */
	memset(long_text, 0, sizeof long_text);
	for (size_t i = 0; i + 2 < sizeof long_text; i += 2)
		memcpy(long_text + i, "ö", 2);
	T_EQ_INT(model_target_parse(long_text, &t, NULL, 0), 0);
	T_EQ_INT(t.kind, MODEL_TARGET_TEXT);
	T_EQ_INT((long long)strlen(t.text), 126);
}

static void test_target_format(void)
{
	struct model_target t;
	char buf[64], tiny[4] = "junk";

	model_target_parse("1000 st", &t, NULL, 0);
	T_EQ_INT(model_target_format(&t, buf, sizeof buf), 0);
	T_EQ_STR(buf, "1 000 st");
	model_target_parse("4.60%", &t, NULL, 0);
	T_EQ_INT(model_target_format(&t, buf, sizeof buf), 0);
	T_EQ_STR(buf, "4,6 %");
	model_target_parse("-2,5", &t, NULL, 0);
	T_EQ_INT(model_target_format(&t, buf, sizeof buf), 0);
	T_EQ_STR(buf, "-2,5");
	model_target_parse("Öka", &t, NULL, 0);
	T_EQ_INT(model_target_format(&t, buf, sizeof buf), 0);
	T_EQ_STR(buf, "öka");
	model_target_parse("tas fram av nämnd/styrelse", &t, NULL, 0);
	T_EQ_INT(model_target_format(&t, buf, sizeof buf), 0);
	T_EQ_STR(buf, "Tas fram av nämnd");
	T_EQ_INT(model_target_format(&t, tiny, 3), -1);
	T_EQ_STR(tiny, "");
	t.kind = MODEL_TARGET__MAX;
	T_EQ_INT(model_target_format(&t, buf, sizeof buf), -1);
}

static void test_meets_higher(void)
{
	struct model_target t = num_target(80);

	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 84, &t, 0, 0), MODEL_MEETS_YES);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 80, &t, 0, 0), MODEL_MEETS_YES);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 79.9, &t, 0, 0), MODEL_MEETS_NO);
	t.value = 0.3;	/* 0.1 + 0.2 is 0.30000000000000004 */
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 0.1 + 0.2, &t, 0, 0), MODEL_MEETS_YES);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_LOWER, 1, 0.1 + 0.2, &t, 0, 0), MODEL_MEETS_YES);
}

static void test_meets_lower(void)
{
	struct model_target t;

	model_target_parse("1,5 %", &t, NULL, 0);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_LOWER, 1, 3.24, &t, 0, 0), MODEL_MEETS_NO);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_LOWER, 1, 1.5, &t, 0, 0), MODEL_MEETS_YES);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_LOWER, 1, 1.2, &t, 0, 0), MODEL_MEETS_YES);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_LOWER, 1, -5, &t, 0, 0), MODEL_MEETS_YES);
}

static void test_meets_none(void)
{
	struct model_target t = num_target(100);

	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_NONE, 1, 100, &t, 0, 0), MODEL_MEETS_YES);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_NONE, 1, 100 + 1e-10, &t, 0, 0), MODEL_MEETS_YES);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_NONE, 1, 100.001, &t, 0, 0), MODEL_MEETS_NO);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_NONE, 1, 99, &t, 0, 0), MODEL_MEETS_NO);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR__MAX, 1, 100, &t, 0, 0), MODEL_MEETS_UNKNOWN);
}

static void test_meets_direction_targets(void)
{
	struct model_target up, down;

	model_target_parse("öka", &up, NULL, 0);
	model_target_parse("minska", &down, NULL, 0);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 97, &up, 1, 93), MODEL_MEETS_YES);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 93, &up, 1, 93), MODEL_MEETS_NO);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 90, &up, 1, 93), MODEL_MEETS_NO);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_LOWER, 1, 2.0, &down, 1, 2.4), MODEL_MEETS_YES);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_LOWER, 1, 2.4, &down, 1, 2.4), MODEL_MEETS_NO);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_LOWER, 1, 2.5, &down, 1, 2.4), MODEL_MEETS_NO);
	/* the target's word decides, also against the indicator's direction or none */
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_NONE, 1, 5, &up, 1, 4), MODEL_MEETS_YES);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_LOWER, 1, 5, &up, 1, 4), MODEL_MEETS_YES);
	/* no previous value */
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 97, &up, 0, 93), MODEL_MEETS_UNKNOWN);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 97, &up, 1, NAN), MODEL_MEETS_UNKNOWN);
}

static void test_meets_unknown_cases(void)
{
	struct model_target t = num_target(80), c, x, e;

	model_target_parse("Tas fram av nämnd", &c, NULL, 0);
	model_target_parse("se bilaga", &x, NULL, 0);
	model_target_parse("", &e, NULL, 0);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 0, 90, &t, 0, 0), MODEL_MEETS_UNKNOWN);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, NAN, &t, 0, 0), MODEL_MEETS_UNKNOWN);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, INFINITY, &t, 0, 0), MODEL_MEETS_UNKNOWN);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 90, NULL, 0, 0), MODEL_MEETS_UNKNOWN);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 90, &c, 1, 10), MODEL_MEETS_UNKNOWN);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 90, &x, 1, 10), MODEL_MEETS_UNKNOWN);
	T_EQ_INT(model_outcome_meets_target(MODEL_DIR_HIGHER, 1, 90, &e, 1, 10), MODEL_MEETS_UNKNOWN);
}

static void test_direction_and_kind_names(void)
{
	enum model_direction d = MODEL_DIR_NONE;
	char err[200] = "";

	T_EQ_STR(model_direction_name(MODEL_DIR_HIGHER), "higher");
	T_EQ_STR(model_direction_name(MODEL_DIR_LOWER), "lower");
	T_CHECK(model_direction_name(MODEL_DIR__MAX) == NULL);
	T_EQ_INT(model_direction_parse(" Lower ", &d, NULL, 0), 0);
	T_EQ_INT(d, MODEL_DIR_LOWER);
	T_EQ_INT(model_direction_parse("upward", &d, err, sizeof err), -1);
	T_CONTAINS(err, "'upward'");
	T_EQ_INT(d, MODEL_DIR_LOWER);
	T_EQ_STR(model_meets_name(MODEL_MEETS_YES), "yes");
	T_EQ_STR(model_target_kind_name(MODEL_TARGET_BY_COMMITTEE), "by_committee");
	T_CHECK(model_target_kind_name(MODEL_TARGET__MAX) == NULL);
}

/* ---- assessment ------------------------------------------------------------------------- */

static void test_assess_no_indicators(void)
{
	char why[200] = "junk";

	T_EQ_INT(model_assess_suggest(NULL, 0, why, sizeof why), MODEL_ASSESS_NONE);
	T_EQ_STR(why, "inga indikatorer: ej bedömt");
	T_EQ_INT(model_assess_suggest(NULL, 3, NULL, 0), MODEL_ASSESS_NONE);	/* NULL means none */
}

static void test_assess_all_unknown(void)
{
	enum model_meets m[3] = { MODEL_MEETS_UNKNOWN, MODEL_MEETS_UNKNOWN, MODEL_MEETS_UNKNOWN };
	char why[200];

	T_EQ_INT(model_assess_suggest(m, 3, why, sizeof why), MODEL_ASSESS_NONE);
	T_EQ_STR(why, "3 indikatorer saknar utfall: ej bedömt");
	T_EQ_INT(model_assess_suggest(m, 1, why, sizeof why), MODEL_ASSESS_NONE);
	T_EQ_STR(why, "1 indikator saknar utfall: ej bedömt");
}

static void test_assess_fulfilled(void)
{
	enum model_meets m[3] = { MODEL_MEETS_YES, MODEL_MEETS_UNKNOWN, MODEL_MEETS_YES };
	char why[200];

	T_EQ_INT(model_assess_suggest(m, 3, why, sizeof why), MODEL_ASSESS_FULFILLED);
	T_EQ_STR(why, "2 av 2 indikatorer når sina mål (1 saknar utfall): uppfyllt");
	T_EQ_INT(model_assess_suggest(m, 1, why, sizeof why), MODEL_ASSESS_FULFILLED);
	T_EQ_STR(why, "1 av 1 indikator når sitt mål: uppfyllt");
}

static void test_assess_partly_and_half(void)
{
	enum model_meets m[5] = { MODEL_MEETS_YES, MODEL_MEETS_YES, MODEL_MEETS_NO, MODEL_MEETS_UNKNOWN,
		MODEL_MEETS_YES };
	enum model_meets half[4] = { MODEL_MEETS_YES, MODEL_MEETS_NO, MODEL_MEETS_NO, MODEL_MEETS_YES };
	char why[200];

	T_EQ_INT(model_assess_suggest(m, 5, why, sizeof why), MODEL_ASSESS_PARTLY);
	T_EQ_STR(why, "3 av 4 indikatorer når sina mål (1 saknar utfall): delvis uppfyllt");
	T_EQ_INT(model_assess_suggest(half, 4, why, sizeof why), MODEL_ASSESS_PARTLY);	/* exactly half */
	T_EQ_STR(why, "2 av 4 indikatorer når sina mål: delvis uppfyllt");
	T_EQ_INT(model_assess_suggest(half, 2, NULL, 0), MODEL_ASSESS_PARTLY);	/* 1 of 2 */
}

static void test_assess_not(void)
{
	enum model_meets m[3] = { MODEL_MEETS_YES, MODEL_MEETS_NO, MODEL_MEETS_NO };
	enum model_meets none_met[2] = { MODEL_MEETS_NO, MODEL_MEETS_UNKNOWN };
	char why[200];

	T_EQ_INT(model_assess_suggest(m, 3, why, sizeof why), MODEL_ASSESS_NOT);	/* 1 of 3 */
	T_EQ_STR(why, "1 av 3 indikatorer når sina mål: ej uppfyllt");
	T_EQ_INT(model_assess_suggest(none_met, 2, why, sizeof why), MODEL_ASSESS_NOT);
	T_EQ_STR(why, "0 av 1 indikator når sitt mål (1 saknar utfall): ej uppfyllt");
}

static void test_assess_counts_and_odd_values(void)
{
	enum model_meets m[2] = { MODEL_MEETS_YES, (enum model_meets)7 };
	char why[20];

	T_EQ_INT(model_assess_from_counts(2, 3, 0, NULL, 0), MODEL_ASSESS_NOT);
	T_EQ_INT(model_assess_from_counts(3, 3, 9, NULL, 0), MODEL_ASSESS_PARTLY);
	T_EQ_INT(model_assess_from_counts(0, 0, 0, NULL, 0), MODEL_ASSESS_NONE);
	T_EQ_INT(model_assess_suggest(m, 2, NULL, 0), MODEL_ASSESS_FULFILLED);	/* 7 is unknown */
	T_EQ_INT(model_assess_suggest(m, 2, why, sizeof why), MODEL_ASSESS_FULFILLED);
	T_EQ_INT((long long)strlen(why), 19);	/* cut, still terminated */
}

/* printf_why: the rule text as printf writes it (the sentence's form, kept here as the
 * reference explain must match byte for byte) */
static void printf_why(size_t met, size_t known, size_t unknown, const char *label, char *out, size_t n)
{
	char paren[48] = "";

	if (known == 0 && unknown == 0) {
		snprintf(out, n, "inga indikatorer: %s", label);
		return;
	}
	if (known == 0) {
		snprintf(out, n, "%zu %s saknar utfall: %s", unknown, unknown == 1 ? "indikator" : "indikatorer", label);
		return;
	}
	if (unknown > 0)
		snprintf(paren, sizeof paren, " (%zu saknar utfall)", unknown);
	snprintf(out, n, "%zu av %zu %s%s: %s", met, known,
		 known == 1 ? "indikator når sitt mål" : "indikatorer når sina mål", paren, label);
}

/* The rule text put together without printf is printf's for counts 0-12 and large ones, and a
 * buffer too small for it is cut as before (whole UTF-8 characters, terminated). */
static void test_assess_why_text(void)
{
	static const size_t big[] = { 0, 1, 2, 9, 10, 11, 99, 100, 1000, 123456789, (size_t)-1 };
	static const char *const lower[MODEL_ASSESS__MAX] = { "ej bedömt", "uppfyllt", "delvis uppfyllt",
		"ej uppfyllt" };
	char why[200], want[200], small[24];

	for (size_t met = 0; met <= 12; met++)
		for (size_t not = 0; not <= 12; not++)
			for (size_t unk = 0; unk <= 12; unk++) {
				enum model_assessment a = model_assess_from_counts(met, not, unk, why, sizeof why);
				printf_why(met, met + not, unk, lower[a], want, sizeof want);
				T_EQ_STR(why, want);
			}
	for (size_t i = 0; i < sizeof(big) / sizeof(big[0]); i++) {
		enum model_assessment a = model_assess_from_counts(big[i], 0, big[i], why, sizeof why);
		printf_why(big[i], big[i], big[i], lower[a], want, sizeof want);
		T_EQ_STR(why, want);
	}
	model_assess_from_counts(1, 1, 1, small, sizeof small);	/* cut as model_int_err cuts */
	T_EQ_STR(small, "1 av 2 indikatorer når");
	model_assess_from_counts(1, 0, 0, small, 22);
	T_EQ_STR(small, "1 av 1 indikator når");
}

static void test_assess_labels_and_parse(void)
{
	enum model_assessment a = MODEL_ASSESS_NONE;
	char err[200] = "";
	int i;

	T_EQ_STR(model_assess_label_sv(MODEL_ASSESS_FULFILLED), "Uppfyllt");
	T_EQ_STR(model_assess_label_sv(MODEL_ASSESS_PARTLY), "Delvis uppfyllt");
	T_EQ_STR(model_assess_label_sv(MODEL_ASSESS_NOT), "Ej uppfyllt");
	T_EQ_STR(model_assess_label_sv(MODEL_ASSESS_NONE), "Ej bedömt");
	T_EQ_STR(model_assess_name(MODEL_ASSESS_FULFILLED), "fulfilled");
	T_EQ_STR(model_assess_name(MODEL_ASSESS_PARTLY), "partly");
	T_EQ_STR(model_assess_name(MODEL_ASSESS_NOT), "not");
	T_EQ_STR(model_assess_name(MODEL_ASSESS_NONE), "none");
	T_CHECK(model_assess_name(MODEL_ASSESS__MAX) == NULL);
	T_CHECK(model_assess_label_sv(MODEL_ASSESS__MAX) == NULL);
	for (i = 0; i < MODEL_ASSESS__MAX; i++) {
		T_EQ_INT(model_assess_parse(model_assess_name((enum model_assessment)i), &a, NULL, 0), 0);
		T_EQ_INT(a, i);
		T_EQ_INT(model_assess_parse(model_assess_label_sv((enum model_assessment)i), &a, NULL, 0), 0);
		T_EQ_INT(a, i);
	}
	T_EQ_INT(model_assess_parse(" PARTLY ", &a, NULL, 0), 0);
	T_EQ_INT(a, MODEL_ASSESS_PARTLY);
	T_EQ_INT(model_assess_parse("halfway", &a, err, sizeof err), -1);
	T_CONTAINS(err, "assessment 'halfway'");
	T_EQ_INT(a, MODEL_ASSESS_PARTLY);
	T_EQ_INT(model_assess_parse(NULL, &a, err, sizeof err), -1);
	T_EQ_INT(model_assess_parse("none", NULL, err, sizeof err), -1);
}

/* ---- gap -------------------------------------------------------------------------------- */

static void test_gap_directions(void)
{
	T_EQ_DBL(model_gap(MODEL_DIR_HIGHER, 70, 80), 10, 1e-12);	/* district lower: worse */
	T_EQ_DBL(model_gap(MODEL_DIR_HIGHER, 85, 80), -5, 1e-12);
	T_EQ_DBL(model_gap(MODEL_DIR_LOWER, 3.24, 1.5), 1.74, 1e-12);	/* district higher: worse */
	T_EQ_DBL(model_gap(MODEL_DIR_LOWER, 1.0, 1.5), -0.5, 1e-12);
	T_CHECK(isnan(model_gap(MODEL_DIR_NONE, 1, 2)));
	T_CHECK(isnan(model_gap(MODEL_DIR_HIGHER, NAN, 2)));
	T_CHECK(isnan(model_gap(MODEL_DIR_LOWER, 1, INFINITY)));
	T_CHECK(isnan(model_gap(MODEL_DIR__MAX, 1, 2)));
}

static void test_gap_yearly_change(void)
{
	double c = 99;
	char err[200] = "";

	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR_HIGHER, 2.0, 5.2, 5, &c, err, sizeof err), 0);
	T_EQ_DBL(c, 0.64, 1e-12);
	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR_LOWER, 3.24, 1.5, 4, &c, NULL, 0), 0);
	T_EQ_DBL(c, -0.435, 1e-12);	/* a fall of 0,435 per year */
	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR_HIGHER, 90, 80, 5, &c, NULL, 0), 0);
	T_EQ_DBL(c, 0, 0);	/* already better */
	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR_LOWER, 1.5, 1.5, 5, &c, NULL, 0), 0);
	T_EQ_DBL(c, 0, 0);	/* at the average */
	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR_NONE, 12, 10, 4, &c, NULL, 0), 0);
	T_EQ_DBL(c, -0.5, 1e-12);
	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR_HIGHER, 70, 80, 1, &c, NULL, 0), 0);
	T_EQ_DBL(c, 10, 1e-12);
}

static void test_gap_yearly_change_errors(void)
{
	double c = 99;
	char err[200] = "";

	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR_HIGHER, 1, 2, 0, &c, err, sizeof err), -1);
	T_CONTAINS(err, "years must be at least 1 (got 0)");
	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR_HIGHER, 1, 2, -3, &c, err, sizeof err), -1);
	T_CONTAINS(err, "got -3");
	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR_HIGHER, NAN, 2, 5, &c, err, sizeof err), -1);
	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR__MAX, 1, 2, 5, &c, NULL, 0), -1);
	T_EQ_INT(model_yearly_change_to_close(MODEL_DIR_HIGHER, 1, 2, 5, NULL, NULL, 0), -1);
	T_EQ_DBL(c, 99, 0);	/* untouched */
}

static void test_gap_class_bands(void)
{
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_HIGHER, 100, 100), 100), MODEL_GAP_NEAR);
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_HIGHER, 95, 100), 100), MODEL_GAP_NEAR);	/* 5 %: near */
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_HIGHER, 105, 100), 100), MODEL_GAP_NEAR);
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_HIGHER, 94.9, 100), 100), MODEL_GAP_WORSE);
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_HIGHER, 105.1, 100), 100), MODEL_GAP_BETTER);
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_HIGHER, 75, 100), 100), MODEL_GAP_WORSE);	/* 25 %: worse */
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_HIGHER, 74.9, 100), 100), MODEL_GAP_MUCH_WORSE);
	/* lower is better: 3,24 against 1,5 is 116 % worse */
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_LOWER, 3.24, 1.5), 1.5), MODEL_GAP_MUCH_WORSE);
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_LOWER, 1.6, 1.5), 1.5), MODEL_GAP_WORSE);
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_LOWER, 1.2, 1.5), 1.5), MODEL_GAP_BETTER);
	/* negative city values use |city| */
	T_EQ_INT(model_gap_class(0.1, -2.5), MODEL_GAP_NEAR);
	T_EQ_INT(model_gap_class(1.0, -2.5), MODEL_GAP_MUCH_WORSE);
}

static void test_gap_class_zero_city_and_unknown(void)
{
	T_EQ_INT(model_gap_class(0, 0), MODEL_GAP_NEAR);
	T_EQ_INT(model_gap_class(0.1, 0), MODEL_GAP_MUCH_WORSE);
	T_EQ_INT(model_gap_class(-0.1, 0), MODEL_GAP_BETTER);
	T_EQ_INT(model_gap_class(NAN, 10), MODEL_GAP_UNKNOWN);
	T_EQ_INT(model_gap_class(model_gap(MODEL_DIR_NONE, 1, 2), 2), MODEL_GAP_UNKNOWN);
	T_EQ_INT(model_gap_class(1, NAN), MODEL_GAP_UNKNOWN);
	T_EQ_STR(model_gap_class_name(MODEL_GAP_MUCH_WORSE), "much_worse");
	T_EQ_STR(model_gap_class_label_sv(MODEL_GAP_NEAR), "Nära snittet");
	T_CHECK(model_gap_class_name(MODEL_GAP__MAX) == NULL);
}

static void test_gap_sentence_worse(void)
{
	struct model_gap_spec s = { "Spånga-Tensta", MODEL_DIR_HIGHER, 2.0, 5.2, "%", 5, 1 };
	char buf[256], err[200] = "";

	T_EQ_INT(model_gap_sentence(&s, buf, sizeof buf, err, sizeof err), 0);
	T_EQ_STR(buf, "Spånga-Tensta ligger 3,2 procentenheter under stadens snitt; "
		"0,6 per år behövs för att nå snittet på 5 år.");
	s = (struct model_gap_spec){ "Rinkeby-Kista", MODEL_DIR_LOWER, 3.24, 1.5, "%", 4, 2 };
	T_EQ_INT(model_gap_sentence(&s, buf, sizeof buf, err, sizeof err), 0);
	T_EQ_STR(buf, "Rinkeby-Kista ligger 1,74 procentenheter över stadens snitt; "
		"0,44 per år behövs för att nå snittet på 4 år.");
	s = (struct model_gap_spec){ NULL, MODEL_DIR_HIGHER, 1200, 2500, "st", 5, 0 };
	T_EQ_INT(model_gap_sentence(&s, buf, sizeof buf, err, sizeof err), 0);
	T_EQ_STR(buf, "Området ligger 1 300 st under stadens snitt; 260 per år behövs för att nå "
		"snittet på 5 år.");
}

static void test_gap_sentence_better_equal(void)
{
	struct model_gap_spec s = { "Farsta", MODEL_DIR_HIGHER, 7.2, 5.2, "%", 5, 1 };
	char buf[256];

	T_EQ_INT(model_gap_sentence(&s, buf, sizeof buf, NULL, 0), 0);
	T_EQ_STR(buf, "Farsta ligger 2,0 procentenheter över stadens snitt, vilket är bättre än snittet.");
	s.district = 5.23;	/* rounds to 0,0 */
	T_EQ_INT(model_gap_sentence(&s, buf, sizeof buf, NULL, 0), 0);
	T_EQ_STR(buf, "Farsta ligger på stadens snitt.");
	s.dir = MODEL_DIR_LOWER;
	s.district = 4.0;
	s.unit = NULL;
	T_EQ_INT(model_gap_sentence(&s, buf, sizeof buf, NULL, 0), 0);
	T_EQ_STR(buf, "Farsta ligger 1,2 under stadens snitt, vilket är bättre än snittet.");
}

static void test_gap_sentence_errors(void)
{
	struct model_gap_spec s = { "Skärholmen", MODEL_DIR_HIGHER, 2.0, 5.2, "%", 0, 1 };
	char buf[256] = "junk", small[20] = "junk", err[200] = "";

	T_EQ_INT(model_gap_sentence(&s, buf, sizeof buf, err, sizeof err), -1);
	T_CONTAINS(err, "years must be at least 1");
	T_EQ_STR(buf, "");
	s.years = 5;
	T_EQ_INT(model_gap_sentence(&s, small, sizeof small, err, sizeof err), -1);
	T_CONTAINS(err, "does not fit");
	T_EQ_STR(small, "");
	s.decimals = 12;
	T_EQ_INT(model_gap_sentence(&s, buf, sizeof buf, err, sizeof err), -1);
	T_CONTAINS(err, "decimals");
	T_EQ_INT(model_gap_sentence(NULL, buf, sizeof buf, NULL, 0), -1);
}

/* ---- number formatting ------------------------------------------------------------------ */

static void test_fmt_num_basic(void)
{
	check_fmt(3.2, 1, "3,2");
	check_fmt(0.64, 1, "0,6");
	check_fmt(70, 0, "70");
	check_fmt(0, 0, "0");
	check_fmt(0, 2, "0,00");
	check_fmt(4.6, 2, "4,60");
	check_fmt(2.5, 0, "2");	/* printf rounds half to even */
	check_fmt(0.125, 9, "0,125000000");
}

static void test_fmt_num_thousands(void)
{
	check_fmt(1000, 0, "1 000");
	check_fmt(999, 0, "999");
	check_fmt(1234567.891, 2, "1 234 567,89");
	check_fmt(999.96, 1, "1 000,0");
	check_fmt(100000, 0, "100 000");
	check_fmt(12345, 1, "12 345,0");
}

static void test_fmt_num_negative(void)
{
	check_fmt(-2.5, 1, "-2,5");
	check_fmt(-1234.5, 1, "-1 234,5");
	check_fmt(-0.04, 1, "0,0");	/* no "-0,0" */
	check_fmt(-0.0, 0, "0");
	check_fmt(-0.06, 1, "-0,1");
	check_fmt(-1000000, 0, "-1 000 000");
}

static void test_fmt_num_errors(void)
{
	char buf[8] = "junk";

	T_EQ_INT(model_fmt_num(NAN, 1, buf, sizeof buf), -1);
	T_EQ_STR(buf, "");
	T_EQ_INT(model_fmt_num(INFINITY, 1, buf, sizeof buf), -1);
	T_EQ_INT(model_fmt_num(1, -1, buf, sizeof buf), -1);
	T_EQ_INT(model_fmt_num(1, 10, buf, sizeof buf), -1);
	T_EQ_INT(model_fmt_num(1234567, 0, buf, sizeof buf), -1);	/* "1 234 567" needs 10 */
	T_EQ_STR(buf, "");
	T_EQ_INT(model_fmt_num(123456, 0, buf, sizeof buf), 0);	/* "123 456" fits exactly */
	T_EQ_STR(buf, "123 456");
	T_EQ_INT(model_fmt_num(1, 0, NULL, 8), -1);
	T_EQ_INT(model_fmt_num(1, 0, buf, 0), -1);
	T_EQ_INT(model_fmt_num(1.7976931348623157e308, 0, buf, sizeof buf), -1);
}

/* fmt_ref: model_fmt_num's rule from printf's "%.*f" of |v| (grouped, decimal comma, '-' unless
 * the digits are all zero), the reference its direct path must equal */
static void fmt_ref(double v, int decimals, char *out, size_t size)
{
	char raw[400], *p = out;
	size_t intlen = 0, nz = 0;

	snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
	for (const char *q = raw; *q; q++)
		nz += *q >= '1' && *q <= '9';
	while (raw[intlen] >= '0' && raw[intlen] <= '9')
		intlen++;
	if (signbit(v) && nz)
		*p++ = '-';
	for (size_t i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			*p++ = ' ';
		*p++ = raw[i];
	}
	if (raw[intlen]) {
		*p++ = ',';
		strcpy(p, raw + intlen + 1);
	} else
		*p = '\0';
	(void)size;
}

/* The direct path (the rounded integer written with its groups) against printf: ties, values near
 * halves, negatives, values that round to zero, large and small, every number of decimals. */
static void test_fmt_num_matches_printf(void)
{
	static const double fixed[] = { 0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 0.35, 1.005, 2.675, 1e15 + 0.5,
		4503599627370495.5, 4503599627370497.0, 0.49999999999999994, 999999.9999, 1234567.891, 5e-324,
		0.045, 12.345, 100.0, 0.0, 9.5, 99.95, 999.95, 1e-10, 123456789.0 };
	uint64_t seed = 88172645463325252ULL;
	char got[128], want[400];
	int bad = 0;

	for (int d = 0; d <= MODEL_FMT_MAX_DECIMALS; d++)
		for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
			for (int sg = 0; sg < 2; sg++) {
				double v = sg ? -fixed[i] : fixed[i];
				fmt_ref(v, d, want, sizeof want);
				if (model_fmt_num(v, d, got, sizeof got) != 0 || strcmp(got, want) != 0)
					bad++;
			}
	for (int k = 0; k < 200000; k++) {
		seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
		int d = (int)(seed % (MODEL_FMT_MAX_DECIMALS + 1));
		double v = (double)(int64_t)(seed >> 11) / (double)(1ULL << (seed >> 3 & 31)) / 1e3;
		if (k % 3 == 0)	/* a value of d + 1 decimals ending in 5: a tie in decimal */
			v = ((double)(int64_t)(seed >> 40) * 10 + 5) / pow(10, d + 1);
		if (seed & 1)
			v = -v;
		fmt_ref(v, d, want, sizeof want);
		if (strlen(want) >= sizeof got)
			continue;
		if (model_fmt_num(v, d, got, sizeof got) != 0 || strcmp(got, want) != 0)
			bad++;
	}
	T_EQ_INT(bad, 0);
}

/* model_fmt_num_unit against printf's rule (fmt_ref) with the sign and the unit added as
 * svg_fmt_value added them before: the short values its digit pairs write (every hundredth to 2,000, near
 * the thousand, both signs, 0-3 decimals), random ones, the values it leaves to model_fmt_num,
 * and texts that do not fit. */
static void unit_ref(double v, int d, int plus, const char *unit, char out[512])
{
	char num[400];

	fmt_ref(v, d, num, sizeof num);
	sprintf(out, "%s%s%s%s", plus && num[0] != '-' && strspn(num, "0, ") != strlen(num) ? "+" : "", num,
		*unit ? " " : "", unit);
}

static void test_fmt_num_unit(void)
{
	static const char *const units[] = { "", "%", "procentenheter", "kr per invånare" };
	uint64_t seed = 2463534242ULL;
	char got[128], want[512];
	int bad = 0, n = 0;

	for (int i = -200000; i <= 200000; i++) {
		double v = i < -199000 || i > 199000 ? (double)i / 200 + 0.004 * (i & 1) : (double)i / 100;
		int d = (i & 0x7fffffff) % 4, plus = (i / 4) & 1;
		const char *u = units[(i / 8 & 0x7fffffff) % 4];
		unit_ref(v, d, plus, u, want);
		int k = model_fmt_num_unit(v, d, plus, u, got, sizeof got);
		bad += k >= 0 && (k != (int)strlen(want) || strcmp(got, want) != 0);	/* -1: a tie, printf's */
		n += k >= 0;
	}
	for (int k = 0; k < 100000; k++) {
		seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
		int d = (int)(seed % 4), plus = (int)(seed >> 8 & 1);
		double v = (double)(int64_t)(seed >> 20) / (double)(1ULL << (seed >> 3 & 63) % 40);
		const char *u = units[seed >> 5 & 3];
		if (seed >> 9 & 1)
			v = -v;
		unit_ref(v, d, plus, u, want);
		if (strlen(want) >= sizeof got)
			continue;
		int r = model_fmt_num_unit(v, d, plus, u, got, sizeof got);
		bad += r >= 0 && (r != (int)strlen(want) || strcmp(got, want) != 0);
		n += r >= 0;
	}
	T_EQ_INT(bad, 0);
	T_CHECK(n > 450000);
	T_EQ_INT(model_fmt_num_unit(NAN, 1, 0, "%", got, sizeof got), -1);
	T_EQ_INT(model_fmt_num_unit(1e300, 1, 0, "%", got, sizeof got), -1);	/* model_fmt_num's long way */
	T_EQ_INT(model_fmt_num_unit(0.25, 1, 0, "%", got, sizeof got), -1);	/* a tie: printf decides */
	T_EQ_INT(model_fmt_num_unit(5.37, 1, 1, "%", got, 6), -1);	/* "+5,4 %" needs 7 */
	T_EQ_INT(model_fmt_num_unit(5.37, 1, 1, "%", got, 7), 6);
	T_EQ_STR(got, "+5,4 %");
	T_EQ_INT(model_fmt_num_unit(-0.04, 1, 1, NULL, got, 4), 3);
	T_EQ_STR(got, "0,0");
	T_EQ_INT(model_fmt_num_unit(1234567.891, 2, 0, "st", got, sizeof got), 15);
	T_EQ_STR(got, "1 234 567,89 st");
}

/* ---- activity statuses ------------------------------------------------------------------ */

/* The codes are exactly those the schema allows for activity.status and activity_update.status. */
static void test_status_codes_match_the_schema(void)
{
	char check[200] = "CHECK (status IN (";
	int found = 0;

	for (int i = 0; act_status_codes[i]; i++)
		snprintf(check + strlen(check), sizeof(check) - strlen(check), "%s'%s'", i ? "," : "",
			 act_status_codes[i]);
	strcat(check, "))");
	for (int m = 0; sqlite_migrations[m].sql; m++)
		for (const char *p = sqlite_migrations[m].sql; (p = strstr(p, check)) != NULL; p++)
			found++;
	T_EQ_INT(found, 2);
	T_EQ_INT(act_status_index(NULL), -1);
	T_EQ_INT(act_status_index("Planned"), -1);
	T_EQ_INT(act_status_index("cancelled"), ACT_STATUS_N - 1);
	T_CHECK(act_status_codes[ACT_STATUS_N] == NULL && act_status_labels[ACT_STATUS_N] == NULL);
}

/* The roles are exactly those the schema allows for activity.role (its CHECK spans lines). */
static void test_roles_match_the_schema(void)
{
	char check[600] = "CHECK(roleIN(";
	int found = 0;

	for (int i = 0; act_role_codes[i]; i++)
		snprintf(check + strlen(check), sizeof(check) - strlen(check), "%s'%s'", i ? "," : "",
			 act_role_codes[i]);
	strcat(check, "))");
	for (int m = 0; sqlite_migrations[m].sql; m++) {	/* each migration without blanks */
		const char *p = sqlite_migrations[m].sql;
		char *flat = malloc(strlen(p) + 1);
		size_t n = 0;
		T_CHECK(flat != NULL);
		if (!flat)
			return;
		for (; *p; p++)
			if (*p != ' ' && *p != '\n' && *p != '\t')
				flat[n++] = *p;
		flat[n] = '\0';
		found += strstr(flat, check) != NULL;
		free(flat);
	}
	T_EQ_INT(found, 1);
	T_EQ_INT(act_role_index("hub"), 1);
	T_EQ_INT(act_role_index(""), -1);
	T_EQ_STR(act_role_word("consultative"), "konsultativt stöd");
	T_EQ_STR(act_role_word("x"), "x");
	T_EQ_STR(act_role_label("joint_planning"), "Gemensam planering");
	T_EQ_STR(act_role_label(NULL), "");
	T_EQ_STR(act_role_choices[0], "");
	T_EQ_STR(act_role_choice_labels[0], "Ingen angiven");
	for (int i = 0; i < ACT_ROLE_N; i++) {
		T_EQ_STR(act_role_choices[i + 1], act_role_codes[i]);
		T_EQ_STR(act_role_choice_labels[i + 1], act_role_labels[i]);
	}
	T_CHECK(act_role_codes[ACT_ROLE_N] == NULL && act_role_choices[ACT_ROLE_N + 1] == NULL);
}

static void test_status_words(void)
{
	T_EQ_STR(act_status_label("ongoing"), "Pågår");
	T_EQ_STR(act_status_label("waiting"), "Vilande");
	T_EQ_STR(act_status_label("unknown"), "unknown");
	T_EQ_STR(act_status_label(NULL), "");
	T_EQ_STR(act_status_word("done", 0), "genomförd");
	T_EQ_STR(act_status_word("done", 1), "genomförda");
	T_EQ_STR(act_status_word("planned", 2), "planerade");
	T_EQ_STR(act_status_word("odd", 1), "odd");
	for (int i = 0; act_status_codes[i]; i++)
		T_CHECK(act_status_labels[i] && *act_status_labels[i] && *act_status_word(act_status_codes[i], 1));
}

/* model/today.h: the Stockholm date of an instant (CET/CEST by the EU rule), day arithmetic,
 * the Swedish date and the LUP_TODAY override. */
static void test_today(void)
{
	char buf[32];

	/* 2026-03-29 00:59:59 UTC is 01:59:59 CET; 2026-10-24 22:30 UTC is 00:30 CEST on the 25th */
	T_EQ_INT(model_today_at((time_t)1774745999), 20260329);
	T_EQ_INT(model_today_at((time_t)1792881000), 20261025);
	/* 2026-12-31 23:30 UTC is 00:30 on New Year's Day in Stockholm; 22:59 UTC is still the 31st */
	T_EQ_INT(model_today_at((time_t)1798759800), 20270101);
	T_EQ_INT(model_today_at((time_t)1798757940), 20261231);
	/* 2026-07-01 22:30 UTC is 00:30 CEST on July 2; 2026-01-01 22:30 UTC is 23:30 CET the same day */
	T_EQ_INT(model_today_at((time_t)1782945000), 20260702);
	T_EQ_INT(model_today_at((time_t)1767306600), 20260101);
	T_EQ_INT(model_date_days(19700101), 0);
	T_EQ_INT(model_date_days(20260930) - model_date_days(20260915), 15);
	T_EQ_INT(model_date_add_days(20260915, 15), 20260930);
	T_EQ_INT(model_date_add_days(20240228, 1), 20240229);
	T_EQ_INT(model_date_add_days(20270101, -1), 20261231);
	T_EQ_INT(model_date_sv(20260515, buf, sizeof buf), 0);
	T_EQ_STR(buf, "15 maj 2026");
	T_EQ_INT(model_date_sv(20260230, buf, sizeof buf), -1);
	setenv("LUP_TODAY", "2022-09-30", 1);
	T_EQ_INT(model_today(), 20220930);
	setenv("LUP_TODAY", "not a day", 1);
	T_CHECK(model_today() == model_today_at(time(NULL)) || model_today() == model_today_at(time(NULL) - 1));
	unsetenv("LUP_TODAY");
}

/* model/need.h: the need index of three districts and two indicators, step by step. */
static void test_need_index(void)
{
	/* indicator 0: lower is better, city 10; districts 12, 10, 8 -> gaps 2, 0, -2 (sd sqrt(8/3)) */
	/* indicator 1: higher is better, city 50, weight 3; districts 40, 50, missing -> gaps 10, 0 */
	struct need_ind ind[2] = { { .weight = 1, .dir = MODEL_DIR_LOWER, .city = 10 },
				   { .weight = 3, .dir = MODEL_DIR_HIGHER, .city = 50 } };
	struct need_cell cells[6] = { { .value = 12 }, { .value = 10 }, { .value = 8 },
				      { .value = 40 }, { .value = 50 }, { .value = NAN } };
	double index[3];
	int nused[3];
	size_t ord[3];
	double sd0 = sqrt(8.0 / 3.0);

	T_CHECK(need_compute(ind, 2, cells, 3, index, nused) == 0);
	T_CHECK(fabs(cells[0].gap - 2) < 1e-12 && fabs(cells[3].gap - 10) < 1e-12);
	T_CHECK(fabs(cells[0].z - 2 / sd0) < 1e-12 && fabs(cells[1].z) < 1e-12);
	T_CHECK(fabs(cells[3].z - 1) < 1e-12 && fabs(cells[4].z + 1) < 1e-12 && isnan(cells[5].z));
	T_CHECK(fabs(index[0] - (2 / sd0 + 3 * 1) / 4) < 1e-12);
	T_CHECK(fabs(index[1] - (0 + 3 * -1) / 4.0) < 1e-12);
	T_CHECK(fabs(index[2] - (-2 / sd0)) < 1e-12 && nused[2] == 1 && nused[0] == 2);
	need_order(index, 3, ord);
	T_CHECK(ord[0] == 0 && ord[1] == 1 && ord[2] == 2);
	/* no spread: z 0 and flagged; no value at all: no index, ordered last */
	struct need_ind flat = { .weight = 1, .dir = MODEL_DIR_HIGHER, .city = 5 };
	struct need_cell fc[3] = { { .value = 7 }, { .value = 7 }, { .value = NAN } };
	T_CHECK(need_compute(&flat, 1, fc, 3, index, nused) == 0);
	T_CHECK(flat.flat && fc[0].z == 0 && isnan(index[2]) && nused[2] == 0);
	need_order(index, 3, ord);
	T_CHECK(ord[2] == 2);
	/* no city value or no direction: the indicator takes no part */
	struct need_ind none[2] = { { .weight = 1, .dir = MODEL_DIR_LOWER, .city = NAN },
				    { .weight = 1, .dir = MODEL_DIR_NONE, .city = 1 } };
	struct need_cell nc[2] = { { .value = 1 }, { .value = 2 } };
	T_CHECK(need_compute(none, 2, nc, 1, index, NULL) == 0 && isnan(index[0]) && !none[0].used && !none[1].used);
	/* a weight that is not positive is refused */
	flat.weight = 0;
	T_CHECK(need_compute(&flat, 1, fc, 3, index, nused) == -1);
	T_CHECK(need_kind_index("places") == NEED_PLACES && need_kind_index("gold") == -1);
	T_CHECK(!strcmp(need_kind_unit(NEED_STAFF), "årsarbetare") && need_kind_unit(9) == NULL);
}

int main(void)
{
	T_RUN(test_need_index);
	T_RUN(test_period_bounds_ints);
	T_RUN(test_today);
	T_RUN(test_period_bounds_text);
	T_RUN(test_period_bounds_invalid);
	T_RUN(test_period_parse_forms);
	T_RUN(test_period_parse_labels);
	T_RUN(test_period_parse_errors);
	T_RUN(test_period_parse_null_out_and_err);
	T_RUN(test_period_format_and_label);
	T_RUN(test_period_round_trip);
	T_RUN(test_period_of_date);
	T_RUN(test_period_contains_and_cmp);

	T_RUN(test_date_calendar);
	T_RUN(test_date_format_and_parse);
	T_RUN(test_date_parse_day_precision_errors);
	T_RUN(test_datex_day_month_year);
	T_RUN(test_datex_seasons);
	T_RUN(test_datex_open);
	T_RUN(test_datex_errors);
	T_RUN(test_datex_error_quote_is_clipped);
	T_RUN(test_datex_format_round_trip);
	T_RUN(test_time_sv);
	T_RUN(test_time_sv_days_as_parser);

	T_RUN(test_target_numbers_plain);
	T_RUN(test_target_numbers_exact);
	T_RUN(test_target_numbers_thousands);
	T_RUN(test_target_numbers_signed);
	T_RUN(test_target_numbers_wrapped);
	T_RUN(test_target_not_numbers);
	T_RUN(test_target_by_committee);
	T_RUN(test_target_direction);
	T_RUN(test_target_text_and_empty);
	T_RUN(test_target_format);
	T_RUN(test_meets_higher);
	T_RUN(test_meets_lower);
	T_RUN(test_meets_none);
	T_RUN(test_meets_direction_targets);
	T_RUN(test_meets_unknown_cases);
	T_RUN(test_direction_and_kind_names);

	T_RUN(test_assess_no_indicators);
	T_RUN(test_assess_all_unknown);
	T_RUN(test_assess_fulfilled);
	T_RUN(test_assess_partly_and_half);
	T_RUN(test_assess_not);
	T_RUN(test_assess_counts_and_odd_values);
	T_RUN(test_assess_why_text);
	T_RUN(test_assess_labels_and_parse);

	T_RUN(test_gap_directions);
	T_RUN(test_gap_yearly_change);
	T_RUN(test_gap_yearly_change_errors);
	T_RUN(test_gap_class_bands);
	T_RUN(test_gap_class_zero_city_and_unknown);
	T_RUN(test_gap_sentence_worse);
	T_RUN(test_gap_sentence_better_equal);
	T_RUN(test_gap_sentence_errors);

	T_RUN(test_fmt_num_basic);
	T_RUN(test_fmt_num_thousands);
	T_RUN(test_fmt_num_negative);
	T_RUN(test_fmt_num_errors);
	T_RUN(test_fmt_num_matches_printf);
	T_RUN(test_fmt_num_unit);
	T_RUN(test_status_codes_match_the_schema);
	T_RUN(test_status_words);
	T_RUN(test_roles_match_the_schema);
	return t_done();
}
