/* plan-version.h: the one write path that writes a plan version's content from a plan document
 * (docs/plan-json.md): a new draft version (`lup import json`, `lup plan new-version`, POST
 * /api/v1/plans/{key}/versions, the web import) or a draft's content replaced (PUT
 * /api/v1/plans/{key}/versions/{n}). */
#ifndef LUP_EDIT_PLAN_VERSION_H
#define LUP_EDIT_PLAN_VERSION_H

#include <stdint.h>

#include <jansson.h>

struct doc_problems;
struct err;
struct store;

/* Who writes and why (for the audit entry). */
struct plan_version_opts {
	const char *actor;	/* who, by name */
	int64_t user_id;	/* the acting user; 0: none (the command line) */
	const char *origin;	/* "import json plan.json", "new-version" (kept in the audit entry) */
	int in_txn;		/* the caller has a write transaction open (else one is begun here) */
};

/*
 * plan_version_create: writes doc (validated by plan_json_parse, or built by plan_doc_load) as a
 * new draft version of the plan doc.plan.key names: version number max + 1, based on the
 * plan's version numbered doc.version.number when it has one, decision empty. Every row is new:
 * goals, measures, indicators and activities get the key IDENT-vN (N the new version; -2, -3...
 * appended while taken) and ident = the document's id; themes and partners ident = the id. Things
 * outside the document (organisations, areas, goals by key, other plans' themes and measures) are
 * resolved by key; each unknown one is a problem in p at its JSON pointer, and nothing is written.
 * One transaction with one audit entry (the version row) unless o->in_txn. *number (may be NULL)
 * receives the new version's number, *pv_id (may be NULL) its row id.
 * Errors: LUP_ENOTFOUND (no such plan), LUP_ECONFLICT (the plan has a draft already, or a row
 * conflicts: named in p), LUP_EINVAL (problems in p; e holds the first), LUP_EDB.
 */
int plan_version_create(struct store *st, json_t *doc, const struct plan_version_opts *o,
			struct doc_problems *p, int *number, int64_t *pv_id, struct err *e);

/*
 * plan_version_new: "Ny version": copies the plan's adopted version (the newest 'decided' one,
 * else the newest) into a new draft version through plan_version_create. Errors as there.
 */
int plan_version_new(struct store *st, const char *plan_key, const struct plan_version_opts *o,
		     int *number, struct err *e);

/*
 * plan_version_replace: replaces the content of draft version pv_id (a plan_version row id) with
 * doc (validated by plan_json_parse), keeping the version row (its number, status, based_on) and
 * setting its area_scope and note from doc.version: every section, theme, prioritised area,
 * partner, goal (with its results and indicators), indicator, measure and activity of the version
 * is deleted and the document's are written as plan_version_create writes them (keys IDENT-vN,
 * ident = the document's id, references resolved by key), all in one transaction with one audit
 * entry (entity plan_version, action update: the version row before and after, and o->origin)
 * unless o->in_txn. doc.plan.key must be the version's plan (else a problem at /plan/key).
 * Errors: LUP_ENOTFOUND (no such version), LUP_ECONFLICT (not a draft: "the version is adopted;
 * create a new version to change it"; or a row of the version is referred to from outside it),
 * LUP_EINVAL (problems in p; e holds the first; nothing changed), LUP_EDB.
 */
int plan_version_replace(struct store *st, int64_t pv_id, json_t *doc, const struct plan_version_opts *o,
			 struct doc_problems *p, struct err *e);

#endif
