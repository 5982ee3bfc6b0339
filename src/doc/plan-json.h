/* plan-json.h: the plan interchange document as a JSON file (docs/plan-json.md): writing one
 * and reading + validating one. The document itself is built by view/plan.c and written to the
 * store by edit/plan-version.c. */
#ifndef LUP_DOC_PLAN_JSON_H
#define LUP_DOC_PLAN_JSON_H

#include <stdio.h>
#include <jansson.h>

struct err;

#define PLAN_JSON_MAX ((size_t)16 << 20)	/* larger documents are refused (LUP_ETOOBIG) */
#define PLAN_JSON_PROBLEMS_MAX 50		/* problems kept per document; the rest are counted */

/* The problems found in a document: "POINTER: message" strings, in document order. */
struct doc_problems {
	json_t *list;		/* array of strings (owned; doc_problems_free) */
	int omitted;		/* problems beyond PLAN_JSON_PROBLEMS_MAX */
	int version;		/* the format_version of the document checked (set by plan_json_parse) */
};

/* doc_problem: records a problem at the JSON pointer ptr (printf-formatted message). */
void doc_problem(struct doc_problems *p, const char *ptr, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* doc_problems_count: how many problems were recorded (kept and omitted). */
int doc_problems_count(const struct doc_problems *p);

/* doc_problems_fail: when p holds problems, sets e to LUP_EINVAL with one "NAME: POINTER:
 * message" line per problem, as many as e holds ("(and N more)" last), and returns LUP_EINVAL;
 * else LUP_OK. */
int doc_problems_fail(const struct doc_problems *p, const char *name, struct err *e);

/* doc_problems_print: writes every problem as "NAME: POINTER: message" lines to f. */
void doc_problems_print(const struct doc_problems *p, const char *name, FILE *f);

void doc_problems_free(struct doc_problems *p);

/* plan_json_dump: the document as text: keys in the document's order, 2-space indent, UTF-8
 * (not escaped), a final newline. Returns a malloc'd string (caller frees) or NULL (no memory). */
char *plan_json_dump(const json_t *doc);

/*
 * plan_json_parse: reads the document in buf[0..len) (name: for messages) into *doc (a new
 * reference) and validates its structure against docs/schema/lup-plan.schema.json plus what
 * the schema cannot say (unique ids, references inside the document, a target's value and
 * mode, dates). Every problem is recorded in p (with its JSON pointer). Returns LUP_OK, or
 * LUP_ETOOBIG (over PLAN_JSON_MAX) / LUP_EINVAL (not JSON, or problems: see p), with e set and
 * *doc NULL.
 */
int plan_json_parse(const char *buf, size_t len, const char *name, json_t **doc,
		    struct doc_problems *p, struct err *e);

#endif
