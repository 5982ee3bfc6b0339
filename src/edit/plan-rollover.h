/* plan-rollover.h: the year rollover of a verksamhetsplan: next year's plan started from this
 * year's, as a draft (`lup plan rollover`, POST /api/v1/plans/{key}/rollover, the form on the
 * organisation page). The copy goes through the interchange document (view/plan.h
 * plan_doc_load) and the one write path of versions (edit/plan-version.h plan_version_create);
 * the new plan row is written here. */
#ifndef LUP_EDIT_PLAN_ROLLOVER_H
#define LUP_EDIT_PLAN_ROLLOVER_H

#include <stdint.h>

#include "edit/plan-version.h"

#define PLAN_ROLLOVER_KEY_MAX 128

/* What the rollover made. */
struct plan_rollover_out {
	char key[PLAN_ROLLOVER_KEY_MAX];	/* the new plan: vp-YEAR-<the rest of the old key> */
	int64_t plan_id, pv_id;
	int goals, results, indicators, activities;	/* copied */
	int activities_left;		/* done or cancelled: not copied */
	int targets_left;		/* this year's targets: not copied (next year's are the editor's) */
	int kf_mapped, kf_kept;		/* KF parents mapped to next year's KF goal / kept (none found) */
};

/*
 * plan_rollover: creates verksamhetsplan `year` of the owner of plan plan_key (kind vp) from its
 * adopted version (else its newest): a new plan row (key vp-YEAR-..., title "Verksamhetsplan
 * YEAR för <owner>", year_from = year_to = year) with one draft version holding the nämndmål
 * (year set to `year`, numbers, descriptions and expected results kept; a parent that is a KF
 * goal mapped to the KF goal of `year` with the same level and number, else the same title,
 * else kept), their indicators without targets (and, as always in the document, without
 * outcomes), and the activities whose status is not done or cancelled. One transaction with the
 * version's audit entry and one for the plan (its key, the source plan, the counts).
 * Errors: LUP_ENOTFOUND (no such plan), LUP_EINVAL (not a verksamhetsplan; year not after the
 * plan's last year or beyond 2999; problems of the document in p), LUP_ECONFLICT (the owner has
 * a verksamhetsplan holding `year`, or the new key is taken), LUP_EDB.
 */
int plan_rollover(struct store *st, const char *plan_key, int year, const struct plan_version_opts *o,
		  struct plan_rollover_out *out, struct doc_problems *p, struct err *e);

#endif
