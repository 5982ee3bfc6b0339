/* imp-lup.c: the 'lup' importer: an LUP or a specialist committee's LUP plan as text.
 *
 * imp-lup-parse.c turns the text into items; this file resolves what they name (districts,
 * areas, organisations, themes: by key, name or alias, then tolerantly for OCR damage) and
 * writes them:
 * - the LUP of each district, keyed lup-<district key> and owned by the district committee
 *   (an existing one, e.g. from the dataset, is used as it is);
 * - themes by name in that LUP (an existing theme found by name or alias is reused), earlier
 *   names as aliases; prioritised areas; measures keyed lup-<district>-m-NN in document order
 *   (none for an LUP that has measures from another source, e.g. the dataset's: a warning says
 *   so); intended partners; for an LUP document its 7 sections;
 * - a specialist committee's activities in its contribution plan lupplan-<year>-<org key>,
 *   keyed <plan>-a-NNN, with the organisation's role and the district and theme they serve.
 * Every line gets one trace entry saying what it became or why it was skipped.
 */
#include "import/imp-lup.h"
#include "core/buf.h"
#include "edit/plan-version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_DISTRICTS, K_THEMES, K_PAREAS, K_MEASURES, K_PARTNERS, K_ACTIVITIES, K_GOALS };

static const char *const keys[] = { "districts", "themes", "prioritised_areas", "measures",
				     "partners", "activities", "lup_goals", NULL };

#define MAX_ROWS 200000		/* rows a lookup may return */
#define MAX_PER_PLAN 999	/* measures (or activities) one document gives one plan */
#define DETAIL_MAX 160		/* characters of a name shown in the trace */

/* A row of a lookup: up to three columns, each as integer and as text. */
struct row {
	int64_t n[3];
	const char *s[3];
};

struct rows {
	struct arena *a;
	struct row *v;
	int n, cap;
};

/* A district the document names, resolved. */
struct dist {
	int64_t id;		/* area id */
	const char *key, *name;
	int64_t committee;
	int64_t plan, pv;	/* its LUP and the LUP's latest version, 0 until needed */
	int number;		/* a scoped import: pv's number (a draft), else 0 */
	int nmeasures;		/* the document's measures written for it (new or matched) */
	int64_t mnext;		/* the last number a measure key lup-<key>-m-NN has, once loaded */
	int checked;		/* others is known */
	int64_t others;		/* measures of the LUP from elsewhere (the dataset, the API) */
	int left_out;		/* the document's measures not written because of them */
};

/* The state of writing one document. */
struct ap {
	struct imp_ctx *c;
	struct lup_doc *d;
	struct arena *a;
	const char *base;	/* the file name without directories, for sources */
	struct dist *dists;
	int ndists;
	int *bdist;		/* per block: index in dists, or -1 when unknown */
	int docdist;		/* the document's own district, -1 when none */
	struct rows districts, orgs;	/* names and aliases, loaded once */
	int64_t org;		/* the contributing organisation, 0 when unknown */
	const char *org_key, *org_name;
	int64_t cplan, cpv;	/* its contribution plan, 0 until needed */
	const char *cplan_key;
	int cnumber;		/* a scoped import: cpv's number (a draft), else 0 */
	int nacts;		/* the document's activities (new or matched) */
	int64_t anext;		/* the last number an activity key <plan>-a-NNN has, once loaded */
	int64_t *used_acts, *used_measures;	/* rows this document matched or made, each once */
	int nused_acts, nused_measures;
	int nsections;		/* LUP sections written */
	int nstanding;		/* districts' statuses in the contribution plan written */
	int64_t *themes_seen;	/* distinct themes counted */
	int nthemes_seen;
	int64_t *areas_seen;	/* distinct (plan version, area) pairs counted, two per entry */
	int nareas_seen;
	int *traced;		/* per item: entries emitted so far */
};

/* ---- lookups ---------------------------------------------------------------------------- */

static int collect(void *ctx, const struct store_row *r)
{
	struct rows *rs = ctx;
	struct row *x;
	int nc = store_ncols(r);

	if (rs->n >= MAX_ROWS)
		return 1;
	if (rs->n == rs->cap) {
		int cap = rs->cap ? 2 * rs->cap : 64;
		struct row *nv = arena_alloc(rs->a, sizeof(*nv) * (size_t)cap);
		if (rs->n)
			memcpy(nv, rs->v, sizeof(*nv) * (size_t)rs->n);
		rs->v = nv;
		rs->cap = cap;
	}
	x = &rs->v[rs->n++];
	for (int i = 0; i < 3 && i < nc; i++) {
		x->n[i] = store_col_int(r, i);
		x->s[i] = arena_strdup(rs->a, store_col_text(r, i));
	}
	return 0;
}

/* query: runs lookup s into rs (emptied first). */
static int query(struct ap *p, enum stmt s, const struct sval *args, int nargs, struct rows *rs)
{
	int rc;

	rs->a = p->a;
	rs->v = NULL;
	rs->n = rs->cap = 0;
	if ((rc = store_query(p->c->st, s, args, nargs, collect, rs, p->c->e)) != LUP_OK)
		err_prefix(p->c->e, "%s: ", p->c->path);
	return rc;
}

static int lookup(struct ap *p, enum stmt s, const struct sval *args, int nargs, int64_t *id)
{
	int rc = imp_id(p->c, s, args, nargs, id);

	if (rc != LUP_OK)
		err_prefix(p->c->e, "%s: ", p->c->path);
	return rc;
}

/* best_name: the id of the row of rs whose name (column 1) is name: exactly, else folded
 * and OCR-tolerantly when it is the only such id; 0 when none. */
static int64_t best_name(struct ap *p, const struct rows *rs, const char *name)
{
	char *f = imp_lup_fold(p->a, name);
	int64_t found = 0;

	for (int i = 0; i < rs->n; i++)
		if (rs->v[i].s[1] && strcmp(rs->v[i].s[1], name) == 0)
			return rs->v[i].n[0];
	for (int i = 0; i < rs->n; i++)
		if (rs->v[i].s[1] && strcmp(imp_lup_fold(p->a, rs->v[i].s[1]), f) == 0)
			return rs->v[i].n[0];
	for (int i = 0; i < rs->n; i++) {
		if (!rs->v[i].s[1] || !imp_lup_similar(imp_lup_fold(p->a, rs->v[i].s[1]), f))
			continue;
		if (found && found != rs->v[i].n[0])
			return 0;	/* ambiguous */
		found = rs->v[i].n[0];
	}
	return found;
}

static const char *cut(struct ap *p, const char *s)
{
	return s && strlen(s) > DETAIL_MAX ? imp_lup_first_sentence(p->a, s, DETAIL_MAX) : s;
}

static const char *source(struct ap *p, const struct lup_item *it)
{
	const char *num = it->block >= 0 ? p->d->blocks[it->block].num :
			  it->sec >= 0 ? p->d->secs[it->sec].num : NULL;
	char buf[512];

	snprintf(buf, sizeof(buf), num ? "%s §%s" : "%s", p->base, num);
	return arena_strdup(p->a, buf);
}

/* org_info: key, name and kind of organisation id. */
static int org_info(struct ap *p, int64_t id, const char **key, const char **name, const char **kind)
{
	struct sval v = SVI(id);
	struct rows rs;
	int rc = query(p, STMT_IMP_LUP_ORG_INFO, &v, 1, &rs);

	if (rc != LUP_OK)
		return rc;
	*key = rs.n ? rs.v[0].s[0] : "";
	*name = rs.n ? rs.v[0].s[1] : "";
	if (kind)
		*kind = rs.n ? rs.v[0].s[2] : NULL;
	return LUP_OK;
}

