/* values.h: how the model's parsed values map onto the schema's columns, in one place for the
 * dataset loader, the importers and the API. */
#ifndef LUP_VALUES_H
#define LUP_VALUES_H

#include "model/datex.h"
#include "model/target.h"
#include "store/store.h"

/* store_target_values: the target table's mode ("number", "direction", "by_committee" or
 * "text") for a parsed target cell, with its value (number, or +1/-1 for öka/minska, else
 * NULL) and unit (NULL when none) as bound values. value and unit point into t. */
const char *store_target_values(const struct model_target *t, struct sval *value, struct sval *unit);

/* store_prec: the activity table's precision column for a date's precision ("day", "month",
 * "season" for spring and autumn terms, "year", "open"). */
const char *store_prec(enum model_prec p);

#endif
