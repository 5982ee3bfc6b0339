/* need.c: the need index and the kinds of resources (see need.h). */
#include "model/need.h"
#include "model/gap.h"

#include <math.h>
#include <string.h>

#define NEED_EPS 1e-9

const char *const need_kind_codes[] = { "money", "staff", "places", "hours", NULL };
const char *const need_unit_codes[] = { "tkr", "årsarbetare", "platser", "timmar", NULL };
static const char *const kind_sv[] = { "Pengar", "Personal", "Platser", "Timmar" };

int need_kind_index(const char *code)
{
	for (int k = 0; code && need_kind_codes[k]; k++)
		if (strcmp(code, need_kind_codes[k]) == 0)
			return k;
	return -1;
}

const char *need_kind_unit(int k)
{
	return k >= 0 && k < NEED_KIND__MAX ? need_unit_codes[k] : NULL;
}

const char *need_kind_sv(int k)
{
	return k >= 0 && k < NEED_KIND__MAX ? kind_sv[k] : "";
}

/* gaps: step 1 for indicator ind over its row of cells; its count, mean and spread (step 2's). */
static void gaps(struct need_ind *ind, struct need_cell *row, size_t nd)
{
	double sum = 0, ss = 0;
	int ok = (ind->dir == MODEL_DIR_HIGHER || ind->dir == MODEL_DIR_LOWER) && isfinite(ind->city);

	ind->n = 0;
	ind->flat = 0;
	for (size_t d = 0; d < nd; d++) {
		row[d].gap = row[d].z = NAN;
		if (!ok || !isfinite(row[d].value))
			continue;
		row[d].gap = model_gap(ind->dir, row[d].value, ind->city);
		sum += row[d].gap;
		ind->n++;
	}
	ind->used = ind->n > 0;
	ind->mean = ind->sd = NAN;
	if (!ind->n)
		return;
	ind->mean = sum / ind->n;
	for (size_t d = 0; d < nd; d++)
		if (isfinite(row[d].gap))
			ss += (row[d].gap - ind->mean) * (row[d].gap - ind->mean);
	ind->sd = sqrt(ss / ind->n);
	ind->flat = ind->n < 2 || ind->sd <= NEED_EPS;
}

int need_compute(struct need_ind *ind, size_t ni, struct need_cell *cells, size_t nd, double *index, int *nused)
{
	if ((ni && (!ind || (nd && !cells))) || (nd && !index))
		return -1;
	for (size_t k = 0; k < ni; k++)
		if (!(ind[k].weight > 0) || !isfinite(ind[k].weight))
			return -1;
	for (size_t k = 0; k < ni; k++) {
		struct need_cell *row = cells + k * nd;
		gaps(&ind[k], row, nd);
		for (size_t d = 0; d < nd; d++)
			if (isfinite(row[d].gap))
				row[d].z = ind[k].flat ? 0.0 : (row[d].gap - ind[k].mean) / ind[k].sd;
	}
	for (size_t d = 0; d < nd; d++) {
		double wz = 0, w = 0;
		int n = 0;
		for (size_t k = 0; k < ni; k++) {
			const struct need_cell *c = &cells[k * nd + d];
			if (!isfinite(c->z))
				continue;
			wz += ind[k].weight * c->z;
			w += ind[k].weight;
			n++;
		}
		index[d] = n ? wz / w : NAN;
		if (nused)
			nused[d] = n;
	}
	return 0;
}

void need_order(const double *index, size_t nd, size_t *ord)
{
	for (size_t i = 0; i < nd; i++)
		ord[i] = i;
	/* insertion sort: stable, nd is the 14 districts */
	for (size_t i = 1; i < nd; i++) {
		size_t x = ord[i], j = i;
		for (; j > 0; j--) {
			double a = index[ord[j - 1]], b = index[x];
			int before = isfinite(b) && (!isfinite(a) || b > a);
			if (!before)
				break;
			ord[j] = ord[j - 1];
		}
		ord[j] = x;
	}
}
