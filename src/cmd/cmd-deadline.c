/* cmd-deadline.c: `lup deadline set|list|delete`: the annual wheel's deadlines from the command
 * line, through the one write path (edit/deadline.h) as the machine's operator. The contract the
 * acceptance checks call: `lup deadline set T2 2026 2026-09-15` sets the city's deadline of
 * tertialrapport 2 of 2026. */
#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/buf.h"
#include "edit/deadline.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/wheel.h"

#include <stdlib.h>
#include <string.h>

static const struct edit_actor cli_actor = { 0, "lup deadline" };

/* org_of: the organisation named by --org (key, name or alias) into *org (0 without --org).
 * Prints and returns EXIT_FAIL for an unknown one. */
static int org_of(struct cmd_ctx *c, struct store *st, const char *text, int64_t *org)
{
	struct sval v = SVS(text);

	*org = 0;
	if (!text)
		return EXIT_OK;
	if (store_query_id(st, STMT_ORG_ID_LOOSE, &v, 1, org, &c->err) != LUP_OK)
		return cmd_fail(c);
	if (!*org) {
		fprintf(stderr, "lup deadline: --org '%s': no such organisation (see 'lup list organisations')\n", text);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* key_of: the deadline named by KIND YEAR [--org --level]; prints and returns EXIT_FAIL when
 * an argument is wrong. */
static int key_of(struct cmd_ctx *c, struct store *st, const char *kind, const char *year, const char *org,
		  const char *level, struct deadline_key *k)
{
	char *end;
	int rc;

	memset(k, 0, sizeof(*k));
	k->kind = wheel_kind(kind);
	if (!k->kind) {
		fprintf(stderr, "lup deadline: KIND '%s': one of T1, T2, VB\n", kind);
		return EXIT_FAIL;
	}
	k->year = strtol(year, &end, 10);
	if (*end || end == year || k->year < 1900 || k->year > 2999) {
		fprintf(stderr, "lup deadline: YEAR '%s': a year 1900-2999\n", year);
		return EXIT_FAIL;
	}
	if ((rc = org_of(c, st, org, &k->org)) != EXIT_OK)
		return rc;
	if (!org != !level) {
		fprintf(stderr, "lup deadline: %s\n", org ? "--level: an internal deadline needs --level unit|administration|committee"
							: "--org: --level names a level of an organisation; give --org KEY");
		return EXIT_FAIL;
	}
	if (level && !wheel_level(level)) {
		fprintf(stderr, "lup deadline: --level '%s': one of unit, administration, committee\n", level);
		return EXIT_FAIL;
	}
	k->level = level ? wheel_level(level) : "city";
	return EXIT_OK;
}

/* refused: prints why the edit layer refused, naming the argument. */
static int refused(struct cmd_ctx *c, const struct deadline_fail *f)
{
	if (c->err.code != LUP_EINVAL)
		return cmd_fail(c);
	fprintf(stderr, "lup deadline: %s: %s\n", strcmp(f->field, "due") == 0 ? "DATE" : f->field, f->en);
	return EXIT_FAIL;
}

static void describe(const struct deadline_key *k, char *buf, size_t size, const char *org)
{
	if (k->org)
		snprintf(buf, size, "the %s deadline of %s for %s %ld", k->level, org, wheel_kind_word(k->kind), k->year);
	else
		snprintf(buf, size, "the city's deadline for %s %ld", wheel_kind_word(k->kind), k->year);
}

static int set(struct cmd_ctx *c, struct store *st, const char *const *pos, int npos, const char *org,
	       const char *level)
{
	struct deadline_fail f;
	struct deadline_key k;
	char what[200];
	int64_t id;
	int changed = 0, rc;

	if (npos != 4) {
		fprintf(stderr, "usage: lup deadline set T1|T2|VB YEAR YYYY-MM-DD [--org KEY --level LEVEL]\n");
		return EXIT_USAGE;
	}
	if ((rc = key_of(c, st, pos[1], pos[2], org, level, &k)) != EXIT_OK)
		return rc;
	if (deadline_set(st, &cli_actor, NULL, &k, pos[3], &id, &changed, &f, &c->err) != LUP_OK)
		return refused(c, &f);
	describe(&k, what, sizeof(what), org);
	printf("%s %s: %s\n", changed ? "set" : "unchanged", what, pos[3]);
	return EXIT_OK;
}

static int del(struct cmd_ctx *c, struct store *st, const char *const *pos, int npos, const char *org,
	       const char *level)
{
	struct deadline_fail f;
	struct deadline_key k;
	char what[200];
	int rc;

	if (npos != 3) {
		fprintf(stderr, "usage: lup deadline delete T1|T2|VB YEAR [--org KEY --level LEVEL]\n");
		return EXIT_USAGE;
	}
	if ((rc = key_of(c, st, pos[1], pos[2], org, level, &k)) != EXIT_OK)
		return rc;
	describe(&k, what, sizeof(what), org);
	if (deadline_delete(st, &cli_actor, NULL, &k, &f, &c->err) != LUP_OK) {
		if (c->err.code == LUP_ENOTFOUND) {
			fprintf(stderr, "lup deadline: there is no %s\n", what + 4);
			return EXIT_FAIL;
		}
		return refused(c, &f);
	}
	printf("deleted %s\n", what);
	return EXIT_OK;
}

static int list(struct cmd_ctx *c, struct store *st, const char *const *pos, int npos, const char *org, int as_json)
{
	struct arena a = ARENA_INIT;
	struct rowset rs;
	long year = 0;
	int64_t oid = 0;
	int rc;

	if (npos > 2) {
		fprintf(stderr, "usage: lup deadline list [YEAR] [--org KEY] [--json]\n");
		return EXIT_USAGE;
	}
	if (npos == 2 && cmd_year(&cmd_deadline, pos[1], &year) != EXIT_OK)
		return EXIT_FAIL;
	if ((rc = org_of(c, st, org, &oid)) != EXIT_OK)
		return rc;
	if (wheel_deadlines_load(st, &a, year, oid, !org, &rs, &c->err) != LUP_OK) {
		arena_release(&a);
		return cmd_fail(c);
	}
	if (as_json) {
		struct buf b;
		struct json j;
		buf_init(&b, 0);
		json_init(&j, &b, 1);
		json_obj_open(&j);
		json_key(&j, "deadlines");
		json_arr_open(&j);
		for (int i = 0; i < rs.nrows; i++)
			wheel_deadline_json(&rs, i, &j);
		json_arr_close(&j);
		json_obj_close(&j);
		if (json_finish(&j) == 0)
			fputs(b.ptr, stdout);
		buf_release(&b);
	} else if (!rs.nrows) {
		puts("(no deadlines)");
	} else {
		printf("%-4s  %-4s  %-10s  %-14s  %s\n", "year", "kind", "due", "level", "organisation");
		for (int i = 0; i < rs.nrows; i++)
			printf("%-4s  %-4s  %-10s  %-14s  %s\n", rowset_s(&rs, i, "year"),
			       wheel_kind_word(rowset_s(&rs, i, "kind")), rowset_s(&rs, i, "due"), rowset_s(&rs, i, "level"),
			       rowset_s(&rs, i, "org") ? rowset_s(&rs, i, "org") : "(the city)");
	}
	arena_release(&a);
	return EXIT_OK;
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *org = NULL, *level = NULL, *pos[5];
	int help = 0, as_json = 0, npos, rc;
	const struct opt opts[] = { { "--org", &org, NULL }, { "--level", &level, NULL }, { "--json", NULL, &as_json },
				    { NULL, NULL, NULL } };
	struct store *st = NULL;

	if ((rc = cmd_parse(&cmd_deadline, argc, argv, opts, pos, 5, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_deadline, stdout);
	if (npos < 1 || (strcmp(pos[0], "set") != 0 && strcmp(pos[0], "list") != 0 && strcmp(pos[0], "delete") != 0)) {
		fprintf(stderr, "usage: lup %s\n", cmd_deadline.usage);
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	if (strcmp(pos[0], "set") == 0)
		rc = set(c, st, pos, npos, org, level);
	else if (strcmp(pos[0], "delete") == 0)
		rc = del(c, st, pos, npos, org, level);
	else
		rc = list(c, st, pos, npos, org, as_json);
	store_close(st);
	return rc;
}

const struct cmd cmd_deadline = {
	"deadline", run,
	"deadline set T1|T2|VB YEAR YYYY-MM-DD [--org KEY --level LEVEL] | deadline list [YEAR] [--org KEY] [--json]"
	" | deadline delete T1|T2|VB YEAR [--org KEY --level LEVEL]",
	"the annual wheel: when each report is due (the city's deadlines and organisations' internal ones)",
	"  set KIND YEAR DATE              the city's deadline of report KIND (T1, T2 or VB, the\n"
	"                                  verksamhetsberättelse) of YEAR: DATE (YYYY-MM-DD, in YEAR or\n"
	"                                  the next)\n"
	"      --org KEY --level LEVEL     instead an organisation's earlier internal deadline for one\n"
	"                                  of its levels: unit, administration or committee; they run\n"
	"                                  unit <= administration <= committee <= the city's\n"
	"  list [YEAR] [--org KEY]         the deadlines (of every organisation, or the city's and\n"
	"                                  KEY's), by date; --json as the API's document\n"
	"  delete KIND YEAR [--org --level]  removes a deadline\n"
	"Every change is audited (actor \"lup deadline\"). See docs/annual-wheel.md.",
};
