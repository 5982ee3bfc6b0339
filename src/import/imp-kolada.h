/* imp-kolada.h: the Kolada importer's streaming parser (JSON text -> records, no database) and
 * a small bounded string map that the kolada and csv importers use as lookup caches.
 *
 * The parser reads Kolada API v3 responses with yajl, chunk by chunk, and hands every object of
 * the response's "values" array to a sink as soon as the object is complete, so a file of a
 * million values is read in constant memory. Three kinds of response are told apart by their
 * objects: data values ({kpi, municipality, period, values: [{gender, value, count, status}]}),
 * KPI metadata ({id, title, is_divided_by_gender, operating_area, ...}) and municipality
 * metadata ({id, title, type}); one file holds one kind. Caps: nesting depth, the length of any
 * string or number token, of ids and titles, and the number of gender values per object.
 */
#ifndef LUP_IMP_KOLADA_H
#define LUP_IMP_KOLADA_H

#include <stddef.h>

#include "core/arena.h"
#include "import/import.h"

#define IMP_KOLADA_MAX_DEPTH 32		/* nesting of arrays and objects */
#define IMP_KOLADA_MAX_TOKEN 65536	/* bytes of one JSON string or number, as written */
#define IMP_KOLADA_MAX_ID 64		/* bytes of a KPI or municipality id, NUL included */
#define IMP_KOLADA_MAX_TITLE 1024	/* bytes of a title or operating area, NUL included */
#define IMP_KOLADA_MAX_TYPE 16		/* bytes of a municipality type, NUL included */
#define IMP_KOLADA_MAX_URL 512		/* bytes of next_url kept (longer ones are cut) */
#define IMP_KOLADA_MAX_GENDERS 8	/* gender values in one data object */

/* What a response holds (decided by its first object). */
enum imp_kolada_doc {
	IMP_KOLADA_EMPTY,	/* "values" is empty */
	IMP_KOLADA_DATA,	/* /v3/data/...: values per KPI, municipality, year and gender */
	IMP_KOLADA_KPIS,	/* /v3/kpi: KPI metadata */
	IMP_KOLADA_MUNIS,	/* /v3/municipality: municipality metadata */
};

/* One gender value of a data object. */
struct imp_kolada_value {
	char sex;		/* 'T', 'K' or 'M' */
	int missing;		/* 1 when the value was null */
	double value;		/* the value; 0 when missing */
};

/* One data object. Strings are valid until the sink returns. */
struct imp_kolada_data {
	const char *kpi;		/* KPI id as written ("N00945") */
	const char *municipality;	/* municipality id as written ("0180", "0000", "G..." ) */
	int year;			/* period: a year in 1900..2999 */
	int n;				/* gender values in v */
	struct imp_kolada_value v[IMP_KOLADA_MAX_GENDERS];
	int line;			/* line where the object starts */
};

/* One KPI metadata object. Strings are valid until the sink returns; optional ones may be "". */
struct imp_kolada_kpi {
	const char *id;			/* KPI id */
	const char *title;		/* its title (Swedish) */
	const char *operating_area;	/* "" when absent */
	int by_sex;			/* is_divided_by_gender */
	int line;
};

/* One municipality metadata object. */
struct imp_kolada_muni {
	const char *id;		/* "0180" */
	const char *title;	/* "Stockholm" */
	const char *type;	/* "K" (kommun), "L" (region), "" when absent */
	int line;
};

/* Where the records go. Each callback returns LUP_OK, or an error already set in the context's
 * err (which stops the parse). A NULL callback ignores that kind of record. */
struct imp_kolada_sink {
	void *ctx;
	int (*data)(void *ctx, const struct imp_kolada_data *d);
	int (*kpi)(void *ctx, const struct imp_kolada_kpi *k);
	int (*muni)(void *ctx, const struct imp_kolada_muni *m);
};

/* What the parse saw besides the records. */
struct imp_kolada_info {
	enum imp_kolada_doc doc;	/* the kind of response */
	long count;			/* the envelope's "count", -1 when absent or null */
	long objects;			/* objects in "values" */
	char next[IMP_KOLADA_MAX_URL];	/* next_url (or next_page) when not null, else "" */
	int lines;			/* lines in the file */
};

struct imp_kolada_parser;

/*
 * imp_kolada_open: a parser that reports records to sink and errors through c (c->e, c->path;
 * c->st is not used). Free it with imp_kolada_close. Never fails (allocation aborts on OOM).
 */
struct imp_kolada_parser *imp_kolada_open(struct imp_ctx *c, const struct imp_kolada_sink *sink);

/*
 * imp_kolada_feed: parses the next len bytes of the file (any split is fine; a UTF-8 BOM at
 * the very start is skipped). Returns LUP_OK, or LUP_EINVAL with c->e naming file:line and
 * what was expected (malformed JSON with its byte offset, wrong types, a cap passed), or the
 * sink's error. After an error the parser accepts nothing more.
 */
int imp_kolada_feed(struct imp_kolada_parser *p, const char *buf, size_t len);

/*
 * imp_kolada_finish: ends the input: a truncated or empty text, or one that is not a Kolada
 * response (no "values" array), is an error as for imp_kolada_feed. On LUP_OK fills *info.
 */
int imp_kolada_finish(struct imp_kolada_parser *p, struct imp_kolada_info *info);

/* imp_kolada_close: frees p (NULL is accepted). */
void imp_kolada_close(struct imp_kolada_parser *p);

/* imp_kolada_parse: open + feed(buf, len) + finish + close; for tests and fuzzing. */
int imp_kolada_parse(struct imp_ctx *c, const char *buf, size_t len,
		     const struct imp_kolada_sink *sink, struct imp_kolada_info *info);

/*
 * A string map of at most `max` entries with a zero-filled payload of a fixed size per entry,
 * in insertion order (for lookup caches that must not grow with the input). Keys are copied.
 */
struct imp_kolada_map {
	struct arena a;		/* keys, payloads and tables */
	unsigned *slot;		/* open addressing: entry index + 1, 0 = empty */
	size_t nslot;		/* a power of two >= 2 * max */
	char **key;		/* key[i] of entry i */
	void **val;		/* payload of entry i */
	size_t n, max, size;	/* entries, their cap, payload bytes */
};

/* imp_kolada_map_init: an empty map of at most max entries with payloads of size bytes. */
void imp_kolada_map_init(struct imp_kolada_map *m, size_t max, size_t size);

/*
 * imp_kolada_map_get: the payload of key (len bytes), inserting a zero-filled one when absent
 * (*created = 1, else 0; created may be NULL). Returns NULL when the key is absent and the map
 * is full.
 */
void *imp_kolada_map_get(struct imp_kolada_map *m, const char *key, size_t len, int *created);

/* imp_kolada_map_find: the payload of key (len bytes), or NULL when absent (nothing inserted). */
void *imp_kolada_map_find(const struct imp_kolada_map *m, const char *key, size_t len);

/* imp_kolada_map_release: frees everything; the map must be initialised again before use. */
void imp_kolada_map_release(struct imp_kolada_map *m);

#endif
