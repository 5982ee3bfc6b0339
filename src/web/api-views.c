/* api-views.c: the city-wide views (one request each): districts x themes and the commission
 * matrix (measures x administrations), plus the API index; organisations x districts and the
 * commitment ledger are in api-commitments.c. */
#include "web/api.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

static int view(struct http_req *r, enum stmt s, const char *const *bools, const char *rows_name,
		const char *cols_name, const char *row_col, const char *col_col)
{
	struct rowset rs;
	struct json *j;

	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, s, NULL, 0, &r->err) != LUP_OK)
		return http_fail(r);
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "rows"); json_str(j, rows_name);
	json_key(j, "columns"); json_str(j, cols_name);
	json_key(j, "row_key"); json_str(j, row_col);
	json_key(j, "column_key"); json_str(j, col_col);
	json_key(j, "cells");
	rowset_json(&rs, j, bools);
	json_key(j, "total"); json_int(j, rs.nrows);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_view_districts_themes(struct http_req *r)
{
	static const char *const bools[] = { "prioritised", NULL };

	return view(r, STMT_VIEW_DISTRICTS_THEMES, bools, "districts", "themes", "district", "theme");
}

int api_view_commission(struct http_req *r)
{
	static const char *const bools[] = { "no_response", NULL };

	return view(r, STMT_VIEW_COMMISSION, bools, "measures", "administrations", "measure", "org");
}

int api_index(struct http_req *r)
{
	struct json *j = http_json_begin(r, 200);

	json_obj_open(j);
	json_key(j, "name"); json_str(j, "lup");
	json_key(j, "api"); json_str(j, "/api/v1");
	json_key(j, "openapi"); json_str(j, "/api/openapi.json");
	json_key(j, "health"); json_str(j, "/healthz");
	json_obj_close(j);
	return http_json_end(r, j);
}
