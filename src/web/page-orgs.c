/* page-orgs.c: GET /organisationer[?typ=SLUG], every organisation grouped by kind, with a filter
 * form (GET) by kind. Three small reads in one go (STMT_WEB_CITY_ORG_LIST, _ORG_DISTRICTS,
 * _ORG_COUNTS: one round trip on PostgreSQL) joined here by id: each organisation with its
 * counterpart, its districts and its counts of public goals and activities, sorted by Swedish
 * name (core/collate.h) and grouped by kind. One kind is two statements of its own
 * (STMT_WEB_PLACES_ORG_KINDS, STMT_WEB_PLACES_ORGS), a fifth of the whole list's reads. */
#include "web/pages-places.h"
#include "store/store.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/collate.h"
#include "core/err.h"
#include "core/numfmt.h"

#include <stdlib.h>
#include <string.h>

#define KINDS_MAX 32	/* kinds counted (places_kind_at has fewer) */

/* One line of the list: an organisation with one of its districts (or none). */
struct org_line {
	int kind;			/* its place in places_kind_at, -1: another */
	int org;			/* its organisation's row in the statement read (its lines adjacent) */
	const char *key, *name, *pair, *pair_name, *district, *district_name;
	int city_owned, housing;
	long goals, activities;
};

/* The lines shown, by Swedish name, and the number of organisations of each kind; the lines
 * of kind k are line[of_kind[i]] for i in [from[k], from[k + 1]), by name. */
struct orgs {
	struct org_line *line;
	int nlines;
	long count[KINDS_MAX];
	int *of_kind;
	int from[KINDS_MAX + 1];
};

/* One organisation as read (STMT_WEB_CITY_ORG_LIST), its columns taken as the page uses them. */
struct org_rec {
	int64_t id, pair_id;
	int has_pair;			/* pair_id is not NULL */
	int kind;			/* its place in places_kind_at, -1: another */
	int city_owned, housing;
	const char *key, *name;		/* in the request's arena */
};

/* The organisations, by id (collect_org's context). */
struct org_list {
	struct arena *a;
	const char *const *kinds;	/* places_kind_at's, NULL-terminated */
	struct org_rec *rec;
	int n, cap, ncols;
};

/* The three reads: organisations by id, districts with a committee, counts per owner. */
struct org_reads {
	struct org_list list;
	struct rowset dist, cnt;
	int *pair;			/* per organisation: its counterpart's row, -1: none */
	int *own_pair;			/* per organisation: its pair_id's row, -1: none */
	int *committee;			/* per district: its committee's row, -1: none */
	int *first_dist, *next_dist;	/* per organisation its first district (by row), per district
					 * the next of the same committee; -1: none */
	const char *kinds[KINDS_MAX + 1];	/* places_kind_at's, NULL-terminated */
	long *goals, *acts;		/* per organisation */
};

