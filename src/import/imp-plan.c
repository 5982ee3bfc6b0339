/* imp-plan.c: the 'plan' importer: reads a verksamhetsplan (imp-plan-parse.c) and writes its
 * goal chain, expected results, indicators and targets, activities and money tables.
 *
 * Keys follow the document order, so that importing the same text again, or on top of the
 * Stockholm dataset, updates rows instead of adding them: the plan vp-YEAR-SHORT, KF goals
 * kf-YEAR-N and kf-YEAR-N-M, nämndmål vp-YEAR-SHORT-nm-NN, indicators ...-i-NNN, activities
 * ...-a-NNN (SHORT: the organisation's key without "-stadsdelsnamnd"). A row whose values
 * change gets an audit entry with its values before and after, and a warning.
 *
 * Scoped (import.h: an editor's import through the web): the organisation must be known and in
 * the scope (never added); every existing plan, nämndmål, indicator and activity the document
 * would rewrite must be owned in the scope; a goal's parent and an indicator's or activity's
 * goal must be one the scope may attach to; the council's goals (inriktningsmål and
 * verksamhetsområdesmål) are not written, only looked up, and one the database lacks fails the
 * import; the council is never added.
 */
#include "store/values.h"
#include "import/imp-plan.h"
#include "core/buf.h"
#include "model/datex.h"
#include "model/target.h"
#include "render/fieldnames.h"
#include "render/json.h"
#include "store/audit.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define SNAP_COLS 16	/* columns of a SNAP statement at most */
#define SHORT_MAX 96	/* the organisation part of keys */
#define PLAN_MAX 128	/* a plan key */
#define KEY_MAX 192	/* a goal, indicator or activity key */
#define LABEL_MAX 256	/* a row's name in messages */

static const char *const keys[] = {
	"inriktningsmal", "verksamhetsomradesmal", "namndmal", "indicators", "activities", "budget_lines", NULL
};
enum { K_IM, K_VO, K_NM, K_IND, K_ACT, K_BUDGET };

static const char *const level_names[IMP_PLAN__LEVELS] = { "inriktningsmal", "verksamhetsomradesmal", "namndmal" };

/* The state of writing one document. */
struct ap {
	struct imp_ctx *c;
	const struct imp_plan_doc *d;
	int year;
	int64_t org, kf, district, pv;
	const char *org_key, *org_name;
	char short_key[SHORT_MAX];	/* the organisation's key without "-stadsdelsnamnd" */
	char plan_key[PLAN_MAX];
	const char *file;		/* the file's base name, for the source of new rows */
	int64_t *goal_id;		/* per goal of the document; 0 when not written */
	char at[32];			/* now, for audit entries */
};

/* A row as a SNAP statement reads it. */
struct snap {
	int found;
	int64_t id;
	int ncols;
	const char *col[SNAP_COLS];
	const char *val[SNAP_COLS];	/* as text; NULL for NULL */
	char *json;			/* the row as a JSON object */
	struct arena *a;
};

/* --- reading rows and auditing changes --------------------------------------------------- */

static void snap_value(struct json *j, const struct store_row *r, int i)
{
	switch (store_col_type(r, i)) {
	case SV_INT: json_int(j, store_col_int(r, i)); break;
	case SV_REAL: json_num(j, store_col_real(r, i)); break;
	case SV_TEXT: json_str(j, store_col_text(r, i)); break;
	default: json_nothing(j); break;
	}
}

static int snap_row(void *ctx, const struct store_row *r)
{
	struct snap *s = ctx;
	struct buf b;
	struct json j;

	s->found = 1;
	s->id = store_col_int(r, 0);
	s->ncols = store_ncols(r) < SNAP_COLS ? store_ncols(r) : SNAP_COLS;
	buf_init(&b, 0);
	json_init(&j, &b, 0);
	json_obj_open(&j);
	for (int i = 0; i < s->ncols; i++) {
		s->col[i] = arena_strdup(s->a, store_col_name(r, i));
		s->val[i] = arena_strdup(s->a, store_col_text(r, i));
		json_key(&j, s->col[i]);
		snap_value(&j, r, i);
	}
	json_obj_close(&j);
	json_finish(&j);
	s->json = arena_strdup(s->a, b.ptr);
	buf_release(&b);
	return 1;
}

static int snap(struct ap *a, enum stmt st, const struct sval *args, int n, struct snap *s)
{
	memset(s, 0, sizeof(*s));
	s->a = a->c->a;
	return store_query(a->c->st, st, args, n, snap_row, s, a->c->e);
}

/* the names of the columns whose values differ, comma-separated */
static char *snap_diff(struct ap *a, const struct snap *x, const struct snap *y, int sv)
{
	struct buf b;
	char *s;

	buf_init(&b, 0);
	for (int i = 0; i < x->ncols && i < y->ncols; i++) {
		const char *u = x->val[i], *v = y->val[i];
		if ((u == NULL) != (v == NULL) || (u && strcmp(u, v) != 0))
			buf_addf(&b, "%s%s", b.len ? ", " : "", sv ? fieldname_sv(x->col[i]) : x->col[i]);
	}
	s = arena_strdup(a->c->a, b.ptr);
	buf_release(&b);
	return s;
}

