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
#include "core/collate.h"
#include "core/numfmt.h"
#include "store/store.h"
#include "view/commitments.h"
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

/* A party as read, beside its ledger_party: its pair, whether the viewer may read its
 * unpublished reports, its report of the period. */
struct party_x {
	int64_t pair_id;
	int reads;
	const struct report_x *rep;	/* the newest approved report of a member's, else the newest */
};

/* A report of the period. */
struct report_x {
	int64_t id, org_id;
	const char *org, *status;
	int readable;
};

/* Organisation org is a member of party (its place among the parties by name). */
struct member {
	int64_t org;
	size_t party;
};

/* Organisation org records pair as its pair. */
struct pair {
	int64_t org, pair;
};

/* An adopted LUP version and the index of its district (-1: its area is no district; the
 * districts are read first). */
struct adopted {
	int64_t pv;
	long district;
};

/* An activity's status in a report. */
struct update {
	int64_t report, activity;
	const char *status;
};

/* The load's state: what each read gives, in arrays grown in the arena. */
struct ctx {
	struct arena *a;
	struct view_ledger *l;
	int64_t *district_ids;
	int capd, capd2, capd3;
	struct party_x *px;		/* beside l->parties */
	int cappx, capparties;
	struct member *m;		/* by organisation, then party */
	int nm, capm;
	struct pair *pairs;
	int npairs, cappairs;
	struct report_x *rep;
	int nrep, caprep;
	struct adopted *ad;
	int nad, capad;
	struct update *up;
	int nup, capup;
	int capitems;
};

static const char *dup_col(struct arena *a, const struct store_row *row, int i)
{
	return arena_strdup(a, store_col_text(row, i));
}

static long district_of(const struct ctx *x, int64_t id)
{
	for (size_t i = 0; i < x->l->ndistricts; i++)
		if (x->district_ids[i] == id)
			return (long)i;
	return -1;
}

/* district_row: a district (STMT_COMMIT_DISTRICTS' columns by place), in its order. */
static int district_row(void *ctx, const struct store_row *row)
{
	struct ctx *x = ctx;
	struct view_ledger *l = x->l;
	int n = (int)l->ndistricts;

	l->district_keys = arena_grow(x->a, l->district_keys, n, &x->capd, sizeof(char *), 16);
	l->district_names = arena_grow(x->a, l->district_names, n, &x->capd2, sizeof(char *), 16);
	x->district_ids = arena_grow(x->a, x->district_ids, n, &x->capd3, sizeof(int64_t), 16);
	x->district_ids[n] = store_col_int(row, 0);
	l->district_keys[n] = dup_col(x->a, row, 1);
	l->district_names[n] = dup_col(x->a, row, 2);
	l->ndistricts++;
	return 0;
}

/* party_row: a party (STMT_COMMIT_LEDGER_PARTIES), in no order (arranged by load_parties). */
static int party_row(void *ctx, const struct store_row *row)
{
	struct ctx *x = ctx;
	struct view_ledger *l = x->l;
	int n = (int)l->nparties;

	l->parties = arena_grow(x->a, l->parties, n, &x->capparties, sizeof(*l->parties), 64);
	x->px = arena_grow(x->a, x->px, n, &x->cappx, sizeof(*x->px), 64);
	l->parties[n] = (struct ledger_party){ .id = store_col_int(row, 0), .key = dup_col(x->a, row, 1),
		.name = dup_col(x->a, row, 2), .kind = dup_col(x->a, row, 3) };
	x->px[n] = (struct party_x){ store_col_int(row, 4), store_col_int(row, 5) != 0, NULL };
	l->nparties++;
	return 0;
}

static int pair_row(void *ctx, const struct store_row *row)
{
	struct ctx *x = ctx;

	x->pairs = arena_grow(x->a, x->pairs, x->npairs, &x->cappairs, sizeof(*x->pairs), 64);
	x->pairs[x->npairs++] = (struct pair){ store_col_int(row, 0), store_col_int(row, 1) };
	return 0;
}

static int report_row(void *ctx, const struct store_row *row)
{
	struct ctx *x = ctx;

	x->rep = arena_grow(x->a, x->rep, x->nrep, &x->caprep, sizeof(*x->rep), 16);
	x->rep[x->nrep++] = (struct report_x){ store_col_int(row, 0), store_col_int(row, 1), dup_col(x->a, row, 2),
		dup_col(x->a, row, 3), store_col_int(row, 4) != 0 };
	return 0;
}

