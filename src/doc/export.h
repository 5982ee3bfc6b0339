/* export.h: the one table of lup's exports (format x kind -> writer), shared by the CLI
 * (`lup export`), the web's downloads and the API's formats. A writer loads a view from the
 * store (with the store's viewer: the CLI's operator reads everything, a web request reads as
 * its caller) and produces the file's BYTES in memory and the file's name; where the bytes go
 * (a file, standard output, an HTTP response) is the caller's business.
 *
 * Adding an export is adding a row to export_rows[] (export.c): the CLI accepts it, the web's
 * "Ladda ned" menus list it on the pages of its kind, and the API offers its format.
 */
#ifndef LUP_DOC_EXPORT_H
#define LUP_DOC_EXPORT_H

#include <stddef.h>

struct err;
struct store;

#define EXPORT_NAME_MAX 256	/* a file name's bytes at most, extension included */

/* What a writer needs besides the key (the row's need). */
enum {
	EXPORT_NEED_YEAR = 1,
	EXPORT_NEED_PERIOD = 2,
	EXPORT_NO_KEY = 4,	/* a city-wide table: no KEY; --year optional (0: every year) */
};

/* The export's arguments (checked by the caller). */
struct export_args {
	const char *key;	/* the plan, organisation, ... (key, name or alias as the kind reads it) */
	int year;		/* 0 when not given */
	const char *period;	/* T1, T2 or VB; NULL when not given */
	int version;		/* a plan's version number; 0: the newest adopted, else the newest */
	int comma;		/* CSV: the comma dialect (',', decimal point, no BOM) */
	const char *tpl;	/* documents: the DOCX template, NULL: docx_template_path */
};

/* A produced file: data (malloc'd, len bytes) and its name with extension. */
struct export_file {
	char *data;
	size_t len;
	char name[EXPORT_NAME_MAX];
};

/* A writer: fills f->data, f->len and the name's stem (export_name, no extension). Returns
 * LUP_OK or an error in e: LUP_ENOTFOUND (no such thing), LUP_EINVAL, LUP_EIO, LUP_EDB. */
typedef int (*export_fn)(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);

/* A format: its name (the CLI's FORMAT, the API's ?format=, the web path's ending), the HTTP
 * Content-Type, the file extension (with the dot) and the name people know it by (the menu). */
struct export_format {
	const char *name, *ctype, *ext, *label;
};

/* One export. slug is the Swedish stem of its web path (/plan/KEY/dokument.docx): rows of one
 * kind with the same slug are the same document in several formats. */
struct export_row {
	const char *format;
	const char *kind;
	export_fn fn;
	unsigned need;		/* EXPORT_NEED_* */
	const char *slug;
};

extern const struct export_row export_rows[];		/* terminated by a NULL format */
extern const struct export_format export_formats[];	/* terminated by a NULL name */

/* export_find: the row of format and kind, or NULL. */
const struct export_row *export_find(const char *format, const char *kind);

/* export_find_slug: the row of kind whose web name is "SLUG.FORMAT" (file), or NULL. */
const struct export_row *export_find_slug(const char *kind, const char *file);

/* export_format: the format named name, or NULL. */
const struct export_format *export_format(const char *name);

/*
 * export_run: runs row x's writer for a into *f (zeroed first) and ends the name with the
 * format's extension. On LUP_OK the caller frees with export_file_release; on failure *f holds
 * nothing. Errors as export_fn.
 */
int export_run(const struct export_row *x, struct store *st, const struct export_args *a, struct export_file *f,
	       struct err *e);

/* export_file_release: frees f's data; f is then empty. */
void export_file_release(struct export_file *f);

/* export_name: sets f's name stem from printf-style text: path separators, control characters
 * and quotes become '-' or are left out, so the name is safe as a file name on any system;
 * cut (at a UTF-8 boundary) to leave room for the extension. */
void export_name(struct export_file *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* export_xlsx_bytes: the n tables (doc/table.h) as one workbook titled title into f's data
 * (through a private temporary file in $TMPDIR, removed). Returns LUP_OK or LUP_EIO. */
struct table;
int export_xlsx_bytes(const struct table *const *t, int n, const char *title, struct export_file *f, struct err *e);

/* The writers, by family (each in its own file). */
int export_json_plan(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_docx_plan(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_pdf_plan(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_pdfa_plan(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
/* The verksamhetsplan of an organisation (KEY) and year, and a report of an organisation (KEY)
 * for a year and period (export-docs.c; doc/docx-vp.h). */
int export_docx_vp(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_pdf_vp(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_pdfa_vp(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_docx_report(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_pdf_report(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_pdfa_report(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
/* export_docx_vp_plan: the verksamhetsplan document of doc, a vp plan version (view/plan.h) */
struct json_t;
int export_docx_vp_plan(struct store *st, const struct json_t *doc, const struct export_args *a, struct export_file *f,
			struct err *e);
int export_xlsx_organisation(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_csv_organisation(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
/* A district's indicators against the city for a year (0: the newest with outcomes;
 * export-district.c, view/district.h). */
int export_xlsx_district(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_csv_district(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);

/* The city-wide tables (view/tables-city.h): one XLSX and one CSV writer per table. Not on the
 * web (no slug): the audit log is for administrators. */
#define EXPORT_CITY_DECL(name) \
	int export_xlsx_##name(struct store *st, const struct export_args *a, struct export_file *f, struct err *e); \
	int export_csv_##name(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
EXPORT_CITY_DECL(districts_themes)
EXPORT_CITY_DECL(orgs_districts)
EXPORT_CITY_DECL(activities)
EXPORT_CITY_DECL(commission)
EXPORT_CITY_DECL(allocations)
EXPORT_CITY_DECL(resources_need)
EXPORT_CITY_DECL(audit)
#undef EXPORT_CITY_DECL

/* The city overview of a year as a table (export-city.c; no KEY, --year optional: the newest
 * year with full-year outcomes per district) and the commission matrix as a document
 * (docx-commission.c; no KEY) with its PDF rows. */
int export_xlsx_city(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_csv_city(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
/* the commitment ledger of --year and --period (export-commitments.c; docs/commitments.md) */
int export_xlsx_commitments(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_csv_commitments(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_docx_commission(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_pdf_commission(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);
int export_pdfa_commission(struct store *st, const struct export_args *a, struct export_file *f, struct err *e);


#endif
