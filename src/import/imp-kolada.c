/* imp-kolada.c: the 'kolada' importer: Kolada API v3 responses saved to files (data values, KPI
 * metadata, municipality metadata; docs/import-kolada.md). The parser (imp-kolada-parse.c)
 * streams records; this file writes them: KPI metadata -> indicators, municipality metadata ->
 * areas, data values -> outcomes of the indicators that follow the KPI, in the area with the
 * municipality's code, for the whole year (period FY). Lookups are cached per file. */
#include "import/imp-kolada.h"
#include "core/xalloc.h"
#include "model/fmt.h"
#include "model/indicator.h"
#include "model/period.h"
#include "store/audit.h"

#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <time.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_KPIS 20000			/* different KPIs in one file (Kolada has about 6,500) */
#define MAX_MUNIS 20000			/* different municipality ids in one file */
#define MAX_BOUND 8			/* indicators that may follow one KPI */
#define MAX_TRACE 2000			/* trace entries per file; the rest are summed up */
#define MAX_CITED 200000		/* cited outcome places kept in C (more: asked per value) */
#define YEAR0 1900
#define NYEARS 1100
#define SOURCE "kolada"			/* outcome.source of Kolada's own values */
#define META_SOURCE "Kolada"		/* source of indicators and areas from metadata */
#define RIKET_CODE "0000"
#define DEFAULT_OWNER "stadsledningskontoret"

static const char *const keys[] = { "kpis", "values", "missing", "municipalities", "skipped", NULL };
enum { C_KPIS, C_VALUES, C_MISSING, C_MUNIS, C_SKIPPED };

/* what a file's KPI is bound to, and what its values became */
struct kpi_ent {
	int n;				/* indicators that follow the KPI (0: skipped) */
	int64_t id[MAX_BOUND];
	int by_sex[MAX_BOUND];
	const char *key;		/* the first one's key */
	long values, missing, skipped;
	int first, last, ymin, ymax;
	int sex_warned;
	int cited_gen[MAX_BOUND];	/* the kst.cited_gen its cited places were loaded in (0: not) */
};

/* a file's municipality id and its area */
struct muni_ent {
	int64_t area;			/* 0: no area has this code */
	long skipped;
	int first;
};

/* the reports citing one place of an indicator, and its stored outcome per sex (T, K, M) */
struct cited_ent {
	long reports;
	int found[3];
	double value[3];		/* NaN when missing */
};

/* the state of one file */
struct kst {
	struct imp_ctx *c;
	struct imp_kolada_map kpis, munis;
	int64_t period[NYEARS];		/* period id of year YEAR0 + i, FY; 0 = not yet */
	int64_t owner;			/* owner of new indicators; 0 = not yet resolved */
	long regions;			/* municipality metadata of type L, skipped */
	int ntrace, moretrace;
	/* the places ("indicator period area") where reports cite an indicator's outcomes, with the
	 * stored outcomes there (struct cited_ent), loaded per indicator at its first value: what
	 * STMT_IND_OUTCOME_CITED would say of each value, kept true as values are written */
	struct imp_kolada_map cited;
	int cited_gen;			/* bumped when an area is written: the places are loaded again */
	int cited_over;			/* more than MAX_CITED places: asked per value instead */
};

