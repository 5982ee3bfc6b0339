/* cmd-demo.c: `lup demo` loads the Stockholm dataset (or another dataset directory). */
#include "cmd/cmd.h"
#include "load/dataset.h"
#include "render/json.h"
#include "core/buf.h"
#include "store/store.h"

#define DEFAULT_DATASET "data/stockholm"

static void print_json(const char *dir, const struct load_report *r)
{
	struct buf b;
	struct json j;

	buf_init(&b, 0);
	json_init(&j, &b, 1);
	load_report_json(&j, dir, r);
	json_finish(&j);
	fputs(b.ptr, stdout);
	buf_release(&b);
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	struct store *st = NULL;
	struct load_report r;
	int help = 0, as_json = 0, npos, rc;
	const char *pos[1], *dir;
	const struct opt opts[] = { { "--json", NULL, &as_json }, { NULL, NULL, NULL } };

	if ((rc = cmd_parse(&cmd_demo, argc, argv, opts, pos, 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_demo, stdout);
	dir = npos ? pos[0] : DEFAULT_DATASET;
	if ((rc = cmd_open(c, 1, &st)) != EXIT_OK)
		return rc;
	rc = load_dataset(st, dir, "lup demo", &r, &c->err);
	if (rc == LUP_OK && r.changed)
		rc = store_analyze(st, &c->err);
	store_close(st);
	if (rc != LUP_OK)
		return cmd_fail(c);
	if (as_json)
		print_json(dir, &r);
	else if (r.changed)
		printf("loaded %s: %d files, %d records, %d rows changed, %d example outcomes\n",
		       dir, r.files, r.rows, r.changed, r.examples);
	else
		printf("%s is already loaded: %d files, %d records, nothing changed\n", dir, r.files, r.rows);
	return EXIT_OK;
}

const struct cmd cmd_demo = {
	"demo", run, "demo [DIR] [--json]",
	"load the Stockholm dataset (or the dataset in DIR)",
	"Loads the dataset directory DIR (default " DEFAULT_DATASET ") into the database, creating\n"
	"the database when needed. The load is one transaction: an error names file:line and\n"
	"writes nothing. Loading the same data again changes nothing. Example outcome series are\n"
	"generated for indicators with numeric targets and are marked as example data.\n"
	"  --json   print the load report as JSON",
};
