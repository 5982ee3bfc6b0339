/* export-commitments.c: the commitment ledger of a period as a table (export.h:
 * export_xlsx_commitments, export_csv_commitments; docs/exports.md, docs/commitments.md): one
 * row per commitment of each specialist committee and company in each district (an activity
 * with its status in the party's report, a measure of the district's adopted LUP, a resource
 * entry), with the party's report and lateness, in the ledger's order (view/ledger.h). No KEY
 * (the whole city); --year and --period (T1, T2, VB) are needed. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "doc/export.h"
#include "doc/table.h"
#include "model/period.h"
#include "view/ledger.h"

enum { LC_ORG, LC_ORG_NAME, LC_REPORT, LC_LATE, LC_DISTRICT, LC_DISTRICT_NAME, LC_VIA, LC_ITEM, LC_TITLE, LC_ROLE,
       LC_STATUS, LC_AMOUNT, LC_UNIT, LC__MAX };

static const struct table_col cols[LC__MAX] = {
	[LC_ORG] = { "Organisation", NULL, TABLE_TEXT, 0, 24 },
	[LC_ORG_NAME] = { "Organisationens namn", NULL, TABLE_TEXT, 0, 28 },
	[LC_REPORT] = { "Rapport", NULL, TABLE_TEXT, 0, 14 },
	[LC_LATE] = { "Försenad", NULL, TABLE_BOOL, 0, 10 },
	[LC_DISTRICT] = { "Stadsdelsområde", NULL, TABLE_TEXT, 0, 20 },
	[LC_DISTRICT_NAME] = { "Stadsdelsområdets namn", NULL, TABLE_TEXT, 0, 24 },
	[LC_VIA] = { "Åtagande", NULL, TABLE_TEXT, 0, 12 },
	[LC_ITEM] = { "Nyckel", NULL, TABLE_TEXT, 0, 18 },
	[LC_TITLE] = { "Titel", NULL, TABLE_TEXT, 0, 40 },
	[LC_ROLE] = { "Roll", NULL, TABLE_TEXT, 0, 14 },
	[LC_STATUS] = { "Status", NULL, TABLE_TEXT, 0, 12 },
	[LC_AMOUNT] = { "Omfattning", NULL, TABLE_DEC, -1, 12 },
	[LC_UNIT] = { "Enhet", NULL, TABLE_TEXT, 0, 12 },
};

/* The report as the sheet names it: ingen, ej publicerad, or the status in Swedish. */
static const char *report_sv(const struct ledger_party *p)
{
	static const char *const codes[] = { "draft", "submitted", "returned", "approved", NULL };
	static const char *const words[] = { "utkast", "inskickad", "returnerad", "godkänd" };

	if (p->report != LEDGER_REPORTED)
		return p->report == LEDGER_NO_REPORT ? "ingen" : "ej publicerad";
	for (int i = 0; codes[i]; i++)
		if (!strcmp(p->report_status, codes[i]))
			return words[i];
	return p->report_status;
}

static void rows(struct table *t, const struct view_ledger *l)
{
	static const char *const via[] = { "aktivitet", "åtgärd", "resurs" };

	for (size_t i = 0; i < l->nparties; i++) {
		const struct ledger_party *p = &l->parties[i];

		for (size_t k = p->item0; k < p->item0 + p->nitems; k++) {
			const struct ledger_item *it = &l->items[k];

			table_row(t);
			table_set_text(t, LC_ORG, p->key);
			table_set_text(t, LC_ORG_NAME, p->name);
			table_set_text(t, LC_REPORT, report_sv(p));
			table_set_bool(t, LC_LATE, p->late);
			table_set_text(t, LC_DISTRICT, l->district_keys[it->district]);
			table_set_text(t, LC_DISTRICT_NAME, l->district_names[it->district]);
			table_set_text(t, LC_VIA, via[it->via]);
			if (it->via == LEDGER_RESOURCE) {
				table_set_text(t, LC_ITEM, it->kind);
				table_set_dec(t, LC_AMOUNT, it->amount);
				table_set_text(t, LC_UNIT, it->unit);
				continue;
			}
			table_set_text(t, LC_ITEM, it->item);
			table_set_text(t, LC_TITLE, it->title);
			table_set_text(t, LC_ROLE, it->role);
			table_set_text(t, LC_STATUS, it->status);
		}
	}
}

/* commitments: the ledger of the year and period as a workbook (xlsx) or CSV into f, named
 * "Åtaganden YEAR-T2" */
static int commitments(int xlsx, struct store *st, const struct export_args *x, struct export_file *f, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct model_period p;
	struct view_ledger l;
	struct table t;
	const struct table *tp[1] = { &t };
	char text[32], title[64];
	struct buf b;
	int rc;

	buf_init(&b, 0);
	table_init(&t, "Åtaganden", cols, LC__MAX);
	snprintf(text, sizeof(text), "%d-%s", x->year, x->period ? x->period : "");
	if (model_period_parse(text, &p, NULL, 0) != 0) {
		rc = err_set(e, LUP_EINVAL, "the ledger needs a year and a period (T1, T2 or VB)");
		goto out;
	}
	if ((rc = view_ledger_load(st, &a, &p, &l, e)) != LUP_OK)
		goto out;
	rows(&t, &l);
	snprintf(title, sizeof(title), "Åtaganden %d-%s", x->year, x->period);
	if (xlsx)
		rc = export_xlsx_bytes(tp, 1, title, f, e);
	else if ((rc = table_csv(&t, x->comma ? TABLE_CSV_COMMA : TABLE_CSV_EXCEL_SV, &b, e)) == LUP_OK)
		f->data = buf_detach(&b, &f->len);
	if (rc == LUP_OK)
		export_name(f, "%s", title);
out:
	buf_release(&b);
	table_release(&t);
	arena_release(&a);
	return rc;
}

int export_xlsx_commitments(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return commitments(1, st, a, f, e);
}

int export_csv_commitments(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return commitments(0, st, a, f, e);
}
