/* load-int.h: what the dataset's table loaders share (private to src/load/). */
#ifndef LUP_LOAD_INT_H
#define LUP_LOAD_INT_H

#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "load/tsv.h"
#include "store/store.h"

/* A district's population from populations.tsv: an example weight for the generated outcomes. */
struct ld_population {
	int64_t area;		/* area id */
	int year;
	long population;
};

/* The state of one load, passed to every table loader. */
struct load_ctx {
	struct store *st;
	struct arena *a;	/* freed at the end of the load */
	struct err *e;
	struct tsv *t;		/* the file being read (for file:line in messages) */
	int changed;		/* rows changed so far */
	int rows;		/* records read so far */
	struct ld_population *pops;	/* populations.tsv's rows (arena), for load_examples */
	int npops, capops;
};

/* A table loader: its MANIFEST name, its columns, a function per record and, when set, a
 * second pass over the same file (for references to rows further down, like org pairs). */
struct table_loader {
	const char *name;
	const struct tsv_col *cols;
	int ncols;
	int (*row)(struct load_ctx *c);
	int (*link)(struct load_ctx *c);
};

extern const struct table_loader load_org_tables[];	/* organisations, areas, populations */
extern const struct table_loader load_plan_tables[];	/* plans and LUP content */
extern const struct table_loader load_goal_tables[];	/* goals, indicators, activities */

/* cell: the current record's cell for column i (NULL when empty). */
const char *ld_cell(struct load_ctx *c, int i);

/* ld_fail: sets c->e to LUP_EINVAL with "file:line: column 'name': message"; returns the code. */
int ld_fail(struct load_ctx *c, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ld_ref: resolves column col (a key) with lookup statement s into *id. An empty cell gives
 * 0 unless required (then an error). An unknown key is an error naming `what`. */
int ld_ref(struct load_ctx *c, int col, enum stmt s, const char *what, int required, int64_t *id);

/* ld_ref_text: like ld_ref for a key given as text rather than a column. */
int ld_ref_text(struct load_ctx *c, int col, const char *key, enum stmt s, const char *what, int64_t *id);

/* ld_enum: checks that column col holds one of the NULL-terminated values; *out gets the
 * cell (NULL when empty and not required). */
int ld_enum(struct load_ctx *c, int col, const char *const *values, int required, const char **out);

/* ld_int: parses column col as an integer in [min, max]; empty gives def unless required. */
int ld_int(struct load_ctx *c, int col, long min, long max, int required, long def, long *out);

/* ld_bool: column col as 0/1 (empty gives 0). */
int ld_bool(struct load_ctx *c, int col, long *out);

/* ld_write: runs write statement s and counts the rows it changed; errors get file:line. */
int ld_write(struct load_ctx *c, enum stmt s, const struct sval *args, int nargs);

/* ld_list: splits a list cell into items (see tsv_split_list). */
int ld_list(struct load_ctx *c, int col, char ***items);

/* ld_plan_version: the latest version id of the plan whose key is in column col. */
int ld_plan_version(struct load_ctx *c, int col, int required, int64_t *pv);

/* load_examples: writes the example outcome series (see example.c), weighting districts by
 * pops[0..npops) (the newest row per area; equal weights when a district has none). *n gets the
 * rows written, *changed the rows that changed. Returns LUP_OK or the store's error (in e). */
int load_examples(struct store *st, struct err *e, const struct ld_population *pops, int npops,
		  int *n, int *changed);

#endif
