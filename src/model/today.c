/* today.c: today's date in Stockholm, with the LUP_TODAY override (see today.h). */
#include "model/today.h"
#include "model/datex.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const months[] = {
	"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
	"november", "december",
};

/* days_from_civil: days since 1970-01-01 of y-m-d (proleptic Gregorian; H. Hinnant's method). */
static long days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* civil_from_days: the inverse of days_from_civil, as YYYYMMDD. */
static int civil_from_days(long z)
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	return (int)(y * 10000 + m * 100 + d);
}

long model_date_days(int ymd)
{
	return days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100);
}

int model_date_add_days(int ymd, long n)
{
	return civil_from_days(model_date_days(ymd) + n);
}

/* last_sunday: the day number of the last Sunday of month m of year y. */
static long last_sunday(long y, long m)
{
	long last = days_from_civil(y, m, m == 3 || m == 10 ? 31 : 30);
	long wd = (last + 4) % 7;	/* 1970-01-01 was a Thursday: 0 = Sunday */

	if (wd < 0)
		wd += 7;
	return last - wd;
}

int model_today_at(time_t t)
{
	long secs = (long)t, day = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
	int ymd = civil_from_days(day);
	long y = ymd / 10000;
	/* CEST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October */
	long start = last_sunday(y, 3) * 86400 + 3600, end = last_sunday(y, 10) * 86400 + 3600;
	long off = secs >= start && secs < end ? 7200 : 3600;

	secs += off;
	return civil_from_days(secs >= 0 ? secs / 86400 : (secs - 86399) / 86400);
}

int model_today(void)
{
	const char *o = getenv("LUP_TODAY");
	int ymd;

	if (o && *o && model_date_parse(o, &ymd, NULL, 0) == 0)
		return ymd;
	return model_today_at(time(NULL));
}

int model_date_sv(int ymd, char *buf, size_t size)
{
	int n;

	if (!buf || !size)
		return -1;
	buf[0] = '\0';
	if (!model_date_valid(ymd))
		return -1;
	n = snprintf(buf, size, "%d %s %d", ymd % 100, months[ymd / 100 % 100 - 1], ymd / 10000);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}
