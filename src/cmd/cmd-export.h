/* cmd-export.h: what the export command's writers share (cmd-export.c holds the dispatch table
 * format x kind -> writer; each family of writers has its own file). */
#ifndef LUP_CMD_EXPORT_H
#define LUP_CMD_EXPORT_H

#include "cmd/cmd.h"

struct export_args;

/*
 * A document maker: the DOCX of what a (key, version, template, ...) names, loaded from st, into
 * *data (free with free), *len bytes. Returns LUP_OK or an error set in c->err. The export rows
 * docx, pdf and pdfa of a kind share it (export_docx, export_pdf, export_pdfa).
 */
typedef int (*docx_fn)(struct cmd_ctx *c, struct store *st, const struct export_args *a, char **data,
		       size_t *len);

/* The export's arguments after parsing. */
struct export_args {
	const char *key;	/* KEY: the plan, organisation, ...; NULL for a city-wide table */
	long year;		/* --year, 0 when not given */
	const char *period;	/* --period T1|T2|VB, NULL when not given */
	long version;		/* --version, 0 when not given */
	const char *out;	/* -o FILE; NULL or "-" = standard output */
	int comma;		/* --dialect comma: CSV with ',' and decimal point, no BOM */
	const char *tpl;	/* --template FILE (documents), NULL: the default template */
	docx_fn docx;		/* the row's document maker (documents), else NULL */
};

/* A writer: loads from st and writes a->out; returns LUP_OK or an error set in c->err. */
typedef int (*export_fn)(struct cmd_ctx *c, struct store *st, const struct export_args *a);

/*
 * export_write: text (len bytes) to path: standard output for NULL or "-", else a regular file
 * written through a temporary name renamed when complete, or straight to anything else (a
 * device, a pipe). Returns LUP_OK or LUP_EIO (message in c->err).
 */
int export_write(struct cmd_ctx *c, const char *path, const char *text, size_t len);

/* export_tmp_path: path + ".tmp" into buf (size n) for writers that create the file
 * themselves; returns 0, or -1 when it does not fit. */
int export_tmp_path(const char *path, char *buf, size_t n);

/* export_commit: renames tmp to path (removing tmp on failure). Returns LUP_OK or LUP_EIO. */
int export_commit(struct cmd_ctx *c, const char *tmp, const char *path);

/* The table writers (cmd-export-tables.c): an organisation's indicator values as XLSX (with its
 * activities as a second sheet) and as CSV; both need --year. */
int export_xlsx_organisation(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_csv_organisation(struct cmd_ctx *c, struct store *st, const struct export_args *a);

/* The city-wide tables (cmd-export-tables.c, loaders in view/tables-city.h) as XLSX (one sheet)
 * and CSV: KIND without KEY, --year optional (0: every year). */
int export_xlsx_districts_themes(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_csv_districts_themes(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_xlsx_orgs_districts(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_csv_orgs_districts(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_xlsx_activities(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_csv_activities(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_xlsx_commission(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_csv_commission(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_xlsx_allocations(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_csv_allocations(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_xlsx_audit(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_csv_audit(struct cmd_ctx *c, struct store *st, const struct export_args *a);

/* The document writers (cmd-export-docs.c), each on the row's maker a->docx: the DOCX itself;
 * the DOCX converted by LibreOffice (doc/pdf.h) into a tagged PDF; into PDF/A-2b. */
int export_docx(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_pdf(struct cmd_ctx *c, struct store *st, const struct export_args *a);
int export_pdfa(struct cmd_ctx *c, struct store *st, const struct export_args *a);

#endif
