/* chain-json.c: the goal chain as the API's JSON (see chain-json.h). */
#include <math.h>

#include "doc/chain-json.h"
#include "render/json.h"
#include "view/chain.h"

/* KEY: a key that is a string literal, its length known here (no strlen per key). */
#define KEY(j, lit) json_keyn((j), "" lit "", sizeof(lit) - 1)

/* STR: key (a literal) and a string value, null when s is NULL. */
#define STR(j, lit, s) (KEY(j, lit), json_str((j), (s)))

static void outcome(const struct view_outcome *o, struct json *j)
{
	json_obj_open(j);
	STR(j, "period", o->period);
	STR(j, "area", o->area);
	STR(j, "sex", o->sex);
	KEY(j, "value");
	if (isnan(o->value))
		json_nothing(j);
	else
		json_num(j, o->value);
	KEY(j, "missing"); json_bool(j, o->missing);
	KEY(j, "example"); json_bool(j, o->example);
	json_obj_close(j);
}

static void indicator(const struct view_chain *c, const struct view_indicator *in, struct json *j)
{
	json_obj_open(j);
	KEY(j, "id"); json_int(j, in->id);
	STR(j, "key", in->key);
	STR(j, "name", in->name);
	STR(j, "unit", in->unit);
	STR(j, "direction", in->direction);
	STR(j, "periodicity", in->periodicity);
	STR(j, "target", in->target);
	STR(j, "kf_target", in->kf_target);
	KEY(j, "outcomes");
	json_arr_open(j);
	for (size_t i = 0; i < in->nouts; i++)
		if (in->outs[i].year == c->year)
			outcome(&in->outs[i], j);
	json_arr_close(j);
	json_obj_close(j);
}

static void assessment(const struct view_assessment *a, struct json *j)
{
	json_obj_open(j);
	STR(j, "period", a->period);
	STR(j, "assessment", a->assessment);
	STR(j, "analysis", a->analysis);
	STR(j, "report_status", a->report_status);
	json_obj_close(j);
}

static void goal(const struct view_chain *c, const struct view_goal *g, struct json *j)
{
	json_obj_open(j);
	KEY(j, "id"); json_int(j, g->id);
	STR(j, "key", g->key);
	STR(j, "level", g->level);
	STR(j, "number", g->number);
	STR(j, "name", g->name);
	STR(j, "parent", g->parent);
	STR(j, "owner", g->owner);
	KEY(j, "assessments");
	json_arr_open(j);
	for (size_t i = 0; i < g->nassess; i++)
		assessment(&g->assess[i], j);
	json_arr_close(j);
	KEY(j, "indicators");
	json_arr_open(j);
	for (size_t i = 0; i < g->ninds; i++)
		indicator(c, &g->inds[i], j);
	json_arr_close(j);
	json_obj_close(j);
}

void chain_json_write(const struct view_chain *c, struct json *j)
{
	json_obj_open(j);
	KEY(j, "organisation_id"); json_int(j, c->org);
	KEY(j, "year"); json_int(j, c->year);
	KEY(j, "goals");
	json_arr_open(j);
	for (size_t i = 0; i < c->ngoals; i++)
		goal(c, &c->goals[i], j);
	json_arr_close(j);
	json_obj_close(j);
}
