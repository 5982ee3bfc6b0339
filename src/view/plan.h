/* plan.h: one plan version as one document (the interchange format of docs/plan-json.md), read
 * from the store. No HTTP: called by doc/ (export), edit/ (new version), the diff and the pages. */
#ifndef LUP_VIEW_PLAN_H
#define LUP_VIEW_PLAN_H

#include <stdint.h>

#include <jansson.h>

#include "doc/plan-val.h"

struct buf;
struct err;
struct store;

#define PLAN_DOC_FORMAT "lup-plan"	/* the document's "format" */
#define PLAN_DOC_VERSION 2		/* its "format_version" (2: targets per sex); 1 is read too */

/*
 * plan_doc_load: builds in *doc (a new reference; the caller json_decref's it) the document of
 * version `version` of plan plan_key; version 0 picks the newest adopted ('decided') version,
 * else the newest. Keys come in the order of docs/plan-json.md; absent values are null.
 * Reads in one read transaction unless the caller has one open. Returns LUP_OK, LUP_ENOTFOUND
 * (no such plan or version; *doc NULL) or LUP_EDB.
 */
int plan_doc_load(struct store *st, const char *plan_key, int version, json_t **doc, struct err *e);

/* plan_doc_pick: the id of the plan version plan_doc_load reads (version `version` of plan
 * plan_key; version 0: the newest adopted one, else the newest) into *pv. Returns LUP_OK,
 * LUP_ENOTFOUND (no such plan or version: *pv 0) or LUP_EDB. */
int plan_doc_pick(struct store *st, const char *plan_key, int version, int64_t *pv, struct err *e);

/* plan_doc_load_id: the same for the plan_version row id pv. */
int plan_doc_load_id(struct store *st, int64_t pv, json_t **doc, struct err *e);

/*
 * plan_doc_val_load_id: the document of plan_doc_load_id as a value in arena a (doc/plan-val.h;
 * the same members in the same order, *doc null on an error), without building a jansson tree:
 * the diff reads it so. Returns as plan_doc_load_id.
 */
int plan_doc_val_load_id(struct store *st, int64_t pv, struct arena *a, struct pval *doc, struct err *e);

/* plan_doc_val_load: plan_doc_val_load_id of the version plan_doc_load picks. */
int plan_doc_val_load(struct store *st, const char *plan_key, int version, struct arena *a, struct pval *doc,
		      struct err *e);

/*
 * plan_doc_write: appends to out the document of the plan_version row id pv as text, written
 * while its rows arrive (view/plan-text.c): the bytes plan_json_dump writes of plan_doc_load_id's
 * document (keys in its order, 2-space indent, UTF-8, a final newline). The API and `lup export
 * json plan` write it so. Reads in one read transaction unless the caller has one open.
 * Returns LUP_OK, LUP_ENOTFOUND (no such version) or LUP_EDB; on an error out is as it was.
 */
int plan_doc_write(struct store *st, int64_t pv, struct buf *out, struct err *e);

/* plan_doc_write_key: plan_doc_write for version `version` of plan plan_key, picked as
 * plan_doc_load picks it. */
int plan_doc_write_key(struct store *st, const char *plan_key, int version, struct buf *out, struct err *e);

#endif