static int due_row(void *ctx, const struct store_row *row)
{
	struct ctx *x = ctx;

	if (!x->l->due)
		x->l->due = dup_col(x->a, row, 0);
	return 0;
}

static int adopted_row(void *ctx, const struct store_row *row)
{
	struct ctx *x = ctx;

	x->ad = arena_grow(x->a, x->ad, x->nad, &x->capad, sizeof(*x->ad), 32);
	x->ad[x->nad++] = (struct adopted){ store_col_int(row, 0), district_of(x, store_col_int(row, 1)) };
	return 0;
}

static void add_member(struct ctx *x, int64_t org, size_t party)
{
	x->m = arena_grow(x->a, x->m, x->nm, &x->capm, sizeof(*x->m), 128);
	x->m[x->nm++] = (struct member){ org, party };
}

static int cmp_member(const void *pa, const void *pb)
{
	const struct member *a = pa, *b = pb;

	if (a->org != b->org)
		return a->org < b->org ? -1 : 1;
	return (a->party > b->party) - (a->party < b->party);
}

/* members_of: the first of organisation org's member rows (sorted by org, then party), or NULL. */
static const struct member *members_of(const struct ctx *x, int64_t org)
{
	int lo = 0, hi = x->nm;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (x->m[mid].org < org)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->nm && x->m[lo].org == org ? &x->m[lo] : NULL;
}

static long party_by_id(const struct view_ledger *l, int64_t id)
{
	for (size_t i = 0; i < l->nparties; i++)
		if (l->parties[i].id == id)
			return (long)i;
	return -1;
}

/* A party's place as read and its sort keys. */
struct pkey {
	int rank;
	int64_t id;
	size_t i;
};

