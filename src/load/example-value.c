/* example-value.c: the model behind the example outcomes: what kind of value an indicator has,
 * how a district's performance becomes a value, and the split by sex (see example.h). */
#include "load/example.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define EX_WORD_MAX 64
#define EX_WORDS 4

static const char *const count_units[] = {
	"st", "antal", "personer", "aspiranter", "platser", "ungdomar", "barn", "hushåll", "familjer",
	"bostäder", "besök", "deltagare", "ärenden", "individer", NULL
};
static const char *const amount_units[] = { "kr", "tkr", "mnkr", "mkr", "GWh", "MWh", "kWh", "ton", NULL };
static const char *const lead_words[] = { "andel", "andelen", "antal", NULL };
static const char *const adjectives[] = { "nöjda", "legitimerade", "familjehemsplacerade", "trygga", NULL };
static const char *const people[] = {
	"barn", "unga", "ungdomar", "personer", "vuxna", "aspiranter", "stockholmare", "stockholmarnas",
	"föräldrar", "förskollärare", "brukare", "brukarens", "boende", "omsorgstagare", "nyanlända",
	"personal", "sjukfrånvaro", "invånare", "elever", "kvinnor", NULL
};

static int in(const char *w, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

double ex_unit_hash(const char *a, const char *b, const char *c)
{
	uint64_t h = 1469598103934665603ULL;
	const char *parts[3] = { a, b, c };

	for (int i = 0; i < 3 && parts[i]; i++) {
		for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h = (h ^ '|') * 1099511628211ULL;
	}
	return (double)(h >> 11) / 9007199254740992.0;
}

double ex_round(double v, int d)
{
	double p = pow(10, d);

	return round(v * p) / p;
}

/* words: the first EX_WORDS words of name, ASCII letters lowered; returns how many. */
static int words(const char *name, char w[EX_WORDS][EX_WORD_MAX])
{
	int n = 0;

	while (name && *name && n < EX_WORDS) {
		size_t len = strcspn(name, " ,(");
		if (len > 0) {
			size_t k = len < EX_WORD_MAX - 1 ? len : EX_WORD_MAX - 1;
			for (size_t i = 0; i < k; i++)
				w[n][i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
			w[n++][k] = '\0';
		}
		name += len;
		name += strspn(name, " ,(");
	}
	return n;
}

/* of_people: the name's first noun is a word for people (see ex_classify). */
static int of_people(const char *name)
{
	char w[EX_WORDS][EX_WORD_MAX];
	int n = words(name, w), i = 0;

	if (i < n && in(w[i], lead_words))
		i++;
	while (i < n && in(w[i], adjectives))
		i++;
	return i < n && in(w[i], people);
}

/* per_one: a count that is an average: "... per ..." or "Antal X en/ett Y ...". */
static int per_one(const char *name)
{
	char w[EX_WORDS][EX_WORD_MAX];
	int n = words(name, w);

	if (name && strstr(name, " per "))
		return 1;
	return n >= 3 && strcmp(w[0], "antal") == 0 && (strcmp(w[2], "en") == 0 || strcmp(w[2], "ett") == 0);
}

static enum ex_kind kind_of(const char *unit, const char *name)
{
	if (!unit || !*unit)
		return EX_RATE;
	if (strcmp(unit, "%") == 0 || strcmp(unit, "procent") == 0)
		return EX_SHARE;
	if (in(unit, count_units))
		return per_one(name) ? EX_RATE : EX_COUNT;
	return in(unit, amount_units) ? EX_AMOUNT : EX_RATE;
}

void ex_classify(struct ex_series *s, const char *unit, const char *name, int by_sex_flag)
{
	double b = fabs(s->target);

	s->kind = kind_of(unit, name);
	switch (s->kind) {
	case EX_COUNT:
		s->decimals = 0;
		break;
	case EX_SHARE:
		s->decimals = 1;
		break;
	case EX_RATE:
		s->bounded = unit && strcmp(unit, "index") == 0;
		s->decimals = s->bounded ? 0 : b < 2 ? 2 : 1;
		break;
	case EX_AMOUNT:
		s->decimals = strcmp(unit, "kr") == 0 || strcmp(unit, "tkr") == 0 ? 0 : b < 10 ? 2 : 1;
		break;
	}
	s->cumulative = s->kind == EX_COUNT && s->tertial;
	s->by_sex = by_sex_flag || ((s->kind == EX_SHARE || s->kind == EX_COUNT) && of_people(name));
}

/* spread: how far one unit of performance moves the value (a factor exp(spread * z), or that
 * much on the log-odds of a share). */
static double spread(const struct ex_series *s)
{
	if (s->dir == 0)
		return 0.1;
	return s->kind == EX_RATE ? 0.25 : s->kind == EX_AMOUNT ? 0.5 : s->kind == EX_SHARE ? 1.0 : 0.6;
}

/* share: a share with a direction moves on the log-odds scale, so that it stays within 0-100
 * and moves least near the ends (a target of 100 % is modelled as 98.5 %, of 0 % as 1.5 %). */
static double share(const struct ex_series *s, double base, double z)
{
	double p = base < 1.5 ? 1.5 : base > 98.5 ? 98.5 : base;
	double l = log(p / (100 - p)) - s->dir * spread(s) * z;

	return 100 / (1 + exp(-l));
}

double ex_value(const struct ex_series *s, double base, double z)
{
	double f = exp(spread(s) * z), v;

	if (s->kind == EX_SHARE && s->dir != 0)
		v = share(s, base, z);
	else if (s->dir > 0)
		v = base / f;
	else
		v = base * f;
	if (v < 0)
		v = 0;
	if (v > 100 && (s->kind == EX_SHARE || s->bounded))
		v = 100;
	return v;
}

int ex_meets(const struct ex_series *s, double v)
{
	const double eps = 1e-9;

	if (s->dir > 0)
		return v >= s->target - eps;
	if (s->dir < 0)
		return v <= s->target + eps;
	return fabs(v - s->target) <= eps;
}

double ex_force(const struct ex_series *s, double v, int want)
{
	double unit = pow(10, -s->decimals), p = pow(10, s->decimals), t = s->target;
	double up = ceil(t * p - 1e-9) / p, down = floor(t * p + 1e-9) / p;
	double hi = s->kind == EX_SHARE || s->bounded ? 100 : INFINITY;

	if (ex_meets(s, v) == want)
		return v;
	if (want)
		return s->dir > 0 ? up : s->dir < 0 ? down : t;
	if (s->dir > 0)
		return down - unit >= 0 ? ex_round(down - unit, s->decimals) : v;
	if (s->dir < 0)
		return up + unit <= hi ? ex_round(up + unit, s->decimals) : v;
	return ex_round(t + unit <= hi ? t + unit : t - unit, s->decimals);
}

void ex_split(const struct ex_series *s, double t, double kshare, double rel, double *k, double *m)
{
	if (s->kind == EX_COUNT || s->kind == EX_AMOUNT) {
		*k = s->kind == EX_COUNT ? floor(t * kshare + 0.5) : ex_round(t * kshare, s->decimals);
		*m = ex_round(t - *k, s->decimals);
		return;
	}
	double scale = s->kind == EX_SHARE && 100 - t < t ? 100 - t : t;
	double d = ex_round(scale * rel, s->decimals);

	*k = ex_round(t + d, s->decimals);
	*m = ex_round(t - d, s->decimals);
}
