/* imp-kolada-map.c: a bounded string map in insertion order, used as lookup cache by the kolada
 * and csv importers (so that a million values cost a few thousand queries, not a million). */
#include "import/imp-kolada.h"
#include "core/hash.h"

#include <stdint.h>
#include <string.h>

void imp_kolada_map_init(struct imp_kolada_map *m, size_t max, size_t size)
{
	struct arena a = ARENA_INIT;

	memset(m, 0, sizeof(*m));
	m->a = a;
	m->max = max ? max : 1;
	m->size = size ? size : 1;
	m->nslot = 16;
	while (m->nslot < 2 * m->max)
		m->nslot *= 2;
}

/* lazily allocates the tables, so that an unused map costs nothing */
static void map_alloc(struct imp_kolada_map *m)
{
	m->slot = arena_alloc(&m->a, sizeof(*m->slot) * m->nslot);
	m->key = arena_alloc(&m->a, sizeof(*m->key) * m->max);
	m->val = arena_alloc(&m->a, sizeof(*m->val) * m->max);
}

void *imp_kolada_map_find(const struct imp_kolada_map *m, const char *key, size_t len)
{
	size_t mask = m->nslot - 1, i;

	if (!m->slot)
		return NULL;
	for (i = hash_fnv1a(key, len) & mask; m->slot[i]; i = (i + 1) & mask) {
		size_t e = m->slot[i] - 1;
		if (strncmp(m->key[e], key, len) == 0 && m->key[e][len] == '\0')
			return m->val[e];
	}
	return NULL;
}

void *imp_kolada_map_get(struct imp_kolada_map *m, const char *key, size_t len, int *created)
{
	size_t mask = m->nslot - 1, i;

	if (created)
		*created = 0;
	if (!m->slot)
		map_alloc(m);
	for (i = hash_fnv1a(key, len) & mask; m->slot[i]; i = (i + 1) & mask) {
		size_t e = m->slot[i] - 1;
		if (strncmp(m->key[e], key, len) == 0 && m->key[e][len] == '\0')
			return m->val[e];
	}
	if (m->n == m->max)
		return NULL;
	m->key[m->n] = arena_strndup(&m->a, key, len);
	m->val[m->n] = arena_alloc(&m->a, m->size);
	m->slot[i] = (unsigned)(m->n + 1);
	if (created)
		*created = 1;
	return m->val[m->n++];
}

void imp_kolada_map_release(struct imp_kolada_map *m)
{
	arena_release(&m->a);
	memset(m, 0, sizeof(*m));
}
