/* plan-edit.h: what the API and the form pages of a plan version's content share: the version of
 * the route's {key} and {n}, who may read and who may change it, and the rows of its themes. */
#ifndef LUP_WEB_PLAN_EDIT_H
#define LUP_WEB_PLAN_EDIT_H

#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */
#include "render/rows.h"
#include "web/http.h"

/* A plan version as the routes name it (STMT_PT_VERSION). Texts live in the request arena. */
struct pv_head {
	int64_t id, version, plan_id, owner, owner_pair, district;
	const char *status, *plan, *title, *owner_name, *district_key, *district_name, *area_scope;
};

/* pv_head_load: the version of plan key r->params[0], number r->params[1], into *v; *found is 0
 * when there is none (also for a number that is not one). Returns LUP_OK or a store error in
 * r->err. */
int pv_head_load(struct http_req *r, struct pv_head *v, int *found);

/* pv_readable: may u see version v? Adopted and superseded versions: everyone; a draft: the
 * city office, administrators, and logged-in readers and editors of the plan's owner or its
 * pair (authz_member). */
int pv_readable(const struct http_user *u, const struct pv_head *v);

/* pv_writable: may u change version v's content (were it a draft)? Administrators, and editors
 * of the plan's owner or its pair. */
int pv_writable(const struct http_user *u, const struct pv_head *v);

/* pv_api_version: the route's version for the API, for reading (write 0) or changing it (write
 * 1): answers 403 (not the caller's to change), 404 (none the caller may see) or 409
 * plan_version_adopted (not a draft) and returns that status, else returns 0 with *v filled. */
int pv_api_version(struct http_req *r, struct pv_head *v, int write);

/* pv_api_fail: answers an error of the edit layer in r->err: 422 naming field (for LUP_EINVAL
 * with a field), 409 (LUP_ECONFLICT), 404 (LUP_ENOTFOUND), else 500. Returns the status. */
int pv_api_fail(struct http_req *r, const char *field);

/* pv_api_order: the body {"order": [ids of what ("theme")]} into *ids (r's arena) and *n; answers
 * 400 (malformed JSON) or 422 (anything else, at most PV_ORDER_MAX ids) and returns it, else 0. */
#define PV_ORDER_MAX 1000
int pv_api_order(struct http_req *r, const char *what, int64_t **ids, int *n);

/* pv_actor: the caller as the edit layer records it. */
struct edit_actor pv_actor(const struct http_req *r);

/* pv_themes: the version's themes (STMT_PT_THEMES), aliases (STMT_PT_ALIASES) and target groups
 * (STMT_PT_GROUPS) into the three sets. Returns LUP_OK or a store error in r->err. */
int pv_themes(struct http_req *r, int64_t pv, struct rowset *t, struct rowset *al, struct rowset *gr);

/* pv_run: the rows [*from, *to) of rs whose column 0 is id (rs sorted by it). */
void pv_run(const struct rowset *rs, int64_t id, int *from, int *to);

/* page_pv: the route's version for the form pages (page-plan-themes.c): the Swedish 404 (none
 * the caller may see), 403 (not the caller's to change) or 409 (adopted: FROZEN_SV, web/frozen.h) page.
 * Returns 0 with *v filled, or the status of the page answered. */
int page_pv(struct http_req *r, struct pv_head *v);

#endif
