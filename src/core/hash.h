/* hash.h: FNV-1a, the string hash of the project's small open-addressing tables (importer caches,
 * the bulk writer's key index). Not for adversarial keys beyond what a table's cap on entries
 * bounds. */
#ifndef LUP_CORE_HASH_H
#define LUP_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* hash_fnv1a: the 32-bit FNV-1a hash of the n bytes at s. */
static inline uint32_t hash_fnv1a(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

#endif
