/* page-commitments.c: GET /stadsdelar/samverkan, who contributes to which district's programme:
 * a matrix of organisations (rows) x the districts (columns), each cell counting the measures
 * of the district's adopted LUP the organisation is a partner of, the activities it owns there
 * and those it takes part in as a partner, linking to the list behind it
 * (?org=KEY&stadsdel=KEY; either alone lists a row or a column). Public content only
 * (view/commitments.h), so the page is the same for everyone. */
#include "web/pages-commit.h"
#include "web/pages-forms.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/numfmt.h"
#include "render/html.h"
#include "store/store.h"
#include "view/commitments.h"

#include <stdio.h>
#include <string.h>

static const char *const via_sv[COMMIT__MAX] = { "Åtgärd i LUP", "Egen aktivitet", "Partner i aktivitet" };

static int fail(struct http_req *r)
{
	fprintf(stderr, "lup serve: %s %s: %s\n", http_method_name(r->method), r->path, r->err.msg);
	return page_error(r, 500, "Sidan kunde inte läsas från databasen. Försök igen om en stund.");
}

/* cell_text: "2 åtg., 5 akt., 1 partner" for the cell's counts, in the arena. */
static const char *cell_text(struct http_req *r, const struct commit_cell *c)
{
	static const char *const unit[COMMIT__MAX] = { " åtg.", " akt.", " partner" };
	char *s = arena_alloc_raw(&r->a, 3 * (NUMFMT_SIZE + 10) + 1);
	size_t n = 0;

	for (int v = 0; v < COMMIT__MAX; v++) {
		if (!c->n[v])
			continue;
		if (n)
			memcpy(s + n, ", ", 2), n += 2;
		n += numfmt_long(c->n[v], s + n);
		memcpy(s + n, unit[v], strlen(unit[v])), n += strlen(unit[v]);
	}
	s[n] = '\0';
	return s;
}

/* url_arg: s percent-encoded for a URL (html_url_arg), in the arena. */
static const char *url_arg(struct http_req *r, const char *s)
{
	struct buf b;
	const char *out;

	buf_init(&b, 4096);
	html_url_arg(&b, s);
	out = arena_strndup(&r->a, b.ptr, b.len);
	buf_release(&b);
	return out;
}

/* join: the n strings one after another, in the arena. */
static const char *join(struct http_req *r, const char *const *part, int n)
{
	size_t len[4], total = 0;
	char *s, *p;

	for (int i = 0; i < n; i++)
		total += len[i] = strlen(part[i]);
	p = s = arena_alloc_raw(&r->a, total + 1);
	for (int i = 0; i < n; i++)
		memcpy(p, part[i], len[i]), p += len[i];
	*p = '\0';
	return s;
}

