/* test-wheel.c: the annual wheel without HTTP: calendar arithmetic and words (view/wheel.c),
 * the write path's rules (edit/deadline.c: real dates, the year window, unit <= administration
 * <= committee <= city, audit), and the iCalendar document (doc/ics.c) parsed back with libical:
 * one all-day VEVENT per deadline with its UID, date, Swedish SUMMARY and VALARM, and lines of at
 * most 75 octets ending in CRLF, folded between characters. */
#include "testlib.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "doc/ics.h"
#include "edit/deadline.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/wheel.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[64];

static void test_days_round_trip(void)
{
	const char *dates[] = { "1970-01-01", "2024-02-29", "2026-09-15", "2027-03-01", "2000-12-31", "1900-03-01" };
	char back[16];
	int ok;

	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		wheel_date_of_days(wheel_days(dates[i], &ok), back, sizeof(back));
		T_CHECK(ok);
		T_EQ_STR(back, dates[i]);
	}
	T_EQ_INT(wheel_days("1970-01-01", &ok), 0);
	T_EQ_INT(wheel_days("2026-03-01", &ok) - wheel_days("2026-02-28", &ok), 1);
	T_EQ_INT(wheel_days("2024-03-01", &ok) - wheel_days("2024-02-28", &ok), 2);
	wheel_days("2026-02-29", &ok);
	T_EQ_INT(ok, 0);
	wheel_days("2026-9-15x", &ok);
	T_EQ_INT(ok, 0);
}

static void test_words(void)
{
	char b[200];

	T_EQ_STR(wheel_kind("vb"), "FY");
	T_EQ_STR(wheel_kind("T2"), "T2");
	T_CHECK(wheel_kind("T3") == NULL);
	T_EQ_STR(wheel_kind_word("FY"), "VB");
	T_CHECK(wheel_level("city") == NULL);
	T_CHECK(wheel_level_rank("unit") < wheel_level_rank("administration"));
	T_CHECK(wheel_level_rank("committee") < wheel_level_rank("city"));
	wheel_summary_sv(2026, "T2", "city", "X", b, sizeof(b));
	T_EQ_STR(b, "Tertialrapport 2 2026: sista dag för stadsledningskontoret");
	wheel_summary_sv(2026, "FY", "committee", "Spånga-Tensta stadsdelsnämnd", b, sizeof(b));
	T_EQ_STR(b, "Verksamhetsberättelse 2026: sista dag för nämnden (Spånga-Tensta stadsdelsnämnd)");
	wheel_date_sv("2026-05-15", b, sizeof(b));
	T_EQ_STR(b, "15 maj 2026");
}

/* fixture: a fresh database with one organisation; *org gets its id. */
static struct store *fixture(const char *name, int64_t *org)
{
	char path[128];
	struct store *st = NULL;
	struct err e = { 0 };

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (store_open(path, STORE_CREATE, &st, &e) != LUP_OK)
		return NULL;
	struct sval o[] = { SVS("spanga-tensta-stadsdelsnamnd"), SVS("Spånga-Tensta stadsdelsnämnd"),
			    SVS("district_committee"), SVI(1), SVI(0), SVS("test") };
	store_exec(st, STMT_ORG_UPSERT, o, 6, org, NULL, &e);
	return st;
}

static const struct edit_actor actor = { 0, "test" };

static int set(struct store *st, long year, const char *kind, int64_t org, const char *level, const char *due,
	       struct deadline_fail *f)
{
	struct deadline_key k = { year, kind, org, level };
	struct err e = { 0 };
	int64_t id;

	return deadline_set(st, &actor, NULL, &k, due, &id, NULL, f, &e);
}

