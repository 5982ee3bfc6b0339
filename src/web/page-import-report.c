/* page-import-report.c: an import's report as HTML (the counts, the warnings, the trace of
 * what the lines became), for the dry-run and result pages of /importera. */
#include "web/page-import.h"
#include "web/pages-forms.h"
#include "core/buf.h"

#include <stdio.h>
#include <string.h>

#define TRACE_SHOWN 200		/* trace lines shown on the dry-run page */

const char *const pim_kind_values[] = { "plan", "commission", "lup", "kolada", "csv", "json", "allocations", NULL };
const char *const pim_kind_labels[] = {
	"Verksamhetsplan (text)", "Kommissionens åtgärder och förvaltningarnas svar (text)",
	"Lokalt utvecklingsprogram, LUP (text)", "Kolada (JSON)", "Utfall och mål (CSV)",
	"Planversion som dokument, lup-plan (JSON)", "Resurser per stadsdelsområde (CSV)", NULL,
};

/* count_label: the Swedish label of a count key of any kind. */
static const char *count_label(const char *key)
{
	static const char *const map[][2] = {
		{ "inriktningsmal", "Inriktningsmål" }, { "verksamhetsomradesmal", "Verksamhetsområdesmål" },
		{ "namndmal", "Nämndmål" }, { "indicators", "Indikatorer" }, { "activities", "Aktiviteter" },
		{ "budget_lines", "Budgetrader" }, { "administrations", "Förvaltningar" },
		{ "reports", "Rapporter" }, { "recommendations", "Rekommendationer" },
		{ "measures", "Åtgärder" }, { "responses", "Svar" }, { "districts", "Stadsdelsområden" },
		{ "themes", "Teman" }, { "prioritised_areas", "Prioriterade områden" },
		{ "partners", "Samverkanspartner" }, { "kpis", "Nyckeltal" }, { "values", "Värden" },
		{ "missing", "Saknade värden" }, { "municipalities", "Kommuner" },
		{ "skipped", "Överhoppade" }, { "rows", "Rader" }, { "targets", "Målvärden" },
		{ "versions", "Planversioner" }, { "lup_goals", "LUP-mål" }, { "written", "Nya eller ändrade" },
		{ "unchanged", "Oförändrade" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i][0], key) == 0)
			return map[i][1];
	return key;
}

const char *pim_kind_label(const char *kind)
{
	for (int i = 0; pim_kind_values[i]; i++)
		if (strcmp(pim_kind_values[i], kind) == 0)
			return pim_kind_labels[i];
	return kind;
}

/* The importers' trace keys (English, as the CLI and the JSON report give them) in Swedish. */
static const char *const what_sv[][2] = {
	{ "inriktningsmal", "Inriktningsmål" }, { "verksamhetsomradesmal", "Verksamhetsområdesmål" },
	{ "namndmal", "Nämndmål" }, { "indicator", "Indikator" }, { "activity", "Aktivitet" },
	{ "result", "Förväntat resultat" }, { "description", "Beskrivning" }, { "label", "Rubrik" },
	{ "prose", "Löptext" }, { "year", "År" }, { "organisation", "Organisation" },
	{ "money table", "Budgettabell" }, { "money row", "Budgetrad" }, { "table header", "Tabellhuvud" },
	{ "repeated table header", "Upprepat tabellhuvud" }, { "activity text", "Aktivitetens text" },
	{ "page header", "sidhuvud" }, { "page footer", "sidfot" }, { "page number", "sidnummer" },
	{ "page break", "sidbrytning" }, { "table of contents", "innehållsförteckning" },
	{ "running header", "sidhuvud" }, { "bad row", "felaktig rad" }, { "incomplete row", "ofullständig rad" },
	{ "results", "förväntat resultat utan nämndmål" }, { "unknown district", "okänt stadsdelsområde" },
	{ "extra priorities", "Extra prioriteringar" }, { "allocation", "Resurs" }, { "text", "text" }, { "blank", "tom rad" },
	{ "part", "Del" }, { "administration", "Förvaltning" }, { "report", "Rapport" },
	{ "recommendation", "Rekommendation" }, { "measure", "Åtgärd" }, { "no response", "Inget svar" },
	{ "group", "Grupp" }, { "response", "Svar" }, { "changed", "Ändrad" }, { "values", "Värden" },
	{ "more", "Fler" }, { "plan version", "Planversion" }, { "kpi", "Nyckeltal" }, { "area", "Område" },
	{ "new draft version", "Nytt utkast" }, { "draft version", "Utkast" }, { "section body", "Avsnittets text" },
	{ "district", "Stadsdelsområde" }, { "title", "Titel" }, { "heading", "Rubrik" }, { "section", "Avsnitt" },
	{ "theme count", "Antal teman" }, { "prioritised areas", "Prioriterade områden" }, { "theme", "Tema" },
	{ "theme heading", "Temarubrik" }, { "theme names", "Temanamn" }, { "theme list", "Temalista" },
	{ "partner intro", "Inledning om samverkansparter" }, { "partner group", "Grupp av samverkansparter" },
	{ "partners", "Samverkansparter" },
};

