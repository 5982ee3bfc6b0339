/* kinds.h: the entity kinds that `lup list` and `lup show` know, as data. */
#ifndef LUP_KINDS_H
#define LUP_KINDS_H

#include <stdio.h>

#include "store/stmt.h"

/* Filters a list may take; a kind's params say which ?N each fills. */
enum filter { F_END = 0, F_DISTRICT, F_ORG, F_YEAR, F_LEVEL, F_KIND };

#define KIND_MAX_RELS 8

struct kind_rel {
	const char *name;	/* JSON key of the relation */
	enum stmt stmt;		/* takes (id) */
};

struct kind {
	const char *name;		/* plural, as typed: "districts" */
	const char *singular;		/* "district" */
	enum stmt list;			/* the list statement */
	enum filter params[5];		/* filter per ?N of list, F_END-terminated */
	enum stmt show;			/* the show statement (id) */
	enum stmt by_key;		/* key -> id, or STMT__MAX when only ids work */
	const char *const *bools;	/* columns shown as booleans */
	struct kind_rel rels[KIND_MAX_RELS];
};

/* kind_find: the kind named by its plural or singular name, or NULL. */
const struct kind *kind_find(const char *name);

/* kind_names_print: prints the plural names, comma-separated (for messages). */
void kind_names_print(FILE *f);

#endif
