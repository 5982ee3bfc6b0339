/* pdf.h: documents as tagged PDF and PDF/A-2b, converted from our DOCX by LibreOffice headless
 * (docs/documents.md, "PDF and PDF/A"): no layout engine of our own. */
#ifndef LUP_PDF_H
#define LUP_PDF_H

#include <stddef.h>

struct err;

/* How long a conversion may take before LibreOffice is killed, in seconds ($LUP_PDF_TIMEOUT
 * overrides it, 1-3600). */
#define PDF_TIMEOUT 120

/*
 * pdf_from_docx: the DOCX docx (len bytes) as a tagged PDF (PDF/UA marked, bookmarks, the DOCX
 * title shown as the window title, the language of its styles as /Lang), or with pdfa != 0 as
 * PDF/A-2b. Runs LibreOffice ($LUP_SOFFICE, else soffice on $PATH, else /usr/bin/soffice) without
 * a shell, with its own profile in a private temporary directory (mkdtemp under $TMPDIR or /tmp),
 * so conversions can run side by side; kills its process group after PDF_TIMEOUT seconds. The
 * temporary directory is removed whatever happens. On LUP_OK *pdf (free with free) holds *pdflen
 * bytes; the bytes carry LibreOffice's creation time and document id, so two conversions of the
 * same DOCX differ. Errors (message in e): LUP_EIO (no LibreOffice: the message names the
 * package libreoffice-writer-nogui; it failed, timed out or wrote no PDF: its last output is in
 * the message; a temporary file failed), LUP_ETOOBIG (a PDF over 1 GiB), LUP_EBUSY (as many
 * conversions as a process runs at once, PDF_MAX_RUNNING in pdf.c, are running: try later).
 * Safe to call from several threads (posix_spawn; one counter under a mutex).
 */
int pdf_from_docx(const char *docx, size_t len, int pdfa, char **pdf, size_t *pdflen, struct err *e);

#endif
