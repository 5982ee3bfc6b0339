/* cmd-import.c: `lup import KIND FILE...` reads existing documents and data into the database. */
#include "cmd/cmd.h"
#include "core/arena.h"
#include "import/import.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FILES 256

static void print_text(const struct imp_report *r, const struct imp_kind *k, int dry_run)
{
	if (r->ntrace) {
		for (int i = 0; i < r->ntrace; i++) {
			const struct imp_trace_entry *t = &r->trace[i];
			if (t->last > t->line)
				printf("%5d-%-5d %-22s %s\n", t->line, t->last, t->what, t->detail);
			else
				printf("%5d       %-22s %s\n", t->line, t->what, t->detail);
		}
		putchar('\n');
	}
	for (int i = 0; i < r->nwarn; i++)
		printf("warning: %s:%d: %s\n", r->warn[i].file, r->warn[i].line, r->warn[i].msg);
	printf("%s%s:", dry_run ? "dry run, nothing written: " : "imported ", k->name);
	for (int i = 0; k->keys[i] && i < IMP_MAX_KEYS; i++)
		printf(" %s %ld%s", k->keys[i], r->counts[i], k->keys[i + 1] ? "," : "");
	printf("; %d database rows %s\n", r->changed, dry_run ? "would change" : "changed");
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *org = NULL, *year = NULL, *pos[MAX_FILES + 1];
	int help = 0, as_json = 0, dry_run = 0, trace = 0, npos, rc;
	const struct opt opts[] = {
		{ "--org", &org, NULL }, { "--year", &year, NULL }, { "--dry-run", NULL, &dry_run },
		{ "--json", NULL, &as_json }, { "--trace", NULL, &trace }, { NULL, NULL, NULL },
	};
	const struct imp_kind *k;
	struct imp_opts o = { 0 };
	struct imp_report r;
	struct arena a = ARENA_INIT;
	struct store *st = NULL;
	long y;

	if ((rc = cmd_parse(&cmd_import, argc, argv, opts, pos, MAX_FILES + 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_import, stdout);
	if (npos < 2) {
		fprintf(stderr, "lup import: need KIND and at least one FILE\nusage: lup %s\n", cmd_import.usage);
		return EXIT_USAGE;
	}
	if (!(k = imp_kind_find(pos[0]))) {
		fprintf(stderr, "lup import: unknown kind '%s' (one of: ", pos[0]);
		imp_kinds_print(stderr);
		fputs(")\n", stderr);
		return EXIT_USAGE;
	}
	if ((rc = cmd_year(&cmd_import, year, &y)) != EXIT_OK)
		return rc;
	o.org = org;
	o.year = (int)y;
	o.dry_run = dry_run;
	o.trace = trace;
	o.actor = "lup import";
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	if (imp_run(st, k, pos + 1, npos - 1, &o, &a, &r, &c->err) != LUP_OK ||
	    (!dry_run && r.changed && store_analyze(st, &c->err) != LUP_OK)) {
		rc = cmd_fail(c);
	} else if (as_json) {
		char *s = imp_report_json(&r, k, dry_run);
		fputs(s, stdout);
		free(s);
	} else {
		print_text(&r, k, dry_run);
	}
	store_close(st);
	arena_release(&a);
	return rc;
}

const struct cmd cmd_import = {
	"import", run, "import KIND FILE... [--org NAME] [--year YYYY] [--dry-run] [--json] [--trace]",
	"import plans, LUPs, commission responses, Kolada and CSV data",
	"KIND is one of:\n"
	"  plan        a Stockholm verksamhetsplan as text (goal chain, indicators, activities, money)\n"
	"  commission  the administrations' responses to the commission's measures, as text\n"
	"  lup         an LUP or a specialist committee's LUP plan as text with numbered sections\n"
	"  kolada      Kolada API v3 JSON responses (data, KPI or municipality metadata)\n"
	"  csv         outcomes and targets as CSV (indicator, area, period, sex, value)\n"
	"The whole import is one transaction: on any error nothing is written and the message\n"
	"names file:line. Importing the same file twice changes nothing.\n"
	"  --org NAME   the organisation the document belongs to (key, name or alias)\n"
	"  --year YYYY  the year it covers, where the document does not say\n"
	"  --dry-run    parse and report what would be created or changed; write nothing\n"
	"  --trace      list what every line became (always on with --dry-run)\n"
	"  --json       print the counts and warnings as one JSON object",
};
