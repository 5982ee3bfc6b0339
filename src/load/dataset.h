/* dataset.h: loads a dataset directory (data/stockholm/) into the store in one transaction. */
#ifndef LUP_DATASET_H
#define LUP_DATASET_H

struct store;
struct err;

/* What a load did. */
struct load_report {
	int files;		/* files read */
	int rows;		/* records read */
	int changed;		/* database rows inserted or changed (0 when the data was already there) */
	int examples;		/* example outcome rows written (generated, marked example = 1) */
};

struct json;

/* load_report_json: writes the report of loading dir as one JSON object (the audit entry of a
 * load and `lup demo --json` say the same). */
void load_report_json(struct json *j, const char *dir, const struct load_report *r);

/*
 * load_dataset: reads dir/MANIFEST ("TABLE FILE" per line) and loads each file with the
 * table's loader, then generates the example outcome series. Everything runs in one
 * transaction: on any error nothing is written, and e names "file:line: column 'x': ..."
 * Loading the same data twice changes nothing (r->changed == 0 the second time) and then
 * writes no audit entry; otherwise one audit entry records the load.
 * Errors: LUP_EIO (unreadable file), LUP_EINVAL (bad content), LUP_ECONFLICT, LUP_EDB.
 */
int load_dataset(struct store *st, const char *dir, const char *actor, struct load_report *r,
		 struct err *e);

#endif
