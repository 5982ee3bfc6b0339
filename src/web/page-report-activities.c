/* page-report-activities.c: the activities of a follow-up report on its page (/uppfoljning/{id}):
 * the organisation's activities of the report's year grouped by goal, each with its status in
 * the report (the activity's own status until the report records one) and the report's
 * comment; for those who may edit the report, one form per goal with a status list and a
 * comment per activity. The form's checks and its activities as input of the one write path
 * (edit/report.h report_save) behind POST /uppfoljning/{id} are here too. */
#include "web/pages-forms.h"
#include "edit/report.h"
#include "model/status.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

static int valid_status(const char *s)
{
	return act_status_index(s) >= 0;
}

static const char *fname(struct http_req *r, const char *prefix, int64_t id)
{
	char name[64];

	snprintf(name, sizeof(name), "%s-%lld", prefix, (long long)id);
	return arena_strdup(&r->a, name);
}

const char *pf_report_path_id(struct http_req *r, const char *prefix, int64_t id)
{
	size_t n = strlen(prefix);
	char d[24];
	int k = sizeof(d);
	unsigned long long u = id < 0 ? 0ULL - (unsigned long long)id : (unsigned long long)id;
	char *out;

	do
		d[--k] = (char)('0' + u % 10);
	while (u /= 10);
	if (id < 0)
		d[--k] = '-';
	out = arena_alloc_raw(&r->a, n + sizeof(d) - (size_t)k + 1);
	memcpy(out, prefix, n);
	memcpy(out + n, d + k, sizeof(d) - (size_t)k);
	out[n + sizeof(d) - (size_t)k] = 0;
	return out;
}

/* unreserved[c]: byte c is an unreserved byte of a path segment (RFC 3986: letters, digits,
 * - . _ ~), copied as it is; a table, not seven tests a byte (keys of some 27 bytes, 150 a page) */
