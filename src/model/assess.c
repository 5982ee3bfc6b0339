/* assess.c: the suggested assessment of a goal from whether its indicators meet their targets. */
#include "model/assess.h"
#include "model/model-int.h"

#include <stdio.h>
#include <string.h>

static const char *const names[MODEL_ASSESS__MAX] = { "none", "fulfilled", "partly", "not" };
static const char *const labels_sv[MODEL_ASSESS__MAX] = {
	"Ej bedömt", "Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt"
};
/* the same labels, case-folded, as written after the colon of the rule text */
static const char *const labels_lower[MODEL_ASSESS__MAX] = {
	"ej bedömt", "uppfyllt", "delvis uppfyllt", "ej uppfyllt"
};

/* the rule itself */
static enum model_assessment rule(size_t met, size_t known)
{
	if (known == 0)
		return MODEL_ASSESS_NONE;
	if (met >= known)
		return MODEL_ASSESS_FULFILLED;
	return 2 * met >= known ? MODEL_ASSESS_PARTLY : MODEL_ASSESS_NOT;
}

/* put: appends s at t[*k] (t has room for what explain writes: three numbers of at most 20
 * digits and its fixed words); returns t. */
static char *put(char *t, size_t *k, const char *s)
{
	size_t n = strlen(s);

	memcpy(t + *k, s, n);
	*k += n;
	return t;
}

/* put_num: appends v in decimal, as "%zu" writes it. */
static void put_num(char *t, size_t *k, size_t v)
{
	char d[24];
	size_t n = 0;

	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n)
		t[(*k)++] = d[--n];
}

/* explain_slow: the rule text by printf, cut to whysz as model_int_err cuts (explain's path when
 * the text does not fit). */
static void explain_slow(size_t met, size_t known, size_t unknown, enum model_assessment a,
	char *why, size_t whysz)
{
	char paren[48] = "";

	if (known == 0 && unknown == 0) {
		model_int_err(why, whysz, "inga indikatorer: %s", labels_lower[a]);
		return;
	}
	if (known == 0) {
		model_int_err(why, whysz, "%zu %s saknar utfall: %s", unknown,
			unknown == 1 ? "indikator" : "indikatorer", labels_lower[a]);
		return;
	}
	if (unknown > 0)
		snprintf(paren, sizeof paren, " (%zu saknar utfall)", unknown);
	model_int_err(why, whysz, "%zu av %zu %s%s: %s", met, known,
		known == 1 ? "indikator når sitt mål" : "indikatorer når sina mål", paren, labels_lower[a]);
}

/* explain: writes the rule text for the counts and the outcome a ("2 av 4 indikatorer når sina
 * mål (1 saknar utfall): delvis uppfyllt"), put together without printf (a goal's page writes
 * one per goal); explain_slow's text, to which it falls back when the text does not fit why. */
static void explain(size_t met, size_t known, size_t unknown, enum model_assessment a,
	char *why, size_t whysz)
{
	char t[192];
	size_t k = 0;

	if (!why || whysz == 0)
		return;
	if (known == 0 && unknown == 0) {
		put(t, &k, "inga indikatorer: ");
	} else if (known == 0) {
		put_num(t, &k, unknown);
		put(t, &k, unknown == 1 ? " indikator saknar utfall: " : " indikatorer saknar utfall: ");
	} else {
		put_num(t, &k, met);
		put(t, &k, " av ");
		put_num(t, &k, known);
		put(t, &k, known == 1 ? " indikator når sitt mål" : " indikatorer når sina mål");
		if (unknown > 0) {
			put(t, &k, " (");
			put_num(t, &k, unknown);
			put(t, &k, " saknar utfall)");
		}
		put(t, &k, ": ");
	}
	put(t, &k, labels_lower[a]);
	if (k >= whysz) {
		explain_slow(met, known, unknown, a, why, whysz);
		return;
	}
	memcpy(why, t, k);
	why[k] = '\0';
}

enum model_assessment model_assess_from_counts(size_t met, size_t not_met, size_t unknown,
	char *why, size_t whysz)
{
	enum model_assessment a = rule(met, met + not_met);

	explain(met, met + not_met, unknown, a, why, whysz);
	return a;
}

enum model_assessment model_assess_suggest(const enum model_meets *meets, size_t n,
	char *why, size_t whysz)
{
	size_t i, met = 0, not_met = 0;

	if (!meets)
		n = 0;
	for (i = 0; i < n; i++) {
		met += meets[i] == MODEL_MEETS_YES;
		not_met += meets[i] == MODEL_MEETS_NO;
	}
	return model_assess_from_counts(met, not_met, n - met - not_met, why, whysz);
}

const char *model_assess_label_sv(enum model_assessment a)
{
	return (unsigned)a < MODEL_ASSESS__MAX ? labels_sv[a] : NULL;
}

const char *model_assess_name(enum model_assessment a)
{
	return (unsigned)a < MODEL_ASSESS__MAX ? names[a] : NULL;
}

int model_assess_parse(const char *text, enum model_assessment *out, char *err, size_t errsz)
{
	char q[MODEL_INT_QUOTE_BUF], f[32];
	const char *b = text ? text : "", *e;
	int i;

	/* a name as stored ("partly"): what trimming and folding would find, without them */
	for (i = 0; out && i < MODEL_ASSESS__MAX; i++)
		if (strcmp(b, names[i]) == 0) {
			*out = (enum model_assessment)i;
			return 0;
		}
	e = b + strlen(b);
	model_int_trim(&b, &e);
	model_int_quote(b, e, q);
	if (!out)
		return model_int_err(err, errsz, "assessment: no place for the result"), -1;
	if (model_int_fold(b, e, 1, f, sizeof f) == 0)
		for (i = 0; i < MODEL_ASSESS__MAX; i++)
			if (strcmp(f, names[i]) == 0 || strcmp(f, labels_lower[i]) == 0) {
				*out = (enum model_assessment)i;
				return 0;
			}
	model_int_err(err, errsz,
		"assessment '%s': unknown value (expected fulfilled, partly, not or none)", q);
	return -1;
}
