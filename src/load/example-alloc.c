/* example-alloc.c: example resource allocations, so that the resources-versus-need view
 * (docs/resources-need.md) has something to compare before an organisation records its own.
 * Every row is example = 1 with the note "Exempeldata"; nothing here comes from the seeds.
 *
 * A few specialist administrations put money (whole tkr) into every district for the years of
 * the example outcomes: a yearly sum per 1 000 residents of the district (the population weights
 * of example.c), raised for the prioritised districts by a factor of the organisation's own (one
 * of them follows need not at all, so the view shows both), growing 2-4 % a year, with up to
 * +-15 % per district and year from a hash (the same numbers on every load). Socialförvaltningen
 * also records staff: one årsarbetare per 850 tkr, to the nearest half. A row an organisation
 * recorded itself (example = 0) is never touched. */
#include "load/example.h"
#include "core/err.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* One giver of example money: its key, tkr per 1 000 residents a year, the factor for the
 * prioritised districts and whether it records staff too. */
struct ex_giver {
	const char *org;
	double per_k;
	double need;
	int staff;
};

static const struct ex_giver givers[] = {
	{ "socialforvaltningen", 900, 1.7, 1 },
	{ "arbetsmarknadsforvaltningen", 420, 1.5, 0 },
	{ "utbildningsforvaltningen", 600, 1.3, 0 },
	{ "idrottsforvaltningen", 300, 1.2, 0 },
	{ "kulturforvaltningen", 260, 1.0, 0 },
};

/* put: one example row (org, area, year, kind, amount in the kind's unit). */
static int put(struct store *st, int64_t org, int64_t area, int year, const char *kind, const char *unit,
	       double amount, int *written, int *changed, struct err *e)
{
	struct sval args[] = { SVI(org), SVI(area), SVI(year), SVS(kind), SVD(amount), SVS(unit), SVS("Exempeldata") };
	int ch = 0, rc = store_exec(st, STMT_EXAMPLE_ALLOC_UPSERT, args, 7, NULL, &ch, e);

	(*written)++;
	*changed += ch;
	return rc;
}

/* one_giver: g's rows for every district and year. */
static int one_giver(struct store *st, const struct ex_giver *g, int64_t org, const struct ex_place *areas, int n,
		     int first, int last, int *written, int *changed, struct err *e)
{
	double growth = 0.02 + 0.02 * ex_unit_hash(g->org, "tillvaxt", NULL);
	char y[8];
	int rc;

	for (int i = 0; i < n; i++)
		for (int year = first; year <= last; year++) {
			snprintf(y, sizeof(y), "%d", year);
			double noise = 0.85 + 0.30 * ex_unit_hash(g->org, areas[i].key, y);
			double tkr = g->per_k * areas[i].weight / 1000.0 * (areas[i].prioritised ? g->need : 1.0) *
				     pow(1.0 + growth, year - first) * noise;
			tkr = ex_round(tkr, 0);
			if ((rc = put(st, org, areas[i].id, year, "money", "tkr", tkr, written, changed, e)) != LUP_OK)
				return rc;
			if (g->staff && (rc = put(st, org, areas[i].id, year, "staff", "årsarbetare",
						   ex_round(tkr / 850.0 * 2.0, 0) / 2.0, written, changed, e)) != LUP_OK)
				return rc;
		}
	return LUP_OK;
}

int ex_allocations(struct store *st, const struct ex_place *areas, int n, int first, int last, int *written,
		   int *changed, struct err *e)
{
	int rc;

	for (size_t k = 0; k < sizeof(givers) / sizeof(givers[0]); k++) {
		struct sval key = SVS(givers[k].org);
		int64_t org = 0;
		if ((rc = store_query_id(st, STMT_ORG_ID, &key, 1, &org, e)) != LUP_OK)
			return rc;
		if (org && (rc = one_giver(st, &givers[k], org, areas, n, first, last, written, changed, e)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}
