/* api-commitments.c: the city's overview of commitments in the API:
 *	GET /api/v1/views/organisations-districts[?org=KEY][&district=KEY][&links=1]
 *	GET /api/v1/views/commitments?year=YYYY&period=T1|T2|VB
 * The first is view/commitments.h's matrix (public content, the same for everyone), the second
 * view/ledger.h's ledger (report statuses as the caller may read them, through the store's
 * viewer). The pages /stadsdelar/samverkan and /uppfoljning/atagande read the same loaders. */
#include "web/api.h"
#include "render/json.h"
#include "store/store.h"
#include "view/commitments.h"
#include "view/ledger.h"
#include "model/period.h"
#include "core/buf.h"
#include "core/numfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void link_json(struct json *j, const struct commit_link *l)
{
	json_obj_open(j);
	json_key(j, "via"); json_str(j, commit_via_code(l->via));
	json_key(j, l->via == COMMIT_MEASURE ? "measure" : "activity"); json_str(j, l->item);
	json_key(j, "title"); json_str(j, l->title);
	json_key(j, "role"); json_str(j, l->role);
	if (l->via == COMMIT_PARTNER) {
		json_key(j, "owner"); json_str(j, l->owner);
	}
	json_obj_close(j);
}

static void cell_json(struct json *j, const struct view_commitments *c, const struct commit_cell *cell, int links)
{
	json_obj_open(j);
	json_key(j, "org"); json_str(j, c->orgs[cell->org].key);
	json_key(j, "org_name"); json_str(j, c->orgs[cell->org].name);
	json_key(j, "district"); json_str(j, c->districts[cell->district].key);
	json_key(j, "district_name"); json_str(j, c->districts[cell->district].name);
	json_key(j, "activities"); json_int(j, cell->n[COMMIT_ACTIVITY]);
	json_key(j, "measures"); json_int(j, cell->n[COMMIT_MEASURE]);
	json_key(j, "partner_activities"); json_int(j, cell->n[COMMIT_PARTNER]);
	json_key(j, "roles");
	json_arr_open(j);
	for (size_t k = 0; cell->roles[k]; k++)
		json_str(j, cell->roles[k]);
	json_arr_close(j);
	if (links) {
		json_key(j, "links");
		json_arr_open(j);
		for (size_t k = cell->link0; k < cell->link0 + cell->nlinks; k++)
			link_json(j, &c->links[k]);
		json_arr_close(j);
	}
	json_obj_close(j);
}

int api_view_orgs_districts(struct http_req *r)
{
	const char *ok = http_query(r, "org"), *dk = http_query(r, "district"), *lk = http_query(r, "links");
	struct view_commitments c;
	struct json *j;
	long org = -1, d = -1, n = 0;
	int64_t id = 0;
	int links = lk && strcmp(lk, "1") == 0;

	if (view_commitments_load(r->st, &r->a, links, &c, &r->err) != LUP_OK)
		return http_fail(r);
	if (dk && (d = view_commitments_district(&c, dk)) < 0)
		return http_error(r, 404, "not_found", "no district '%s'", dk);
	if (ok && (org = view_commitments_org(&c, ok)) < 0) {
		/* an organisation without links has an empty row; an unknown one is not found */
		if (api_id_lookup(r, ok, STMT_ORG_ID, &id) != LUP_OK)
			return http_fail(r);
		if (!id)
			return http_error(r, 404, "not_found", "no organisation '%s'", ok);
	}
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "rows"); json_str(j, "organisations");
	json_key(j, "columns"); json_str(j, "districts");
	json_key(j, "row_key"); json_str(j, "org");
	json_key(j, "column_key"); json_str(j, "district");
	json_key(j, "cells");
	json_arr_open(j);
	for (size_t i = 0; i < c.ncells; i++) {
		if ((ok && (long)c.cells[i].org != org) || (dk && (long)c.cells[i].district != d))
			continue;
		cell_json(j, &c, &c.cells[i], links);
		n++;
	}
	json_arr_close(j);
	json_key(j, "total"); json_int(j, n);
	json_obj_close(j);
	return http_json_end(r, j);
}

