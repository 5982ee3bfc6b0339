/* ics.c: the annual wheel's iCalendar document through libical (see ics.h). */
#include "doc/ics.h"
#include "core/buf.h"
#include "core/err.h"
#include "model/datex.h"
#include "render/rows.h"
#include "view/wheel.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* day_of: "YYYY-MM-DD" (plus days) as an all-day icaltime; 0, or -1 when text is no date. */
static int day_of(const char *text, long plus, struct icaltimetype *t)
{
	char d[16];
	int ok, ymd;

	wheel_date_of_days(wheel_days(text, &ok) + plus, d, sizeof(d));
	if (!ok || model_date_parse(d, &ymd, NULL, 0) != 0)
		return -1;
	*t = icaltime_null_time();
	t->year = ymd / 10000;
	t->month = ymd / 100 % 100;
	t->day = ymd % 100;
	t->is_date = 1;
	return 0;
}

/* stamp_of: a stored UTC time "YYYY-MM-DDTHH:MM:SSZ" as a UTC icaltime (1970 when unreadable). */
static struct icaltimetype stamp_of(const char *text)
{
	struct icaltimetype t = icaltime_null_time();
	int y, mo, d, h = 0, mi = 0, s = 0;

	if (text && sscanf(text, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) >= 3) {
		t.year = y;
		t.month = mo;
		t.day = d;
		t.hour = h;
		t.minute = mi;
		t.second = s;
	} else {
		t.year = 1970;
		t.month = t.day = 1;
	}
	t.zone = icaltimezone_get_utc_timezone();
	return t;
}

/* alarm: a display alarm ICS_ALARM_DAYS days before the event. */
static icalcomponent *alarm(const char *summary)
{
	struct icaltriggertype tr;
	icalcomponent *a = icalcomponent_new_valarm();

	memset(&tr, 0, sizeof(tr));
	tr.time = icaltime_null_time();
	tr.duration = icaldurationtype_null_duration();
	tr.duration.is_neg = 1;
	tr.duration.days = ICS_ALARM_DAYS;
	icalcomponent_add_property(a, icalproperty_new_action(ICAL_ACTION_DISPLAY));
	icalcomponent_add_property(a, icalproperty_new_trigger(tr));
	icalcomponent_add_property(a, icalproperty_new_description(summary));
	return a;
}

/* event: the VEVENT of row i, or NULL when its date cannot be read. */
static icalcomponent *event(const struct rowset *rs, int i)
{
	struct icaltimetype start, end;
	char uid[64], sum[300], desc[600], d[48];
	const char *due = rowset_s(rs, i, "due");
	icalcomponent *ev;

	if (day_of(due, 0, &start) != 0 || day_of(due, 1, &end) != 0)
		return NULL;
	wheel_summary_sv((long)rowset_i(rs, i, "year"), rowset_s(rs, i, "kind"), rowset_s(rs, i, "level"),
			 rowset_s(rs, i, "org_name"), sum, sizeof(sum));
	wheel_date_sv(due, d, sizeof(d));
	snprintf(desc, sizeof(desc), "%s är %s. Rapporten skrivs och skickas in under Uppföljning i lup.", sum, d);
	snprintf(uid, sizeof(uid), "deadline-%lld@lup", (long long)rowset_i(rs, i, "id"));
	ev = icalcomponent_new_vevent();
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp_of(rowset_s(rs, i, "set_at"))));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(start));
	icalcomponent_add_property(ev, icalproperty_new_dtend(end));
	icalcomponent_add_property(ev, icalproperty_new_summary(sum));
	icalcomponent_add_property(ev, icalproperty_new_description(desc));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	icalcomponent_add_component(ev, alarm(sum));
	return ev;
}

int ics_deadlines(const struct rowset *rs, const char *calname, struct buf *out, struct err *e)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalproperty *name;
	char *text;
	int rc = LUP_OK;

	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//lup//Arshjul//SV"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	name = icalproperty_new_x(calname);
	icalproperty_set_x_name(name, "X-WR-CALNAME");
	icalcomponent_add_property(cal, name);
	for (int i = 0; i < rs->nrows; i++) {
		icalcomponent *ev = event(rs, i);
		if (!ev) {
			icalcomponent_free(cal);
			return err_set(e, LUP_EINVAL, "deadline %s: no date '%s'", rowset_s(rs, i, "id"), rowset_s(rs, i, "due"));
		}
		icalcomponent_add_component(cal, ev);
	}
	text = icalcomponent_as_ical_string_r(cal);
	if (!text || buf_adds(out, text) != 0)
		rc = err_set(e, LUP_ETOOBIG, "the calendar does not fit");
	free(text);
	icalcomponent_free(cal);
	return rc;
}
