/* values.c: the model's parsed values as column values (see values.h). */
#include "store/values.h"

const char *store_target_values(const struct model_target *t, struct sval *value, struct sval *unit)
{
	*value = SVNULL;
	*unit = SVNULL;
	switch (t->kind) {
	case MODEL_TARGET_NUMBER:
		*value = SVD(t->value);
		if (t->unit[0])
			*unit = SVS(t->unit);
		return "number";
	case MODEL_TARGET_DIRECTION:
		*value = SVD((double)t->dir);
		return "direction";
	case MODEL_TARGET_BY_COMMITTEE:
		return "by_committee";
	default:
		return "text";
	}
}

const char *store_prec(enum model_prec p)
{
	switch (p) {
	case MODEL_PREC_DAY: return "day";
	case MODEL_PREC_MONTH: return "month";
	case MODEL_PREC_SPRING:
	case MODEL_PREC_AUTUMN: return "season";
	case MODEL_PREC_YEAR: return "year";
	default: return "open";
	}
}
