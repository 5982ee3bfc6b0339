/* pages-places.c: the 'places' section (districts and organisations): its routes, its stylesheet
 * part and the helpers its pages share (Swedish labels of stored codes, number formatting,
 * queries that answer the Swedish error page). */
#include "web/pages-places.h"
#include "edit/plan-measure.h"
#include "model/status.h"
#include "model/fmt.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct route page_routes_places[] = {
	{ HTTP_GET, "/stadsdelar", page_districts, ACC_PUBLIC, R_CACHE, "pages", "the 14 districts and their programmes", NULL, NULL, NULL },
	{ HTTP_GET, "/stadsdel/{key}", page_district, ACC_PUBLIC, R_CACHE, "pages", "one district's programme (LUP) and indicators", NULL, NULL, NULL },
	{ HTTP_GET, "/stadsdel/{key}/anta", page_plan_adopt, ACC_WRITE, 0, "pages", "the form that adopts a draft of the district's programme", NULL, NULL, NULL },
	{ HTTP_POST, "/stadsdel/{key}/anta", page_plan_adopt_post, ACC_WRITE, R_FORM, "pages", "adopt a draft of the district's programme", NULL, NULL, NULL },
	{ HTTP_POST, "/stadsdel/{key}/ny-version", page_plan_new_version_post, ACC_WRITE, R_FORM, "pages", "start a new draft of the district's programme, a copy of its adopted version (form)", NULL, NULL, NULL },
	{ HTTP_GET, "/organisationer", page_orgs, ACC_PUBLIC, R_CACHE, "pages", "the organisations by kind", NULL, NULL, NULL },
	{ HTTP_GET, "/plan/{key}/jamfor", page_plan_diff, ACC_PUBLIC, 0, "pages", "what changed between two versions of a plan (?fran=N&till=M)", NULL, NULL, NULL },
	{ HTTP_GET, "/organisation/{key}", page_org, ACC_PUBLIC, R_CACHE | R_CACHE_ORG, "pages", "one organisation's plan for a year", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};

const char page_css_places[] =
	".lede{font-size:1.1rem;max-width:48rem}\n"
	".facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:1rem 0}"
	".facts dt{font-weight:600}.facts dd{margin:0}\n"
	".toc ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;list-style:none}\n"
	"ul.plain{margin:0;padding-left:1.1rem}p.desc{margin:.15rem 0}\n"
	".muted,.desc{color:var(--muted)}.desc{display:block;font-size:.9rem;font-weight:400}\n"
	"span.source{display:block;color:var(--muted);font-size:.85rem;font-weight:400}\n"
	".goal{border-left:4px solid var(--line);padding:.1rem 0 .1rem 1rem;margin:1rem 0}\n"
	".goal.namndmal{border-left-color:var(--accent)}.goal h3{font-size:1.3rem}.goal h4{font-size:1.15rem}"
	".goal h5,.goal h6{font-size:1.05rem}p.label{font-weight:600;margin-bottom:.25rem}\n"
	"td.num,td.date{white-space:nowrap}table.list tbody th{font-weight:400}\n"
	".light{display:inline-block;font-weight:700;padding:.1rem .5rem;border:2px solid;border-radius:.3rem;"
	"margin-right:.5rem}\n"
	".light-fulfilled{color:var(--good)}.light-partly{color:var(--warn)}.light-not{color:var(--bad)}"
	".light-none{color:var(--muted)}\n"
	".assess{margin:.5rem 0}.rule{color:var(--ink)}\n"
	".chart{max-width:48rem;margin:1rem 0}\n"
	".yearnav{margin:.5rem 0}\n"
	"form.filter{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}\n"
	"form.filter label{display:block;font-weight:600}form.filter div{max-width:100%}"
	"form.filter select{max-width:100%;font:inherit;padding:.3rem}form.filter button{font:inherit;padding:.3rem .9rem}\n"
	"tr.current th,tr.current td{font-weight:700;background:#fff8e1}\n"
	"details.download{margin:.5rem 0}details.download summary{cursor:pointer;font-weight:600}"
	"details.download ul{margin:.25rem 0;padding-left:1.1rem}\n"
	"@media print{.toc,form.filter,details.download{display:none}.goal{page-break-inside:avoid}}\n";

int places_fail(struct http_req *r)
{
	fprintf(stderr, "lup serve: %s %s: %s\n", http_method_name(r->method), r->path, r->err.msg);
	page_error(r, 500, "Sidan kunde inte läsas från databasen. Försök igen om en stund.");
	return -1;
}

int places_query(struct http_req *r, struct rowset *rs, enum stmt s, const struct sval *args, int n)
{
	rowset_init(rs, &r->a);
	return rowset_query(rs, r->st, s, args, n, &r->err) == LUP_OK ? 0 : places_fail(r);
}

