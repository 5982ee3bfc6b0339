/* page-edit-indicator.c: an indicator: GET /indikator/{key} (its targets and the outcomes of a
 * year) and GET/POST /indikator/{key}/redigera: two forms, the targets of a year (årsmål and
 * KF:s årsmål, as written) and one outcome (period, area, sex, value). The writes are the
 * API's (PUT/DELETE .../targets, POST /api/v1/outcomes): authz_org for the indicator's owner,
 * outcomes of a period whose report is approved are frozen, one transaction with the audit
 * entry of the indicator. */
#include "web/frozen.h"
#include "edit/period-lock.h"
#include "web/pages-forms.h"
#include "web/api.h"
#include "web/indicator-aid.h"
#include "edit/indicator-flags.h"
#include "model/indicator.h"
#include "model/period.h"
#include "model/today.h"
#include "store/kinds.h"
#include "store/store.h"
#include "store/values.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TARGET_MAX_LEN 200

static const char *const period_values[] = { "T1", "T2", "FY", NULL };
static const char *const period_labels[] = { "Tertial 1 (januari–april)", "Tertial 2 (januari–augusti)",
					     "Helår (verksamhetsberättelse)", NULL };
static const char *const sex_values[] = { "T", "K", "M", NULL };
static const char *const sex_labels[] = { "Totalt", "Kvinnor", "Män", NULL };

static int load(struct http_req *r, struct rowset *ind)
{
	int64_t id;
	int rc;

	if ((rc = pf_id_param(r, 0, STMT_INDICATOR_ID, "ingen indikator", &id)) != 0)
		return rc;
	struct sval arg = SVI(id);
	if (pf_query(r, ind, STMT_WEB_FORMS_INDICATOR, &arg, 1) != 0)
		return r->status;
	if (!ind->nrows)
		return page_error(r, 404, "Det finns ingen indikator med den adressen.");
	return 0;
}

static long default_year(const struct rowset *ind)
{
	time_t t = time(NULL);
	struct tm tm;

	if (pf_i(ind, 0, "goal_year"))
		return (long)pf_i(ind, 0, "goal_year");
	gmtime_r(&t, &tm);
	return tm.tm_year + 1900L;
}

