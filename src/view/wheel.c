/* wheel.c: the annual wheel's words, dates and reminders (see wheel.h). */
#include "view/wheel.h"
#include "core/arena.h"
#include "core/err.h"
#include "model/datex.h"
#include "model/today.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

const char *wheel_kind(const char *text)
{
	if (!text)
		return NULL;
	if (strcasecmp(text, "T1") == 0)
		return "T1";
	if (strcasecmp(text, "T2") == 0)
		return "T2";
	if (strcasecmp(text, "FY") == 0 || strcasecmp(text, "VB") == 0)
		return "FY";
	return NULL;
}

const char *wheel_kind_word(const char *kind)
{
	return kind && strcmp(kind, "FY") == 0 ? "VB" : kind;
}

static const char *const levels[] = { "unit", "administration", "committee", "city" };
static const char *const levels_sv[] = { "enheten", "förvaltningen", "nämnden", "stadsledningskontoret" };

const char *wheel_level(const char *text)
{
	for (int i = 0; text && i < 3; i++)
		if (strcasecmp(text, levels[i]) == 0)
			return levels[i];
	return NULL;
}

int wheel_level_rank(const char *level)
{
	for (int i = 0; level && i < 4; i++)
		if (strcmp(level, levels[i]) == 0)
			return i;
	return -1;
}

const char *wheel_level_sv(const char *level)
{
	int i = wheel_level_rank(level);

	return i < 0 ? level : levels_sv[i];
}

void wheel_report_sv(long year, const char *kind, char *buf, size_t size)
{
	if (kind && strcmp(kind, "T1") == 0)
		snprintf(buf, size, "Tertialrapport 1 %ld", year);
	else if (kind && strcmp(kind, "T2") == 0)
		snprintf(buf, size, "Tertialrapport 2 %ld", year);
	else
		snprintf(buf, size, "Verksamhetsberättelse %ld", year);
}

void wheel_summary_sv(long year, const char *kind, const char *level, const char *org_name, char *buf,
		      size_t size)
{
	char rep[64];

	wheel_report_sv(year, kind, rep, sizeof(rep));
	if (org_name && wheel_level_rank(level) < 3)
		snprintf(buf, size, "%s: sista dag för %s (%s)", rep, wheel_level_sv(level), org_name);
	else
		snprintf(buf, size, "%s: sista dag för %s", rep, wheel_level_sv(level));
}

void wheel_date_sv(const char *date, char *buf, size_t size)
{
	if (model_time_sv(date, buf, size) != 0)
		snprintf(buf, size, "%s", date ? date : "");
}

/* days_from_civil: day number of y-m-d (proleptic Gregorian), 1970-01-01 = 0. */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

long wheel_days(const char *text, int *ok)
{
	int ymd;

	*ok = model_date_parse(text, &ymd, NULL, 0) == 0;
	if (!*ok)
		return 0;
	return days_from_civil(ymd / 10000, (unsigned)(ymd / 100 % 100), (unsigned)(ymd % 100));
}

void wheel_date_of_days(long z, char *buf, size_t size)
{
	long era, y;
	unsigned doe, yoe, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, size, "%04ld-%02u-%02u", y + (m <= 2), m, d);
}

void wheel_today(char *buf, size_t size)
{
	if (model_date_format(model_today(), buf, size) != 0 && size)
		buf[0] = '\0';
}

int wheel_remind(struct store *st, struct arena *a, const char *date, int days, struct wheel_item **items,
		 int *n, struct err *e)
{
	char until[16];
	struct rowset rs;
	long today;
	int ok;

	*items = NULL;
	*n = 0;
	today = wheel_days(date, &ok);
	if (!ok)
		return err_set(e, LUP_EINVAL, "'%s' is no date (YYYY-MM-DD)", date ? date : "");
	wheel_date_of_days(today + days, until, sizeof(until));
	struct sval v = SVS(until);
	rowset_init(&rs, a);
	if (rowset_query(&rs, st, STMT_WH_REMIND, &v, 1, e) != LUP_OK)
		return e->code;
	*items = arena_alloc(a, sizeof(**items) * (size_t)(rs.nrows + 1));
	for (int i = 0; i < rs.nrows; i++) {
		const char *status = rowset_s(&rs, i, "status");
		struct wheel_item *it = &(*items)[*n];

		if (status && (strcmp(status, "submitted") == 0 || strcmp(status, "approved") == 0))
			continue;
		it->org_id = rowset_i(&rs, i, "org_id");
		it->org = rowset_s(&rs, i, "org");
		it->org_name = rowset_s(&rs, i, "org_name");
		it->year = (long)rowset_i(&rs, i, "year");
		it->kind = rowset_s(&rs, i, "kind");
		it->level = rowset_s(&rs, i, "level");
		it->due = rowset_s(&rs, i, "due");
		it->status = status;
		it->days_left = wheel_days(it->due, &ok) - today;
		(*n)++;
	}
	return LUP_OK;
}

void wheel_deadline_json(const struct rowset *rs, int i, struct json *j)
{
	char sum[300];
	long year = (long)rowset_i(rs, i, "year");
	const char *kind = rowset_s(rs, i, "kind"), *level = rowset_s(rs, i, "level");

	wheel_summary_sv(year, kind, level, rowset_s(rs, i, "org_name"), sum, sizeof(sum));
	json_obj_open(j);
	json_key(j, "id"); json_int(j, rowset_i(rs, i, "id"));
	json_key(j, "year"); json_int(j, year);
	json_key(j, "kind"); json_str(j, kind);
	json_key(j, "report"); json_str(j, wheel_kind_word(kind));
	json_key(j, "org"); json_str(j, rowset_s(rs, i, "org"));
	json_key(j, "level"); json_str(j, level);
	json_key(j, "due"); json_str(j, rowset_s(rs, i, "due"));
	json_key(j, "summary"); json_str(j, sum);
	json_key(j, "set_at"); json_str(j, rowset_s(rs, i, "set_at"));
	json_key(j, "set_by"); json_str(j, rowset_s(rs, i, "set_by"));
	json_obj_close(j);
}

int wheel_deadlines_load(struct store *st, struct arena *a, long year, int64_t org, int all, struct rowset *rs,
			 struct err *e)
{
	struct sval args[] = { year ? SVI(year) : SVNULL, SVID(org), SVI(all ? 1 : 0) };

	rowset_init(rs, a);
	return rowset_query(rs, st, STMT_WH_LIST, args, 3, e);
}