/* who imports, for audit entries: the importing user (imp_ctx.actor) as the caller names them */
static const char *actor(const struct ap *a)
{
	return a->c->actor ? a->c->actor : "lup import";
}

static int audit(struct ap *a, const char *action, const char *entity, int64_t id, const char *before,
		 const char *after)
{
	struct audit_rec rec = { a->at, a->c->user_id, actor(a), action, entity, id, before, after };

	return audit_write(a->c->st, &rec, a->c->e);
}

/* One row to write, with how to read it back. */
struct item {
	const char *entity;		/* for the audit log: "goal", "indicator", ... */
	const char *label;		/* for messages: "indicator vp-2022-...-i-001" */
	int line;
	enum stmt snap;
	const struct sval *sargs;
	int nsargs;
	enum stmt write;
	const struct sval *wargs;
	int nwargs;
};

/* writes it; *status says "new", "unchanged" or "changed (columns)" (a change is audited and
 * warned); *id is the row's id */
static int put(struct ap *a, const struct item *it, const char **status, int64_t *id)
{
	struct snap before, after;
	int changed = a->c->r->changed, rc;

	if ((rc = snap(a, it->snap, it->sargs, it->nsargs, &before)) != LUP_OK ||
	    (rc = imp_write(a->c, it->line, it->write, it->wargs, it->nwargs)) != LUP_OK)
		return rc;
	*status = a->c->r->changed == changed ? "unchanged" : "new";
	*id = before.id;
	if (a->c->r->changed == changed)
		return LUP_OK;
	if ((rc = snap(a, it->snap, it->sargs, it->nsargs, &after)) != LUP_OK)
		return rc;
	*id = after.id;
	if (!before.found)
		return LUP_OK;
	{
		char *cols = snap_diff(a, &before, &after, 0);
		size_t n = strlen(cols) + 16;
		char *s = arena_alloc(a->c->a, n);
		snprintf(s, n, "changed (%s)", cols);
		*status = s;
		imp_warn(a->c, it->line, "%s ändrades: %s", it->label, snap_diff(a, &before, &after, 1));
	}
	return audit(a, "update", it->entity, after.id, before.json, after.json);
}

/* runs a delete whose audit statement (same arguments after at, actor and user id) records the rows first */
static int prune(struct ap *a, int line, enum stmt audit_st, enum stmt del, const struct sval *args, int n)
{
	struct sval aa[8];
	int rc;

	aa[0] = SVS(a->at);
	aa[1] = SVS(actor(a));
	aa[2] = SVID(a->c->user_id);
	memcpy(aa + 3, args, sizeof(*args) * (size_t)n);
	if ((rc = store_exec(a->c->st, audit_st, aa, n + 3, NULL, NULL, a->c->e)) != LUP_OK)
		return rc;
	return imp_write(a->c, line, del, args, n);
}

static const char *cut(struct ap *a, const char *s)
{
	char buf[64];
	size_t n = s ? strlen(s) : 0;

	if (n < sizeof(buf) - 4)
		return s ? s : "";
	n = sizeof(buf) - 4;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return arena_strdup(a->c->a, buf);
}

/* --- the organisation, the plan ----------------------------------------------------------- */

static int key_of(void *ctx, const struct store_row *r)
{
	struct ap *a = ctx;

	a->org_key = arena_strdup(a->c->a, store_col_text(r, 0));
	a->org_name = arena_strdup(a->c->a, store_col_text(r, 1));
	return 1;
}

/* *id of the organisation called name, added with key slug(name) and kind when missing; a
 * scoped import adds none (*id 0) */
static int org_or_add(struct ap *a, const char *name, const char *kind, int line, int64_t *id)
{
	char *key = imp_plan_slug(a->c->a, name);
	int rc;

	if ((rc = imp_org(a->c, name, id)) != LUP_OK || *id)
		return rc;
	{
		struct sval k = SVS(key), args[] = { SVS(key), SVS(name), SVS(kind), SVS(a->file) };
		if ((rc = imp_id(a->c, STMT_ORG_ID, &k, 1, id)) != LUP_OK || *id || a->c->scope)
			return rc;
		if ((rc = imp_write(a->c, line, STMT_IMP_PLAN_ORG_ADD, args, 4)) != LUP_OK)
			return rc;
		imp_trace(a->c, line, line, "organisation", "%s (new)", key);
		return imp_id(a->c, STMT_ORG_ID, &k, 1, id);
	}
}