static int cmp_pkey(const void *pa, const void *pb)
{
	const struct pkey *a = pa, *b = pb;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* order_districts: the districts by name (read in no order), the adopted versions' district
 * indexes with them. */
static int order_districts(struct ctx *x, struct err *e)
{
	struct view_ledger *l = x->l;
	size_t n = l->ndistricts;
	size_t *perm = arena_alloc_raw(x->a, sizeof(*perm) * (n + 1)), *inv = arena_alloc_raw(x->a, sizeof(*inv) * (n + 1));
	const char **keys = arena_alloc_raw(x->a, sizeof(*keys) * (n + 1));
	const char **names = arena_alloc_raw(x->a, sizeof(*names) * (n + 1));
	int64_t *ids = arena_alloc_raw(x->a, sizeof(*ids) * (n + 1));

	if (commit_districts_order(x->a, l->district_names, x->district_ids, n, perm) != 0)
		return err_set(e, LUP_EDB, "no Swedish collator");
	for (size_t i = 0; i < n; i++) {
		keys[i] = l->district_keys[perm[i]], names[i] = l->district_names[perm[i]];
		ids[i] = x->district_ids[perm[i]], inv[perm[i]] = i;
	}
	l->district_keys = keys, l->district_names = names, x->district_ids = ids;
	for (int i = 0; i < x->nad; i++)
		if (x->ad[i].district >= 0)
			x->ad[i].district = (long)inv[x->ad[i].district];
	return LUP_OK;
}

/* order_parties: the parties (and px) in the order of their names (Swedish, then id). */
static int order_parties(struct ctx *x, struct err *e)
{
	struct view_ledger *l = x->l;
	size_t n = l->nparties;
	const char **names = arena_alloc(x->a, sizeof(*names) * (n + 1));
	int *rank = arena_alloc(x->a, sizeof(*rank) * (n + 1));
	struct pkey *k = arena_alloc(x->a, sizeof(*k) * (n + 1));
	struct ledger_party *parties = arena_alloc(x->a, sizeof(*parties) * (n + 1));
	struct party_x *px = arena_alloc(x->a, sizeof(*px) * (n + 1));

	for (size_t i = 0; i < n; i++)
		names[i] = l->parties[i].name;
	if (collate_ranks(names, (int)n, rank) != 0)
		return err_set(e, LUP_EDB, "no Swedish collator");
	for (size_t i = 0; i < n; i++)
		k[i] = (struct pkey){ rank[i], l->parties[i].id, i };
	if (n > 1)
		qsort(k, n, sizeof(*k), cmp_pkey);
	for (size_t i = 0; i < n; i++)
		parties[i] = l->parties[k[i].i], px[i] = x->px[k[i].i];
	l->parties = parties;
	x->px = px;
	return LUP_OK;
}

/* make_members: each party's members (itself, its pair, who records it as its pair; each once),
 * by organisation, then party. */
static void make_members(struct ctx *x)
{
	struct view_ledger *l = x->l;
	int n;

	for (int i = 0; i < x->npairs; i++) {
		long p = party_by_id(l, x->pairs[i].pair);

		if (p >= 0)
			add_member(x, x->pairs[i].org, (size_t)p);
	}
	for (size_t i = 0; i < l->nparties; i++) {
		add_member(x, l->parties[i].id, i);
		if (x->px[i].pair_id)
			add_member(x, x->px[i].pair_id, i);
	}
	if (x->nm)
		qsort(x->m, (size_t)x->nm, sizeof(*x->m), cmp_member);
	n = x->nm, x->nm = 0;
	for (int i = 0; i < n; i++)
		if (!x->nm || cmp_member(&x->m[x->nm - 1], &x->m[i]) != 0)
			x->m[x->nm++] = x->m[i];
}

/* pick_reports: each party's report of the period: the newest approved one of its members',
 * else the newest of its members'. */
static void pick_reports(struct ctx *x)
{
	for (int i = 0; i < x->nrep; i++) {
		const struct report_x *r = &x->rep[i];
		const struct member *m = members_of(x, r->org_id);

		for (int64_t org = r->org_id; m && m < x->m + x->nm && m->org == org; m++) {
			struct party_x *p = &x->px[m->party];
			int ra = strcmp(r->status, "approved") == 0, pa = p->rep && strcmp(p->rep->status, "approved") == 0;

			if (!p->rep || ra > pa || (ra == pa && r->id > p->rep->id))
				p->rep = r;
		}
	}
}

/* fill_parties: what the viewer can tell of each party's report. */
static void fill_parties(struct ctx *x)
{
	struct view_ledger *l = x->l;

	for (size_t i = 0; i < l->nparties; i++) {
		struct ledger_party *p = &l->parties[i];
		const struct report_x *r = x->px[i].rep;

		if (r && r->readable) {
			p->report = LEDGER_REPORTED;
			p->report_id = r->id;
			p->report_status = r->status;
			p->report_org = r->org;
		} else {
			p->report = !r && x->px[i].reads ? LEDGER_NO_REPORT : LEDGER_UNPUBLISHED;
		}
	}
}

static struct ledger_item *new_item(struct ctx *x)
{
	struct view_ledger *l = x->l;

	l->items = arena_grow(x->a, l->items, (int)l->nitems, &x->capitems, sizeof(*l->items), 128);
	return &l->items[l->nitems++];
}

/* item_row: an activity or measure row (columns: org_id, area_id or plan_version_id, id, key,
 * title, role) as an item of each party its organisation is a member of, in district d. */
static void item_row(struct ctx *x, const struct store_row *row, enum ledger_via via, long d)
{
	int64_t org = store_col_int(row, 0);
	const struct member *m = members_of(x, org);
	const char *item, *title, *role;

	if (!m || d < 0)
		return;
	item = dup_col(x->a, row, 3), title = dup_col(x->a, row, 4), role = dup_col(x->a, row, 5);
	for (; m < x->m + x->nm && m->org == org; m++)
		*new_item(x) = (struct ledger_item){ .party = m->party, .district = (size_t)d, .via = via,
			.item_id = store_col_int(row, 2), .item = item, .title = title, .role = role, .org_id = org };
}

static int measure_row(void *ctx, const struct store_row *row)
{
	struct ctx *x = ctx;
	int64_t pv = store_col_int(row, 1);
	long d = -1;

	for (int i = 0; i < x->nad && d < 0; i++)
		if (x->ad[i].pv == pv)
			d = x->ad[i].district;
	item_row(x, row, LEDGER_MEASURE, d);
	return 0;
}

static int activity_row(void *ctx, const struct store_row *row)
{
	struct ctx *x = ctx;

	item_row(x, row, LEDGER_ACTIVITY, district_of(x, store_col_int(row, 1)));
	return 0;
}

/* resource_row: an entry of the year's resources, given to the party of the lowest id among
 * those its organisation is a member of (an administration can be one of its own and its
 * committee's). */
static int resource_row(void *ctx, const struct store_row *row)
{
	struct ctx *x = ctx;
	int64_t org = store_col_int(row, 0);
	const struct member *m = members_of(x, org);
	long d = district_of(x, store_col_int(row, 1));
	size_t party;

	if (!m || d < 0)
		return 0;
	for (party = m->party; m < x->m + x->nm && m->org == org; m++)
		if (x->l->parties[m->party].id < x->l->parties[party].id)
			party = m->party;
	*new_item(x) = (struct ledger_item){ .party = party, .district = (size_t)d, .via = LEDGER_RESOURCE,
		.kind = dup_col(x->a, row, 2), .unit = dup_col(x->a, row, 4), .amount = store_col_real(row, 3),
		.org_id = org };
	return 0;
}

static int update_row(void *ctx, const struct store_row *row)
{
	struct ctx *x = ctx;

	x->up = arena_grow(x->a, x->up, x->nup, &x->capup, sizeof(*x->up), 64);
	x->up[x->nup++] = (struct update){ store_col_int(row, 0), store_col_int(row, 1), dup_col(x->a, row, 2) };
	return 0;
}

static int cmp_update(const void *pa, const void *pb)
{
	const struct update *a = pa, *b = pb;

	if (a->report != b->report)
		return a->report < b->report ? -1 : 1;
	return (a->activity > b->activity) - (a->activity < b->activity);
}

/* give_statuses: each activity item's status in its party's report, when the viewer may read it. */
static void give_statuses(struct ctx *x)
{
	struct view_ledger *l = x->l;

	if (x->nup)
		qsort(x->up, (size_t)x->nup, sizeof(*x->up), cmp_update);
	for (size_t i = 0; i < l->nitems && x->nup; i++) {
		struct ledger_item *it = &l->items[i];
		const struct report_x *r = x->px[it->party].rep;
		struct update key, *u;

		if (it->via != LEDGER_ACTIVITY || !r || !r->readable)
			continue;
		key = (struct update){ r->id, it->item_id, NULL };
		if ((u = bsearch(&key, x->up, (size_t)x->nup, sizeof(*x->up), cmp_update)))
			it->status = u->status;
	}
}

static int cmp_id(const void *pa, const void *pb)
{
	const int64_t *a = pa, *b = pb;

	return (*a > *b) - (*a < *b);
}

/* id_list: the distinct ids ids[0..n) (sorted here) joined by commas, in the arena. */
static const char *id_list(struct arena *a, int64_t *ids, int n)
{
	char *s = arena_alloc_raw(a, (size_t)n * NUMFMT_SIZE + 1);
	size_t len = 0;

	if (n > 1)
		qsort(ids, (size_t)n, sizeof(*ids), cmp_id);
	for (int i = 0; i < n; i++) {
		if (i && ids[i] == ids[i - 1])
			continue;
		if (len)
			s[len++] = ',';
		len += numfmt_long(ids[i], s + len);
	}
	s[len] = '\0';
	return s;
}

/* read_first: the districts, parties, pairs, reports of the period, its deadline and the
 * adopted LUP versions (one go: a round trip on PostgreSQL). */
static int read_first(struct store *st, struct ctx *x, const struct sval *args, struct err *e)
{
	const struct store_q q[] = {
		{ STMT_COMMIT_DISTRICTS, NULL, 0, district_row, x },
		{ STMT_COMMIT_LEDGER_PARTIES, NULL, 0, party_row, x },
		{ STMT_COMMIT_LEDGER_PAIRS, NULL, 0, pair_row, x },
		{ STMT_COMMIT_LEDGER_REPORTS, args, 2, report_row, x },
		{ STMT_COMMIT_LEDGER_DUE, args, 2, due_row, x },
		{ STMT_COMMIT_ADOPTED, NULL, 0, adopted_row, x },
	};

	return store_query_many(st, q, (int)(sizeof(q) / sizeof(q[0])), e);
}

/* read_items: the members' partnerships in measures, activities and resources, and the statuses in the parties'
 * readable reports (one go). */
static int read_items(struct store *st, struct ctx *x, const struct sval *year, struct err *e)
{
	int64_t *owners = arena_alloc_raw(x->a, sizeof(int64_t) * ((size_t)x->nm + 1));
	int64_t *reps = arena_alloc_raw(x->a, sizeof(int64_t) * (x->l->nparties + 1));
	int nr = 0;
	struct sval aa[2], ua[1];

	for (int i = 0; i < x->nm; i++)
		owners[i] = x->m[i].org;
	for (size_t i = 0; i < x->l->nparties; i++)
		if (x->px[i].rep && x->px[i].rep->readable)
			reps[nr++] = x->px[i].rep->id;
	aa[0] = *year, aa[1] = (struct sval)SVS(id_list(x->a, owners, x->nm));
	ua[0] = (struct sval)SVS(id_list(x->a, reps, nr));
	{
		const struct store_q q[] = {
			{ STMT_COMMIT_LEDGER_MEASURES, &aa[1], 1, measure_row, x },
			{ STMT_COMMIT_LEDGER_ACTIVITIES, aa, 2, activity_row, x },
			{ STMT_COMMIT_LEDGER_RESOURCES, year, 1, resource_row, x },
			{ STMT_COMMIT_LEDGER_UPDATES, ua, 1, update_row, x },
		};

		return store_query_many(st, q, nr ? 4 : 3, e);
	}
}

/* rank_titles: the activities' and measures' titles' Swedish ranks into their seq (the order
 * within a party's district and kind: title, then key, as the ledger lists them). */
static int rank_titles(struct ctx *x, struct err *e)
{
	struct view_ledger *l = x->l;
	const char **t = arena_alloc_raw(x->a, sizeof(*t) * (l->nitems + 1));
	int *rank = arena_alloc_raw(x->a, sizeof(*rank) * (l->nitems + 1));

	for (size_t i = 0; i < l->nitems; i++)
		t[i] = l->items[i].title;
	if (collate_ranks(t, (int)l->nitems, rank) != 0)
		return err_set(e, LUP_EDB, "no Swedish collator");
	for (size_t i = 0; i < l->nitems; i++)
		l->items[i].seq = rank[i];
	return LUP_OK;
}

static int nstrcmp(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) : (a != NULL) - (b != NULL);
}

