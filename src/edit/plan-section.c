/* plan-section.c: the write path of a LUP's sections (see plan-section.h). */
#include "edit/plan-section.h"
#include "core/err.h"
#include "core/utf8.h"
#include "edit/plan-draft.h"
#include "store/audit.h"
#include "store/store.h"
#include "web/authz.h"	/* authz_member, authz_attach_org: the one place of the rules */

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* The LUP template's titles, as Rinkeby-Kista's programme (seed 004) names them. */
static const char *const default_titles[PLAN_SECTIONS] = {
	"Inledning", "Nulägesanalys", "Geografiska/tematiska prioriteringar", "Målsättningar",
	"Prioriterade åtgärder", "Genomförande", "Metoder för att mäta måluppfyllelse",
};

const char *plan_section_default_title(int ord)
{
	return ord >= 1 && ord <= PLAN_SECTIONS ? default_titles[ord - 1] : NULL;
}

/* text_ok: valid UTF-8 without NUL, and no control characters but tab and (when lines) line
 * breaks. */
static int text_ok(const char *s, int lines)
{
	if (!utf8_valid(s, strlen(s)))
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\t' && !(lines && (*p == '\n' || *p == '\r'))) || *p == 0x7f)
			return 0;
	return 1;
}

static int blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

const char *plan_section_invalid(const struct plan_section_in *in, const char **field, const char **sv)
{
	*field = "ord";
	*sv = "Avsnittet finns inte: programmet har avsnitt 1–7.";
	if (in->ord < 1 || in->ord > PLAN_SECTIONS)
		return "ord must be 1..7";
	*field = "title";
	if (in->title && blank(in->title)) {
		*sv = "Skriv avsnittets rubrik.";
		return "title must not be empty";
	}
	if (in->title && strlen(in->title) > PLAN_SECTION_TITLE_MAX) {
		*sv = "Rubriken får vara högst 200 tecken.";
		return "title is longer than 200 bytes";
	}
	if (in->title && !text_ok(in->title, 0)) {
		*sv = "Rubriken får inte innehålla radbrytningar eller styrtecken.";
		return "title must be one line of valid UTF-8 without control characters";
	}
	*field = "body";
	if (in->body && strlen(in->body) > PLAN_SECTION_BODY_MAX) {
		*sv = "Texten får vara högst 200 kB.";
		return "body is longer than 204800 bytes";
	}
	if (in->body && !text_ok(in->body, 1)) {
		*sv = "Texten får inte innehålla styrtecken.";
		return "body must be valid UTF-8 without control characters other than tab and line breaks";
	}
	*field = *sv = NULL;
	return NULL;
}

/* The stored row of a section. */
struct row {
	int64_t id;
	char *title, *body;
};

static int row_fn(void *ctx, const struct store_row *r)
{
	struct row *x = ctx;
	const char *t = store_col_text(r, 2), *b = store_col_text(r, 3);

	x->id = store_col_int(r, 0);
	x->title = strdup(t ? t : "");
	x->body = strdup(b ? b : "");
	return 1;
}

static void row_free(struct row *x)
{
	free(x->title);
	free(x->body);
	memset(x, 0, sizeof(*x));
}

static int row_load(struct store *st, int64_t version_id, int ord, struct row *x, struct err *e)
{
	struct sval args[] = { SVI(version_id), SVI(ord) };

	memset(x, 0, sizeof(*x));
	if (store_query(st, STMT_SECTION_GET, args, 2, row_fn, x, e) != LUP_OK)
		return e->code;
	if (x->id && (!x->title || !x->body)) {
		row_free(x);
		return err_set(e, LUP_EDB, "out of memory");
	}
	return LUP_OK;
}

/* dump: obj as compact JSON text (malloc'd), obj released; NULL when out of memory. */
static char *dump(json_t *obj)
{
	char *s = obj ? json_dumps(obj, JSON_COMPACT) : NULL;

	json_decref(obj);
	return s;
}

/* representation: what GET answers for x (a row, or none: the template's title). */
static char *representation(const struct row *x, int ord)
{
	return dump(json_pack("{s:i, s:s, s:s, s:b}", "ord", ord, "title", x->id ? x->title : plan_section_default_title(ord),
			      "body", x->id ? x->body : "", "stored", x->id != 0));
}

