/* collate.h: Swedish order of strings in C, the same as COLLATE sv on both backends (ICU's
 * sv_SE collator: SQLite registers it, PostgreSQL's migration 0001 creates it), for lists that
 * a loader sorts itself rather than the database. */
#ifndef LUP_CORE_COLLATE_H
#define LUP_CORE_COLLATE_H

/* collate_ranks: rank[i] receives the place of s[i] among the n strings s (UTF-8) in Swedish
 * order, from 0; strings that compare equal get the same place, as SQL's rank() gives them. A
 * NULL sorts before every string. Cheap when few strings are distinct (only the distinct strings
 * are compared through ICU). Returns 0, or -1 when ICU fails (no collator). */
int collate_ranks(const char *const *s, int n, int *rank);

#endif
