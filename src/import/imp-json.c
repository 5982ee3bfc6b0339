/* imp-json.c: `lup import json FILE`: a plan interchange document (docs/plan-json.md) becomes a
 * new draft version of the plan it names, through edit/plan-version.c, in the import's
 * transaction (all or nothing). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc/plan-json.h"
#include "edit/plan-version.h"
#include "import/imp-json.h"

static const char *const keys[] = { "versions", "goals", "indicators", "measures", "activities", NULL };

int imp_json_plan(struct imp_ctx *c, const char *buf, size_t len, const char *name)
{
	struct plan_version_opts o = { .actor = "lup import", .origin = "import json", .in_txn = 1 };
	struct doc_problems p = { 0 };
	json_t *doc = NULL, *x;
	char origin[512];
	size_t i;
	long inds = 0;
	int rc, number = 0;

	snprintf(origin, sizeof(origin), "import json %s", name);
	o.origin = origin;
	if ((rc = plan_json_parse(buf, len, name, &doc, &p, c->e)) != LUP_OK)
		goto out;
	o.actor = c->actor ? c->actor : o.actor;
	o.user_id = c->user_id;
	if (c->scope) {	/* an editor: only a plan its organisation owns */
		json_t *key = json_object_get(json_object_get(doc, "plan"), "key");
		struct sval k = SVS(json_string_value(key));
		int64_t owner = 0;
		if ((rc = imp_id(c, STMT_PR_PLAN_OWNER, &k, 1, &owner)) != LUP_OK)
			goto out;
		if (owner && (rc = imp_scope_org(c, 0, 0, IMP_F_PLAN, json_string_value(key), owner)) != LUP_OK)
			goto out;
	}
	if ((rc = plan_version_create(c->st, doc, &o, &p, &number, NULL, c->e)) != LUP_OK) {
		if (doc_problems_count(&p))	/* every problem with its pointer */
			doc_problems_fail(&p, name, c->e);
		else
			err_prefix(c->e, "%s: ", name);
		goto out;
	}
	json_array_foreach(json_object_get(doc, "goals"), i, x)
		inds += (long)json_array_size(json_object_get(x, "indicators"));
	inds += (long)json_array_size(json_object_get(doc, "indicators"));
	imp_count(c, 0, 1);
	imp_count(c, 1, (long)json_array_size(json_object_get(doc, "goals")));
	imp_count(c, 2, inds);
	imp_count(c, 3, (long)json_array_size(json_object_get(doc, "measures")));
	imp_count(c, 4, (long)json_array_size(json_object_get(doc, "activities")));
	c->r->changed += 1;
	imp_trace(c, 0, 0, "plan version", "%s version %d (draft)",
		  json_string_value(json_object_get(json_object_get(doc, "plan"), "key")), number);
out:
	json_decref(doc);
	doc_problems_free(&p);
	return rc;
}

static int run(struct imp_ctx *c)
{
	FILE *f = NULL;
	size_t total;
	char *buf = NULL;
	int rc;

	if (c->data && c->len > PLAN_JSON_MAX)
		return err_set(c->e, LUP_ETOOBIG, "%s: %zu bytes is over the limit of %zu", c->path,
			       c->len, PLAN_JSON_MAX);
	if (c->data)
		return imp_json_plan(c, c->data, c->len, c->path);
	if ((rc = imp_open(c, &f, &total)) != LUP_OK)
		return rc;
	if (total > PLAN_JSON_MAX) {
		rc = err_set(c->e, LUP_ETOOBIG, "%s: %zu bytes is over the limit of %zu", c->path,
			     total, PLAN_JSON_MAX);
		goto out;
	}
	buf = malloc(total + 1);
	if (!buf || fread(buf, 1, total, f) != total) {
		rc = err_set(c->e, LUP_EIO, "cannot read '%s'", c->path);
		goto out;
	}
	rc = imp_json_plan(c, buf, total, c->path);
out:
	free(buf);
	fclose(f);
	return rc;
}

const struct imp_kind imp_kind_json = {
	"json", keys, run, "a plan version as a JSON document (docs/plan-json.md): a new draft version",
	1,	/* scoped: an editor imports only its own organisation's plans */
};
