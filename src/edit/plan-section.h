/* plan-section.h: the write path of a LUP's seven sections (the template of seed 004: Inledning,
 * Nulägesanalys, Geografiska/tematiska prioriteringar, Målsättningar, Prioriterade åtgärder,
 * Genomförande, Metoder för att mäta måluppfyllelse), each a title and a body of Markdown text
 * (render/markdown.h), per plan version. Shared by the API (api-plan-sections.c) and the form
 * (page-plan-section.c).
 *
 * A section of a draft version is set by the plan owner's editors (or its committee/
 * administration pair's) and administrators; the row is created when the version has none for
 * that ord. A version that is not a draft is frozen (edit/plan-draft.h). A draft's sections are
 * not public: web/plan-edit.h pv_readable says who may read them.
 */
#ifndef LUP_EDIT_PLAN_SECTION_H
#define LUP_EDIT_PLAN_SECTION_H

#include <stdint.h>

#include "render/markdown.h"

struct err;
struct http_user;
struct store;

#define PLAN_SECTIONS 7			/* ord 1..7 */
#define PLAN_SECTION_TITLE_MAX 200	/* bytes */
#define PLAN_SECTION_BODY_MAX MD_MAX_INPUT	/* bytes: what the renderer takes */

/* plan_section_default_title: the template's title of section ord (1..7), else NULL. */
const char *plan_section_default_title(int ord);

/* What a write sets: title NULL keeps the stored title (a new row: the template's); body NULL
 * or "" is an empty section. */
struct plan_section_in {
	int ord;
	const char *title;
	const char *body;
};

/*
 * plan_section_invalid: the first problem of in, or NULL when it is valid: the English message
 * is returned, the field's name ("ord", "title", "body") goes to *field and the Swedish message
 * for a form to *sv. Rules: ord 1..7; a title of 1..PLAN_SECTION_TITLE_MAX bytes that is not
 * only white space and has no line break; a body of at most PLAN_SECTION_BODY_MAX bytes; both
 * valid UTF-8 without NUL or control characters other than tab and line breaks.
 */
const char *plan_section_invalid(const struct plan_section_in *in, const char **field, const char **sv);

/*
 * plan_section_json: the representation of section ord of version version_id, as GET answers
 * it and as the ETag is computed from: {"ord", "title", "body", "stored"} ("stored" false with
 * the template's title and an empty body when the version has no row for it). *json is
 * malloc'd (the caller frees it). Returns LUP_OK or a store error in e.
 */
int plan_section_json(struct store *st, int64_t version_id, int ord, char **json, struct err *e);

/* A check of the section as it is before the write (its plan_section_json), run inside the
 * write's transaction: the API's If-Match. Returns 0 to go on, non-zero to abandon the write. */
typedef int (*plan_section_precond)(void *ctx, const char *before);

/* What came of a write. */
struct plan_section_out {
	int denied;		/* the caller may not write this plan's content (nothing changed) */
	int stale;		/* the precondition refused (nothing changed) */
	int created;		/* a row was inserted */
	int changed;		/* a row was inserted or changed (and audited) */
	int64_t id;		/* the section's row (0 when none) */
	char *after;		/* its plan_section_json after the write (malloc'd, the caller frees) */
};

/*
 * plan_section_set: sets section in->ord of plan version version_id to in's title and body, in
 * one transaction with its audit entry (entity "lup_section", insert or update; nothing is
 * audited when nothing changed), acting as user u. Order of the checks: in must be valid
 * (LUP_EINVAL, the English message of plan_section_invalid), the version must exist
 * (LUP_ENOTFOUND), u must be an administrator or an editor of the plan's owner or its pair
 * (out->denied, LUP_ECONFLICT), the version must be a draft (LUP_ECONFLICT, plan-draft.h), pre
 * (may be NULL) must accept the section as it is (out->stale, LUP_ECONFLICT). Returns LUP_OK
 * with out filled, or the error in e with nothing changed.
 */
int plan_section_set(struct store *st, const struct http_user *u, int64_t version_id, const struct plan_section_in *in,
		     plan_section_precond pre, void *ctx, struct plan_section_out *out, struct err *e);

/* plan_section_ord: text as a section number 1..7 (decimal digits only), else 0. */
int plan_section_ord(const char *text);

#endif
