/* Open-addressing hash map from string keys to void* values, arena-backed.
 * Keys are not copied: they must outlive the map (arena strings do). */
#ifndef IG_STRMAP_H
#define IG_STRMAP_H
#include <stddef.h>
#include "util/arena.h"

typedef struct ig_strmap_slot { const char *key; size_t klen; void *value; } ig_strmap_slot;
typedef struct ig_strmap {
	ig_arena *arena;
	ig_strmap_slot *slots;
	size_t cap, count;
} ig_strmap;

void ig_strmap_init(ig_strmap *m, ig_arena *a);
void *ig_strmap_get(const ig_strmap *m, const char *key, size_t klen);
/* Insert or replace; returns the previous value or NULL. */
void *ig_strmap_put(ig_strmap *m, const char *key, size_t klen, void *value);
#endif
