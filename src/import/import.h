/* import.h: the framework every importer uses (`lup import KIND FILE...`).
 *
 * An import is one transaction: the driver (imp_run) begins it, runs the kind's importer on
 * each file, and commits, or rolls back on any error or for --dry-run (so a dry run does every
 * write and reports exactly what would change, then keeps nothing). Importers write only through
 * imp_write (which counts changed rows and names file:line in errors) and report through
 * imp_count (the kind's JSON counts), imp_warn (warnings with a line) and imp_trace (the
 * dry-run account of what each line became).
 *
 * Scope. The CLI (`lup import`, the machine's operator) imports anything. An import run for a
 * web user who is not an administrator carries a scope (struct imp_scope): the web's own rule of
 * what that user may attach to (web/authz.h), which the importers ask at apply time, where each
 * row's reference is resolved (imp_scope_org, imp_scope_goal), before they write it. A reference
 * outside the scope fails the whole import (nothing is written) with an error naming file:line
 * and the field, and the same facts in imp_report.refused for the caller to word (a page in
 * Swedish). Only kinds marked `scoped` run with a scope; imp_run refuses the others.
 *
 * Parsing is kept apart from writing so that every parser can be fuzzed without a database:
 * an importer's parse function takes text (struct imp_text) and fills its own document
 * structure in the arena; its apply function writes that structure.
 */
#ifndef LUP_IMPORT_H
#define LUP_IMPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

#define IMP_MAX_KEYS 12			/* count keys per kind */
#define IMP_MAX_TEXT ((size_t)64 << 20)	/* larger text inputs are refused (LUP_ETOOBIG) */
#define IMP_MAX_LINE 65536		/* a longer line in a text input is refused */

struct imp_warning {
	const char *file;	/* the input file */
	int line;		/* 1-based, 0 when not tied to a line */
	const char *msg;
};

struct imp_trace_entry {
	int line;		/* first line of the thing */
	int last;		/* last line it took (>= line) */
	const char *what;	/* "namndmal", "indicator", "skipped: page header", ... */
	const char *detail;	/* its name or the text skipped (cut) */
};

/* The field of a reference a scoped import refused (English names: imp_field_name). */
enum imp_field {
	IMP_F_NONE,
	IMP_F_KIND,		/* the import's kind */
	IMP_F_ORG,		/* the organisation a document is for */
	IMP_F_PLAN,		/* the plan it writes */
	IMP_F_GOAL,		/* a goal it writes (a nämndmål) */
	IMP_F_COUNCIL_GOAL,	/* a council's (KF) goal it refers to */
	IMP_F_PARENT,		/* a goal's parent */
	IMP_F_INDICATOR,	/* an indicator (written, or the indicator of a CSV row) */
	IMP_F_IND_GOAL,		/* an indicator's goal */
	IMP_F_ACTIVITY,		/* an activity it writes */
	IMP_F_ACT_GOAL,		/* an activity's goal */
	IMP_F_DISTRICT,		/* the district whose LUP it writes */
	IMP_F__MAX
};

/* Why (imp_deny_text: English). */
enum imp_deny {
	IMP_DENY_NONE,
	IMP_DENY_OTHER_ORG,	/* it belongs to an organisation outside the scope */
	IMP_DENY_COUNCIL,	/* a council's goal the database lacks (only an administrator adds it) */
	IMP_DENY_NEW_ORG,	/* an organisation the database lacks (only an administrator adds it) */
	IMP_DENY_KIND,		/* the kind touches many organisations (administrators only) */
	IMP_DENY_OTHER_DISTRICT,	/* another district's LUP (its committee is outside the scope) */
};

/* The reference a scoped import refused (why IMP_DENY_NONE: none). In the run's arena. */
struct imp_refusal {
	enum imp_deny why;
	enum imp_field field;
	const char *file;	/* the file's name (without directories) */
	int line;		/* 1-based, 0 for the whole file */
	int col;		/* the CSV column, or 0 */
	const char *value;	/* the reference as the file gives it (cut) */
};

/* What an import did (or would do, for a dry run). Everything lives in the run's arena. */
struct imp_report {
	const char *kind;
	long counts[IMP_MAX_KEYS];	/* by the kind's key index */
	int changed;			/* database rows inserted or changed */
	int files;
	struct imp_warning *warn;
	int nwarn, capwarn;
	struct imp_trace_entry *trace;
	int ntrace, captrace;
	struct imp_refusal refused;	/* a scoped import's refusal (refused.why != IMP_DENY_NONE) */
};

/* What an import run for a web user may touch: the caller's rule (web/authz.h), asked with the
 * store of the run. Each answers 1 (allowed), 0 (not) or -1 (a store error in e). */
