/* page-import-report.c: an import's report as HTML (the counts, the warnings, the trace of
 * what the lines became), for the dry-run and result pages of /importera. */
#include "web/page-import.h"
#include "web/pages-forms.h"

#include <stdio.h>
#include <string.h>

#define TRACE_SHOWN 200		/* trace lines shown on the dry-run page */

const char *const pim_kind_values[] = { "plan", "commission", "lup", "kolada", "csv", NULL };
const char *const pim_kind_labels[] = {
	"Verksamhetsplan (text)", "Kommissionens åtgärder och förvaltningarnas svar (text)",
	"Lokal utvecklingsplan, LUP (text)", "Kolada (JSON)", "Utfall och mål (CSV)", NULL,
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
