/* audit.h: the one way every writer records an entry in the audit log.
 *
 * An entry holds the changed thing's own fields, never the things linked to it: a goal's entry
 * never holds its activities, indicators or sub-goals (each has its own entries). Own fields are
 * the thing's row and the lists of rows that are parts of it and are written through it (the
 * kind table's relations marked own: an indicator's targets and outcomes, an activity's
 * districts and partners, a report's assessments and recorded activity statuses). An update
 * holds only what changed: the fields whose values differ (with the id and key, to name the
 * thing), and of a list only the rows removed (before) and added (after); a changed row is the
 * old row removed and the new one added. An insert or delete holds the whole own fields.
 *
 * Size: an entry's growth per write is bounded by what the write changed, whatever the thing is
 * linked to. A list keeps at most AUDIT_ROWS_MAX rows per side ("rows_omitted" counts the rest);
 * a text that is not a JSON object (a name, from `lup user`) at most AUDIT_RAW_MAX bytes. The
 * own row's text fields are kept whole (they are the change): through the API an entry is at
 * most twice the thing's own fields as JSON, e.g. a goal ~2 x (500 + 20,000 + 20) bytes of name,
 * description and number (x6 in the worst case of control characters escaped as \u00XX).
 *
 * Every writer records through audit_write (STMT_AUDIT_INSERT is used only here), except the
 * plan importer's prune statements, which record each row they delete in SQL with its own
 * columns (a goal's expected result, a target, a budget line: one row per entry).
 */
#ifndef LUP_AUDIT_H
#define LUP_AUDIT_H

#include <stdint.h>

struct err;
struct store;

#define AUDIT_ROWS_MAX 100	/* rows of one list kept per side of an entry */
#define AUDIT_RAW_MAX 4096	/* bytes kept of a text that is not a JSON object */

/* One write to record. */
struct audit_rec {
	const char *at;			/* when, "2022-05-02T09:15:00Z"; NULL: now */
	int64_t user_id;		/* the acting user; 0: none (the command line) */
	const char *actor;		/* who, by name */
	const char *action;		/* insert, update, delete, load or migrate */
	const char *entity;		/* what: a kind's singular ("goal") or another name ("import") */
	int64_t entity_id;		/* its id; 0: none */
	const char *before, *after;	/* the thing as read before and after the write (JSON, may hold
					 * what is linked to it: it is cut here), NULL when none */
};

/*
 * audit_entry: what an entry of entity stores for the thing read as before and after (either
 * NULL): *b_out and *a_out (malloc'd, NULL when the side is NULL; the caller frees them), as the
 * header says. A text starting with '{' must be a JSON object. Returns LUP_OK, LUP_EINVAL (a
 * text that is not JSON) or LUP_ETOOBIG, with e set.
 */
int audit_entry(const char *entity, const char *before, const char *after, char **b_out, char **a_out,
		struct err *e);

/* audit_write: records rec (through audit_entry) in st's open transaction. Returns LUP_OK or the
 * error of audit_entry or the store. */
int audit_write(struct store *st, const struct audit_rec *rec, struct err *e);

#endif
