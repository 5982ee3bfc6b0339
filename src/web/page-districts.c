/* page-districts.c: GET /stadsdelar, the 14 districts (stadsdelsområden) with their committee,
 * whether their programme is prioritised, their themes and prioritised areas. */
#include "web/pages-places.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>

/* The district links, the areas' parents, the draft activities and the LUPs' numbers of
 * measures (WEB_PLACES_DISTRICT_COUNTS), from which each district's measures (those of its LUPs'
 * shown versions) and public activities (those linked to the district or to one of its child
 * areas, each once) are counted. */
struct pair {
	int64_t a, b;
};
struct links {
	struct arena *ar;
	struct pair *v[4];	/* by kind: (area, activity), (area, parent), (activity, -),
				 * (district, measures) */
	int n[4], cap[4];
	int bad;
};

static int links_cb(void *ctx, const struct store_row *row)
{
	struct links *l = ctx;
	int64_t k = store_col_int(row, 0);

	if (k < 0 || k > 3) {
		l->bad = 1;
		return 1;
	}
	l->v[k] = arena_grow(l->ar, l->v[k], l->n[k], &l->cap[k], sizeof(struct pair), 256);
	l->v[k][l->n[k]++] = (struct pair){ store_col_int(row, 1), store_col_int(row, 2) };
	return 0;
}

static int pair_cmp(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

/* find: the pair of v[0..n) (sorted) whose a is key, or NULL */
static const struct pair *find(const struct pair *v, int n, int64_t key)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (v[mid].a < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].a == key ? &v[lo] : NULL;
}

/* links_pairs: the (district or area, activity) pairs of the public activities' links, sorted
 * and without repeats, in *out (count returned); each link counts for its area and the area's
 * parent. */
static int links_pairs(struct links *l, struct pair **out)
{
	struct pair *p = arena_alloc_raw(l->ar, (size_t)(2 * l->n[0] + 1) * sizeof(*p));
	int n = 0, m = 0;

	for (int k = 1; k < 4; k++)
		if (l->n[k] > 1)
			qsort(l->v[k], (size_t)l->n[k], sizeof(struct pair), pair_cmp);
	for (int i = 0; i < l->n[0]; i++) {
		const struct pair *up;

		if (find(l->v[2], l->n[2], l->v[0][i].b))
			continue;
		p[n++] = l->v[0][i];
		if ((up = find(l->v[1], l->n[1], l->v[0][i].a)))
			p[n++] = (struct pair){ up->b, l->v[0][i].b };
	}
	if (n > 1)
		qsort(p, (size_t)n, sizeof(*p), pair_cmp);
	for (int i = 0; i < n; i++)
		if (m == 0 || p[i].a != p[m - 1].a || p[i].b != p[m - 1].b)
			p[m++] = p[i];
	*out = p;
	return m;
}

/* count_of: the number (sum 0) or the sum of b (sum 1) of the pairs of p[0..n) (sorted) whose
 * a is id */
static int64_t count_of(const struct pair *p, int n, int64_t id, int sum)
{
	const struct pair *f = find(p, n, id);
	int64_t c = 0;

	for (; f && f < p + n && f->a == id; f++)
		c += sum ? f->b : 1;
	return c;
}

/* names_cell: a cell listing the names (column 1) of rs's run for district id, or none_text. */
static void names_cell(struct html *h, const struct rowset *rs, int64_t id, const char *none_text)
{
	int from, to;

	places_run(rs, id, &from, &to);
	HTML_OPEN(h, "td");
	if (from == to) {
		HTML_ELEM_A(h, "span", "class", "muted", none_text);
	} else {
		HTML_OPEN_A(h, "ul", "class", "plain");
		for (int i = from; i < to; i++)
			HTML_ELEM(h, "li", rs->rows[i][1].s);
		html_close(h);
	}
	html_close(h);
}

