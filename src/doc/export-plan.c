/* export-plan.c: the plan exports (export.h): a plan version as the interchange document
 * (docs/plan-json.md) and as the LUP document (doc/docx-plan.h), named after the plan:
 * "LUP Rinkeby-Kista 2016-2021 version 1". */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "doc/docx-plan.h"
#include "doc/docx.h"
#include "doc/export.h"
#include "doc/plan-json.h"
#include "store/store.h"
#include "view/plan.h"

static const char *s(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static int name_row(void *ctx, const struct store_row *r)
{
	char **out = ctx;

	if (!*out && store_col_text(r, 2))
		*out = xstrdup(store_col_text(r, 2));
	return 1;
}

/* reg_name: the registry's name of area (area 1) or organisation key, malloc'd; NULL when none */
static char *reg_name(struct store *st, int area, const char *key, struct err *e)
{
	struct sval arg = SVS(key);
	int64_t id = 0;
	char *found = NULL;

	if (!key || store_query_id(st, area ? STMT_AREA_ID : STMT_ORG_ID, &arg, 1, &id, e) != LUP_OK || !id)
		return NULL;
	struct sval a2 = SVI(id);
	if (store_query(st, area ? STMT_SHOW_AREA : STMT_SHOW_ORGANISATION, &a2, 1, name_row, &found, e) != LUP_OK) {
		free(found);
		return NULL;
	}
	return found;
}

/* plan_name: the file's name stem of plan document doc: its kind's word, the district (else
 * the owner), the years and the version */
static void plan_name(struct store *st, const json_t *doc, struct export_file *f, struct err *e)
{
	const json_t *plan = json_object_get(doc, "plan"), *v = json_object_get(doc, "version");
	const char *kind = s(plan, "kind");
	long long from = json_integer_value(json_object_get(plan, "year_from"));
	long long to = json_integer_value(json_object_get(plan, "year_to"));
	long long n = json_integer_value(json_object_get(v, "number"));
	struct err ignored = { 0 };
	char *where = s(plan, "district") ? reg_name(st, 1, s(plan, "district"), &ignored) : NULL;
	char years[32];

	(void)e;
	if (!where)
		where = reg_name(st, 0, s(plan, "owner"), &ignored);
	snprintf(years, sizeof(years), from && to && from != to ? "%lld-%lld" : "%lld", from ? from : to, to);
	export_name(f, "%s %s %s version %lld",
		    kind && !strcmp(kind, "lup") ? "LUP" : kind && !strcmp(kind, "vp") ? "Verksamhetsplan" : "Plan",
		    where ? where : s(plan, "key") ? s(plan, "key") : "", years, n);
	free(where);
}

int export_json_plan(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	json_t *doc = NULL;
	struct buf b;
	int rc;

	buf_init(&b, PLAN_JSON_MAX);
	/* the text as the API writes it; the tree for the file's name (the CLI's: its cost is no matter) */
	if ((rc = plan_doc_write_key(st, a->key, a->version, &b, e)) == LUP_OK &&
	    (rc = plan_doc_load(st, a->key, a->version, &doc, e)) == LUP_OK) {
		f->len = b.len;
		f->data = buf_detach(&b, NULL);
		plan_name(st, doc, f, e);
	}
	buf_release(&b);
	json_decref(doc);
	return rc;
}

int export_docx_plan(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	char tpl[4096];
	json_t *doc = NULL;
	int rc = plan_doc_load(st, a->key, a->version, &doc, e);

	const char *kind = s(json_object_get(doc, "plan"), "kind");

	if (rc == LUP_OK && kind && !strcmp(kind, "vp"))
		rc = export_docx_vp_plan(st, doc, a, f, e);
	else if (rc == LUP_OK)
		rc = docx_plan(st, doc, a->tpl ? a->tpl : docx_template_path(tpl, sizeof(tpl)), &f->data, &f->len, e);
	if (rc == LUP_OK)
		plan_name(st, doc, f, e);
	json_decref(doc);
	return rc;
}
