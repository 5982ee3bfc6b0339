/* export.c: the table of exports (format x kind -> writer) and the formats; export.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "doc/export.h"

const struct export_format export_formats[] = {
	{ "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word" },
	{ "pdf", "application/pdf", ".pdf", "PDF" },
	{ "pdfa", "application/pdf", ".pdf", "PDF/A (arkiv)" },
	{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel" },
	{ "csv", "text/csv; charset=utf-8", ".csv", "CSV" },
	{ "json", "application/json", ".json", "JSON" },
	{ NULL, NULL, NULL, NULL },
};

/* The exports: one row per format and kind, in the order menus list them. */
const struct export_row export_rows[] = {
	{ "docx", "plan", export_docx_plan, 0, "dokument" },
	{ "pdf", "plan", export_pdf_plan, 0, "dokument" },
	{ "pdfa", "plan", export_pdfa_plan, 0, "dokument" },
	{ "json", "plan", export_json_plan, 0, "dokument" },
	{ "docx", "organisation", export_docx_vp, EXPORT_NEED_YEAR, "verksamhetsplan" },
	{ "pdf", "organisation", export_pdf_vp, EXPORT_NEED_YEAR, "verksamhetsplan" },
	{ "pdfa", "organisation", export_pdfa_vp, EXPORT_NEED_YEAR, "verksamhetsplan" },
	{ "docx", "report", export_docx_report, EXPORT_NEED_YEAR | EXPORT_NEED_PERIOD, "rapport" },
	{ "pdf", "report", export_pdf_report, EXPORT_NEED_YEAR | EXPORT_NEED_PERIOD, "rapport" },
	{ "pdfa", "report", export_pdfa_report, EXPORT_NEED_YEAR | EXPORT_NEED_PERIOD, "rapport" },
	{ "xlsx", "organisation", export_xlsx_organisation, EXPORT_NEED_YEAR, "indikatorer" },
	{ "csv", "organisation", export_csv_organisation, EXPORT_NEED_YEAR, "indikatorer" },
	{ "xlsx", "districts-themes", export_xlsx_districts_themes, EXPORT_NO_KEY, NULL },
	{ "csv", "districts-themes", export_csv_districts_themes, EXPORT_NO_KEY, NULL },
	{ "xlsx", "orgs-districts", export_xlsx_orgs_districts, EXPORT_NO_KEY, NULL },
	{ "csv", "orgs-districts", export_csv_orgs_districts, EXPORT_NO_KEY, NULL },
	{ "xlsx", "activities", export_xlsx_activities, EXPORT_NO_KEY, NULL },
	{ "csv", "activities", export_csv_activities, EXPORT_NO_KEY, NULL },
	{ "xlsx", "commission", export_xlsx_commission, EXPORT_NO_KEY, NULL },
	{ "csv", "commission", export_csv_commission, EXPORT_NO_KEY, NULL },
	{ "xlsx", "allocations", export_xlsx_allocations, EXPORT_NO_KEY, NULL },
	{ "csv", "allocations", export_csv_allocations, EXPORT_NO_KEY, NULL },
	{ "xlsx", "resources-need", export_xlsx_resources_need, EXPORT_NO_KEY, "resurser-och-behov" },
	{ "csv", "resources-need", export_csv_resources_need, EXPORT_NO_KEY, "resurser-och-behov" },
	{ "xlsx", "audit", export_xlsx_audit, EXPORT_NO_KEY, NULL },
	{ "csv", "audit", export_csv_audit, EXPORT_NO_KEY, NULL },
	{ "xlsx", "city", export_xlsx_city, EXPORT_NO_KEY, NULL },
	{ "csv", "city", export_csv_city, EXPORT_NO_KEY, NULL },
	{ "xlsx", "commitments", export_xlsx_commitments, EXPORT_NO_KEY | EXPORT_NEED_YEAR | EXPORT_NEED_PERIOD, "atagande" },
	{ "csv", "commitments", export_csv_commitments, EXPORT_NO_KEY | EXPORT_NEED_YEAR | EXPORT_NEED_PERIOD, "atagande" },
	{ "docx", "commission", export_docx_commission, EXPORT_NO_KEY, "kommissionen" },
	{ "pdf", "commission", export_pdf_commission, EXPORT_NO_KEY, "kommissionen" },
	{ "pdfa", "commission", export_pdfa_commission, EXPORT_NO_KEY, "kommissionen" },
	{ "xlsx", "district", export_xlsx_district, 0, "indikatorer" },
	{ "csv", "district", export_csv_district, 0, "indikatorer" },
	{ NULL, NULL, NULL, 0, NULL },
};

const struct export_row *export_find(const char *format, const char *kind)
{
	for (const struct export_row *x = export_rows; x->format; x++)
		if (format && kind && !strcmp(x->format, format) && !strcmp(x->kind, kind))
			return x;
	return NULL;
}

const struct export_row *export_find_slug(const char *kind, const char *file)
{
	for (const struct export_row *x = export_rows; file && x->format; x++) {
		if (!x->slug)	/* not on the web */
			continue;
		size_t n = strlen(x->slug);
		if (!strcmp(x->kind, kind) && !strncmp(file, x->slug, n) && file[n] == '.' && !strcmp(file + n + 1, x->format))
			return x;
	}
	return NULL;
}

const struct export_format *export_format(const char *name)
{
	for (const struct export_format *f = export_formats; name && f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

void export_file_release(struct export_file *f)
{
	free(f->data);
	memset(f, 0, sizeof(*f));
}

void export_name(struct export_file *f, const char *fmt, ...)
{
	char raw[EXPORT_NAME_MAX];
	size_t o = 0, max = EXPORT_NAME_MAX - 16;	/* room for the extension */
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	for (const unsigned char *p = (const unsigned char *)raw; *p && o < max; p++) {
		unsigned char c = *p;
		if (c < 0x20 || c == 0x7f || c == '"')
			continue;
		f->name[o++] = (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '<' || c == '>' ||
				c == '|') ? '-' : (char)c;
	}
	size_t s = o;	/* the last sequence starts at s - 1: cut it when it is not whole */
	while (s > 0 && ((unsigned char)f->name[s - 1] & 0xc0) == 0x80)
		s--;
	if (s > 0) {
		unsigned char l = (unsigned char)f->name[s - 1];
		size_t need = l >= 0xf0 ? 4 : l >= 0xe0 ? 3 : l >= 0xc0 ? 2 : 1;
		if (o - (s - 1) < need)
			o = s - 1;
	}
	f->name[o] = '\0';
}

int export_run(const struct export_row *x, struct store *st, const struct export_args *a, struct export_file *f,
	       struct err *e)
{
	const struct export_format *fm = export_format(x->format);
	int rc;

	memset(f, 0, sizeof(*f));
	if ((rc = x->fn(st, a, f, e)) != LUP_OK) {
		export_file_release(f);
		return rc;
	}
	if (!f->name[0])
		export_name(f, "%s %s", x->kind, a->key ? a->key : "");
	size_t n = strlen(f->name);
	snprintf(f->name + n, sizeof(f->name) - n, "%s", fm ? fm->ext : "");
	return LUP_OK;
}
