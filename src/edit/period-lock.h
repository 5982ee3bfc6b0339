/* period-lock.h: the period lock, the one rule every outcome write path asks, and an
 * administrator's reopening of a locked period.
 *
 * The rule: the outcomes of a period (of every organisation) lock when the city's deadline for
 * that period's report (table deadline, migration 0021: org_id NULL, level 'city'; the period
 * kind FY is the verksamhetsberättelse, VB) plus the setting 'lock_grace_days' (default 14) has
 * passed, by the Stockholm date (model/today.h, which tests set with LUP_TODAY). With a deadline
 * due D and grace G the last open day is D + G; the period is locked from D + G + 1 on. No
 * deadline set: never locked. A reopening (table period_reopen, migration 0024) for the
 * organisation (its committee/administration pair counts as the organisation) or for all,
 * whose `until` is today or later, lets the outcomes be written again.
 *
 * Who asks: POST /api/v1/outcomes (409 "period_locked"), the indicator page's outcome form
 * (Swedish message at the period field), the CSV import (all-or-nothing, the error names the
 * line). Kolada's official statistics are exempt: the Kolada importer does not ask (revisions
 * of official figures are tracked separately). Targets are no period's and are not locked.
 */
#ifndef LUP_EDIT_PERIOD_LOCK_H
#define LUP_EDIT_PERIOD_LOCK_H

#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */

struct err;
struct store;

#define PERIOD_REASON_MAX 2000	/* bytes of a reopening's reason */
#define PERIOD_LOCK_WHY_MAX 400	/* bytes of the Swedish refusal */

/* What the rule says about a period for an organisation on a day. */
struct period_lock {
	int locked;		/* 1: outcomes of the period may not be written */
	int due;		/* the city's deadline (YYYYMMDD), 0 when none is set */
	int grace;		/* the grace days added to it */
	int since;		/* the first locked day (due + grace + 1), 0 when no deadline */
	int reopened_until;	/* an administrator's reopening applies through this day (then
				 * locked is 0), else 0 */
	char why[PERIOD_LOCK_WHY_MAX];	/* when locked: the Swedish refusal, e.g. "Perioden
				 * tertialrapport 2 2026 är låst sedan 30 september 2026. En
				 * administratör kan öppna den igen."; else "" */
};

/*
 * period_lock_get: the rule for the period (year, kind "T1", "T2" or "FY") and organisation org
 * (0: no organisation, only a reopening for all counts) on day today (YYYYMMDD) into *out.
 * Returns LUP_OK, LUP_EINVAL for a bad kind, or a store error in e. Reads only.
 */
int period_lock_get(struct store *st, int year, const char *kind, int64_t org, int today,
		    struct period_lock *out, struct err *e);

/* period_locked: as period_lock_get for the period row period_id; returns 1 when locked (out
 * filled, out may be NULL), 0 when open, -1 for a store error in e (or no such period). */
int period_locked(struct store *st, int64_t period_id, int64_t org, int today, struct period_lock *out,
		  struct err *e);

/* Why a reopening is refused (the callers word it: the API in English, the form in Swedish). */
enum period_reopen_rule {
	PERIOD_R_NONE,
	PERIOD_R_KIND,		/* field "period": not T1, T2, VB (FY) */
	PERIOD_R_YEAR,		/* field "year": not in 1900..2999 */
	PERIOD_R_REASON,	/* field "reason": missing or only whitespace */
	PERIOD_R_REASON_LONG,	/* field "reason": longer than PERIOD_REASON_MAX */
	PERIOD_R_UNTIL,		/* field "until": not a date, or before today */
	PERIOD_R_ORG,		/* field "org": names no organisation */
};

/* period_reopen_field: the field a rule is about ("period", "reason", ...). */
const char *period_reopen_field(enum period_reopen_rule r);
/* period_reopen_rule_en: the English text of a rule ("is required", ...). */
const char *period_reopen_rule_en(enum period_reopen_rule r);

/*
 * period_reopen: records an administrator's reopening of the period (year, kind "T1", "T2",
 * "FY" or "VB") for organisation org_key (NULL or "": all organisations) with reason (required,
 * not only whitespace) through day until (YYYYMMDD, today or later; 0: today + the grace days),
 * today being today. The period's row is written when new. One transaction with the audit entry
 * (entity "period_reopen", action insert). *id gets the reopening's id. Authorisation is the
 * caller's (administrators only). Errors: LUP_EINVAL with *rule set; store errors; e set.
 * Nothing is changed on error.
 */
int period_reopen(struct store *st, const struct edit_actor *who, int year, const char *kind,
		  const char *org_key, const char *reason, int until, int today, int64_t *id,
		  enum period_reopen_rule *rule, struct err *e);

/* period_kind_norm: "T1", "T2" or "FY" for kind (T1, T2, FY or VB in any case), else NULL. */
const char *period_kind_norm(const char *kind);

#endif
