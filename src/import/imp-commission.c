/* imp-commission.c: the 'commission' importer: reads the document (imp-commission-parse.c)
 * and writes it (this file): reports and their spellings, recommendations, measures, each
 * administration (or its missing response), its responses with their parts, citations and
 * stance. docs/import-commission.md describes it. */
#include "import/imp-commission.h"
#include "core/buf.h"

#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {
	"administrations", "reports", "recommendations", "measures", "responses", NULL
};
enum { K_ADMINS, K_REPORTS, K_RECS, K_MEASURES, K_RESPONSES };

/* The database ids of what the document holds, by index in struct cm_doc. */
struct apply {
	struct imp_ctx *c;
	const struct cm_doc *d;
	const char *source;	/* the file's name, without its folder */
	int64_t *report, *rec, *measure, *org;
};

/* write: imp_write, and a trace line when it changed a row (the differences of a revision). */
static int write(struct apply *ap, int line, enum stmt s, const struct sval *args, int nargs,
		 const char *what, const char *detail)
{
	int before = ap->c->r->changed, rc = imp_write(ap->c, line, s, args, nargs);

	if (rc == LUP_OK && ap->c->r->changed != before && ap->c->trace)
		imp_trace(ap->c, line, line, "changed", "%s %s", what, detail ? detail : "");
	return rc;
}

/* id_of: runs lookup s; a row that an upsert just wrote must be there. */
static int id_of(struct apply *ap, int line, enum stmt s, const struct sval *args, int nargs, int64_t *id)
{
	int rc = imp_id(ap->c, s, args, nargs, id);

	if (rc == LUP_OK && !*id && ap->c->st)
		return imp_fail(ap->c, line, "a row just written cannot be found again (database changed "
				"by someone else?)");
	return rc;
}

/* write_reports: the reports and every spelling of them. */
static int write_reports(struct apply *ap)
{
	const struct cm_doc *d = ap->d;
	int rc;

	for (int r = 0; r < d->nreport; r++) {
		const struct cm_report *x = &d->report[r];
		struct sval up[] = { SVS(x->key), SVS(x->title), ap->c->year ? SVI(ap->c->year) : SVNULL,
				     SVS(ap->source) };
		struct sval k = SVS(x->key);
		if ((rc = write(ap, x->line, STMT_IMP_COMMISSION_REPORT_UPSERT, up, 4, "report", x->key)) ||
		    (rc = id_of(ap, x->line, STMT_IMP_COMMISSION_REPORT_ID, &k, 1, &ap->report[r])))
			return rc;
		for (int i = -1; i < x->nalias; i++) {
			struct sval al[] = { SVID(ap->report[r]), SVS(i < 0 ? x->title : x->alias[i]) };
			if ((rc = write(ap, x->line, STMT_IMP_COMMISSION_ALIAS_ADD, al, 2, "report alias", al[1].s)))
				return rc;
		}
	}
	return LUP_OK;
}

/* write_recs: the recommendations, keyed by (report, number). */
static int write_recs(struct apply *ap)
{
	const struct cm_doc *d = ap->d;
	int rc;

	for (int i = 0; i < d->nrec; i++) {
		const struct cm_rec *x = &d->rec[i];
		struct sval up[] = { SVID(ap->report[x->report]), SVS(x->number), SVS(x->text) };
		if ((rc = write(ap, x->line, STMT_IMP_COMMISSION_REC_UPSERT, up, 3, "recommendation", x->number)) ||
		    (rc = id_of(ap, x->line, STMT_IMP_COMMISSION_REC_ID, up, 2, &ap->rec[i])))
			return rc;
	}
	return LUP_OK;
}

/* write_measures: the measures, keyed by (report, number), linked to their recommendation. */
static int write_measures(struct apply *ap)
{
	const struct cm_doc *d = ap->d;
	int rc;

	for (int i = 0; i < d->nmeasure; i++) {
		const struct cm_measure *x = &d->measure[i];
		struct sval up[] = { SVID(ap->report[x->report]), SVS(x->number), SVS(x->title),
				     x->rec >= 0 ? SVID(ap->rec[x->rec]) : SVNULL };
		if ((rc = write(ap, x->line, STMT_IMP_COMMISSION_MEASURE_UPSERT, up, 4, "measure", x->number)) ||
		    (rc = id_of(ap, x->line, STMT_IMP_COMMISSION_MEASURE_ID, up, 2, &ap->measure[i])))
			return rc;
	}
	return LUP_OK;
}