static void item_json(struct json *j, const struct view_ledger *l, const struct ledger_item *it)
{
	json_obj_open(j);
	json_key(j, "district"); json_str(j, l->district_keys[it->district]);
	json_key(j, "via"); json_str(j, ledger_via_code(it->via));
	if (it->via == LEDGER_RESOURCE) {
		json_key(j, "kind"); json_str(j, it->kind);
		json_key(j, "amount"); json_num(j, it->amount);
		json_key(j, "unit"); json_str(j, it->unit);
	} else {
		json_key(j, it->via == LEDGER_MEASURE ? "measure" : "activity"); json_str(j, it->item);
		json_key(j, "title"); json_str(j, it->title);
		json_key(j, "role"); json_str(j, it->role);
	}
	if (it->via == LEDGER_ACTIVITY) {
		json_key(j, "status"); json_str(j, it->status);
	}
	json_obj_close(j);
}

static void party_json(struct json *j, const struct view_ledger *l, const struct ledger_party *p)
{
	static const char *const st[] = { "planned", "ongoing", "done", "waiting", "cancelled" };

	json_obj_open(j);
	json_key(j, "org"); json_str(j, p->key);
	json_key(j, "name"); json_str(j, p->name);
	json_key(j, "kind"); json_str(j, p->kind);
	json_key(j, "report"); json_str(j, ledger_report_code(p));
	if (p->report == LEDGER_REPORTED) {
		json_key(j, "report_id"); json_int(j, p->report_id);
		json_key(j, "report_org"); json_str(j, p->report_org);
	}
	json_key(j, "late"); json_bool(j, p->late);
	json_key(j, "districts"); json_int(j, p->districts);
	json_key(j, "activities"); json_int(j, p->activities);
	json_key(j, "measures"); json_int(j, p->measures);
	json_key(j, "resources"); json_int(j, p->resources);
	json_key(j, "statuses");
	json_obj_open(j);
	for (int k = 0; k < 5; k++) {
		json_key(j, st[k]); json_int(j, p->status_n[k]);
	}
	json_key(j, "none"); json_int(j, p->unreported);
	json_obj_close(j);
	json_key(j, "items");
	json_arr_open(j);
	for (size_t k = p->item0; k < p->item0 + p->nitems; k++)
		item_json(j, l, &l->items[k]);
	json_arr_close(j);
	json_obj_close(j);
}

/* LIT: appends a string literal to b. */
#define LIT(b, lit) buf_add((b), "" lit "", sizeof(lit) - 1)

/* str_piece: s as json_str writes it (null for NULL). */
static void str_piece(struct buf *b, const char *s)
{
	if (s)
		json_escape_str(b, s, strlen(s));
	else
		LIT(b, "null");
}

static void int_piece(struct buf *b, long long v)
{
	char num[NUMFMT_SIZE];

	buf_add(b, num, numfmt_long(v, num));
}

/* item_piece: an item as one piece: the bytes item_json writes. */
static void item_piece(struct buf *b, const struct view_ledger *l, const struct ledger_item *it)
{
	char num[JSON_NUM_SIZE];

	LIT(b, "{\"district\":");
	str_piece(b, l->district_keys[it->district]);
	if (it->via == LEDGER_RESOURCE) {
		LIT(b, ",\"via\":\"resource\",\"kind\":");
		str_piece(b, it->kind);
		LIT(b, ",\"amount\":");
		buf_add(b, num, json_num_text(it->amount, num));
		LIT(b, ",\"unit\":");
		str_piece(b, it->unit);
	} else {
		if (it->via == LEDGER_MEASURE)
			LIT(b, ",\"via\":\"measure\",\"measure\":");
		else
			LIT(b, ",\"via\":\"activity\",\"activity\":");
		str_piece(b, it->item);
		LIT(b, ",\"title\":");
		str_piece(b, it->title);
		LIT(b, ",\"role\":");
		str_piece(b, it->role);
	}
	if (it->via == LEDGER_ACTIVITY) {
		LIT(b, ",\"status\":");
		str_piece(b, it->status);
	}
	LIT(b, "}");
}

