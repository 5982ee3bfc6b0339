/* example.h: the model behind the example outcomes (example-value.c), private to src/load/.
 * Pure functions: no I/O, no store; example.c reads the indicators and areas and writes rows
 * (and example-alloc.c, declared at the end, writes the example allocations). */
#ifndef LUP_LOAD_EXAMPLE_H
#define LUP_LOAD_EXAMPLE_H

#include <stdint.h>

struct store;
struct err;

/* What an indicator's value is, decided by its unit (and, for counts, its name):
 *	COUNT	st, antal, personer, aspiranter, ...: whole numbers; the city is the districts' sum
 *	SHARE	% or procent: 0-100 with one decimal; the city is the population-weighted mean
 *	RATE	anything else (index, "barn per grupp", kg CO2 per kg): one or two decimals (an index
 *		whole and at most 100); the city is the population-weighted mean. A count unit whose name says "per"
 *		("Antal barn per grupp") or counts per one ("Antal personal en hemtjänsttagare
 *		möter") is a rate too: an average, not something to add up.
 *	AMOUNT	kr, tkr, mnkr, GWh, MWh, kWh, ton: decimals as the unit needs; the city is the sum */
enum ex_kind { EX_COUNT, EX_SHARE, EX_RATE, EX_AMOUNT };

/* What the owner district's full-year value of the target year is made to do (see example.c). */
enum ex_fate {
	EX_FATE_MET,		/* meets its own target */
	EX_FATE_NOT_MET,	/* misses it */
	EX_FATE_MISSING		/* not measured that year: every area's value is missing */
};

/* One indicator's example series, as example.c derives it from the indicator and its target. */
struct ex_series {
	int64_t ind;
	char key[64];
	char goal[64];		/* the goal's key, "" for none */
	int dir;		/* +1 higher is better, -1 lower is better, 0 none */
	int tertial;		/* periodicity 'tertial': T1, T2 and full year; else full year only */
	enum ex_kind kind;
	int by_sex;		/* values for women (K) and men (M) besides the total */
	int cumulative;		/* a count of the year so far: T1 <= T2 <= full year */
	int decimals;
	int bounded;		/* an index: at most 100 */
	int year;		/* the year of its own numeric target */
	double target;
	int64_t district;	/* the owner's district (area id), 0 when the owner has none */
	double owner_weight;	/* that district's population (0: unknown) */
	enum ex_fate fate;
};

/* ex_classify: sets s->kind, s->decimals, s->cumulative and s->by_sex from the unit (may be NULL),
 * the name, the periodicity flag s->tertial, s->target and the indicator's by_sex flag. by_sex is
 * set when the flag is, or when the value is a share or count of people: the name's first noun
 * (after "Andel"/"Andelen"/"Antal" and an adjective like "nöjda") is a word for people ("barn",
 * "personer", "brukare", "omsorgstagare", ...) or the name starts with "Stockholmarnas" or
 * "Sjukfrånvaro". */
void ex_classify(struct ex_series *s, const char *unit, const char *name, int by_sex_flag);

/* ex_round: v rounded to d decimals (half away from zero). */
double ex_round(double v, int d);

/* ex_unit_hash: a value in [0, 1) from up to three texts (NULL ends the list early), the same on
 * every run and machine (FNV-1a). */
double ex_unit_hash(const char *a, const char *b, const char *c);

/* ex_value: the total value of s in a district for a performance z (0: at the target, positive:
 * worse) and a base (the target, scaled to the district for counts and amounts), before
 * rounding: exp(spread * z) times the base (divided for higher is better), a share on the
 * log-odds scale. Shares and indexes stay within 0-100, everything at or above 0. */
double ex_value(const struct ex_series *s, double base, double z);

/* ex_meets: 1 when the rounded value v meets s's target (the rule of model_outcome_meets_target
 * for a number target: higher v >= target, lower v <= target, none v == target). */
int ex_meets(const struct ex_series *s, double v);

/* ex_force: v moved, where needed, to the nearest value at s->decimals that meets (want 1) or
 * misses (want 0) s's target, within the value's range. */
double ex_force(const struct ex_series *s, double v, int want);

/* ex_split: the women's and men's values of a total t in a district. Counts and amounts: k
 * (rounded share kshare of t) + m = t. Shares and rates: k = t + d, m = t - d for a rounded
 * difference d from rel (the relative gap between the sexes), so that t is their mean (equal
 * weights: the districts' populations are close to half women, half men). */
void ex_split(const struct ex_series *s, double t, double kshare, double rel, double *k, double *m);

/* A district as the example writers see it: id, key, whether it is prioritised, its population
 * weight (example.c). */
struct ex_place {
	int64_t id;
	const char *key;
	int prioritised;
	double weight;
};

/* ex_allocations: writes the example resource allocations of years first..last for the districts
 * areas[0..n) (example-alloc.c: a few specialist administrations' money in tkr and staff, more
 * in the prioritised districts, example = 1; an organisation missing from the database is left
 * out, a row recorded by an organisation itself is never changed). *written counts the rows
 * written, *changed those that changed. Returns LUP_OK or a store error in e. */
int ex_allocations(struct store *st, const struct ex_place *areas, int n, int first, int last, int *written,
		   int *changed, struct err *e);

#endif
