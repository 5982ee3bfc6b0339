/* imp-csv.c: the 'csv' importer: outcomes and targets in the CSV layout of docs/import-csv.md.
 * The parser (imp-csv-parse.c) streams typed rows; this file resolves their indicator and area
 * (cached per file) and writes outcomes (in batches: imp_bulk) and targets. An unknown
 * indicator or area is an error naming line and column, and then nothing of the import is
 * kept. Scoped (import.h): each indicator's owner is checked against the scope when the
 * indicator is first resolved; areas are anyone's (a district is no organisation's to guard). */
#include "store/values.h"
#include "import/imp-csv.h"
#include "edit/indicator-flags.h"
#include "model/indicator.h"
#include "import/imp-kolada.h"
#include "core/xalloc.h"
#include "edit/period-lock.h"
#include "model/today.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_INDICATORS 20000		/* different indicator cells in one file */
#define MAX_AREAS 20000			/* different area cells in one file */
#define MAX_TRACE 2000			/* trace entries per file */
#define MAX_OPEN 50000			/* (owner, period) pairs known open */
#define YEAR0 1900
#define NYEARS 1100

static const char *const keys[] = { "rows", "values", "missing", "targets", "skipped", NULL };
enum { C_ROWS, C_VALUES, C_MISSING, C_TARGETS, C_SKIPPED };

/* an indicator cell and what its rows became */
struct ind_ent {
	int64_t id;
	int by_sex;
	const char *key;
	int64_t owner;				/* the organisation following it up */
	int flag_line[2];			/* the line that set by_sex, by_area (0: none) */
	int flag[2];				/* ... to this value */
	long values, missing, targets;
	int first, last;
};

/* the state of one file */
struct cst {
	struct imp_ctx *c;
	struct imp_kolada_map inds, areas;	/* cell text -> struct ind_ent, int64_t area id */
	struct imp_kolada_map open;		/* "owner period" found open (period_open) */
	int64_t period[NYEARS][MODEL_PERIOD__MAX];
	const char *source;			/* the file's name: the default source */
	int today;				/* the date the period locks are read for */
};

struct ind_row {
	struct ind_ent *e;
	struct imp_kolada_map *m;
	long n;
};

static int ind_cb(void *ctx, const struct store_row *r)
{
	struct ind_row *o = ctx;

	o->e->id = store_col_int(r, 0);
	o->e->by_sex = (int)store_col_int(r, 1);
	o->e->key = arena_strdup(&o->m->a, store_col_text(r, 2));
	o->n = store_col_int(r, 3);
	o->e->owner = store_col_int(r, 4);
	return 1;
}

/* indicator: the indicator of the row's indicator cell (key, or a name only one has) */
static int indicator(struct cst *k, const struct imp_csv_row *r, struct ind_ent **out)
{
	const char *s = r->cell[IMP_CSV_INDICATOR];
	int col = r->colno[IMP_CSV_INDICATOR], created, rc;
	struct ind_row o;
	struct sval a = SVS(s);

	*out = imp_kolada_map_get(&k->inds, s, strlen(s), &created);
	if (!*out)
		return imp_fail(k->c, r->line, "kolumn %d (indicator): fler än %d olika indikatorer"
				" i en fil", col, MAX_INDICATORS);
	if (!created)
		return LUP_OK;
	(*out)->first = r->line;
	o.e = *out;
	o.m = &k->inds;
	o.n = 0;
	if (k->c->st &&
	    (rc = store_query(k->c->st, STMT_IMP_CSV_INDICATOR, &a, 1, ind_cb, &o, k->c->e)) != LUP_OK)
		return rc;
	if (!k->c->st)
		return LUP_OK;
	if (!(*out)->id)
		return imp_fail(k->c, r->line, "kolumn %d (indicator): okänd indikator '%.100s' (ange dess nyckel"
				" eller exakta namn)", col, s);
	if (o.n > 1)
		return imp_fail(k->c, r->line, "kolumn %d (indicator): %ld indikatorer heter '%.100s'"
				" (ange nyckeln, t.ex. %s)", col, o.n, s, (*out)->key);
	/* a scoped import (an editor's) writes only outcomes and targets of its own indicators */
	return imp_scope_org(k->c, r->line, col, IMP_F_INDICATOR, s, (*out)->owner);
}