static void trace(struct kst *k, int line, int last, const char *what, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* trace: an imp_trace entry, at most MAX_TRACE per file (the rest are counted) */
static void trace(struct kst *k, int line, int last, const char *what, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	if (!k->c->trace)
		return;
	if (k->ntrace >= MAX_TRACE) {
		k->moretrace++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	imp_trace(k->c, line, last, what, "%s", msg);
	k->ntrace++;
}

/* first_row: the first row of a query as (id, key, name) */
struct first_row {
	int64_t id;
	char key[128];
	char name[IMP_KOLADA_MAX_TITLE];
};

static int first_row_cb(void *ctx, const struct store_row *r)
{
	struct first_row *o = ctx;
	const char *k = store_col_text(r, 1), *n = store_col_text(r, 2);

	o->id = store_col_int(r, 0);
	snprintf(o->key, sizeof(o->key), "%s", k ? k : "");
	snprintf(o->name, sizeof(o->name), "%s", n ? n : "");
	return 1;
}

static int area_by_code(struct kst *k, const char *code, struct first_row *o)
{
	struct sval a = SVS(code);

	memset(o, 0, sizeof(*o));
	if (!k->c->st)
		return LUP_OK;
	return store_query(k->c->st, STMT_IMP_KOLADA_AREA_BY_CODE, &a, 1, first_row_cb, o, k->c->e);
}

/* own_area_key: the key lup gives an area it creates for a Kolada municipality id */
static void own_area_key(const char *code, char *key, size_t n)
{
	if (strcmp(code, RIKET_CODE) == 0)
		snprintf(key, n, "riket");
	else
		snprintf(key, n, "kommun-%s", code);
}

/* cited_forget: the cited places are loaded again at each indicator's next value */
static void cited_forget(struct kst *k)
{
	if (k->cited.n) {
		imp_kolada_map_release(&k->cited);
		imp_kolada_map_init(&k->cited, MAX_CITED, sizeof(struct cited_ent));
	}
	k->cited_gen++;
}

/* area_upsert: creates or updates the municipality-level area lup keeps for code */
static int area_upsert(struct kst *k, int line, const char *code, const char *name, int64_t *id)
{
	char key[96];
	struct sval a[] = { SVNULL, SVS(name), SVS("municipality"), SVS(code), SVI(0), SVS(META_SOURCE) };
	struct sval kv;
	int rc;

	own_area_key(code, key, sizeof(key));
	a[0] = SVS(key);
	if ((rc = imp_write(k->c, line, STMT_AREA_UPSERT, a, 6)) != LUP_OK)
		return rc;
	cited_forget(k);	/* a new or changed area may be one that reports follow */
	kv = SVS(key);
	return imp_id(k->c, STMT_AREA_ID, &kv, 1, id);
}

/* valid_id: a Kolada id lup can use in keys: letters, digits, '-', '_' */
static int valid_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_')
			return 0;
	return 1;
}

/* period_id: the FY period of year y, created when missing (cached) */
static int period_id(struct kst *k, int line, int y, int64_t *id)
{
	struct model_period p = { y, MODEL_PERIOD_FY };
	char first[16], last[16];
	int rc;

	if (k->period[y - YEAR0]) {
		*id = k->period[y - YEAR0];
		return LUP_OK;
	}
	if (model_period_bounds_text(&p, first, sizeof(first), last, sizeof(last)) != 0)
		return imp_fail(k->c, line, "period %d: inte ett giltigt år", y);
	{
		struct sval a[] = { SVI(y), SVS("FY"), SVS(first), SVS(last) };
		if ((rc = imp_write(k->c, line, STMT_PERIOD_UPSERT, a, 4)) != LUP_OK ||
		    (rc = imp_id(k->c, STMT_PERIOD_ID, a, 2, id)) != LUP_OK)
			return rc;
	}
	k->period[y - YEAR0] = *id;
	return LUP_OK;
}

struct bound_ctx {
	struct kst *k;
	struct kpi_ent *e;
};

static int bound_cb(void *ctx, const struct store_row *r)
{
	struct bound_ctx *b = ctx;

	if (b->e->n == MAX_BOUND)
		return 1;
	b->e->id[b->e->n] = store_col_int(r, 0);
	b->e->by_sex[b->e->n] = (int)store_col_int(r, 1);
	if (!b->e->key)
		b->e->key = arena_strdup(&b->k->kpis.a, store_col_text(r, 2));
	b->e->n++;
	return 0;
}

/* kpi_get: the cache entry of KPI d->kpi (looked up once per file) */
static int kpi_get(struct kst *k, const char *kpi, int line, struct kpi_ent **out)
{
	struct sval a = SVS(kpi);
	struct bound_ctx b;
	int created, rc;

	*out = imp_kolada_map_get(&k->kpis, kpi, strlen(kpi), &created);
	if (!*out)
		return imp_fail(k->c, line, "fler än %d olika nyckeltal (KPI) i en fil", MAX_KPIS);
	if (!created)
		return LUP_OK;
	(*out)->first = line;
	(*out)->ymin = 9999;
	b.k = k;
	b.e = *out;
	if (k->c->st &&
	    (rc = store_query(k->c->st, STMT_IMP_KOLADA_INDICATORS, &a, 1, bound_cb, &b, k->c->e)) != LUP_OK)
		return rc;
	if (!(*out)->n)
		imp_warn(k->c, line, "nyckeltal %s: ingen indikator följer detta nyckeltal, dess värden hoppas över"
			 " (importera först nyckeltalets metadata)", kpi);
	return LUP_OK;
}

/* muni_get: the cache entry of municipality id (Riket is created when first seen) */
static int muni_get(struct kst *k, const char *muni, int line, struct muni_ent **out)
{
	struct first_row o;
	int created, rc;

	*out = imp_kolada_map_get(&k->munis, muni, strlen(muni), &created);
	if (!*out)
		return imp_fail(k->c, line, "fler än %d olika kommuner i en fil", MAX_MUNIS);
	if (!created)
		return LUP_OK;
	(*out)->first = line;
	if ((rc = area_by_code(k, muni, &o)) != LUP_OK)
		return rc;
	(*out)->area = o.id;
	if (!o.id && strcmp(muni, RIKET_CODE) == 0)
		return area_upsert(k, line, RIKET_CODE, "Riket", &(*out)->area);
	if (!o.id)
		imp_warn(k->c, line, "kommun %s: inget område har denna kod, dess värden hoppas över"
			 " (importera först kommunernas metadata)", muni);
	return LUP_OK;
}

/* the stored outcome a value revises, and how many submitted or approved reports cite it */
struct cited {
	int found;
	double value;			/* NaN when missing */
	long reports;
};

static int cited_cb(void *ctx, const struct store_row *r)
{
	struct cited *c = ctx;

	c->found = 1;
	c->value = store_col_int(r, 1) || store_col_type(r, 0) == SV_NULL ? NAN : store_col_real(r, 0);
	c->reports = (long)store_col_int(r, 2);
	return 1;
}

static int sex_index(char sex)
{
	return sex == 'K' ? 1 : sex == 'M' ? 2 : 0;
}

/* cited_place: the entry of a place in k->cited (NULL: none; with create, made when absent,
 * and NULL when the map is full) */
static struct cited_ent *cited_place(struct kst *k, int64_t ind, int64_t period, int64_t area, int create)
{
	char key[80];
	int n = snprintf(key, sizeof(key), "%" PRId64 " %" PRId64 " %" PRId64, ind, period, area);

	if (!create)
		return imp_kolada_map_find(&k->cited, key, (size_t)n);
	return imp_kolada_map_get(&k->cited, key, (size_t)n, NULL);
}

struct load_ctx {
	struct kst *k;
	int64_t ind;
};

/* cited_row: one row of STMT_IND_OUTCOME_CITED_SET */
static int cited_row(void *ctx, const struct store_row *r)
{
	struct load_ctx *l = ctx;
	struct cited_ent *c = cited_place(l->k, l->ind, store_col_int(r, 0), store_col_int(r, 1), 1);
	const char *sex = store_col_text(r, 3);

	if (!c) {
		l->k->cited_over = 1;
		return 1;
	}
	c->reports = (long)store_col_int(r, 2);
	if (sex) {
		int i = sex_index(*sex);
		c->found[i] = 1;
		c->value[i] = store_col_int(r, 5) || store_col_type(r, 4) == SV_NULL ? NAN : store_col_real(r, 4);
	}
	return 0;
}

/* cited_load: loads the cited places of the KPI's j-th indicator when not yet (the rows written
 * so far applied first, so that the stored outcomes are what they are now) */
static int cited_load(struct kst *k, struct kpi_ent *e, int j)
{
	struct load_ctx l = { k, e->id[j] };
	struct sval a = SVI(e->id[j]);
	int rc;

	if (e->cited_gen[j] == k->cited_gen || k->cited_over)
		return LUP_OK;
	if ((rc = imp_bulk_flush(k->c)) != LUP_OK ||
	    (rc = store_query(k->c->st, STMT_IND_OUTCOME_CITED_SET, &a, 1, cited_row, &l, k->c->e)) != LUP_OK)
		return rc;
	e->cited_gen[j] = k->cited_gen;
	return LUP_OK;
}

/* cited_get: what STMT_IND_OUTCOME_CITED says of the value's outcome now (from k->cited, or
 * asked per value when the places did not fit) */
static int cited_get(struct kst *k, struct kpi_ent *e, int j, int64_t period, int64_t area, char sex,
		     struct cited *c)
{
	char s[2] = { sex, '\0' };
	struct sval q[] = { SVI(e->id[j]), SVI(period), SVI(area), SVS(s) };
	const struct cited_ent *p;
	int rc;

	if ((rc = cited_load(k, e, j)) != LUP_OK)
		return rc;
	if (k->cited_over) {
		if ((rc = imp_bulk_flush(k->c)) != LUP_OK)
			return rc;
		return store_query(k->c->st, STMT_IND_OUTCOME_CITED, q, 4, cited_cb, c, k->c->e);
	}
	if ((p = cited_place(k, e->id[j], period, area, 0))) {
		c->found = p->found[sex_index(sex)];
		c->value = p->value[sex_index(sex)];
		c->reports = p->reports;
	}
	return LUP_OK;
}

/* cited_set: the value is being written: the stored outcome of its place is now nv */
static void cited_set(struct kst *k, int64_t ind, int64_t period, int64_t area, char sex, double nv)
{
	struct cited_ent *p = k->cited_over ? NULL : cited_place(k, ind, period, area, 0);

	if (p) {
		p->found[sex_index(sex)] = 1;
		p->value[sex_index(sex)] = nv;
	}
}

/* flag_revision: when the value revises an outcome that a submitted or approved report cites,
 * flags those reports (outcome_revision, model_revision_text) and records the revision in the
 * indicator's history (an audit entry of the indicator). Runs before the value is written. */
static int flag_revision(struct kst *k, const struct imp_kolada_data *d, struct kpi_ent *e, int j,
			 int64_t period, int64_t area, const struct imp_kolada_value *v)
{
	char sex[2] = { v->sex, '\0' }, at[32], text[200], b[256], a[512];
	struct cited c = { 0, NAN, 0 };
	int64_t ind = e->id[j];
	double nv = v->missing ? NAN : v->value;
	time_t now = time(NULL);
	struct tm tm;
	int rc;

	if (!k->c->st)
		return LUP_OK;
	if ((rc = cited_get(k, e, j, period, area, v->sex, &c)) != LUP_OK)
		return rc;
	cited_set(k, ind, period, area, v->sex, nv);
	if (!c.found || !c.reports || (isnan(c.value) && isnan(nv)) || (!isnan(c.value) && !isnan(nv) && c.value == nv))
		return LUP_OK;
	/* the flag reads the stored outcome: the rows before must be applied */
	if ((rc = imp_bulk_flush(k->c)) != LUP_OK)
		return rc;
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	struct sval f[] = { SVI(ind), SVI(period), SVI(area), SVS(sex), isnan(nv) ? SVNULL : SVD(nv), SVS(at) };
	if ((rc = imp_write(k->c, d->line, STMT_IND_REVISION_FLAG, f, 6)) != LUP_OK)
		return rc;
	model_revision_text(c.value, nv, -1, 1, text, sizeof(text));
	/* the history names the year, the municipality code and the sex, and the reports flagged */
	snprintf(b, sizeof(b), "%d %s %s", d->year, d->municipality, sex);
	char *cut = strstr(text, " efter ");	/* "efter godkännandet/inskickandet" is per report */
	if (cut)
		*cut = '\0';
	snprintf(a, sizeof(a), "%d %s %s: %s (%ld rapport%s flaggad%s)", d->year, d->municipality, sex, text,
		 c.reports, c.reports == 1 ? "" : "er", c.reports == 1 ? "" : "e");
	json_t *jb = json_pack("{s:s}", "kolada_revision", b), *ja = json_pack("{s:s}", "kolada_revision", a);
	char *sb = jb ? json_dumps(jb, JSON_COMPACT) : NULL, *sa = ja ? json_dumps(ja, JSON_COMPACT) : NULL;
	struct audit_rec rec = { at, k->c->user_id, k->c->actor ? k->c->actor : "lup import", "update", "indicator",
				 ind, sb, sa };
	rc = sb && sa ? audit_write(k->c->st, &rec, k->c->e) : err_set(k->c->e, LUP_EINVAL, "kolada: cannot write a revision's audit entry");
	free(sb);
	free(sa);
	json_decref(jb);
	json_decref(ja);
	if (rc != LUP_OK)
		return rc;
	imp_warn(k->c, d->line, "nyckeltal %s %d: värdet som %ld inskickad(e) eller godkänd(a) rapport(er) visar"
		 " reviderades; rapporterna är flaggade", d->kpi, d->year, c.reports);
	return LUP_OK;
}

/* write_value: the value of the KPI's j-th indicator, in batches (imp_bulk: the values are
 * checked by the parser, so a failure is the database's) */
static int write_value(struct kst *k, const struct imp_kolada_data *d, struct kpi_ent *e, int j,
		       int64_t period, int64_t area, const struct imp_kolada_value *v)
{
	char sex[2] = { v->sex, '\0' };
	int rc;

	if ((rc = flag_revision(k, d, e, j, period, area, v)) != LUP_OK)
		return rc;
	struct sval a[] = {
		SVI(e->id[j]), SVI(period), SVI(area), SVS(sex), v->missing ? SVNULL : SVD(v->value),
		SVI(v->missing), SVS(SOURCE), SVI(0), SVI(0),
	};

	return imp_bulk(k->c, STMT_OUTCOME_UPSERT_BULK, 9, 4, a);
}

/* skip_sex: whether a value for women or men goes to an indicator not divided by sex (warned
 * once per KPI) */
static int skip_sex(struct kst *k, struct kpi_ent *e, int j, const struct imp_kolada_data *d, char sex)
{
	if (sex == 'T' || e->by_sex[j])
		return 0;
	if (!e->sex_warned)
		imp_warn(k->c, d->line, "nyckeltal %s: indikatorn %s är inte uppdelad på kön, värdena för kvinnor"
			 " och män hoppas över", d->kpi, e->key ? e->key : "?");
	e->sex_warned = 1;
	return 1;
}

static int on_data(void *ctx, const struct imp_kolada_data *d)
{
	struct kst *k = ctx;
	struct kpi_ent *e;
	struct muni_ent *m;
	int64_t period;
	int rc;

	if ((rc = kpi_get(k, d->kpi, d->line, &e)) != LUP_OK ||
	    (rc = muni_get(k, d->municipality, d->line, &m)) != LUP_OK)
		return rc;
	e->last = d->line;
	if (!e->n || !m->area) {
		e->skipped += d->n;
		m->skipped += e->n ? d->n : 0;
		imp_count(k->c, C_SKIPPED, d->n);
		return LUP_OK;
	}
	if ((rc = period_id(k, d->line, d->year, &period)) != LUP_OK)
		return rc;
	for (int i = 0; i < d->n; i++) {
		int written = 0;
		for (int j = 0; j < e->n; j++) {
			if (skip_sex(k, e, j, d, d->v[i].sex))
				continue;
			if ((rc = write_value(k, d, e, j, period, m->area, &d->v[i])) != LUP_OK)
				return rc;
			written = 1;
		}
		imp_count(k->c, written ? C_VALUES : C_SKIPPED, 1);
		imp_count(k->c, C_MISSING, written && d->v[i].missing);
		e->values += written;
		e->missing += written && d->v[i].missing;
		e->skipped += !written;
	}
	e->ymin = d->year < e->ymin ? d->year : e->ymin;
	e->ymax = d->year > e->ymax ? d->year : e->ymax;
	return LUP_OK;
}

/* owner: the organisation that owns indicators created from KPI metadata */
static int owner(struct kst *k, int line, int64_t *id)
{
	struct sval a = SVS(DEFAULT_OWNER);
	int rc;

	if (k->owner) {
		*id = k->owner;
		return LUP_OK;
	}
	if (k->c->org) {
		if ((rc = imp_org(k->c, k->c->org, &k->owner)) != LUP_OK)
			return rc;
		if (!k->owner)
			return imp_fail(k->c, line, "--org: okänd organisation '%s'", k->c->org);
	} else {
		if ((rc = imp_id(k->c, STMT_ORG_ID, &a, 1, &k->owner)) != LUP_OK)
			return rc;
		if (!k->owner)
			return imp_fail(k->c, line, "ingen organisation '%s' som kan äga nyckeltalens indikatorer"
					" (läs in datamängden med 'lup demo', eller ange --org)", DEFAULT_OWNER);
	}
	*id = k->owner;
	return LUP_OK;
}

static int on_kpi(void *ctx, const struct imp_kolada_kpi *m)
{
	struct kst *k = ctx;
	char key[IMP_KOLADA_MAX_ID + 8];
	struct sval kv;
	struct kpi_ent bound;
	struct bound_ctx b = { k, &bound };
	int64_t id, own = 0;
	int before = k->c->r->changed, rc;

	if (!valid_id(m->id))
		return imp_fail(k->c, m->line, "nyckeltalets id '%s': bokstäver och siffror väntades", m->id);
	if (!*m->title)
		return imp_fail(k->c, m->line, "nyckeltal %s: tom 'title'", m->id);
	snprintf(key, sizeof(key), "kolada-%s", m->id);
	for (char *s = key; *s; s++)
		*s = (char)tolower((unsigned char)*s);
	kv = SVS(key);
	if ((rc = imp_id(k->c, STMT_INDICATOR_ID, &kv, 1, &id)) != LUP_OK)
		return rc;
	memset(&bound, 0, sizeof(bound));
	if (!id && k->c->st) {
		struct sval a = SVS(m->id);
		if ((rc = store_query(k->c->st, STMT_IMP_KOLADA_INDICATORS, &a, 1, bound_cb, &b,
				      k->c->e)) != LUP_OK)
			return rc;
	}
	imp_count(k->c, C_KPIS, 1);
	if (bound.n) {
		trace(k, m->line, m->line, "kpi", "%s: followed by indicator %s, left as it is", m->id, bound.key);
		return LUP_OK;
	}
	if ((rc = owner(k, m->line, &own)) != LUP_OK)
		return rc;
	{
		struct sval a[] = { SVS(key), SVI(own), SVS(m->title), SVS(m->id), SVI(m->by_sex), SVS(META_SOURCE) };
		if ((rc = imp_write(k->c, m->line, STMT_IMP_KOLADA_INDICATOR_UPSERT, a, 6)) != LUP_OK)
			return rc;
	}
	trace(k, m->line, m->line, "indicator", "%s -> %s (%s): %s", m->id, key,
	      !id ? "new" : k->c->r->changed > before ? "updated" : "unchanged", m->title);
	return LUP_OK;
}

/* muni_alias: an area of the dataset with this code gets Kolada's title as an alias */
static int muni_alias(struct kst *k, const struct imp_kolada_muni *m, const struct first_row *o)
{
	struct sval t = SVS(m->title);
	int64_t same;
	int rc;

	if ((rc = imp_id(k->c, STMT_AREA_ID_LOOSE, &t, 1, &same)) != LUP_OK)
		return rc;
	if (same == o->id) {
		trace(k, m->line, m->line, "area", "%s %s -> %s (known)", m->id, m->title, o->key);
		return LUP_OK;
	}
	{
		struct sval a[] = { SVI(o->id), SVS(m->title), SVS(META_SOURCE) };
		if ((rc = imp_write(k->c, m->line, STMT_AREA_ALIAS_ADD, a, 3)) != LUP_OK)
			return rc;
	}
	trace(k, m->line, m->line, "area", "%s %s -> %s (alias added)", m->id, m->title, o->key);
	return LUP_OK;
}

static int on_muni(void *ctx, const struct imp_kolada_muni *m)
{
	struct kst *k = ctx;
	struct first_row o;
	char own[96];
	int64_t id;
	int rc;

	if (!valid_id(m->id))
		return imp_fail(k->c, m->line, "kommunens id '%s': bokstäver och siffror väntades", m->id);
	if (!*m->title)
		return imp_fail(k->c, m->line, "kommun %s: tom 'title'", m->id);
	if (strcmp(m->type, "L") == 0 && strcmp(m->id, RIKET_CODE) != 0) {
		k->regions++;
		imp_count(k->c, C_SKIPPED, 1);
		trace(k, m->line, m->line, "skipped", "%s %s: a region (type L)", m->id, m->title);
		return LUP_OK;
	}
	if ((rc = area_by_code(k, m->id, &o)) != LUP_OK)
		return rc;
	own_area_key(m->id, own, sizeof(own));
	imp_count(k->c, C_MUNIS, 1);
	if (o.id && strcmp(o.key, own) != 0)
		return muni_alias(k, m, &o);
	if ((rc = area_upsert(k, m->line, m->id, m->title, &id)) != LUP_OK)
		return rc;
	trace(k, m->line, m->line, "area", "%s %s -> %s (%s)", m->id, m->title, own, o.id ? "kept" : "new");
	return LUP_OK;
}

/* report: the trace of what the data values became, and the file's warnings */
static void report(struct kst *k, const struct imp_kolada_info *info)
{
	for (size_t i = 0; i < k->kpis.n; i++) {
		const struct kpi_ent *e = k->kpis.val[i];
		if (e->values)
			trace(k, e->first, e->last, "values", "%s -> %s: %ld values (%ld missing), %d-%d%s",
			      k->kpis.key[i], e->key, e->values, e->missing, e->ymin, e->ymax,
			      e->skipped ? ", some skipped" : "");
		else
			trace(k, e->first, e->last, "skipped", "%s: %ld values, %s", k->kpis.key[i], e->skipped,
			      e->n ? "no area for their municipalities or not divided by sex" :
			      "no indicator follows this KPI");
	}
	for (size_t i = 0; i < k->munis.n; i++) {
		const struct muni_ent *m = k->munis.val[i];
		if (!m->area)
			trace(k, m->first, m->first, "skipped", "municipality %s: %ld values, no area has this code",
			      k->munis.key[i], m->skipped);
	}
	if (k->moretrace)
		imp_trace(k->c, info->lines, info->lines, "more", "%d more entries not listed", k->moretrace);
	if (k->regions)
		imp_warn(k->c, 0, "%ld regioner (typ L) hoppades över: lup har ingen nivå för regioner", k->regions);
	if (info->doc == IMP_KOLADA_EMPTY)
		imp_warn(k->c, 0, "svaret innehåller inga värden");
	if (info->next[0])
		imp_warn(k->c, 0, "filen är en sida av ett längre svar; nästa sida är %s"
			 " (spara den och importera den också)", info->next);
}

/* feed: imp_stream's view of the parser */
static int feed(void *parser, const char *data, size_t n)
{
	return imp_kolada_feed(parser, data, n);
}

/* parse_file: streams the file through the parser with progress */
static int parse_file(struct imp_ctx *c, FILE *f, size_t total, struct kst *k,
		      struct imp_kolada_info *info)
{
	const struct imp_kolada_sink sink = { k, on_data, on_kpi, on_muni };
	struct imp_kolada_parser *p = imp_kolada_open(c, &sink);
	int rc = imp_stream(c, f, total, feed, p);

	if (rc == LUP_OK)
		rc = imp_kolada_finish(p, info);
	imp_kolada_close(p);
	return rc;
}

static int run(struct imp_ctx *c)
{
	FILE *f = NULL;
	struct kst *k = NULL;
	struct imp_kolada_info info;
	size_t total;
	int rc;

	if ((rc = imp_open(c, &f, &total)) != LUP_OK)
		return rc;
	k = xcalloc(1, sizeof(*k));
	k->c = c;
	imp_kolada_map_init(&k->kpis, MAX_KPIS, sizeof(struct kpi_ent));
	imp_kolada_map_init(&k->munis, MAX_MUNIS, sizeof(struct muni_ent));
	imp_kolada_map_init(&k->cited, MAX_CITED, sizeof(struct cited_ent));
	k->cited_gen = 1;
	if ((rc = parse_file(c, f, total, k, &info)) == LUP_OK)
		report(k, &info);
	imp_kolada_map_release(&k->kpis);
	imp_kolada_map_release(&k->munis);
	imp_kolada_map_release(&k->cited);
	free(k);
	fclose(f);
	return rc;
}

const struct imp_kind imp_kind_kolada = {
	"kolada", keys, run, "Kolada API v3 JSON responses: data values, KPI and municipality metadata",
	0,	/* touches many organisations: not scoped (administrators only on the web) */
};