/* trace_what: a trace key in Swedish: "skipped: page header" -> "Hoppades över: sidhuvud",
 * "prose" -> "Löptext"; a key the table lacks is shown as it is (into out). */
static const char *trace_what(const char *what, char *out, size_t n)
{
	const char *rest = what;
	int skipped = 0;

	if (!what)
		return "";
	if (strncmp(what, "skipped", 7) == 0) {
		skipped = 1;
		rest = what + 7;
		rest += *rest == ':';
		rest += *rest == ' ';
	}
	for (size_t i = 0; i < sizeof(what_sv) / sizeof(what_sv[0]); i++)
		if (strcmp(what_sv[i][0], rest) == 0) {
			rest = what_sv[i][1];
			break;
		}
	if (!skipped)
		return rest;
	snprintf(out, n, *rest ? "Hoppades över: %s" : "Hoppades över", rest);
	return out;
}

/* The English words of a trace detail's head (the part before ": ", which the importer writes;
 * the document's own text comes after it) and whole details, in Swedish. */
static const char *const detail_words[][2] = {
	{ "unchanged", "oförändrat" }, { "changed", "ändrat" }, { "new", "nytt" }, { "kept", "behålls" },
	{ "known", "känt" }, { "values", "värden" }, { "missing", "saknas" }, { "targets", "målvärden" },
	{ "amounts", "belopp" }, { "version", "version" }, { "draft", "utkast" }, { "columns", "kolumner" },
	{ "description", "beskrivning" }, { "name", "namn" }, { "unit", "enhet" }, { "title", "rubrik" },
	{ "number", "nummer" }, { "parent", "överordnat mål" }, { "direction", "riktning" }, { "status", "status" },
	{ "start", "start" }, { "end", "slut" }, { "table", "tabell" }, { "indicator", "indikator" },
	{ "activity", "aktivitet" }, { "money", "budget" },
	{ "(continued)", "(forts.)" }, { "page", "sid" }, { "footer", "fot" },
};
static const char *const details[][2] = {
	{ "the table goes on", "tabellen fortsätter" }, { "money table goes on", "budgettabellen fortsätter" },
	{ "page footer", "sidfot" }, { "not under a nämndmål", "inte under ett nämndmål" },
	{ "indicator table", "indikatortabell" }, { "activity table", "aktivitetstabell" },
};

/* the plan importer's reason for leaving a council's goal as it is */
#define COUNCIL_KEPT "(the council's goal is not written by this import)"

/* word_sv: the Swedish of English word [w, w + n) (ASCII letters, parentheses kept around it),
 * appended to out; other words as they are. */
