/* plan-diff.h: what changed between two versions of a plan, computed from their interchange
 * documents (docs/plan-diff.md has the JSON shape). Pure: no database, no files, no output. */
#ifndef LUP_PLAN_DIFF_H
#define LUP_PLAN_DIFF_H

#include <jansson.h>

#include "core/buf.h"
#include "core/err.h"
#include "doc/plan-val.h"

/* The largest array (of themes, of a measure's partners, of a section's paragraphs...) that
 * plan_diff accepts; larger ones fail with LUP_ETOOBIG. */
#define PLAN_DIFF_MAX_ITEMS 100000

/*
 * plan_diff: compares the plan document a (the older version) with b (the newer) and sets *out
 * to a new object {"from": {...}, "to": {...}, "changes": [...]} that the caller releases with
 * json_decref. Things are matched by identity (sections by ord, themes, partners, goals,
 * indicators, measures and activities by id, prioritised areas by area key, a measure's or an
 * activity's partners by org); "changes" lists what was added, removed and changed in document
 * order, and is empty when the content is the same (the version's number, status, decision and
 * based_on are bookkeeping, not content). Missing or null arrays count as empty.
 * Returns LUP_OK, or LUP_EINVAL (not a lup-plan document, a wrong type, a missing or duplicate
 * id: e names the document, the place and the id) or LUP_ETOOBIG, with *out left NULL.
 */
int plan_diff(const json_t *a, const json_t *b, json_t **out, struct err *e);

/*
 * plan_diff_val: plan_diff of two documents as values (view/plan.h's plan_doc_val_load_id
 * loads them so, without jansson trees): the same diff, the same errors. A format version 1
 * document compared with a version 2 one gets "sex": "T" in its targets that lack it (in a,
 * or b, itself: plan_diff's upgrade of it). Only the result is a jansson tree.
 */
int plan_diff_val(struct pval *a, struct pval *b, json_t **out, struct err *e);

/*
 * plan_diff_text: appends the English text form of a diff made by plan_diff to out: a line
 * naming both versions, then one line per change ("+" added, "-" removed, "~" changed, e.g.
 * `~ theme theme-12 "Trygghet" -> "Trygghet och säkerhet": name`), or "no changes".
 * Returns LUP_OK, or LUP_ETOOBIG when out's cap was reached (out then holds a prefix).
 */
int plan_diff_text(const json_t *diff, struct buf *out);

#endif
