/* import.c: the import driver (transaction, dry run, audit) and the helpers importers share. */
#include "import/import.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "render/json.h"
#include "store/audit.h"
#include "core/utf8.h"

#include <errno.h>
#include <sodium.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct imp_kind *const kinds[] = {
	&imp_kind_plan, &imp_kind_commission, &imp_kind_lup, &imp_kind_kolada, &imp_kind_csv, &imp_kind_json,
	&imp_kind_allocations,
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

const struct imp_kind *imp_kind_find(const char *name)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}

void imp_kinds_print(FILE *f)
{
	for (size_t i = 0; i < NKINDS; i++)
		fprintf(f, "%s%s", i ? ", " : "", kinds[i]->name);
}

static double now_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void imp_count(struct imp_ctx *c, int i, long n)
{
	if (i >= 0 && i < IMP_MAX_KEYS)
		c->r->counts[i] += n;
}

static char *vfmt(struct arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

static char *vfmt(struct arena *a, const char *fmt, va_list ap)
{
	char tmp[1024];

	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	return arena_strdup(a, tmp);
}

void imp_warn(struct imp_ctx *c, int line, const char *fmt, ...)
{
	struct imp_report *r = c->r;
	va_list ap;

	if (r->nwarn == r->capwarn) {
		int ncap = r->capwarn ? 2 * r->capwarn : 16;
		struct imp_warning *w = arena_alloc(c->a, sizeof(*w) * (size_t)ncap);
		if (r->nwarn)
			memcpy(w, r->warn, sizeof(*w) * (size_t)r->nwarn);
		r->warn = w;
		r->capwarn = ncap;
	}
	va_start(ap, fmt);
	r->warn[r->nwarn].msg = vfmt(c->a, fmt, ap);
	va_end(ap);
	r->warn[r->nwarn].line = line;
	r->warn[r->nwarn].file = c->path;
	r->nwarn++;
}

void imp_trace(struct imp_ctx *c, int line, int last, const char *what, const char *fmt, ...)
{
	struct imp_report *r = c->r;
	va_list ap;

	if (!c->trace)
		return;
	if (r->ntrace == r->captrace) {
		int ncap = r->captrace ? 2 * r->captrace : 64;
		struct imp_trace_entry *t = arena_alloc(c->a, sizeof(*t) * (size_t)ncap);
		if (r->ntrace)
			memcpy(t, r->trace, sizeof(*t) * (size_t)r->ntrace);
		r->trace = t;
		r->captrace = ncap;
	}
	va_start(ap, fmt);
	r->trace[r->ntrace].detail = vfmt(c->a, fmt, ap);
	va_end(ap);
	r->trace[r->ntrace].line = line;
	r->trace[r->ntrace].last = last < line ? line : last;
	r->trace[r->ntrace].what = what;
	r->ntrace++;
}

int imp_fail(struct imp_ctx *c, int line, const char *fmt, ...)
{
	char msg[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (line > 0)
		return err_set(c->e, LUP_EINVAL, "%s:%d: %s", c->path, line, msg);
	return err_set(c->e, LUP_EINVAL, "%s: %s", c->path, msg);
}

static const char *const field_names[IMP_F__MAX] = {
	[IMP_F_NONE] = "reference", [IMP_F_KIND] = "kind", [IMP_F_ORG] = "organisation", [IMP_F_PLAN] = "plan",
	[IMP_F_GOAL] = "goal", [IMP_F_COUNCIL_GOAL] = "council's goal", [IMP_F_PARENT] = "parent goal",
	[IMP_F_INDICATOR] = "indicator", [IMP_F_IND_GOAL] = "indicator's goal", [IMP_F_ACTIVITY] = "activity",
	[IMP_F_ACT_GOAL] = "activity's goal", [IMP_F_DISTRICT] = "district",
};

const char *imp_field_name(enum imp_field f)
{
	return f >= 0 && f < IMP_F__MAX && field_names[f] ? field_names[f] : "reference";
}

const char *imp_deny_text(enum imp_deny why)
{
	switch (why) {
	case IMP_DENY_OTHER_ORG:
		return "belongs to another organisation: an editor imports only its own organisation's data";
	case IMP_DENY_COUNCIL:
		return "is a council's goal the database lacks: only an administrator imports the council's goals";
	case IMP_DENY_NEW_ORG:
		return "is not in the database: only an administrator adds organisations";
	case IMP_DENY_KIND:
		return "touches many organisations: only an administrator runs this kind of import";
	case IMP_DENY_OTHER_DISTRICT:
		return "is another district: an editor imports only its own district's LUP (into a new draft)";
	case IMP_DENY_NONE:
		break;
	}
	return "is outside what this import may touch";
}

/* cut_value: s cut to at most 100 bytes on a character boundary, in the arena */
static const char *cut_value(struct imp_ctx *c, const char *s)
{
	char buf[104];
	size_t n = s ? strlen(s) : 0;

	if (n <= 100)
		return arena_strdup(c->a, s ? s : "");
	n = 100;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return arena_strdup(c->a, buf);
}

int imp_refuse(struct imp_ctx *c, enum imp_deny why, int line, int col, enum imp_field f, const char *value)
{
	struct imp_refusal *x = &c->r->refused;
	const char *slash = c->path ? strrchr(c->path, '/') : NULL;
	char where[32] = "";

	x->why = why;
	x->field = f;
	x->file = arena_strdup(c->a, slash ? slash + 1 : c->path ? c->path : "");
	x->line = line;
	x->col = col;
	x->value = cut_value(c, value);
	if (col > 0)
		snprintf(where, sizeof(where), "column %d ", col);
	return imp_fail(c, line, "%s(%s): '%s' %s", where, imp_field_name(f), x->value, imp_deny_text(why));
}

int imp_scope_org(struct imp_ctx *c, int line, int col, enum imp_field f, const char *value, int64_t org)
{
	int ok;

	if (!c->scope || !c->st)
		return LUP_OK;
	if ((ok = c->scope->org(c->scope->ctx, c->st, org, c->e)) < 0)
		return c->e->code ? (int)c->e->code : LUP_EDB;
	return ok ? LUP_OK : imp_refuse(c, IMP_DENY_OTHER_ORG, line, col, f, value);
}

int imp_scope_goal(struct imp_ctx *c, int line, int col, enum imp_field f, const char *value, int64_t goal)
{
	int ok;

	if (!c->scope || !c->st)
		return LUP_OK;
	if ((ok = c->scope->goal(c->scope->ctx, c->st, goal, c->e)) < 0)
		return c->e->code ? (int)c->e->code : LUP_EDB;
	return ok ? LUP_OK : imp_refuse(c, IMP_DENY_OTHER_ORG, line, col, f, value);
}

int imp_write(struct imp_ctx *c, int line, enum stmt s, const struct sval *args, int nargs)
{
	int changed = 0, rc;

	if (!c->st)
		return LUP_OK;
	rc = store_exec(c->st, s, args, nargs, NULL, &changed, c->e);
	if (rc != LUP_OK) {
		if (line > 0)
			err_prefix(c->e, "%s:%d: ", c->path, line);
		else
			err_prefix(c->e, "%s: ", c->path);
		return rc;
	}
	c->r->changed += changed;
	return LUP_OK;
}

/* bulk_err: rc with "path: import KIND: " before the message */
static int bulk_err(struct imp_ctx *c, int rc)
{
	err_prefix(c->e, "%s: import %s: ", c->path, c->kind ? c->kind->name : "?");
	return rc;
}

int imp_bulk(struct imp_ctx *c, enum stmt s, int nargs, int nkeys, const struct sval *args)
{
	int rc;

	if (!c->st)
		return LUP_OK;
	if (c->bulk && c->bulk_stmt != s && (rc = imp_bulk_end(c, 0)) != LUP_OK)
		return rc;
	if (!c->bulk) {
		if ((rc = store_bulk_begin(c->st, s, nargs, nkeys, &c->bulk, c->e)) != LUP_OK)
			return bulk_err(c, rc);
		c->bulk_stmt = s;
	}
	if ((rc = store_bulk_add(c->bulk, args, c->e)) != LUP_OK)
		return bulk_err(c, rc);
	return LUP_OK;
}

int imp_bulk_flush(struct imp_ctx *c)
{
	int rc;

	if (!c->bulk || (rc = store_bulk_flush(c->bulk, c->e)) == LUP_OK)
		return LUP_OK;
	return bulk_err(c, rc);
}

int imp_bulk_end(struct imp_ctx *c, int fail)
{
	int64_t changed = 0;
	int rc;

	if (!c->bulk)
		return LUP_OK;
	if (fail) {
		store_bulk_free(c->bulk);
		c->bulk = NULL;
		return LUP_OK;
	}
	rc = store_bulk_end(c->bulk, &changed, c->e);
	c->bulk = NULL;
	if (rc != LUP_OK)
		return bulk_err(c, rc);
	c->r->changed += (int)changed;
	return LUP_OK;
}

int imp_id(struct imp_ctx *c, enum stmt s, const struct sval *args, int nargs, int64_t *id)
{
	*id = 0;
	if (!c->st)
		return LUP_OK;
	return store_query_id(c->st, s, args, nargs, id, c->e);
}

int imp_org(struct imp_ctx *c, const char *name, int64_t *id)
{
	struct sval v = SVS(name);

	return imp_id(c, STMT_ORG_ID_LOOSE, &v, 1, id);
}

int imp_split_text(struct imp_ctx *c, const char *buf, size_t len, struct imp_text *t)
{
	char *d, *p, *end;
	int cap = 256, n = 0;

	if (len > IMP_MAX_TEXT)
		return err_set(c->e, LUP_ETOOBIG, "%s: %zu bytes, more than the limit of %zu",
			       c->path, len, IMP_MAX_TEXT);
	d = arena_alloc(c->a, len + 1);
	memcpy(d, buf, len);
	d[len] = '\0';
	p = d;
	end = d + len;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	t->data = d;
	t->lines = arena_alloc(c->a, sizeof(char *) * (size_t)cap);
	while (p < end) {
		char *e = p;
		while (e < end && *e != '\n' && *e != '\r')
			e++;
		if ((size_t)(e - p) > IMP_MAX_LINE)
			return imp_fail(c, n + 1, "line longer than %d bytes", IMP_MAX_LINE);
		if (!utf8_valid(p, (size_t)(e - p)))
			return imp_fail(c, n + 1, "not valid UTF-8 text (convert the file to UTF-8)");
		if (n == cap) {
			char **nl = arena_alloc(c->a, sizeof(char *) * (size_t)cap * 2);
			memcpy(nl, t->lines, sizeof(char *) * (size_t)cap);
			t->lines = nl;
			cap *= 2;
		}
		t->lines[n++] = p;
		if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n')
			*e++ = '\0';
		if (e < end)
			*e++ = '\0';
		p = e;
	}
	t->nlines = n;
	return LUP_OK;
}

/* note_sha: c->sha256 and c->bytes of the document's len bytes at data */
static void note_sha(struct imp_ctx *c, const char *data, size_t len)
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)data, len);
	sodium_bin2hex(c->sha256, sizeof(c->sha256), h, sizeof(h));
	c->bytes = len;
}