/* district_name: the heading names a district administration ("... stadsdelsförvaltning"). */
static int district_name(const char *h)
{
	return strstr(h, "stadsdelsförvaltning") != NULL || strstr(h, "Stadsdelsförvaltning") != NULL;
}

/* create_org: an administration the database does not know becomes an organisation. */
static int create_org(struct apply *ap, const struct cm_admin *a, const char *name, int64_t *id)
{
	const char *kind = a->grp == CM_GRP_DISTRICT || district_name(a->heading) ? "district_admin" :
			   "specialist_admin";
	char key[128];
	int rc;

	imp_commission_slug(name, key, sizeof(key));
	{
		struct sval up[] = { SVS(key), SVS(name), SVS(kind), SVI(1), SVI(0), SVS(ap->source) };
		struct sval k = SVS(key);
		if ((rc = write(ap, a->line, STMT_ORG_UPSERT, up, 6, "organisation", key)) ||
		    (rc = id_of(ap, a->line, STMT_ORG_ID, &k, 1, id)))
			return rc;
	}
	if (strcmp(name, a->heading) != 0) {
		struct sval al[] = { SVID(*id), SVS(a->heading), SVS(ap->source) };
		if ((rc = write(ap, a->line, STMT_ORG_ALIAS_ADD, al, 3, "organisation alias", a->heading)))
			return rc;
	}
	imp_warn(ap->c, a->line, "administration '%s' is not in the database: created organisation '%s' (%s)",
		 a->heading, key, kind);
	return LUP_OK;
}

/* admin_org: the organisation of an administration's heading, by key, name or alias, by the
 * slug of its name, or for a district's bare name as "NAME stadsdelsförvaltning"; else new. */
static int admin_org(struct apply *ap, const struct cm_admin *a, int64_t *id)
{
	char key[128], name[256];
	struct sval k;
	int rc;

	if ((rc = imp_org(ap->c, a->heading, id)) || *id)
		return rc;
	imp_commission_slug(a->heading, key, sizeof(key));
	k = SVS(key);
	if ((rc = imp_id(ap->c, STMT_ORG_ID, &k, 1, id)) || *id)
		return rc;
	snprintf(name, sizeof(name), "%s", a->heading);
	if (a->grp == CM_GRP_DISTRICT && !district_name(a->heading)) {
		snprintf(name, sizeof(name), "%s stadsdelsförvaltning", a->heading);
		if ((rc = imp_org(ap->c, name, id)) || *id)
			return rc;
		imp_commission_slug(name, key, sizeof(key));
		k = SVS(key);
		if ((rc = imp_id(ap->c, STMT_ORG_ID, &k, 1, id)) || *id)
			return rc;
	}
	if (!ap->c->st) {
		*id = 0;
		return LUP_OK;
	}
	return create_org(ap, a, name, id);
}

/* grp_name: the value of commission_admin.grp. */
static const char *grp_name(enum cm_grp g)
{
	return g == CM_GRP_DISTRICT ? "district" : g == CM_GRP_SPECIALIST ? "specialist" : "none";
}

/* write_admin: administration i: its organisation, its row, the reports it names. */
static int write_admin(struct apply *ap, int i)
{
	const struct cm_admin *a = &ap->d->admin[i];
	int rc;

	if ((rc = admin_org(ap, a, &ap->org[i])))
		return rc;
	for (int j = 0; j < i && ap->c->st; j++)
		if (ap->org[j] == ap->org[i])
			return imp_fail(ap->c, a->line, "administration '%s' is the same organisation as '%s' "
					"at line %d: expected each administration once", a->heading,
					ap->d->admin[j].heading, ap->d->admin[j].line);
	{
		struct sval up[] = { SVID(ap->org[i]), SVS(grp_name(a->grp)), SVI(i + 1), SVS(a->heading),
				     SVI(a->no_response), SVS(a->marker), SVS(a->statement),
				     SVS(imp_commission_stance_name(a->stance)), SVS(a->phrase), SVS(ap->source) };
		if ((rc = write(ap, a->line, STMT_IMP_COMMISSION_ADMIN_UPSERT, up, 10, "administration", a->heading)))
			return rc;
	}
	for (int k = 0; k < a->nreport; k++) {
		struct sval ar[] = { SVID(ap->org[i]), SVID(ap->report[a->report[k]]) };
		if ((rc = write(ap, a->line, STMT_IMP_COMMISSION_ADMIN_REPORT_ADD, ar, 2, "administration report",
				a->heading)))
			return rc;
	}
	return LUP_OK;
}