static void test_rules(void)
{
	struct deadline_fail f;
	int64_t org = 0;
	struct err e = { 0 };
	struct store *st = fixture("rules.db", &org);

	T_CHECK(st != NULL);
	if (!st)
		return;
	T_EQ_INT(set(st, 2026, "T2", 0, "city", "2026-09-15", &f), LUP_OK);
	T_EQ_INT(set(st, 2026, "T2", 0, "city", "2026-09-31", &f), LUP_EINVAL);
	T_EQ_STR(f.field, "due");
	T_EQ_INT(set(st, 2026, "T2", 0, "city", "2028-01-10", &f), LUP_EINVAL);
	T_EQ_STR(f.sv, "Datumet ska ligga under 2026 eller 2027.");
	T_EQ_INT(set(st, 2026, "FY", 0, "city", "2027-02-15", &f), LUP_OK);
	T_EQ_INT(set(st, 2026, "T2", org, "committee", "2026-09-16", &f), LUP_EINVAL);	/* after the city's */
	T_EQ_INT(set(st, 2026, "T2", org, "committee", "2026-09-08", &f), LUP_OK);
	T_EQ_INT(set(st, 2026, "T2", org, "unit", "2026-09-09", &f), LUP_EINVAL);	/* after the committee's */
	T_EQ_INT(set(st, 2026, "T2", org, "unit", "2026-09-01", &f), LUP_OK);
	T_EQ_INT(set(st, 2026, "T2", org, "administration", "2026-08-31", &f), LUP_EINVAL);	/* before the unit's */
	T_EQ_INT(set(st, 2026, "T2", org, "administration", "2026-09-04", &f), LUP_OK);
	T_EQ_INT(set(st, 2026, "T2", 0, "city", "2026-09-07", &f), LUP_EINVAL);	/* before the committee's */
	T_CHECK(strstr(f.sv, "Spånga-Tensta stadsdelsnämnd") != NULL);
	T_EQ_INT(set(st, 2026, "T2", org, "city", "2026-09-07", &f), LUP_EINVAL);	/* no level city of an org */
	T_EQ_STR(f.field, "level");
	struct arena ar = ARENA_INIT;
	struct rowset rs;
	T_EQ_INT(wheel_deadlines_load(st, &ar, 2026, org, 0, &rs, &e), LUP_OK);
	T_EQ_INT(rs.nrows, 5);
	arena_release(&ar);
	store_close(st);
}

/* lines_ok: every line of text ends in CRLF, has at most 75 octets, and a continuation line
 * does not start inside a UTF-8 character. */
static int lines_ok(const char *text)
{
	const char *p = text;

	while (*p) {
		const char *nl = strstr(p, "\r\n");
		if (!nl || nl - p > 75)
			return 0;
		if (p[0] == ' ' && ((unsigned char)p[1] & 0xC0) == 0x80)
			return 0;
		for (const char *q = p; q < nl; q++)
			if (*q == '\n' || *q == '\r')
				return 0;
		p = nl + 2;
	}
	return 1;
}

static void test_ics(void)
{
	struct deadline_fail f;
	struct arena a = ARENA_INIT;
	int64_t org = 0;
	struct err e = { 0 };
	struct rowset rs;
	struct buf b;
	struct store *st = fixture("ics.db", &org);
	int events = 0, alarms = 0, dated = 0;

	T_CHECK(st != NULL);
	if (!st)
		return;
	set(st, 2026, "T2", 0, "city", "2026-09-15", &f);
	set(st, 2026, "T2", org, "committee", "2026-09-08", &f);
	set(st, 2026, "FY", 0, "city", "2027-02-15", &f);
	T_EQ_INT(wheel_deadlines_load(st, &a, 0, org, 0, &rs, &e), LUP_OK);
	buf_init(&b, 1 << 20);
	T_EQ_INT(ics_deadlines(&rs, "Årshjul – Spånga-Tensta stadsdelsnämnd", &b, &e), LUP_OK);
	T_CHECK(lines_ok(b.ptr));
	icalcomponent *cal = icalparser_parse_string(b.ptr);
	T_CHECK(cal != NULL);
	if (cal) {
		T_EQ_INT(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
		T_EQ_INT(icalcomponent_count_errors(cal), 0);
		for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
		     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
			struct icaltimetype s = icalcomponent_get_dtstart(ev);
			const char *uid = icalcomponent_get_uid(ev), *sum = icalcomponent_get_summary(ev);
			events++;
			T_CHECK(uid && strncmp(uid, "deadline-", 9) == 0 && strstr(uid, "@lup"));
			T_CHECK(s.is_date);
			if (s.year == 2026 && s.month == 9 && s.day == 15) {
				dated++;
				T_EQ_STR(sum, "Tertialrapport 2 2026: sista dag för stadsledningskontoret");
			}
			if (s.year == 2026 && s.month == 9 && s.day == 8) {
				dated++;
				T_EQ_STR(sum, "Tertialrapport 2 2026: sista dag för nämnden (Spånga-Tensta stadsdelsnämnd)");
			}
			T_CHECK(icalcomponent_get_first_property(ev, ICAL_DTSTAMP_PROPERTY) != NULL);
			icalcomponent *al = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
			if (al) {
				struct icaltriggertype tr = icalproperty_get_trigger(
					icalcomponent_get_first_property(al, ICAL_TRIGGER_PROPERTY));
				alarms += tr.duration.is_neg && tr.duration.days == ICS_ALARM_DAYS;
			}
		}
		icalcomponent_free(cal);
	}
	T_EQ_INT(events, 3);
	T_EQ_INT(dated, 2);
	T_EQ_INT(alarms, 3);
	buf_release(&b);
	arena_release(&a);
	store_close(st);
}

int main(void)
{
	char cmd[96];

	snprintf(dir, sizeof(dir), "/tmp/lup-test-wheel-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	T_RUN(test_days_round_trip);
	T_RUN(test_words);
	T_RUN(test_rules);
	T_RUN(test_ics);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return t_done();
}