int plan_section_json(struct store *st, int64_t version_id, int ord, char **json, struct err *e)
{
	struct row x;

	*json = NULL;
	if (!plan_section_default_title(ord))
		return err_set(e, LUP_ENOTFOUND, "no section %d: sections are 1..7", ord);
	if (row_load(st, version_id, ord, &x, e) != LUP_OK)
		return e->code;
	*json = representation(&x, ord);
	row_free(&x);
	return *json ? LUP_OK : err_set(e, LUP_EDB, "out of memory");
}

/* audit: the entry of the write: the row's own fields before (NULL for an insert) and after. */
static int audit(struct store *st, const struct http_user *u, int64_t version_id, int ord, const struct row *old,
		 int64_t id, const char *title, const char *body, struct err *e)
{
	char *before = old->id ? dump(json_pack("{s:I, s:I, s:i, s:s, s:s}", "id", (json_int_t)id, "plan_version_id",
						    (json_int_t)version_id, "ord", ord, "title", old->title, "body", old->body))
			       : NULL;
	char *after = dump(json_pack("{s:I, s:I, s:i, s:s, s:s}", "id", (json_int_t)id, "plan_version_id",
				     (json_int_t)version_id, "ord", ord, "title", title, "body", body));
	struct audit_rec rec = { NULL, u->id, u->name[0] ? u->name : "anonymous", old->id ? "update" : "insert",
				 "lup_section", id, before, after };
	int rc = (old->id && !before) || !after ? err_set(e, LUP_EDB, "out of memory") : audit_write(st, &rec, e);

	free(before);
	free(after);
	return rc;
}

/* write: the row's insert or change and its audit entry, unless nothing changes. */
static int write(struct store *st, const struct http_user *u, int64_t version_id, const struct plan_section_in *in,
		 const struct row *old, struct plan_section_out *out, struct err *e)
{
	const char *title = in->title ? in->title : old->id ? old->title : plan_section_default_title(in->ord);
	const char *body = in->body ? in->body : "";
	struct sval args[] = { SVI(version_id), SVI(in->ord), SVS(title), SVS(body) };

	out->id = old->id;
	if (old->id && strcmp(old->title, title) == 0 && strcmp(old->body, body) == 0)
		return LUP_OK;
	if (store_exec(st, STMT_SECTION_SET, args, 4, NULL, NULL, e) != LUP_OK)
		return e->code;
	if (!old->id && store_query_id(st, STMT_SECTION_GET, args, 2, &out->id, e) != LUP_OK)
		return e->code;
	out->created = !old->id;
	out->changed = 1;
	return audit(st, u, version_id, in->ord, old, out->id, title, body, e);
}

int plan_section_set(struct store *st, const struct http_user *u, int64_t version_id, const struct plan_section_in *in,
		     plan_section_precond pre, void *ctx, struct plan_section_out *out, struct err *e)
{
	const char *field, *sv, *why = plan_section_invalid(in, &field, &sv);
	struct row old = { 0 };
	int64_t owner = 0;
	int rc, may;

	memset(out, 0, sizeof(*out));
	if (why)
		return err_set(e, LUP_EINVAL, "%s", why);
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	rc = plan_draft_check(st, version_id, &owner, e);
	if (rc == LUP_ENOTFOUND || (rc != LUP_OK && rc != LUP_ECONFLICT))
		goto err;
	if ((may = authz_attach_org(u, st, owner, e)) <= 0) {
		out->denied = may == 0;
		if (may == 0)
			err_set(e, LUP_ECONFLICT, "this plan belongs to another organisation");
		goto err;
	}
	if (rc != LUP_OK)	/* not a draft: plan_draft_check's message */
		goto err;
	if (row_load(st, version_id, in->ord, &old, e) != LUP_OK)
		goto err;
	char *before = representation(&old, in->ord);
	if (!before) {
		err_set(e, LUP_EDB, "out of memory");
		goto err;
	}
	int refused = pre && pre(ctx, before) != 0;
	free(before);
	if (refused) {
		out->stale = 1;
		err_set(e, LUP_ECONFLICT, "the section has changed since it was read");
		goto err;
	}
	if (write(st, u, version_id, in, &old, out, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	row_free(&old);
	if (plan_section_json(st, version_id, in->ord, &out->after, e) != LUP_OK)
		return e->code;	/* written; only the answer could not be read back */
	return LUP_OK;
err:
	store_rollback(st);
	row_free(&old);
	return e->code;
}

int plan_section_ord(const char *text)
{
	if (!text || strlen(text) != 1 || *text < '1' || *text > '0' + PLAN_SECTIONS)
		return 0;
	return *text - '0';
}
