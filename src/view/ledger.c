/* ledger.c: the commitment ledger of a period (see ledger.h). Five reads whatever the number of
 * parties: districts, parties with their report, members, activities and measures, resources;
 * the resources are given to their party and everything is ordered here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "model/status.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/ledger.h"
#include "model/datex.h"
#include "model/today.h"

const char *ledger_via_code(enum ledger_via v)
{
	return v == LEDGER_ACTIVITY ? "activity" : v == LEDGER_MEASURE ? "measure" : "resource";
}

const char *ledger_report_code(const struct ledger_party *p)
{
	return p->report == LEDGER_NO_REPORT ? "none" : p->report == LEDGER_UNPUBLISHED ? "unpublished"
		: p->report_status;
}

void view_ledger_today(char out[11])
{
	if (model_date_format(model_today(), out, 11) != 0)
		out[0] = '\0';
}

/* The load's state. */
struct ctx {
	struct store *st;
	struct arena *a;
	struct err *e;
	struct view_ledger *l;
	struct rowset ds, parties, members, items, res;
	int64_t *district_ids;
};

static long district_of(const struct ctx *x, int64_t id)
{
	for (size_t i = 0; i < x->l->ndistricts; i++)
		if (x->district_ids[i] == id)
			return (long)i;
	return -1;
}

static long party_of(const struct ctx *x, int64_t id)
{
	for (size_t i = 0; i < x->l->nparties; i++)
		if (x->l->parties[i].id == id)
			return (long)i;
	return -1;
}

/* party_of_member: the party whose member organisation org is, or -1. */
static long party_of_member(const struct ctx *x, int64_t org)
{
	for (int i = 0; i < x->members.nrows; i++)
		if (rowset_i(&x->members, i, "org") == org)
			return party_of(x, rowset_i(&x->members, i, "party"));
	return -1;
}

static int read_all(struct ctx *x)
{
	char kind[4];
	struct sval args[] = { SVI(x->l->period.year), SVS(kind) };

	snprintf(kind, sizeof(kind), "%s", x->l->period.kind == MODEL_PERIOD_T1 ? "T1"
		 : x->l->period.kind == MODEL_PERIOD_T2 ? "T2" : "FY");
	rowset_init(&x->ds, x->a);
	rowset_init(&x->parties, x->a);
	rowset_init(&x->members, x->a);
	rowset_init(&x->items, x->a);
	rowset_init(&x->res, x->a);
	if (rowset_query(&x->ds, x->st, STMT_COMMIT_DISTRICTS, NULL, 0, x->e) != LUP_OK ||
	    rowset_query(&x->parties, x->st, STMT_COMMIT_LEDGER_PARTIES, args, 2, x->e) != LUP_OK ||
	    rowset_query(&x->members, x->st, STMT_COMMIT_LEDGER_MEMBERS, args, 2, x->e) != LUP_OK ||
	    rowset_query(&x->items, x->st, STMT_COMMIT_LEDGER_ITEMS, args, 2, x->e) != LUP_OK ||
	    rowset_query(&x->res, x->st, STMT_COMMIT_LEDGER_RESOURCES, args, 1, x->e) != LUP_OK)
		return LUP_EDB;
	return LUP_OK;
}

static void fill_districts(struct ctx *x)
{
	struct view_ledger *l = x->l;

	l->ndistricts = (size_t)x->ds.nrows;
	l->district_keys = arena_alloc(x->a, sizeof(char *) * (l->ndistricts + 1));
	l->district_names = arena_alloc(x->a, sizeof(char *) * (l->ndistricts + 1));
	x->district_ids = arena_alloc(x->a, sizeof(int64_t) * (l->ndistricts + 1));
	for (int i = 0; i < x->ds.nrows; i++) {
		l->district_keys[i] = rowset_s(&x->ds, i, "key");
		l->district_names[i] = rowset_s(&x->ds, i, "name");
		x->district_ids[i] = rowset_i(&x->ds, i, "id");
	}
}

/* fill_parties: the parties with what the viewer can tell of their report. */
static void fill_parties(struct ctx *x)
{
	struct view_ledger *l = x->l;
	const struct rowset *rs = &x->parties;

	l->nparties = (size_t)rs->nrows;
	l->parties = arena_alloc(x->a, sizeof(*l->parties) * (l->nparties + 1));
	for (int i = 0; i < rs->nrows; i++) {
		struct ledger_party *p = &l->parties[i];

		if (!l->due)
			l->due = rowset_s(rs, i, "due");
		*p = (struct ledger_party){ .id = rowset_i(rs, i, "id"), .key = rowset_s(rs, i, "key"),
			.name = rowset_s(rs, i, "name"), .kind = rowset_s(rs, i, "kind") };
		if (rowset_i(rs, i, "report") && rowset_i(rs, i, "readable")) {
			p->report = LEDGER_REPORTED;
			p->report_id = rowset_i(rs, i, "report");
			p->report_status = rowset_s(rs, i, "report_status");
			p->report_org = rowset_s(rs, i, "report_org");
		} else {
			p->report = !rowset_i(rs, i, "report") && rowset_i(rs, i, "reads") ? LEDGER_NO_REPORT
				: LEDGER_UNPUBLISHED;
		}
	}
}

/* amount: column col of row i as a number. */
static double amount(const struct rowset *rs, int i, const char *col)
{
	int c = rowset_col(rs, col);

	if (c < 0 || rs->rows[i][c].t == SV_NULL)
		return 0;
	return rs->rows[i][c].t == SV_REAL ? rs->rows[i][c].d : strtod(rs->rows[i][c].s, NULL);
}