static int resolve_org(struct ap *a)
{
	const char *name = a->c->org ? a->c->org : a->d->org, *sfx = "-stadsdelsnamnd";
	size_t n, ns = strlen(sfx);
	struct sval v;
	int rc;

	if (!name)
		return imp_fail(a->c, 0, "det går inte att se vems verksamhetsplan detta är: texten nämner ingen "
				"'... stadsdelsnämnd' (ange --org)");
	if (a->c->org) {
		if ((rc = imp_org(a->c, name, &a->org)) != LUP_OK)
			return rc;
		if (!a->org)
			return imp_fail(a->c, 0, "okänd organisation '%s' (--org tar en nyckel, ett namn eller ett alias)", name);
	} else if ((rc = org_or_add(a, name, "district_committee", a->d->org_line, &a->org)) != LUP_OK) {
		return rc;
	} else if (!a->org) {
		return imp_refuse(a->c, IMP_DENY_NEW_ORG, a->d->org_line, 0, IMP_F_ORG, name);
	}
	if ((rc = imp_scope_org(a->c, a->c->org ? 0 : a->d->org_line, 0, IMP_F_ORG, name, a->org)) != LUP_OK)
		return rc;
	v = SVI(a->org);
	if ((rc = store_query(a->c->st, STMT_IMP_PLAN_ORG_KEY, &v, 1, key_of, a, a->c->e)) != LUP_OK)
		return rc;
	n = strlen(a->org_key);
	if (n > ns && strcmp(a->org_key + n - ns, sfx) == 0)
		n -= ns;
	if (n >= sizeof(a->short_key))
		return imp_fail(a->c, 0, "organisationens nyckel '%s' är för lång för planens nycklar", a->org_key);
	memcpy(a->short_key, a->org_key, n);
	a->short_key[n] = '\0';
	if (!a->c->org)
		imp_trace(a->c, a->d->org_line, a->d->org_line, "organisation", "%s -> %s", name, a->org_key);
	return imp_id(a->c, STMT_IMP_PLAN_DISTRICT, &v, 1, &a->district);
}

/* owned: LUP_OK unless the import is scoped and the existing row of entity ("plan", "goal",
 * "indicator", "activity") with key belongs to an organisation outside the scope */
static int owned(struct ap *a, int line, enum imp_field f, const char *entity, const char *key)
{
	struct sval args[] = { SVS(entity), SVS(key) };
	int64_t owner;
	int rc;

	if (!a->c->scope)
		return LUP_OK;
	if ((rc = imp_id(a->c, STMT_IMP_PLAN_KEY_OWNER, args, 2, &owner)) != LUP_OK || !owner)
		return rc;
	return imp_scope_org(a->c, line, 0, f, key, owner);
}

static int resolve_plan(struct ap *a)
{
	char title[LABEL_MAX];
	struct sval k;
	int rc;

	snprintf(a->plan_key, sizeof(a->plan_key), "vp-%d-%s", a->year, a->short_key);
	if ((rc = owned(a, 0, IMP_F_PLAN, "plan", a->plan_key)) != LUP_OK)
		return rc;
	snprintf(title, sizeof(title), "Verksamhetsplan %d för %s", a->year, a->org_name);
	{
		struct sval args[] = { SVS(a->plan_key), SVI(a->org), SVS(title), SVI(a->year), SVS(a->file) };
		if ((rc = imp_write(a->c, 0, STMT_IMP_PLAN_PLAN_ADD, args, 5)) != LUP_OK)
			return rc;
	}
	k = SVS(a->plan_key);
	if ((rc = imp_write(a->c, 0, STMT_IMP_PLAN_VERSION_ADD, &k, 1)) != LUP_OK ||
	    (rc = imp_id(a->c, STMT_IMP_PLAN_VERSION_ID, &k, 1, &a->pv)) != LUP_OK)
		return rc;
	return a->pv ? LUP_OK : imp_fail(a->c, 0, "planen %s har ingen version 1", a->plan_key);
}

/* --- goals --------------------------------------------------------------------------------- */

static void goal_key(const struct ap *a, const struct imp_plan_goal *g, char *key, size_t n)
{
	if (g->level == IMP_PLAN_IM)
		snprintf(key, n, "kf-%d-%d", a->year, g->n);
	else if (g->level == IMP_PLAN_VO)
		snprintf(key, n, "kf-%d-%d-%d", a->year, g->n, g->m);
	else
		snprintf(key, n, "vp-%d-%s-nm-%02d", a->year, a->short_key, g->m);
}

/* the key of the document's goal gi (in the arena) */
static const char *doc_goal_key(struct ap *a, int gi)
{
	char key[KEY_MAX];

	goal_key(a, &a->d->goals[gi], key, sizeof(key));
	return arena_strdup(a->c->a, key);
}

/* attach: LUP_OK unless the import is scoped and may not attach a new thing to the document's
 * goal gi (written as goal_ids[gi]; gi < 0 or id 0: none). The rule of a goal's parent and an
 * activity's goal holds for an indicator's goal too: the plans put the committee's own
 * indicators (with KF:s årsmål) under the council's verksamhetsområdesmål. */
static int attach(struct ap *a, int line, enum imp_field f, int gi)
{
	if (!a->c->scope || gi < 0 || !a->goal_id[gi])
		return LUP_OK;
	return imp_scope_goal(a->c, line, 0, f, doc_goal_key(a, gi), a->goal_id[gi]);
}

/* the source of a new row: the file and the KF goal's section ("003.txt §1.2") */
static char *source(struct ap *a, int gi)
{
	char s[LABEL_MAX * 2];

	while (gi >= 0 && a->d->goals[gi].level == IMP_PLAN_NM)
		gi = a->d->goals[gi].parent;
	if (gi < 0)
		snprintf(s, sizeof(s), "%s", a->file);
	else if (a->d->goals[gi].level == IMP_PLAN_IM)
		snprintf(s, sizeof(s), "%s §%d", a->file, a->d->goals[gi].n);
	else
		snprintf(s, sizeof(s), "%s §%d.%d", a->file, a->d->goals[gi].n, a->d->goals[gi].m);
	return arena_strdup(a->c->a, s);
}

