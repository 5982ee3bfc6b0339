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

/* collate_quick: the Swedish order of two different texts a (na bytes) and b (nb bytes, neither
 * needing a NUL) where their primary weights decide it, as collate_ranks finds it without ICU:
 * -1 or 1 when the first characters that differ are both ones its table knows (their order is
 * then the same at every strength, so for sv and sv_ci alike); 0 when ICU must decide (a
 * character it does not know, the same primaries to the end, or a text of 256 bytes or more). */
int collate_quick(const char *a, int na, const char *b, int nb);

#endif
