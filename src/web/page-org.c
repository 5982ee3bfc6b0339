/* page-org.c: GET /organisation/{key}[?ar=YYYY], one organisation's plan for a year: the goal
 * chain from KF:s inriktningsmål via verksamhetsområdesmål down to its nämndmål (Beskrivning,
 * Förväntat resultat, indicators with årsmål, KF:s årsmål and outcomes per period, a suggested
 * assessment whose rule is written beside it), its activities, its contributions to districts,
 * and the earlier versions of its plans and what changed (page-org-history.c). Its editors
 * (and administrators) find the link to a new nämndmål of the year (page-new-goal.c). */
#include "web/pages-places.h"
#include "core/buf.h"
#include "web/download.h"
#include "web/pages-forms.h"
#include "web/authz.h"
#include "model/assess.h"
#include "model/fmt.h"
#include "model/target.h"
#include "store/store.h"
#include "view/org.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The page: the organisation for the year (view/org.h, with its goal chain) and the writer. */
struct org {
	struct http_req *r;
	struct html *h;
	struct view_org v;
	int example;			/* an outcome shown is example data */
	int *child, *next;		/* the chain's goals as a tree: a goal's first goal under it and
					 * the next one under the same parent (by index; -1: none) */
	char year[24];			/* v.year as text, written once: the page repeats it */
};

/* cat: a, b and c (NULL: nothing) joined into buf of size n, cut to fit as snprintf would;
 * returns buf. The page's classes and titles, without printf. */
static char *cat(char *buf, size_t n, const char *a, const char *b, const char *c)
{
	const char *p[3] = { a, b, c };
	size_t k = 0;

	for (int i = 0; i < 3; i++)
		for (const char *q = p[i]; q && *q && k + 1 < n; q++)
			buf[k++] = *q;
	buf[k] = '\0';
	return buf;
}

/* num_text: n in decimal into buf (room for any long: 24 bytes), as printf's %ld writes it;
 * returns buf. The page's years and counts, without printf. */
