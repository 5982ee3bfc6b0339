/* assess.h: the suggested assessment of a goal from whether its indicators meet their targets. */
#ifndef LUP_MODEL_ASSESS_H
#define LUP_MODEL_ASSESS_H

#include <stddef.h>

#include "model/target.h"

/* A goal assessment (målbedömning). */
enum model_assessment {
	MODEL_ASSESS_NONE,	/* not assessed: "Ej bedömt", machine "none" */
	MODEL_ASSESS_FULFILLED,	/* "Uppfyllt", machine "fulfilled" */
	MODEL_ASSESS_PARTLY,	/* "Delvis uppfyllt", machine "partly" */
	MODEL_ASSESS_NOT,	/* "Ej uppfyllt", machine "not" */
	MODEL_ASSESS__MAX
};

/*
 * The rule. Only indicators with a known result (MODEL_MEETS_YES or MODEL_MEETS_NO) count;
 * UNKNOWN and out-of-range values (no outcome, a target set later or given as text) are left out
 * and reported as "saknar utfall". With K known results of which M are met:
 *	K == 0			-> NONE (not assessed)
 *	M == K			-> FULFILLED
 *	2 * M >= K		-> PARTLY (at least half met; exactly half is partly)
 *	otherwise		-> NOT (fewer than half met, including none met)
 * This is a suggestion: the committee's own assessment (which also weighs the trend) decides.
 */

/*
 * model_assess_suggest: applies the rule to meets[0..n) and returns the suggested assessment.
 * meets may be NULL only when n is 0. When why is non-NULL and whysz > 0, the rule is written
 * there in Swedish, e.g. "3 av 4 indikatorer når sina mål (1 saknar utfall): delvis uppfyllt",
 * "1 av 1 indikator når sitt mål: uppfyllt", "2 indikatorer saknar utfall: ej bedömt",
 * "inga indikatorer: ej bedömt"; it is cut (at a character boundary) when it does not fit.
 */
enum model_assessment model_assess_suggest(const enum model_meets *meets, size_t n,
	char *why, size_t whysz);

/*
 * model_assess_from_counts: as model_assess_suggest, from counts of indicators that meet their
 * target (met), do not (not_met) and cannot be judged (unknown).
 */
enum model_assessment model_assess_from_counts(size_t met, size_t not_met, size_t unknown,
	char *why, size_t whysz);

/*
 * model_assess_label_sv: "Ej bedömt", "Uppfyllt", "Delvis uppfyllt" or "Ej uppfyllt"; NULL when
 * a is out of range. The string is static.
 */
const char *model_assess_label_sv(enum model_assessment a);

/*
 * model_assess_name: the machine label "none", "fulfilled", "partly" or "not"; NULL when a is
 * out of range. The string is static.
 */
const char *model_assess_name(enum model_assessment a);

/*
 * model_assess_parse: parses a machine label (or, for convenience, a Swedish label), in any case
 * and with surrounding whitespace ignored, into *out. Returns 0, or -1 with a message quoting the
 * text in err (err may be NULL); NULL text is treated as "" (an error); out NULL is an error.
 */
int model_assess_parse(const char *text, enum model_assessment *out, char *err, size_t errsz);

#endif
