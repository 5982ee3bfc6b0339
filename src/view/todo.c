/* todo.c: "Att göra" (see todo.h). */
#include "view/todo.h"
#include "core/arena.h"
#include "core/err.h"
#include "model/datex.h"
#include "model/today.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

const char *todo_kind_name(enum todo_kind k)
{
	static const char *const names[TODO__MAX] = { "due", "returned", "unassessed", "no_status", "missing" };

	return k < TODO__MAX ? names[k] : "";
}

static const char *cell(const struct rowset *rs, int i, const char *col)
{
	int c = rowset_col(rs, col);

	return c < 0 ? NULL : rs->rows[i][c].s;
}

static int64_t cell_i(const struct rowset *rs, int i, const char *col)
{
	const char *s = cell(rs, i, col);

	return s ? strtoll(s, NULL, 10) : 0;
}

/* push: a new zeroed item of o (the array grows in the arena). */
static struct todo_item *push(struct arena *a, struct todo_org *o, int *cap)
{
	if (o->nitems == *cap) {
		int ncap = *cap ? *cap * 2 : 16;
		struct todo_item *n = arena_alloc(a, sizeof(*n) * (size_t)ncap);
		if (o->nitems)
			memcpy(n, o->items, sizeof(*n) * (size_t)o->nitems);
		o->items = n;
		*cap = ncap;
	}
	return &o->items[o->nitems++];
}

/* The loader's state for one organisation. */
struct ctx {
	struct store *st;
	struct arena *a;
	struct err *e;
	int today, first_year;
	const struct rowset *deadlines;	/* STMT_TODO_DEADLINES */
};

/* due_items: the organisation's report per deadline, the items of those not handed in, the
 * days late and whether it is silent. */
static int due_items(struct ctx *c, struct todo_org *o, int *cap)
{
	const struct rowset *d = c->deadlines;
	int reported = 0, passed = 0;

	o->periods = arena_alloc(c->a, sizeof(*o->periods) * (size_t)(d->nrows ? d->nrows : 1));
	for (int i = 0; i < d->nrows; i++) {
		struct todo_period *p = &o->periods[o->nperiods++];
		struct rowset rs;
		int due = 0;

		p->year = (int)cell_i(d, i, "year");
		p->period = cell(d, i, "kind");
		if (model_date_parse(cell(d, i, "due"), &due, NULL, 0) != 0)
			continue;
		p->due = due;
		struct sval args[] = { SVI(o->id), SVI(p->year), SVS(p->period) };
		rowset_init(&rs, c->a);
		if (rowset_query(&rs, c->st, STMT_TODO_REPORT, args, 3, c->e) != LUP_OK)
			return c->e->code;
		if (rs.nrows) {
			p->report_id = cell_i(&rs, 0, "id");
			p->status = cell(&rs, 0, "status");
			reported = 1;
		}
		passed |= due < c->today;
		if (p->status && (strcmp(p->status, "submitted") == 0 || strcmp(p->status, "approved") == 0))
			continue;
		struct todo_item *it = push(c->a, o, cap);
		it->kind = TODO_DUE;
		it->year = p->year;
		it->period = p->period;
		it->due = due;
		it->days_left = (int)(model_date_days(due) - model_date_days(c->today));
		it->report_id = p->report_id;
		it->status = p->status;
		o->due++;
		if (it->days_left < 0 && -it->days_left > o->late_days)
			o->late_days = -it->days_left;
	}
	o->silent = passed && !reported;
	return LUP_OK;
}

static int count_rows(struct ctx *c, enum stmt s, int64_t report, int only_unreported, int *n)
{
	struct sval v = SVI(report);
	struct rowset rs;

	*n = 0;
	rowset_init(&rs, c->a);
	if (rowset_query(&rs, c->st, s, &v, 1, c->e) != LUP_OK)
		return c->e->code;
	for (int i = 0; i < rs.nrows; i++)
		if (!only_unreported || cell_i(&rs, i, "reported") == 0)
			(*n)++;
	return LUP_OK;
}

/* open_items: returned reports, unassessed goals and activities without a status in the
 * organisation's open reports. */
static int open_items(struct ctx *c, struct todo_org *o, int *cap)
{
	struct sval args[] = { SVI(o->id), SVI(c->first_year) };
	struct rowset rs;

	rowset_init(&rs, c->a);
	if (rowset_query(&rs, c->st, STMT_TODO_OPEN_REPORTS, args, 2, c->e) != LUP_OK)
		return c->e->code;
	for (int i = 0; i < rs.nrows; i++) {
		int64_t id = cell_i(&rs, i, "id");
		int year = (int)cell_i(&rs, i, "year"), n;
		const char *kind = cell(&rs, i, "kind"), *status = cell(&rs, i, "status");
		struct todo_item *it;

		if (strcmp(status, "returned") == 0) {
			it = push(c->a, o, cap);
			*it = (struct todo_item){ .kind = TODO_RETURNED, .year = year, .period = kind, .report_id = id,
						  .status = status, .comment = cell(&rs, i, "comment") };
			o->returned++;
		}
		if (count_rows(c, STMT_TODO_UNASSESSED, id, 0, &n) != LUP_OK)
			return c->e->code;
		if (n) {
			it = push(c->a, o, cap);
			*it = (struct todo_item){ .kind = TODO_UNASSESSED, .year = year, .period = kind, .report_id = id,
						  .status = status, .count = n };
			o->unassessed += n;
		}
		if (count_rows(c, STMT_WEB_FOLLOW_REPORT_ACTIVITIES, id, 1, &n) != LUP_OK)
			return c->e->code;
		if (n) {
			it = push(c->a, o, cap);
			*it = (struct todo_item){ .kind = TODO_NO_STATUS, .year = year, .period = kind, .report_id = id,
						  .status = status, .count = n };
			o->no_status += n;
		}
	}
	return LUP_OK;
}

