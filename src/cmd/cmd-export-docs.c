/* cmd-export-docs.c: the document rows of `lup export` (docx, pdf, pdfa): each takes the row's
 * document maker (a->docx, cmd-export.h) and writes its DOCX, or that DOCX converted to PDF or
 * PDF/A-2b by LibreOffice (doc/pdf.h). A new document is one maker and a row per format. */
#include <stdlib.h>

#include "cmd/cmd-export.h"
#include "doc/pdf.h"

/* convert: the maker's DOCX as PDF (pdfa: PDF/A-2b) written to a->out */
static int convert(struct cmd_ctx *c, struct store *st, const struct export_args *a, int pdfa)
{
	char *docx = NULL, *pdf = NULL;
	size_t len = 0, pdflen = 0;
	int rc = a->docx(c, st, a, &docx, &len);

	if (rc == LUP_OK)
		rc = pdf_from_docx(docx, len, pdfa, &pdf, &pdflen, &c->err);
	if (rc == LUP_OK)
		rc = export_write(c, a->out, pdf, pdflen);
	free(pdf);
	free(docx);
	return rc;
}

int export_docx(struct cmd_ctx *c, struct store *st, const struct export_args *a)
{
	char *docx = NULL;
	size_t len = 0;
	int rc = a->docx(c, st, a, &docx, &len);

	if (rc == LUP_OK)
		rc = export_write(c, a->out, docx, len);
	free(docx);
	return rc;
}

int export_pdf(struct cmd_ctx *c, struct store *st, const struct export_args *a)
{
	return convert(c, st, a, 0);
}

int export_pdfa(struct cmd_ctx *c, struct store *st, const struct export_args *a)
{
	return convert(c, st, a, 1);
}
