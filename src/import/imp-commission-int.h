/* imp-commission-int.h: what the files of the 'commission' importer's parser share:
 * imp-commission-parse.c reads the lines (passes 1 and 2), imp-commission-doc.c keeps the
 * document's tables, imp-commission-resolve.c resolves citations and stances (pass 3).
 * Not for other modules: the public interface is imp-commission.h. */
#ifndef LUP_IMP_COMMISSION_INT_H
#define LUP_IMP_COMMISSION_INT_H

#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "import/imp-commission.h"

/* grow: arr with room for n + 1 elements of size (a new copy when full). */
static inline void *grow(struct arena *a, void *arr, int n, int *cap, size_t size)
{
	void *na;
	int ncap;

	if (n < *cap)
		return arr;
	ncap = *cap ? *cap * 2 : 8;
	na = arena_alloc(a, size * (size_t)ncap);
	if (n)
		memcpy(na, arr, size * (size_t)n);
	*cap = ncap;
	return na;
}
#define GROW(a, arr, n, cap) ((arr) = grow((a), (arr), (n), &(cap), sizeof(*(arr))))

/* A map of 64-bit keys to indices (open addressing; keys are >= 0). */
struct cm_map {
	int64_t *key;	/* -1: empty slot */
	int *val;
	size_t cap, n;
};

/* A logical line: a line of the file, trimmed, with page footers removed. */
struct lline {
	char *s;	/* trimmed text, "" when blank */
	int no;		/* line number in the file */
};

/* A piece of running text (outside measure headings) and the measures it cites. */
struct seg {
	int admin, line, last, para;
	int at_end;		/* the document ends in it */
	const char *text;
	struct cm_cite *cite;
	int *ctx;		/* the report in context at each citation, or -1 */
	int ncite;
};

struct parser {
	struct imp_ctx *c;
	struct cm_doc *d;
	struct lline *ln;
	int n;
	int pass;		/* 1 or 2 (see imp-commission-parse.c) */
	enum cm_grp grp;	/* the current group heading */
	int admin;		/* the current administration, or -1 */
	int ctx;		/* the report in context, or -1 */
	int ctx_heading;	/* ctx was set by a report heading of this administration */
	/* the open group of measure headings, its responses and parts */
	int *blk;
	int nblk, capblk, blk_open, blk_text;
	struct cm_part *bpart;
	int nbpart, capbpart;
	struct buf part;
	const char *part_label;
	int part_line, part_last, part_open, part_brk;
	int last_kind;		/* the kind (enum lk) of the last logical line that is not blank */
	int last_no;		/* its logical line index */
	/* the open paragraph of running text */
	struct buf para;
	struct pline { size_t off; int no; } *pl;	/* where each line of it starts */
	int npl, cappl, para_id;
	int blank;		/* a blank line came after the last line of text */
	struct seg *seg;
	int nseg, capseg;
	struct cm_map recmap;	/* (report, number) -> recommendation */
	struct cm_map fammap;	/* (report, depth, first number) -> 1: the report has such measures */
};

/* imp_commission_map_init: an empty map with room for cap keys (cap a power of two). */
void imp_commission_map_init(struct arena *a, struct cm_map *m, size_t cap);

/* imp_commission_map_get: the value of key k (>= 0), or -1. */
int imp_commission_map_get(const struct cm_map *m, int64_t k);

/* imp_commission_map_put: sets the value of key k (>= 0); the map grows in the arena. */
void imp_commission_map_put(struct arena *a, struct cm_map *m, int64_t k, int v);

/* imp_commission_measure_key: the map key of (report, measure or recommendation number). */
int64_t imp_commission_measure_key(int report, const char *num);

/* imp_commission_family_key: the map key of (report, depth and first component of num). */
int64_t imp_commission_family_key(int report, const char *num);

/*
 * imp_commission_report_known: the index in p->d of known report `known` (its index among
 * the reports lup knows), added when new; -1 when the document has CM_MAX_REPORTS already.
 */
int imp_commission_report_known(struct parser *p, int known, int line);

/*
 * imp_commission_report_add: the report a heading names: a known one, or one keyed by the
 * slug of title (added with a warning when new). -1 when there are too many or title has no
 * letter.
 */
int imp_commission_report_add(struct parser *p, int known, const char *title, int line);

/* imp_commission_alias_add: records a spelling of report r (once; at most 200). */
void imp_commission_alias_add(struct parser *p, int r, const char *alias);

/* imp_commission_admin_report: the current administration names report r (pass 2 only). */
void imp_commission_admin_report(struct parser *p, int r);

/* imp_commission_measure_find: the index of measure (report, num), or -1. */
int imp_commission_measure_find(struct parser *p, int report, const char *num);

/*
 * imp_commission_measure_get: *out = the index of measure (report, num), added when new; a
 * title of higher rank replaces a lower one. Returns LUP_OK, or LUP_EINVAL (too many).
 */
int imp_commission_measure_get(struct parser *p, int report, const char *num, const char *title,
			       int rank, int line, int *out);

/* imp_commission_response_get: *out = the response of admin to measure, added when new.
 * Returns LUP_OK, or LUP_EINVAL (too many). */
int imp_commission_response_get(struct parser *p, int admin, int measure, int line, int *out);

/* imp_commission_part_push: appends a copy of part to response r. LUP_EINVAL when too many. */
int imp_commission_part_push(struct parser *p, int r, const struct cm_part *part);

/* imp_commission_ref_add: response r cites measure m (not its own; once; at most CM_MAX_REFS). */
void imp_commission_ref_add(struct parser *p, int r, int m);

/*
 * imp_commission_resolve: pass 3: resolves the citations, turns the segments of running text
 * into responses or statements, orders parts, links measures to recommendations, classifies
 * stances and warns about empty administrations. Returns LUP_OK or an error in p->c->e.
 */
int imp_commission_resolve(struct parser *p);

#endif