/* area: the area of the row's area cell: code ("180" is read as "0180"), key, name or alias */
static int area(struct cst *k, const struct imp_csv_row *r, int64_t *id)
{
	const char *s = r->cell[IMP_CSV_AREA];
	size_t n = strlen(s);
	char code[8];
	int64_t *e;
	int created, rc;

	*id = 0;
	e = imp_kolada_map_get(&k->areas, s, n, &created);
	if (!e)
		return imp_fail(k->c, r->line, "kolumn %d (area): fler än %d olika områden i en fil",
				r->colno[IMP_CSV_AREA], MAX_AREAS);
	if (created) {
		snprintf(code, sizeof(code), "%s", s);
		if (n > 0 && n < 4 && strspn(s, "0123456789") == n)
			snprintf(code, sizeof(code), "%0*d%s", (int)(4 - n), 0, s);
		{
			struct sval a[] = { SVS(s), SVS(code) };
			if ((rc = imp_id(k->c, STMT_IMP_CSV_AREA, a, 2, e)) != LUP_OK)
				return rc;
		}
		if (!*e && k->c->st)
			return imp_fail(k->c, r->line, "kolumn %d (area): okänt område '%.100s' (ange dess kod,"
					" nyckel eller namn)", r->colno[IMP_CSV_AREA], s);
	}
	*id = *e;
	return LUP_OK;
}

/* period: the id of the row's period, created when missing (cached) */
static int period(struct cst *k, const struct imp_csv_row *r, int64_t *id)
{
	const struct model_period *p = &r->period;
	int64_t *slot = &k->period[p->year - YEAR0][p->kind];
	char first[16], last[16];
	int rc;

	if (*slot) {
		*id = *slot;
		return LUP_OK;
	}
	if (model_period_bounds_text(p, first, sizeof(first), last, sizeof(last)) != 0)
		return imp_fail(k->c, r->line, "kolumn %d (period): inte en giltig period",
				r->colno[IMP_CSV_PERIOD]);
	{
		struct sval a[] = { SVI(p->year), SVS(model_period_kind_name(p->kind)), SVS(first), SVS(last) };
		if ((rc = imp_write(k->c, r->line, STMT_PERIOD_UPSERT, a, 4)) != LUP_OK ||
		    (rc = imp_id(k->c, STMT_PERIOD_ID, a, 2, id)) != LUP_OK)
			return rc;
	}
	*slot = *id;
	return LUP_OK;
}

/* period_open: the period lock (edit/period-lock.h) of period pid for the indicator's owner: a
 * locked period refuses the whole import. The periods found open are kept per owner (nothing in
 * an import locks one), so each is asked once. */
static int period_open(struct cst *k, const struct imp_csv_row *r, struct ind_ent *e, int64_t pid)
{
	char key[48];
	int n = snprintf(key, sizeof(key), "%" PRId64 " %" PRId64, e->owner, pid);
	struct period_lock lk;
	int locked;

	if (imp_kolada_map_find(&k->open, key, (size_t)n))
		return LUP_OK;
	locked = period_locked(k->c->st, pid, e->owner, k->today, &lk, k->c->e);
	if (locked < 0)
		return k->c->e->code ? k->c->e->code : LUP_EDB;
	if (locked)
		return imp_fail(k->c, r->line, "kolumn %d (period): %s", r->colno[IMP_CSV_PERIOD], lk.why);
	imp_kolada_map_get(&k->open, key, (size_t)n, NULL);	/* when full: asked again next time */
	return LUP_OK;
}