/* Rows of a query, collected. */
struct rows {
	struct arena *a;
	int64_t (*v)[3];
	int n, cap;
};

/* collect: a store_query callback that keeps the first three integer columns. */
static int collect(void *ctx, const struct store_row *row)
{
	struct rows *r = ctx;

	if (r->n == r->cap) {
		int ncap = r->cap ? 2 * r->cap : 16;
		int64_t (*nv)[3] = arena_alloc(r->a, sizeof(*nv) * (size_t)ncap);
		if (r->n)
			memcpy(nv, r->v, sizeof(*nv) * (size_t)r->n);
		r->v = nv;
		r->cap = ncap;
	}
	for (int k = 0; k < 3; k++)
		r->v[r->n][k] = k < store_ncols(row) ? store_col_int(row, k) : 0;
	r->n++;
	return 0;
}

/* query: the rows of lookup s for id (none without a database). */
static int query(struct apply *ap, enum stmt s, int64_t id, struct rows *out)
{
	struct sval v = SVI(id);

	memset(out, 0, sizeof(*out));
	out->a = ap->c->a;
	if (!ap->c->st)
		return LUP_OK;
	return store_query(ap->c->st, s, &v, 1, collect, out, ap->c->e);
}

/* write_refs: the response's citations, and none it no longer makes. */
static int write_refs(struct apply *ap, const struct cm_response *x, int64_t rid, const char *what)
{
	struct rows old;
	int rc;

	for (int k = 0; k < x->nref; k++) {
		struct sval rf[] = { SVI(rid), SVID(ap->measure[x->ref[k]]) };
		if ((rc = write(ap, x->line, STMT_IMP_COMMISSION_REF_ADD, rf, 2, "citation in", what)))
			return rc;
	}
	if ((rc = query(ap, STMT_IMP_COMMISSION_REFS, rid, &old)))
		return rc;
	for (int i = 0; i < old.n; i++) {
		int keep = 0;
		for (int k = 0; k < x->nref && !keep; k++)
			keep = ap->measure[x->ref[k]] == old.v[i][0];
		if (!keep) {
			struct sval rf[] = { SVI(rid), SVI(old.v[i][0]) };
			if ((rc = write(ap, x->line, STMT_IMP_COMMISSION_REF_DEL, rf, 2, "citation dropped in", what)))
				return rc;
		}
	}
	return LUP_OK;
}

/* write_response: a response, its parts in order (none beyond them) and its citations. */
static int write_response(struct apply *ap, const struct cm_response *x)
{
	const struct cm_measure *m = &ap->d->measure[x->measure];
	char what[160];
	int64_t rid = 0;
	int rc;
	struct sval up[] = { SVID(ap->measure[x->measure]), SVID(ap->org[x->admin]), SVI(0),
			     SVS(imp_commission_stance_name(x->stance)), SVS(x->phrase) };

	snprintf(what, sizeof(what), "%s %s (%s)", ap->d->admin[x->admin].heading, m->number,
		 ap->d->report[m->report].key);
	if ((rc = write(ap, x->line, STMT_IMP_COMMISSION_RESPONSE_UPSERT, up, 5, "response", what)) ||
	    (rc = id_of(ap, x->line, STMT_IMP_COMMISSION_RESPONSE_ID, up, 2, &rid)))
		return rc;
	for (int k = 0; k < x->npart; k++) {
		struct sval pt[] = { SVI(rid), SVI(k + 1), SVS(x->part[k].label), SVS(x->part[k].text) };
		if ((rc = write(ap, x->part[k].line, STMT_IMP_COMMISSION_PART_UPSERT, pt, 4, "part of", what)))
			return rc;
	}
	{
		struct sval tr[] = { SVI(rid), SVI(x->npart) };
		if ((rc = write(ap, x->line, STMT_IMP_COMMISSION_PART_TRIM, tr, 2, "parts dropped in", what)))
			return rc;
	}
	return write_refs(ap, x, rid, what);
}