/* the id of goal gi's parent: in the document, else (for a verksamhetsområdesmål) in the
 * database; a goal whose parent cannot be found fails the import (never a guess) */
static int goal_parent(struct ap *a, int gi, int64_t *id)
{
	const struct imp_plan_goal *g = &a->d->goals[gi];
	char key[KEY_MAX];
	struct sval k = SVS(key);
	int rc;

	*id = g->parent >= 0 ? a->goal_id[g->parent] : 0;
	if (*id || g->level == IMP_PLAN_IM)
		return LUP_OK;
	if (g->level == IMP_PLAN_VO) {
		snprintf(key, sizeof(key), "kf-%d-%d", a->year, g->n);
		if ((rc = imp_id(a->c, STMT_GOAL_ID, &k, 1, id)) != LUP_OK || *id)
			return rc;
	}
	if (g->level == IMP_PLAN_VO)
		return imp_fail(a->c, g->line, "KF:s mål för verksamhetsområdet %d.%d hör till inriktningsmål %d, som "
				"varken finns i texten eller i databasen", g->n, g->m, g->n);
	return imp_fail(a->c, g->line, "nämndmålet står före alla KF:s mål, så det går inte att se vilket mål "
			"det hör till (rubriken 'KF:s mål för verksamhetsområdet: ...' före det saknas eller kan "
			"inte läsas)");
}

/* council_goal: a scoped import writes no council's goal: it looks gi up by its key and checks
 * the scope may attach to it (*status "kept"); one the database lacks fails the import */
static int council_goal(struct ap *a, int gi, const char *key, const char **status)
{
	const struct imp_plan_goal *g = &a->d->goals[gi];
	struct sval k = SVS(key);
	int64_t id;
	int rc;

	*status = "kept (the council's goal is not written by this import)";
	if ((rc = imp_id(a->c, STMT_GOAL_ID, &k, 1, &id)) != LUP_OK)
		return rc;
	if (!id)
		return imp_refuse(a->c, IMP_DENY_COUNCIL, g->line, 0, IMP_F_COUNCIL_GOAL, key);
	return imp_scope_goal(a->c, g->line, 0, IMP_F_COUNCIL_GOAL, key, id);
}

static int put_goal(struct ap *a, int gi, const char *key, const char **status)
{
	const struct imp_plan_goal *g = &a->d->goals[gi];
	char number[32], label[LABEL_MAX];
	struct sval k = SVS(key);
	int64_t parent, id;
	int rc;

	if (g->level != IMP_PLAN_NM && a->c->scope)
		return council_goal(a, gi, key, status);
	if ((rc = goal_parent(a, gi, &parent)) != LUP_OK)
		return rc;
	snprintf(label, sizeof(label), "målet %s", key);
	if (g->level == IMP_PLAN_NM) {
		if ((rc = owned(a, g->line, IMP_F_GOAL, "goal", key)) != LUP_OK ||
		    (rc = attach(a, g->line, IMP_F_PARENT, g->parent)) != LUP_OK)
			return rc;
		/* a nämndmål's number: its place in the plan, as its key counts it ("Nämndmål 3"); an
		 * editor's renumbering stays on a new import */
		snprintf(number, sizeof(number), "%d", g->m);
		struct sval w[] = { SVS(key), SVI(a->org), SVI(a->pv), SVID(parent), SVS(g->title), SVS(g->desc),
				    SVI(a->year), SVS(source(a, gi)), SVS(number) };
		struct item it = { "goal", label, g->line, STMT_IMP_PLAN_SNAP_GOAL, &k, 1, STMT_IMP_PLAN_NM_GOAL, w, 9 };
		return put(a, &it, status, &id);
	}
	if (g->level == IMP_PLAN_IM)
		snprintf(number, sizeof(number), "%d", g->n);
	else
		snprintf(number, sizeof(number), "%d.%d", g->n, g->m);
	{
		struct sval w[] = { SVS(key), SVI(a->kf), SVS(level_names[g->level]), SVS(number), SVID(parent),
				    SVS(g->title), SVI(a->year), SVS(source(a, gi)), SVS(g->desc) };
		struct item it = { "goal", label, g->line, STMT_IMP_PLAN_SNAP_GOAL, &k, 1, STMT_IMP_PLAN_KF_GOAL, w, 9 };
		return put(a, &it, status, &id);
	}
}

