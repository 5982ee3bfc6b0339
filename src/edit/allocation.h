/* allocation.h: the one write path of resource allocations (resource_allocation, schema 0025),
 * shared by the API (/api/v1/allocations), the form (/organisation/{key}/resurser) and the CSV
 * import kind "allocations" (import/imp-allocations.c).
 *
 * An allocation is what an organisation puts into a district in a year, of one kind with the
 * kind's one unit: money in tkr, staff in årsarbetare, places in platser, hours in timmar
 * (model/need.h), with a note. One row per organisation, district, year and kind.
 *
 * Rules:
 *   - The organisation gives, the district receives: a district committee or administration
 *     records no allocation (ALLOC_R_DISTRICT_ORG); specialist committees and administrations,
 *     companies and the others do. Who may write for which organisation is the caller's
 *     (web: the organisation's editors, the city office for anyone, administrators).
 *   - district: a district (area level 'district') by key, name or alias.
 *   - year: ALLOC_YEAR_MIN..ALLOC_YEAR_MAX. amount: a finite number >= 0, at most ALLOC_AMOUNT_MAX.
 *   - unit: the kind's unit (empty: the kind's). note: at most ALLOC_NOTE_MAX bytes.
 *   - A second row of the same organisation, district, year and kind is refused
 *     (ALLOC_R_DUPLICATE: change the first), except through alloc_put, which replaces it.
 * Every write is one transaction with its audit entry (entity "allocation"); alloc_put runs in
 * the caller's (the import's) transaction.
 */
#ifndef LUP_EDIT_ALLOCATION_H
#define LUP_EDIT_ALLOCATION_H

#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */

struct err;
struct store;

#define ALLOC_YEAR_MIN 2000
#define ALLOC_YEAR_MAX 2100
#define ALLOC_AMOUNT_MAX 1e12
#define ALLOC_NOTE_MAX 2000	/* bytes */
#define ALLOC_REF_MAX 200	/* bytes of a district's key or name */

/* Why a field is refused (the callers word it: the API in English, forms and imports in Swedish). */
enum alloc_rule {
	ALLOC_R_REQUIRED,
	ALLOC_R_TOO_LONG,
	ALLOC_R_CHOICE,		/* kind not one of the kinds */
	ALLOC_R_UNKNOWN,	/* names nothing known */
	ALLOC_R_NOT_DISTRICT,	/* an area that is not a district */
	ALLOC_R_RANGE,		/* a year or amount out of range, or not a number */
	ALLOC_R_UNIT,		/* not the kind's unit */
	ALLOC_R_DISTRICT_ORG,	/* the organisation is a district committee or administration */
	ALLOC_R_DUPLICATE,	/* the organisation already has a row of the district, year and kind */
};

/* A refused field: its API name ("org", "district", "year", "kind", "amount", "unit", "note"). */
struct alloc_fail {
	const char *field;
	enum alloc_rule rule;
};

/* What to write. For alloc_change only the parts with set_ on are read. */
struct alloc_in {
	int64_t org;			/* the giving organisation's id (add, put) */
	const char *district;		/* key, name or alias */
	int year;
	const char *kind;		/* need_kind_codes */
	double amount;			/* NaN: missing */
	const char *unit;		/* NULL or "": the kind's */
	const char *note;		/* NULL or "": none */
	int set_district, set_year, set_kind, set_amount, set_unit, set_note;
};

/* alloc_rule_en / alloc_rule_sv: why, in English ("is required") and Swedish ("måste anges"). */
const char *alloc_rule_en(enum alloc_rule r);
const char *alloc_rule_sv(enum alloc_rule r);

/* alloc_field_sv: the Swedish label of an API field name ("district" -> "Stadsdelsområde"). */
const char *alloc_field_sv(const char *field);

/*
 * alloc_parse_amount: text as an amount: digits with a decimal comma or point, spaces (also
 * no-break) between thousands allowed ("1 250,5"). Returns 0 with *out, or -1.
 */
int alloc_parse_amount(const char *text, double *out);

/*
 * alloc_add: writes a new allocation as in says; *id gets its id. Errors: LUP_EINVAL with *f
 * naming the field and rule; store errors; e set, nothing changed.
 */
int alloc_add(struct store *st, const struct edit_actor *who, const struct alloc_in *in, int64_t *id,
	      struct alloc_fail *f, struct err *e);

/*
 * alloc_change: changes allocation id (its organisation stays). *changed (may be NULL) is 0 when
 * nothing differed (nothing audited). Errors of alloc_add, and LUP_ENOTFOUND.
 */
int alloc_change(struct store *st, const struct edit_actor *who, int64_t id, const struct alloc_in *in,
		 int *changed, struct alloc_fail *f, struct err *e);

/* alloc_remove: removes allocation id with its audit entry. LUP_ENOTFOUND when there is none. */
int alloc_remove(struct store *st, const struct edit_actor *who, int64_t id, struct err *e);

/*
 * alloc_put: inside the caller's open transaction, writes in as alloc_add does, but a row of the
 * same organisation, district, year and kind is replaced (audited as an update; *changed 0
 * when it was the same). For the import.
 */
int alloc_put(struct store *st, const struct edit_actor *who, const struct alloc_in *in, int64_t *id,
	      int *changed, struct alloc_fail *f, struct err *e);

/* alloc_owner: the organisation of allocation id into *owner (0: no such allocation). */
int alloc_owner(struct store *st, int64_t id, int64_t *owner, struct err *e);

/* alloc_district_org: *yes = 1 when organisation org is a district committee or administration
 * (the receivers, who record no allocation), else 0. */
int alloc_district_org(struct store *st, int64_t org, int *yes, struct err *e);

#endif