static void word_sv(struct buf *out, const char *w, size_t n)
{
	size_t lead = 0, tail = 0;

	while (lead < n && (w[lead] == '(' || w[lead] == ','))
		lead++;
	while (tail < n - lead && (w[n - 1 - tail] == ')' || w[n - 1 - tail] == ','))
		tail++;
	for (size_t i = 0; i < sizeof(detail_words) / sizeof(detail_words[0]); i++)
		if (strlen(detail_words[i][0]) == n - lead - tail && strncmp(detail_words[i][0], w + lead, n - lead - tail) == 0) {
			buf_addf(out, "%.*s%s%.*s", (int)lead, w, detail_words[i][1], (int)tail, w + n - tail);
			return;
		}
	buf_addf(out, "%.*s", (int)n, w);
}

/* trace_detail: a trace entry's detail with the importer's English in Swedish: a whole detail
 * ("the table goes on"), else the words of its head before ": " ("nm-01 unchanged: <title>" ->
 * "nm-01 oförändrat: <title>"; "changed (description)" -> "ändrat (beskrivning)"); the text
 * after ": " is the document's and stays as it is. In the arena of r. */
static const char *trace_detail(struct arena *a, const char *d)
{
	const char *colon, *p, *out;
	struct buf b;

	if (!d)
		return "";
	for (size_t i = 0; i < sizeof(details) / sizeof(details[0]); i++)
		if (strcmp(details[i][0], d) == 0)
			return details[i][1];
	colon = strstr(d, ": ");
	if (!colon && strncmp(d, "goes on from line ", 18) == 0) {
		buf_init(&b, 4096);
		buf_adds(&b, "fortsätter från rad ");
		p = d + 18;
		buf_addf(&b, "%.*s", (int)strspn(p, "0123456789"), p);
		p += strspn(p, "0123456789");
		buf_adds(&b, strcmp(p, ", after a page break") == 0 ? ", efter en sidbrytning" : p);
		goto done;
	}
	if (!colon || strchr(d, '>') || colon - d > 200)
		return d;
	buf_init(&b, 1 << 16);
	for (p = d; p < colon;) {
		size_t n = strcspn(p, " ");
		if (strncmp(p, COUNCIL_KEPT, strlen(COUNCIL_KEPT)) == 0) {
			buf_adds(&b, "(kommunfullmäktiges mål skrivs inte av den här importen)");
			p += strlen(COUNCIL_KEPT);
			continue;
		}
		if (p + n > colon)
			n = (size_t)(colon - p);
		word_sv(&b, p, n);
		p += n;
		while (p < colon && *p == ' ') {
			buf_addc(&b, ' ');
			p++;
		}
	}
	buf_adds(&b, colon);
done:
	out = arena_strdup(a, b.ptr);
	buf_release(&b);
	return out;
}

static void count_row(struct html *h, const char *label, long n)
{
	char num[32];

	snprintf(num, sizeof(num), "%ld", n);
	html_open(h, "tr", NULL);
	html_elem(h, "th", label, "scope", "row", NULL);
	html_elem(h, "td", num, "class", "num", NULL);
	html_close(h);
}

void pim_counts(struct html *h, const struct imp_kind *k, const struct imp_report *rep, const char *caption)
{
	static const char *const cols[] = { "Vad", "#Antal", NULL };

	html_open(h, "table", "class", "import-counts", NULL);
	html_elem(h, "caption", caption, NULL);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < IMP_MAX_KEYS && k->keys[i]; i++)
		count_row(h, count_label(k->keys[i]), rep->counts[i]);
	count_row(h, "Rader i databasen som skapas eller ändras", rep->changed);
	html_close(h);
	html_close(h);
}

void pim_warnings(struct html *h, const struct imp_report *rep)
{
	html_elem(h, "h2", "Varningar", NULL);
	if (!rep->nwarn) {
		html_elem(h, "p", "Inga varningar.", NULL);
		return;
	}
	html_open(h, "ul", "class", "import-warnings", NULL);
	for (int i = 0; i < rep->nwarn; i++) {
		html_open(h, "li", NULL);
		if (rep->warn[i].line > 0)
			html_textf(h, "Rad %d: %s", rep->warn[i].line, rep->warn[i].msg);
		else
			html_text(h, rep->warn[i].msg);
		html_close(h);
	}
	html_close(h);
}