/* item_cmp: by party, district, kind (activities, measures, resources); activities and measures
 * by title (Swedish: seq), key and role, resources by organisation and kind. */
static int item_cmp(const void *pa, const void *pb)
{
	const struct ledger_item *a = pa, *b = pb;
	int c;

	if (a->party != b->party)
		return a->party < b->party ? -1 : 1;
	if (a->district != b->district)
		return a->district < b->district ? -1 : 1;
	if (a->via != b->via)
		return a->via < b->via ? -1 : 1;
	if (a->via == LEDGER_RESOURCE) {
		if (a->org_id != b->org_id)
			return a->org_id < b->org_id ? -1 : 1;
		return nstrcmp(a->kind, b->kind);
	}
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	if ((c = nstrcmp(a->item, b->item)) != 0)
		return c;
	return nstrcmp(a->role, b->role);
}

/* order_items: the items in the ledger's order, a measure that two members of a party are
 * partners of in the same role once. */
static void order_items(struct view_ledger *l)
{
	size_t n = 0;

	if (l->nitems)
		qsort(l->items, l->nitems, sizeof(*l->items), item_cmp);
	for (size_t i = 0; i < l->nitems; i++)
		if (!n || l->items[i].via != LEDGER_MEASURE || item_cmp(&l->items[n - 1], &l->items[i]) != 0)
			l->items[n++] = l->items[i];
	l->nitems = n;
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
	struct ctx x = { .a = a, .l = l };
	char kind[4];
	struct sval args[] = { SVI(p->year), SVS(kind) };

	memset(l, 0, sizeof(*l));
	l->period = *p;
	view_ledger_today(l->today);
	snprintf(kind, sizeof(kind), "%s", p->kind == MODEL_PERIOD_T1 ? "T1" : p->kind == MODEL_PERIOD_T2 ? "T2" : "FY");
	if (read_first(st, &x, args, e) != LUP_OK)
		return LUP_EDB;
	if (order_districts(&x, e) != LUP_OK || order_parties(&x, e) != LUP_OK)
		return e->code;
	make_members(&x);
	pick_reports(&x);
	fill_parties(&x);
	if (read_items(st, &x, &args[0], e) != LUP_OK)
		return LUP_EDB;
	give_statuses(&x);
	if (rank_titles(&x, e) != LUP_OK)
		return e->code;
	order_items(l);
	count(l);
	arrange(&x);
	return LUP_OK;
}
