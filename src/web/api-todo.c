/* api-todo.c: GET /api/v1/views/todo, "Att göra" as JSON (view/todo.h): the caller's
 * organisation's (editors and readers of an organisation), every organisation's for the city
 * office and administrators. */
#include "web/api.h"
#include "view/todo.h"
#include "model/datex.h"
#include "model/today.h"
#include "render/json.h"

#include <stdio.h>

static void date_or_null(struct json *j, const char *key, int ymd)
{
	char day[16];

	json_key(j, key);
	json_str(j, ymd && model_date_format(ymd, day, sizeof(day)) == 0 ? day : NULL);
}

/* period_name: "T1", "T2" or "VB" (the API's name of FY). */
static const char *period_name(const char *kind)
{
	return kind && kind[0] == 'F' ? "VB" : kind;
}

static void item_json(struct json *j, const struct todo_item *it)
{
	json_obj_open(j);
	json_key(j, "type"); json_str(j, todo_kind_name(it->kind));
	json_key(j, "year"); json_int(j, it->year);
	json_key(j, "period"); json_str(j, period_name(it->period));
	if (it->kind == TODO_DUE) {
		date_or_null(j, "due", it->due);
		json_key(j, "days_left"); json_int(j, it->days_left);
		json_key(j, "days_late"); json_int(j, it->days_left < 0 ? -it->days_left : 0);
	}
	if (it->kind != TODO_MISSING) {
		json_key(j, "report");
		if (it->report_id)
			json_int(j, it->report_id);
		else
			json_str(j, NULL);
		json_key(j, "status"); json_str(j, it->status);
	}
	if (it->kind == TODO_UNASSESSED || it->kind == TODO_NO_STATUS) {
		json_key(j, "count"); json_int(j, it->count);
	}
	if (it->kind == TODO_RETURNED) {
		json_key(j, "comment"); json_str(j, it->comment);
	}
	if (it->kind == TODO_MISSING) {
		json_key(j, "indicator"); json_str(j, it->indicator_key);
		json_key(j, "indicator_name"); json_str(j, it->indicator_name);
	}
	json_obj_close(j);
}

static void org_json(struct json *j, const struct todo_org *o, int items)
{
	json_obj_open(j);
	json_key(j, "org"); json_str(j, o->key);
	json_key(j, "name"); json_str(j, o->name);
	json_key(j, "days_late"); json_int(j, o->late_days);
	json_key(j, "silent"); json_bool(j, o->silent);
	json_key(j, "reports_due"); json_int(j, o->due);
	json_key(j, "returned"); json_int(j, o->returned);
	json_key(j, "unassessed_goals"); json_int(j, o->unassessed);
	json_key(j, "activities_without_status"); json_int(j, o->no_status);
	json_key(j, "missing_outcomes"); json_int(j, o->missing);
	json_key(j, "reports");
	json_arr_open(j);
	for (int i = 0; i < o->nperiods; i++) {
		const struct todo_period *p = &o->periods[i];
		json_obj_open(j);
		json_key(j, "year"); json_int(j, p->year);
		json_key(j, "period"); json_str(j, period_name(p->period));
		date_or_null(j, "due", p->due);
		json_key(j, "report");
		if (p->report_id)
			json_int(j, p->report_id);
		else
			json_str(j, NULL);
		json_key(j, "status"); json_str(j, p->status);
		json_obj_close(j);
	}
	json_arr_close(j);
	if (items) {
		json_key(j, "items");
		json_arr_open(j);
		for (int i = 0; i < o->nitems; i++)
			item_json(j, &o->items[i]);
		json_arr_close(j);
	}
	json_obj_close(j);
}

int api_view_todo(struct http_req *r)
{
	int city = r->user.role == ROLE_CITY || r->user.role == ROLE_ADMIN;
	struct todo t;
	struct json *j;

	if ((city ? todo_load_city(r->st, &r->a, model_today(), &t, &r->err) :
		    todo_load_org(r->st, &r->a, r->user.org_id, model_today(), &t, &r->err)) != LUP_OK)
		return http_fail(r);
	j = http_json_begin(r, 200);
	json_obj_open(j);
	date_or_null(j, "today", t.today);
	json_key(j, "scope"); json_str(j, city ? "city" : "organisation");
	json_key(j, "first_year"); json_int(j, t.first_year);
	if (!city) {
		json_key(j, "organisation");
		if (t.norgs)
			org_json(j, &t.orgs[0], 0);
		else
			json_str(j, NULL);
		json_key(j, "items");
		json_arr_open(j);
		for (int i = 0; t.norgs && i < t.orgs[0].nitems; i++)
			item_json(j, &t.orgs[0].items[i]);
		json_arr_close(j);
	} else {
		json_key(j, "organisations");
		json_arr_open(j);
		for (int i = 0; i < t.norgs; i++)
			org_json(j, &t.orgs[i], 1);
		json_arr_close(j);
	}
	json_obj_close(j);
	return http_json_end(r, j);
}