/* cmp_id: qsort order of database ids. */
static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* drop_stale: an administration's responses to measures of the document's reports that the
 * document no longer gives (a revised document) are deleted. */
static int drop_stale(struct apply *ap, int i)
{
	const struct cm_doc *d = ap->d;
	int64_t *have = arena_alloc(ap->c->a, sizeof(int64_t) * (size_t)(d->nresp + 1));
	struct rows old;
	int nhave = 0, rc;

	for (int r = 0; r < d->nresp; r++)
		if (d->resp[r].admin == i)
			have[nhave++] = ap->measure[d->resp[r].measure];
	qsort(have, (size_t)nhave, sizeof(*have), cmp_id);
	if ((rc = query(ap, STMT_IMP_COMMISSION_ORG_RESPONSES, ap->org[i], &old)))
		return rc;
	for (int k = 0; k < old.n; k++) {
		int ours = 0;
		for (int r = 0; r < d->nreport && !ours; r++)
			ours = ap->report[r] == old.v[k][2];
		if (!ours || bsearch(&old.v[k][1], have, (size_t)nhave, sizeof(*have), cmp_id))
			continue;
		{
			struct sval v = SVI(old.v[k][0]);
			if ((rc = write(ap, d->admin[i].line, STMT_IMP_COMMISSION_RESPONSE_DEL, &v, 1,
					"response dropped of", d->admin[i].heading)))
				return rc;
		}
	}
	return LUP_OK;
}

/* apply: writes the parsed document (see the table in docs/import-commission.md). */
static int apply(struct apply *ap)
{
	const struct cm_doc *d = ap->d;
	struct arena *a = ap->c->a;
	int rc;

	ap->report = arena_alloc(a, sizeof(int64_t) * (size_t)(d->nreport + 1));
	ap->rec = arena_alloc(a, sizeof(int64_t) * (size_t)(d->nrec + 1));
	ap->measure = arena_alloc(a, sizeof(int64_t) * (size_t)(d->nmeasure + 1));
	ap->org = arena_alloc(a, sizeof(int64_t) * (size_t)(d->nadmin + 1));
	if ((rc = write_reports(ap)) || (rc = write_recs(ap)) || (rc = write_measures(ap)))
		return rc;
	for (int i = 0; i < d->nadmin; i++)
		if ((rc = write_admin(ap, i)))
			return rc;
	for (int r = 0; r < d->nresp; r++) {
		imp_progress(ap->c, (size_t)r, (size_t)d->nresp);
		if ((rc = write_response(ap, &d->resp[r])))
			return rc;
	}
	for (int i = 0; i < d->nadmin; i++)
		if ((rc = drop_stale(ap, i)))
			return rc;
	return LUP_OK;
}

/* run: the kind's entry point: read, parse, count, write. */
static int run(struct imp_ctx *c)
{
	struct imp_text t;
	struct cm_doc d;
	struct apply ap = { .c = c };
	const char *slash = strrchr(c->path, '/');
	int rc;

	if (c->org)
		imp_warn(c, 0, "--org is ignored: the document names its own administrations");
	if ((rc = imp_read_text(c, &t)) || (rc = imp_commission_parse(c, &t, &d)))
		return rc;
	imp_count(c, K_ADMINS, d.nadmin);
	imp_count(c, K_REPORTS, d.nreport);
	imp_count(c, K_RECS, d.nrec);
	imp_count(c, K_MEASURES, d.nmeasure);
	imp_count(c, K_RESPONSES, d.nresp);
	ap.d = &d;
	ap.source = slash ? slash + 1 : c->path;
	return apply(&ap);
}

const struct imp_kind imp_kind_commission = {
	"commission", keys, run,
	"the administrations' responses to the commission's measures, as text (the layout of seed 002)",
	0,	/* touches many organisations: not scoped (administrators only on the web) */
};