struct imp_scope {
	const void *ctx;	/* the caller's user */
	/* may it write things owned by organisation org (its own or its pair)? */
	int (*org)(const void *ctx, struct store *st, int64_t org, struct err *e);
	/* may it attach a new thing to goal (its own or its pair's, or a council's goal)? */
	int (*goal)(const void *ctx, struct store *st, int64_t goal, struct err *e);
};

/* One document to import: its bytes and the name messages and provenance give it (a file's
 * path, or an uploaded file's name). data NULL: read the file at name. */
struct imp_input {
	const char *name;
	const char *data;
	size_t len;
};

/* The state of one import, passed to the importer. */
struct imp_ctx {
	struct store *st;	/* NULL when parsing only (fuzzing, unit tests of a parser) */
	struct arena *a;	/* freed when the import ends */
	struct err *e;
	const char *path;	/* the document's name (a path, or an upload's name; for messages) */
	const char *data;	/* the document's bytes when given as a buffer, else NULL (read path) */
	size_t len;		/* their length */
	char sha256[65];	/* hex SHA-256 of the document's bytes once read ("" before) */
	size_t bytes;		/* their length once read */
	int64_t doc_id;		/* its source_doc row, once imp_prov made it (0 before) */
	const char *org;	/* --org: key, name or alias; NULL when not given */
	int year;		/* --year, or 0 */
	int dry_run;		/* --dry-run */
	int trace;		/* keep imp_trace entries (dry run, or asked for) */
	const struct imp_scope *scope;	/* NULL: unrestricted (see the top of this file) */
	const char *actor;	/* who imports (imp_opts.actor), for audit entries of the edit layer */
	int64_t user_id;	/* imp_opts.user_id */
	struct imp_report *r;
	const struct imp_kind *kind;
	double started;		/* monotonic seconds at start, for the progress line */
	int progress_shown;
	struct store_bulk *bulk;	/* imp_bulk's open bulk (NULL: none) */
	enum stmt bulk_stmt;		/* ... and its statement */
};

/* A text input split into lines: CRLF and CR become LF, a UTF-8 BOM is dropped, form feeds
 * (page breaks) are kept as lines of their own content. lines[i] is line i + 1, without its
 * end. Text must be valid UTF-8 (else LUP_EINVAL naming the line). */
struct imp_text {
	char *data;		/* the whole text, modified in place; owned by the arena */
	char **lines;
	int nlines;
};

/* An importer kind: its name, JSON count keys (NULL-terminated) and entry point. */
struct imp_kind {
	const char *name;
	const char *const *keys;
	int (*run)(struct imp_ctx *c);	/* imports c->path; returns LUP_OK or an error in c->e */
	const char *summary;		/* one line for help */
	int scoped;			/* checks every reference against imp_ctx.scope */
};

/* imp_kind_find: the kind called name, or NULL. */
const struct imp_kind *imp_kind_find(const char *name);

/* imp_kinds_print: the kind names, comma-separated, to f. */
void imp_kinds_print(FILE *f);

/* Options of a run. */
struct imp_opts {
	const char *org;
	int year;
	int dry_run;
	int trace;
	const char *actor;	/* who imports, for the audit log */
	int64_t user_id;	/* the importing user, for the audit log (0: none) */
	const struct imp_scope *scope;	/* see imp_ctx.scope; NULL: unrestricted */
};

/*
 * imp_run: imports files[0..nfiles-1] of kind k into st in one transaction (see the top of this
 * file). r receives the report; its memory is in a, which the caller releases. Returns LUP_OK,
 * or an error (nothing written) with e naming file:line.
 */
int imp_run(struct store *st, const struct imp_kind *k, const char *const *files, int nfiles,
	    const struct imp_opts *o, struct arena *a, struct imp_report *r, struct err *e);

/*
 * imp_run_inputs: the same for documents given as buffers or paths (struct imp_input): the web
 * and the API hand over the uploaded bytes with the upload's name, so nothing is written to a
 * temporary file and messages and provenance name the document as the user knows it.
 */
int imp_run_inputs(struct store *st, const struct imp_kind *k, const struct imp_input *in, int n,
		   const struct imp_opts *o, struct arena *a, struct imp_report *r, struct err *e);

/* imp_report_json: the report as the JSON object `lup import --json` prints (caller frees). */
char *imp_report_json(const struct imp_report *r, const struct imp_kind *k, int dry_run);

/* imp_count: adds n to the count at key index i of the kind. */
void imp_count(struct imp_ctx *c, int i, long n);

