/* report-int.h: what the files of the report write path (report.c, report-save.c) share. */
#ifndef LUP_EDIT_REPORT_INT_H
#define LUP_EDIT_REPORT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "edit/report.h"

struct arena;

/* A report's state as read in the open transaction. */
struct rpt_state {
	int64_t org, pair, period;
	long year;
	char status[16], kind[8], decision_date[16], decision_paragraph[REPORT_PARAGRAPH_MAX + 1];
};

/* rpt_fail: fills f (why, field, ref, the Swedish message sv) and e (the English message);
 * returns the code of why (report.h). */
int rpt_fail(struct report_fail *f, enum report_why why, const char *field, int64_t ref, struct err *e,
	     const char *sv, const char *en_fmt, ...) __attribute__((format(printf, 7, 8)));

/* rpt_store_fail: rolls back and fills f for the store's error in e; returns its code. */
int rpt_store_fail(struct store *st, struct report_fail *f, struct err *e);

/* rpt_now: the UTC time as "YYYY-MM-DDTHH:MM:SSZ". */
void rpt_now(char *out, size_t n);

/* rpt_status_sv: "Utkast", "Inskickad", "Godkänd", "Returnerad". */
const char *rpt_status_sv(const char *status);

/* rpt_may_edit: may who write a report of organisation org (pair: its recorded pair)? */
int rpt_may_edit(const struct report_caller *who, int64_t org, int64_t pair);

/* rpt_snapshot: report id as GET /api/v1/reports/{id} shows it (kind "reports") into *json (from
 * a; NULL when there is none). Returns LUP_OK or a store error. */
int rpt_snapshot(struct store *st, struct arena *a, int64_t id, char **json, struct err *e);

/*
 * rpt_begin: opens the write on report id: the state into *s, the caller's right (city: the city
 * office's steps, else the editor's), the status (one of allowed, space-separated; NULL: any),
 * the before snapshot (from a) and who's check_before. On a refusal the transaction is rolled
 * back and f and e say why.
 */
int rpt_begin(struct store *st, const struct report_caller *who, int64_t id, int city, const char *allowed,
	      struct rpt_state *s, struct arena *a, char **before, struct report_fail *f, struct err *e);

/* rpt_end: the audit entry (action on entity "report", before and the snapshot after) and the
 * commit. */
int rpt_end(struct store *st, const struct report_caller *who, int64_t id, const char *action, const char *before,
	    struct arena *a, struct report_fail *f, struct err *e);

/* rpt_event: a step of report id's history (report_event) in the open transaction. */
int rpt_event(struct store *st, const struct report_caller *who, int64_t id, const char *step, const char *comment,
	      const char *date, const char *paragraph, struct err *e);

#endif
