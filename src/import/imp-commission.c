/* imp-commission.c: the 'commission' importer: reads the document (imp-commission-parse.c)
 * and writes it (this file): reports and their spellings, recommendations, measures, each
 * administration (or its missing response), its responses with their parts, citations and
 * stance. It writes only what the document states: an answer the document gives replaces the
 * stored one, answers and administrations it does not reach are left as they are (a warning
 * names them), and a document that ends inside an answer is refused (see check_end).
 * docs/import-commission.md describes it. */
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
	int *nresp;		/* responses the document gives, by administration */
	int64_t end_ord;	/* the stored place of the administration the document ends in */
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
		return imp_fail(ap->c, line, "en rad som just skrevs går inte att hitta igen (har någon "
				"annan ändrat databasen?)");
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
		    (rc = id_of(ap, x->line, STMT_IMP_COMMISSION_REC_ID, up, 2, &ap->rec[i])) ||
		    (rc = imp_prov(ap->c, "recommendation", ap->rec[i], x->line, x->last)))
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
		    (rc = id_of(ap, x->line, STMT_IMP_COMMISSION_MEASURE_ID, up, 2, &ap->measure[i])) ||
		    (rc = imp_prov(ap->c, "commission_measure", ap->measure[i], x->line, x->line)))
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
	imp_warn(ap->c, a->line, "förvaltningen '%s' finns inte i databasen: organisationen '%s' (%s) skapades",
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

/* end_admin: the administration the document ends in (org): its stored place (for warn_after),
 * and a failure when its stored text goes on beyond the document's (cut inside that text). */
static int end_admin(struct apply *ap, const struct cm_admin *a, int64_t org)
{
	struct sval o = SVID(org), st[] = { SVID(org), SVS(a->statement) };
	int64_t longer = 0;
	int rc;

	if ((rc = imp_id(ap->c, STMT_IMP_COMMISSION_ADMIN_ORD, &o, 1, &ap->end_ord)))
		return rc;
	if (!a->statement || (rc = imp_id(ap->c, STMT_IMP_COMMISSION_STATEMENT_LONGER, st, 2, &longer)) || !longer)
		return rc;
	return imp_fail(ap->c, ap->d->end_line, "dokumentet slutar mitt i texten från %s: den sparade texten "
			"fortsätter efter det som dokumentet ger, så dokumentet ser avklippt ut. Inget har "
			"importerats; importera hela dokumentet", a->heading);
}

/* write_admin: administration i: its organisation, its row, the reports it names. A section
 * with no content (no answer, no text, no marker: a document cut after the heading) keeps the
 * stored no-response mark; a missing statement or stance keeps the stored one (SQL). */
static int write_admin(struct apply *ap, int i)
{
	const struct cm_admin *a = &ap->d->admin[i];
	int content = a->no_response || a->statement || ap->nresp[i];
	int rc;

	if ((rc = admin_org(ap, a, &ap->org[i])))
		return rc;
	for (int j = 0; j < i && ap->c->st; j++)
		if (ap->org[j] == ap->org[i])
			return imp_fail(ap->c, a->line, "förvaltningen '%s' är samma organisation som '%s' "
					"på rad %d: varje förvaltning ska finnas en gång", a->heading,
					ap->d->admin[j].heading, ap->d->admin[j].line);
	if (i == ap->d->end_admin && ap->c->st && (rc = end_admin(ap, a, ap->org[i])))
		return rc;
	{
		struct sval up[] = { SVID(ap->org[i]), SVS(grp_name(a->grp)), SVI(i + 1), SVS(a->heading),
				     content ? SVI(a->no_response) : SVNULL, SVS(a->marker), SVS(a->statement),
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

/* answer_cut: a response of the administration the document ends in whose stored answer
 * begins with the answer the document gives and goes on (more parts, or a longer last part):
 * the document was cut inside that answer (its text, or the headed parts that follow), and the
 * import fails rather than shorten it. */
static int answer_cut(struct apply *ap, const struct cm_response *x, const char *what)
{
	struct sval k[] = { SVID(ap->measure[x->measure]), SVID(ap->org[x->admin]) };
	int64_t rid = 0, longer = 0;
	struct buf b;
	int rc;

	if (!(x->at_end || x->admin == ap->d->end_admin) || !x->npart || !ap->c->st)
		return LUP_OK;
	if ((rc = imp_id(ap->c, STMT_IMP_COMMISSION_RESPONSE_ID, k, 2, &rid)) || !rid)
		return rc;
	buf_init(&b, 0);
	for (int i = 0; i < x->npart; i++)
		buf_addf(&b, "%s%s: %s", i ? "\n" : "", x->part[i].label, x->part[i].text);
	{
		struct sval v[] = { SVID(rid), SVS(b.ptr) };
		rc = imp_id(ap->c, STMT_IMP_COMMISSION_ANSWER_LONGER, v, 2, &longer);
	}
	buf_release(&b);
	if (rc || !longer)
		return rc;
	return imp_fail(ap->c, ap->d->end_line, "dokumentet slutar mitt i svaret från %s: det sparade svaret "
			"fortsätter efter det som dokumentet ger, så dokumentet ser avklippt ut. Inget har "
			"importerats; importera hela dokumentet", what);
}

/* write_response: a response, its parts in order (none beyond them) and its citations. A
 * response the document names without any text (a measure heading with no answer) keeps the
 * stored parts. */
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
	if ((rc = answer_cut(ap, x, what)))
		return rc;
	if ((rc = write(ap, x->line, STMT_IMP_COMMISSION_RESPONSE_UPSERT, up, 5, "response", what)) ||
	    (rc = id_of(ap, x->line, STMT_IMP_COMMISSION_RESPONSE_ID, up, 2, &rid)) ||
	    (rc = imp_prov(ap->c, "response", rid, x->line, x->last)))
		return rc;
	if (!x->npart)
		return LUP_OK;
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

/* The stored responses of an administration that the document does not give. */
struct unreached {
	const int64_t *have;	/* the measures the document gives it (sorted) */
	int nhave;
	int n;			/* how many */
	struct buf list;	/* their numbers, the first few */
};

/* unreached_row: a store_query callback over (response id, measure id, report id, number). */
static int unreached_row(void *ctx, const struct store_row *row)
{
	struct unreached *u = ctx;
	int64_t m = store_col_int(row, 1);
	const char *num = store_col_text(row, 3);

	if (bsearch(&m, u->have, (size_t)u->nhave, sizeof(*u->have), cmp_id))
		return 0;
	if (u->n < 8)
		buf_addf(&u->list, "%s%s", u->n ? ", " : "", num ? num : "?");
	else if (u->n == 8)
		buf_adds(&u->list, " ...");
	u->n++;
	return 0;
}

/* warn_unreached: administration i's stored responses that the document does not give are left
 * as they are; a warning names them (for the administration the document ends in: a sign that
 * the document was cut). Nothing is deleted: a document replaces only what it states. */
static int warn_unreached(struct apply *ap, int i)
{
	const struct cm_doc *d = ap->d;
	int64_t *have = arena_alloc(ap->c->a, sizeof(int64_t) * (size_t)(d->nresp + 1));
	struct unreached u = { .have = have };
	struct sval v = SVI(ap->org[i]);
	int rc;

	if (!ap->c->st)
		return LUP_OK;
	for (int r = 0; r < d->nresp; r++)
		if (d->resp[r].admin == i)
			have[u.nhave++] = ap->measure[d->resp[r].measure];
	qsort(have, (size_t)u.nhave, sizeof(*have), cmp_id);
	buf_init(&u.list, 4096);
	rc = store_query(ap->c->st, STMT_IMP_COMMISSION_ORG_RESPONSES, &v, 1, unreached_row, &u, ap->c->e);
	if (rc == LUP_OK && u.n && i == d->end_admin)
		imp_warn(ap->c, d->end_line, "dokumentet slutar i avsnittet för %s, men databasen har %d svar "
			 "till från %s som dokumentet inte når (åtgärd %s): de lämnas orörda. Är dokumentet "
			 "avklippt?", d->admin[i].heading, u.n, d->admin[i].heading, u.list.ptr);
	else if (rc == LUP_OK && u.n)
		imp_warn(ap->c, d->admin[i].line, "%s: databasen har %d svar som dokumentet inte tar upp "
			 "(åtgärd %s): de lämnas orörda", d->admin[i].heading, u.n, u.list.ptr);
	buf_release(&u.list);
	return rc;
}

/* The stored administrations after the one the document ends in. */
struct after {
	const int64_t *org;	/* the document's organisations */
	int norg;
	int n;
	struct buf list;
};

/* after_row: a store_query callback over (org_id, heading). */
static int after_row(void *ctx, const struct store_row *row)
{
	struct after *x = ctx;
	int64_t id = store_col_int(row, 0);
	const char *h = store_col_text(row, 1);

	for (int k = 0; k < x->norg; k++)
		if (x->org[k] == id)
			return 0;
	if (x->n < 8)
		buf_addf(&x->list, "%s%s", x->n ? ", " : "", h ? h : "?");
	else if (x->n == 8)
		buf_adds(&x->list, " ...");
	x->n++;
	return 0;
}

/* warn_after: administrations a former import placed after the one the document ends in, and
 * the document lacks, are left as they are; a warning names them (a sign of a cut document). */
static int warn_after(struct apply *ap)
{
	const struct cm_doc *d = ap->d;
	struct after x = { .org = ap->org, .norg = d->nadmin };
	struct sval v = SVI(ap->end_ord);
	int rc;

	if (!ap->c->st || d->end_admin < 0 || ap->end_ord <= 0)
		return LUP_OK;
	buf_init(&x.list, 4096);
	rc = store_query(ap->c->st, STMT_IMP_COMMISSION_ADMINS_AFTER, &v, 1, after_row, &x, ap->c->e);
	if (rc == LUP_OK && x.n)
		imp_warn(ap->c, d->end_line, "dokumentet slutar i avsnittet för %s; %d förvaltningar som en "
			 "tidigare import hade efter den saknas i dokumentet (%s): deras svar lämnas orörda. "
			 "Är dokumentet avklippt?", d->admin[d->end_admin].heading, x.n, x.list.ptr);
	buf_release(&x.list);
	return rc;
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
	ap->nresp = arena_alloc(a, sizeof(int) * (size_t)(d->nadmin + 1));
	for (int r = 0; r < d->nresp; r++)
		ap->nresp[d->resp[r].admin]++;
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
		if ((rc = warn_unreached(ap, i)))
			return rc;
	return warn_after(ap);
}

/* check_end: how the document ends (docs/import-commission.md, "A document that ends early"):
 * inside a sentence, or after a measure heading or a label with no answer, the last answer
 * would be incomplete: fails, naming the line; after a heading with nothing under it: a warning. */
static int check_end(struct imp_ctx *c, const struct cm_doc *d)
{
	const char *who = d->end_admin >= 0 ? d->admin[d->end_admin].heading : "?";

	switch (d->end) {
	case CM_END_MID_SENTENCE:
		return imp_fail(c, d->end_line, "dokumentet slutar mitt i en mening i avsnittet för %s: det ser "
				"avklippt ut, och svaret skulle bli ofullständigt. Inget har importerats; "
				"importera hela dokumentet", who);
	case CM_END_NO_ANSWER:
		return imp_fail(c, d->end_line, "dokumentet slutar efter '%s' utan svar (avsnittet för %s): det "
				"ser avklippt ut. Inget har importerats; importera hela dokumentet",
				d->end_what, who);
	case CM_END_HEADING:
		imp_warn(c, d->end_line, "dokumentet slutar med rubriken '%s' utan något under den: det kan "
			 "vara avklippt. Det som inte finns i dokumentet lämnas orört", d->end_what);
		return LUP_OK;
	default:
		return LUP_OK;
	}
}

/* check_substance: a document with administrations but no answer, no text and no
 * no-response marker imports nothing of substance: fails saying so. */
static int check_substance(struct imp_ctx *c, const struct cm_doc *d)
{
	if (d->nresp)
		return LUP_OK;
	for (int i = 0; i < d->nadmin; i++)
		if (d->admin[i].no_response || d->admin[i].statement)
			return LUP_OK;
	return imp_fail(c, d->nadmin ? d->admin[0].line : 0, "inget att importera: dokumentet har %d "
			"förvaltningsrubriker men inga svar på åtgärder, ingen text under dem och ingen rad "
			"'Skrivelse saknas'", d->nadmin);
}

/* run: the kind's entry point: read, parse, check, count, write. */
static int run(struct imp_ctx *c)
{
	struct imp_text t;
	struct cm_doc d;
	struct apply ap = { .c = c };
	const char *slash = strrchr(c->path, '/');
	int rc;

	if (c->org)
		imp_warn(c, 0, "--org används inte: dokumentet anger själv sina förvaltningar");
	if ((rc = imp_read_text(c, &t)) || (rc = imp_commission_parse(c, &t, &d)) ||
	    (rc = check_end(c, &d)) || (rc = check_substance(c, &d)))
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
