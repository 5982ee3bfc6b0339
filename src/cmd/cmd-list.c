/* cmd-list.c: `lup list KIND` lists organisations, districts, themes, goals, ... */
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

static int print_json(struct cmd_ctx *c, struct store *st, const struct kind *k,
		      const struct rowset *rs, struct entity_extras *x, struct arena *a)
{
	struct buf b;
	struct json j;
	int rc = LUP_OK;

	buf_init(&b, 0);
	json_init(&j, &b, 1);
	json_arr_open(&j);
	for (int i = 0; i < rs->nrows && rc == LUP_OK; i++)
		rc = entity_list_item(st, k, rs, i, x, &j, a, &c->err);
	json_arr_close(&j);
	if (rc != LUP_OK)
		rc = cmd_fail(c);
	else if (json_finish(&j) == 0)
		fputs(b.ptr, stdout);
	buf_release(&b);
	return rc;
}

static int list(struct cmd_ctx *c, const struct kind *k, const char *const vals[F__MAX], int as_json)
{
	struct arena a = ARENA_INIT;
	struct store *st = NULL;
	struct kind_bound b;
	struct rowset rs;
	struct entity_extras x;
	int rc;

	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	if ((rc = kind_bind(st, k, vals, &b, &c->err)) != LUP_OK) {
		if (rc == LUP_EINVAL) {
			fprintf(stderr, "lup list: %s\n", c->err.msg);
			rc = EXIT_USAGE;
		} else {
			fprintf(stderr, "lup: %s (see 'lup list %s')\n", c->err.msg,
				rc == LUP_ENOTFOUND && vals[F_DISTRICT] && strstr(c->err.msg, "district") ?
				"districts" : "organisations");
			rc = EXIT_FAIL;
		}
		goto out;
	}
	if (entity_list_load(st, k, b.args, b.npaged, &rs, &x, &a, &c->err) != LUP_OK) {
		rc = cmd_fail(c);
		goto out;
	}
	if (as_json)
		rc = print_json(c, st, k, &rs, &x, &a);
	else
		rowset_print(&rs, stdout, "(none)");
out:
	store_close(st);
	arena_release(&a);
	return rc;
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *vals[F__MAX] = { 0 };
	const struct kind *k;
	int help = 0, as_json = 0, npos, rc;
	const char *pos[1];
	const struct opt opts[] = {
		{ "--json", NULL, &as_json }, { "--district", &vals[F_DISTRICT], NULL },
		{ "--org", &vals[F_ORG], NULL }, { "--year", &vals[F_YEAR], NULL },
		{ "--level", &vals[F_LEVEL], NULL }, { "--kind", &vals[F_KIND], NULL },
		{ "--indicator", &vals[F_INDICATOR], NULL }, { "--area", &vals[F_AREA], NULL },
		{ "--sex", &vals[F_SEX], NULL }, { "--period", &vals[F_PERIOD], NULL },
		{ NULL, NULL, NULL },
	};

	if ((rc = cmd_parse(&cmd_list, argc, argv, opts, pos, 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_list, stdout);
	if (npos != 1) {
		fprintf(stderr, "lup list: which KIND? one of: ");
		kind_names_print(stderr);
		fputc('\n', stderr);
		return EXIT_USAGE;
	}
	if (!(k = kind_find(pos[0]))) {
		fprintf(stderr, "lup list: unknown kind '%s' (one of: ", pos[0]);
		kind_names_print(stderr);
		fputs(")\n", stderr);
		return EXIT_USAGE;
	}
	return list(c, k, vals, as_json);
}

const struct cmd cmd_list = {
	"list", run, "list KIND [--json] [--district D] [--org O] [--year Y] [--level L] [--kind K]"
	" [--indicator I] [--area A] [--sex S] [--period P]",
	"list organisations, districts, themes, goals, indicators, activities, measures, plans, ...",
	"KIND is one of organisations, districts, themes, goals, indicators, activities,\n"
	"measures, plans, reports, recommendations.\n"
	"  --json        print a JSON array of objects (each has id and name; districts also\n"
	"                code, prioritised, themes and prioritised_areas)\n"
	"  --district D  only what concerns district D (key, name or its committee)\n"
	"  --org O       only what organisation O owns or takes part in (key, name or alias)\n"
	"  --year Y      only what applies in year Y\n"
	"  --level L     goals: inriktningsmal, verksamhetsomradesmal, namndmal or lup\n"
	"  --kind K      organisations: council, district_committee, specialist_admin, ...\n"
	"  --indicator I outcomes: of indicator I (key or id)\n"
	"  --area A      outcomes: of exactly area A (key, name or alias)\n"
	"  --sex S       outcomes: T, K or M\n"
	"  --period P    outcomes: T1, T2, FY or one period (2022-FY)\n"
	"A filter a KIND does not take, a bad year, level, sex or period is refused (exit 2); an\n"
	"unknown district, organisation, area or indicator is an error (exit 1).",
};