/* the expected results of nämndmål gi (written as goal_id), and none past them */
static int put_results(struct ap *a, int gi, const char *key)
{
	const struct imp_plan_goal *g = &a->d->goals[gi];
	int64_t id = a->goal_id[gi], rid;
	const char *status;
	char label[LABEL_MAX];
	int rc;

	for (int i = 0; i < g->nresults; i++) {
		const struct imp_plan_result *r = &g->results[i];
		struct sval s[] = { SVI(id), SVI(i + 1) };
		struct sval w[] = { SVI(id), SVI(i + 1), SVS(r->text), SVS(source(a, gi)) };
		struct item it = { "goal_result", label, r->line, STMT_IMP_PLAN_SNAP_RESULT, s, 2,
				   STMT_IMP_PLAN_RESULT, w, 4 };
		snprintf(label, sizeof(label), "förväntat resultat %d för %s", i + 1, key);
		if ((rc = put(a, &it, &status, &rid)) != LUP_OK)
			return rc;
		imp_trace(a->c, r->line, r->last, "result", "%s %d %s: %s", key, i + 1, status, cut(a, r->text));
	}
	{
		struct sval args[] = { SVI(id), SVI(g->nresults) };
		return prune(a, g->line, STMT_IMP_PLAN_RESULT_PRUNE_AUDIT, STMT_IMP_PLAN_RESULT_PRUNE, args, 2);
	}
}

/* the last line of goal g's text: its heading, Beskrivning and expected results */
static int goal_last(const struct imp_plan_goal *g)
{
	int last = g->last;

	if (g->desc && g->desc_last > last)
		last = g->desc_last;
	for (int i = 0; i < g->nresults; i++)
		if (g->results[i].last > last)
			last = g->results[i].last;
	return last;
}