static void district_row(struct http_req *r, struct html *h, const struct rowset *d, int i,
			 const struct rowset *themes, const struct rowset *pareas, const struct links *l,
			 const struct pair *acts, int nacts)
{
	int64_t id = places_i(d, i, "id");
	char n[32];

	HTML_OPEN(h, "tr");
	HTML_OPEN_A(h, "th", "scope", "row");
	places_link(r, h, "/stadsdel", places_s(d, i, "key"), places_s(d, i, "name"));
	html_close(h);
	HTML_OPEN(h, "td");
	places_link(r, h, "/organisation", places_s(d, i, "committee"), places_s(d, i, "committee_name"));
	html_close(h);
	HTML_ELEM(h, "td", places_i(d, i, "prioritised") ? "Ja" : "Nej");
	names_cell(h, themes, id, "Inga teman");
	names_cell(h, pareas, id, "Inga utpekade");
	snprintf(n, sizeof(n), "%lld", (long long)count_of(l->v[3], l->n[3], id, 1));
	places_td_num(h, n);
	snprintf(n, sizeof(n), "%lld", (long long)count_of(acts, nacts, id, 0));
	places_td_num(h, n);
	html_close(h);
}

int page_districts(struct http_req *r)
{
	static const char *const cols[] = { "Stadsdelsområde", "Stadsdelsnämnd", "Prioriterat program",
		"Teman", "Prioriterade områden", "#Åtgärder", "#Aktiviteter", NULL };
	struct rowset d, themes, pareas;
	struct links l = { .ar = &r->a };
	struct store_q q[4];
	struct pair *acts;
	struct html *h;
	int n = 0, nacts, prio = 0;

	places_want(r, q, &n, &d, STMT_WEB_PLACES_DISTRICTS, NULL, 0);
	places_want(r, q, &n, &themes, STMT_WEB_PLACES_ALL_THEMES, NULL, 0);
	places_want(r, q, &n, &pareas, STMT_WEB_PLACES_ALL_PAREAS, NULL, 0);
	q[n++] = (struct store_q){ STMT_WEB_PLACES_DISTRICT_COUNTS, NULL, 0, links_cb, &l };
	if (places_fetch(r, q, n))
		return r->status;
	if (l.bad) {
		err_set(&r->err, LUP_EDB, "STMT_WEB_PLACES_DISTRICT_COUNTS: a kind the page does not know");
		places_fail(r);
		return r->status;
	}
	nacts = links_pairs(&l, &acts);
	for (int i = 0; i < d.nrows; i++)
		prio += places_i(&d, i, "prioritised") != 0;
	h = page_begin(r, "Stadsdelsområden", NAV_DISTRICTS);
	HTML_ELEM(h, "h1", "Stadsdelsområden");
	HTML_OPEN_A(h, "p", "class", "lede");
	html_textf(h, "Stockholm har %d stadsdelsområden. Var och en har en stadsdelsnämnd och ett lokalt "
		   "utvecklingsprogram (LUP) med teman, prioriterade områden och åtgärder. %d av dem har ett "
		   "prioriterat program enligt budget 2017.", d.nrows, prio);
	html_close(h);
	HTML_OPEN(h, "table");
	HTML_ELEM(h, "caption", "Stadsdelsområdena och deras lokala utvecklingsprogram");
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (int i = 0; i < d.nrows; i++)
		district_row(r, h, &d, i, &themes, &pareas, &l, acts, nacts);
	html_close(h);
	html_close(h);
	html_elem(h, "p", "Åtgärder räknas ur programmets senaste version; aktiviteter är alla organisationers "
		  "aktiviteter i stadsdelsområdet och dess stadsdelar.", "class", "muted", NULL);
	HTML_OPEN(h, "p");
	html_elem(h, "a", "Samverkan: vilka organisationer bidrar till vilket stadsdelsområdes program",
		  "href", "/stadsdelar/samverkan", NULL);
	html_close(h);
	return page_end(r, h);
}