static int outcome(struct cst *k, const struct imp_csv_row *r, struct ind_ent *e, int64_t area_id)
{
	const char *src = *r->cell[IMP_CSV_SOURCE] ? r->cell[IMP_CSV_SOURCE] : k->source;
	char sex[2] = { r->sex, '\0' };
	int64_t pid;
	int rc;

	if (!model_sex_allowed(e->by_sex, r->sex) && k->c->st)
		return imp_fail(k->c, r->line, "kolumn %d (sex): indikatorn %s är inte uppdelad på kön (sätt by_sex"
				" till ja på en rad före, eller i webben)", r->colno[IMP_CSV_SEX], e->key);
	if ((rc = period(k, r, &pid)) != LUP_OK)
		return rc;
	if (k->c->st && (rc = period_open(k, r, e, pid)) != LUP_OK)
		return rc;
	{
		struct sval a[] = {
			SVI(e->id), SVI(pid), SVI(area_id), SVS(sex), r->missing ? SVNULL : SVD(r->value),
			SVI(r->missing), SVS(src), SVI(r->derived), SVI(0),
		};
		/* in batches (store_bulk): the values were checked above, so a failure is the database's */
		if ((rc = imp_bulk(k->c, STMT_OUTCOME_UPSERT_BULK, 9, 4, a)) != LUP_OK)
			return rc;
	}
	e->values++;
	e->missing += r->missing;
	imp_count(k->c, C_VALUES, 1);
	imp_count(k->c, C_MISSING, r->missing);
	return LUP_OK;
}

static int target(struct cst *k, const struct imp_csv_row *r, struct ind_ent *e)
{
	const char *src = *r->cell[IMP_CSV_SOURCE] ? r->cell[IMP_CSV_SOURCE] : k->source;
	struct sval value, unit;
	const char *mode = store_target_values(&r->target, &value, &unit);
	char sex[2] = { r->sex, '\0' };
	struct sval a[] = {
		SVI(e->id), SVI(r->period.year), SVS(r->kind == IMP_CSV_KF ? "kf" : "own"), SVS(sex), SVS(mode),
		value, unit, SVS(r->cell[IMP_CSV_VALUE]), SVS(src),
	};
	int rc;

	if (!model_sex_allowed(e->by_sex, r->sex) && k->c->st)
		return imp_fail(k->c, r->line, "kolumn %d (sex): indikatorn %s är inte uppdelad på kön: ett mål för"
				" kvinnor eller män kräver det", r->colno[IMP_CSV_SEX], e->key);
	if ((rc = imp_write(k->c, r->line, STMT_IND_TARGET_SEX_UPSERT, a, 9)) != LUP_OK)
		return rc;
	e->targets++;
	imp_count(k->c, C_TARGETS, 1);
	return LUP_OK;
}

/* flags: the row's by_sex and by_area cells, through edit_indicator_flags (the rule the web and
 * the API use); a file must not set a flag two ways */
static int flags(struct cst *k, const struct imp_csv_row *r, struct ind_ent *e)
{
	static const int cols[2] = { IMP_CSV_BY_SEX, IMP_CSV_BY_AREA };
	const int given[2] = { r->by_sex, r->by_area };
	struct ind_flags_out out;
	int rc, any = 0;

	for (int i = 0; i < 2; i++) {
		if (given[i] < 0)
			continue;
		if (e->flag_line[i] && e->flag[i] != given[i])
			return imp_fail(k->c, r->line, "kolumn %d (%s): indikatorn %s sattes till %s på rad %d",
					r->colno[cols[i]], i ? "by_area" : "by_sex", e->key, e->flag[i] ? "ja" : "nej",
					e->flag_line[i]);
		any |= !e->flag_line[i];
		e->flag_line[i] = r->line;
		e->flag[i] = given[i];
	}
	if (!any || !k->c->st)
		return LUP_OK;
	struct ind_flags_in in = { given[0] >= 0, given[0] > 0, given[1] >= 0, given[1] > 0, 0, NULL };
	/* the rule counts the indicator's outcomes by sex: those of the rows before, too */
	if ((rc = imp_bulk_flush(k->c)) != LUP_OK)
		return rc;
	if ((rc = edit_indicator_flags(k->c->st, e->id, &in, &out, k->c->e)) != LUP_OK)
		return rc;
	if (out.rule == IND_FLAGS_SEXED_LEFT)
		return imp_fail(k->c, r->line, "kolumn %d (by_sex): indikatorn %s har %ld utfall och %ld mål för kvinnor"
				" eller män; ta bort dem först", r->colno[IMP_CSV_BY_SEX], e->key, out.outcomes, out.targets);
	if (given[0] >= 0)
		e->by_sex = given[0];
	return LUP_OK;
}