static int put_goals(struct ap *a)
{
	static const int count_key[IMP_PLAN__LEVELS] = { K_IM, K_VO, K_NM };
	char key[KEY_MAX];
	const char *status;
	int rc;

	for (int gi = 0; gi < a->d->ngoals; gi++) {
		const struct imp_plan_goal *g = &a->d->goals[gi];
		struct sval k = SVS(key);
		if (!g->title)
			continue;	/* warned by the parser */
		goal_key(a, g, key, sizeof(key));
		if ((rc = put_goal(a, gi, key, &status)) != LUP_OK ||
		    (rc = imp_id(a->c, STMT_GOAL_ID, &k, 1, &a->goal_id[gi])) != LUP_OK)
			return rc;
		if ((g->level == IMP_PLAN_NM || !a->c->scope) &&
		    (rc = imp_prov(a->c, "goal", a->goal_id[gi], g->line, goal_last(g))) != LUP_OK)
			return rc;
		imp_count(a->c, count_key[g->level], 1);
		imp_trace(a->c, g->line, g->last, level_names[g->level], "%s %s: %s", key, status, cut(a, g->title));
		if (g->level == IMP_PLAN_NM && (rc = put_results(a, gi, key)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

/* --- indicators and targets ----------------------------------------------------------------- */

/* the target of kind ("own" or "kf") of indicator id: the cell as written, or none when empty */
static int put_target(struct ap *a, const struct imp_plan_indicator *r, const char *ikey, int64_t id,
		      const char *kind, const char *cell)
{
	struct sval s[] = { SVI(id), SVI(a->year), SVS(kind) };
	struct model_target t;
	struct sval value, unit;
	const char *mode, *status;
	char label[LABEL_MAX];
	int64_t tid;

	if (!cell)
		return prune(a, r->line, STMT_IMP_PLAN_TARGET_DEL_AUDIT, STMT_IMP_PLAN_TARGET_DEL, s, 3);
	model_target_parse(cell, &t, NULL, 0);
	mode = store_target_values(&t, &value, &unit);
	snprintf(label, sizeof(label), "%s %d för %s", strcmp(kind, "kf") == 0 ? "KF:s årsmål" : "årsmålet", a->year, ikey);
	{
		struct sval w[] = { SVI(id), SVI(a->year), SVS(kind), SVS(mode), value, unit, SVS(cell),
				    SVS(source(a, r->goal)) };
		struct item it = { "target", label, r->line, STMT_IMP_PLAN_SNAP_TARGET, s, 3, STMT_IMP_PLAN_TARGET, w, 8 };
		return put(a, &it, &status, &tid);
	}
}

/* the unit the targets give ("%" of "4,6 %"), or NULL */
static const char *ind_unit(struct ap *a, const struct imp_plan_indicator *r)
{
	const char *cells[] = { r->own, r->kf };
	struct model_target t;

	for (int i = 0; i < 2; i++)
		if (cells[i] && model_target_parse(cells[i], &t, NULL, 0) == 0 && t.kind == MODEL_TARGET_NUMBER &&
		    t.unit[0])
			return arena_strdup(a->c->a, t.unit);
	return NULL;
}

static int put_indicator(struct ap *a, int i)
{
	const struct imp_plan_indicator *r = &a->d->inds[i];
	char key[KEY_MAX], label[LABEL_MAX];
	struct sval k = SVS(key);
	const char *status;
	int64_t id;
	int rc;

	snprintf(key, sizeof(key), "%s-i-%03d", a->plan_key, i + 1);
	snprintf(label, sizeof(label), "indikatorn %s", key);
	if ((rc = owned(a, r->line, IMP_F_INDICATOR, "indicator", key)) != LUP_OK ||
	    (rc = attach(a, r->line, IMP_F_IND_GOAL, r->goal)) != LUP_OK)
		return rc;
	{
		struct sval w[] = { SVS(key), SVID(r->goal >= 0 ? a->goal_id[r->goal] : 0), SVI(a->org), SVI(r->ord),
				    SVS(r->name), SVS(ind_unit(a, r)), SVS(r->periodicity), SVS(source(a, r->goal)) };
		struct item it = { "indicator", label, r->line, STMT_IMP_PLAN_SNAP_INDICATOR, &k, 1,
				   STMT_IMP_PLAN_INDICATOR, w, 8 };
		if ((rc = put(a, &it, &status, &id)) != LUP_OK ||
		    (rc = imp_prov(a->c, "indicator", id, r->line, r->last)) != LUP_OK)
			return rc;
	}
	if ((rc = put_target(a, r, key, id, "own", r->own)) != LUP_OK ||
	    (rc = put_target(a, r, key, id, "kf", r->kf)) != LUP_OK)
		return rc;
	imp_count(a->c, K_IND, 1);
	imp_trace(a->c, r->line, r->last, "indicator", "%s %s: %s | %s | %s | %s", key, status, cut(a, r->name),
		  r->own ? r->own : "", r->kf ? r->kf : "", r->periodicity);
	return LUP_OK;
}

/* --- activities ------------------------------------------------------------------------------- */

static int act_dates(struct ap *a, const struct imp_plan_activity *r, struct model_datex *s, struct model_datex *e)
{
	char msg[256];

	if (model_datex_parse(r->start, s, msg, sizeof(msg)) != 0 || model_datex_parse(r->end, e, msg, sizeof(msg)) != 0)
		return imp_fail(a->c, r->last, "%s (ett datum ÅÅÅÅ-MM-DD väntades)", msg);
	if (s->first && e->last && e->last < s->first)
		return imp_fail(a->c, r->last, "aktiviteten slutar (%s) innan den börjar (%s)", r->end, r->start);
	return LUP_OK;
}

/* *id of the body called name: an organisation's key, name or alias, also with its first letter
 * in upper case ("arbetsmarknadsnämnden"), or whose key is the name's slug; 0 when unknown */
static int body_org(struct ap *a, const char *name, int64_t *id)
{
	char up[LABEL_MAX];
	const unsigned char *u = (const unsigned char *)name;
	struct sval k;
	int rc;

	if ((rc = imp_org(a->c, name, id)) != LUP_OK || *id)
		return rc;
	snprintf(up, sizeof(up), "%s", name);
	if (u[0] >= 'a' && u[0] <= 'z')
		up[0] = (char)(u[0] - 'a' + 'A');
	else if (u[0] == 0xC3 && (u[1] == 0xA5 || u[1] == 0xA4 || u[1] == 0xB6))
		up[1] = (char)(u[1] - 0x20);	/* å, ä, ö */
	if ((rc = imp_org(a->c, up, id)) != LUP_OK || *id)
		return rc;
	k = SVS(imp_plan_slug(a->c->a, name));
	return imp_id(a->c, STMT_ORG_ID, &k, 1, id);
}

/* the bodies KF assignment r (activity id, key) names, as its partners with their roles; a body
 * the register lacks is warned about and not added */
static int put_partners(struct ap *a, const struct imp_plan_activity *r, const char *key, int64_t id)
{
	char label[LABEL_MAX];
	const char *status;
	int64_t org, pid;
	int rc;

	for (int i = 0; i < r->nbodies; i++) {
		const struct imp_plan_body *b = &r->bodies[i];
		if ((rc = body_org(a, b->name, &org)) != LUP_OK)
			return rc;
		if (!org) {
			imp_warn(a->c, r->line, "'%s' (%s) i aktiviteten %s finns inte bland organisationerna: den "
				 "sparas inte som samverkanspart", b->name, strcmp(b->role, "lead") == 0 ? "ansvarig" :
				 strcmp(b->role, "support") == 0 ? "stöd" : "samverkanspart", key);
			continue;
		}
		{
			struct sval s[] = { SVI(id), SVI(org) }, w[] = { SVI(id), SVI(org), SVS(b->role) };
			struct item it = { "activity_partner", label, r->line, STMT_IMP_PLAN_SNAP_PARTNER, s, 2,
					   STMT_IMP_PLAN_PARTNER, w, 3 };
			snprintf(label, sizeof(label), "samverkansparten '%s' i aktiviteten %s", cut(a, b->name), key);
			if ((rc = put(a, &it, &status, &pid)) != LUP_OK)
				return rc;
		}
		imp_trace(a->c, r->line, r->last, "partner", "%s %s: %s (%s)", key, status, b->name, b->role);
	}
	return LUP_OK;
}

static int put_activity(struct ap *a, int i)
{
	const struct imp_plan_activity *r = &a->d->acts[i];
	char key[KEY_MAX], label[LABEL_MAX];
	struct model_datex s, e;
	struct sval k = SVS(key);
	const char *status;
	int64_t id;
	int rc;

	if ((rc = act_dates(a, r, &s, &e)) != LUP_OK)
		return rc;
	snprintf(key, sizeof(key), "%s-a-%03d", a->plan_key, i + 1);
	snprintf(label, sizeof(label), "aktiviteten %s", key);
	if ((rc = owned(a, r->line, IMP_F_ACTIVITY, "activity", key)) != LUP_OK ||
	    (rc = attach(a, r->line, IMP_F_ACT_GOAL, r->goal)) != LUP_OK)
		return rc;
	{
		struct sval w[] = { SVS(key), SVI(a->pv), SVI(a->org), SVS(r->title), SVS(r->start), SVID(s.first),
				    SVID(s.last), SVS(store_prec(s.prec)), SVS(r->end), SVID(e.first), SVID(e.last),
				    SVS(store_prec(e.prec)), SVID(r->goal >= 0 ? a->goal_id[r->goal] : 0),
				    SVS(source(a, r->goal)) };
		struct item it = { "activity", label, r->line, STMT_IMP_PLAN_SNAP_ACTIVITY, &k, 1,
				   STMT_IMP_PLAN_ACTIVITY, w, 14 };
		if ((rc = put(a, &it, &status, &id)) != LUP_OK ||
		    (rc = imp_prov(a->c, "activity", id, r->line, r->last)) != LUP_OK)
			return rc;
	}
	if ((rc = put_partners(a, r, key, id)) != LUP_OK)
		return rc;
	if (a->district) {
		struct sval w[] = { SVI(id), SVI(a->district) };
		if ((rc = imp_write(a->c, r->line, STMT_ACTIVITY_DISTRICT_ADD, w, 2)) != LUP_OK)
			return rc;
	}
	imp_count(a->c, K_ACT, 1);
	imp_trace(a->c, r->line, r->last, "activity", "%s %s: %s | %s | %s", key, status, cut(a, r->title),
		  r->start ? r->start : "", r->end ? r->end : "");
	return LUP_OK;
}

/* --- money tables ------------------------------------------------------------------------------ */

static const char *table_name(struct ap *a, int t)
{
	char s[32];

	if (a->d->tables[t].name)
		return a->d->tables[t].name;
	snprintf(s, sizeof(s), "Tabell %d", t + 1);
	return arena_strdup(a->c->a, s);
}

static int put_money_row(struct ap *a, const struct imp_plan_money_row *r, struct json *keys_json)
{
	const struct imp_plan_money *m = &a->d->tables[r->table];
	const char *tbl = table_name(a, r->table), *status, *row_status = "unchanged";
	char label[LABEL_MAX * 2], key[LABEL_MAX * 4];
	int64_t id;
	int rc;

	for (int c = 0; c < m->ncols; c++) {
		struct sval s[] = { SVI(a->pv), SVS(tbl), SVI(r->ord), SVS(m->cols[c]) };
		struct sval w[] = { SVI(a->pv), SVS(tbl), SVI(r->ord), SVS(r->label), SVS(m->cols[c]), SVD(r->amount[c]) };
		struct item it = { "budget_line", label, r->line, STMT_IMP_PLAN_SNAP_BUDGET, s, 4, STMT_IMP_PLAN_BUDGET, w, 6 };
		snprintf(label, sizeof(label), "beloppsraden '%s' / '%s' / '%s'", cut(a, tbl), cut(a, r->label), m->cols[c]);
		if ((rc = put(a, &it, &status, &id)) != LUP_OK ||
		    (rc = imp_prov(a->c, "budget_line", id, r->line, r->last)) != LUP_OK)
			return rc;
		if (strcmp(status, "unchanged") != 0)
			row_status = strcmp(status, "new") == 0 ? "new" : "changed";
		snprintf(key, sizeof(key), "%s\x1f%d\x1f%s", tbl, r->ord, m->cols[c]);
		json_str(keys_json, key);
	}
	imp_count(a->c, K_BUDGET, m->ncols);
	imp_trace(a->c, r->line, r->last, "money row", "%s / %s %s: %d amounts", cut(a, tbl), cut(a, r->label),
		  row_status, m->ncols);
	return LUP_OK;
}

/* the JSON array of the document's money table names */
static char *table_names(struct ap *a)
{
	struct buf b;
	struct json j;
	char *s;

	buf_init(&b, 0);
	json_init(&j, &b, 0);
	json_arr_open(&j);
	for (int t = 0; t < a->d->ntables; t++)
		json_str(&j, table_name(a, t));
	json_arr_close(&j);
	json_finish(&j);
	s = arena_strdup(a->c->a, b.ptr);
	buf_release(&b);
	return s;
}

/* the money rows; rows of the document's tables that it no longer has are deleted (a table the
 * document lacks altogether is kept: a truncated text must not empty the budget) */
static int put_money(struct ap *a)
{
	struct buf b;
	struct json j;
	int rc = LUP_OK;

	buf_init(&b, 0);
	json_init(&j, &b, 0);
	json_arr_open(&j);
	for (int i = 0; i < a->d->nrows && rc == LUP_OK; i++)
		rc = put_money_row(a, &a->d->rows[i], &j);
	json_arr_close(&j);
	json_finish(&j);
	if (rc == LUP_OK) {
		struct sval args[] = { SVI(a->pv), SVS(table_names(a)), SVS(b.ptr) };
		rc = prune(a, 0, STMT_IMP_PLAN_BUDGET_PRUNE_AUDIT, STMT_IMP_PLAN_BUDGET_PRUNE, args, 3);
	}
	buf_release(&b);
	return rc;
}

/* --- what the database has and the document no longer --------------------------------------------- */

/* the context of a stale check */
struct stale_ctx {
	struct ap *a;
	const char *one, *many;	/* "indicator", "indicators" */
};

static int stale_row(void *ctx, const struct store_row *r)
{
	struct stale_ctx *x = ctx;
	long n = (long)store_col_int(r, 0);

	if (n == 1)
		imp_warn(x->a->c, 0, "%s %s finns i databasen men inte i detta dokument: behålls", x->one,
			 store_col_text(r, 1));
	else if (n > 1)
		imp_warn(x->a->c, 0, "%ld %s (%s ... %s) finns i databasen men inte i detta dokument: behålls", n,
			 x->many, store_col_text(r, 1), store_col_text(r, 2));
	return 1;
}

static int stale(struct ap *a, const char *table, const char *part, const char *many, int n)
{
	char prefix[KEY_MAX], key[LABEL_MAX];
	struct buf b;
	struct json j;
	int rc;

	snprintf(prefix, sizeof(prefix), "%s-%s-", a->plan_key, part);
	buf_init(&b, 0);
	json_init(&j, &b, 0);
	json_arr_open(&j);
	for (int i = 1; i <= n; i++) {
		snprintf(key, sizeof(key), strcmp(part, "nm") == 0 ? "%s%02d" : "%s%03d", prefix, i);
		json_str(&j, key);
	}
	json_arr_close(&j);
	json_finish(&j);
	{
		struct sval args[] = { SVS(table), SVS(prefix), SVS(b.ptr) };
		struct stale_ctx x = { a, strcmp(part, "nm") == 0 ? "nämndmålet" : strcmp(part, "i") == 0 ?
				       "indikatorn" : "aktiviteten", many };
		rc = store_query(a->c->st, STMT_IMP_PLAN_STALE, args, 3, stale_row, &x, a->c->e);
	}
	buf_release(&b);
	return rc;
}

/* --- the run ------------------------------------------------------------------------------------- */

/* orders the trace entries from `from` on by line (the parser's and the writer's interleave) */
static void trace_sort(struct imp_report *r, int from)
{
	for (int i = from + 1; i < r->ntrace; i++) {
		struct imp_trace_entry t = r->trace[i];
		int j = i;
		while (j > from && r->trace[j - 1].line > t.line) {
			r->trace[j] = r->trace[j - 1];
			j--;
		}
		r->trace[j] = t;
	}
}

static int setup(struct ap *a, struct imp_ctx *c, const struct imp_plan_doc *d)
{
	const char *slash = strrchr(c->path, '/');
	time_t now = time(NULL);
	struct tm tm;
	int rc;

	memset(a, 0, sizeof(*a));
	a->c = c;
	a->d = d;
	a->file = slash ? slash + 1 : c->path;
	a->goal_id = arena_alloc(c->a, sizeof(int64_t) * (size_t)(d->ngoals + 1));
	gmtime_r(&now, &tm);
	strftime(a->at, sizeof(a->at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (!(a->year = c->year ? c->year : d->year))
		return imp_fail(c, 0, "det går inte att se vilket år planen gäller (ange --year)");
	if (!c->year)
		imp_trace(c, d->year_line, d->year_line, "year", "%d", a->year);
	if ((rc = resolve_org(a)) != LUP_OK ||
	    (rc = org_or_add(a, "Kommunfullmäktige", "council", 0, &a->kf)) != LUP_OK)
		return rc;
	if (!a->district)
		imp_warn(c, 0, "inget stadsdelsområde har %s som sin nämnd: aktiviteterna knyts inte till något "
			 "stadsdelsområde", a->org_key);
	return resolve_plan(a);
}

static int apply(struct imp_ctx *c, const struct imp_plan_doc *d)
{
	struct ap a;
	int rc;

	if ((rc = setup(&a, c, d)) != LUP_OK || (rc = put_goals(&a)) != LUP_OK)
		return rc;
	for (int i = 0; i < d->ninds; i++)
		if ((rc = put_indicator(&a, i)) != LUP_OK)
			return rc;
	for (int i = 0; i < d->nacts; i++)
		if ((rc = put_activity(&a, i)) != LUP_OK)
			return rc;
	if ((rc = put_money(&a)) != LUP_OK ||
	    (rc = stale(&a, "goal", "nm", "nämndmål", d->count[IMP_PLAN_NM])) != LUP_OK ||
	    (rc = stale(&a, "indicator", "i", "indikatorer", d->ninds)) != LUP_OK)
		return rc;
	return stale(&a, "activity", "a", "aktiviteter", d->nacts);
}

static int run(struct imp_ctx *c)
{
	struct imp_text t;
	struct imp_plan_doc d;
	int from = c->r->ntrace, rc;

	if ((rc = imp_read_text(c, &t)) != LUP_OK || (rc = imp_plan_parse(c, &t, &d)) != LUP_OK)
		return rc;
	rc = apply(c, &d);
	trace_sort(c->r, from);
	return rc;
}

const struct imp_kind imp_kind_plan = {
	"plan", keys, run, "a Stockholm verksamhetsplan as text: goal chain, indicators, activities, money tables", 1,
};