void pim_trace(struct arena *a, struct html *h, const struct imp_report *rep)
{
	static const char *const cols[] = { "Rader", "Blev", "Innehåll", NULL };
	int n = rep->ntrace < TRACE_SHOWN ? rep->ntrace : TRACE_SHOWN;
	char lines[48], what[160];

	html_elem(h, "h2", "Vad raderna blev", NULL);
	if (!n) {
		html_elem(h, "p", "Importen redovisar inga rader.", NULL);
		return;
	}
	if (rep->ntrace > TRACE_SHOWN) {
		html_open(h, "p", NULL);
		html_textf(h, "De första %d av %d posterna visas.", TRACE_SHOWN, rep->ntrace);
		html_close(h);
	}
	html_open(h, "table", "class", "import-trace", NULL);
	html_elem(h, "caption", "Dokumentets rader och vad de blev", NULL);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < n; i++) {
		const struct imp_trace_entry *t = &rep->trace[i];
		if (t->last > t->line)
			snprintf(lines, sizeof(lines), "%d–%d", t->line, t->last);
		else
			snprintf(lines, sizeof(lines), "%d", t->line);
		html_open(h, "tr", NULL);
		html_elem(h, "td", lines, "class", "line", NULL);
		html_elem(h, "td", trace_what(t->what, what, sizeof(what)), "class", "what", NULL);
		html_elem(h, "td", trace_detail(a, t->detail), "class", "detail", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* field_sv: the Swedish name of a refused reference's field */
static const char *field_sv(enum imp_field f)
{
	static const char *const names[IMP_F__MAX] = {
		[IMP_F_NONE] = "hänvisning", [IMP_F_KIND] = "typ av dokument", [IMP_F_ORG] = "organisation",
		[IMP_F_PLAN] = "verksamhetsplan", [IMP_F_GOAL] = "nämndmål",
		[IMP_F_COUNCIL_GOAL] = "kommunfullmäktiges mål", [IMP_F_PARENT] = "överordnat mål",
		[IMP_F_INDICATOR] = "indikator", [IMP_F_IND_GOAL] = "indikatorns mål", [IMP_F_ACTIVITY] = "aktivitet",
		[IMP_F_ACT_GOAL] = "aktivitetens mål", [IMP_F_DISTRICT] = "stadsdelsområde",
	};
	return f >= 0 && f < IMP_F__MAX && names[f] ? names[f] : "hänvisning";
}

/* deny_sv: why, in Swedish */
static const char *deny_sv(enum imp_deny why)
{
	switch (why) {
	case IMP_DENY_OTHER_ORG:
		return "hör till en annan organisation. Du kan bara importera uppgifter för din egen organisation "
		       "(och dess nämnd eller förvaltning).";
	case IMP_DENY_COUNCIL:
		return "är ett av kommunfullmäktiges mål och finns inte i databasen. Kommunfullmäktiges mål "
		       "importeras av en administratör.";
	case IMP_DENY_NEW_ORG:
		return "finns inte i databasen. Nya organisationer läggs till av en administratör.";
	case IMP_DENY_KIND:
		return "berör flera organisationer och importeras av en administratör.";
	case IMP_DENY_OTHER_DISTRICT:
		return "är ett annat stadsdelsområde. Du kan bara importera lokala utvecklingsprogram (LUP) för "
		       "ditt eget stadsdelsområde; importen blir ett nytt utkast.";
	case IMP_DENY_NONE:
		break;
	}
	return "ligger utanför det du får importera.";
}

void pim_refusal(struct html *h, const struct imp_refusal *x)
{
	html_open(h, "p", NULL);
	if (x->line > 0 && x->col > 0)
		html_textf(h, "Rad %d i %s, kolumn %d (%s): ", x->line, x->file, x->col, field_sv(x->field));
	else if (x->line > 0)
		html_textf(h, "Rad %d i %s (%s): ", x->line, x->file, field_sv(x->field));
	else
		html_textf(h, "%s (%s): ", x->file, field_sv(x->field));
	html_textf(h, "”%s” %s", x->value ? x->value : "", deny_sv(x->why));
	html_close(h);
}