/* resolve_org: an organisation by key, name or alias, else tolerantly; 0 when unknown. */
static int resolve_org(struct ap *p, const char *name, int64_t *id)
{
	int rc;

	if ((rc = imp_org(p->c, name, id)) != LUP_OK) {
		err_prefix(p->c->e, "%s: ", p->c->path);
		return rc;
	}
	if (*id)
		return LUP_OK;
	if (!p->orgs.a && (rc = query(p, STMT_IMP_LUP_ORG_NAMES, NULL, 0, &p->orgs)) != LUP_OK)
		return rc;
	*id = best_name(p, &p->orgs, name);
	return LUP_OK;
}

/* ---- districts and plans ------------------------------------------------------------------ */

/* dist_add: the district with area id (cached); returns its index. */
static int dist_add(struct ap *p, int64_t id, int *ix)
{
	struct sval v = SVI(id);
	struct rows rs;
	struct dist *x;
	int rc;

	for (int i = 0; i < p->ndists; i++)
		if (p->dists[i].id == id) {
			*ix = i;
			return LUP_OK;
		}
	if ((rc = query(p, STMT_IMP_LUP_AREA_INFO, &v, 1, &rs)) != LUP_OK)
		return rc;
	x = &p->dists[p->ndists];
	memset(x, 0, sizeof(*x));
	x->id = id;
	x->key = rs.n ? rs.v[0].s[0] : "";
	x->name = rs.n ? rs.v[0].s[1] : "";
	x->committee = rs.n ? rs.v[0].n[2] : 0;
	*ix = p->ndists++;
	return LUP_OK;
}

/* find_district: a district by key, name, alias or committee, else tolerantly; 0 when unknown. */
static int find_district(struct ap *p, const char *name, int64_t *id)
{
	struct sval v = SVS(name);
	int rc;

	if ((rc = lookup(p, STMT_DISTRICT_ID_LOOSE, &v, 1, id)) != LUP_OK || *id)
		return rc;
	if (!p->districts.a && (rc = query(p, STMT_IMP_LUP_DISTRICT_NAMES, NULL, 0, &p->districts)) != LUP_OK)
		return rc;
	*id = best_name(p, &p->districts, name);
	return LUP_OK;
}

