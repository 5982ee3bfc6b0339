/* authz.h: who may read a follow-up report and what a writer may attach a new thing to, in one
 * place that every view, page, export and write calls. The rules take the caller (struct
 * http_user: role, organisation, its committee/administration pair) and the thing's owner and
 * status; they answer nothing themselves, so the API answers in JSON and a page in Swedish.
 *
 * Organisations: "X or its pair" means X, the organisation X records as its pair, and the
 * organisation that records X as its pair (a district administration names its committee).
 *
 * Who may read a follow-up report (its status, forecast, assessments with their analysis, the
 * activities' statuses recorded in it, its history):
 *   - approved: everyone, also anonymous callers (the domain: reports are public once approved);
 *   - draft, submitted, returned: the city office (role city) and administrators, and logged-in
 *     readers and editors of the report's organisation or its pair. Nobody else: not anonymous
 *     callers, not a reader of no or another organisation, not another organisation's editor.
 *
 * What an editor of organisation X may attach a new thing to (administrators: anything):
 *   - a goal (an activity's goal, a new goal's parent): a goal owned by X or its pair, or a KF
 *     goal (inriktningsmål, verksamhetsområdesmål), which every committee's nämndmål and
 *     activities sit under; never a nämndmål or LUP goal of another organisation;
 *   - an indicator's goal, an assessment's goal, a report's activity, a report's organisation:
 *     owned by X or its pair (checked where they are written: authz_org, api-reports.c);
 *   - districts, neighbourhoods and places (an activity's districts, an outcome's area): any,
 *     since a specialist committee works in districts it does not own;
 *   - a theme, measure, prioritised area or plan version: no write route sets them today; one
 *     that does must allow those of X's own plans and of the LUP of the district whose committee
 *     X (or its pair) is.
 *   - a contribution's measure or LUP goal (edit/contribution.h): one of the adopted version of
 *     any district's LUP, when X is no district committee or administration (a draft's only once
 *     adopted); the contribution itself is owned by X (authz_attach_org).
 *
 * Who may read a plan version (model/planver.h): an adopted or superseded version, everyone; a
 * draft, the city office (role city), administrators, and logged-in readers and editors of the
 * plan's owner or its pair (authz_plan_draft_readable). A draft's content is shown only where a
 * version is chosen explicitly (the district page's version choice, the API's version list);
 * every other page, view, export and search shows adopted content only.
 *
 * The publication rule (store/sql-public.h, the one SQL form of it that every read statement of
 * goals, activities, indicators and outcomes applies; docs/api.md "Who may read what"):
 *   - a goal, activity or indicator in a draft version (its own plan_version_id or its goal's)
 *     is in no list, count, matrix, chain, map or search, for anyone; as a single thing (the API's
 *     GET of one, /mal/{key}, /aktivitet/{id}, /indikator/{key}, their history) it is there for
 *     those who may read the draft and 404 for everyone else;
 *   - an outcome is public when it is example data of the dataset, official statistics (Kolada),
 *     or its period's report of the indicator's owner (or its pair) is approved; otherwise only
 *     those who may read that report see it (authz_unpublished_readable), everywhere it shows.
 * Each request's store connection carries its caller as the viewer of the rule (authz_viewer,
 * set by route_dispatch before any handler): the rule's answer depends only on the role and the
 * organisation, which is what the response cache keys logged-in views by.
 *
 * An import through the web (/importera) by anyone but an administrator runs with these rules as
 * its scope (import.h's struct imp_scope: authz_attach_org for the rows it writes or rewrites,
 * authz_attach_goal for the goals it attaches to), checked by the importers where each row's
 * reference is resolved; the kinds that cannot be scoped (commission, lup, kolada: they touch
 * many organisations) are for administrators only.
 */
#ifndef LUP_AUTHZ_H
#define LUP_AUTHZ_H

#include <stdint.h>

#include "web/http.h"
#include "store/store.h"

struct rowset;

/* authz_member: 1 when u is a logged-in user of organisation org or its pair (org_pair: the
 * pair org records, 0 if none), else 0. org 0 is nobody's. */
int authz_member(const struct http_user *u, int64_t org, int64_t org_pair);

/* authz_report_readable: 1 when u may read a report of organisation org (org_pair: its
 * recorded pair, or 0) in status ("draft", "submitted", "returned", "approved"; NULL reads as
 * not public), else 0. The rule at the top of this file. */
int authz_report_readable(const struct http_user *u, const char *status, int64_t org, int64_t org_pair);

/* authz_report_id: the rule for report id, loaded from st; *found is 0 when there is no such
 * report. Returns 1 (readable), 0 (not readable or not found) or -1 for a store error in e. */
int authz_report_id(const struct http_user *u, struct store *st, int64_t id, int *found, struct err *e);

/* authz_audit_rows: drops the audit entries of rs (columns entity, entity_id) that are entries
 * of a report u may not read (a draft's entries hold its assessments and analysis). Returns
 * LUP_OK or a store error in e. */
int authz_audit_rows(const struct http_user *u, struct store *st, struct rowset *rs, struct err *e);

/* authz_attach_goal: may u attach a new thing to goal? Looks up the goal's level, owner and the
 * owner's pair in st and applies the rule at the top of this file. Returns 1, 0, or -1 for a
 * store error in e. */
int authz_attach_goal(const struct http_user *u, struct store *st, int64_t goal, struct err *e);

/* authz_attach_org: may u write a thing owned by organisation org (a row an import writes or
 * rewrites, an outcome of org's indicator)? Administrators: yes; editors: org is theirs or its
 * pair (authz_member, with org's pair looked up in st); nobody else. Returns 1, 0, or -1 for a
 * store error in e. */
int authz_attach_org(const struct http_user *u, struct store *st, int64_t org, struct err *e);

/* authz_plan_draft_readable: 1 when u may read the draft of a plan owned by organisation owner
 * (owner_pair: its recorded pair, or 0), else 0. The rule at the top of this file. */
int authz_plan_draft_readable(const struct http_user *u, int64_t owner, int64_t owner_pair);

/* authz_unpublished_readable: 1 when u may read organisation org's (org_pair: its recorded
 * pair, or 0) content that is not public yet: its drafts' goals, activities and indicators and
 * its figures of periods whose report is not approved (the city office, administrators, the
 * organisation's readers and editors and its pair's), else 0. The row-level form of the rule
 * that store/sql-public.h's lup_reads() applies in SQL. */
int authz_unpublished_readable(const struct http_user *u, int64_t org, int64_t org_pair);

/* authz_viewer: makes u the viewer of st's reads (store_set_viewer): the city office and
 * administrators read everything, a reader or editor of an organisation what that
 * organisation (or its pair) has not published, anyone else public content only. */
void authz_viewer(const struct http_user *u, struct store *st);

#endif