static int missing_items(struct ctx *c, struct todo_org *o, int *cap)
{
	char day[16];
	struct rowset rs;

	model_date_format(c->today, day, sizeof(day));
	struct sval args[] = { SVI(o->id), SVI(c->first_year), SVI(c->today / 10000), SVS(day) };
	rowset_init(&rs, c->a);
	if (rowset_query(&rs, c->st, STMT_TODO_MISSING, args, 4, c->e) != LUP_OK)
		return c->e->code;
	for (int i = 0; i < rs.nrows; i++) {
		struct todo_item *it = push(c->a, o, cap);
		*it = (struct todo_item){ .kind = TODO_MISSING, .year = (int)cell_i(&rs, i, "year"),
					  .period = cell(&rs, i, "kind"), .indicator_key = cell(&rs, i, "key"),
					  .indicator_name = cell(&rs, i, "name") };
		o->missing++;
	}
	return LUP_OK;
}

static int load_one(struct ctx *c, struct todo_org *o)
{
	int cap = 0;

	if (due_items(c, o, &cap) != LUP_OK || open_items(c, o, &cap) != LUP_OK || missing_items(c, o, &cap) != LUP_OK)
		return c->e->code;
	return LUP_OK;
}

/* begin: the scope and the deadlines in it. */
static int begin(struct ctx *c, struct store *st, struct arena *a, int today, struct rowset *d, struct todo *out,
		 struct err *e)
{
	memset(out, 0, sizeof(*out));
	c->st = st;
	c->a = a;
	c->e = e;
	c->today = out->today = today;
	c->first_year = out->first_year = today / 10000 - 1;
	c->deadlines = d;
	struct sval y = SVI(c->first_year);
	rowset_init(d, a);
	return rowset_query(d, st, STMT_TODO_DEADLINES, &y, 1, e);
}

/* orgs_of: the organisations of rs (id, key, name) into out. */
static void orgs_of(struct arena *a, const struct rowset *rs, struct todo *out)
{
	out->orgs = arena_alloc(a, sizeof(*out->orgs) * (size_t)(rs->nrows ? rs->nrows : 1));
	for (int i = 0; i < rs->nrows; i++) {
		struct todo_org *o = &out->orgs[out->norgs++];
		o->ord = i;
		o->id = cell_i(rs, i, "id");
		o->key = cell(rs, i, "key");
		o->name = cell(rs, i, "name");
	}
}

int todo_load_org(struct store *st, struct arena *a, int64_t org, int today, struct todo *out, struct err *e)
{
	struct rowset d, rs;
	struct ctx c;
	struct sval v = SVI(org);

	if (begin(&c, st, a, today, &d, out, e) != LUP_OK)
		return e->code;
	rowset_init(&rs, a);
	if (org && rowset_query(&rs, st, STMT_TODO_ORG, &v, 1, e) != LUP_OK)
		return e->code;
	orgs_of(a, &rs, out);
	for (int i = 0; i < out->norgs; i++)
		if (load_one(&c, &out->orgs[i]) != LUP_OK)
			return e->code;
	return LUP_OK;
}

static int by_urgency(const void *x, const void *y)
{
	const struct todo_org *a = x, *b = y;

	if (a->late_days != b->late_days)
		return a->late_days > b->late_days ? -1 : 1;
	if (a->silent != b->silent)
		return a->silent ? -1 : 1;
	if (a->due != b->due)
		return a->due > b->due ? -1 : 1;
	return a->ord - b->ord;		/* the statement's order (by name) */
}

int todo_load_city(struct store *st, struct arena *a, int today, struct todo *out, struct err *e)
{
	struct rowset d, rs;
	struct ctx c;
	struct sval y;

	if (begin(&c, st, a, today, &d, out, e) != LUP_OK)
		return e->code;
	y = SVI(c.first_year);
	rowset_init(&rs, a);
	if (rowset_query(&rs, st, STMT_TODO_ORGS, &y, 1, e) != LUP_OK)
		return e->code;
	orgs_of(a, &rs, out);
	for (int i = 0; i < out->norgs; i++)
		if (load_one(&c, &out->orgs[i]) != LUP_OK)
			return e->code;
	qsort(out->orgs, (size_t)out->norgs, sizeof(*out->orgs), by_urgency);
	return LUP_OK;
}