int imp_read_text(struct imp_ctx *c, struct imp_text *t)
{
	FILE *f;
	struct buf b;
	char chunk[65536];
	size_t n;
	int rc;

	if (c->data) {
		note_sha(c, c->data, c->len);
		return imp_split_text(c, c->data, c->len, t);
	}
	if (!(f = fopen(c->path, "rb")))
		return err_set(c->e, LUP_EIO, "cannot open '%s': %s", c->path, strerror(errno));
	buf_init(&b, IMP_MAX_TEXT);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (buf_add(&b, chunk, n) < 0)
			break;
	if (ferror(f)) {
		rc = err_set(c->e, LUP_EIO, "cannot read '%s': %s", c->path, strerror(errno));
	} else if (b.overflow) {
		rc = err_set(c->e, LUP_ETOOBIG, "'%s' is larger than the limit of %zu bytes", c->path, IMP_MAX_TEXT);
	} else {
		note_sha(c, b.ptr ? b.ptr : "", b.len);
		rc = imp_split_text(c, b.ptr ? b.ptr : "", b.len, t);
	}
	fclose(f);
	buf_release(&b);
	return rc;
}

int imp_open(struct imp_ctx *c, FILE **f, size_t *total)
{
	struct stat sb;

	*total = 0;
	if (c->data) {
		/* fmemopen refuses a zero size: an empty document reads as the one byte "" */
		*f = fmemopen((void *)c->data, c->len ? c->len : 1, "rb");
		if (!*f)
			return err_set(c->e, LUP_EIO, "cannot read '%s': %s", c->path, strerror(errno));
		*total = c->len;
		if (!c->len)
			fgetc(*f);
		return LUP_OK;
	}
	if (!(*f = fopen(c->path, "rb")))
		return err_set(c->e, LUP_EIO, "cannot open '%s': %s", c->path, strerror(errno));
	if (fstat(fileno(*f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(*f);
		*f = NULL;
		return err_set(c->e, LUP_EIO, "'%s' is not a regular file", c->path);
	}
	*total = (size_t)sb.st_size;
	return LUP_OK;
}

const char *imp_doc_name(const struct imp_ctx *c)
{
	const char *slash = c->path ? strrchr(c->path, '/') : NULL;

	return slash ? slash + 1 : c->path ? c->path : "";
}

/* doc_row: c->doc_id, making the document's source_doc row when it is the first use */
static int doc_row(struct imp_ctx *c)
{
	char at[32];
	time_t now = time(NULL);
	struct tm tm;
	const char *name = imp_doc_name(c);
	int rc;

	if (c->doc_id)
		return LUP_OK;
	if (!c->sha256[0])
		return err_set(c->e, LUP_EINVAL, "%s: provenance asked before the document was read", c->path);
	{
		struct sval k[2] = { SVS(c->sha256), SVS(name) };
		if ((rc = store_query_id(c->st, STMT_PROV_DOC_FIND, k, 2, &c->doc_id, c->e)) != LUP_OK || c->doc_id)
			return rc;
	}
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	{
		struct sval v[7] = { SVS(name), SVS(c->sha256), SVI((int64_t)c->bytes), SVS(c->kind->name),
				     SVS(at), c->user_id ? SVI(c->user_id) : SVNULL,
				     SVS(c->actor ? c->actor : "lup import") };
		return store_query_id(c->st, STMT_PROV_DOC_ADD, v, 7, &c->doc_id, c->e);
	}
}

int imp_prov(struct imp_ctx *c, const char *entity, int64_t id, int line, int last)
{
	int rc;

	if (!c->st || id <= 0 || line <= 0)
		return LUP_OK;
	if ((rc = doc_row(c)) != LUP_OK)
		return rc;
	{
		struct sval v[5] = { SVS(entity), SVI(id), SVI(c->doc_id), SVI(line), SVI(last < line ? line : last) };
		if ((rc = store_exec(c->st, STMT_PROV_SET, v, 5, NULL, NULL, c->e)) != LUP_OK)
			err_prefix(c->e, "%s:%d: ", c->path, line);
		return rc;
	}
}

int imp_stream(struct imp_ctx *c, FILE *f, size_t total,
	       int (*feed)(void *parser, const char *data, size_t n), void *parser)
{
	const size_t chunk = (size_t)256 << 10;
	char *buf = xmalloc(chunk);
	size_t n, done = 0;
	crypto_hash_sha256_state hs;
	unsigned char h[crypto_hash_sha256_BYTES];
	int rc = LUP_OK;

	crypto_hash_sha256_init(&hs);
	while (rc == LUP_OK && (n = fread(buf, 1, chunk, f)) > 0) {
		crypto_hash_sha256_update(&hs, (const unsigned char *)buf, n);
		rc = feed(parser, buf, n);
		done += n;
		imp_progress(c, done, total);
	}
	if (rc == LUP_OK && ferror(f))
		rc = err_set(c->e, LUP_EIO, "cannot read '%s': %s", c->path, strerror(errno));
	if (rc == LUP_OK) {
		crypto_hash_sha256_final(&hs, h);
		sodium_bin2hex(c->sha256, sizeof(c->sha256), h, sizeof(h));
		c->bytes = done;
	}
	free(buf);
	return rc;
}

void imp_progress(struct imp_ctx *c, size_t done, size_t total)
{
	double t = now_mono();

	if (t - c->started < 1.0 || !total)
		return;
	fprintf(stderr, "\rlup import: %s %3d %%", c->path, (int)(100.0 * (double)done / (double)total));
	c->progress_shown = 1;
}

static int audit(struct store *st, const struct imp_kind *k, const char *const *files,
		 const char *const *shas, int nfiles, const struct imp_opts *o, const struct imp_report *r,
		 struct err *e)
{
	char at[32];
	time_t now = time(NULL);
	struct tm tm;
	struct buf b;
	struct json j;
	int rc;

	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_init(&b, 1 << 20);
	json_init(&j, &b, 0);
	json_obj_open(&j);
	json_key(&j, "kind"); json_str(&j, k->name);
	json_key(&j, "files"); json_arr_open(&j);
	for (int i = 0; i < nfiles; i++)
		json_str(&j, files[i]);
	json_arr_close(&j);
	json_key(&j, "sha256"); json_arr_open(&j);
	for (int i = 0; i < nfiles; i++)
		json_str(&j, shas[i]);
	json_arr_close(&j);
	json_key(&j, "changed"); json_int(&j, r->changed);
	for (int i = 0; k->keys[i] && i < IMP_MAX_KEYS; i++) {
		json_key(&j, k->keys[i]);
		json_int(&j, r->counts[i]);
	}
	json_obj_close(&j);
	json_finish(&j);
	{
		struct audit_rec rec = { at, o->user_id, o->actor ? o->actor : "lup import", "load", "import", 0,
					 NULL, b.ptr };
		rc = audit_write(st, &rec, e);
	}
	buf_release(&b);
	return rc;
}

/* substance: what the report counts so far, all keys but "skipped" (rows the kind passes by) */
static long substance(const struct imp_kind *k, const struct imp_report *r)
{
	long n = 0;

	for (int i = 0; k->keys[i] && i < IMP_MAX_KEYS; i++)
		if (strcmp(k->keys[i], "skipped") != 0)
			n += r->counts[i];
	return n;
}

/* nothing_check: a document that gave nothing to import (its counts, "skipped" aside, did not
 * grow) fails the import, saying so in Swedish with the importer's warnings about it (from
 * index nwarn on) as the reason. Re-importing rows that are already there counts them: that is
 * not "nothing". */
static int nothing_check(struct imp_ctx *c, long before, int nwarn)
{
	struct imp_report *r = c->r;
	struct buf b;
	int rc;

	if (substance(c->kind, r) > before)
		return LUP_OK;
	buf_init(&b, 2048);
	buf_addf(&b, "dokumentet innehåller inget som kan importeras");
	for (int i = nwarn; i < r->nwarn && i < nwarn + 5; i++) {
		buf_addf(&b, "%s", i == nwarn ? ": " : "; ");
		if (r->warn[i].line > 0)
			buf_addf(&b, "rad %d: ", r->warn[i].line);
		buf_addf(&b, "%s", r->warn[i].msg);
	}
	if (r->nwarn == nwarn)
		buf_addf(&b, " (ingen rad i det motsvarar något som lup känner igen)");
	rc = imp_fail(c, 0, "%s", b.ptr ? b.ptr : "");
	buf_release(&b);
	return rc;
}

int imp_run(struct store *st, const struct imp_kind *k, const char *const *files, int nfiles,
	    const struct imp_opts *o, struct arena *a, struct imp_report *r, struct err *e)
{
	struct imp_input *in = arena_alloc(a, sizeof(*in) * (size_t)(nfiles > 0 ? nfiles : 1));

	for (int i = 0; i < nfiles; i++)
		in[i] = (struct imp_input){ files[i], NULL, 0 };
	return imp_run_inputs(st, k, in, nfiles, o, a, r, e);
}

int imp_run_inputs(struct store *st, const struct imp_kind *k, const struct imp_input *in, int n,
		   const struct imp_opts *o, struct arena *a, struct imp_report *r, struct err *e)
{
	struct imp_ctx c = { .st = st, .a = a, .e = e, .org = o->org, .year = o->year,
			     .dry_run = o->dry_run, .trace = o->trace || o->dry_run, .r = r, .kind = k,
			     .scope = o->scope, .actor = o->actor, .user_id = o->user_id };
	const char **names = arena_alloc(a, sizeof(char *) * (size_t)(n > 0 ? n : 1));
	const char **shas = arena_alloc(a, sizeof(char *) * (size_t)(n > 0 ? n : 1));
	long before;
	int rc, brc, nwarn;

	memset(r, 0, sizeof(*r));
	r->kind = k->name;
	c.started = now_mono();
	if (sodium_init() < 0)
		return err_set(e, LUP_EINVAL, "libsodium could not start");
	if (o->scope && !k->scoped) {
		c.path = n > 0 ? in[0].name : "";
		return imp_refuse(&c, IMP_DENY_KIND, 0, 0, IMP_F_KIND, k->name);
	}
	if ((rc = store_begin(st, e)) != LUP_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		c.path = in[i].name;
		c.data = in[i].data;
		c.len = in[i].len;
		c.sha256[0] = '\0';
		c.bytes = 0;
		c.doc_id = 0;
		before = substance(k, r);
		nwarn = r->nwarn;
		rc = k->run(&c);
		brc = imp_bulk_end(&c, rc != LUP_OK);	/* the document's bulk rows, applied or dropped */
		if ((rc = rc != LUP_OK ? rc : brc) != LUP_OK || (rc = nothing_check(&c, before, nwarn)) != LUP_OK)
			goto err;
		names[i] = in[i].name;
		shas[i] = arena_strdup(a, c.sha256);
		r->files++;
	}
	if (c.progress_shown)
		fputs("\n", stderr);
	if (o->dry_run) {
		store_rollback(st);
		return LUP_OK;
	}
	if (r->changed && (rc = audit(st, k, names, shas, n, o, r, e)) != LUP_OK)
		goto err;
	return store_commit(st, e);
err:
	if (c.progress_shown)
		fputs("\n", stderr);
	store_rollback(st);
	return rc;
}

char *imp_report_json(const struct imp_report *r, const struct imp_kind *k, int dry_run)
{
	struct buf b;
	struct json j;

	buf_init(&b, 0);
	json_init(&j, &b, 1);
	json_obj_open(&j);
	for (int i = 0; k->keys[i] && i < IMP_MAX_KEYS; i++) {
		json_key(&j, k->keys[i]);
		json_int(&j, r->counts[i]);
	}
	json_key(&j, "changed"); json_int(&j, r->changed);
	json_key(&j, "dry_run"); json_bool(&j, dry_run);
	json_key(&j, "warnings");
	json_arr_open(&j);
	for (int i = 0; i < r->nwarn; i++) {
		json_obj_open(&j);
		json_key(&j, "file"); json_str(&j, r->warn[i].file);
		json_key(&j, "line"); json_int(&j, r->warn[i].line);
		json_key(&j, "message"); json_str(&j, r->warn[i].msg);
		json_obj_close(&j);
	}
	json_arr_close(&j);
	if (r->ntrace) {
		json_key(&j, "trace");
		json_arr_open(&j);
		for (int i = 0; i < r->ntrace; i++) {
			json_obj_open(&j);
			json_key(&j, "line"); json_int(&j, r->trace[i].line);
			json_key(&j, "last"); json_int(&j, r->trace[i].last);
			json_key(&j, "what"); json_str(&j, r->trace[i].what);
			json_key(&j, "detail"); json_str(&j, r->trace[i].detail);
			json_obj_close(&j);
		}
		json_arr_close(&j);
	}
	json_obj_close(&j);
	json_finish(&j);
	return buf_detach(&b, NULL);
}
