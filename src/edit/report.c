/* report.c: the workflow steps of the follow-up report's write path (see report.h): the shared
 * opening of a write (state, authorisation, status, the before snapshot), create with the
 * carry-over, delete, submit, return, approve, the committee's decision and its setting. The
 * content writes (assessments, activities, forecast) are in report-save.c. */
#include "edit/report.h"
#include "edit/report-int.h"
#include "core/arena.h"
#include "core/err.h"
#include "core/utf8.h"
#include "model/period.h"
#include "render/entity.h"
#include "render/json.h"
#include "core/buf.h"
#include "store/audit.h"
#include "store/kinds.h"
#include "store/store.h"
#include "view/report.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* alnum_count: the letters and digits of s (every character beyond ASCII counts as a letter). */
static int alnum_count(const char *s)
{
	size_t n = s ? strlen(s) : 0, i = 0;
	int count = 0;

	while (i < n) {
		unsigned cp = 0;
		size_t k = utf8_seq((const unsigned char *)s + i, n - i, &cp);
		if (!k)
			k = 1;
		else if (cp < 0x80 ? isalnum((int)cp) : cp >= 0xC0)
			count++;
		i += k;
	}
	return count;
}

int report_text_says_something(const char *s)
{
	return alnum_count(s) >= REPORT_TEXT_MIN;
}

int rpt_fail(struct report_fail *f, enum report_why why, const char *field, int64_t ref, struct err *e,
	     const char *sv, const char *en_fmt, ...)
{
	enum lup_err code = why == REPORT_W_NOTFOUND ? LUP_ENOTFOUND :
			    why == REPORT_W_FIELD || why == REPORT_W_FORBIDDEN ? LUP_EINVAL : LUP_ECONFLICT;
	char msg[900];
	va_list ap;

	f->why = why;
	f->field = field;
	f->ref = ref;
	snprintf(f->sv, sizeof(f->sv), "%s", sv);
	va_start(ap, en_fmt);
	vsnprintf(msg, sizeof(msg), en_fmt, ap);
	va_end(ap);
	return err_set(e, code, "%s", msg);
}

int rpt_store_fail(struct store *st, struct report_fail *f, struct err *e)
{
	store_rollback(st);
	f->why = REPORT_W_STORE;
	f->field = NULL;
	f->ref = 0;
	snprintf(f->sv, sizeof(f->sv), "Det gick inte att spara i databasen.");
	return e->code ? e->code : LUP_EDB;
}

void rpt_now(char *out, size_t n)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

const char *rpt_status_sv(const char *status)
{
	if (strcmp(status, "draft") == 0)
		return "Utkast";
	if (strcmp(status, "submitted") == 0)
		return "Inskickad";
	if (strcmp(status, "approved") == 0)
		return "Godkänd";
	if (strcmp(status, "returned") == 0)
		return "Returnerad";
	return status;
}

static int state_row(void *ctx, const struct store_row *row)
{
	struct rpt_state *s = ctx;
	const char *d = store_col_text(row, 6), *p = store_col_text(row, 7);

	s->org = store_col_int(row, 0);
	snprintf(s->status, sizeof(s->status), "%s", store_col_text(row, 1));
	s->period = store_col_int(row, 2);
	s->pair = store_col_int(row, 3);
	s->year = (long)store_col_int(row, 4);
	snprintf(s->kind, sizeof(s->kind), "%s", store_col_text(row, 5));
	snprintf(s->decision_date, sizeof(s->decision_date), "%s", d ? d : "");
	snprintf(s->decision_paragraph, sizeof(s->decision_paragraph), "%s", p ? p : "");
	return 1;
}

int rpt_snapshot(struct store *st, struct arena *a, int64_t id, char **json, struct err *e)
{
	const struct kind *k = kind_find("reports");
	struct rowset main, rels[KIND_MAX_RELS];
	struct buf b;
	struct json j;
	int found = 0, rc;

	*json = NULL;
	if ((rc = entity_load(st, k, id, &main, rels, &found, a, e)) != LUP_OK || !found)
		return rc;
	buf_init(&b, (size_t)32 << 20);
	json_init(&j, &b, 0);
	entity_json(k, &main, rels, &j);
	if (json_finish(&j) != 0) {
		buf_release(&b);
		return err_set(e, LUP_EDB, "the report could not be written as JSON");
	}
	*json = arena_strdup(a, b.ptr);
	buf_release(&b);
	return LUP_OK;
}

