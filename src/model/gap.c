/* gap.c: a district's value compared with the city average, and what it takes to close the gap. */
#include "model/gap.h"
#include "model/fmt.h"
#include "model/model-int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const class_names[MODEL_GAP__MAX] = {
	"unknown", "better", "near", "worse", "much_worse"
};
static const char *const class_labels_sv[MODEL_GAP__MAX] = {
	"Saknar jämförelse", "Bättre än snittet", "Nära snittet", "Sämre än snittet",
	"Mycket sämre än snittet"
};

double model_gap(enum model_direction dir, double district, double city)
{
	if (!isfinite(district) || !isfinite(city))
		return NAN;
	if (dir == MODEL_DIR_HIGHER)
		return city - district;
	if (dir == MODEL_DIR_LOWER)
		return district - city;
	return NAN;
}

/* checks the arguments shared by the yearly change and the sentence */
static int check_args(enum model_direction dir, double district, double city, int years,
	char *err, size_t errsz)
{
	if ((unsigned)dir >= MODEL_DIR__MAX)
		return model_int_err(err, errsz, "gap: unknown direction %d", (int)dir), -1;
	if (!isfinite(district) || !isfinite(city))
		return model_int_err(err, errsz, "gap: district and city values must be numbers"), -1;
	if (years <= 0)
		return model_int_err(err, errsz, "gap: years must be at least 1 (got %d)", years), -1;
	return 0;
}

int model_yearly_change_to_close(enum model_direction dir, double district, double city,
	int years, double *change, char *err, size_t errsz)
{
	double gap;

	if (!change)
		return model_int_err(err, errsz, "gap: no place for the result"), -1;
	if (check_args(dir, district, city, years, err, errsz) < 0)
		return -1;
	gap = dir == MODEL_DIR_NONE ? fabs(city - district) : model_gap(dir, district, city);
	*change = gap <= MODEL_EPS ? 0 : (city - district) / years;
	return 0;
}

enum model_gap_class model_gap_class(double gap, double city)
{
	double limit = fabs(city);

	if (isnan(gap) || isnan(city))
		return MODEL_GAP_UNKNOWN;
	if (limit <= MODEL_EPS) {
		if (fabs(gap) <= MODEL_EPS)
			return MODEL_GAP_NEAR;
		return gap < 0 ? MODEL_GAP_BETTER : MODEL_GAP_MUCH_WORSE;
	}
	if (gap < -(MODEL_GAP_NEAR_SHARE * limit + MODEL_EPS))
		return MODEL_GAP_BETTER;
	if (gap <= MODEL_GAP_NEAR_SHARE * limit + MODEL_EPS)
		return MODEL_GAP_NEAR;
	if (gap <= MODEL_GAP_MUCH_SHARE * limit + MODEL_EPS)
		return MODEL_GAP_WORSE;
	return MODEL_GAP_MUCH_WORSE;
}

const char *model_gap_class_name(enum model_gap_class c)
{
	return (unsigned)c < MODEL_GAP__MAX ? class_names[c] : NULL;
}

const char *model_gap_class_label_sv(enum model_gap_class c)
{
	return (unsigned)c < MODEL_GAP__MAX ? class_labels_sv[c] : NULL;
}

/* the unit as read in the sentence ("procentenheter" for "%"), or "" */
static const char *unit_words(const char *unit)
{
	if (!unit)
		return "";
	if (strcmp(unit, "%") == 0 || strcmp(unit, "procent") == 0)
		return "procentenheter";
	return unit;
}

/* writes the sentence for checked arguments; returns snprintf's result or -1 */
static int write_sentence(const struct model_gap_spec *s, char *buf, size_t size)
{
	const char *area = s->area && s->area[0] ? s->area : "Området";
	const char *side = s->district < s->city ? "under" : "över";
	const char *unit = unit_words(s->unit), *sp = unit[0] ? " " : "";
	char diff[64], step[64];
	double change = 0;

	if (model_fmt_num(fabs(s->district - s->city), s->decimals, diff, sizeof diff) < 0)
		return -1;
	if (strspn(diff, "0, ") == strlen(diff))	/* rounds to zero */
		return snprintf(buf, size, "%s ligger på stadens snitt.", area);
	if (s->dir != MODEL_DIR_NONE && model_gap(s->dir, s->district, s->city) <= MODEL_EPS)
		return snprintf(buf, size, "%s ligger %s%s%s %s stadens snitt, vilket är bättre än "
			"snittet.", area, diff, sp, unit, side);
	model_yearly_change_to_close(s->dir, s->district, s->city, s->years, &change, NULL, 0);
	if (model_fmt_num(fabs(change), s->decimals, step, sizeof step) < 0)
		return -1;
	return snprintf(buf, size, "%s ligger %s%s%s %s stadens snitt; %s per år behövs för att nå "
		"snittet på %d år.", area, diff, sp, unit, side, step, s->years);
}

int model_gap_sentence(const struct model_gap_spec *s, char *buf, size_t size,
	char *err, size_t errsz)
{
	int n;

	if (!buf || size == 0)
		return model_int_err(err, errsz, "gap: no buffer for the sentence"), -1;
	buf[0] = '\0';
	if (!s)
		return model_int_err(err, errsz, "gap: nothing to describe"), -1;
	if (check_args(s->dir, s->district, s->city, s->years, err, errsz) < 0)
		return -1;
	if (s->decimals < 0 || s->decimals > MODEL_FMT_MAX_DECIMALS)
		return model_int_err(err, errsz, "gap: decimals must be 0..%d (got %d)",
			MODEL_FMT_MAX_DECIMALS, s->decimals), -1;
	n = write_sentence(s, buf, size);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return model_int_err(err, errsz, "gap: the sentence does not fit in %zu bytes", size), -1;
	}
	return 0;
}
