/* chain-json.c: the goal chain as the API's JSON (see chain-json.h). */
#include <math.h>

#include "doc/chain-json.h"
#include "render/json.h"
#include "view/chain.h"

/* str: key and a string value, null when s is NULL. */
static void str(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	if (s)
		json_str(j, s);
	else
		json_nothing(j);
}

static void outcome(const struct view_outcome *o, struct json *j)
{
	json_obj_open(j);
	str(j, "period", o->period);
	str(j, "area", o->area);
	str(j, "sex", o->sex);
	json_key(j, "value");
	if (isnan(o->value))
		json_nothing(j);
	else
		json_num(j, o->value);
	json_key(j, "missing"); json_bool(j, o->missing);
	json_key(j, "example"); json_bool(j, o->example);
	json_obj_close(j);
}

static void indicator(const struct view_chain *c, const struct view_indicator *in, struct json *j)
{
	json_obj_open(j);
	json_key(j, "id"); json_int(j, in->id);
	str(j, "key", in->key);
	str(j, "name", in->name);
	str(j, "unit", in->unit);
	str(j, "direction", in->direction);
	str(j, "periodicity", in->periodicity);
	str(j, "target", in->target);
	str(j, "kf_target", in->kf_target);
	json_key(j, "outcomes");
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
	str(j, "period", a->period);
	str(j, "assessment", a->assessment);
	str(j, "analysis", a->analysis);
	str(j, "report_status", a->report_status);
	json_obj_close(j);
}

static void goal(const struct view_chain *c, const struct view_goal *g, struct json *j)
{
	json_obj_open(j);
	json_key(j, "id"); json_int(j, g->id);
	str(j, "key", g->key);
	str(j, "level", g->level);
	str(j, "number", g->number);
	str(j, "name", g->name);
	str(j, "parent", g->parent);
	str(j, "owner", g->owner);
	json_key(j, "assessments");
	json_arr_open(j);
	for (size_t i = 0; i < g->nassess; i++)
		assessment(&g->assess[i], j);
	json_arr_close(j);
	json_key(j, "indicators");
	json_arr_open(j);
	for (size_t i = 0; i < g->ninds; i++)
		indicator(c, &g->inds[i], j);
	json_arr_close(j);
	json_obj_close(j);
}

void chain_json_write(const struct view_chain *c, struct json *j)
{
	json_obj_open(j);
	json_key(j, "organisation_id"); json_int(j, c->org);
	json_key(j, "year"); json_int(j, c->year);
	json_key(j, "goals");
	json_arr_open(j);
	for (size_t i = 0; i < c->ngoals; i++)
		goal(c, &c->goals[i], j);
	json_arr_close(j);
	json_obj_close(j);
}
