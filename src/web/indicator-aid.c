/* indicator-aid.c: the target-setting aid on the target form and in the API (indicator-aid.h). */
#include "web/indicator-aid.h"
#include "web/api.h"
#include "web/pages-forms.h"
#include "model/target.h"
#include "render/json.h"
#include "store/store.h"
#include "view/trajectory.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* proposed_value: a target as written, as a number (NaN when it is not one) */
static double proposed_value(const char *text)
{
	struct model_target t;

	if (!text || model_target_parse(text, &t, NULL, 0) != 0 || t.kind != MODEL_TARGET_NUMBER)
		return NAN;
	return t.value;
}

static const char *num_unit(struct http_req *r, double v, const char *unit)
{
	if (isnan(v))
		return "–";
	return pf_printf(r, "%s%s%s", pf_num(r, v), unit && *unit ? " " : "", unit && *unit ? unit : "");
}

static void aid_recent(struct http_req *r, struct html *h, const struct aid_view *v)
{
	static const char *const cols[] = { "År", "#Utfall", NULL };

	if (!v->s.n) {
		html_elem(h, "p", "Det finns inga helårsutfall före året att visa en trend med.", NULL);
		return;
	}
	html_open(h, "table", NULL);
	html_open(h, "caption", NULL);
	html_textf(h, "Utfall de senaste åren, %s", v->area_name ? v->area_name : "");
	html_close(h);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = v->first_recent; i < v->s.n; i++) {
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_textf(h, "%d", v->s.years[i]);
		html_close(h);
		html_elem(h, "td", num_unit(r, v->s.values[i], v->unit), "class", "num", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

int indicator_aid_section(struct http_req *r, struct html *h, int64_t id, long year, const char *proposed)
{
	static const char *const cols[] = { "Jämförelse", "#Värde", "Förslaget", NULL };
	struct aid_view v;
	double p = proposed_value(proposed);

	if (aid_view_load(r->st, id, (int)year, &v, &r->err) != LUP_OK) {
		aid_view_release(&v);
		fprintf(stderr, "lup serve: %s: %s\n", r->path, r->err.msg);
		page_error(r, 500, "Ett internt fel inträffade när sidan skulle läsas. Försök igen senare.");
		return -1;
	}
	html_open(h, "section", "class", "target-aid", "aria-labelledby", "stod", NULL);
	html_open(h, "h3", "id", "stod", NULL);
	html_textf(h, "Stöd för årsmålet %ld", year);
	html_close(h);
	aid_recent(r, h, &v);
	if (!isnan(v.s.t.slope)) {
		html_open(h, "p", NULL);
		html_textf(h, "Förändring per år hittills (minsta kvadrat-metoden): %s.", pf_num(r, v.s.t.slope));
		html_close(h);
	}
	html_open(h, "table", NULL);
	html_elem(h, "caption", "Årsmålet jämfört med", NULL);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int k = 0; k < AID__MAX; k++) {
		enum aid_pos pos = aid_position(p, v.ref[k]);
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_text(h, aid_ref_label_sv((enum aid_ref)k));
		if (v.ref_year[k])
			html_textf(h, " (%d)", v.ref_year[k]);
		html_close(h);
		html_elem(h, "td", k == AID_KF && isnan(v.ref[k]) && v.kf_text ? v.kf_text : num_unit(r, v.ref[k], v.unit),
			  "class", "num", NULL);
		html_elem(h, "td", pos == AID_ABOVE ? "över" : pos == AID_BELOW ? "under" : pos == AID_EQUAL ? "lika med" : "–",
			  NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	if (!isnan(p)) {
		html_open(h, "p", "class", "aid-verdict", NULL);
		html_textf(h, "Förslaget %s:", num_unit(r, p, v.unit));
		for (int k = 0, first = 1; k < AID__MAX; k++) {
			enum aid_pos pos = aid_position(p, v.ref[k]);
			if (pos == AID_UNKNOWN)
				continue;
			html_textf(h, "%s %s %s", first ? "" : ";", pos == AID_ABOVE ? "över" : pos == AID_BELOW ? "under" : "lika med",
				   aid_ref_label_sv((enum aid_ref)k));
			first = 0;
		}
		html_text(h, ".");
		html_close(h);
	}
	html_elem(h, "p", "Banan går från första året med värde till femårsmålet i LUP:en, eller till stadens snitt "
		  "20 år efter det året när målet saknar ett tal (docs/indicators.md).", "class", "hint", NULL);
	html_close(h);
	aid_view_release(&v);
	return 0;
}

int api_indicator_target_aid(struct http_req *r)
{
	const char *ys = http_query(r, "year"), *vs = http_query(r, "value");
	long year = ys ? strtol(ys, NULL, 10) : 0;
	struct aid_view v;
	struct json *j;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_INDICATOR_ID, "indicator", &id)) != 0)
		return rc;
	if (!ys || year < 1900 || year > 2999)
		return http_error(r, 400, "bad_request", "give the year: ?year=YYYY");
	double p = vs ? proposed_value(vs) : NAN;
	if (vs && isnan(p))
		return http_error(r, 400, "bad_request", "?value= must be a number as targets are written (4,6 or 4.6 %%)");
	if (aid_view_load(r->st, id, (int)year, &v, &r->err) != LUP_OK) {
		aid_view_release(&v);
		return http_fail(r);
	}
	if (!v.id) {
		aid_view_release(&v);
		return http_error(r, 404, "not_found", "no indicator %lld", (long long)id);
	}
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "indicator"); json_str(j, v.key);
	json_key(j, "year"); json_int(j, year);
	json_key(j, "unit"); json_str(j, v.unit);
	json_key(j, "direction"); json_str(j, v.direction);
	json_key(j, "area"); json_str(j, v.area_key);
	json_key(j, "recent");
	json_arr_open(j);
	for (int i = v.first_recent; i < v.s.n; i++) {
		json_obj_open(j);
		json_key(j, "year"); json_int(j, v.s.years[i]);
		json_key(j, "value"); json_num(j, v.s.values[i]);
		json_obj_close(j);
	}
	json_arr_close(j);
	json_key(j, "change_per_year"); json_num(j, v.s.t.slope);
	json_key(j, "baseline_year"); if (v.s.t.points) json_int(j, v.s.t.base_year); else json_nothing(j);
	json_key(j, "goal"); json_num(j, v.goal_value);
	json_key(j, "goal_year"); if (v.goal_year) json_int(j, v.goal_year); else json_nothing(j);
	json_key(j, "kf_target_text"); json_str(j, v.kf_text);
	for (int k = 0; k < AID__MAX; k++) {
		json_key(j, aid_ref_name((enum aid_ref)k));
		json_num(j, v.ref[k]);
	}
	if (vs) {
		json_key(j, "proposed"); json_num(j, p);
		json_key(j, "comparison");
		json_obj_open(j);
		for (int k = 0; k < AID__MAX; k++) {
			enum aid_pos pos = aid_position(p, v.ref[k]);
			json_key(j, aid_ref_name((enum aid_ref)k));
			if (pos == AID_UNKNOWN)
				json_nothing(j);
			else
				json_str(j, pos == AID_ABOVE ? "above" : pos == AID_BELOW ? "below" : "equal");
		}
		json_obj_close(j);
	}
	json_obj_close(j);
	aid_view_release(&v);
	return http_json_end(r, j);
}
