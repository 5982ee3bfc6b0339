/* dataset.c: the dataset loader's driver (MANIFEST, transaction, audit) and shared helpers. */
#include "load/dataset.h"
#include "load/load-int.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "render/json.h"
#include "store/audit.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MANIFEST_MAX_LINE 512

const char *ld_cell(struct load_ctx *c, int i)
{
	return c->t->cell[i];
}

int ld_fail(struct load_ctx *c, int col, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (col >= 0)
		return err_set(c->e, LUP_EINVAL, "%s:%d: column '%s': %s", c->t->path, c->t->line,
			       c->t->cols[col].name, msg);
	return err_set(c->e, LUP_EINVAL, "%s:%d: %s", c->t->path, c->t->line, msg);
}

int ld_ref_text(struct load_ctx *c, int col, const char *key, enum stmt s, const char *what, int64_t *id)
{
	struct sval k = SVS(key);
	int rc = store_query_id(c->st, s, &k, 1, id, c->e);

	if (rc != LUP_OK) {
		err_prefix(c->e, "%s:%d: ", c->t->path, c->t->line);
		return rc;
	}
	if (!*id)
		return ld_fail(c, col, "unknown %s '%s'", what, key);
	return LUP_OK;
}

int ld_ref(struct load_ctx *c, int col, enum stmt s, const char *what, int required, int64_t *id)
{
	const char *v = ld_cell(c, col);

	*id = 0;
	if (!v)
		return required ? ld_fail(c, col, "a %s is required", what) : LUP_OK;
	return ld_ref_text(c, col, v, s, what, id);
}

int ld_enum(struct load_ctx *c, int col, const char *const *values, int required, const char **out)
{
	const char *v = ld_cell(c, col);
	struct buf b;
	int rc;

	*out = NULL;
	if (!v)
		return required ? ld_fail(c, col, "a value is required") : LUP_OK;
	for (int i = 0; values[i]; i++)
		if (strcmp(v, values[i]) == 0) {
			*out = values[i];
			return LUP_OK;
		}
	buf_init(&b, 1024);
	for (int i = 0; values[i]; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", values[i]);
	rc = ld_fail(c, col, "'%s' is not one of: %s", v, b.ptr);
	buf_release(&b);
	return rc;
}

int ld_int(struct load_ctx *c, int col, long min, long max, int required, long def, long *out)
{
	const char *v = ld_cell(c, col);
	char *end;
	long n;

	*out = def;
	if (!v)
		return required ? ld_fail(c, col, "a number is required") : LUP_OK;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || *end)
		return ld_fail(c, col, "'%s' is not a whole number", v);
	if (n < min || n > max)
		return ld_fail(c, col, "%ld is outside %ld..%ld", n, min, max);
	*out = n;
	return LUP_OK;
}

int ld_bool(struct load_ctx *c, int col, long *out)
{
	return ld_int(c, col, 0, 1, 0, 0, out);
}

int ld_write(struct load_ctx *c, enum stmt s, const struct sval *args, int nargs)
{
	int changed = 0, rc = store_exec(c->st, s, args, nargs, NULL, &changed, c->e);

	if (rc != LUP_OK) {
		err_prefix(c->e, "%s:%d: ", c->t->path, c->t->line);
		return rc;
	}
	c->changed += changed;
	return LUP_OK;
}

int ld_list(struct load_ctx *c, int col, char ***items)
{
	return tsv_split_list(c->a, ld_cell(c, col), items);
}

int ld_plan_version(struct load_ctx *c, int col, int required, int64_t *pv)
{
	return ld_ref(c, col, STMT_PLAN_VERSION_LATEST, "plan", required, pv);
}

static const struct table_loader *find_loader(const char *name)
{
	const struct table_loader *const groups[] = { load_org_tables, load_plan_tables, load_goal_tables };

	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		for (const struct table_loader *l = groups[g]; l->name; l++)
			if (strcmp(l->name, name) == 0)
				return l;
	return NULL;
}

/* pass: reads the whole file once, calling fn per record. */
static int pass(struct load_ctx *c, const struct table_loader *l, const char *path,
		int (*fn)(struct load_ctx *), int count)
{
	struct tsv t;
	int rc, more;

	if ((rc = tsv_open(&t, path, l->cols, l->ncols, c->e)) != LUP_OK)
		return rc;
	c->t = &t;
	while ((more = tsv_next(&t, c->e)) > 0) {
		if (count)
			c->rows++;
		if ((rc = fn(c)) != LUP_OK)
			goto out;
	}
	rc = more < 0 ? c->e->code : LUP_OK;
out:
	c->t = NULL;
	tsv_close(&t);
	return rc;
}

