/* pages-places.h: the 'places' section of the web pages (districts and organisations): its
 * handlers and the helpers its page files share (Swedish labels, number formatting, queries that
 * answer the Swedish error page). Everything here writes through the HTML writer. */
#ifndef LUP_PAGES_PLACES_H
#define LUP_PAGES_PLACES_H

#include <stdint.h>

#include "render/rows.h"
#include "web/page.h"

/* Handlers (ACC_PUBLIC GET pages). */
int page_districts(struct http_req *r);	/* GET /stadsdelar */
int page_district(struct http_req *r);	/* GET /stadsdel/{key} */
int page_plan_adopt(struct http_req *r);	/* GET /stadsdel/{key}/anta?version=N */
int page_plan_adopt_post(struct http_req *r);	/* POST /stadsdel/{key}/anta?version=N */
int page_plan_new_version_post(struct http_req *r);	/* POST /stadsdel/{key}/ny-version */
int page_plan_diff(struct http_req *r);	/* GET /plan/{key}/jamfor?fran=N&till=M */
int page_orgs(struct http_req *r);	/* GET /organisationer[?typ=] */
int page_org(struct http_req *r);	/* GET /organisation/{key}[?ar=YYYY] */

/*
 * page_district_indicators: the indicators part of the district page (page-district-indicators.c):
 * the committee's indicators (else every indicator measured there) against the city average
 * for year (0: the latest with full-year outcomes), by sex, with charts and tables; the
 * indicator shown in detail is ?indikator=KEY (404 page when it has no outcome there). Returns
 * 0, or -1 after answering an error page.
 */
int page_district_indicators(struct http_req *r, struct html *h, int64_t district, int64_t committee,
			     const char *key, const char *name, long year);

/*
 * page_org_history: the part of the organisation page on earlier versions of its plans (o's
 * plan versions) and what changed in its goals and indicators of o's year (the audit log, for
 * logged-in users; page-org-history.c). "Inga tidigare versioner" when there are none. Returns 0, or -1
 * after answering an error page.
 */
struct view_org;
int page_org_history(struct http_req *r, struct html *h, const struct view_org *o);

/* places_fail: logs r->err and answers the Swedish 500 page; returns -1. */
int places_fail(struct http_req *r);

/*
 * places_query: appends the rows of statement s to rs (initialised here from the request
 * arena). Returns 0, or answers the Swedish 500 page (never the database's message, which goes
 * to the server log) and returns -1: the caller then returns r->status.
 */
int places_query(struct http_req *r, struct rowset *rs, enum stmt s, const struct sval *args, int n);

/*
 * places_want: appends to q (at *n, which it increments; the caller's array has room) statement s
 * with nargs values args (which must live until places_fetch) whose rows go to rs, initialised
 * here from the request arena.
 * places_fetch: runs the n statements of q in one go (store_query_many: one round trip on
 * PostgreSQL). Returns 0, or answers as places_query does and returns -1.
 */
void places_want(struct http_req *r, struct store_q *q, int *n, struct rowset *rs, enum stmt s,
		 const struct sval *args, int nargs);
int places_fetch(struct http_req *r, const struct store_q *q, int n);

/* places_s: the text of column col in row i (NULL when NULL or no such column). */
const char *places_s(const struct rowset *rs, int i, const char *col);

/* places_i: column col of row i as an integer (0 when NULL). */
int64_t places_i(const struct rowset *rs, int i, const char *col);

/* places_d: column col of row i as a number (NaN when NULL). */
double places_d(const struct rowset *rs, int i, const char *col);

/* places_run: the rows [*from, *to) of rs whose column 0 is the integer id (rs sorted by it,
 * ascending; rows whose column 0 is NULL, first or last, belong to no run), found by bisection;
 * an empty run (from == to == 0) when there are none. */
void places_run(const struct rowset *rs, int64_t id, int *from, int *to);

/*
 * places_year_arg: the optional query argument ?ar=YYYY. Returns 0 with *year set (0 when not
 * given), or answers the Swedish 400 page for anything but four digits 1900-2999 and returns -1.
 */
int places_year_arg(struct http_req *r, long *year);

/*
 * places_value: v with unit the Swedish way ("5,37 %", "1 200 st"), with as few decimals as it
 * needs (at most 2), in the request arena; "–" for NaN.
 */
const char *places_value(struct http_req *r, double v, const char *unit);

/* PLACES_VALUE_SIZE, places_value_buf: places_value's text written into out (at least
 * PLACES_VALUE_SIZE bytes) rather than the request's arena; "–" for NaN. Returns out. */
#define PLACES_VALUE_SIZE 96
const char *places_value_buf(double v, const char *unit, char *out);

/* places_decimals: the decimals places_value uses for v (0, 1 or 2). */
int places_decimals(double v);

/* Swedish labels of stored codes; each returns a static string, the code itself when it is not
 * known, and "" for NULL. */
const char *places_kind_sv(const char *kind);		/* organisation kind: "facknämnd" */
const char *places_kind_plural_sv(const char *kind);	/* heading: "Facknämnder" */
const char *places_kind_slug(const char *kind);		/* for ?typ=: "facknamnd" */
const char *places_kind_from_slug(const char *slug);	/* NULL when unknown */
const char *places_kind_at(int i);			/* the i-th kind in display order, or NULL */
const char *places_role_sv(const char *role);		/* activity role: "processledare" */
const char *places_status_sv(const char *status);	/* activity status: "pågår" */
const char *places_measure_status_sv(const char *status);	/* "projekt" */
const char *places_partner_role_sv(const char *role);	/* measure partner role: "ansvarig" */
const char *places_group_sv(const char *grp);		/* plan partner group: "Facknämnder" */
const char *places_sex_sv(const char *sex);		/* "Totalt", "Kvinnor", "Män" */

/* places_thead: <thead> with one <th scope="col"> per label of the NULL-terminated list; a label
 * starting with '#' is a number column (class num, the '#' is not shown). */
void places_thead(struct html *h, const char *const *labels);

/* places_td_num: a right-aligned number cell. */
void places_td_num(struct html *h, const char *text);

/* places_link: <a href="prefix/arg">text</a> (arg percent-encoded); text only when arg is NULL. */
void places_link(struct http_req *r, struct html *h, const char *prefix, const char *arg, const char *text);

/* The goals (målsättningar) of a district's LUP version with their latest outcomes
 * (page-district-goals.c): page_district_goals_want appends their reads to q (at *n:
 * places_want) when version is not 0 (its values are kept in g until places_fetch);
 * page_district_goals writes them into h inside the caller's section. */
struct district_goals {
	int64_t version;
	struct sval v, vd[2];
	struct rowset goals, outcomes;	/* STMT_PG_GOALS, STMT_PG_OUTCOMES */
};
void page_district_goals_want(struct http_req *r, struct store_q *q, int *n, int64_t version, int64_t district,
			      struct district_goals *g);
void page_district_goals(struct http_req *r, struct html *h, const struct district_goals *g);

#endif
