/* export-docs.c: the verksamhetsplan and report exports (export.h; docs/documents.md):
 *	docx organisation KEY --year Y		the organisation's verksamhetsplan of the year
 *	docx plan KEY				(export-plan.c) a vp plan's document: export_docx_vp_plan
 *	docx report KEY --year Y --period P	the organisation's report of the period (T1, T2, VB)
 * KEY of a report is the organisation (key, name or alias): an organisation has at most one
 * report per period. PDF and PDF/A rows convert these (export-pdf.c). */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "core/err.h"
#include "doc/docx-vp.h"
#include "doc/docx.h"
#include "doc/export.h"
#include "store/store.h"

/* org_id: the organisation of key (key, name or alias) into *id; LUP_ENOTFOUND when none */
static int org_id(struct store *st, const char *key, int64_t *id, struct err *e)
{
	struct sval a = SVS(key);
	int rc;

	*id = 0;
	if (!key)
		return err_set(e, LUP_EINVAL, "give the organisation");
	if ((rc = store_query_id(st, STMT_ORG_ID_LOOSE, &a, 1, id, e)) != LUP_OK)
		return rc;
	return *id ? LUP_OK : err_set(e, LUP_ENOTFOUND, "no organisation '%s'", key);
}

static int name_row(void *ctx, const struct store_row *r)
{
	char *out = ctx;

	snprintf(out, EXPORT_NAME_MAX, "%s", store_col_text(r, 2) ? store_col_text(r, 2) : "");
	return 1;	/* the one row */
}

/* org_name: the registry's name of organisation id into out (EXPORT_NAME_MAX bytes); key when none */
static const char *org_name(struct store *st, int64_t id, const char *key, char *out, struct err *e)
{
	struct sval a = SVI(id);

	out[0] = '\0';
	if (store_query(st, STMT_SHOW_ORGANISATION, &a, 1, name_row, out, e) != LUP_OK || !out[0])
		snprintf(out, EXPORT_NAME_MAX, "%s", key);
	return out;
}

static const char *tpl_of(const struct export_args *a, char *tpl, size_t n)
{
	return a->tpl ? a->tpl : docx_template_path(tpl, n);
}

int export_docx_vp(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	char tpl[4096], name[EXPORT_NAME_MAX];
	int64_t org;
	int rc;

	if (!a->year)
		return err_set(e, LUP_EINVAL, "give the year of the verksamhetsplan");
	if ((rc = org_id(st, a->key, &org, e)) != LUP_OK ||
	    (rc = docx_vp(st, org, a->year, 0, tpl_of(a, tpl, sizeof(tpl)), &f->data, &f->len, e)) != LUP_OK)
		return rc;
	export_name(f, "Verksamhetsplan %s %d", org_name(st, org, a->key, name, e), a->year);
	return LUP_OK;
}

int export_docx_vp_plan(struct store *st, const json_t *doc, const struct export_args *a, struct export_file *f,
			struct err *e)
{
	const json_t *plan = json_object_get(doc, "plan");
	struct sval k = SVS(json_string_value(json_object_get(plan, "key")));
	char tpl[4096];
	int64_t org, pid = 0, pv = 0;
	int rc;

	if ((rc = org_id(st, json_string_value(json_object_get(plan, "owner")), &org, e)) != LUP_OK ||
	    (rc = store_query_id(st, STMT_PLAN_ID, &k, 1, &pid, e)) != LUP_OK)
		return rc;
	struct sval v[2] = { SVI(pid), SVI(json_integer_value(json_object_get(json_object_get(doc, "version"), "number"))) };
	if ((rc = store_query_id(st, STMT_PV_HEAD, v, 2, &pv, e)) != LUP_OK)
		return rc;
	return docx_vp(st, org, (long)json_integer_value(json_object_get(plan, "year_from")), pv,
		       tpl_of(a, tpl, sizeof(tpl)), &f->data, &f->len, e);
}

int export_docx_report(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	char tpl[4096], name[EXPORT_NAME_MAX];
	int64_t org, id = 0;
	const char *kind = a->period && !strcmp(a->period, "VB") ? "FY" : a->period;
	int rc;

	if (!a->year || !kind || (strcmp(kind, "T1") && strcmp(kind, "T2") && strcmp(kind, "FY")))
		return err_set(e, LUP_EINVAL, "give the report's year and period (T1, T2 or VB)");
	if ((rc = org_id(st, a->key, &org, e)) != LUP_OK)
		return rc;
	struct sval q[3] = { SVI(org), SVI(a->year), SVS(kind) };
	if ((rc = store_query_id(st, STMT_VR_FIND, q, 3, &id, e)) != LUP_OK)
		return rc;
	if (!id)
		return err_set(e, LUP_ENOTFOUND, "'%s' has no report for %s %d", a->key, a->period, a->year);
	if ((rc = docx_report(st, id, tpl_of(a, tpl, sizeof(tpl)), &f->data, &f->len, e)) != LUP_OK)
		return rc;
	export_name(f, "%s %s %d", !strcmp(kind, "FY") ? "Verksamhetsberättelse" : !strcmp(kind, "T1") ? "Tertialrapport 1" :
		    "Tertialrapport 2", org_name(st, org, a->key, name, e), a->year);
	return LUP_OK;
}