/* fill_items: the activities, measures and resources, each given to its party. */
static void fill_items(struct ctx *x)
{
	struct view_ledger *l = x->l;
	size_t cap = (size_t)x->items.nrows + (size_t)x->res.nrows;

	l->items = arena_alloc(x->a, sizeof(*l->items) * (cap + 1));
	for (int i = 0; i < x->items.nrows; i++) {
		const struct rowset *rs = &x->items;
		long p = party_of(x, rowset_i(rs, i, "party")), d = district_of(x, rowset_i(rs, i, "district_id"));
		const char *via = rowset_s(rs, i, "via");

		if (p < 0 || d < 0)
			continue;
		l->items[l->nitems] = (struct ledger_item){ .party = (size_t)p, .district = (size_t)d,
			.via = via && strcmp(via, "measure") == 0 ? LEDGER_MEASURE : LEDGER_ACTIVITY,
			.item_id = rowset_i(rs, i, "item_id"), .item = rowset_s(rs, i, "item"), .title = rowset_s(rs, i, "title"), .role = rowset_s(rs, i, "role"),
			.status = rowset_s(rs, i, "status"), .seq = (long)l->nitems };
		l->nitems++;
	}
	for (int i = 0; i < x->res.nrows; i++) {
		const struct rowset *rs = &x->res;
		long p = party_of_member(x, rowset_i(rs, i, "org_id")), d = district_of(x, rowset_i(rs, i, "area_id"));

		if (p < 0 || d < 0)
			continue;
		l->items[l->nitems] = (struct ledger_item){ .party = (size_t)p, .district = (size_t)d,
			.via = LEDGER_RESOURCE, .kind = rowset_s(rs, i, "kind"), .unit = rowset_s(rs, i, "unit"),
			.amount = amount(rs, i, "amount"), .seq = (long)l->nitems };
		l->nitems++;
	}
}

static int item_cmp(const void *pa, const void *pb)
{
	const struct ledger_item *a = pa, *b = pb;

	if (a->party != b->party)
		return a->party < b->party ? -1 : 1;
	if (a->district != b->district)
		return a->district < b->district ? -1 : 1;
	if (a->via != b->via)
		return a->via < b->via ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* seen: item i's activity or measure is one of an earlier item of the party's run (an activity
 * serving three districts is one activity). */
static int seen(const struct view_ledger *l, const struct ledger_party *p, size_t i)
{
	for (size_t k = p->item0; k < i; k++)
		if (l->items[k].via == l->items[i].via && l->items[k].item_id == l->items[i].item_id)
			return 1;
	return 0;
}

/* count: each party's run of items and its counts (items sorted by party as read): districts,
 * distinct activities by status, distinct measures, resource entries. */
static void count(struct view_ledger *l)
{
	for (size_t i = 0; i < l->nitems; i++) {
		const struct ledger_item *it = &l->items[i];
		struct ledger_party *p = &l->parties[it->party];
		int s;

		if (!p->nitems++)
			p->item0 = i;
		if (!i || it->party != l->items[i - 1].party || it->district != l->items[i - 1].district)
			p->districts++;
		if (it->via == LEDGER_RESOURCE)
			p->resources++;
		else if (seen(l, p, i))
			continue;
		else if (it->via == LEDGER_MEASURE)
			p->measures++;
		else if (p->activities++, (s = act_status_index(it->status)) >= 0)
			p->status_n[s]++;
		else
			p->unreported++;
	}
}

/* rank: silent (no report the viewer can see) 0, late 1, the rest 2. */
static int rank(const struct ledger_party *p)
{
	return p->report != LEDGER_REPORTED ? 0 : p->late ? 1 : 2;
}

static int party_cmp(const void *pa, const void *pb)
{
	const struct ledger_party *a = pa, *b = pb;

	if (rank(a) != rank(b))
		return rank(a) - rank(b);
	return (a->pos > b->pos) - (a->pos < b->pos);
}

/* arrange: lateness, then the idle parties left out and the rest ordered (by name within a
 * rank: the order they were read in, pos). */
static void arrange(struct ctx *x)
{
	struct view_ledger *l = x->l;
	size_t n = 0;

	for (size_t i = 0; i < l->nparties; i++) {
		struct ledger_party *p = &l->parties[i];
		int done = p->report == LEDGER_REPORTED && (strcmp(p->report_status, "submitted") == 0 ||
							    strcmp(p->report_status, "approved") == 0);

		p->late = l->due && strcmp(l->today, l->due) > 0 && !done;
		if (!p->nitems && p->report != LEDGER_REPORTED) {
			l->nidle++;
			continue;
		}
		p->pos = i;
		l->parties[n++] = *p;
	}
	l->nparties = n;
	qsort(l->parties, n, sizeof(*l->parties), party_cmp);
}

int view_ledger_load(struct store *st, struct arena *a, const struct model_period *p, struct view_ledger *l,
		     struct err *e)
{
	struct ctx x = { st, a, e, l, { 0 }, { 0 }, { 0 }, { 0 }, { 0 }, NULL };

	memset(l, 0, sizeof(*l));
	l->period = *p;
	view_ledger_today(l->today);
	if (read_all(&x) != LUP_OK)
		return LUP_EDB;
	fill_districts(&x);
	fill_parties(&x);
	fill_items(&x);
	qsort(l->items, l->nitems, sizeof(*l->items), item_cmp);
	count(l);
	arrange(&x);
	return LUP_OK;
}
