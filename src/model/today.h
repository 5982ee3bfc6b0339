/* today.h: the date "today" as Stockholm reads it, in one place, with the test/operations
 * override LUP_TODAY. Every rule that depends on the date (period locks, days left to a
 * deadline, "Att göra") asks model_today(); nothing else reads the clock for a calendar date. */
#ifndef LUP_MODEL_TODAY_H
#define LUP_MODEL_TODAY_H

#include <stddef.h>
#include <time.h>

/*
 * model_today: today's date as YYYYMMDD. When the environment variable LUP_TODAY holds a valid
 * day "YYYY-MM-DD" that day is returned (tests and operations: "what would lup say on that
 * day"); an empty or invalid LUP_TODAY is ignored. Otherwise the calendar date in Stockholm
 * (CET/CEST by the EU rule, whatever the process's TZ) of the current time.
 */
int model_today(void);

/* model_today_at: the Stockholm calendar date (YYYYMMDD) of the instant t (no override). */
int model_today_at(time_t t);

/* model_date_days: the day number of the valid date ymd (days since 1970-01-01), so that the
 * difference of two is the days between them. ymd must be valid (model_date_valid). */
long model_date_days(int ymd);

/* model_date_add_days: ymd plus n days (n may be negative) as YYYYMMDD. ymd must be valid. */
int model_date_add_days(int ymd, long n);

/* model_date_sv: ymd as Swedish text, "15 maj 2026", into buf (24 bytes suffice). Returns 0, or
 * -1 when ymd is not valid or buf too small (buf then holds "" when size > 0). */
int model_date_sv(int ymd, char *buf, size_t size);

#endif