static const unsigned char unreserved[256] = {
	['-'] = 1, ['.'] = 1, ['_'] = 1, ['~'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
	['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
	['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
	['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
	['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

const char *pf_report_path_key(struct http_req *r, const char *prefix, const char *key)
{
	size_t n = strlen(prefix), k = 0;
	char *out;

	while (key && unreserved[(unsigned char)key[k]])
		k++;
	if (!key || key[k]) {	/* a byte to percent-encode (or none): pf_href's encoding */
		key = pf_href(r, "%s", key);
		k = strlen(key);
	}
	out = arena_alloc_raw(&r->a, n + k + 1);
	memcpy(out, prefix, n);
	memcpy(out + n, key, k + 1);
	return out;
}

const char *pf_report_activities_group(struct http_req *r, const struct view_report_activity *a)
{
	return a->goal_id ? fname(r, "aktiviteter-mal", a->goal_id) : "aktiviteter-utan-mal";
}

/* level_head: "Nämndmål", "Verksamhetsområdesmål", ... for a goal level. */
static const char *level_head(const char *level)
{
	static const char *const pairs[] = { "namndmal", "Nämndmål", "verksamhetsomradesmal", "Verksamhetsområdesmål",
					     "inriktningsmal", "Inriktningsmål", "lup", "LUP-mål", NULL };

	for (int i = 0; level && pairs[i]; i += 2)
		if (strcmp(level, pairs[i]) == 0)
			return pairs[i + 1];
	return "Mål";
}

/* group_end: the index after the last activity of the group that starts at i. */
static int group_end(const struct view_report *rep, int i)
{
	int j = i + 1;

	while (j < rep->nacts && rep->acts[j].goal_id == rep->acts[i].goal_id)
		j++;
	return j;
}

/* group_head: the heading of the activities of a's goal (a template: was six writer calls and a
 * link buffer). */
static void group_head(struct http_req *r, struct html *h, const struct view_report_activity *a)
{
	const char *num;

	if (!a->goal_id) {
		HTML_TPL0(h, "<h3>Aktiviteter utan mål</h3>");
		return;
	}
	num = a->goal_number && *a->goal_number ? a->goal_number : NULL;
	HTML_TPL(h, "<h3>" HTML_HOLE HTML_HOLE HTML_HOLE ": <a href=\"" HTML_HOLE "\">" HTML_HOLE "</a></h3>",
		 level_head(a->goal_level), num ? " " : NULL, num, pf_report_path_key(r, "/mal/", a->goal_key),
		 a->goal_name ? a->goal_name : a->goal_key);
}

/* The dates of the page's activity tables formatted so far (an organisation's 150 activities
 * have some 15 dates: Spånga-Tensta 2022), kept for the whole page, not per table. */
#define DATE_MEMO 16
struct date_memo {
	const char *in[DATE_MEMO], *out[DATE_MEMO];
	int n, next;
};

/* date_text: page_time's text of t, from the memo m when formatted before (model_time_sv formats
 * with printf); once the memo is full a new date replaces the oldest. */
static const char *date_text(struct http_req *r, const char *t, struct date_memo *m)
{
	const char *out;

	for (int k = 0; t && k < m->n; k++)
		if (!strcmp(m->in[k], t))
			return m->out[k];
	out = page_time(r, t);
	if (t) {
		m->in[m->next] = t, m->out[m->next] = out;
		m->next = (m->next + 1) % DATE_MEMO;
		if (m->n < DATE_MEMO)
			m->n++;
	}
	return out;
}

/* row: activity a's row of the read-only table (templates: a row is one writer call when it has
 * no carried mark and no comment, the usual, else four at most) */
static void row(struct http_req *r, struct html *h, const struct view_report *rep, const struct view_report_activity *a,
		struct date_memo *m)
{
	const char *start = date_text(r, a->start, m), *end = date_text(r, a->end, m);
	const char *href = pf_report_path_id(r, "/aktivitet/", a->id), *status = pf_activity_status_sv(a->status);

#define ROW_START "<tr><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a></th><td class=\"date\">" \
	HTML_HOLE "</td><td class=\"date\">" HTML_HOLE "</td><td>" HTML_HOLE
#define ROW_OWN "<span class=\"hint\"> (aktivitetens egen status, inte uppdaterad i rapporten)</span>"
#define ROW_NO_COMMENT "</td><td><span class=\"hint\">–</span></td></tr>"
	if (!a->carried && !(a->comment && *a->comment)) {
		if (!a->reported)
			HTML_TPL(h, ROW_START ROW_OWN ROW_NO_COMMENT, href, a->name, start, end, status);
		else
			HTML_TPL(h, ROW_START ROW_NO_COMMENT, href, a->name, start, end, status);
		return;
	}
	HTML_TPL(h, ROW_START, href, a->name, start, end, status);
	if (!a->reported)
		HTML_TPL0(h, ROW_OWN);
	if (a->carried)
		HTML_ELEM_AV(h, "span", "class", "carried", pf_report_carried_sv(rep));
	if (a->comment && *a->comment) {
		HTML_TPL0(h, "</td><td>");
		pf_paragraphs(r, h, a->comment, "analysis");
		HTML_TPL0(h, "</td></tr>");
	} else {
		HTML_TPL0(h, ROW_NO_COMMENT);
	}
#undef ROW_START
#undef ROW_OWN
#undef ROW_NO_COMMENT
}

/* table: the activities [i, end) read-only. */
static void table(struct http_req *r, struct html *h, const struct view_report *rep, int i, int end,
		  struct date_memo *m)
{
	HTML_TPL0(h, "<table class=\"report-activities\"><caption>Aktiviteternas status i rapporten</caption><thead><tr>"
		  "<th scope=\"col\">Aktivitet</th><th scope=\"col\">Start</th><th scope=\"col\">Slut</th>"
		  "<th scope=\"col\">Status i rapporten</th><th scope=\"col\">Kommentar</th></tr></thead><tbody>");
	for (; i < end; i++)
		row(r, h, rep, &rep->acts[i], m);
	HTML_TPL0(h, "</tbody></table>");
}

/* fields: one activity's fieldset in a form: what it is, the status list and the comment. */
static void fields(struct http_req *r, struct html *h, const struct view_report *rep, const struct view_report_activity *a, const struct form *f,
		   const struct form_errors *e)
{
	const char *sn = fname(r, "status", a->id), *cn = fname(r, "kommentar", a->id);
	char id[48];

	snprintf(id, sizeof(id), "aktivitet-%lld", (long long)a->id);
	html_open(h, "fieldset", "class", "activity-update", "id", id, NULL);
	html_open(h, "legend", NULL);
	pf_link(h, pf_href(r, "/aktivitet/%lld", (long long)a->id), a->name);
	html_close(h);
	html_open(h, "p", "class", "hint", NULL);
	html_textf(h, "Start %s, slut %s. Aktivitetens egen status: %s.", page_time(r, a->start),
		   page_time(r, a->end), pf_activity_status_sv(a->own_status));
	if (!a->reported)
		html_text(h, " Rapporten har ingen status för aktiviteten ännu.");
	html_close(h);
	if (a->carried)
		html_elem(h, "p", pf_report_carried_sv(rep), "class", "carried", NULL);
	form_select(h, e, sn, "Status i rapporten", act_status_codes, act_status_labels, form_kept(f, sn, a->status), NULL);
	form_textarea(h, e, cn, "Kommentar", form_kept(f, cn, a->comment),
		      "Vad har gjorts under perioden, vad återstår och varför?", 2);
	if (a->reported) {	/* back to "not reported": the activity's own status shows again */
		const char *rn = fname(r, "rensa", a->id), *rid = fname(r, "f-rensa", a->id);
		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "checkbox", "id", rid, "name", rn, "value", "1",
			  "checked", f && form_get(f, rn) ? "" : NULL, NULL);
		html_elem(h, "label", "Ta bort rapportens status och kommentar för aktiviteten", "for", rid, NULL);
		html_close(h);
	}
	html_close(h);
}

/* group_form: the activities [i, end) as a form posting to the report. */
static void group_form(struct http_req *r, struct html *h, const struct view_report *rep, int i, int end,
		       const struct form *f, const struct form_errors *e)
{
	html_open(h, "form", "class", "activities", "method", "post",
		  "action", pf_href(r, "/uppfoljning/%lld", (long long)rep->id), NULL);
	form_csrf_field(r, h);
	html_void(h, "input", "type", "hidden", "name", "grupp", "value", pf_report_activities_group(r, &rep->acts[i]), NULL);
	for (int k = i; k < end; k++)
		fields(r, h, rep, &rep->acts[k], f, e);
	form_button(h, "Spara aktiviteterna", NULL);
	html_close(h);
}

/* put: s at *at in out (room enough), moving *at past it. */
static void put(char *out, size_t *at, const char *s)
{
	size_t n = strlen(s);

	memcpy(out + *at, s, n);
	*at += n;
}

/* put_int: v (>= 0) in decimal at *at in out, moving *at past it. */
static void put_int(char *out, size_t *at, int v)
{
	char d[12];
	int k = sizeof(d);

	do
		d[--k] = (char)('0' + v % 10);
	while (v /= 10);
	memcpy(out + *at, d + k, sizeof(d) - (size_t)k);
	*at += sizeof(d) - (size_t)k;
}

/* summary_counts: "3 aktiviteter (2 planerade, 1 pågående). " for total activities, n[k] of
 * status k, into out (room for SUMMARY_MAX bytes: the words are short and at most ACT_STATUS_N). */
#define SUMMARY_MAX 256
static const char *summary_counts(char *out, const int *n, int total)
{
	size_t at = 0;
	int first = 1;

	put_int(out, &at, total);
	put(out, &at, total == 1 ? " aktivitet" : " aktiviteter");
	for (int k = 0; k < ACT_STATUS_N; k++) {
		if (!n[k])
			continue;
		put(out, &at, first ? " (" : ", ");
		put_int(out, &at, n[k]);
		put(out, &at, " ");
		put(out, &at, act_status_word(act_status_codes[k], n[k] != 1));
		first = 0;
	}
	put(out, &at, first ? ". " : "). ");
	out[at] = 0;
	return out;
}

void pf_report_goal_activities(struct http_req *r, struct html *h, const struct view_report *rep,
			       const struct view_report_goal *g)
{
	int n[ACT_STATUS_N] = { 0 }, total = 0, k;
	char sum[SUMMARY_MAX];

	for (int i = 0; i < rep->nacts; i++)
		if (rep->acts[i].goal_id == g->id) {
			total++;
			if ((k = act_status_index(rep->acts[i].status)) >= 0)
				n[k]++;
		} else if (total) {	/* a goal's activities are one run (view_report's order) */
			break;
		}
	if (!total) {
		HTML_TPL0(h, "<p>Inga aktiviteter är kopplade till målet.</p>");
		return;
	}
	HTML_TPL(h, "<p><strong>Aktiviteter: </strong>" HTML_HOLE "<a href=\"" HTML_HOLE
		 "\">Aktiviteterna och deras status i rapporten</a></p>",
		 summary_counts(sum, n, total), pf_report_path_id(r, "#aktiviteter-mal-", g->id));
}

void pf_report_activities(struct http_req *r, struct html *h, const struct view_report *rep, int editable,
			  const struct form *f, const struct form_errors *e, const char *notice)
{
	const char *grp = http_query(r, "grupp");
	struct date_memo m = { .n = 0 };

	html_elem(h, "h2", "Aktiviteter", "id", "aktiviteter", NULL);
	html_elem(h, "p", "Organisationens aktiviteter under året, per mål, med deras status i den här rapporten och "
		  "nämndens kommentar. Tills rapporten anger en status visas aktivitetens egen.", NULL);
	if (!rep->nacts) {
		html_elem(h, "p", "Organisationen har inga aktiviteter under året.", NULL);
		return;
	}
	for (int i = 0, end; i < rep->nacts; i = end) {
		const char *anchor = rep->acts[i].goal_id ? pf_report_path_id(r, "aktiviteter-mal-", rep->acts[i].goal_id) :
							    "aktiviteter-utan-mal";
		end = group_end(rep, i);
		HTML_TPL(h, "<section class=\"activity-group\" id=\"" HTML_HOLE "\">", anchor);
		group_head(r, h, &rep->acts[i]);
		if (notice && grp && strcmp(grp, anchor) == 0)
			pf_notice(h, notice);
		for (int k = i; k < end; k += PF_ACTS_PER_FORM) {
			int stop = end - k > PF_ACTS_PER_FORM ? k + PF_ACTS_PER_FORM : end;
			if (editable)
				group_form(r, h, rep, k, stop, f, e);
			else
				table(r, h, rep, k, stop, &m);
		}
		html_close(h);
	}
}

void pf_report_activities_check(struct http_req *r, const struct view_report *rep, const struct form *f,
				struct form_errors *e)
{
	for (int i = 0; i < rep->nacts; i++) {
		const struct view_report_activity *a = &rep->acts[i];
		const char *sn = fname(r, "status", a->id), *cn = fname(r, "kommentar", a->id);
		const char *st = form_get(f, sn), *c = form_get(f, cn);
		if (!st || form_get(f, fname(r, "rensa", a->id)))
			continue;
		if (!valid_status(st))
			form_error(r, e, sn, "Aktiviteten ”%s”: välj en status i listan.", a->name);
		if (c && strlen(c) > PF_MAX_TEXT)
			form_error(r, e, cn, "Aktiviteten ”%s”: kommentaren får vara högst 20 000 tecken.", a->name);
	}
}

/* changed: the form's status and comment differ from what the report holds for a. */
static int changed(const struct view_report_activity *a, const char *st, const char *c)
{
	if (!a->reported)
		return strcmp(st, a->own_status ? a->own_status : "") != 0 || *c;
	return strcmp(st, a->status) != 0 || strcmp(c, a->comment ? a->comment : "") != 0;
}

int pf_report_activities_in(struct http_req *r, const struct view_report *rep, const struct form *f,
			    struct report_act_in **out)
{
	int n = 0;

	*out = arena_alloc(&r->a, sizeof(**out) * (size_t)(rep->nacts + 1));
	for (int i = 0; i < rep->nacts; i++) {
		const struct view_report_activity *a = &rep->acts[i];
		const char *st = form_get(f, fname(r, "status", a->id));
		const char *c = form_get_trim(r, f, fname(r, "kommentar", a->id));
		const int clear = form_get(f, fname(r, "rensa", a->id)) != NULL;
		if (!st && !clear)
			continue;
		if (!c)
			c = a->comment ? a->comment : "";
		if (clear ? !a->reported : !changed(a, st, c))
			continue;
		(*out)[n++] = (struct report_act_in){ a->id, st, c, clear };
	}
	return n;
}