/* party_piece: a party as one piece straight into the output: the bytes party_json writes
 * (its members through the writer's calls cost about twice as much). */
static void party_piece(struct buf *b, const struct view_ledger *l, const struct ledger_party *p)
{
	static const char *const st[] = { "{\"planned\":", ",\"ongoing\":", ",\"done\":", ",\"waiting\":",
		",\"cancelled\":" };

	LIT(b, "{\"org\":");
	str_piece(b, p->key);
	LIT(b, ",\"name\":");
	str_piece(b, p->name);
	LIT(b, ",\"kind\":");
	str_piece(b, p->kind);
	LIT(b, ",\"report\":");
	str_piece(b, ledger_report_code(p));
	if (p->report == LEDGER_REPORTED) {
		LIT(b, ",\"report_id\":");
		int_piece(b, p->report_id);
		LIT(b, ",\"report_org\":");
		str_piece(b, p->report_org);
	}
	if (p->late)
		LIT(b, ",\"late\":true,\"districts\":");
	else
		LIT(b, ",\"late\":false,\"districts\":");
	int_piece(b, p->districts);
	LIT(b, ",\"activities\":");
	int_piece(b, p->activities);
	LIT(b, ",\"measures\":");
	int_piece(b, p->measures);
	LIT(b, ",\"resources\":");
	int_piece(b, p->resources);
	LIT(b, ",\"statuses\":");
	for (int k = 0; k < 5; k++) {
		buf_adds(b, st[k]);
		int_piece(b, p->status_n[k]);
	}
	LIT(b, ",\"none\":");
	int_piece(b, p->unreported);
	LIT(b, "},\"items\":[");
	for (size_t k = p->item0; k < p->item0 + p->nitems; k++) {
		if (k > p->item0)
			LIT(b, ",");
		item_piece(b, l, &l->items[k]);
	}
	LIT(b, "]}");
}

int api_view_commitments(struct http_req *r)
{
	const char *ys = http_query(r, "year"), *ps = http_query(r, "period");
	char text[64], label[MODEL_PERIOD_TEXT_MAX];
	struct model_period p;
	struct view_ledger l;
	struct json *j;

	snprintf(text, sizeof(text), "%s-%s", ys ? ys : "", ps ? ps : "");
	if (!ys || !ps || strlen(ys) != 4 || model_period_parse(text, &p, NULL, 0) != 0)
		return http_error(r, 400, "bad_request", "give the period: ?year=YYYY&period=T1|T2|VB");
	if (view_ledger_load(r->st, &r->a, &p, &l, &r->err) != LUP_OK)
		return http_fail(r);
	model_period_label_sv(&p, label, sizeof(label));
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "year"); json_int(j, p.year);
	json_key(j, "period"); json_str(j, p.kind == MODEL_PERIOD_T1 ? "T1" : p.kind == MODEL_PERIOD_T2 ? "T2" : "VB");
	json_key(j, "label"); json_str(j, label);
	json_key(j, "due"); json_str(j, l.due);
	json_key(j, "today"); json_str(j, l.today);
	json_key(j, "organisations");
	json_arr_open(j);
	for (size_t i = 0; i < l.nparties; i++) {
		struct buf *b = j->pretty ? NULL : json_value_out(j);
		if (b)
			party_piece(b, &l, &l.parties[i]);
		else
			party_json(j, &l, &l.parties[i]);
	}
	json_arr_close(j);
	json_key(j, "total"); json_int(j, (int64_t)l.nparties);
	json_key(j, "left_out"); json_int(j, (int64_t)l.nidle);
	json_obj_close(j);
	return http_json_end(r, j);
}
