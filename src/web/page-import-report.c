/* page-import-report.c: an import's report as HTML (the counts, the warnings, the trace of
 * what the lines became), for the dry-run and result pages of /importera. */
#include "web/page-import.h"
#include "web/pages-forms.h"

#include <stdio.h>
#include <string.h>

#define TRACE_SHOWN 200		/* trace lines shown on the dry-run page */

const char *const pim_kind_values[] = { "plan", "commission", "lup", "kolada", "csv", "json", NULL };
const char *const pim_kind_labels[] = {
	"Verksamhetsplan (text)", "Kommissionens åtgärder och förvaltningarnas svar (text)",
	"Lokal utvecklingsplan, LUP (text)", "Kolada (JSON)", "Utfall och mål (CSV)",
	"Planversion som dokument, lup-plan (JSON)", NULL,
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
		{ "versions", "Planversioner" }, { "lup_goals", "LUP-mål" },
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

void pim_trace(struct html *h, const struct imp_report *rep)
{
	static const char *const cols[] = { "Rader", "Blev", "Innehåll", NULL };
	int n = rep->ntrace < TRACE_SHOWN ? rep->ntrace : TRACE_SHOWN;
	char lines[48];

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
		html_elem(h, "td", t->what ? t->what : "", "class", "what", NULL);
		html_elem(h, "td", t->detail ? t->detail : "", "class", "detail", NULL);
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
