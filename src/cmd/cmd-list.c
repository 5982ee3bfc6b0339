/* cmd-list.c: `lup list KIND` lists organisations, districts, themes, goals, ... */
#include "cmd/cmd.h"
#include "store/kinds.h"
#include "core/arena.h"
#include "core/buf.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

struct filters {
	const char *district, *org, *year, *level, *kind;
	int64_t district_id, org_id;
	long year_n;
};

static const char *const goal_levels[] = { "inriktningsmal", "verksamhetsomradesmal", "namndmal", "lup", NULL };

static int in_list(const char *v, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(v, *list) == 0)
			return 1;
	return 0;
}

/* resolve: turns the filter texts into ids; an unknown name is an error (exit 1). */
static int resolve(struct cmd_ctx *c, struct store *st, struct filters *f)
{
	struct sval v;

	if (f->district) {
		v = SVS(f->district);
		if (store_query_id(st, STMT_DISTRICT_ID_LOOSE, &v, 1, &f->district_id, &c->err) != LUP_OK)
			return cmd_fail(c);
		if (!f->district_id) {
			fprintf(stderr, "lup: unknown district '%s' (see 'lup list districts')\n", f->district);
			return EXIT_FAIL;
		}
	}
	if (f->org) {
		v = SVS(f->org);
		if (store_query_id(st, STMT_ORG_ID_LOOSE, &v, 1, &f->org_id, &c->err) != LUP_OK)
			return cmd_fail(c);
		if (!f->org_id) {
			fprintf(stderr, "lup: unknown organisation '%s' (see 'lup list organisations')\n", f->org);
			return EXIT_FAIL;
		}
	}
	return EXIT_OK;
}

/* check_filters: refuses filters the kind does not take, and bad values (exit 2). */
static int check_filters(const struct kind *k, const struct filters *f)
{
	const char *given[] = { [F_DISTRICT] = f->district, [F_ORG] = f->org, [F_YEAR] = f->year,
				[F_LEVEL] = f->level, [F_KIND] = f->kind };
	const char *names[] = { [F_DISTRICT] = "--district", [F_ORG] = "--org", [F_YEAR] = "--year",
				[F_LEVEL] = "--level", [F_KIND] = "--kind" };

	for (int fl = F_DISTRICT; fl <= F_KIND; fl++) {
		int takes = 0;
		for (int i = 0; k->params[i] != F_END; i++)
			takes |= k->params[i] == (enum filter)fl;
		if (given[fl] && !takes) {
			fprintf(stderr, "lup list: %s does not filter %s\n", names[fl], k->name);
			return EXIT_USAGE;
		}
	}
	if (f->level && !in_list(f->level, goal_levels)) {
		fprintf(stderr, "lup list: unknown level '%s' (inriktningsmal, verksamhetsomradesmal,"
			" namndmal, lup)\n", f->level);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

static int bind_params(const struct kind *k, const struct filters *f, struct sval *args)
{
	int n = 0;

	for (; k->params[n] != F_END; n++) {
		switch (k->params[n]) {
		case F_DISTRICT: args[n] = SVID(f->district_id); break;
		case F_ORG: args[n] = SVID(f->org_id); break;
		case F_YEAR: args[n] = SVID(f->year_n); break;
		case F_LEVEL: args[n] = SVS(f->level); break;
		case F_KIND: args[n] = SVS(f->kind); break;
		default: args[n] = SVNULL; break;
		}
	}
	return n;
}

/* district_extras: the themes and prioritised areas of district row i, as string arrays. */
static int district_extras(struct cmd_ctx *c, struct store *st, const struct rowset *rs, int i,
			   struct json *j, struct arena *a)
{
	static const struct { const char *key; enum stmt s; } extras[] = {
		{ "themes", STMT_DISTRICT_THEMES }, { "prioritised_areas", STMT_DISTRICT_PAREAS },
	};
	struct sval id = SVI(strtoll(rs->rows[i][rowset_col(rs, "id")].s, NULL, 10));

	for (size_t x = 0; x < sizeof(extras) / sizeof(extras[0]); x++) {
		struct rowset names;
		rowset_init(&names, a);
		if (rowset_query(&names, st, extras[x].s, &id, 1, &c->err) != LUP_OK)
			return cmd_fail(c);
		json_key(j, extras[x].key);
		json_arr_open(j);
		for (int r = 0; r < names.nrows; r++)
			json_str(j, names.rows[r][0].s);
		json_arr_close(j);
	}
	return EXIT_OK;
}

static int print_json(struct cmd_ctx *c, struct store *st, const struct kind *k,
		      const struct rowset *rs, struct arena *a)
{
	struct buf b;
	struct json j;
	int rc = EXIT_OK;

	buf_init(&b, 0);
	json_init(&j, &b, 1);
	json_arr_open(&j);
	for (int i = 0; i < rs->nrows && rc == EXIT_OK; i++) {
		json_obj_open(&j);
		rowset_json_row(rs, i, &j, k->bools);
		if (k->list == STMT_LIST_DISTRICTS)
			rc = district_extras(c, st, rs, i, &j, a);
		json_obj_close(&j);
	}
	json_arr_close(&j);
	if (rc == EXIT_OK && json_finish(&j) == 0)
		fputs(b.ptr, stdout);
	buf_release(&b);
	return rc;
}

static int list(struct cmd_ctx *c, const struct kind *k, struct filters *f, int as_json)
{
	struct arena a = ARENA_INIT;
	struct store *st = NULL;
	struct rowset rs;
	struct sval args[5];
	int rc, n;

	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	if ((rc = resolve(c, st, f)) != EXIT_OK)
		goto out;
	n = bind_params(k, f, args);
	rowset_init(&rs, &a);
	if (rowset_query(&rs, st, k->list, args, n, &c->err) != LUP_OK) {
		rc = cmd_fail(c);
		goto out;
	}
	if (as_json)
		rc = print_json(c, st, k, &rs, &a);
	else
		rowset_print(&rs, stdout, "(none)");
out:
	store_close(st);
	arena_release(&a);
	return rc;
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	struct filters f = { 0 };
	const struct kind *k;
	int help = 0, as_json = 0, npos, rc;
	const char *pos[1];
	const struct opt opts[] = {
		{ "--json", NULL, &as_json }, { "--district", &f.district, NULL }, { "--org", &f.org, NULL },
		{ "--year", &f.year, NULL }, { "--level", &f.level, NULL }, { "--kind", &f.kind, NULL },
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
	if ((rc = check_filters(k, &f)) != EXIT_OK || (rc = cmd_year(&cmd_list, f.year, &f.year_n)) != EXIT_OK)
		return rc;
	return list(c, k, &f, as_json);
}

const struct cmd cmd_list = {
	"list", run, "list KIND [--json] [--district D] [--org O] [--year Y] [--level L] [--kind K]",
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
	"A filter a KIND does not take is refused (exit 2); an unknown district or organisation\n"
	"is an error (exit 1).",
};
