/* tsv.c: the dataset's tab-separated file reader. */
#include "load/tsv.h"
#include "core/arena.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "core/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_file(struct tsv *t, struct err *e)
{
	FILE *f = fopen(t->path, "rb");
	long size;

	if (!f)
		return err_set(e, LUP_EIO, "cannot open '%s': %s", t->path, strerror(errno));
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return err_set(e, LUP_EIO, "cannot read '%s': %s", t->path, strerror(errno));
	}
	if ((size_t)size > TSV_MAX_FILE) {
		fclose(f);
		return err_set(e, LUP_ETOOBIG, "'%s' is %ld bytes, more than the limit of %zu",
			       t->path, size, TSV_MAX_FILE);
	}
	t->data = xmalloc((size_t)size + 1);
	t->len = fread(t->data, 1, (size_t)size, f);
	t->data[t->len] = '\0';
	if (ferror(f)) {
		fclose(f);
		return err_set(e, LUP_EIO, "cannot read '%s': %s", t->path, strerror(errno));
	}
	fclose(f);
	if (memchr(t->data, '\0', t->len))
		return err_set(e, LUP_EINVAL, "%s: contains a NUL byte (not a text file)", t->path);
	if (t->len >= 3 && memcmp(t->data, "\xef\xbb\xbf", 3) == 0)
		t->pos = 3;
	return LUP_OK;
}

/* next_line: returns the next line (NUL-terminated in place, CR stripped) or NULL at end. */
static char *next_line(struct tsv *t)
{
	char *s, *nl;

	if (t->pos >= t->len)
		return NULL;
	s = t->data + t->pos;
	nl = strchr(s, '\n');
	if (nl) {
		*nl = '\0';
		t->pos = (size_t)(nl - t->data) + 1;
	} else {
		t->pos = t->len;
	}
	t->line++;
	if (*s && s[strlen(s) - 1] == '\r')
		s[strlen(s) - 1] = '\0';
	return s;
}

static int skippable(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0' || *s == '#';
}

static int find_col(const struct tsv *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return i;
	return -1;
}

static int parse_header(struct tsv *t, char *line, struct err *e)
{
	int seen[TSV_MAX_COLS] = {0};
	char *p = line, *tab;

	t->nfile = 0;
	for (;;) {
		int c;
		tab = strchr(p, '\t');
		if (tab)
			*tab = '\0';
		if (t->nfile >= TSV_MAX_COLS)
			return err_set(e, LUP_EINVAL, "%s:%d: more than %d columns in the header",
				       t->path, t->line, TSV_MAX_COLS);
		c = find_col(t, p);
		if (c < 0)
			return err_set(e, LUP_EINVAL, "%s:%d: unknown column '%s'", t->path, t->line, p);
		if (seen[c]++)
			return err_set(e, LUP_EINVAL, "%s:%d: column '%s' appears twice", t->path, t->line, p);
		t->map[t->nfile++] = c;
		if (!tab)
			break;
		p = tab + 1;
	}
	for (int i = 0; i < t->ncols; i++)
		if (t->cols[i].required && !seen[i])
			return err_set(e, LUP_EINVAL, "%s:%d: required column '%s' is missing from the header",
				       t->path, t->line, t->cols[i].name);
	return LUP_OK;
}

int tsv_open(struct tsv *t, const char *path, const struct tsv_col *cols, int ncols, struct err *e)
{
	char *line;
	int rc;

	memset(t, 0, sizeof(*t));
	t->path = path;
	t->cols = cols;
	t->ncols = ncols;
	if (ncols > TSV_MAX_COLS)
		return err_set(e, LUP_EINVAL, "%s: too many columns declared", path);
	if ((rc = read_file(t, e)) != LUP_OK)
		goto err;
	while ((line = next_line(t)) && skippable(line))
		;
	if (!line) {
		rc = err_set(e, LUP_EINVAL, "%s: no header line (the file is empty)", path);
		goto err;
	}
	if ((rc = parse_header(t, line, e)) != LUP_OK)
		goto err;
	return LUP_OK;
err:
	tsv_close(t);
	return rc;
}

int tsv_next(struct tsv *t, struct err *e)
{
	char *line, *p, *tab;
	int n = 0;

	while ((line = next_line(t)) && skippable(line))
		;
	if (!line)
		return 0;
	if (!utf8_valid(line, strlen(line))) {
		err_set(e, LUP_EINVAL, "%s:%d: the line is not valid UTF-8", t->path, t->line);
		return -1;
	}
	for (int i = 0; i < t->ncols; i++)
		t->cell[i] = NULL;
	for (p = line;; p = tab + 1) {
		tab = strchr(p, '\t');
		if (tab)
			*tab = '\0';
		if (n >= t->nfile) {
			err_set(e, LUP_EINVAL, "%s:%d: more cells than the %d columns of the header",
				t->path, t->line, t->nfile);
			return -1;
		}
		t->cell[t->map[n++]] = *p ? p : NULL;
		if (!tab)
			break;
	}
	return 1;
}

void tsv_close(struct tsv *t)
{
	free(t->data);
	t->data = NULL;
	t->len = t->pos = 0;
}

int tsv_split_list(struct arena *a, const char *cell, char ***items)
{
	const char *p = cell, *sep;
	int n = 0, cap = 0;
	char **v = NULL;

	*items = NULL;
	if (!cell)
		return 0;
	for (const char *q = cell; (q = strstr(q, " | ")); q += 3)
		cap++;
	v = arena_alloc(a, sizeof(*v) * (size_t)(cap + 1));
	for (;;) {
		size_t len;
		sep = strstr(p, " | ");
		len = sep ? (size_t)(sep - p) : strlen(p);
		while (len && (*p == ' ' || *p == '\t'))
			p++, len--;
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len)
			v[n++] = arena_strndup(a, p, len);
		if (!sep)
			break;
		p = sep + 3;
	}
	*items = v;
	return n;
}
