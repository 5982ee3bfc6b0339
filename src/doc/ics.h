/* ics.h: the annual wheel as an iCalendar document (RFC 5545), made with libical: one all-day
 * VEVENT per deadline with a stable UID, for a calendar program to subscribe to
 * (GET /api/v1/organisations/{key}/deadlines.ics, /organisation/{key}/arshjul.ics). */
#ifndef LUP_DOC_ICS_H
#define LUP_DOC_ICS_H

struct buf;
struct err;
struct rowset;

#define ICS_ALARM_DAYS 3	/* the reminder (VALARM) this many days before a deadline */

/*
 * ics_deadlines: the calendar named calname (X-WR-CALNAME, e.g. "Årshjul – Spånga-Tensta
 * stadsdelsnämnd") of the deadline rows of rs (STMT_WH_LIST) into out: per deadline a VEVENT
 * with UID deadline-<id>@lup, DTSTAMP its set_at (UTC; stable while the deadline is unchanged),
 * DTSTART;VALUE=DATE its day and DTEND the next, SUMMARY wheel_summary_sv ("Tertialrapport 2
 * 2026: sista dag för stadsledningskontoret"), TRANSP TRANSPARENT and a display VALARM
 * ICS_ALARM_DAYS days before. Lines end in CRLF and are folded at 75 octets (libical). Returns
 * LUP_OK, or LUP_EINVAL for a row whose date cannot be read, or LUP_ETOOBIG, with e set.
 */
int ics_deadlines(const struct rowset *rs, const char *calname, struct buf *out, struct err *e);

#endif