/* imp_warn: records a warning about line (0: the whole file). */
void imp_warn(struct imp_ctx *c, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* imp_trace: records what lines line..last became (only when c->trace). */
void imp_trace(struct imp_ctx *c, int line, int last, const char *what, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* imp_scope_org: LUP_OK when c has no scope or its scope may write things owned by org; else
 * fails the import (imp_refuse, IMP_DENY_OTHER_ORG) naming line, col (0: none), field and value. */
int imp_scope_org(struct imp_ctx *c, int line, int col, enum imp_field f, const char *value, int64_t org);

/* imp_scope_goal: the same for attaching a new thing to goal (a parent, an activity's goal). */
int imp_scope_goal(struct imp_ctx *c, int line, int col, enum imp_field f, const char *value, int64_t goal);

/* imp_refuse: records the refusal in c->r->refused and fails with LUP_EINVAL "path:line: column
 * col (field): 'value' <why>". */
int imp_refuse(struct imp_ctx *c, enum imp_deny why, int line, int col, enum imp_field f, const char *value);

/* imp_field_name, imp_deny_text: the English words of a refusal ("indicator", "belongs to ..."). */
const char *imp_field_name(enum imp_field f);
const char *imp_deny_text(enum imp_deny why);

/* imp_fail: sets c->e to LUP_EINVAL "path:line: message" and returns LUP_EINVAL. */
int imp_fail(struct imp_ctx *c, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* imp_write: runs write statement s; counts the rows it changed; an error gets "path:line: ". */
int imp_write(struct imp_ctx *c, int line, enum stmt s, const struct sval *args, int nargs);

/* imp_bulk: adds one row to a bulk of statement s (store.h store_bulk_*: STMT_*_BULK, nargs
 * values, the first nkeys its key), begun at the first row (a bulk of another statement open is
 * ended first). The rows are applied in batches: a read that must see them calls imp_bulk_flush
 * first. The driver ends the bulk after each document (imp_bulk_end) and counts its changed
 * rows. An error gets "path: import KIND: " before the statement's name. */
int imp_bulk(struct imp_ctx *c, enum stmt s, int nargs, int nkeys, const struct sval *args);

/* imp_bulk_flush: applies the rows of the open bulk now (none open: nothing). */
int imp_bulk_flush(struct imp_ctx *c);

/* imp_bulk_end: applies the open bulk's rows, counts its changed rows and closes it; on an
 * error (or with fail set) it is dropped. */
int imp_bulk_end(struct imp_ctx *c, int fail);

/* imp_id: runs lookup statement s (first column an id) into *id (0 when no row). */
int imp_id(struct imp_ctx *c, enum stmt s, const struct sval *args, int nargs, int64_t *id);

/* imp_org: resolves an organisation by key, name or alias (*id 0 when unknown). */
int imp_org(struct imp_ctx *c, const char *name, int64_t *id);

/*
 * imp_prov: records that the row id of table entity ("goal", "indicator", "activity", "measure",
 * "response", ... as 0019-provenance.sql lists) came from lines line..last (last < line: line)
 * of the document being imported; the document's row (name without directories, SHA-256, size,
 * who imported it) is made on first use. Call after the document was read (imp_read_text or
 * imp_open). A no-op when parsing only. Returns LUP_OK or a store error in c->e.
 */
int imp_prov(struct imp_ctx *c, const char *entity, int64_t id, int line, int last);

/* imp_doc_name: the document's name without directories. */
const char *imp_doc_name(const struct imp_ctx *c);

/*
 * imp_open: the document as a stream for imp_stream (the buffer, or the file at c->path, which
 * must be a regular file), with *total its size; the SHA-256 is computed as imp_stream reads it.
 * The caller fcloses it. Errors: LUP_EIO naming the document.
 */
int imp_open(struct imp_ctx *c, FILE **f, size_t *total);

/*
 * imp_read_text: reads the document (c->data, or the file c->path; at most IMP_MAX_TEXT bytes)
 * into t, in c->a, and notes its SHA-256 for imp_prov. Errors: LUP_EIO,
 * LUP_ETOOBIG, LUP_EINVAL (invalid UTF-8 or a NUL byte, naming the line).
 */
int imp_read_text(struct imp_ctx *c, struct imp_text *t);

/* imp_split_text: the same from a buffer (copied into a); for parsers under test or fuzzing. */
int imp_split_text(struct imp_ctx *c, const char *buf, size_t len, struct imp_text *t);

/* imp_stream: reads the open file f (of total bytes) in 256 KiB chunks and hands each to
 * feed(parser, data, n), keeping the progress line up to date. Returns LUP_OK, the first error
 * feed returns, or LUP_EIO for a read error. */
int imp_stream(struct imp_ctx *c, FILE *f, size_t total,
	       int (*feed)(void *parser, const char *data, size_t n), void *parser);

/* imp_progress: call now and then with bytes done of total; after one second it keeps a
 * "lup import: N %" line on standard error up to date. */
void imp_progress(struct imp_ctx *c, size_t done, size_t total);

/* The kinds (one file each in src/import/). */
extern const struct imp_kind imp_kind_plan, imp_kind_commission, imp_kind_lup, imp_kind_kolada,
	imp_kind_csv, imp_kind_json, imp_kind_allocations;

#endif
