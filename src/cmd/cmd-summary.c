/* cmd-summary.c: `lup summary` prints what the database holds. */
#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/buf.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <string.h>

static const char *const district_bools[] = { "prioritised", NULL };

static void print_text(const struct cmd_ctx *c, const struct rowset *counts, const struct rowset *d)
{
	char shown[512];
	int prio = rowset_col(d, "prioritised"), name = rowset_col(d, "name");

	printf("lup database %s (schema version %d)\n\n", store_shown_address(c->db, shown, sizeof(shown)), store_schema_latest());
	for (int i = 0; counts->nrows && i < counts->ncols; i++) {
		char label[64];
		snprintf(label, sizeof(label), "%s", counts->names[i]);
		for (char *p = label; *p; p++)
			if (*p == '_')
				*p = ' ';
		printf("  %-26s %s\n", label, counts->rows[0][i].s);
	}
	if (d->nrows) {
		printf("\ndistricts (* = prioritised programme, budget 2017):\n");
		for (int i = 0; i < d->nrows; i++)
			printf("  %s %s\n", strcmp(d->rows[i][prio].s, "0") ? "*" : " ", d->rows[i][name].s);
	}
}

static void print_json(const struct rowset *counts, const struct rowset *d)
{
	struct buf b;
	struct json j;

	buf_init(&b, 0);
	json_init(&j, &b, 1);
	json_obj_open(&j);
	if (counts->nrows)
		rowset_json_row(counts, 0, &j, NULL);
	json_key(&j, "district_list");
	rowset_json(d, &j, district_bools);
	json_obj_close(&j);
	json_finish(&j);
	fputs(b.ptr, stdout);
	buf_release(&b);
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	struct arena a = ARENA_INIT;
	struct store *st = NULL;
	struct rowset counts, d;
	struct sval none = SVNULL;
	int help = 0, as_json = 0, npos, rc;
	const char *pos[1];
	const struct opt opts[] = { { "--json", NULL, &as_json }, { NULL, NULL, NULL } };

	if ((rc = cmd_parse(&cmd_summary, argc, argv, opts, pos, 0, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_summary, stdout);
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	rowset_init(&counts, &a);
	rowset_init(&d, &a);
	if (rowset_query(&counts, st, STMT_COUNTS, NULL, 0, &c->err) != LUP_OK ||
	    rowset_query(&d, st, STMT_LIST_DISTRICTS, &none, 1, &c->err) != LUP_OK) {
		rc = cmd_fail(c);
		goto out;
	}
	if (as_json)
		print_json(&counts, &d);
	else
		print_text(c, &counts, &d);
out:
	store_close(st);
	arena_release(&a);
	return rc;
}

const struct cmd cmd_summary = {
	"summary", run, "summary [--json]",
	"print what the database holds",
	"Prints the number of organisations, districts, plans, themes, measures, goals,\n"
	"indicators, activities and outcomes (example outcomes counted apart), and the districts\n"
	"with the prioritised programmes marked.\n"
	"  --json   print the same as one JSON object",
};
