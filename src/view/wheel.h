/* wheel.h: the annual wheel's shared rules and words, without HTTP: the report kinds and levels
 * of deadlines as people write and read them, calendar arithmetic on "YYYY-MM-DD" dates, today's
 * date in Stockholm, and what is due (the reminders of `lup remind`). Used by edit/deadline.c, the
 * API (api-deadlines.c), the Årshjul page (page-wheel.c), the iCalendar feed (doc/ics.c) and the
 * commands (cmd-deadline.c, cmd-remind.c). */
#ifndef LUP_VIEW_WHEEL_H
#define LUP_VIEW_WHEEL_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct err;
struct rowset;
struct store;

/* wheel_kind: the stored kind ("T1", "T2", "FY") of a report as written: T1, T2, FY or VB
 * (the verksamhetsberättelse), any case. NULL for anything else. */
const char *wheel_kind(const char *text);

/* wheel_kind_word: "VB" for "FY", else the kind itself (how the CLI and people write it). */
const char *wheel_kind_word(const char *kind);

/* wheel_level: the stored level of an internal deadline as written (unit, administration,
 * committee, any case); NULL for anything else (also "city": that level is the city's own). */
const char *wheel_level(const char *text);

/* wheel_level_rank: unit 0, administration 1, committee 2, city 3; -1 for anything else. */
int wheel_level_rank(const char *level);

/* wheel_level_sv: who the deadline is for, in Swedish: "stadsledningskontoret", "nämnden",
 * "förvaltningen", "enheten" (the level itself when unknown). */
const char *wheel_level_sv(const char *level);

/* wheel_report_sv: "Tertialrapport 1 2026", "Tertialrapport 2 2026", "Verksamhetsberättelse
 * 2026" into buf. */
void wheel_report_sv(long year, const char *kind, char *buf, size_t size);

/* wheel_summary_sv: the one-line Swedish name of a deadline: "Tertialrapport 2 2026: sista dag
 * för stadsledningskontoret"; an internal one adds the organisation's name: "...: sista dag för
 * nämnden (Spånga-Tensta stadsdelsnämnd)" (org_name NULL: without). */
void wheel_summary_sv(long year, const char *kind, const char *level, const char *org_name, char *buf,
		      size_t size);

/* wheel_date_sv: "2026-05-15" as "15 maj 2026" into buf (the text itself when not a date). */
void wheel_date_sv(const char *date, char *buf, size_t size);

/* wheel_days: the day number of a calendar date "YYYY-MM-DD" (days since 1970-01-01), with
 * *ok 1; *ok 0 (and 0) when text is no real date (model_date_parse). */
long wheel_days(const char *text, int *ok);

/* wheel_date_of_days: the date of day number d as "YYYY-MM-DD" into buf (11 bytes). */
void wheel_date_of_days(long d, char *buf, size_t size);

/* wheel_today: model_today() (model/today.h: the Stockholm date, LUP_TODAY overrides) as
 * "YYYY-MM-DD" into buf (11 bytes; "" when buf is too small). */
void wheel_today(char *buf, size_t size);

/* One reminder: a deadline that applies to an organisation's report (the city's or its own
 * internal one), due within the window or past, of a report that is not submitted or approved. */
struct wheel_item {
	int64_t org_id;
	const char *org, *org_name;	/* key and name */
	long year;
	const char *kind;		/* "T1", "T2", "FY" */
	const char *level;		/* "city", "committee", "administration", "unit" */
	const char *due;		/* "YYYY-MM-DD" */
	const char *status;		/* the report's: "draft", "returned"; NULL: no report */
	long days_left;			/* due - date: 0 today, < 0 overdue by -days_left days */
};

/*
 * wheel_remind: what is due on date ("YYYY-MM-DD") within days days (due <= date + days) or
 * overdue, per organisation (in key order): for each report whose city deadline is set, of each
 * organisation that reports (owns nämndmål of that year or earlier, or has a report of the
 * period), the deadlines that apply to it, unless the report (its own or its pair's) is submitted
 * or approved; a returned report is due again. *items (in a) and *n get them. Returns LUP_OK or
 * a store error in e.
 */
int wheel_remind(struct store *st, struct arena *a, const char *date, int days, struct wheel_item **items,
		 int *n, struct err *e);


struct json;

/* wheel_deadline_json: deadline row i of rs (STMT_WH_LIST) as an object: id, year, kind ("T1",
 * "T2", "FY"), report ("T1", "T2", "VB"), org (key, null for the city's), level, due, summary
 * (wheel_summary_sv), set_at, set_by. */
void wheel_deadline_json(const struct rowset *rs, int i, struct json *j);

/* wheel_deadlines_load: the deadlines of year (0: every year) into rs (initialised here from
 * a): the city's and the internal ones of organisation org (0: none; all 1: of every
 * organisation). Returns LUP_OK or a store error in e. */
int wheel_deadlines_load(struct store *st, struct arena *a, long year, int64_t org, int all, struct rowset *rs,
			 struct err *e);

#endif