int rpt_may_edit(const struct report_caller *who, int64_t org, int64_t pair)
{
	if (who->role == REPORT_ROLE_ADMIN)
		return 1;
	return who->role == REPORT_ROLE_EDITOR && org &&
	       (who->org == org || (who->org_pair && who->org_pair == org) || (pair && who->org == pair));
}

static int may_decide(const struct report_caller *who)
{
	return who->role == REPORT_ROLE_CITY || who->role == REPORT_ROLE_ADMIN;
}

int rpt_begin(struct store *st, const struct report_caller *who, int64_t id, int city, const char *allowed,
	      struct rpt_state *s, struct arena *a, char **before, struct report_fail *f, struct err *e)
{
	struct sval arg = SVI(id);

	memset(s, 0, sizeof(*s));
	*before = NULL;
	if (store_begin(st, e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	if (store_query(st, STMT_RC_STATE, &arg, 1, state_row, s, e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	if (!s->org) {
		store_rollback(st);
		return rpt_fail(f, REPORT_W_NOTFOUND, NULL, 0, e, "Det finns ingen sådan rapport.", "no report %lld",
				(long long)id);
	}
	if (city ? !may_decide(who) : !rpt_may_edit(who, s->org, s->pair)) {
		store_rollback(st);
		return rpt_fail(f, REPORT_W_FORBIDDEN, NULL, 0, e,
				city ? "Bara stadsledningskontoret kan ta det här steget." :
				       "Rapporten tillhör en annan organisation.",
				city ? "only the city office may take this step" : "this belongs to another organisation");
	}
	if (allowed && !strstr(allowed, s->status)) {
		char sv[300];
		store_rollback(st);
		snprintf(sv, sizeof(sv), "Rapportens status är ”%s”, så det här steget går inte att göra. Ladda om "
			 "rapporten och försök igen.", rpt_status_sv(s->status));
		return rpt_fail(f, REPORT_W_STATUS, NULL, 0, e, sv, "the report is %s: this step does not apply",
				s->status);
	}
	if (rpt_snapshot(st, a, id, before, e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	if (who->check_before && who->check_before(who->ctx, *before)) {
		store_rollback(st);
		return rpt_fail(f, REPORT_W_PRECONDITION, NULL, 0, e, "Rapporten har ändrats sedan du läste den.",
				"the report has changed since you read it");
	}
	return LUP_OK;
}

int rpt_end(struct store *st, const struct report_caller *who, int64_t id, const char *action, const char *before,
	    struct arena *a, struct report_fail *f, struct err *e)
{
	char *after = NULL, at[32];

	rpt_now(at, sizeof(at));
	if (strcmp(action, "delete") != 0 && rpt_snapshot(st, a, id, &after, e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	struct audit_rec rec = { at, who->actor.user_id, who->actor.name ? who->actor.name : "anonymous", action,
				 "report", id, before, after };
	if (audit_write(st, &rec, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	return LUP_OK;
}

int rpt_event(struct store *st, const struct report_caller *who, int64_t id, const char *step, const char *comment,
	      const char *date, const char *paragraph, struct err *e)
{
	char at[32];

	rpt_now(at, sizeof(at));
	struct sval args[] = { SVI(id), SVS(at), who->actor.user_id ? SVI(who->actor.user_id) : SVNULL, SVS(step),
			       SVS(comment && *comment ? comment : NULL), SVS(date), SVS(paragraph) };
	return store_exec(st, STMT_RC_EVENT_INSERT, args, 7, NULL, NULL, e);
}

/* ---- create, with the carry-over ---- */

/* carry: copies the previous report's rows of the year into report id (T2 from T1, FY from T2). */
static int carry(struct store *st, int64_t id, int64_t org, long year, const char *kind, struct err *e)
{
	const char *prev = strcmp(kind, "T2") == 0 ? "T1" : strcmp(kind, "FY") == 0 ? "T2" : NULL;
	int64_t from = 0;

	if (!prev)
		return LUP_OK;
	struct sval q[] = { SVI(org), SVI(year), SVS(prev) };
	if (store_query_id(st, STMT_RC_PREV_REPORT, q, 3, &from, e) != LUP_OK)
		return e->code;
	if (!from)
		return LUP_OK;
	struct sval c[] = { SVI(id), SVI(from) };
	if (store_exec(st, STMT_RC_CARRY_ASSESSMENTS, c, 2, NULL, NULL, e) != LUP_OK ||
	    store_exec(st, STMT_RC_CARRY_ACTIVITIES, c, 2, NULL, NULL, e) != LUP_OK)
		return e->code;
	return LUP_OK;
}

int report_create(struct store *st, const struct report_caller *who, int64_t org, const char *period,
		  int64_t *id, struct report_fail *f, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct model_period p;
	char msg[200], first[16], last[16], *after = NULL, at[32];
	int64_t pid = 0, pair = 0;
	int rc;

	*id = 0;
	if (!period || model_period_parse(period, &p, msg, sizeof(msg)) != 0 ||
	    model_period_bounds_text(&p, first, sizeof(first), last, sizeof(last)) != 0)
		return rpt_fail(f, REPORT_W_FIELD, "period", 0, e, "Välj en period (T1, T2 eller verksamhetsberättelse) och ett år.",
				"period: %s", period ? msg : "is required");
	struct sval o = SVI(org);
	if (store_query_id(st, STMT_ORG_PAIR, &o, 1, &pair, e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	if (!rpt_may_edit(who, org, pair))
		return rpt_fail(f, REPORT_W_FORBIDDEN, "org", 0, e, "Du kan bara starta rapporter för din egen organisation.",
				"this belongs to another organisation");
	const char *kind = p.kind == MODEL_PERIOD_T1 ? "T1" : p.kind == MODEL_PERIOD_T2 ? "T2" : "FY";
	if (store_begin(st, e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	struct sval up[] = { SVI(p.year), SVS(kind), SVS(first), SVS(last) };
	if (store_exec(st, STMT_PERIOD_UPSERT, up, 4, NULL, NULL, e) != LUP_OK ||
	    store_query_id(st, STMT_PERIOD_ID, up, 2, &pid, e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	struct sval args[] = { SVI(org), SVI(pid) };
	if (store_exec(st, STMT_REPORT_INSERT, args, 2, id, NULL, e) != LUP_OK) {
		if (e->code == LUP_ECONFLICT) {
			store_rollback(st);
			return rpt_fail(f, REPORT_W_EXISTS, "period", 0, e, "Det finns redan en rapport för organisationen och perioden.",
					"a report for this organisation and period exists already");
		}
		return rpt_store_fail(st, f, e);
	}
	rpt_now(at, sizeof(at));
	if (carry(st, *id, org, p.year, kind, e) != LUP_OK || rpt_event(st, who, *id, "created", NULL, NULL, NULL, e) != LUP_OK ||
	    rpt_snapshot(st, &a, *id, &after, e) != LUP_OK)
		goto err;
	struct audit_rec rec = { at, who->actor.user_id, who->actor.name ? who->actor.name : "anonymous", "insert",
				 "report", *id, NULL, after };
	if (audit_write(st, &rec, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	arena_release(&a);
	return LUP_OK;
err:
	arena_release(&a);
	*id = 0;
	return (rc = rpt_store_fail(st, f, e));
}

/* ---- delete ---- */

int report_delete(struct store *st, const struct report_caller *who, int64_t id, struct report_fail *f,
		  struct err *e)
{
	struct arena a = ARENA_INIT;
	struct rpt_state s;
	char *before;
	int64_t written = 0;
	int changed = 0, rc;

	if ((rc = rpt_begin(st, who, id, 0, "draft", &s, &a, &before, f, e)) != LUP_OK)
		goto out;
	struct sval arg = SVI(id);
	if (store_query_id(st, STMT_RC_CONTENT, &arg, 1, &written, e) != LUP_OK) {
		rc = rpt_store_fail(st, f, e);
		goto out;
	}
	if (written) {
		store_rollback(st);
		rc = rpt_fail(f, REPORT_W_STATUS, NULL, 0, e, "Rapporten kan inte tas bort eftersom något redan är skrivet i "
			      "den (bedömningar, analyser, aktiviteters status eller en prognos). Bara ett tomt utkast kan tas bort.",
			      "the report has assessments, analyses, activity statuses or a forecast: only an empty draft "
			      "can be deleted");
		goto out;
	}
	if (store_exec(st, STMT_RC_DELETE_CARRIED, &arg, 1, NULL, NULL, e) != LUP_OK ||
	    store_exec(st, STMT_RC_DELETE_CARRIED_ACTS, &arg, 1, NULL, NULL, e) != LUP_OK ||
	    store_exec(st, STMT_REPORT_DELETE, &arg, 1, NULL, &changed, e) != LUP_OK) {
		rc = rpt_store_fail(st, f, e);
		goto out;
	}
	rc = rpt_end(st, who, id, "delete", before, &a, f, e);
out:
	arena_release(&a);
	return rc;
}

/* ---- submit ---- */

/* cut: s into out (n bytes), cut at a character boundary with "…" when it is longer. */
static const char *cut(const char *s, char *out, size_t n)
{
	size_t len = strlen(s), k;

	if (len < n) {
		memcpy(out, s, len + 1);
		return out;
	}
	k = n - 4;
	while (k && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	memcpy(out, s, k);
	memcpy(out + k, "…", 4);
	return out;
}

/* unassessed: the report's goals with no assessment or "none" without a reason, named in sv and
 * en; *n counts them. */
static int unassessed(struct store *st, int64_t id, struct arena *a, int *n, int64_t *first, char *sv, size_t svsz,
		      char *en, size_t ensz, struct err *e)
{
	struct view_report rep;
	int found = 0;
	size_t ls = 0, le = 0;

	*n = 0;
	*first = 0;
	if (view_report_load(st, a, id, 1, &rep, &found, e) != LUP_OK)
		return e->code;
	for (int i = 0; i < rep.ngoals; i++) {
		const struct view_report_goal *g = &rep.goals[i];
		if (g->assessed && (strcmp(g->assessment, "none") != 0 || report_text_says_something(g->analysis)))
			continue;
		if (!*n)
			*first = g->id;
		char c[84];
		if (*n < 3 && ls < svsz)
			ls += (size_t)snprintf(sv + ls, svsz - ls, "%s”%s”", *n ? ", " : "", cut(g->name ? g->name : g->key, c, sizeof(c)));
		if (*n < 3 && le < ensz)
			le += (size_t)snprintf(en + le, ensz - le, "%s%s", *n ? ", " : "", cut(g->key, c, sizeof(c)));
		(*n)++;
	}
	if (*n > 3) {
		snprintf(sv + ls, svsz - ls, " och %d till", *n - 3);
		snprintf(en + le, ensz - le, " and %d more", *n - 3);
	}
	return LUP_OK;
}

int report_submit(struct store *st, const struct report_caller *who, int64_t id, struct report_fail *f,
		  struct err *e)
{
	struct arena a = ARENA_INIT;
	struct rpt_state s;
	char *before, setting[16], sv[400], en[400], msg[600], now[32];
	int64_t first = 0;
	int n = 0, rc;

	if ((rc = rpt_begin(st, who, id, 0, "draft returned", &s, &a, &before, f, e)) != LUP_OK)
		goto out;
	if (unassessed(st, id, &a, &n, &first, sv, sizeof(sv), en, sizeof(en), e) != LUP_OK ||
	    report_committee_setting(st, setting, sizeof(setting), e) != LUP_OK) {
		rc = rpt_store_fail(st, f, e);
		goto out;
	}
	if (n) {
		store_rollback(st);
		snprintf(msg, sizeof(msg), "Rapporten kan inte skickas in: %s %s är inte bedömd%s. Bedöm %s, eller välj "
			 "”Ej bedömt” och skriv varför (minst %d bokstäver eller siffror).", n == 1 ? "nämndmålet" : "nämndmålen",
			 sv, n == 1 ? "" : "a", n == 1 ? "målet" : "målen", REPORT_TEXT_MIN);
		rc = rpt_fail(f, REPORT_W_FIELD, "goals", first, e, msg, "goals: not assessed: %s (assess each goal, or "
			      "mark it \"none\" with a reason in the analysis)", en);
		goto out;
	}
	if (strcmp(setting, "before") == 0 && !s.decision_date[0]) {
		store_rollback(st);
		rc = rpt_fail(f, REPORT_W_FIELD, "decision", 0, e, "Nämndens beslut (sammanträdets datum och paragraf) ska "
			      "registreras innan rapporten skickas in.", "decision: the committee's decision (meeting date and "
			      "paragraph) must be recorded before the report is submitted");
		goto out;
	}
	rpt_now(now, sizeof(now));
	struct sval args[] = { SVI(id), who->actor.user_id ? SVI(who->actor.user_id) : SVNULL, SVS(now) };
	if (store_exec(st, STMT_RC_SUBMIT, args, 3, NULL, NULL, e) != LUP_OK ||
	    rpt_event(st, who, id, "submitted", NULL, NULL, NULL, e) != LUP_OK) {
		rc = rpt_store_fail(st, f, e);
		goto out;
	}
	rc = rpt_end(st, who, id, "update", before, &a, f, e);
out:
	arena_release(&a);
	return rc;
}

/* ---- return and approve ---- */

static int decide(struct store *st, const struct report_caller *who, int64_t id, const char *status,
		  const char *comment, struct report_fail *f, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct rpt_state s;
	char *before, now[32];
	int rc;

	if ((rc = rpt_begin(st, who, id, 1, "submitted", &s, &a, &before, f, e)) != LUP_OK)
		goto out;
	rpt_now(now, sizeof(now));
	const char *c = comment && *comment ? comment : NULL;
	struct sval args[] = { SVI(id), SVS(status), who->actor.user_id ? SVI(who->actor.user_id) : SVNULL, SVS(now),
			       SVS(c) };
	if (store_exec(st, STMT_RC_DECIDE, args, 5, NULL, NULL, e) != LUP_OK ||
	    rpt_event(st, who, id, status, c, NULL, NULL, e) != LUP_OK) {
		rc = rpt_store_fail(st, f, e);
		goto out;
	}
	rc = rpt_end(st, who, id, "update", before, &a, f, e);
out:
	arena_release(&a);
	return rc;
}

int report_return(struct store *st, const struct report_caller *who, int64_t id, const char *comment,
		  struct report_fail *f, struct err *e)
{
	char sv[200];

	if (comment && strlen(comment) > REPORT_TEXT_MAX)
		return rpt_fail(f, REPORT_W_FIELD, "comment", 0, e, "Kommentaren får vara högst 20 000 tecken.",
				"comment: is longer than %d bytes", REPORT_TEXT_MAX);
	snprintf(sv, sizeof(sv), "Skriv en kommentar till nämnden om vad som behöver ändras.");
	if (!alnum_count(comment))
		return rpt_fail(f, REPORT_W_FIELD, "comment", 0, e, sv, "comment: is required (a text with letters or digits)");
	return decide(st, who, id, "returned", comment, f, e);
}

int report_approve(struct store *st, const struct report_caller *who, int64_t id, const char *comment,
		   struct report_fail *f, struct err *e)
{
	if (comment && strlen(comment) > REPORT_TEXT_MAX)
		return rpt_fail(f, REPORT_W_FIELD, "comment", 0, e, "Kommentaren får vara högst 20 000 tecken.",
				"comment: is longer than %d bytes", REPORT_TEXT_MAX);
	return decide(st, who, id, "approved", comment, f, e);
}