/* matrix_head: the districts as columns, each linking to its page. */
static void matrix_head(struct http_req *r, struct html *h, const struct view_commitments *c, const char *const *dkey)
{
	HTML_OPEN(h, "thead");
	HTML_OPEN(h, "tr");
	HTML_ELEM_AV(h, "th", "scope", "col", "Organisation");
	for (size_t d = 0; d < c->ndistricts; d++) {
		const char *href[] = { "/stadsdel/", dkey[d] };

		HTML_START(h, "th");
		HTML_ATTR_V(h, "scope", "col");
		HTML_ATTR_V(h, "class", "admin");
		html_start_end(h, 1);
		HTML_ELEM_A(h, "a", "href", join(r, href, 2), c->districts[d].name);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* matrix_cell: a cell's counts, linking to its list. */
static void matrix_cell(struct http_req *r, struct html *h, const struct view_commitments *c,
			const struct commit_cell *cell, const char *okey, const char *dkey)
{
	const char *href[] = { "/stadsdelar/samverkan?org=", okey, "&stadsdel=", dkey };

	HTML_OPEN_AV(h, "td", "class", "cm");
	HTML_START(h, "a");
	HTML_ATTR(h, "href", join(r, href, 4));
	HTML_ATTR(h, "title", c->districts[cell->district].name);
	html_start_end(h, 1);
	html_text(h, cell_text(r, cell));
	html_close(h);
	html_close(h);
}

/* matrix: one row per organisation with a link, one column per district (the keys in the
 * links encoded once each). */
static void matrix(struct http_req *r, struct html *h, const struct view_commitments *c)
{
	size_t k = 0;
	int depth = h->depth;
	const char **dkey = arena_alloc_raw(&r->a, sizeof(char *) * (c->ndistricts + 1));

	for (size_t d = 0; d < c->ndistricts; d++)
		dkey[d] = url_arg(r, c->districts[d].key);
	html_open(h, "div", "class", "matrix-wrap", "role", "region", "tabindex", "0",
		  "aria-label", "Matris: organisationer och stadsdelsområden", NULL);
	html_open(h, "table", "class", "matrix", NULL);
	html_elem(h, "caption", "Organisationernas åtgärder och aktiviteter per stadsdelsområde", NULL);
	matrix_head(r, h, c, dkey);
	HTML_OPEN(h, "tbody");
	for (size_t o = 0; o < c->norgs; o++) {
		const struct commit_org *org = &c->orgs[o];
		const char *okey = url_arg(r, org->key), *href[] = { "/organisation/", okey };

		HTML_OPEN(h, "tr");
		HTML_START(h, "th");
		HTML_ATTR_V(h, "scope", "row");
		HTML_ATTR_V(h, "class", "org");
		html_start_end(h, 1);
		HTML_ELEM_A(h, "a", "href", join(r, href, 2), org->name);
		html_close(h);
		for (size_t d = 0; d < c->ndistricts; d++) {
			const struct commit_cell *cell = k < c->ncells && c->cells[k].org == o && c->cells[k].district == d
				? &c->cells[k++] : NULL;

			if (cell)
				matrix_cell(r, h, c, cell, okey, dkey[d]);
			else
				HTML_ELEM_AV(h, "td", "class", "cm cm-empty", "");
		}
		html_close(h);
	}
	html_close_to(h, depth);
}

/* link_row: one measure or activity behind a cell. */
static void link_row(struct http_req *r, struct html *h, const struct commit_link *l)
{
	char id[24];

	html_open(h, "tr", NULL);
	html_elem(h, "td", via_sv[l->via], NULL);
	html_open(h, "th", "scope", "row", NULL);
	if (l->via == COMMIT_MEASURE) {
		html_text(h, l->title);
	} else {
		snprintf(id, sizeof(id), "%lld", (long long)l->item_id);
		html_elem(h, "a", l->title, "href", page_href(r, "/aktivitet", id), NULL);
	}
	html_close(h);
	html_elem(h, "td", commit_role_sv(l->role), NULL);
	html_open(h, "td", NULL);
	if (l->owner)
		html_elem(h, "a", l->owner_name, "href", page_href(r, "/organisation", l->owner), NULL);
	else
		html_text(h, "–");
	html_close(h);
	html_close(h);
}

/* cell_list: the links behind one cell, as a table under a heading. */
static void cell_list(struct http_req *r, struct html *h, const struct view_commitments *c, const struct commit_cell *cell)
{
	const struct commit_org *org = &c->orgs[cell->org];
	const struct commit_district *d = &c->districts[cell->district];
	char *cap = arena_alloc(&r->a, 512);

	snprintf(cap, 512, "%s i %s", org->name, d->name);
	html_open(h, "h2", NULL);
	html_elem(h, "a", org->name, "href", page_href(r, "/organisation", org->key), NULL);
	html_text(h, " i ");
	html_elem(h, "a", d->name, "href", page_href(r, "/stadsdel", d->key), NULL);
	html_close(h);
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", cap, NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Hur", "scope", "col", NULL);
	html_elem(h, "th", "Åtgärd eller aktivitet", "scope", "col", NULL);
	html_elem(h, "th", "Roll", "scope", "col", NULL);
	html_elem(h, "th", "Aktivitetens ägare", "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t k = cell->link0; k < cell->link0 + cell->nlinks; k++)
		link_row(r, h, &c->links[k]);
	html_close(h);
	html_close(h);
}

/* list: the cells of organisation org and/or district d (-1: any). */
static void list(struct http_req *r, struct html *h, const struct view_commitments *c, long org, long d)
{
	size_t n = 0;

	for (size_t i = 0; i < c->ncells; i++) {
		if ((org >= 0 && (long)c->cells[i].org != org) || (d >= 0 && (long)c->cells[i].district != d))
			continue;
		cell_list(r, h, c, &c->cells[i]);
		n++;
	}
	if (!n)
		html_elem(h, "p", "Inga åtgärder eller aktiviteter i stadsdelsområdena.", NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", "Tillbaka till hela matrisen", "href", "/stadsdelar/samverkan", NULL);
	html_close(h);
}

static void intro(struct html *h, const struct view_commitments *c)
{
	html_open(h, "p", "class", "lede", NULL);
	html_textf(h, "Vilka organisationer bidrar till vilket stadsdelsområdes lokala utvecklingsprogram (LUP)? "
		   "%zu organisationer är med genom åtgärder i programmens antagna versioner eller genom aktiviteter "
		   "i stadsdelsområdena.", c->norgs);
	html_close(h);
	html_elem(h, "p", "”åtg.” är åtgärder i stadsdelsområdets antagna LUP där organisationen är samverkanspart, "
		  "”akt.” aktiviteter som organisationen själv äger i stadsdelsområdet och ”partner” andras aktiviteter "
		  "där den är med. Utkast till nya versioner räknas inte.", "class", "muted", NULL);
}

int page_commitments(struct http_req *r)
{
	const char *ok = http_query(r, "org"), *dk = http_query(r, "stadsdel");
	struct view_commitments c;
	struct html *h;
	long org = -1, d = -1;
	char title[512];

	if (view_commitments_load(r->st, &r->a, ok || dk, &c, &r->err) != LUP_OK)
		return fail(r);
	if (dk && (d = view_commitments_district(&c, dk)) < 0)
		return page_error(r, 404, "Det finns inget stadsdelsområde med den nyckeln.");
	if (ok && (org = view_commitments_org(&c, ok)) < 0) {
		struct sval arg = SVS(ok);
		int64_t id = 0;

		if (store_query_id(r->st, STMT_ORG_ID, &arg, 1, &id, &r->err) != LUP_OK)
			return fail(r);
		if (!id)
			return page_error(r, 404, "Det finns ingen organisation med den nyckeln.");
	}
	if (!ok && !dk)
		snprintf(title, sizeof(title), "Samverkan i stadsdelsområdena");
	else if (ok && dk && org >= 0)
		snprintf(title, sizeof(title), "Samverkan: %s i %s", c.orgs[org].name, c.districts[d].name);
	else if (dk)
		snprintf(title, sizeof(title), "Samverkan i %s", c.districts[d].name);
	else
		snprintf(title, sizeof(title), "Samverkan: %s", org >= 0 ? c.orgs[org].name : ok);
	h = page_begin(r, title, NAV_DISTRICTS);
	html_elem(h, "h1", title, NULL);
	if (ok || dk) {
		list(r, h, &c, ok && org < 0 ? -2 : org, d);
		return page_end(r, h);
	}
	/* the matrix's room at once (a hint, about 50 bytes a cell on the demo): its 37 KB grown by
	 * doubling and copying cost 0.1M instructions */
	buf_reserve(&r->out, 8192 + 64 * (c.norgs + 1) * (c.ndistricts + 1));
	intro(h, &c);
	matrix(r, h, &c);
	return page_end(r, h);
}