static int on_row(void *ctx, const struct imp_csv_row *r)
{
	struct cst *k = ctx;
	struct ind_ent *e;
	int64_t area_id = 0;
	int rc;

	if (r->example) {	/* example data is never imported: not as example, not as real */
		imp_count(k->c, C_ROWS, 1);
		imp_count(k->c, C_SKIPPED, 1);
		return LUP_OK;
	}
	if ((rc = indicator(k, r, &e)) != LUP_OK || (rc = flags(k, r, e)) != LUP_OK)
		return rc;
	if (*r->cell[IMP_CSV_AREA] && (rc = area(k, r, &area_id)) != LUP_OK)
		return rc;
	imp_count(k->c, C_ROWS, 1);
	e->last = r->line;
	if (r->kind == IMP_CSV_OUTCOME)
		return outcome(k, r, e, area_id);
	return target(k, r, e);
}

/* report: what each indicator's rows became (at most MAX_TRACE entries) */
static void report(struct cst *k, const struct imp_csv_info *info)
{
	size_t n = k->inds.n < MAX_TRACE ? k->inds.n : MAX_TRACE;

	for (size_t i = 0; i < n; i++) {
		const struct ind_ent *e = k->inds.val[i];
		imp_trace(k->c, e->first, e->last, "values", "%s -> %s: %ld values (%ld missing), %ld targets",
			  k->inds.key[i], e->key ? e->key : "?", e->values, e->missing, e->targets);
	}
	if (k->inds.n > n)
		imp_trace(k->c, info->lines, info->lines, "more", "%zu more indicators not listed", k->inds.n - n);
	if (!info->rows)
		imp_warn(k->c, 0, "filen har en rubrikrad men inga rader");
}

/* feed: imp_stream's view of the parser */
static int feed(void *parser, const char *data, size_t n)
{
	return imp_csv_feed(parser, data, n);
}

static int parse_file(struct imp_ctx *c, FILE *f, size_t total, struct cst *k, struct imp_csv_info *info)
{
	const struct imp_csv_sink sink = { k, on_row };
	struct imp_csv_parser *p = imp_csv_open(c, &sink);
	int rc = imp_stream(c, f, total, feed, p);

	if (rc == LUP_OK)
		rc = imp_csv_finish(p, info);
	imp_csv_close(p);
	return rc;
}

static int run(struct imp_ctx *c)
{
	FILE *f = NULL;
	struct cst *k = NULL;
	struct imp_csv_info info;
	size_t total;
	const char *slash;
	int rc;

	if ((rc = imp_open(c, &f, &total)) != LUP_OK)
		return rc;
	k = xcalloc(1, sizeof(*k));
	k->c = c;
	k->today = model_today();
	slash = strrchr(c->path, '/');
	k->source = slash ? slash + 1 : c->path;
	imp_kolada_map_init(&k->inds, MAX_INDICATORS, sizeof(struct ind_ent));
	imp_kolada_map_init(&k->areas, MAX_AREAS, sizeof(int64_t));
	imp_kolada_map_init(&k->open, MAX_OPEN, 1);
	if ((rc = parse_file(c, f, total, k, &info)) == LUP_OK)
		report(k, &info);
	imp_kolada_map_release(&k->inds);
	imp_kolada_map_release(&k->areas);
	imp_kolada_map_release(&k->open);
	free(k);
	fclose(f);
	return rc;
}

const struct imp_kind imp_kind_csv = {
	"csv", keys, run, "outcomes and targets as CSV (indicator, area, period, sex, value)", 1,
};