static void targets_table(struct http_req *r, struct html *h, const struct rowset *t)
{
	static const char *const cols[] = { "År", "Årsmål", "KF:s årsmål", NULL };

	if (!t->nrows) {
		html_elem(h, "p", "Indikatorn har inga målvärden.", NULL);
		return;
	}
	html_open(h, "table", NULL);
	html_elem(h, "caption", "Målvärden per år", NULL);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < t->nrows; i++) {
		const char *year = pf_s(t, i, "year"), *sex = pf_s(t, i, "sex"), *own = NULL, *kf = NULL;
		int j = i;
		/* the rows come by year and kind: gather this year's targets for sex */
		for (; j < t->nrows && strcmp(pf_s(t, j, "year"), year) == 0; j++)
			if (strcmp(pf_s(t, j, "sex"), sex) == 0)
				*(strcmp(pf_s(t, j, "kind"), "own") == 0 ? &own : &kf) = pf_s(t, j, "text");
		int seen = 0;			/* one row per (year, sex), at its first target */
		for (int k = i - 1; k >= 0 && strcmp(pf_s(t, k, "year"), year) == 0; k--)
			seen |= strcmp(pf_s(t, k, "sex"), sex) == 0;
		if (seen)
			continue;
		html_open(h, "tr", NULL);
		if (strcmp(sex, "T") == 0)
			html_elem(h, "th", year, "scope", "row", NULL);
		else {
			html_open(h, "th", "scope", "row", NULL);
			html_textf(h, "%s, %s", year, strcmp(sex, "K") == 0 ? "kvinnor" : "män");
			html_close(h);
		}
		html_elem(h, "td", own ? own : "–", NULL);
		html_elem(h, "td", kf ? kf : "–", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	(void)r;
}

static int outcomes_table(struct http_req *r, struct html *h, int64_t id, long year, const char *unit)
{
	static const char *const cols[] = { "Period", "Område", "Kön", "#Utfall", "Källa", NULL };
	struct sval args[] = { SVI(id), SVI(year) };
	struct rowset o;
	int example = 0;

	if (pf_query(r, &o, STMT_WEB_FORMS_INDICATOR_OUTCOMES, args, 2) != 0)
		return -1;
	html_open(h, "h2", NULL);
	html_textf(h, "Utfall %ld", year);
	html_close(h);
	for (int i = 0; i < o.nrows; i++)
		example |= pf_i(&o, i, "example") != 0;
	if (example)
		page_example_note(h);
	if (!o.nrows) {
		html_elem(h, "p", "Det finns inga utfall för året.", NULL);
		return 0;
	}
	html_open(h, "table", NULL);
	html_open(h, "caption", NULL);
	html_textf(h, "Utfall %ld per period, område och kön", year);
	html_close(h);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < o.nrows; i++) {
		html_open(h, "tr", NULL);
		html_elem(h, "td", pf_period_label(r, year, pf_s(&o, i, "period")), NULL);
		html_elem(h, "th", pf_s(&o, i, "area_name"), "scope", "row", NULL);
		html_elem(h, "td", pf_sex_sv(pf_s(&o, i, "sex")), NULL);
		html_open(h, "td", "class", "num", NULL);
		if (pf_s(&o, i, "value"))
			html_textf(h, "%s%s%s", pf_num(r, strtod(pf_s(&o, i, "value"), NULL)), unit ? " " : "", unit ? unit : "");
		else
			html_text(h, "saknas");
		if (pf_i(&o, i, "example"))
			html_elem(h, "span", " (exempeldata)", "class", "hint", NULL);
		html_close(h);
		html_elem(h, "td", pf_s(&o, i, "source"), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	return 0;
}

/* lock_notes: the period locks of the year for the indicator's owner (edit/period-lock.h): a
 * note per locked period, and per period an administrator has reopened. */
static int lock_notes(struct http_req *r, struct html *h, int64_t owner, long year)
{
	static const char *const kinds[] = { "T1", "T2", "FY" };
	int today = model_today();

	for (int k = 0; k < 3; k++) {
		struct period_lock lk;
		char until[32];
		if (period_lock_get(r->st, (int)year, kinds[k], owner, today, &lk, &r->err) != LUP_OK) {
			page_error(r, 500, "Periodernas lås kunde inte läsas. Försök igen om en stund.");
			return -1;
		}
		if (lk.locked) {
			html_open(h, "p", "class", "notice locked", NULL);
			html_elem(h, "strong", "Låst: ", NULL);
			html_text(h, lk.why);
			html_close(h);
		} else if (lk.reopened_until && model_date_sv(lk.reopened_until, until, sizeof(until)) == 0) {
			html_open(h, "p", "class", "notice", NULL);
			html_textf(h, "%s är öppnad igen av en administratör till och med %s.",
				   pf_period_label(r, year, kinds[k]), until);
			html_close(h);
		}
	}
	return 0;
}

static void facts(struct http_req *r, struct html *h, const struct rowset *ind)
{
	html_open(h, "dl", "class", "facts", NULL);
	if (pf_s(ind, 0, "goal")) {
		html_elem(h, "dt", "Mål", NULL);
		html_open(h, "dd", NULL);
		pf_link(h, pf_href(r, "/mal/%s", pf_s(ind, 0, "goal")), pf_s(ind, 0, "goal_name"));
		html_close(h);
	}
	html_elem(h, "dt", "Ägare", NULL);
	html_open(h, "dd", NULL);
	pf_link(h, pf_href(r, "/organisation/%s", pf_s(ind, 0, "owner")), pf_s(ind, 0, "owner_name"));
	html_close(h);
	pf_dl_row(h, "Enhet", pf_s(ind, 0, "unit"));
	pf_dl_row(h, "Riktning", pf_direction_sv(pf_s(ind, 0, "direction")));
	pf_dl_row(h, "Periodicitet", strcmp(pf_s(ind, 0, "periodicity"), "year") == 0 ? "år" : pf_s(ind, 0, "periodicity"));
	pf_dl_row(h, "Uppdelad på kön", pf_i(ind, 0, "by_sex") ? "ja" : "nej");
	pf_dl_row(h, "Uppdelad på område", pf_i(ind, 0, "by_area") ? "ja" : "nej");
	pf_dl_row(h, "Kolada-nyckeltal", pf_s(ind, 0, "kolada_kpi"));
	html_close(h);
}

int page_indicator(struct http_req *r)
{
	struct rowset ind, t;
	struct html *h;
	long year;
	int rc;

	if ((rc = load(r, &ind)) != 0 || (rc = pf_year_arg(r, default_year(&ind), &year)) != 0)
		return rc;
	struct sval arg = SVI(pf_i(&ind, 0, "id"));
	if (pf_query(r, &t, STMT_REL_INDICATOR_TARGETS, &arg, 1) != 0)
		return r->status;
	h = page_begin(r, pf_s(&ind, 0, "name"), NAV_ORGS);
	html_elem(h, "h1", pf_s(&ind, 0, "name"), NULL);
	pf_notice_done(r, h, "Indikatorn är tillagd. Lägg till årsmål och utfall under Ändra målvärden och utfall.");
	html_open(h, "p", "class", "edit-link", NULL);
	if (pf_may_write(r, pf_i(&ind, 0, "owner_id"))) {
		pf_link(h, pf_href(r, "/indikator/%s/redigera", pf_s(&ind, 0, "key")), "Ändra målvärden och utfall");
		html_text(h, " ");
	}
	if (r->user.id)
		pf_link(h, pf_href(r, "/historik/indikator/%s", pf_s(&ind, 0, "key")), "Historik");
	html_close(h);
	facts(r, h, &ind);
	if (page_source(r, h, "indicator", pf_i(&ind, 0, "id"), pf_s(&ind, 0, "source")) != 0)
		return r->status;
	html_elem(h, "h2", "Målvärden", NULL);
	targets_table(r, h, &t);
	if (lock_notes(r, h, pf_i(&ind, 0, "owner_id"), year) != 0 ||
	    outcomes_table(r, h, pf_i(&ind, 0, "id"), year, pf_s(&ind, 0, "unit")) != 0)
		return r->status;
	return page_end(r, h);
}

/* --- the editing forms ------------------------------------------------------------------- */

struct edit_view {
	const struct rowset *ind;
	long year;
	const struct form *f;		/* the form sent back, or NULL */
	const struct form_errors *e;
	const char *part;		/* the form f belongs to: "indelning", "malvarden" or "utfall" */
};

static const char *kept(const struct edit_view *v, const char *part, const char *name, const char *stored)
{
	return v->f && strcmp(v->part, part) == 0 ? form_get(v->f, name) : stored;
}

static const struct form_errors *errs(const struct edit_view *v, const char *part)
{
	return v->f && strcmp(v->part, part) == 0 ? v->e : NULL;
}

/* The target fields: own and KF's, for everyone and (an indicator divided by sex) per sex. */
static const struct {
	const char *field, *kind, *sex, *label;
} target_fields[] = {
	{ "arsmal", "own", "T", "Årsmål" },
	{ "kf-arsmal", "kf", "T", "KF:s årsmål" },
	{ "arsmal-k", "own", "K", "Årsmål för kvinnor" },
	{ "arsmal-m", "own", "M", "Årsmål för män" },
	{ "kf-arsmal-k", "kf", "K", "KF:s årsmål för kvinnor" },
	{ "kf-arsmal-m", "kf", "M", "KF:s årsmål för män" },
};
#define NTARGET_FIELDS(by_sex) ((by_sex) ? 6 : 2)

static int targets_form(struct http_req *r, struct html *h, const struct edit_view *v)
{
	const struct form_errors *e = errs(v, "malvarden");
	struct sval arg = SVI(pf_i(v->ind, 0, "id"));
	const char *stored[6] = { NULL };
	int by_sex = pf_i(v->ind, 0, "by_sex") != 0;
	char year[16];
	struct rowset t;

	if (pf_query(r, &t, STMT_REL_INDICATOR_TARGETS, &arg, 1) != 0)
		return -1;
	for (int i = 0; i < t.nrows; i++)
		for (int k = 0; k < 6; k++)
			if (pf_i(&t, i, "year") == v->year && strcmp(pf_s(&t, i, "kind"), target_fields[k].kind) == 0 &&
			    strcmp(pf_s(&t, i, "sex"), target_fields[k].sex) == 0)
				stored[k] = pf_s(&t, i, "text");
	snprintf(year, sizeof(year), "%ld", v->year);
	html_open(h, "h2", NULL);
	html_textf(h, "Målvärden för %ld", v->year);
	html_close(h);
	html_open(h, "form", "method", "get", "action", pf_href(r, "/indikator/%s/redigera", pf_s(v->ind, 0, "key")),
		  "class", "actions no-print", NULL);
	form_input(h, NULL, "ar", "Visa ett annat år", "number", year, NULL, NULL);
	form_button(h, "Visa året", "secondary");
	html_close(h);
	if (indicator_aid_section(r, h, pf_i(v->ind, 0, "id"), v->year, kept(v, "malvarden", "arsmal", stored[0])) != 0)
		return -1;
	html_open(h, "form", "method", "post", "action", pf_href(r, "/indikator/%s/redigera", pf_s(v->ind, 0, "key")), NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	html_void(h, "input", "type", "hidden", "name", "del", "value", "malvarden", NULL);
	html_void(h, "input", "type", "hidden", "name", "ar", "value", year, NULL);
	for (int k = 0; k < NTARGET_FIELDS(by_sex); k++)
		form_input(h, e, target_fields[k].field, target_fields[k].label, "text",
			   kept(v, "malvarden", target_fields[k].field, stored[k]),
			   k == 0 ? "Som det står i planen: ett tal med enhet (”4,6 %”), ”öka”, ”minska” eller text. Lämna "
				    "tomt för att ta bort målet." :
			   k == 1 ? "Kommunfullmäktiges årsmål, till exempel ”Tas fram av nämnd”. Lämna tomt för att ta bort det." :
				    NULL, NULL);
	html_open(h, "div", "class", "actions", NULL);
	html_elem(h, "button", "Jämför årsmålet med stödet", "type", "submit", "name", "jamfor", "value", "1",
		  "class", "secondary", NULL);
	form_button(h, "Spara målvärden", NULL);
	html_close(h);
	html_close(h);
	targets_table(r, h, &t);
	return 0;
}

/* flags_form: the indicator's division by sex and area and its Kolada KPI */
static void flags_form(struct http_req *r, struct html *h, const struct edit_view *v)
{
	static const char *const yn_values[] = { "0", "1", NULL }, *const yn_labels[] = { "Nej", "Ja", NULL };
	const struct form_errors *e = errs(v, "indelning");

	html_elem(h, "h2", "Indelning och Kolada", NULL);
	html_open(h, "form", "method", "post", "action", pf_href(r, "/indikator/%s/redigera", pf_s(v->ind, 0, "key")), NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	html_void(h, "input", "type", "hidden", "name", "del", "value", "indelning", NULL);
	form_select(h, e, "per-kon", "Uppdelad på kön", yn_values, yn_labels,
		    kept(v, "indelning", "per-kon", pf_i(v->ind, 0, "by_sex") ? "1" : "0"),
		    "Ja: utfall och mål kan anges för kvinnor och män utöver totalen.");
	form_select(h, e, "per-omrade", "Uppdelad på område", yn_values, yn_labels,
		    kept(v, "indelning", "per-omrade", pf_i(v->ind, 0, "by_area") ? "1" : "0"), NULL);
	form_input(h, e, "kolada", "Kolada-nyckeltal", "text", kept(v, "indelning", "kolada", pf_s(v->ind, 0, "kolada_kpi")),
		   "Nyckeltalets id i Kolada, en stor bokstav och fem siffror, till exempel N15033. Lämna tomt om "
		   "indikatorn inte följer något nyckeltal.", NULL);
	form_button(h, "Spara indelningen", NULL);
	html_close(h);
}

static int outcome_form(struct http_req *r, struct html *h, const struct edit_view *v)
{
	const struct form_errors *e = errs(v, "utfall");
	struct sval owner = SVI(pf_i(v->ind, 0, "owner_id"));
	struct rowset areas, home;
	const char **keys, **names;
	char year[16];

	if (pf_query(r, &areas, STMT_WEB_FORMS_OUTCOME_AREAS, NULL, 0) != 0 ||
	    pf_query(r, &home, STMT_WEB_FORMS_ORG_AREA, &owner, 1) != 0)
		return -1;
	keys = arena_alloc(&r->a, sizeof(char *) * (size_t)(areas.nrows + 1));
	names = arena_alloc(&r->a, sizeof(char *) * (size_t)(areas.nrows + 1));
	for (int i = 0; i < areas.nrows; i++) {
		keys[i] = pf_s(&areas, i, "key");
		names[i] = pf_s(&areas, i, "name");
	}
	snprintf(year, sizeof(year), "%ld", v->year);
	html_elem(h, "h2", "Registrera ett utfall", NULL);
	if (lock_notes(r, h, pf_i(v->ind, 0, "owner_id"), v->year) != 0)
		return -1;
	html_open(h, "form", "method", "post", "action", pf_href(r, "/indikator/%s/redigera", pf_s(v->ind, 0, "key")), NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	html_void(h, "input", "type", "hidden", "name", "del", "value", "utfall", NULL);
	form_select(h, e, "utfall-period", "Period", period_values, period_labels, kept(v, "utfall", "utfall-period", "T1"), NULL);
	form_input(h, e, "utfall-ar", "År", "number", kept(v, "utfall", "utfall-ar", year), NULL, NULL);
	form_select(h, e, "omrade", "Område", keys, names, kept(v, "utfall", "omrade", pf_s(&home, 0, "key")), NULL);
	form_select(h, e, "kon", "Kön", sex_values, sex_labels, kept(v, "utfall", "kon", "T"), NULL);
	form_input(h, e, "varde", "Utfall", "text", kept(v, "utfall", "varde", NULL),
		   "Ett tal med decimalkomma, till exempel 57,8. Lämna tomt om utfallet saknas.", NULL);
	form_button(h, "Spara utfallet", NULL);
	html_close(h);
	return 0;
}

static int render_edit(struct http_req *r, const struct edit_view *v, int status)
{
	const struct rowset *ind = v->ind;
	struct html *h = page_begin(r, "Ändra målvärden och utfall", NAV_ORGS);

	html_open(h, "p", NULL);
	pf_link(h, pf_href(r, "/indikator/%s", pf_s(ind, 0, "key")), "Tillbaka till indikatorn");
	html_close(h);
	html_elem(h, "h1", "Ändra målvärden och utfall", NULL);
	html_open(h, "p", NULL);
	html_textf(h, "Indikator: %s (%s, %s). Ägs av %s.", pf_s(ind, 0, "name"),
		   pf_s(ind, 0, "unit") ? pf_s(ind, 0, "unit") : "utan enhet", pf_direction_sv(pf_s(ind, 0, "direction")),
		   pf_s(ind, 0, "owner_name"));
	html_close(h);
	flags_form(r, h, v);
	if (targets_form(r, h, v) != 0 || outcome_form(r, h, v) != 0 ||
	    outcomes_table(r, h, pf_i(ind, 0, "id"), v->year, pf_s(ind, 0, "unit")) != 0)
		return r->status;
	return page_end_status(r, h, status);
}

int page_indicator_edit(struct http_req *r)
{
	struct edit_view v = { 0 };
	struct rowset ind;
	int rc;

	if ((rc = load(r, &ind)) != 0 || (rc = pf_year_arg(r, default_year(&ind), &v.year)) != 0)
		return rc;
	if (!pf_may_write(r, pf_i(&ind, 0, "owner_id")))
		return pf_forbidden(r, pf_s(&ind, 0, "owner_name"));
	v.ind = &ind;
	return render_edit(r, &v, 200);
}

/* parse_value: a number as people write it: "57,8", "1 234,5", "-2.5" (decimal comma or
 * point, spaces between digit groups). Returns 0 with *v set, else -1. */
static int parse_value(const char *s, double *v)
{
	char buf[64], *end;
	size_t n = 0;
	int dot = 0, digits = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == ' ')
			continue;
		if (p[0] == 0xc2 && p[1] == 0xa0) {	/* no-break space */
			p++;
			continue;
		}
		char c = *p == ',' ? '.' : (char)*p;
		if (n + 1 >= sizeof(buf) || !((c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && n == 0)))
			return -1;
		dot += c == '.';
		digits += c >= '0' && c <= '9';
		buf[n++] = c;
	}
	buf[n] = '\0';
	if (!digits || dot > 1)
		return -1;
	*v = strtod(buf, &end);
	return *end || !isfinite(*v) ? -1 : 0;
}

/* finish: writes the audit entry and commits when something changed (else rolls back), and
 * redirects to the indicator's page for year. */
static int finish(struct http_req *r, const struct rowset *ind, const char *before, int changed, long year)
{
	int rc;

	if (!changed)
		store_rollback(r->st);
	else if ((rc = api_write_end(r, kind_find("indicators"), "indicator", "update", pf_i(ind, 0, "id"), before, 200)) != 200)
		return form_fail_page(r, rc);
	return form_redirect(r, pf_href(r, "/indikator/%s?ar=%lld&klart=sparat", pf_s(ind, 0, "key"), (long long)year));
}

static int save_targets(struct http_req *r, struct edit_view *v)
{
	struct form_errors e = { 0 };
	int64_t id = pf_i(v->ind, 0, "id");
	int nf = NTARGET_FIELDS(pf_i(v->ind, 0, "by_sex") != 0);
	char *before;
	int changed = 0, n, rc;

	v->e = &e;
	if (pf_parse_year(form_get(v->f, "ar"), &v->year) != 0)
		form_error(r, &e, "ar", "Skriv året med fyra siffror, till exempel 2022.");
	for (int k = 0; k < nf; k++) {
		const char *t = form_get_trim(r, v->f, target_fields[k].field);
		if (t && strlen(t) > TARGET_MAX_LEN)
			form_error(r, &e, target_fields[k].field, "Målet får vara högst 200 tecken.");
	}
	if (e.n)
		return render_edit(r, v, 422);
	if (form_get(v->f, "jamfor"))	/* the aid's preview: show the comparison, write nothing */
		return render_edit(r, v, 200);
	if ((rc = api_write_begin(r, kind_find("indicators"), id, STMT_INDICATOR_OWNER, &before)) != 0)
		return form_fail_page(r, rc);
	if ((rc = frozen_or_409(r, STMT_PV_FROZEN_INDICATOR, id, 1)) != 0)
		return rc;
	for (int k = 0; k < nf; k++) {
		struct model_target t;
		struct sval value, unit;
		model_target_parse(form_get(v->f, target_fields[k].field), &t, NULL, 0);
		if (t.kind == MODEL_TARGET_EMPTY) {
			struct sval args[] = { SVI(id), SVI(v->year), SVS(target_fields[k].kind), SVS(target_fields[k].sex) };
			rc = store_exec(r->st, STMT_IND_TARGET_SEX_DELETE, args, 4, NULL, &n, &r->err);
		} else {
			const char *mode = store_target_values(&t, &value, &unit);
			struct sval args[] = { SVI(id), SVI(v->year), SVS(target_fields[k].kind), SVS(target_fields[k].sex),
					       SVS(mode), value, unit, SVS(t.text), SVS("webb") };
			rc = store_exec(r->st, STMT_IND_TARGET_SEX_UPSERT, args, 9, NULL, &n, &r->err);
		}
		if (rc != LUP_OK)
			return form_fail_page(r, api_rollback_fail(r));
		changed += n;
	}
	return finish(r, v->ind, before, changed, v->year);
}

/* save_flags: the division by sex and area and the Kolada KPI (edit_indicator_flags) */
static int save_flags(struct http_req *r, struct edit_view *v)
{
	struct form_errors e = { 0 };
	struct ind_flags_out out;
	const char *sx = form_get(v->f, "per-kon"), *ar = form_get(v->f, "per-omrade");
	const char *kpi = form_get_trim(r, v->f, "kolada");
	int64_t id = pf_i(v->ind, 0, "id");
	char *before;
	int rc;

	v->e = &e;
	if (!sx || (strcmp(sx, "0") != 0 && strcmp(sx, "1") != 0))
		form_error(r, &e, "per-kon", "Välj ja eller nej.");
	if (!ar || (strcmp(ar, "0") != 0 && strcmp(ar, "1") != 0))
		form_error(r, &e, "per-omrade", "Välj ja eller nej.");
	if (e.n)
		return render_edit(r, v, 422);
	struct ind_flags_in in = { 1, sx[0] == '1', 1, ar[0] == '1', 1, form_blank(kpi) ? NULL : kpi };
	if ((rc = api_write_begin(r, kind_find("indicators"), id, STMT_INDICATOR_OWNER, &before)) != 0)
		return form_fail_page(r, rc);
	if ((rc = frozen_or_409(r, STMT_PV_FROZEN_INDICATOR, id, 1)) != 0)
		return rc;
	if (edit_indicator_flags(r->st, id, &in, &out, &r->err) != LUP_OK)
		return form_fail_page(r, api_rollback_fail(r));
	if (out.rule != IND_FLAGS_OK)
		store_rollback(r->st);
	switch (out.rule) {
	case IND_FLAGS_OK:
		return finish(r, v->ind, before, out.changed, v->year);
	case IND_FLAGS_KPI_SHAPE:
		form_error(r, &e, "kolada", "Skriv nyckeltalets id som en stor bokstav och fem siffror, till exempel N15033.");
		break;
	case IND_FLAGS_KPI_REQUIRED:
		form_error(r, &e, "kolada", "Indikatorns värden kommer från Kolada: nyckeltalet kan inte tas bort.");
		break;
	case IND_FLAGS_SEXED_LEFT:
		form_error(r, &e, "per-kon", "Indikatorn har %ld utfall och %ld mål för kvinnor eller män. Ta bort dem "
			   "först om indikatorn inte ska vara uppdelad på kön.", out.outcomes, out.targets);
		break;
	}
	return render_edit(r, v, 422);
}

struct outcome_in {
	const char *kind, *sex;
	long year;
	int64_t area;
	int missing;
	double value;
};

static void check_outcome(struct http_req *r, const struct form *f, struct form_errors *e, struct outcome_in *o,
			  int by_sex)
{
	const char *p = form_get(f, "utfall-period"), *s = form_get(f, "kon"), *a = form_get(f, "omrade");
	const char *val = form_get_trim(r, f, "varde");

	memset(o, 0, sizeof(*o));
	for (int i = 0; p && period_values[i]; i++)
		if (strcmp(p, period_values[i]) == 0)
			o->kind = period_values[i];
	if (!o->kind)
		form_error(r, e, "utfall-period", "Välj en period i listan.");
	if (pf_parse_year(form_get(f, "utfall-ar"), &o->year) != 0)
		form_error(r, e, "utfall-ar", "Skriv året med fyra siffror, till exempel 2022.");
	if (a && strlen(a) <= 200) {
		struct sval v = SVS(a);
		if (store_query_id(r->st, STMT_WEB_FORMS_AREA_ID, &v, 1, &o->area, &r->err) != LUP_OK)
			o->area = 0;
	}
	if (!o->area)
		form_error(r, e, "omrade", "Välj ett område i listan.");
	for (int i = 0; s && sex_values[i]; i++)
		if (strcmp(s, sex_values[i]) == 0)
			o->sex = sex_values[i];
	if (!o->sex)
		form_error(r, e, "kon", "Välj totalt, kvinnor eller män.");
	else if (!model_sex_allowed(by_sex, o->sex[0]))
		form_error(r, e, "kon", "Indikatorn är inte uppdelad på kön: välj Totalt, eller ändra indelningen först.");
	o->missing = form_blank(val);
	if (!o->missing && parse_value(val, &o->value) != 0)
		form_error(r, e, "varde", "Skriv utfallet som ett tal, till exempel 57,8, eller lämna fältet tomt om "
			   "utfallet saknas.");
}

/* outcome_period: the period's id, its row written when new (in the open transaction). */
static int outcome_period(struct http_req *r, const struct outcome_in *o, int64_t *period)
{
	struct model_period p = { (int)o->year, strcmp(o->kind, "T1") == 0 ? MODEL_PERIOD_T1 :
						strcmp(o->kind, "T2") == 0 ? MODEL_PERIOD_T2 : MODEL_PERIOD_FY };
	char first[16], last[16];

	model_period_bounds_text(&p, first, sizeof(first), last, sizeof(last));
	struct sval up[] = { SVI(o->year), SVS(o->kind), SVS(first), SVS(last) };
	if (store_exec(r->st, STMT_PERIOD_UPSERT, up, 4, NULL, NULL, &r->err) != LUP_OK ||
	    store_query_id(r->st, STMT_PERIOD_ID, up, 2, period, &r->err) != LUP_OK)
		return -1;
	return 0;
}

static int save_outcome(struct http_req *r, struct edit_view *v)
{
	struct form_errors e = { 0 };
	struct outcome_in o;
	int64_t id = pf_i(v->ind, 0, "id"), period = 0, frozen = 0;
	char *before;
	int n = 0, rc;

	v->e = &e;
	check_outcome(r, v->f, &e, &o, pf_i(v->ind, 0, "by_sex") != 0);
	if (e.n)
		return render_edit(r, v, 422);
	if ((rc = api_write_begin(r, kind_find("indicators"), id, STMT_INDICATOR_OWNER, &before)) != 0)
		return form_fail_page(r, rc);
	if (outcome_period(r, &o, &period) != 0)
		return form_fail_page(r, api_rollback_fail(r));
	struct sval fz[] = { SVI(pf_i(v->ind, 0, "owner_id")), SVI(period) };
	if (store_query_id(r->st, STMT_REPORT_FROZEN, fz, 2, &frozen, &r->err) != LUP_OK)
		return form_fail_page(r, api_rollback_fail(r));
	if (frozen) {
		store_rollback(r->st);
		form_error(r, &e, "utfall-period", "Rapporten för %s är godkänd: periodens utfall är låsta.",
			   pf_period_label(r, o.year, o.kind));
		return render_edit(r, v, 409);
	}
	struct period_lock lk;
	if ((rc = period_locked(r->st, period, pf_i(v->ind, 0, "owner_id"), model_today(), &lk, &r->err)) < 0)
		return form_fail_page(r, api_rollback_fail(r));
	if (rc) {
		store_rollback(r->st);
		form_error(r, &e, "utfall-period", "%s", lk.why);
		return render_edit(r, v, 409);
	}
	struct sval args[] = { SVI(id), SVI(period), SVI(o.area), SVS(o.sex), o.missing ? SVNULL : SVD(o.value),
			       SVI(o.missing), SVS("webb"), SVI(0), SVI(0) };
	if (store_exec(r->st, STMT_OUTCOME_UPSERT, args, 9, NULL, &n, &r->err) != LUP_OK)
		return form_fail_page(r, api_rollback_fail(r));
	return finish(r, v->ind, before, n, o.year);
}

int page_indicator_edit_post(struct http_req *r)
{
	struct edit_view v = { 0 };
	struct rowset ind;
	struct form f;
	const char *part;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = load(r, &ind)) != 0)
		return rc;
	if (!pf_may_write(r, pf_i(&ind, 0, "owner_id")))
		return pf_forbidden(r, pf_s(&ind, 0, "owner_name"));
	v.ind = &ind;
	v.f = &f;
	v.year = default_year(&ind);
	part = form_get(&f, "del");
	if (part && strcmp(part, "malvarden") == 0) {
		v.part = "malvarden";
		return save_targets(r, &v);
	}
	if (part && strcmp(part, "indelning") == 0) {
		v.part = "indelning";
		return save_flags(r, &v);
	}
	if (part && strcmp(part, "utfall") == 0) {
		v.part = "utfall";
		return save_outcome(r, &v);
	}
	return page_error(r, 400, "Formuläret saknar uppgift om vilken del som ska sparas. Ladda om sidan och försök igen.");
}