static char *num_text(char buf[24], long n)
{
	char tmp[24];
	unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
	size_t k = 0, i = 0;

	do
		tmp[k++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (n < 0)
		buf[i++] = '-';
	while (k)
		buf[i++] = tmp[--k];
	buf[i] = '\0';
	return buf;
}

/* ANALYSIS_WHOLE: an analysis shorter than this is written whole after ". " by html_textf (its
 * 4096-byte buffer less ". " and the NUL), so written so by a template too. */
#define ANALYSIS_WHOLE 4093

static const char *level_sv(const char *level)
{
	return strcmp(level, "inriktningsmal") == 0 ? "Inriktningsmål" :
	       strcmp(level, "verksamhetsomradesmal") == 0 ? "Verksamhetsområdesmål" :
	       strcmp(level, "namndmal") == 0 ? "Nämndmål" : "Mål i lokalt utvecklingsprogram";
}

static const char *periodicity_sv(const char *p)
{
	return !p ? "" : strcmp(p, "tertial") == 0 ? "Tertial" : strcmp(p, "year") == 0 ? "År" :
	       strcmp(p, "month") == 0 ? "Månad" : strcmp(p, "quarter") == 0 ? "Kvartal" : p;
}

static enum model_direction direction(const char *s)
{
	return s && strcmp(s, "higher") == 0 ? MODEL_DIR_HIGHER : s && strcmp(s, "lower") == 0 ? MODEL_DIR_LOWER
											       : MODEL_DIR_NONE;
}

/* The heads of the page's tables: constant markup, as places_thead writes it for their labels
 * (written once here, not escaped and checked per table: twenty indicator tables a page). */
#define IND_HEAD \
	"<thead><tr>" \
	"<th scope=\"col\">Indikator</th>" \
	"<th scope=\"col\">Periodicitet</th>" \
	"<th scope=\"col\" class=\"num\">Årsmål</th>" \
	"<th scope=\"col\" class=\"num\">KF:s årsmål</th>" \
	"<th scope=\"col\" class=\"num\">T1</th>" \
	"<th scope=\"col\" class=\"num\">T2</th>" \
	"<th scope=\"col\" class=\"num\">Helår</th>" \
	"<th scope=\"col\">Når årsmålet?</th>" \
	"</tr></thead>"

static const char acts_head[] =
	"<thead><tr>"
	"<th scope=\"col\">Aktivitet</th>"
	"<th scope=\"col\">Stadsdelsområden</th>"
	"<th scope=\"col\">Roll</th>"
	"<th scope=\"col\">Status</th>"
	"<th scope=\"col\">Start</th>"
	"<th scope=\"col\">Slut</th>"
	"</tr></thead>";

static const char district_head[] =
	"<thead><tr>"
	"<th scope=\"col\">Aktivitet</th>"
	"<th scope=\"col\">Roll</th>"
	"<th scope=\"col\">Status</th>"
	"<th scope=\"col\">Start</th>"
	"<th scope=\"col\">Slut</th>"
	"</tr></thead>";

/* The outcomes of one indicator in the year: T1, T2, FY and the previous year's FY (total). */
struct outs {
	double v[4];		/* [0] previous FY, [1] T1, [2] T2, [3] FY; NaN when missing */
	int example;
};

static void outs_of(const struct org *x, const struct view_indicator *in, struct outs *o)
{
	o->v[0] = o->v[1] = o->v[2] = o->v[3] = NAN;
	o->example = 0;
	for (size_t i = 0; i < in->nouts; i++) {
		const struct view_outcome *oc = &in->outs[i];
		int k = oc->year != x->v.year ? 0 : strcmp(oc->period, "T1") == 0 ? 1 : strcmp(oc->period, "T2") == 0 ? 2 : 3;
		if (oc->area_id != x->v.area_id || strcmp(oc->sex, "T") != 0)
			continue;
		o->v[k] = oc->value;
		o->example |= k > 0 && oc->example;
	}
}

/* meets: whether the latest outcome of the year meets the årsmål (target text as written). */
static enum model_meets meets(const struct outs *o, const char *target, const char *dir)
{
	struct model_target t;
	int k = 3;

	while (k > 0 && isnan(o->v[k]))
		k--;
	if (k == 0 || !target)
		return MODEL_MEETS_UNKNOWN;
	model_target_parse(target, &t, NULL, 0);
	int p = k - 1;
	while (p >= 0 && isnan(o->v[p]))
		p--;
	return model_outcome_meets_target(direction(dir), 1, o->v[k], &t, p >= 0, p >= 0 ? o->v[p] : 0);
}

static const char *meets_sv(enum model_meets m)
{
	return m == MODEL_MEETS_YES ? "Ja" : m == MODEL_MEETS_NO ? "Nej" : "Kan inte bedömas";
}

/* light: the suggested assessment as a symbol and a word (never colour alone) with its rule:
 * the markup a constant template (what the writer's calls wrote for it: it is on every goal),
 * the words and the rule's text spliced in escaped. */
static void light(struct org *x, const enum model_meets *m, size_t n)
{
	static const char *const sym[MODEL_ASSESS__MAX] = { "–", "✔", "◐", "✖" };
	char why[256], cls[48];
	enum model_assessment a = model_assess_suggest(m, n, why, sizeof(why));

	cat(cls, sizeof(cls), "light light-", model_assess_name(a), NULL);
	HTML_TPL(x->h, "<p class=\"assess\"><span class=\"" HTML_HOLE "\"><span aria-hidden=\"true\">"
		 HTML_HOLE "</span> " HTML_HOLE "</span><span class=\"rule\">Förslag enligt regeln: " HTML_HOLE
		 ". Senaste utfall " HTML_HOLE " jämförs med årsmålet; nämndens egen bedömning väger också in "
		 "utvecklingen.</span></p>", cls, sym[a], model_assess_label_sv(a), why, x->year);
}

/* target_class: a target's cell class: right-aligned ("num") when it is a number ("4,6 %") or
 * missing ("–"), none (the attribute left out) when it is text ("Tas fram av nämnd"). */
static const char *target_class(const char *text)
{
	return !text || strchr("0123456789-+", text[0]) ? "num" : NULL;
}

/* ind_row: one indicator with its targets, outcomes per period (places_value's text, "–" when
 * missing) and whether it meets the årsmål: one template (as the writer's calls per cell wrote
 * it: 20 tables, 70 rows a page), its texts spliced in escaped. */
static enum model_meets ind_row(struct org *x, const struct view_indicator *in, int *example)
{
	struct outs o;
	enum model_meets m;
	char v[3][PLACES_VALUE_SIZE];

	outs_of(x, in, &o);
	*example |= o.example;
	m = meets(&o, in->target, in->direction);
	for (int k = 0; k < 3; k++)
		places_value_buf(o.v[k + 1], in->unit, v[k]);
	HTML_TPL(x->h, "<tr><th scope=\"row\">" HTML_HOLE "</th><td>" HTML_HOLE "</td><td class=\"" HTML_HOLE "\">"
		 HTML_HOLE "</td><td class=\"" HTML_HOLE "\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE
		 "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td>" HTML_HOLE
		 "</td></tr>", in->name, periodicity_sv(in->periodicity), target_class(in->target),
		 in->target ? in->target : "–", target_class(in->kf_target), in->kf_target ? in->kf_target : "–",
		 v[0], v[1], v[2], meets_sv(m));
	return m;
}

/* indicators: the goal's own indicators (not KF's) in a table, then the traffic light with its
 * rule. */
static void indicators(struct org *x, const struct view_goal *g, const char *title)
{
	struct html *h = x->h;
	size_t n = 0;
	int ex = 0;
	enum model_meets *m;

	for (size_t i = 0; i < g->ninds; i++)
		n += g->inds[i].own;
	if (!n)
		return;
	m = arena_alloc(&x->r->a, sizeof(*m) * n);
	/* the table and its body left open (closed below) */
	HTML_TPL(h, "<table><caption>Indikatorer " HTML_HOLE " för " HTML_HOLE ", utfall för " HTML_HOLE
		 "</caption>" IND_HEAD "<tbody>", x->year, title, x->v.area_name);
	n = 0;
	for (size_t i = 0; i < g->ninds; i++)
		if (g->inds[i].own)
			m[n++] = ind_row(x, &g->inds[i], &ex);
	html_close(h);
	html_close(h);
	if (ex)
		HTML_TPL0(h, "<p class=\"muted\">Utfallen i tabellen är exempeldata.</p>");
	light(x, m, n);
}

/* assessments: the organisation's own assessments of the goal in the year's reports (those of
 * the reports the caller may read: the view leaves out the others), a paragraph each: a
 * template, the analysis after ". " as html_textf wrote it (cut at its 4 KB, through it when
 * that long). */
static void assessments(struct org *x, const struct view_goal *g)
{
	struct html *h = x->h;

	for (size_t i = 0; i < g->nassess; i++) {
		const char *st = g->assess[i].report_status, *p = g->assess[i].period, *an = g->assess[i].analysis;
		enum model_assessment a;
		if (!g->assess[i].own || model_assess_parse(g->assess[i].assessment, &a, NULL, 0) != 0)
			continue;
		HTML_TPL(h, "<p>Nämndens bedömning i " HTML_HOLE HTML_HOLE "<strong>" HTML_HOLE "</strong>",
			 strcmp(p, "T1") == 0 ? "tertialrapport 1" : strcmp(p, "T2") == 0 ? "tertialrapport 2" :
			 "verksamhetsberättelsen", strcmp(st, "approved") == 0 ? ": " : " (inte godkänd än): ",
			 model_assess_label_sv(a));
		if (an && strlen(an) < ANALYSIS_WHOLE)
			HTML_TPL(h, ". " HTML_HOLE "</p>", an);
		else {
			if (an)
				html_textf(h, ". %s", an);
			HTML_TPL0(h, "</p>");
		}
	}
}

/* GOAL_ACT: an activity's item under its goal: title (start–end, status). */
#define GOAL_ACT "<li>" HTML_HOLE " (" HTML_HOLE "–" HTML_HOLE ", " HTML_HOLE ")</li>"

/* goal_acts: the activities linked to the goal, an item each: a template (the page's most
 * frequent markup: an item per activity), four items a call where there are four (a call costs
 * more than its holes), its texts spliced in escaped. */
static void goal_acts(struct org *x, const struct view_goal *g)
{
	struct html *h = x->h;

	if (!g->nacts)
		return;
	HTML_TPL0(h, "<p class=\"label\">Aktiviteter</p><ul>");	/* the list left open */
	size_t i = 0;
	for (; i + 4 <= g->nacts; i += 4) {	/* four items a call (its sixteen holes) */
		const struct view_activity *a = &x->v.chain.acts[g->acts[i]], *b = &x->v.chain.acts[g->acts[i + 1]],
					   *c = &x->v.chain.acts[g->acts[i + 2]], *d = &x->v.chain.acts[g->acts[i + 3]];
		HTML_TPL(h, GOAL_ACT GOAL_ACT GOAL_ACT GOAL_ACT,
			 a->title, a->start_text, a->end_text, places_status_sv(a->status),
			 b->title, b->start_text, b->end_text, places_status_sv(b->status),
			 c->title, c->start_text, c->end_text, places_status_sv(c->status),
			 d->title, d->start_text, d->end_text, places_status_sv(d->status));
	}
	for (; i < g->nacts; i++) {
		const struct view_activity *a = &x->v.chain.acts[g->acts[i]];
		HTML_TPL(h, GOAL_ACT, a->title, a->start_text, a->end_text, places_status_sv(a->status));
	}
	html_close(h);
}

/* goal_texts: Beskrivning and Förväntat resultat (templates, the texts spliced in escaped; the
 * results four items a call where there are four). */
static void goal_texts(struct org *x, const struct view_goal *g)
{
	struct html *h = x->h;

	if (g->description)
		HTML_TPL(h, "<p><strong>Beskrivning: </strong>" HTML_HOLE "</p>", g->description);
	if (!g->nresults)
		return;
	HTML_TPL0(h, "<p class=\"label\">Förväntat resultat</p><ul>");	/* the list left open */
	size_t i = 0;
	for (; i + 4 <= g->nresults; i += 4)
		HTML_TPL(h, "<li>" HTML_HOLE "</li><li>" HTML_HOLE "</li><li>" HTML_HOLE "</li><li>" HTML_HOLE "</li>",
			 g->results[i], g->results[i + 1], g->results[i + 2], g->results[i + 3]);
	for (; i < g->nresults; i++)
		HTML_TPL(h, "<li>" HTML_HOLE "</li>", g->results[i]);
	html_close(h);
}

/* order_form: for those who may write for the organisation, a nämndmål's buttons to move it
 * one step up or down in its plan (page-goal-delete.c; the numbers follow). */
static void order_form(struct org *x, const char *key)
{
	struct html *h = x->h;

	if (!pf_may_write(x->r, x->v.id))
		return;
	html_open(h, "form", "method", "post", "action", pf_href(x->r, "/mal/%s/flytta", key), "class", "actions", NULL);
	form_csrf_field(x->r, h);
	html_open(h, "button", "type", "submit", "name", "riktning", "value", "upp", NULL);
	html_text(h, "Flytta upp");
	html_close(h);
	html_open(h, "button", "type", "submit", "name", "riktning", "value", "ned", NULL);
	html_text(h, "Flytta ned");
	html_close(h);
	pf_link(h, pf_href(x->r, "/mal/%s/ta-bort", key), "Ta bort");
	html_close(h);
}

/* rollover_form: for those who may write for the organisation, when its verksamhetsplan of the
 * year has no successor: the form that starts next year's plan from it as a draft. */
static int rollover_form(struct org *x)
{
	struct sval a[] = { SVI(x->v.id), SVI(x->v.year) };
	struct html *h = x->h;
	struct rowset p;
	char next[24];

	if (!pf_may_write(x->r, x->v.id))
		return 0;
	if (places_query(x->r, &p, STMT_RO_ORG_PLAN, a, 2))
		return -1;
	if (!p.nrows)
		return 0;
	snprintf(next, sizeof(next), "%ld", x->v.year + 1);
	html_open(h, "form", "method", "post", "action", pf_href(x->r, "/organisation/%s/arsskifte",
		  x->v.key), "class", "actions", NULL);
	form_csrf_field(x->r, h);
	html_void(h, "input", "type", "hidden", "name", "plan", "value", places_s(&p, 0, "key"), NULL);
	html_void(h, "input", "type", "hidden", "name", "ar", "value", next, NULL);
	HTML_OPEN_A(h, "button", "type", "submit");
	html_textf(h, "Starta verksamhetsplan %s som utkast", next);
	html_close(h);
	html_elem(h, "span", "Nämndmålen, deras förväntade resultat och indikatorer (utan årsmål och utfall) och de "
		  "aktiviteter som pågår följer med.", "class", "hint", NULL);
	html_close(h);
	return 0;
}

/* goal_head: opens a goal's div of class cls with its heading (id key, "title: name"), h3 at
 * depth 0 down to h6: one template a level, the div left open. */
static void goal_head(struct html *h, int depth, const char *cls, const char *key, const char *title, const char *name)
{
	switch (depth) {
	case 0:
		HTML_TPL(h, "<div class=\"" HTML_HOLE "\"><h3 id=\"" HTML_HOLE "\">" HTML_HOLE ": " HTML_HOLE "</h3>",
			 cls, key, title, name);
		break;
	case 1:
		HTML_TPL(h, "<div class=\"" HTML_HOLE "\"><h4 id=\"" HTML_HOLE "\">" HTML_HOLE ": " HTML_HOLE "</h4>",
			 cls, key, title, name);
		break;
	case 2:
		HTML_TPL(h, "<div class=\"" HTML_HOLE "\"><h5 id=\"" HTML_HOLE "\">" HTML_HOLE ": " HTML_HOLE "</h5>",
			 cls, key, title, name);
		break;
	default:
		HTML_TPL(h, "<div class=\"" HTML_HOLE "\"><h6 id=\"" HTML_HOLE "\">" HTML_HOLE ": " HTML_HOLE "</h6>",
			 cls, key, title, name);
		break;
	}
}

/* goal: one goal of the chain and, below it, the goals under it (heading level by depth). */
static void goal(struct org *x, int i, int depth)
{
	const struct view_goal *g = &x->v.chain.goals[i];
	struct html *h = x->h;
	const char *level = g->level, *num = g->number, *key = g->key;
	char cls[64], title[96];

	cat(title, sizeof(title), level_sv(level), num && *num ? " " : "", num);
	goal_head(h, depth, cat(cls, sizeof(cls), "goal ", level, NULL), key, title, g->name);
	if (strcmp(level, "namndmal") == 0)
		order_form(x, key);
	goal_texts(x, g);
	indicators(x, g, title);
	assessments(x, g);
	goal_acts(x, g);
	for (int k = x->child[i]; k >= 0; k = x->next[k])
		goal(x, k, depth + 1);
	html_close(h);
}

/* tree: x->child and x->next from the goals' parents, each list in the chain's order (one walk
 * from the last goal back, not a walk of all goals per goal). */
static void tree(struct org *x)
{
	size_t n = x->v.chain.ngoals;

	x->child = arena_alloc(&x->r->a, sizeof(*x->child) * (n + 1));
	x->next = arena_alloc(&x->r->a, sizeof(*x->next) * (n + 1));
	for (size_t i = 0; i < n; i++)
		x->child[i] = -1;
	for (size_t i = n; i-- > 0;) {
		int p = x->v.chain.goals[i].parent_ix;
		x->next[i] = p >= 0 ? x->child[p] : -1;
		if (p >= 0)
			x->child[p] = (int)i;
	}
}

/* new_goal_link: for those who may write for the organisation, the link to the form for a
 * new nämndmål of the year (year 0: the form's default, this year). */
static void new_goal_link(struct http_req *r, struct html *h, const char *key, int64_t org, long year)
{
	if (!pf_may_write(r, org))
		return;
	HTML_OPEN_A(h, "p", "class", "edit-link");
	pf_link(h, year ? pf_href(r, "/organisation/%s/nytt-mal?ar=%lld", key, (long long)year) :
		pf_href(r, "/organisation/%s/nytt-mal", key), "Nytt nämndmål");
	html_close(h);
}

/* chain_example: whether an outcome the page reads (of the organisation's indicators, in its
 * area, both sexes together: all its chain holds, view/org.h) is example data. */
static int chain_example(const struct org *x)
{
	for (size_t g = 0; g < x->v.chain.ngoals; g++)
		for (size_t i = 0; i < x->v.chain.goals[g].ninds; i++) {
			const struct view_indicator *in = &x->v.chain.goals[g].inds[i];
			for (size_t k = 0; in->own && k < in->nouts; k++)
				if (in->outs[k].area_id == x->v.area_id && in->outs[k].example)
					return 1;
		}
	return 0;
}

/* chain: the goal chain of the year from the top. */
static void chain(struct org *x)
{
	struct html *h = x->h;

	HTML_TPL(h, "<section aria-labelledby=\"malkedja\"><h2 id=\"malkedja\">Mål och indikatorer " HTML_HOLE "</h2>",
		 x->year);	/* the section left open */
	new_goal_link(x->r, h, x->v.key, x->v.id, x->v.year);
	pf_notice_done(x->r, h, NULL);
	if (rollover_form(x)) {
		html_close(h);
		return;
	}
	if (!x->v.chain.ngoals) {
		html_textf(h, "Organisationen har inga mål för %ld i lup.", x->v.year);
		html_close(h);
		return;
	}
	HTML_TPL0(h, "<p>Målkedjan från kommunfullmäktiges inriktningsmål via verksamhetsområdesmålen ned till "
		  "nämndmålen. Trafikljuset vid varje mål är ett förslag enligt en regel som står bredvid: det "
		  "räknar indikatorer som når sina årsmål.</p>");
	x->example = chain_example(x);
	if (x->example)
		page_example_note(h);
	tree(x);
	for (size_t i = 0; i < x->v.chain.ngoals; i++)
		if (x->v.chain.goals[i].parent_ix < 0)
			goal(x, (int)i, 0);
	html_close(h);
}

/* act_row: an activity with the districts it serves (unless with_areas is 0), role, status,
 * start and end: the row's markup a template (as the writer's calls per cell wrote it), its
 * texts spliced in escaped. */
static void act_row(struct html *h, const struct view_activity *a, int with_areas)
{
	const char *role = a->role ? places_role_sv(a->role) : "–", *status = places_status_sv(a->status),
		   *start = a->start_text ? a->start_text : "–", *end = a->end_text ? a->end_text : "–";

	if (with_areas)
		HTML_TPL(h, "<tr><th scope=\"row\">" HTML_HOLE "</th><td>" HTML_HOLE "</td><td>" HTML_HOLE "</td><td>"
			 HTML_HOLE "</td><td class=\"date\">" HTML_HOLE "</td><td class=\"date\">" HTML_HOLE "</td></tr>",
			 a->title, a->areas ? a->areas : "–", role, status, start, end);
	else
		HTML_TPL(h, "<tr><th scope=\"row\">" HTML_HOLE "</th><td>" HTML_HOLE "</td><td>" HTML_HOLE
			 "</td><td class=\"date\">" HTML_HOLE "</td><td class=\"date\">" HTML_HOLE "</td></tr>",
			 a->title, role, status, start, end);
}

/* contrib_act: a contribution as an activity. */
static struct view_activity contrib_act(const struct view_org_contrib *c)
{
	struct view_activity a = {
		.title = c->title, .role = c->role, .status = c->status, .start_text = c->start_text, .end_text = c->end_text,
	};
	return a;
}

/* Where an activity of the year is shown: under its goal, under a district it contributes
 * to, or in the table of the other activities. */
enum act_place { ACT_HERE, ACT_GOAL, ACT_DISTRICT };

static enum act_place act_place(const struct org *x, size_t i)
{
	int64_t id = x->v.chain.acts[i].id;

	if (x->v.chain.acts[i].goal >= 0)
		return ACT_GOAL;
	for (size_t k = 0; k < x->v.ncontrib; k++)
		if (x->v.contrib[k].id == id)
			return ACT_DISTRICT;
	return ACT_HERE;
}

/* activities: the year's activities, with those shown elsewhere on the page counted. */
static void activities(struct org *x)
{
	struct html *h = x->h;
	int n[3] = { 0, 0, 0 };

	int nacts = (int)x->v.chain.nacts;

	for (size_t i = 0; i < x->v.chain.nacts; i++)
		n[act_place(x, i)]++;
	char num[24];

	/* the section and the paragraph left open */
	HTML_TPL(h, "<section aria-labelledby=\"aktiviteter\"><h2 id=\"aktiviteter\">Aktiviteter " HTML_HOLE
		 "</h2><p>" HTML_HOLE " " HTML_HOLE " " HTML_HOLE ".", x->year, num_text(num, nacts),
		 nacts == 1 ? "aktivitet" : "aktiviteter", x->year);
	if (n[ACT_GOAL])
		html_textf(h, " %d står under sina mål ovan.", n[ACT_GOAL]);
	if (n[ACT_DISTRICT])
		html_textf(h, " %d står per stadsdelsområde under Bidrag nedan.", n[ACT_DISTRICT]);
	html_close(h);
	if (n[ACT_HERE]) {
		HTML_OPEN_A(h, "table", "class", "list");
		HTML_OPEN(h, "caption");
		html_textf(h, "%s %ld, ordnade efter start", n[ACT_HERE] < nacts ? "Övriga aktiviteter" :
			   "Aktiviteter", x->v.year);
		html_close(h);
		html_raw_trusted(h, acts_head);
		HTML_OPEN(h, "tbody");
		for (size_t i = 0; i < x->v.chain.nacts; i++)
			if (act_place(x, i) == ACT_HERE)
				act_row(h, &x->v.chain.acts[i], 1);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

/* district_table: the contributions to the district starting at i; returns the next one. */
static size_t district_table(struct org *x, size_t i)
{
	const struct view_org_contrib *c = x->v.contrib;
	struct html *h = x->h;
	const char *d = c[i].district;
	size_t end = i;

	while (end < x->v.ncontrib && strcmp(c[end].district, d) == 0)
		end++;
	HTML_OPEN(h, "h3");
	places_link(x->r, h, "/stadsdel", d, c[i].district_name);
	html_close(h);
	HTML_OPEN_A(h, "table", "class", "list");
	HTML_OPEN(h, "caption");
	html_textf(h, "%s i %s %ld: %d %s", x->v.name, c[i].district_name, x->v.year, (int)(end - i),
		   end - i == 1 ? "aktivitet" : "aktiviteter");
	html_close(h);
	html_raw_trusted(h, district_head);
	HTML_OPEN(h, "tbody");
	for (size_t k = i; k < end; k++) {
		struct view_activity a = contrib_act(&c[k]);
		act_row(h, &a, 0);
	}
	html_close(h);
	html_close(h);
	return end;
}

/* contributions: the activities per district the organisation serves (other than its own). */
static void contributions(struct org *x)
{
	struct html *h = x->h;

	if (!x->v.ncontrib)
		return;
	HTML_OPEN_A(h, "section", "aria-labelledby", "bidrag");
	HTML_OPEN_A(h, "h2", "id", "bidrag");
	html_textf(h, "Bidrag till stadsdelsområdenas program %ld", x->v.year);
	html_close(h);
	HTML_ELEM(h, "p", "Vad organisationen gör i varje stadsdelsområde och i vilken roll.");
	for (size_t i = 0; i < x->v.ncontrib;)
		i = district_table(x, i);
	html_close(h);
}

/* facts: kind, counterpart, parent, district, other spellings. */
static void facts(struct org *x)
{
	const struct view_org *o = &x->v;
	struct html *h = x->h;

	HTML_OPEN_A(h, "dl", "class", "facts");
	HTML_ELEM(h, "dt", "Typ");
	HTML_ELEM(h, "dd", places_kind_sv(o->kind));
	if (o->pair) {
		HTML_ELEM(h, "dt", strstr(o->kind, "admin") ? "Nämnd" : "Förvaltning");
		HTML_OPEN(h, "dd");
		places_link(x->r, h, "/organisation", o->pair, o->pair_name);
		html_close(h);
	}
	if (o->parent) {
		HTML_ELEM(h, "dt", "Del av");
		HTML_OPEN(h, "dd");
		places_link(x->r, h, "/organisation", o->parent, o->parent_name);
		html_close(h);
	}
	if (o->district) {
		HTML_ELEM(h, "dt", "Stadsdelsområde");
		HTML_OPEN(h, "dd");
		places_link(x->r, h, "/stadsdel", o->district, o->district_name);
		html_close(h);
	}
	if (o->city_owned && strcmp(o->kind, "company_board") == 0) {
		HTML_ELEM(h, "dt", "Ägande");
		HTML_ELEM(h, "dd", o->housing ? "Stadens bostadsbolag" : "Ägs av staden");
	}
	if (o->naliases) {
		HTML_ELEM(h, "dt", "Även skrivet");
		HTML_OPEN(h, "dd");
		for (size_t i = 0; i < o->naliases; i++)
			html_textf(h, "%s%s", i ? ", " : "", o->aliases[i]);
		html_close(h);
	}
	html_close(h);
}

/* year_nav: the years with goals or activities, the shown one marked. */
static void year_nav(struct org *x)
{
	struct html *h = x->h;

	const char *base = page_href(x->r, "/organisation", x->v.key);

	/* (not a template: a template's literal attribute values are ASCII) */
	html_open(h, "nav", "class", "yearnav", "aria-label", "Planår", NULL);
	HTML_RAW(h, "Planår: ");
	for (size_t i = 0; i < x->v.nyears; i++) {
		long y = x->v.years[i].year;
		char href[300], ys[24];
		const char *cur = y == x->v.year ? "page" : NULL;
		cat(href, sizeof(href), base, "?ar=", num_text(ys, y));	/* cut as snprintf cut it */
		if (i)
			HTML_TPL(h, " · <a href=\"" HTML_HOLE "\" aria-current=\"" HTML_HOLE "\">" HTML_HOLE "</a>", href, cur, ys);
		else
			HTML_TPL(h, "<a href=\"" HTML_HOLE "\" aria-current=\"" HTML_HOLE "\">" HTML_HOLE "</a>", href, cur, ys);
	}
	html_close(h);
}

/* Bytes of the page per part, a little above the demo's (Spånga-Tensta's 2022 page: 88 KB):
 * room reserved once (reserve), not grown by doubling from 64 bytes, each time copied. */
enum { EST_PAGE = 12288, EST_GOAL = 1536, EST_INDICATOR = 512, EST_ACTIVITY = 384 };

/* reserve: room in the output for about the page of x (an estimate, never a limit). */
static void reserve(struct org *x)
{
	const struct view_chain *c = &x->v.chain;
	size_t n = EST_PAGE + EST_ACTIVITY * (c->nacts + x->v.ncontrib);

	for (size_t g = 0; g < c->ngoals; g++)
		n += EST_GOAL + EST_INDICATOR * c->goals[g].ninds;
	buf_reserve(&x->r->out, n);
}

/* load: the organisation for the year (404 when unknown). */
static int load(struct org *x, long year)
{
	struct http_req *r = x->r;
	int found = 0;

	if (view_org_load(r->st, &r->a, r->params[0], year, &x->v, &found, &r->err) != LUP_OK)
		return places_fail(r);
	if (!found) {
		page_error(r, 404, "Det finns ingen organisation med den adressen. Se listan på sidan Organisationer.");
		return -1;
	}
	return 0;
}

int page_org(struct http_req *r)
{
	struct org x = { .r = r };
	struct html *h;
	long year = 0;

	if (places_year_arg(r, &year) || load(&x, year))
		return r->status;
	snprintf(x.year, sizeof(x.year), "%ld", x.v.year);
	if (x.v.year)
		reserve(&x);	/* before page_begin: nothing written yet to copy */
	h = x.h = page_begin(r, x.v.name, NAV_ORGS);
	HTML_TPL(h, "<p class=\"muted\"><a href=\"/organisationer\">Organisationer</a> / " HTML_HOLE "</p><h1>"
		 HTML_HOLE "</h1>", places_kind_sv(x.v.kind), x.v.name);
	facts(&x);
	HTML_OPEN(h, "p");	/* resources versus need (page-org-resources.c, page-resources.c) */
	html_elem(h, "a", "Resurser per stadsdelsområde", "href", pf_href(r, "/organisation/%s/resurser", x.v.key), NULL);
	html_text(h, " · ");
	html_elem(h, "a", "Resurserna mot behovet", "href", pf_href(r, "/organisation/%s/resurser-behov", x.v.key), NULL);
	html_close(h);
	if (!x.v.year) {
		HTML_ELEM(h, "p", "Det finns inga mål, planer eller aktiviteter för organisationen i lup.");
		new_goal_link(r, h, x.v.key, x.v.id, 0);
		return page_end(r, h);
	}
	year_nav(&x);
	download_menu(r, h, "organisation", page_href(r, "/organisation", x.v.key), pf_printf(r, "ar=%ld", (long)x.v.year));
	chain(&x);
	activities(&x);
	contributions(&x);
	if (page_org_history(r, h, &x.v))
		return r->status;
	return page_end(r, h);
}
