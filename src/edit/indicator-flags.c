/* indicator-flags.c: the write path of an indicator's flags (indicator-flags.h). */
#include "edit/indicator-flags.h"
#include "model/indicator.h"
#include "store/store.h"

#include <string.h>

struct flags_row {
	int found, by_sex;
	char source_kind[16];
};

static int flags_cb(void *ctx, const struct store_row *r)
{
	struct flags_row *f = ctx;
	const char *sk = store_col_text(r, 5);

	f->found = 1;
	f->by_sex = (int)store_col_int(r, 3);
	strncpy(f->source_kind, sk ? sk : "", sizeof(f->source_kind) - 1);
	return 1;
}

static int sexed_cb(void *ctx, const struct store_row *r)
{
	struct ind_flags_out *o = ctx;

	o->outcomes = (long)store_col_int(r, 0);
	o->targets = (long)store_col_int(r, 1);
	return 1;
}

int edit_indicator_flags(struct store *st, int64_t id, const struct ind_flags_in *in, struct ind_flags_out *out,
			 struct err *e)
{
	struct flags_row f = { 0 };
	struct sval key = SVI(id);
	int rc;

	memset(out, 0, sizeof(*out));
	if (in->set_kpi && in->kpi && !model_kolada_kpi_valid(in->kpi)) {
		out->rule = IND_FLAGS_KPI_SHAPE;
		return LUP_OK;
	}
	if ((rc = store_query(st, STMT_IND_FLAGS, &key, 1, flags_cb, &f, e)) != LUP_OK)
		return rc;
	if (in->set_kpi && !in->kpi && strcmp(f.source_kind, "kolada") == 0) {
		out->rule = IND_FLAGS_KPI_REQUIRED;
		return LUP_OK;
	}
	if (in->set_by_sex && !in->by_sex && f.by_sex) {
		if ((rc = store_query(st, STMT_IND_SEXED, &key, 1, sexed_cb, out, e)) != LUP_OK)
			return rc;
		if (out->outcomes || out->targets) {
			out->rule = IND_FLAGS_SEXED_LEFT;
			return LUP_OK;
		}
	}
	struct sval args[] = { SVI(id), SVI(in->set_by_sex), SVI(in->by_sex ? 1 : 0), SVI(in->set_by_area),
			       SVI(in->by_area ? 1 : 0), SVI(in->set_kpi), in->kpi ? SVS(in->kpi) : SVNULL };
	return store_exec(st, STMT_IND_FLAGS_SET, args, 7, NULL, &out->changed, e);
}
