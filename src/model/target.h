/* target.h: target values as written in goal tables, and whether an outcome meets its target. */
#ifndef LUP_MODEL_TARGET_H
#define LUP_MODEL_TARGET_H

#include <stddef.h>

#define MODEL_EPS 1e-9			/* tolerance of every comparison of values in model/ */
#define MODEL_TARGET_UNIT_MAX 16	/* size of model_target.unit, NUL included */
#define MODEL_TARGET_TEXT_MAX 128	/* size of model_target.text, NUL included */

/* Which way an indicator is better. Machine names: "higher", "lower", "none". */
enum model_direction {
	MODEL_DIR_NONE,		/* no better way: the target is a value to hit */
	MODEL_DIR_HIGHER,	/* higher is better (andel nöjda) */
	MODEL_DIR_LOWER,	/* lower is better (andel med ekonomiskt bistånd) */
	MODEL_DIR__MAX
};

/* Whether an outcome meets its target. The zero value is "unknown". */
enum model_meets {
	MODEL_MEETS_UNKNOWN,	/* cannot be judged: no outcome, or a target that is not a value */
	MODEL_MEETS_YES,	/* the target is met */
	MODEL_MEETS_NO,		/* the target is not met */
	MODEL_MEETS__MAX
};

/* What a target cell holds. */
enum model_target_kind {
	MODEL_TARGET_EMPTY,		/* nothing written */
	MODEL_TARGET_NUMBER,		/* a value with an optional unit: "4,6 %", "1 000 st", "70" */
	MODEL_TARGET_BY_COMMITTEE,	/* "Tas fram av nämnd": the committee sets the target */
	MODEL_TARGET_DIRECTION,		/* "öka" / "minska": a change from the previous value */
	MODEL_TARGET_TEXT,		/* anything else, kept as text */
	MODEL_TARGET__MAX
};

/* A parsed target cell. */
struct model_target {
	enum model_target_kind kind;		/* what the cell holds */
	double value;				/* NUMBER: the value; 0 otherwise */
	char unit[MODEL_TARGET_UNIT_MAX];	/* NUMBER: unit as written ("%", "st"), "" if none */
	int dir;				/* DIRECTION: +1 öka, -1 minska; 0 otherwise */
	char text[MODEL_TARGET_TEXT_MAX];	/* the cell trimmed, whitespace runs as one space;
						 * cut at a UTF-8 boundary if longer */
};

/*
 * model_target_parse: parses a target cell as written in Stockholm's tables into *out.
 * Whitespace includes newlines (wrapped cells) and U+00A0, U+2007, U+2009, U+202F.
 *   EMPTY:        NULL, "" or only whitespace.
 *   BY_COMMITTEE: text that, in any case and with all whitespace removed, starts with
 *                 "tasframav": "Tas fram av nämnd", "Tas fram av nämnd/styrelse", also when
 *                 wrapped mid-word ("nämnd/styrel\nse").
 *   DIRECTION:    one of "öka", "ökning", "ökad" (+1) or "minska", "minskning", "minskad" (-1),
 *                 any case, an optional final '.'.
 *   NUMBER:       [sign] digits [thousands groups] [decimal part] [unit], where
 *                 - sign is '-', '+', U+2212 (minus) or U+2013 (en dash used as minus);
 *                 - a thousands group is one whitespace character followed by exactly three
 *                   digits, allowed only after a first run of 1-3 digits ("1 000", "35 000");
 *                 - the decimal part is ',' or '.' followed by digits ("." is never a
 *                   thousands separator);
 *                 - at most 15 significant digits and 15 decimals;
 *                 - the unit is one word (no whitespace, no digits) of at most 15 bytes
 *                   starting with '%' or a letter, separated by optional whitespace ("4,6%").
 *                 "4,6 %" -> 4.6 "%"; "1 000 st" -> 1000 "st"; "-2,5 %" -> -2.5 "%"; "70" -> 70.
 *   TEXT:         anything else ("minst 80 %", "93 % öka", "2022-01-01").
 * text is filled for every kind. Returns 0; -1 only when out is NULL (message in err, which may
 * be NULL).
 */
int model_target_parse(const char *text, struct model_target *out, char *err, size_t errsz);

/*
 * model_target_format: writes t in canonical Swedish form into buf: NUMBER with decimal comma
 * and thousands spaces and as few decimals as it needs (up to 6), a space and the unit
 * ("4,6 %", "1 000 st", "70"); DIRECTION "öka"/"minska"; BY_COMMITTEE "Tas fram av nämnd";
 * TEXT its text; EMPTY "". Returns 0, or -1 when t or buf is NULL, t is inconsistent, or buf
 * is too small; buf then holds "" (when size > 0).
 */
int model_target_format(const struct model_target *t, char *buf, size_t size);

/*
 * model_outcome_meets_target: whether an outcome meets target t.
 *   - No outcome (has_outcome 0, or outcome NaN/infinite), t NULL, or dir out of range: UNKNOWN.
 *   - NUMBER target, by the indicator's direction dir:
 *       HIGHER: outcome >= value; LOWER: outcome <= value; NONE: |outcome - value| <= MODEL_EPS.
 *     All comparisons allow MODEL_EPS, so equality meets the target in every direction.
 *   - DIRECTION target ("öka"/"minska"): the target itself says which change is asked for, so
 *     it decides, whatever dir says (an indicator may be "none" and still be asked to rise).
 *     It compares with the previous value prev (the previous period's outcome):
 *       öka (+1):   YES when outcome > prev + MODEL_EPS, else NO (unchanged is not an increase);
 *       minska (-1): YES when outcome < prev - MODEL_EPS, else NO.
 *     Without a previous value (has_prev 0, or prev not finite): UNKNOWN.
 *   - BY_COMMITTEE, TEXT, EMPTY targets: UNKNOWN (nothing to compare against).
 */
enum model_meets model_outcome_meets_target(enum model_direction dir, int has_outcome,
	double outcome, const struct model_target *t, int has_prev, double prev);

/* model_direction_name: "none", "higher" or "lower"; NULL when d is out of range (static). */
const char *model_direction_name(enum model_direction d);

/*
 * model_direction_parse: parses a machine name ("higher", "lower", "none", ASCII case ignored,
 * surrounding whitespace ignored) into *out. Returns 0, or -1 with a message quoting the text
 * in err (err may be NULL); NULL text is treated as "" (an error); out NULL is an error.
 */
int model_direction_parse(const char *text, enum model_direction *out, char *err, size_t errsz);

/* model_meets_name: "unknown", "yes" or "no"; NULL when m is out of range (static string). */
const char *model_meets_name(enum model_meets m);

/*
 * model_target_kind_name: "empty", "number", "by_committee", "direction" or "text"; NULL when
 * k is out of range (static string).
 */
const char *model_target_kind_name(enum model_target_kind k);

#endif
