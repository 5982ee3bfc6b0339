/* cmd-show-chain.c: `lup show chain ORG --year Y [--json]`: an organisation's goal chain for a
 * year (view/chain.h), read as the operator, as the API's JSON or as an outline. */
#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/buf.h"
#include "doc/chain-json.h"
#include "render/json.h"
#include "store/store.h"
#include "view/chain.h"

#include <math.h>
#include <stdlib.h>

static int print_json(const struct view_chain *ch)
{
	struct buf b;
	struct json j;
	int rc;

	buf_init(&b, 0);
	json_init(&j, &b, 1);
	chain_json_write(ch, &j);
	if ((rc = json_finish(&j)) == 0)
		fputs(b.ptr, stdout);
	buf_release(&b);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

/* print_goal: a goal, its indicators (with targets and the count of outcomes) and assessments,
 * then the goals under it, indented by depth. */
static void print_goal(const struct view_chain *ch, size_t i, int depth)
{
	const struct view_goal *g = &ch->goals[i];

	printf("%*s%s %s%s%s\n", depth * 2, "", g->level, g->number ? g->number : "", g->number ? " " : "", g->name);
	for (size_t k = 0; k < g->ninds; k++)
		printf("%*s  indicator %s: target %s, KF target %s, %zu outcomes\n", depth * 2, "", g->inds[k].name,
		       g->inds[k].target ? g->inds[k].target : "-", g->inds[k].kf_target ? g->inds[k].kf_target : "-",
		       g->inds[k].nouts);
	for (size_t k = 0; k < g->nassess; k++)
		printf("%*s  assessment %s: %s (%s)\n", depth * 2, "", g->assess[k].period, g->assess[k].assessment,
		       g->assess[k].report_status);
	for (size_t k = 0; k < g->nacts; k++)
		printf("%*s  activity %s\n", depth * 2, "", ch->acts[g->acts[k]].title);
	for (size_t k = 0; k < ch->ngoals; k++)
		if (ch->goals[k].parent_ix == (int)i)
			print_goal(ch, k, depth + 1);
}

int cmd_show_chain(struct cmd_ctx *c, const char *org_text, const char *year_text, int as_json)
{
	struct arena a = ARENA_INIT;
	struct store *st = NULL;
	struct sval key = SVS(org_text);
	struct view_chain ch;
	int64_t org = 0;
	long year = 0;
	int rc;

	if ((rc = cmd_year(&cmd_show, year_text, &year)) != EXIT_OK)
		return rc;
	if (!year) {
		fprintf(stderr, "lup show: give the year: show chain ORG --year YYYY\n");
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	if (store_query_id(st, STMT_ORG_ID_LOOSE, &key, 1, &org, &c->err) != LUP_OK ||
	    (org && view_chain_load(st, &a, org, year, &ch, &c->err) != LUP_OK)) {
		rc = cmd_fail(c);
		goto out;
	}
	if (!org) {
		fprintf(stderr, "lup show: no organisation '%s' (see 'lup list organisations')\n", org_text);
		rc = EXIT_FAIL;
		goto out;
	}
	if (as_json) {
		rc = print_json(&ch);
		goto out;
	}
	for (size_t i = 0; i < ch.ngoals; i++)
		if (ch.goals[i].parent_ix < 0)
			print_goal(&ch, i, 0);
	printf("%zu goals, %zu activities\n", ch.ngoals, ch.nacts);
out:
	store_close(st);
	arena_release(&a);
	return rc;
}
