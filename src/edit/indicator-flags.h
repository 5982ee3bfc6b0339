/* indicator-flags.h: the one write path of an indicator's flags (by_sex, by_area, kolada_kpi),
 * shared by PATCH /api/v1/indicators/{id}, the indicator form (/indikator/{key}/redigera) and
 * the CSV import's flag columns. docs/indicators.md. */
#ifndef LUP_EDIT_INDICATOR_FLAGS_H
#define LUP_EDIT_INDICATOR_FLAGS_H

#include <stdint.h>

#include "core/err.h"

struct store;

/* The flags to set; a flag whose set_* is 0 is left as it is. */
struct ind_flags_in {
	int set_by_sex, by_sex;
	int set_by_area, by_area;
	int set_kpi;
	const char *kpi;		/* NULL clears it */
};

/* Why a change of flags was refused (IND_FLAGS_OK: it was not). */
enum ind_flags_rule {
	IND_FLAGS_OK,
	IND_FLAGS_KPI_SHAPE,		/* kpi is not a Kolada KPI id (model_kolada_kpi_valid) */
	IND_FLAGS_KPI_REQUIRED,		/* kpi cleared on an indicator whose source kind is 'kolada' */
	IND_FLAGS_SEXED_LEFT,		/* by_sex off while outcomes or targets for women or men exist */
};

/* The outcome of edit_indicator_flags. */
struct ind_flags_out {
	enum ind_flags_rule rule;
	long outcomes, targets;		/* IND_FLAGS_SEXED_LEFT: the rows for women or men */
	int changed;			/* the indicator's row changed */
};

/*
 * edit_indicator_flags: checks in and writes it to indicator id, inside the caller's open
 * transaction (the caller has authorised the write and writes the audit entry: the API's
 * api_write_begin/api_write_end, the import's own). Refusing, it writes nothing and sets
 * out->rule (and the counts); turning by_sex off is refused while any outcome that is not
 * example data, or any target, is for women or men (delete or re-import them as totals first).
 * Returns LUP_OK (refused or not) or a store error in e.
 */
int edit_indicator_flags(struct store *st, int64_t id, const struct ind_flags_in *in, struct ind_flags_out *out,
			 struct err *e);

#endif