void places_want(struct http_req *r, struct store_q *q, int *n, struct rowset *rs, enum stmt s,
		 const struct sval *args, int nargs)
{
	rowset_init(rs, &r->a);
	q[(*n)++] = (struct store_q){ s, args, nargs, rowset_collect, rs };
}

int places_fetch(struct http_req *r, const struct store_q *q, int n)
{
	return store_query_many(r->st, q, n, &r->err) == LUP_OK ? 0 : places_fail(r);
}

const char *places_s(const struct rowset *rs, int i, const char *col)
{
	return rowset_s(rs, i, col);
}

int64_t places_i(const struct rowset *rs, int i, const char *col)
{
	return rowset_i(rs, i, col);
}

double places_d(const struct rowset *rs, int i, const char *col)
{
	return rowset_d(rs, i, col);
}

/* run_key: column 0 of row i as an integer (NULL never asked: see places_run) */
static int64_t run_key(const struct rowset *rs, int i)
{
	const struct row_cell *c = &rs->rows[i][0];

	return c->t == SV_INT ? c->i : strtoll(c->s, NULL, 10);
}

/* first_after: the first row in [lo, hi) whose key is >= id, or > id when past (hi when none),
 * by bisection */
static int first_after(const struct rowset *rs, int lo, int hi, int64_t id, int past)
{
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (run_key(rs, mid) < id || (past && run_key(rs, mid) == id))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void places_run(const struct rowset *rs, int64_t id, int *from, int *to)
{
	int lo = 0, hi = rs->nrows;

	/* the rows with NULL keys come first (SQLite) or last (PostgreSQL), and belong to no run */
	while (lo < hi && !rs->rows[lo][0].s)
		lo++;
	while (hi > lo && !rs->rows[hi - 1][0].s)
		hi--;
	*from = first_after(rs, lo, hi, id, 0);
	*to = first_after(rs, *from, hi, id, 1);
	if (*from == *to)
		*from = *to = 0;
}

int places_year_arg(struct http_req *r, long *year)
{
	const char *s = http_query(r, "ar");

	*year = 0;
	if (!s)
		return 0;
	if (strlen(s) == 4 && strspn(s, "0123456789") == 4) {
		*year = strtol(s, NULL, 10);
		if (*year >= 1900 && *year <= 2999)
			return 0;
	}
	page_error(r, 400, "Året måste skrivas med fyra siffror mellan 1900 och 2999, till exempel ?ar=2022.");
	return -1;
}

/* near_int: x rounded to an integer (halves either way: the test below is the same for both),
 * without a call: below 2^52 adding and taking away 2^52 leaves the nearest integer, and from
 * 2^52 on (or NaN, infinite) x is its own. */
static double near_int(double x)
{
	double a = fabs(x), r;

	if (!(a < 0x1p52))
		return x;
	r = (a + 0x1p52) - 0x1p52;
	return x < 0 ? -r : r;
}

int places_decimals(double v)
{
	/* pow(10, d) and round's test for d = 0 and 1 (compared with them on 20M values) */
	if (fabs(near_int(v) - v) < 1e-6)
		return 0;
	double t = v * 10;
	return fabs(near_int(t) - t) < 1e-6 ? 1 : 2;
}

const char *places_value_buf(double v, const char *unit, char *out)
{
	size_t n, k = unit && *unit ? strlen(unit) : 0;

	/* the number in at most 64 bytes with its NUL */
	if (isnan(v) || model_fmt_num(v, places_decimals(v), out, 64) != 0)
		return memcpy(out, "–", sizeof("–"));
	/* "%s%s%s" of the number, a space when there is a unit, and the unit, cut to out's size */
	n = strlen(out);
	if (k) {
		out[n++] = ' ';
		if (k > PLACES_VALUE_SIZE - 1 - n)
			k = PLACES_VALUE_SIZE - 1 - n;
		memcpy(out + n, unit, k);
		n += k;
	}
	out[n] = '\0';
	return out;
}

const char *places_value(struct http_req *r, double v, const char *unit)
{
	char out[PLACES_VALUE_SIZE];

	if (isnan(v))
		return "–";
	return arena_strdup(&r->a, places_value_buf(v, unit, out));
}

/* label: the Swedish text of code in a table of {code, text} pairs ended by {NULL, NULL}. */
static const char *label(const char *const (*t)[2], const char *code)
{
	if (!code)
		return "";
	for (; (*t)[0]; t++)
		if (strcmp((*t)[0], code) == 0)
			return (*t)[1];
	return code;
}

/* The organisation kinds in display order: code, singular, heading, slug for ?typ=. */
static const char *const kinds[][4] = {
	{ "council", "kommunfullmäktige", "Kommunfullmäktige", "kommunfullmaktige" },
	{ "city_office", "stadsledningskontoret", "Stadsledningskontoret", "stadsledningskontoret" },
	{ "district_committee", "stadsdelsnämnd", "Stadsdelsnämnder", "stadsdelsnamnd" },
	{ "district_admin", "stadsdelsförvaltning", "Stadsdelsförvaltningar", "stadsdelsforvaltning" },
	{ "specialist_committee", "facknämnd", "Facknämnder", "facknamnd" },
	{ "specialist_admin", "fackförvaltning", "Fackförvaltningar", "fackforvaltning" },
	{ "company_board", "bolagsstyrelse", "Bolagsstyrelser", "bolagsstyrelse" },
	{ "state_agency", "myndighet", "Statliga myndigheter", "myndighet" },
	{ "region", "region", "Regioner", "region" },
	{ "municipality", "kommun", "Andra kommuner", "kommun" },
	{ "other_public", "annan offentlig aktör", "Andra offentliga aktörer", "annan-offentlig" },
	{ "civil_society", "civilsamhälle", "Civilsamhället", "civilsamhalle" },
	{ "business", "näringsliv", "Näringslivet", "naringsliv" },
	{ "network", "nätverk", "Nätverk", "natverk" },
	{ "academic", "akademi", "Akademi och forskning", "akademi" },
	{ "commission", "kommission", "Kommissioner", "kommission" },
	{ "unit", "enhet", "Enheter", "enhet" },
	{ "person", "person", "Personer", "person" },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static int kind_index(const char *kind)
{
	for (size_t i = 0; kind && i < NKINDS; i++)
		if (strcmp(kinds[i][0], kind) == 0)
			return (int)i;
	return -1;
}

const char *places_kind_sv(const char *kind)
{
	int i = kind_index(kind);

	return i < 0 ? (kind ? kind : "") : kinds[i][1];
}

const char *places_kind_plural_sv(const char *kind)
{
	int i = kind_index(kind);

	return i < 0 ? (kind ? kind : "") : kinds[i][2];
}

const char *places_kind_slug(const char *kind)
{
	int i = kind_index(kind);

	return i < 0 ? (kind ? kind : "") : kinds[i][3];
}

const char *places_kind_from_slug(const char *slug)
{
	for (size_t i = 0; slug && i < NKINDS; i++)
		if (strcmp(kinds[i][3], slug) == 0)
			return kinds[i][0];
	return NULL;
}

const char *places_kind_at(int i)
{
	return i >= 0 && (size_t)i < NKINDS ? kinds[i][0] : NULL;
}

const char *places_role_sv(const char *role)
{
	return act_role_word(role);
}

const char *places_status_sv(const char *status)
{
	return act_status_word(status, 0);
}

const char *places_measure_status_sv(const char *status)
{
	static const char *const t[][2] = {
		{ "idea", "idé" }, { "prestudy", "förstudie" }, { "project", "projekt" },
		{ "permanent", "permanent verksamhet" }, { "ended", "avslutad" }, { NULL, NULL },
	};
	return label(t, status);
}

const char *places_partner_role_sv(const char *role)
{
	return plan_measure_role_sv(role);	/* the one table of the roles (edit/plan-measure.c) */
}

const char *places_group_sv(const char *grp)
{
	static const char *const t[][2] = {
		{ "specialist", "Facknämnder och fackförvaltningar" }, { "district", "Stadsdelsnämnder" },
		{ "company", "Stadens bolag" }, { "state", "Statliga myndigheter" }, { "region", "Region Stockholm" },
		{ "civil_society", "Civilsamhället" }, { "business", "Näringslivet" }, { "residents", "Invånare" },
		{ "other", "Övriga" }, { NULL, NULL },
	};
	return label(t, grp);
}

const char *places_sex_sv(const char *sex)
{
	if (!sex)
		return "";
	if (sex[0] && !sex[1]) {	/* one letter: by its byte, not a compare per entry (a row each) */
		switch (sex[0]) {
		case 'T': return "Totalt";
		case 'K': return "Kvinnor";
		case 'M': return "Män";
		default: break;
		}
	}
	return sex;
}

void places_thead(struct html *h, const char *const *labels)
{
	HTML_TPL0(h, "<thead><tr>");
	for (; *labels; labels++)
		HTML_TPL(h, "<th scope=\"col\" class=\"" HTML_HOLE "\">" HTML_HOLE "</th>", **labels == '#' ? "num" : NULL,
			 **labels == '#' ? *labels + 1 : *labels);
	HTML_TPL0(h, "</tr></thead>");
}

void places_td_num(struct html *h, const char *text)
{
	HTML_ELEM_AV(h, "td", "class", "num", text);
}

void places_link(struct http_req *r, struct html *h, const char *prefix, const char *arg, const char *text)
{
	if (arg)
		HTML_ELEM_A(h, "a", "href", page_href(r, prefix, arg), text);
	else
		html_text(h, text);
}