/* org_at: the row of the organisation with id in l (sorted by id), -1 when none. */
static int org_at(const struct org_list *l, int64_t id)
{
	int lo = 0, hi = l->n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		int64_t v = l->rec[mid].id;
		if (v == id)
			return mid;
		if (v < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* kind_of: the place of kind among the kinds (places_kind_at, NULL-terminated), -1 when
 * another. */
static int kind_of(const char *const *kinds, const char *kind)
{
	for (int k = 0; kind && kinds[k]; k++)
		if (kinds[k][0] == kind[0] && strcmp(kind, kinds[k]) == 0)
			return k;
	return -1;
}

/* collect_org: one row of STMT_WEB_CITY_ORG_LIST (id, kind, key, name, pair_id, city_owned,
 * housing) into ctx's struct org_list; the texts copied, the integers kept as numbers (a
 * rowset would print each integer and copy its text). */
static int collect_org(void *ctx, const struct store_row *r)
{
	struct org_list *l = ctx;
	struct org_rec *o;

	l->ncols = store_ncols(r);
	if (l->ncols < 7)
		return 1;
	l->rec = arena_grow(l->a, l->rec, l->n, &l->cap, sizeof(struct org_rec), 256);
	o = &l->rec[l->n++];
	o->id = store_col_int(r, 0);
	o->kind = kind_of(l->kinds, store_col_text(r, 1));
	o->key = arena_strdup(l->a, store_col_text(r, 2));
	o->name = arena_strdup(l->a, store_col_text(r, 3));
	o->has_pair = store_col_type(r, 4) != SV_NULL;
	o->pair_id = o->has_pair ? store_col_int(r, 4) : 0;
	o->city_owned = (int)store_col_int(r, 5);
	o->housing = (int)store_col_int(r, 6);
	return 0;
}

/* join_ids: each organisation's counterpart (its pair_id, else the lowest id pairing with it),
 * the row of its pair_id, its counts of public goals and activities, and each district's
 * committee's row, by row. */
static void join_ids(struct http_req *r, struct org_reads *x)
{
	int n = x->list.n;

	x->pair = arena_alloc_raw(&r->a, sizeof(*x->pair) * (size_t)(n + 1));
	x->own_pair = arena_alloc_raw(&r->a, sizeof(*x->own_pair) * (size_t)(n + 1));
	x->goals = arena_alloc(&r->a, sizeof(*x->goals) * (size_t)(n + 1));
	x->acts = arena_alloc(&r->a, sizeof(*x->acts) * (size_t)(n + 1));
	x->committee = arena_alloc_raw(&r->a, sizeof(*x->committee) * (size_t)(x->dist.nrows + 1));
	for (int i = 0; i < n; i++)
		x->pair[i] = x->own_pair[i] = -1;
	for (int i = 0; i < n; i++) {	/* by id: the first to pair with an organisation is the lowest */
		int p = x->list.rec[i].has_pair ? org_at(&x->list, x->list.rec[i].pair_id) : -1;
		x->own_pair[i] = p;
		if (p >= 0)
			x->pair[i] = p;
		if (p >= 0 && x->pair[p] < 0 && !x->list.rec[p].has_pair)
			x->pair[p] = i;
	}
	for (int i = 0; i < x->cnt.nrows; i++) {	/* what: 0 goals, 1 activities, 2, 3 theirs in drafts */
		int o = org_at(&x->list, rowset_ic(&x->cnt, i, 1));
		int64_t what = rowset_ic(&x->cnt, i, 0);
		long c = (long)rowset_ic(&x->cnt, i, 2);
		if (o >= 0)
			*(what % 2 ? &x->acts[o] : &x->goals[o]) += what >= 2 ? -c : c;
	}
	x->first_dist = arena_alloc_raw(&r->a, sizeof(*x->first_dist) * (size_t)(n + 1));
	x->next_dist = arena_alloc_raw(&r->a, sizeof(*x->next_dist) * (size_t)(x->dist.nrows + 1));
	for (int i = 0; i < n; i++)
		x->first_dist[i] = -1;
	for (int d = 0; d < x->dist.nrows; d++)
		x->committee[d] = org_at(&x->list, rowset_ic(&x->dist, d, 0));
	for (int d = x->dist.nrows - 1; d >= 0; d--) {	/* each committee's districts in row order */
		int c = x->committee[d];
		x->next_dist[d] = c >= 0 ? x->first_dist[c] : -1;
		if (c >= 0)
			x->first_dist[c] = d;
	}
}

/* add_line: appends organisation i's line with district row d of x->dist (-1: none). */
static void add_line(struct orgs *o, const struct org_reads *x, int i, int d)
{
	const struct org_rec *row = &x->list.rec[i];
	int p = x->pair[i];

	o->line[o->nlines++] = (struct org_line){ row->kind, i, row->key, row->name,
		p >= 0 ? x->list.rec[p].key : NULL, p >= 0 ? x->list.rec[p].name : NULL,
		d >= 0 ? x->dist.rows[d][1].s : NULL, d >= 0 ? x->dist.rows[d][2].s : NULL,
		row->city_owned, row->housing, x->goals[i], x->acts[i] };
}

/* add_org: organisation i's lines (counted only when o->line is NULL): one per district whose
 * committee is the organisation, then one per district whose committee is its pair_id; one
 * without a district when there is none. Returns the number of lines. */
static int add_org(struct orgs *o, const struct org_reads *x, int i)
{
	int n = 0;

	for (int pass = 0; pass < 2; pass++) {
		int want = pass ? x->own_pair[i] : i;
		for (int d = want >= 0 ? x->first_dist[want] : -1; d >= 0; d = x->next_dist[d])
			if (++n && o->line)
				add_line(o, x, i, d);
	}
	if (!n && o->line)
		add_line(o, x, i, -1);
	return n ? n : 1;
}

/* sort_by_name: the lines (by id) put in Swedish order of their names, then by id: the
 * organisations' names ranked (core/collate.h), the lines placed by rank (a counting sort: the
 * ranks are below n, and lines of one rank keep their order). -1 when the collation fails
 * (answered). */
static int sort_by_name(struct http_req *r, struct orgs *o)
{
	int n = o->nlines;
	const char **names = arena_alloc_raw(&r->a, sizeof(*names) * (size_t)(n + 1));
	int *rank = arena_alloc_raw(&r->a, sizeof(*rank) * (size_t)(n + 1));
	int *of = arena_alloc_raw(&r->a, sizeof(*of) * (size_t)(n + 1));	/* per line its organisation's */
	int *at = arena_alloc(&r->a, sizeof(*at) * (size_t)(n + 1));	/* zeroed */
	struct org_line *s = arena_alloc_raw(&r->a, sizeof(*s) * (size_t)(n + 1));
	int norgs = 0;

	for (int i = 0; i < n; i++) {	/* an organisation's lines are adjacent: its name ranked once */
		if (i == 0 || o->line[i].org != o->line[i - 1].org)
			names[norgs++] = o->line[i].name;
		of[i] = norgs - 1;
	}
	if (collate_ranks(names, norgs, rank) != 0) {
		err_set(&r->err, LUP_EDB, "cannot sort the organisations by name: the Swedish collation failed");
		return places_fail(r);
	}
	for (int i = 0; i < n; i++)
		at[rank[of[i]] + 1]++;
	for (int k = 1; k < n; k++)
		at[k] += at[k - 1];
	for (int i = 0; i < n; i++)
		s[at[rank[of[i]]]++] = o->line[i];
	o->line = s;
	return 0;
}

/* group_kinds: the organisations counted by kind (an organisation once, not per line) and
 * the lines grouped by kind (o->of_kind, o->from), each kind's in the order of o->line. */
static void group_kinds(struct http_req *r, struct orgs *o)
{
	int n[KINDS_MAX] = { 0 }, at[KINDS_MAX];

	o->of_kind = arena_alloc_raw(&r->a, sizeof(*o->of_kind) * (size_t)(o->nlines + 1));
	for (int i = 0; i < o->nlines; i++) {
		int k = o->line[i].kind;
		if (k < 0)
			continue;
		n[k]++;
		if (i == 0 || o->line[i - 1].org != o->line[i].org)
			o->count[k]++;
	}
	for (int k = 0; k < KINDS_MAX; k++)
		o->from[k + 1] = o->from[k] + n[k], at[k] = o->from[k];
	for (int i = 0; i < o->nlines; i++)
		if (o->line[i].kind >= 0)
			o->of_kind[at[o->line[i].kind]++] = i;
}

/* load: every organisation's lines by name, with the kinds counted (an organisation once, not
 * per line); -1 on a database error (answered). */
static int load(struct http_req *r, struct orgs *o)
{
	struct org_reads x = { 0 };
	struct store_q q[3];
	int n = 0, nlines = 0;

	for (int k = 0; k < KINDS_MAX && (x.kinds[k] = places_kind_at(k)); k++)
		;
	x.list = (struct org_list){ &r->a, x.kinds, NULL, 0, 0, 7 };
	q[n++] = (struct store_q){ STMT_WEB_CITY_ORG_LIST, NULL, 0, collect_org, &x.list };
	places_want(r, q, &n, &x.dist, STMT_WEB_CITY_ORG_DISTRICTS, NULL, 0);
	places_want(r, q, &n, &x.cnt, STMT_WEB_CITY_ORG_COUNTS, NULL, 0);
	if (places_fetch(r, q, n))
		return -1;
	if (x.list.ncols < 7 || x.dist.ncols < 3 || x.cnt.ncols < 3) {
		err_set(&r->err, LUP_EDB, "the organisations list's statements gave too few columns");
		return places_fail(r);
	}
	join_ids(r, &x);
	for (int i = 0; i < x.list.n; i++)
		nlines += add_org(o, &x, i);
	o->line = arena_alloc_raw(&r->a, sizeof(*o->line) * (size_t)(nlines + 1));
	for (int i = 0; i < x.list.n; i++)
		add_org(o, &x, i);
	if (sort_by_name(r, o))
		return -1;
	group_kinds(r, o);
	return 0;
}

/* filter_form: the kind filter, each kind with its number of organisations. */
static void filter_form(struct html *h, const struct orgs *o, const char *chosen)
{
	html_open(h, "form", "class", "filter no-print", "method", "get", "action", "/organisationer", NULL);
	HTML_OPEN(h, "div");
	HTML_ELEM_A(h, "label", "for", "typ", "Typ av organisation");
	html_open(h, "select", "id", "typ", "name", "typ", NULL);
	html_elem(h, "option", "Alla typer", "value", "", "selected", chosen ? NULL : "", NULL);
	for (int k = 0; places_kind_at(k); k++) {
		const char *kind = places_kind_at(k);
		long n = k < KINDS_MAX ? o->count[k] : 0;
		if (!n)
			continue;
		html_open(h, "option", "value", places_kind_slug(kind),
			  "selected", chosen && strcmp(chosen, kind) == 0 ? "" : NULL, NULL);
		html_textf(h, "%s (%ld)", places_kind_plural_sv(kind), n);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	HTML_ELEM_A(h, "button", "type", "submit", "Visa");
	html_close(h);
}

/* link: what places_link writes (text, linked to PREFIX/ARG when arg is not NULL), its href
 * built in href (reset here) rather than copied into the request's arena per link. */
static void link(struct html *h, struct buf *href, const char *prefix, size_t prefix_len, const char *arg,
		 const char *text)
{
	if (!arg) {
		html_text(h, text);
		return;
	}
	buf_reset(href);
	buf_add(href, prefix, prefix_len);
	html_url_arg(href, arg);
	HTML_ELEM_A(h, "a", "href", href->ptr, text);
}

/* The constant markup between a line's cells (written whole: no data in it). */
static const char row_start[] = "<tr><th scope=\"row\">", row_th_td[] = "</th><td>", row_td_td[] = "</td><td>",
	row_td_num[] = "</td><td class=\"num\">", row_end[] = "</td></tr>";

/* count_cell: the end of the cell before and a count's cell (most counts are 0: that cell is
 * constant markup whole). */
static void count_cell(struct html *h, long count)
{
	char n[NUMFMT_SIZE];

	if (count == 0) {
		html_raw_trusted(h, "</td><td class=\"num\">0");
		return;
	}
	html_raw_trusted(h, row_td_num);
	numfmt_long(count, n);
	html_text(h, n);
}

/* org_row: one organisation: name, counterpart, district, flags, goals and activities (href:
 * room for the links, reused from row to row); the markup between the cells as constant
 * markup, the texts and links through the writer. */
static void org_row(struct html *h, struct buf *href, const struct org_line *l, int is_company)
{
	static const char org[] = "/organisation/", dist[] = "/stadsdel/";

	html_raw_trusted(h, row_start);
	link(h, href, org, sizeof(org) - 1, l->key, l->name);
	html_raw_trusted(h, row_th_td);
	link(h, href, org, sizeof(org) - 1, l->pair, l->pair_name);
	html_raw_trusted(h, row_td_td);
	link(h, href, dist, sizeof(dist) - 1, l->district, l->district_name);
	if (l->city_owned && is_company)
		html_text(h, l->housing ? "Stadens bostadsbolag" : "Ägs av staden");
	count_cell(h, l->goals);
	count_cell(h, l->activities);
	html_raw_trusted(h, row_end);
}

/* kind_section: the heading and table of the organisations of the k-th kind; nothing when it
 * has none. */
static void kind_section(struct html *h, const struct orgs *o, int k)
{
	/* what places_thead writes for the columns Organisation, Hör ihop med, Stadsdelsområde eller
	 * ägande, #Mål, #Aktiviteter: constant markup */
	static const char thead[] = "<thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">Hör ihop med</th>"
		"<th scope=\"col\">Stadsdelsområde eller ägande</th><th scope=\"col\" class=\"num\">Mål</th>"
		"<th scope=\"col\" class=\"num\">Aktiviteter</th></tr></thead>";
	const char *kind = places_kind_at(k);
	int nrows = k < KINDS_MAX ? o->from[k + 1] - o->from[k] : 0, company = strcmp(kind, "company_board") == 0;
	struct buf href;

	if (!nrows)
		return;
	html_open(h, "section", "aria-labelledby", places_kind_slug(kind), NULL);
	html_open(h, "h2", "id", places_kind_slug(kind), NULL);
	html_textf(h, "%s (%d)", places_kind_plural_sv(kind), nrows);
	html_close(h);
	HTML_OPEN(h, "table");
	HTML_OPEN_A(h, "caption", "class", "visually-hidden");
	html_textf(h, "Organisationer av typen %s", places_kind_sv(kind));
	html_close(h);
	html_raw_trusted(h, thead);
	HTML_OPEN(h, "tbody");
	buf_init(&href, 4096);	/* page_href's bound */
	for (int i = o->from[k]; i < o->from[k + 1]; i++)
		org_row(h, &href, &o->line[o->of_kind[i]], company);
	buf_release(&href);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* load_kind: the organisations of one kind (STMT_WEB_PLACES_ORGS: by Swedish name, an
 * organisation's rows adjacent) as lines, and every kind's count (STMT_WEB_PLACES_ORG_KINDS:
 * rows "kind, count"): a fifth of the whole list's reads; -1 on a database error (answered). */
static int load_kind(struct http_req *r, struct orgs *o, const char *kind)
{
	struct sval k = SVS(kind);
	struct rowset counts, rs;
	int at = -1;

	if (places_query(r, &counts, STMT_WEB_PLACES_ORG_KINDS, NULL, 0) ||
	    places_query(r, &rs, STMT_WEB_PLACES_ORGS, &k, 1))
		return -1;
	for (int n = 0; places_kind_at(n) && n < KINDS_MAX; n++) {
		if (strcmp(places_kind_at(n), kind) == 0)
			at = n;
		for (int i = 0; i < counts.nrows; i++)
			if (strcmp(counts.rows[i][0].s, places_kind_at(n)) == 0)
				o->count[n] = (long)rowset_ic(&counts, i, 1);
	}
	o->line = arena_alloc(&r->a, sizeof(*o->line) * (size_t)(rs.nrows + 1));
	for (int i = 0; i < rs.nrows; i++)
		o->line[o->nlines++] = (struct org_line){ at, i, places_s(&rs, i, "key"), places_s(&rs, i, "name"),
			places_s(&rs, i, "pair"), places_s(&rs, i, "pair_name"), places_s(&rs, i, "district"),
			places_s(&rs, i, "district_name"), (int)places_i(&rs, i, "city_owned"),
			(int)places_i(&rs, i, "housing"), (long)places_i(&rs, i, "goals"),
			(long)places_i(&rs, i, "activities") };
	o->of_kind = arena_alloc(&r->a, sizeof(*o->of_kind) * (size_t)(o->nlines + 1));
	for (int i = 0; i < o->nlines; i++)
		o->of_kind[i] = i;
	if (at >= 0)
		o->from[at + 1] = o->nlines;
	for (int j = at + 2; at >= 0 && j <= KINDS_MAX; j++)
		o->from[j] = o->nlines;
	return 0;
}

int page_orgs(struct http_req *r)
{
	const char *slug = http_query(r, "typ"), *chosen = NULL;
	struct orgs o = { 0 };
	struct html *h;

	if (slug && *slug && !(chosen = places_kind_from_slug(slug)))
		return page_error(r, 400, "Det finns ingen sådan typ av organisation. Välj en typ i listan.");
	if (chosen ? load_kind(r, &o, chosen) : load(r, &o))
		return r->status;
	h = page_begin(r, chosen ? places_kind_plural_sv(chosen) : "Organisationer", NAV_ORGS);
	buf_reserve(&r->out, 8192 + 256 * (size_t)o.nlines);	/* about 220 bytes a line: no doubling on the way */
	HTML_ELEM(h, "h1", "Organisationer");
	html_elem(h, "p", "Alla organisationer som stadens planer och uppföljningar nämner: kommunfullmäktige, "
		  "nämnder och förvaltningar, stadens bolag och de myndigheter, föreningar och nätverk som de "
		  "samverkar med.", "class", "lede", NULL);
	filter_form(h, &o, chosen);
	for (int k = 0; places_kind_at(k); k++)
		if (!chosen || strcmp(chosen, places_kind_at(k)) == 0)
			kind_section(h, &o, k);
	return page_end(r, h);
}
