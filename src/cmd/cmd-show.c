/* cmd-show.c: `lup show KIND ID` prints one thing with its relations. */
#include "cmd/cmd.h"
#include "store/kinds.h"
#include "core/arena.h"
#include "core/buf.h"
#include "render/json.h"
#include "render/entity.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

static void print_text(const struct kind *k, const struct rowset *main, struct rowset *rels)
{
	for (int i = 0; i < main->ncols; i++)
		printf("%-16s %s\n", main->names[i], main->rows[0][i].s ? main->rows[0][i].s : "");
	for (int r = 0; r < KIND_MAX_RELS && k->rels[r].name; r++) {
		printf("\n%s:\n", k->rels[r].name);
		rowset_print(&rels[r], stdout, "  (none)");
	}
}

static int print_json(const struct kind *k, const struct rowset *main, struct rowset *rels)
{
	struct buf b;
	struct json j;
	int rc;

	buf_init(&b, 0);
	json_init(&j, &b, 1);
	entity_json(k, main, rels, &j);
	if ((rc = json_finish(&j)) == 0)
		fputs(b.ptr, stdout);
	buf_release(&b);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

static int show(struct cmd_ctx *c, const struct kind *k, const char *text, int as_json)
{
	struct arena a = ARENA_INIT;
	struct store *st = NULL;
	struct rowset main, rels[KIND_MAX_RELS];
	int64_t id;
	int rc, found = 0;

	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	if (entity_find_id(st, k, text, &id, &c->err) != LUP_OK ||
	    entity_load(st, k, id, &main, rels, &found, &a, &c->err) != LUP_OK) {
		rc = cmd_fail(c);
		goto out;
	}
	if (!found) {
		fprintf(stderr, "lup: no %s '%s' (see 'lup list %s')\n", k->singular, text, k->name);
		rc = EXIT_FAIL;
		goto out;
	}
	if (as_json)
		rc = print_json(k, &main, rels);
	else
		print_text(k, &main, rels);
out:
	store_close(st);
	arena_release(&a);
	return rc;
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const struct kind *k;
	int help = 0, as_json = 0, npos, rc;
	const char *pos[2], *year = NULL;
	const struct opt opts[] = { { "--json", NULL, &as_json }, { "--year", &year, NULL }, { NULL, NULL, NULL } };

	if ((rc = cmd_parse(&cmd_show, argc, argv, opts, pos, 2, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_show, stdout);
	if (npos != 2) {
		fprintf(stderr, "lup show: need KIND and ID\nusage: lup %s\n", cmd_show.usage);
		return EXIT_USAGE;
	}
	if (strcmp(pos[0], "chain") == 0)
		return cmd_show_chain(c, pos[1], year, as_json);
	if (!(k = kind_find(pos[0]))) {
		fprintf(stderr, "lup show: unknown kind '%s' (one of: ", pos[0]);
		kind_names_print(stderr);
		fputs(")\n", stderr);
		return EXIT_USAGE;
	}
	return show(c, k, pos[1], as_json);
}

const struct cmd cmd_show = {
	"show", run, "show KIND ID [--json] | show chain ORG --year Y [--json]",
	"show one organisation, district, goal, ... with its relations",
	"KIND as for 'lup list' (singular or plural). ID is the numeric id, or for most kinds\n"
	"the key (organisations and districts also by name or alias). Prints the thing's fields\n"
	"and its relations: a district's areas, themes, measures, partners and the activities\n"
	"other organisations run there; a goal's sub-goals, expected results, indicators and\n"
	"activities; an indicator's targets and outcomes; ...\n"
	"'show chain ORG --year Y' prints the organisation's goal chain of the year: the KF goals\n"
	"down to its nämndmål with indicators, targets, outcomes, assessments and activities\n"
	"(with --json the document of GET /api/v1/organisations/{id}/goal-chain).\n"
	"  --json   print one JSON object",
};