static int load_file(struct load_ctx *c, const char *dir, const char *table, const char *file,
		     const char *mpath, int mline)
{
	const struct table_loader *l = find_loader(table);
	char path[PATH_MAX];
	int rc;

	if (!l)
		return err_set(c->e, LUP_EINVAL, "%s:%d: unknown table '%s'", mpath, mline, table);
	if (strchr(file, '/') || strcmp(file, "..") == 0)
		return err_set(c->e, LUP_EINVAL, "%s:%d: file '%s' must be a plain name in the dataset"
			       " directory", mpath, mline, file);
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, file) >= sizeof(path))
		return err_set(c->e, LUP_EINVAL, "%s:%d: path too long", mpath, mline);
	if ((rc = pass(c, l, path, l->row, 1)) != LUP_OK)
		return rc;
	if (l->link && (rc = pass(c, l, path, l->link, 0)) != LUP_OK)
		return rc;
	return LUP_OK;
}

/* parse_manifest_line: splits "TABLE FILE" in place; 0 for a blank/comment line, 1 for an
 * entry, -1 for a malformed one. */
static int parse_manifest_line(char *line, char **table, char **file)
{
	char *extra;

	line[strcspn(line, "\r\n")] = '\0';
	*table = strtok(line, " \t");
	if (!*table || **table == '#')
		return 0;
	*file = strtok(NULL, " \t");
	extra = strtok(NULL, " \t");
	return (*file && !extra) ? 1 : -1;
}

static int load_manifest(struct load_ctx *c, const char *dir, int *files)
{
	char mpath[PATH_MAX], line[MANIFEST_MAX_LINE], *table, *file;
	FILE *f;
	int rc = LUP_OK, n = 0, k;

	snprintf(mpath, sizeof(mpath), "%s/MANIFEST", dir);
	if (!(f = fopen(mpath, "r")))
		return err_set(c->e, LUP_EIO, "cannot open '%s': %s", mpath, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		n++;
		if (!strchr(line, '\n') && !feof(f)) {
			rc = err_set(c->e, LUP_EINVAL, "%s:%d: line too long", mpath, n);
			break;
		}
		if ((k = parse_manifest_line(line, &table, &file)) == 0)
			continue;
		if (k < 0) {
			rc = err_set(c->e, LUP_EINVAL, "%s:%d: expected 'TABLE FILE'", mpath, n);
			break;
		}
		if ((rc = load_file(c, dir, table, file, mpath, n)) != LUP_OK)
			break;
		(*files)++;
	}
	fclose(f);
	return rc;
}

void load_report_json(struct json *j, const char *dir, const struct load_report *r)
{
	json_obj_open(j);
	json_key(j, "dataset"); json_str(j, dir);
	json_key(j, "files"); json_int(j, r->files);
	json_key(j, "rows"); json_int(j, r->rows);
	json_key(j, "changed"); json_int(j, r->changed);
	json_key(j, "example_outcomes"); json_int(j, r->examples);
	json_obj_close(j);
}

static int audit_load(struct store *st, const char *dir, const char *actor,
		      const struct load_report *r, struct err *e)
{
	char at[32];
	time_t now = time(NULL);
	struct tm tm;
	struct buf b;
	struct json j;
	int rc;

	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_init(&b, 4096);
	json_init(&j, &b, 0);
	load_report_json(&j, dir, r);
	json_finish(&j);
	{
		struct audit_rec rec = { at, 0, actor, "load", "dataset", 0, NULL, b.ptr };
		rc = audit_write(st, &rec, e);
	}
	buf_release(&b);
	return rc;
}

int load_dataset(struct store *st, const char *dir, const char *actor, struct load_report *r,
		 struct err *e)
{
	struct arena a = ARENA_INIT;
	struct load_ctx c = { .st = st, .a = &a, .e = e };
	int rc, ex_changed = 0;

	memset(r, 0, sizeof(*r));
	if ((rc = store_begin(st, e)) != LUP_OK)
		return rc;
	if ((rc = load_manifest(&c, dir, &r->files)) != LUP_OK)
		goto err;
	if ((rc = load_examples(st, e, c.pops, c.npops, &r->examples, &ex_changed)) != LUP_OK)
		goto err;
	r->rows = c.rows;
	r->changed = c.changed + ex_changed;
	if (r->changed && (rc = audit_load(st, dir, actor, r, e)) != LUP_OK)
		goto err;
	if ((rc = store_commit(st, e)) != LUP_OK)
		goto err;
	arena_release(&a);
	return LUP_OK;
err:
	store_rollback(st);
	arena_release(&a);
	return rc;
}