/* word_count: how often folded name occurs as whole words in folded text f. */
static int word_count(const char *f, const char *name)
{
	size_t n = strlen(name);
	int k = 0;

	if (!n)
		return 0;
	for (const char *s = f; (s = strstr(s, name)); s += n)
		if ((s == f || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
			k++;
	return k;
}

/* doc_district: the district an LUP document belongs to: --org when it names a district or
 * its committee, else the first district a title or running header names, else the one the
 * text names most often. */
static int doc_district(struct ap *p, int64_t *id)
{
	int rc;

	*id = 0;
	if (p->c->org && ((rc = find_district(p, p->c->org, id)) != LUP_OK || *id))
		return rc;
	if (!p->districts.a && (rc = query(p, STMT_IMP_LUP_DISTRICT_NAMES, NULL, 0, &p->districts)) != LUP_OK)
		return rc;
	for (int h = 0; h < p->d->nhints && !*id; h++) {
		char *f = imp_lup_fold(p->a, p->d->hints[h]);
		int best = 0;
		for (int i = 0; i < p->districts.n; i++) {
			int k = word_count(f, imp_lup_fold(p->a, p->districts.v[i].s[1]));
			if (k > best)
				best = k, *id = p->districts.v[i].n[0];
		}
	}
	return LUP_OK;
}

/* plan_year: the year a new plan covers: --year, else the document's. */
static int plan_year(struct ap *p, int line, const char *what, int *y)
{
	*y = p->c->year ? p->c->year : p->d->year;
	if (!*y)
		return imp_fail(p->c, line, "kan inte avgöra vilket år %s gäller: ange --year", what);
	return LUP_OK;
}

/* draft_version: a scoped import writes into plan key's draft: the one it has, else a new one
 * made from its adopted version ("Ny version", edit/plan-version.h), so that the adopted version
 * is never touched. *pv 0 when the plan has no version at all. */
static int draft_version(struct ap *p, int line, const char *key, int64_t plan, int64_t *pv, int *number)
{
	struct plan_version_opts o = { .actor = p->c->actor, .user_id = p->c->user_id, .in_txn = 1 };
	struct sval pl = SVI(plan);
	char origin[400];
	int64_t n = 0, next = 0;
	int rc, made = 0;

	*pv = 0;
	if ((rc = lookup(p, STMT_PD_DRAFT, &pl, 1, &n)) != LUP_OK)
		return rc;
	if (!n) {
		int got = 0;
		if ((rc = lookup(p, STMT_PD_NEXT, &pl, 1, &next)) != LUP_OK || next <= 1)
			return rc;	/* no version at all: version 1 is made (a draft) by the caller */
		snprintf(origin, sizeof(origin), "import lup %s", p->base);
		o.origin = origin;
		if ((rc = plan_version_new(p->c->st, key, &o, &got, p->c->e)) != LUP_OK) {
			err_prefix(p->c->e, "%s:%d: a new draft of %s: ", p->c->path, line, key);
			return rc;
		}
		n = got;
		made = 1;
		p->c->r->changed++;
	}
	{
		struct sval a[] = { SVI(plan), SVI(n) };
		if ((rc = lookup(p, STMT_PD_VERSION_ID, a, 2, pv)) != LUP_OK)
			return rc;
	}
	*number = (int)n;
	imp_trace(p->c, line, line, made ? "new draft version" : "draft version", "%s version %d", key, *number);
	return LUP_OK;
}

/* plan_version: the latest version of plan key (creating version 1 when it has none); a scoped
 * import: its draft (draft_version; *number its number). */
static int plan_version(struct ap *p, int line, const char *key, int64_t plan, int64_t *pv, int *number)
{
	struct sval k = SVS(key);
	int rc;

	*number = 0;
	if (p->c->scope && ((rc = draft_version(p, line, key, plan, pv, number)) != LUP_OK || *pv))
		return rc;
	if ((rc = lookup(p, STMT_PLAN_VERSION_LATEST, &k, 1, pv)) != LUP_OK || *pv)
		return rc;
	{
		char note[300];
		snprintf(note, sizeof(note), "imported from %s", p->base);
		struct sval v[] = { SVI(plan), SVI(1), SVS("draft"), SVNULL, SVNULL, SVNULL, SVS(note) };
		if ((rc = imp_write(p->c, line, STMT_PLAN_VERSION_UPSERT, v, 7)) != LUP_OK)
			return rc;
	}
	return lookup(p, STMT_PLAN_VERSION_LATEST, &k, 1, pv);
}

/* ensure_plan: plan key (kind, owner, district, title) exists; *plan and *pv get its id and
 * latest version. An existing plan is used as it is. */
static int ensure_plan(struct ap *p, int line, const char *key, const char *kind, int64_t owner,
		       int64_t district, const char *title, int64_t *plan, int64_t *pv, int *number)
{
	struct sval k = SVS(key);
	int rc, y;

	if ((rc = lookup(p, STMT_PLAN_ID, &k, 1, plan)) != LUP_OK)
		return rc;
	if (!*plan) {
		if ((rc = plan_year(p, line, key, &y)) != LUP_OK)
			return rc;
		struct sval v[] = { SVS(key), SVS(kind), SVI(owner), SVID(district), SVS(title),
				    SVI(y), SVI(y), SVS(p->base) };
		if ((rc = imp_write(p->c, line, STMT_PLAN_UPSERT, v, 8)) != LUP_OK ||
		    (rc = lookup(p, STMT_PLAN_ID, &k, 1, plan)) != LUP_OK)
			return rc;
	}
	return plan_version(p, line, key, *plan, pv, number);
}

/* ensure_lup: the LUP of district x (lup-<key>, owned by its committee). */
static int ensure_lup(struct ap *p, int line, struct dist *x)
{
	char key[300], title[400];

	if (x->pv)
		return LUP_OK;
	if (!x->committee)
		return imp_fail(p->c, line, "stadsdelsområdet '%s' har ingen stadsdelsnämnd som kan äga dess LUP", x->name);
	if (p->c->scope) {	/* an editor: only its own district's LUP */
		int ok = p->c->scope->org(p->c->scope->ctx, p->c->st, x->committee, p->c->e);
		if (ok < 0)
			return p->c->e->code;
		if (!ok)
			return imp_refuse(p->c, IMP_DENY_OTHER_DISTRICT, line, 0, IMP_F_DISTRICT, x->name);
	}
	snprintf(key, sizeof(key), "lup-%s", x->key);
	snprintf(title, sizeof(title), "Lokalt utvecklingsprogram för %s", x->name);
	return ensure_plan(p, line, key, "lup", x->committee, x->id, title, &x->plan, &x->pv, &x->number);
}

/* ensure_cplan: the contributing organisation's plan lupplan-<year>-<org key>. */
static int ensure_cplan(struct ap *p, int line)
{
	char key[300], title[400];
	int y, rc;

	if (p->cpv)
		return LUP_OK;
	if (!p->org)
		return imp_fail(p->c, line, "kan inte avgöra vems aktiviteterna är: ange --org med den"
				" organisation som bidrar med dem");
	if ((rc = imp_scope_org(p->c, line, 0, IMP_F_ORG, p->org_name, p->org)) != LUP_OK ||
	    (rc = plan_year(p, line, "the activities", &y)) != LUP_OK)
		return rc;
	snprintf(key, sizeof(key), "lupplan-%d-%s", y, p->org_key);
	if (p->d->title)
		snprintf(title, sizeof(title), "%s", p->d->title);
	else
		snprintf(title, sizeof(title), "%ss LUP-plan %d", p->org_name, y);
	p->cplan_key = arena_strdup(p->a, key);
	return ensure_plan(p, line, key, "contribution", p->org, 0, title, &p->cplan, &p->cpv, &p->cnumber);
}

/* item_dist: the district of item it (its block's, or the document's), or NULL. */
static struct dist *item_dist(struct ap *p, const struct lup_item *it)
{
	int ix = it->block >= 0 ? p->bdist[it->block] : p->docdist;

	return ix >= 0 ? &p->dists[ix] : NULL;
}

/* ---- themes ------------------------------------------------------------------------------ */

static void theme_seen(struct ap *p, int64_t id)
{
	for (int i = 0; i < p->nthemes_seen; i++)
		if (p->themes_seen[i] == id)
			return;
	p->themes_seen[p->nthemes_seen++] = id;
	imp_count(p->c, K_THEMES, 1);
}

/* find_theme: a theme of version pv named name (name or alias; tolerantly; by words when
 * words is set); 0 when none. */
static int find_theme(struct ap *p, int64_t pv, const char *name, int words, int64_t *id)
{
	struct sval v = SVI(pv);
	struct rows rs;
	double best = 0;
	int rc;

	if ((rc = query(p, STMT_IMP_LUP_THEME_NAMES, &v, 1, &rs)) != LUP_OK)
		return rc;
	if ((*id = best_name(p, &rs, name)) || !words)
		return LUP_OK;
	for (int i = 0; i < rs.n; i++) {
		double sc = imp_lup_token_score(p->a, name, rs.v[i].s[1]);
		if (sc >= 0.5 && sc > best)
			best = sc, *id = rs.v[i].n[0];
	}
	return LUP_OK;
}

/* new_theme: creates theme name (with description) in version pv. */
static int new_theme(struct ap *p, int line, int64_t pv, const char *name, const char *desc,
		     const char *src, int64_t *id)
{
	struct sval v = SVI(pv), k[2] = { SVI(pv), SVS(name) };
	int64_t ord;
	int rc;

	if ((rc = lookup(p, STMT_IMP_LUP_THEME_NEXT_ORD, &v, 1, &ord)) != LUP_OK)
		return rc;
	{
		struct sval w[] = { SVI(pv), SVI(ord), SVS(name), SVS(desc), SVI(0), SVS(src) };
		if ((rc = imp_write(p->c, line, STMT_THEME_UPSERT, w, 6)) != LUP_OK)
			return rc;
	}
	return lookup(p, STMT_THEME_ID, k, 2, id);
}

static int do_theme(struct ap *p, struct lup_item *it, struct dist *x)
{
	int rc, created = 0;

	if (it->kind == LI_THEME_REF && it->ref >= 0 && p->d->items[it->ref].id) {
		it->id = p->d->items[it->ref].id;
	} else {
		if ((rc = ensure_lup(p, it->first, x)) != LUP_OK ||
		    (rc = find_theme(p, x->pv, it->text, it->kind == LI_THEME_REF, &it->id)) != LUP_OK)
			return rc;
		if (!it->id) {
			const char *desc = it->kind == LI_THEME ? it->body : NULL;
			if ((rc = new_theme(p, it->first, x->pv, it->text, desc, source(p, it), &it->id)) != LUP_OK)
				return rc;
			created = 1;
		}
	}
	theme_seen(p, it->id);
	{
		char buf[600];
		snprintf(buf, sizeof(buf), "%s (%s, %s)", cut(p, it->text), x->key, created ? "new" : "existing");
		it->detail = arena_strdup(p->a, buf);
	}
	return LUP_OK;
}

/* block_themes: the LI_THEME items of block b in order; returns how many (at most max). */
static int block_themes(struct ap *p, int b, int *v, int max)
{
	int n = 0;

	for (int i = 0; i < p->d->nitems && n < max; i++)
		if (p->d->items[i].kind == LI_THEME && p->d->items[i].block == b)
			v[n++] = i;
	return n;
}

/* do_theme_names: names listed for the themes (e.g. the names reported earlier): each is a
 * theme's name or becomes its alias; paired in order with the block's themes when it names
 * none of them and the counts agree. */
static int do_theme_names(struct ap *p, struct lup_item *it, struct dist *x)
{
	int th[LUP_MAX_NAMES], nth = block_themes(p, it->block, th, LUP_MAX_NAMES), rc, aliases = 0;

	if ((rc = ensure_lup(p, it->first, x)) != LUP_OK)
		return rc;
	for (int j = 0; j < it->nnames; j++) {
		const char *name = it->names[j];
		int64_t id = 0, same = 0;
		if ((rc = find_theme(p, x->pv, name, 0, &same)) != LUP_OK)
			return rc;
		if (same) {
			theme_seen(p, same);
			continue;	/* already a name or alias */
		}
		if ((rc = find_theme(p, x->pv, name, 1, &id)) != LUP_OK)
			return rc;
		if (!id && nth == it->nnames) {	/* paired in order: resolve that theme first */
			struct lup_item *t = &p->d->items[th[j]];
			if (!t->id && (rc = do_theme(p, t, x)) != LUP_OK)
				return rc;
			id = t->id;
			if (id && (rc = find_theme(p, x->pv, name, 0, &same)) != LUP_OK)
				return rc;
		}
		if (!id) {
			imp_warn(p->c, it->first, "temanamnet '%s' motsvarar inget av %ss teman", name, x->name);
			continue;
		}
		if (same == id) {	/* it is the name of the theme just created */
			theme_seen(p, id);
			continue;
		}
		{
			struct sval v[] = { SVI(id), SVS(name), SVS(source(p, it)) };
			if ((rc = imp_write(p->c, it->first, STMT_THEME_ALIAS_ADD, v, 3)) != LUP_OK)
				return rc;
		}
		theme_seen(p, id);
		aliases++;
	}
	{
		char buf[300];
		snprintf(buf, sizeof(buf), "%d names, %d new aliases (%s)", it->nnames, aliases, x->key);
		it->detail = arena_strdup(p->a, buf);
	}
	return LUP_OK;
}

/* ---- areas, measures, partners, activities ------------------------------------------------- */

static int area_in(struct ap *p, struct dist *x, const char *name, int64_t *id)
{
	struct sval v[] = { SVI(x->id), SVS(name) };

	return lookup(p, STMT_IMP_LUP_AREA_IN_DISTRICT, v, 2, id);
}

/* link_area: prioritises area in x's LUP unless it is already. */
static int link_area(struct ap *p, struct lup_item *it, struct dist *x, int64_t area, const char *written)
{
	struct sval e[] = { SVI(x->pv), SVI(area) };
	int64_t there;
	int rc;

	for (int i = 0; i < p->nareas_seen; i++)
		if (p->areas_seen[2 * i] == x->pv && p->areas_seen[2 * i + 1] == area)
			return LUP_OK;
	if (p->nareas_seen < LUP_MAX_BLOCKS * 8) {
		p->areas_seen[2 * p->nareas_seen] = x->pv;
		p->areas_seen[2 * p->nareas_seen++ + 1] = area;
	}
	imp_count(p->c, K_PAREAS, 1);
	if ((rc = lookup(p, STMT_IMP_LUP_PAREA_EXISTS, e, 2, &there)) != LUP_OK || there)
		return rc;
	{
		struct sval v[] = { SVI(x->pv), SVI(area), SVS(written), SVS(source(p, it)) };
		return imp_write(p->c, it->first, STMT_PAREA_UPSERT, v, 4);
	}
}

/* one_area: the areas name stands for ("A/B": each part when every part is an area). */
static int one_area(struct ap *p, struct lup_item *it, struct dist *x, const char *name, struct buf *out)
{
	int64_t ids[16], id;
	int n = 0, rc;
	char *copy = arena_strdup(p->a, name), *save = NULL;

	if (strchr(name, '/')) {
		for (char *part = strtok_r(copy, "/", &save); part && n < 16; part = strtok_r(NULL, "/", &save)) {
			while (*part == ' ')
				part++;
			if ((rc = area_in(p, x, part, &id)) != LUP_OK)
				return rc;
			if (!id) {
				n = 0;
				break;
			}
			ids[n++] = id;
		}
	}
	if (!n) {
		if ((rc = area_in(p, x, name, &id)) != LUP_OK)
			return rc;
		if (id)
			ids[n++] = id;
	}
	if (!n) {
		struct sval v = SVS(name);
		if ((rc = lookup(p, STMT_AREA_ID_LOOSE, &v, 1, &id)) != LUP_OK)
			return rc;
		imp_warn(p->c, it->first, id ? "området '%s' ligger utanför %s: prioriteras inte" :
			 "okänd plats '%s' (inget område i %s): prioriteras inte", name, x->name);
		buf_addf(out, "%s'%s' (unknown)", out->len ? "; " : "", name);
		return LUP_OK;
	}
	for (int i = 0; i < n; i++)
		if ((rc = link_area(p, it, x, ids[i], name)) != LUP_OK)
			return rc;
	buf_addf(out, "%s%s", out->len ? "; " : "", name);
	return LUP_OK;
}

static int do_areas(struct ap *p, struct lup_item *it, struct dist *x)
{
	struct buf b;
	int rc = LUP_OK;

	if ((rc = ensure_lup(p, it->first, x)) != LUP_OK)
		return rc;
	buf_init(&b, 1 << 16);
	for (int j = 0; j < it->nnames && rc == LUP_OK; j++)
		rc = one_area(p, it, x, it->names[j], &b);
	if (rc == LUP_OK && it->n && !it->nnames) {
		struct sval v = SVI(x->id);
		struct rows rs;
		if ((rc = query(p, STMT_IMP_LUP_NEIGHBOURHOODS, &v, 1, &rs)) == LUP_OK) {
			for (int i = 0; i < rs.n && rc == LUP_OK; i++)
				rc = link_area(p, it, x, rs.v[i].n[0], NULL);
			buf_addf(&b, "every neighbourhood of %s (%d)", x->name, rs.n);
		}
	}
	if (rc == LUP_OK)
		it->detail = arena_strdup(p->a, b.len ? b.ptr : "none");
	buf_release(&b);
	return rc;
}

/* other_measures: whether x's LUP holds measures this importer did not write (then the
 * document's measures, the same text split and worded otherwise, would stand next to them). */
static int other_measures(struct ap *p, struct dist *x, int *yes)
{
	char prefix[400];
	int rc;

	if (!x->checked) {
		snprintf(prefix, sizeof(prefix), "lup-%s-m-", x->key);
		struct sval v[] = { SVI(x->pv), SVS(prefix) };
		if ((rc = lookup(p, STMT_IMP_LUP_OTHER_MEASURES, v, 2, &x->others)) != LUP_OK)
			return rc;
		x->checked = 1;
	}
	*yes = x->others > 0;
	return LUP_OK;
}

/* ---- identity: a row is matched by what it is, never by its position in the document ---- */

static int used(const int64_t *v, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (v[i] == id)
			return 1;
	return 0;
}

/* match_title: the row of rs (id, title) whose title is title: as written, else folded (case,
 * accents, punctuation, spacing), else OCR-tolerantly when only one row is that close; rows in
 * skip (already taken by this document) are passed over, so a document naming the same thing
 * twice keeps two rows. 0 when none. */
static int64_t match_title(struct ap *p, const struct rows *rs, const char *title, const int64_t *skip,
			   int nskip)
{
	char *f = imp_lup_fold(p->a, title);
	int64_t found = 0;

	for (int i = 0; i < rs->n; i++)
		if (rs->v[i].s[1] && strcmp(rs->v[i].s[1], title) == 0 && !used(skip, nskip, rs->v[i].n[0]))
			return rs->v[i].n[0];
	for (int i = 0; i < rs->n; i++)
		if (rs->v[i].s[1] && strcmp(imp_lup_fold(p->a, rs->v[i].s[1]), f) == 0 &&
		    !used(skip, nskip, rs->v[i].n[0]))
			return rs->v[i].n[0];
	for (int i = 0; i < rs->n; i++) {
		if (!rs->v[i].s[1] || used(skip, nskip, rs->v[i].n[0]) ||
		    !imp_lup_similar(imp_lup_fold(p->a, rs->v[i].s[1]), f))
			continue;
		if (found)
			return 0;	/* ambiguous: a new row rather than a guess */
		found = rs->v[i].n[0];
	}
	return found;
}

/* words_in: whether folded fa occurs in folded fb as whole words. */
static int words_in(const char *fa, const char *fb)
{
	size_t n = strlen(fa);

	for (const char *s = fb; n && (s = strstr(s, fa)); s++)
		if ((s == fb || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
			return 1;
	return 0;
}

/* match_within: the one row of rs whose folded title holds title's as whole words or is held
 * by it ("Nattvandring" and "Nattvandring, Lugna gatansamarbete och Trygghetsmöten"): the same
 * thing written shorter or longer. The shorter must be at least 12 characters folded, so that a
 * word such as "Trygghet" matches nothing; 0 when none or more than one. Rows already taken are
 * not passed over: a document may split into several what another source wrote as one. */
static int64_t match_within(struct ap *p, const struct rows *rs, const char *title)
{
	char *f = imp_lup_fold(p->a, title);
	int64_t found = 0;

	for (int i = 0; i < rs->n; i++) {
		char *g;
		if (!rs->v[i].s[1])
			continue;
		g = imp_lup_fold(p->a, rs->v[i].s[1]);
		if (!(strlen(f) <= strlen(g) ? strlen(f) >= 12 && words_in(f, g) : strlen(g) >= 12 && words_in(g, f)))
			continue;
		if (found && found != rs->v[i].n[0])
			return 0;
		found = rs->v[i].n[0];
	}
	return found;
}

/* prov: records where row id of entity came from: always for a row this import made or changed
 * (fresh), else only when the row has no provenance yet (a dataset row the document also names),
 * so that importing another document naming the same row does not move its source back and
 * forth. */
static int prov(struct ap *p, const char *entity, int64_t id, const struct lup_item *it, int fresh)
{
	int64_t has = 0;
	int rc;

	if (!fresh) {
		struct sval v[] = { SVS(entity), SVI(id) };
		if ((rc = lookup(p, STMT_IMP_LUP_PROV_HAS, v, 2, &has)) != LUP_OK || has)
			return rc;
	}
	return imp_prov(p->c, entity, id, it->first, it->last);
}

/* next_number: the next free number of keys prefix<N> (stmt: the table's KEY_NEXT) into *next. */
static int next_number(struct ap *p, enum stmt s, const char *prefix, int64_t *next)
{
	struct sval v = SVS(prefix);
	int rc;

	if (*next)
		return LUP_OK;
	if ((rc = lookup(p, s, &v, 1, next)) != LUP_OK)
		return rc;
	return LUP_OK;
}

/* goal_lead: the length of the first sentence of text when it states a goal ("Ett långsiktigt
 * mål är att ...", "Kortsiktiga mål är att ...", "Målet är att ..."), else 0; *horizon 'long'
 * or '5y' when the sentence says which. */
static size_t goal_lead(struct ap *p, const char *text, const char **horizon)
{
	static const char *const long_[] = { "ett langsiktigt mal ar", "langsiktiga mal ar",
					     "det langsiktiga malet ar", NULL };
	static const char *const short_[] = { "ett kortsiktigt mal ar", "kortsiktiga mal ar",
					      "det kortsiktiga malet ar", NULL };
	static const char *const plain[] = { "malet ar att", "ett mal ar att", "malsattningen ar att",
					     "vart mal ar att", "malen ar att", "det overgripande malet ar", NULL };
	char *f = imp_lup_fold(p->a, text);
	const char *dot;
	int hit = 0;

	*horizon = NULL;
	for (int i = 0; long_[i] && !hit; i++)
		if (strncmp(f, long_[i], strlen(long_[i])) == 0)
			hit = 1, *horizon = "long";
	for (int i = 0; short_[i] && !hit; i++)
		if (strncmp(f, short_[i], strlen(short_[i])) == 0)
			hit = 1, *horizon = "5y";
	for (int i = 0; plain[i] && !hit; i++)
		if (strncmp(f, plain[i], strlen(plain[i])) == 0)
			hit = 1;
	if (!hit)
		return 0;
	for (dot = text; (dot = strchr(dot, '.')); dot++)
		if (dot[1] == '\0' || (dot[1] == ' ' && imp_lup_upper_first(dot + 2)))
			return (size_t)(dot - text) + 1;
	return strlen(text);
}

/* do_goal: the goal statement (first n bytes of text) becomes an LUP goal of x's LUP (level
 * 'lup', keyed lup-<district>-g-NN, matched by its wording). */
static int do_goal(struct ap *p, struct lup_item *it, struct dist *x, const char *title, const char *horizon,
		   int64_t tid)
{
	char key[400], prefix[300];
	struct rows rs;
	int64_t gid, n = 0;
	int rc, fresh = 0, y = p->c->year ? p->c->year : p->d->year;

	{
		struct sval v = SVI(x->pv);
		if ((rc = query(p, STMT_IMP_LUP_GOAL_CANDIDATES, &v, 1, &rs)) != LUP_OK)
			return rc;
	}
	if (!(gid = match_title(p, &rs, title, NULL, 0))) {
		snprintf(prefix, sizeof(prefix), "lup-%s-g-", x->key);
		if ((rc = next_number(p, STMT_IMP_LUP_KEY_NEXT_GOAL, prefix, &n)) != LUP_OK)
			return rc;
		if (x->number)
			snprintf(key, sizeof(key), "%s%02lld-v%d", prefix, (long long)n + 1, x->number);
		else
			snprintf(key, sizeof(key), "%s%02lld", prefix, (long long)n + 1);
		struct sval v[] = { SVS(key), SVI(x->committee), SVI(x->pv), SVS("lup"), SVNULL, SVNULL,
				    SVS(title), SVNULL, y ? SVI(y) : SVNULL, SVID(tid), SVNULL, SVNULL, SVNULL,
				    SVNULL, SVS(source(p, it)) };
		struct sval k = SVS(key);
		if ((rc = imp_write(p->c, it->first, STMT_GOAL_UPSERT, v, 15)) != LUP_OK ||
		    (rc = lookup(p, STMT_GOAL_ID, &k, 1, &gid)) != LUP_OK)
			return rc;
		if (horizon) {
			struct sval h[] = { SVI(gid), SVS(horizon) };
			if ((rc = imp_write(p->c, it->first, STMT_IMP_LUP_GOAL_HORIZON, h, 2)) != LUP_OK)
				return rc;
		}
		fresh = 1;
	}
	imp_count(p->c, K_GOALS, 1);
	return prov(p, "goal", gid, it, fresh);
}

/* do_measure: a prioritised measure of x's LUP, matched by its title among the LUP's measures
 * (updated: a missing description filled), else added with the next free key lup-<d>-m-NN. A
 * paragraph that opens with a goal statement gives an LUP goal (do_goal) and the rest, if any,
 * is the measure. */
static int do_measure(struct ap *p, struct lup_item *it, struct dist *x)
{
	char key[400], prefix[300];
	int64_t mid, tid = it->theme >= 0 ? p->d->items[it->theme].id : 0;
	const char *title = it->text, *body = it->body, *horizon;
	size_t lead;
	int rc, others, fresh = 0;
	struct rows rs;

	if ((rc = ensure_lup(p, it->first, x)) != LUP_OK || (rc = other_measures(p, x, &others)) != LUP_OK)
		return rc;
	if (others) {	/* its goals too: the other source wrote the LUP's goals as well */
		x->left_out++;
		it->detail = "not added: the LUP has measures from another source";
		return LUP_OK;
	}
	if ((lead = goal_lead(p, it->text, &horizon))) {
		char *g = arena_strdup(p->a, it->text);
		g[lead] = '\0';
		if ((rc = do_goal(p, it, x, g, horizon, tid)) != LUP_OK)
			return rc;
		/* the paragraph (body, which opens with the title sentence) without the goal */
		const char *rest = body && strncmp(body, g, lead) == 0 ? body + lead : it->text + lead;
		while (*rest == ' ' || *rest == '\n')
			rest++;
		if (!*rest) {
			it->what = "lup goal";
			it->detail = cut(p, g);
			return LUP_OK;
		}
		title = imp_lup_first_sentence(p->a, rest, 250);
		body = rest;
	}
	if (x->nmeasures >= MAX_PER_PLAN)
		return err_set(p->c->e, LUP_ETOOBIG, "%s:%d: fler än %d åtgärder för %s",
			       p->c->path, it->first, MAX_PER_PLAN, x->name);
	{
		struct sval v = SVI(x->pv);
		if ((rc = query(p, STMT_IMP_LUP_MEASURE_CANDIDATES, &v, 1, &rs)) != LUP_OK)
			return rc;
	}
	x->nmeasures++;
	if ((mid = match_title(p, &rs, title, p->used_measures, p->nused_measures))) {
		struct sval v[] = { SVI(mid), SVS(body) };
		int before = p->c->r->changed;
		if ((rc = imp_write(p->c, it->first, STMT_IMP_LUP_MEASURE_MERGE, v, 2)) != LUP_OK)
			return rc;
		fresh = p->c->r->changed > before;
		snprintf(key, sizeof(key), "%s", "(existing)");
	} else {
		int64_t ord;
		struct sval pv = SVI(x->pv);
		snprintf(prefix, sizeof(prefix), "lup-%s-m-", x->key);
		if ((rc = next_number(p, STMT_IMP_LUP_KEY_NEXT_MEASURE, prefix, &x->mnext)) != LUP_OK ||
		    (rc = lookup(p, STMT_IMP_LUP_MEASURE_NEXT_ORD, &pv, 1, &ord)) != LUP_OK)
			return rc;
		/* in a draft a scoped import made, the key of the draft's copy (edit/plan-version.h: ID-vN) */
		if (x->number)
			snprintf(key, sizeof(key), "%s%02lld-v%d", prefix, (long long)++x->mnext, x->number);
		else
			snprintf(key, sizeof(key), "%s%02lld", prefix, (long long)++x->mnext);
		struct sval v[] = { SVS(key), SVI(x->pv), SVI(ord), SVS(title), SVS(body),
				    SVNULL, SVNULL, SVS(source(p, it)) };
		struct sval k = SVS(key);
		if ((rc = imp_write(p->c, it->first, STMT_MEASURE_UPSERT, v, 8)) != LUP_OK ||
		    (rc = lookup(p, STMT_MEASURE_ID, &k, 1, &mid)) != LUP_OK)
			return rc;
		fresh = 1;
	}
	p->used_measures[p->nused_measures++] = mid;
	if (tid) {
		struct sval v[] = { SVI(mid), SVI(tid) };
		if ((rc = imp_write(p->c, it->first, STMT_MEASURE_THEME_ADD, v, 2)) != LUP_OK)
			return rc;
	}
	if ((rc = prov(p, "measure", mid, it, fresh)) != LUP_OK)
		return rc;
	imp_count(p->c, K_MEASURES, 1);
	{
		char buf[600];
		snprintf(buf, sizeof(buf), "%s: %s", key, cut(p, title));
		it->detail = arena_strdup(p->a, buf);
	}
	return LUP_OK;
}

/* partner_known: an intended partner of the version with the same organisation or label. */
static int partner_known(struct ap *p, const struct rows *rs, int64_t org, const char *label)
{
	char *f = imp_lup_fold(p->a, label);

	for (int i = 0; i < rs->n; i++)
		if ((org && rs->v[i].n[1] == org) || strcmp(rs->v[i].s[2], label) == 0 ||
		    imp_lup_similar(imp_lup_fold(p->a, rs->v[i].s[2]), f))
			return 1;
	return 0;
}

static int one_partner(struct ap *p, struct lup_item *it, struct dist *x, struct rows *rs,
		       const char *label, struct buf *out)
{
	const char *grp = it->grp, *okey = NULL, *oname, *okind = NULL;
	int64_t org;
	int rc;

	if ((rc = resolve_org(p, label, &org)) != LUP_OK)
		return rc;
	if (org && (rc = org_info(p, org, &okey, &oname, &okind)) != LUP_OK)
		return rc;
	if (!grp)
		grp = org ? imp_lup_group_of_kind(okind) : imp_lup_group_guess(p->a, label);
	imp_count(p->c, K_PARTNERS, 1);
	buf_addf(out, "%s%s%s%s", out->len ? "; " : "", label, org ? " = " : "", org ? okey : "");
	if (partner_known(p, rs, org, label))
		return LUP_OK;
	{
		struct sval v[] = { SVI(x->pv), SVID(org), SVS(grp), SVS(label), SVS(source(p, it)) };
		if ((rc = imp_write(p->c, it->first, STMT_PARTNER_UPSERT, v, 5)) != LUP_OK)
			return rc;
	}
	{
		struct sval v = SVI(x->pv);
		return query(p, STMT_IMP_LUP_PARTNERS, &v, 1, rs);
	}
}

static int do_partners(struct ap *p, struct lup_item *it, struct dist *x)
{
	struct rows rs;
	struct buf b;
	struct sval v;
	int rc;

	if ((rc = ensure_lup(p, it->first, x)) != LUP_OK)
		return rc;
	v = SVI(x->pv);
	if ((rc = query(p, STMT_IMP_LUP_PARTNERS, &v, 1, &rs)) != LUP_OK)
		return rc;
	buf_init(&b, 1 << 16);
	for (int j = 0; j < it->nnames && rc == LUP_OK; j++)
		rc = one_partner(p, it, x, &rs, it->names[j], &b);
	if (rc == LUP_OK)
		it->detail = arena_strdup(p->a, b.ptr);
	buf_release(&b);
	return rc;
}

/* do_activity: a planned activity of the contributing organisation, matched by what it is (its
 * owner, its district and its title) among the contribution plan's activities: an existing one
 * is updated only where it lacks what the document says (description, role, theme) and never
 * re-linked; else it is added with the next free key <plan>-a-NNN. */
static int do_activity(struct ap *p, struct lup_item *it, struct dist *x)
{
	char key[440], prefix[400], *all;
	const char *role, *status;
	int64_t aid, tid = it->theme >= 0 ? p->d->items[it->theme].id : 0;
	size_t n = strlen(it->text) + (it->body ? strlen(it->body) : 0) + 2;
	struct rows rs;
	int rc, fresh = 0, matched = 0;

	if ((rc = ensure_cplan(p, it->first)) != LUP_OK)
		return rc;
	if (p->nacts >= MAX_PER_PLAN)
		return err_set(p->c->e, LUP_ETOOBIG, "%s:%d: fler än %d aktiviteter", p->c->path,
			       it->first, MAX_PER_PLAN);
	p->nacts++;
	all = arena_alloc(p->a, n + 1);
	snprintf(all, n + 1, "%s %s", it->text, it->body ? it->body : "");
	role = imp_lup_role(p->a, all, imp_lup_fold(p->a, p->org_name));
	status = imp_lup_status(p->a, all);
	{
		struct sval v[] = { SVI(p->cpv), SVI(p->org), SVI(x ? x->id : 0) };
		if ((rc = query(p, STMT_IMP_LUP_ACT_CANDIDATES, v, 3, &rs)) != LUP_OK)
			return rc;
	}
	if ((aid = match_title(p, &rs, it->text, p->used_acts, p->nused_acts)) ||
	    (aid = match_within(p, &rs, it->text))) {
		struct sval v[] = { SVI(aid), SVS(it->body), SVS(role), SVID(tid) };
		int before = p->c->r->changed;
		if ((rc = imp_write(p->c, it->first, STMT_IMP_LUP_ACT_MERGE, v, 4)) != LUP_OK)
			return rc;
		fresh = p->c->r->changed > before;
		matched = 1;
		snprintf(key, sizeof(key), "(existing)");
	} else {
		snprintf(prefix, sizeof(prefix), "%s-a-", p->cplan_key);
		if ((rc = next_number(p, STMT_IMP_LUP_KEY_NEXT_ACT, prefix, &p->anext)) != LUP_OK)
			return rc;
		if (p->cnumber)
			snprintf(key, sizeof(key), "%s%03lld-v%d", prefix, (long long)++p->anext, p->cnumber);
		else
			snprintf(key, sizeof(key), "%s%03lld", prefix, (long long)++p->anext);
		struct sval v[] = { SVS(key), SVI(p->cpv), SVI(p->org), SVS(it->text), SVS(it->body),
				    SVNULL, SVNULL, SVNULL, SVS("open"), SVNULL, SVNULL, SVNULL, SVS("open"),
				    SVS(status), SVS(role), SVNULL, SVID(tid), SVNULL, SVS(source(p, it)) };
		struct sval k = SVS(key);
		if ((rc = imp_write(p->c, it->first, STMT_ACTIVITY_UPSERT, v, 19)) != LUP_OK ||
		    (rc = lookup(p, STMT_ACTIVITY_ID, &k, 1, &aid)) != LUP_OK)
			return rc;
		fresh = 1;
		if (x) {
			struct sval d[] = { SVI(aid), SVI(x->id) };
			if ((rc = imp_write(p->c, it->first, STMT_ACTIVITY_DISTRICT_ADD, d, 2)) != LUP_OK)
				return rc;
		}
	}
	if (!used(p->used_acts, p->nused_acts, aid))
		p->used_acts[p->nused_acts++] = aid;
	if ((rc = prov(p, "activity", aid, it, fresh)) != LUP_OK)
		return rc;
	imp_count(p->c, K_ACTIVITIES, 1);
	{
		char buf[700];
		snprintf(buf, sizeof(buf), "%s: %s (role %s, %s%s%s)%s", key, cut(p, it->text),
			 role ? role : "not stated", status, x ? ", " : "", x ? x->key : "",
			 matched ? (fresh ? " updated" : " unchanged") : "");
		it->detail = arena_strdup(p->a, buf);
	}
	return LUP_OK;
}

/* do_standing: prose in a district block of a contribution plan saying that the district's
 * committee waits with the cooperation ("Har valt att avvakta samarbetet med ...") or declined it
 * is held as the district's status in the contribution plan (contribution_district, 0020),
 * with the sentence as its note. Other prose is left as it is. */
static int do_standing(struct ap *p, struct lup_item *it, struct dist *x)
{
	const char *text = it->body ? it->body : it->text, *status = NULL;
	char *f;
	int rc;

	if (!x || it->block < 0 || p->d->is_lup || !p->org || !text)
		return LUP_OK;
	f = imp_lup_fold(p->a, text);
	if (strstr(f, "avvakta"))
		status = "waiting";
	else if (strstr(f, "avbojt") || strstr(f, "tackat nej"))
		status = "declined";
	if (!status)
		return LUP_OK;
	if ((rc = ensure_cplan(p, it->first)) != LUP_OK)
		return rc;
	{
		struct sval v[] = { SVI(p->cpv), SVI(x->id), SVS(status), SVS(text), SVS(source(p, it)) };
		if ((rc = imp_write(p->c, it->first, STMT_IMP_LUP_CONTRIB_STATUS, v, 5)) != LUP_OK)
			return rc;
	}
	p->nstanding++;
	it->what = "district status";
	{
		char buf[400];
		snprintf(buf, sizeof(buf), "%s in %s: %s", x->key, p->cplan_key, status);
		it->detail = arena_strdup(p->a, buf);
	}
	return LUP_OK;
}

static int do_section(struct ap *p, struct lup_item *it)
{
	const struct lup_section *sec = &p->d->secs[it->sec];
	struct dist *x = p->docdist >= 0 ? &p->dists[p->docdist] : NULL;
	int rc;

	if (!x)
		return imp_fail(p->c, it->first, "kan inte avgöra vilket stadsdelsområdes LUP detta är: ange"
				" --org med stadsdelsområdet eller dess nämnd");
	if ((rc = ensure_lup(p, it->first, x)) != LUP_OK)
		return rc;
	{
		struct sval v[] = { SVI(x->pv), SVI(sec->ord), SVS(sec->title), SVS(sec->body),
				    SVS(source(p, it)) };
		if ((rc = imp_write(p->c, it->first, STMT_SECTION_UPSERT, v, 5)) != LUP_OK)
			return rc;
	}
	p->nsections++;
	{
		char buf[600];
		snprintf(buf, sizeof(buf), "%d %s (lup_section %d of lup-%s, %zu bytes of text)", sec->ord,
			 cut(p, sec->written), sec->ord, x->key, strlen(sec->body));
		it->detail = arena_strdup(p->a, buf);
	}
	return LUP_OK;
}

/* ---- the walk --------------------------------------------------------------------------- */

/* resolve_blocks: the district of every block and of the document. */
static int resolve_blocks(struct ap *p)
{
	int need_doc = p->d->nsecs > 0, rc;
	int64_t id;

	p->docdist = -1;
	for (int b = 0; b < p->d->nblocks; b++) {
		const struct lup_block *bl = &p->d->blocks[b];
		p->bdist[b] = -1;
		if (!bl->district) {
			need_doc = 1;
			continue;
		}
		if ((rc = find_district(p, bl->district, &id)) != LUP_OK)
			return rc;
		if (id && (rc = dist_add(p, id, &p->bdist[b])) != LUP_OK)
			return rc;
	}
	if (!need_doc)
		return LUP_OK;
	if ((rc = doc_district(p, &id)) != LUP_OK)
		return rc;
	if (id && (rc = dist_add(p, id, &p->docdist)) != LUP_OK)
		return rc;
	for (int b = 0; b < p->d->nblocks; b++)
		if (!p->d->blocks[b].district)
			p->bdist[b] = p->docdist;
	return LUP_OK;
}

static int resolve_org_of_doc(struct ap *p)
{
	int rc;

	if (p->c->org) {
		if ((rc = resolve_org(p, p->c->org, &p->org)) != LUP_OK)
			return rc;
		if (!p->org)
			return imp_fail(p->c, 0, "okänd organisation '%s' (--org): ange en organisations nyckel,"
					" namn eller alias", p->c->org);
	}
	for (int i = 0; i < p->d->norgs && !p->org; i++) {
		if ((rc = imp_org(p->c, p->d->orgs[i], &p->org)) != LUP_OK) {
			err_prefix(p->c->e, "%s: ", p->c->path);
			return rc;
		}
	}
	if (p->org)
		return org_info(p, p->org, &p->org_key, &p->org_name, NULL);
	return LUP_OK;
}

static void count_districts(struct ap *p)
{
	for (int i = 0; i < p->ndists; i++) {
		int used = p->docdist == i;
		for (int b = 0; b < p->d->nblocks && !used; b++)
			used = p->bdist[b] == i;
		if (used)
			imp_count(p->c, K_DISTRICTS, 1);
	}
}

static int do_item(struct ap *p, struct lup_item *it)
{
	struct dist *x = item_dist(p, it);

	if (it->block >= 0 && !x) {
		it->what = "skipped: unknown district";
		it->detail = cut(p, it->text);
		return LUP_OK;
	}
	switch (it->kind) {
	case LI_THEME:
	case LI_THEME_REF:
		return it->id ? LUP_OK : do_theme(p, it, x);	/* done early for theme names */
	case LI_THEME_NAMES:
		return do_theme_names(p, it, x);
	case LI_AREAS:
		return do_areas(p, it, x);
	case LI_MEASURE:
		return do_measure(p, it, x);
	case LI_PARTNERS:
		return do_partners(p, it, x);
	case LI_ACTIVITY:
		return do_activity(p, it, x);
	case LI_SECTION:
		return do_section(p, it);
	case LI_PROSE:
		return do_standing(p, it, x);
	case LI_EXTRA:
		imp_warn(p->c, it->first, "prioriteringar utanför temana importeras inte: %s",
			 cut(p, it->text));
		return LUP_OK;
	default:
		return LUP_OK;
	}
}

/* label: the trace label of an item (once written). */
static void label(struct ap *p, struct lup_item *it)
{
	char buf[300];

	if (it->what)
		return;
	switch (it->kind) {
	case LI_SKIP:
		snprintf(buf, sizeof(buf), "skipped: %s", it->text);
		it->what = arena_strdup(p->a, buf);
		it->detail = "";
		return;
	case LI_PROSE:
		it->what = it->sec >= 0 ? "section body" : "skipped: prose";
		break;
	case LI_EXTRA:
		it->what = "skipped: extra priorities";
		break;
	case LI_DISTRICT: {
		struct dist *x = item_dist(p, it);
		it->what = x ? "district" : "skipped: unknown district";
		if (x) {
			snprintf(buf, sizeof(buf), "%s (%s)", it->text, x->key);
			it->detail = arena_strdup(p->a, buf);
		}
		break;
	}
	case LI_COUNT:
		snprintf(buf, sizeof(buf), "%d", it->n);
		it->detail = arena_strdup(p->a, buf);
		/* fall through */
	default:
		it->what = imp_lup_kind_name(it->kind);
		break;
	}
	if (!it->detail)
		it->detail = cut(p, it->text ? it->text : "");
}

/* check_counts: the number of themes a district block states against those found. */
static void check_counts(struct ap *p)
{
	int nb = p->d->nblocks;
	int *stated = arena_alloc(p->a, sizeof(int) * (size_t)(3 * nb + 1)), *line = stated + nb,
	    *found = line + nb;

	for (int b = 0; b < nb; b++)
		stated[b] = -1;
	for (int i = 0; i < p->d->nitems; i++) {
		const struct lup_item *it = &p->d->items[i];
		if (it->block < 0)
			continue;
		if (it->kind == LI_COUNT)
			stated[it->block] = it->n, line[it->block] = it->first;
		if (it->kind == LI_THEME || it->kind == LI_THEME_REF)
			found[it->block]++;
	}
	for (int b = 0; b < nb; b++)
		if (stated[b] >= 0 && p->bdist[b] >= 0 && p->d->blocks[b].kind == LUP_K_THEMES &&
		    stated[b] != found[b])
			imp_warn(p->c, line[b], "texten säger %d teman; %d hittades", stated[b], found[b]);
}

/* check_stale: the measures left out for an LUP with measures from elsewhere, and the
 * activities of the contribution plan this document does not name, which are kept as they are
 * (warnings: a document never removes or re-parents what it does not name). */
static int check_stale(struct ap *p)
{
	int64_t n;
	int rc;

	for (int i = 0; i < p->ndists; i++) {
		struct dist *x = &p->dists[i];
		if (x->left_out)
			imp_warn(p->c, 0, "lup-%s har redan %lld åtgärd(er) från en annan källa (till exempel"
				 " datasetet): dokumentets %d åtgärd(er) för %s läggs inte till", x->key,
				 (long long)x->others, x->left_out, x->name);
	}
	if (p->nacts) {
		struct sval v[] = { SVI(p->cpv), SVI(p->org) };
		if ((rc = lookup(p, STMT_IMP_LUP_ACT_COUNT, v, 2, &n)) != LUP_OK)
			return rc;
		if (n > p->nused_acts)
			imp_warn(p->c, 0, "%s har %lld aktivitet(er) som dokumentet inte nämner: de behålls"
				 " oförändrade", p->cplan_key, (long long)(n - p->nused_acts));
	}
	return LUP_OK;
}

/* substance: LUP_OK when the document gave the database something (a theme, area, measure,
 * goal, partner, activity or section, new or already there); else fails saying why. */
static int substance(struct ap *p)
{
	const long *k = p->c->r->counts;
	struct buf b;
	int named = 0, rc;

	if (k[K_THEMES] || k[K_PAREAS] || k[K_MEASURES] || k[K_PARTNERS] || k[K_ACTIVITIES] ||
	    k[K_GOALS] || p->nsections || p->nstanding)
		return LUP_OK;
	if (p->ndists)
		return imp_fail(p->c, 0, "inget importerades: dokumentet nämner stadsdelsområden som finns i"
				" databasen men inga teman, områden, åtgärder, mål, samverkanspartner eller"
				" aktiviteter för dem");
	buf_init(&b, 4096);
	for (int i = 0; i < p->d->nblocks; i++) {
		const char *dn = p->d->blocks[i].district;
		int dup = 0;
		for (int j = 0; j < i && dn && !dup; j++)
			dup = p->d->blocks[j].district && strcmp(p->d->blocks[j].district, dn) == 0;
		if (dn && !dup && named++ < 8)
			buf_addf(&b, "%s%s", b.len ? ", " : "", dn);
	}
	if (named)
		rc = imp_fail(p->c, 0, "inget importerades: inget av dokumentets %d stadsdelsområden (%s%s) finns"
			      " i databasen; lägg först in stadens organisationer och områden (till exempel med"
			      " lup demo)", named, b.ptr, named > 8 ? ", …" : "");
	else
		rc = imp_fail(p->c, 0, "inget importerades: dokumentet nämner inget stadsdelsområde som finns i"
			      " databasen");
	buf_release(&b);
	return rc;
}

/* trace: one entry per run of lines owned by one item. */
static void trace(struct ap *p)
{
	const struct lup_doc *d = p->d;

	for (int l = 0; l < d->nlines; ) {
		int o = d->owner[l], e = l;
		const struct lup_item *it;
		while (e + 1 < d->nlines && d->owner[e + 1] == o)
			e++;
		if (o >= 0) {
			it = &d->items[o];
			imp_trace(p->c, l + 1, e + 1, it->what, "%s%s", p->traced[o]++ ? "(continued) " : "",
				  it->detail ? it->detail : "");
		}
		l = e + 1;
	}
}

/* structure_found: whether the document holds anything the importer reads. */
static int structure_found(const struct lup_doc *d)
{
	if (d->nsecs || d->nblocks)
		return 1;
	return 0;
}

static int apply(struct ap *p)
{
	int rc;

	if ((rc = resolve_org_of_doc(p)) != LUP_OK || (rc = resolve_blocks(p)) != LUP_OK)
		return rc;
	for (int b = 0; b < p->d->nblocks; b++) {
		int line = 0;
		if (p->bdist[b] >= 0)
			continue;
		for (int i = 0; i < p->d->nitems && !line; i++)
			if (p->d->items[i].block == b)
				line = p->d->items[i].first;
		if (!p->d->blocks[b].district)
			return imp_fail(p->c, line, "kan inte avgöra vilket stadsdelsområdes LUP detta är: ange"
					" --org med stadsdelsområdet eller dess nämnd");
		imp_warn(p->c, line, "'%s' är inget känt stadsdelsområde: dess rader hoppas över",
			 p->d->blocks[b].district);
	}
	count_districts(p);
	for (int i = 0; i < p->d->nitems; i++) {
		if ((rc = do_item(p, &p->d->items[i])) != LUP_OK)
			return rc;
		label(p, &p->d->items[i]);
		if ((i & 63) == 0)
			imp_progress(p->c, (size_t)i, (size_t)p->d->nitems);
	}
	check_counts(p);
	if ((rc = check_stale(p)) != LUP_OK || (rc = substance(p)) != LUP_OK)
		return rc;
	trace(p);
	return LUP_OK;
}

static int run(struct imp_ctx *c)
{
	struct imp_text t;
	struct lup_doc d;
	struct ap p = { .c = c, .d = &d, .a = c->a };
	const char *slash = strrchr(c->path, '/');
	int rc, text = 0;

	if ((rc = imp_read_text(c, &t)) != LUP_OK)
		return rc;
	for (int i = 0; i < t.nlines && !text; i++)
		text = strspn(t.lines[i], " \t\f\v") < strlen(t.lines[i]);
	if (!text)
		return imp_fail(c, 0, "filen är tom: förväntade ett LUP eller en LUP-plan som text med"
				" numrerade avsnitt");
	if ((rc = imp_lup_parse(c, &t, &d)) != LUP_OK)
		return rc;
	if (!structure_found(&d) && d.tmpl_matches)
		return imp_fail(c, d.nlines, "bara %d avsnitt av LUP-mallen (1 Inledning ... 7 Metoder"
				" för att mäta måluppfyllelse) hittades, minst 3 väntades: är filen avkortad?",
				d.tmpl_matches);
	if (!structure_found(&d))
		return imp_fail(c, 1, "ingen LUP-struktur hittades: förväntade numrerade avsnitt som"
				" '3 Geografiska/tematiska prioriteringar', '3.1 <stadsdelsområde>', '5 Prioriterade"
				" åtgärder' eller '6 Planerade aktiviteter'");
	p.base = slash ? slash + 1 : c->path;
	p.dists = arena_alloc(c->a, sizeof(struct dist) * (size_t)(d.nblocks + 1));
	p.bdist = arena_alloc(c->a, sizeof(int) * (size_t)(d.nblocks + 1));
	p.themes_seen = arena_alloc(c->a, sizeof(int64_t) * (size_t)(d.nitems + LUP_MAX_NAMES));
	p.areas_seen = arena_alloc(c->a, sizeof(int64_t) * 2 * LUP_MAX_BLOCKS * 8);
	p.traced = arena_alloc(c->a, sizeof(int) * (size_t)(d.nitems + 1));
	p.used_acts = arena_alloc(c->a, sizeof(int64_t) * (size_t)(d.nitems + 1));
	p.used_measures = arena_alloc(c->a, sizeof(int64_t) * (size_t)(d.nitems + 1));
	return apply(&p);
}

const struct imp_kind imp_kind_lup = {
	"lup", keys, run,
	"an LUP (the 7 sections) or a specialist committee's LUP plan: districts, themes, areas,"
	" measures, partners, activities",
	1,	/* scoped: an editor writes only its own district's LUP (ensure_lup), into a draft */
};
