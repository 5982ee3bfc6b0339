/* export-pdf.c: the PDF exports (export.h): a document's DOCX converted by LibreOffice
 * (doc/pdf.h) to a tagged PDF or to PDF/A-2b, under the DOCX's name. A new document gets its
 * PDF rows with one pair of functions here. */
#include <string.h>

#include "core/err.h"
#include "doc/export.h"
#include "doc/pdf.h"

/* convert: docx's file as PDF (pdfa: PDF/A-2b) into f, named as the DOCX */
static int convert(export_fn docx, int pdfa, struct store *st, const struct export_args *a,
		   struct export_file *f, struct err *e)
{
	struct export_file d = { 0 };
	int rc = docx(st, a, &d, e);

	if (rc == LUP_OK && (rc = pdf_from_docx(d.data, d.len, pdfa, &f->data, &f->len, e)) == LUP_OK)
		memcpy(f->name, d.name, sizeof(f->name));
	export_file_release(&d);
	return rc;
}

int export_pdf_plan(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return convert(export_docx_plan, 0, st, a, f, e);
}

int export_pdfa_plan(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return convert(export_docx_plan, 1, st, a, f, e);
}

int export_pdf_vp(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return convert(export_docx_vp, 0, st, a, f, e);
}

int export_pdfa_vp(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return convert(export_docx_vp, 1, st, a, f, e);
}

int export_pdf_report(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return convert(export_docx_report, 0, st, a, f, e);
}

int export_pdfa_report(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return convert(export_docx_report, 1, st, a, f, e);
}

int export_pdf_commission(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return convert(export_docx_commission, 0, st, a, f, e);
}

int export_pdfa_commission(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return convert(export_docx_commission, 1, st, a, f, e);
}
