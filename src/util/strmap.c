#include "util/strmap.h"
#include "util/strutil.h"
#include <string.h>

void ig_strmap_init(ig_strmap *m, ig_arena *a)
{
	memset(m, 0, sizeof(*m));
	m->arena = a;
}

static ig_strmap_slot *strmap__find(const ig_strmap *m, const char *key, size_t klen)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)ig_hash(key, klen) & mask;; i = (i + 1) & mask) {
		ig_strmap_slot *s = &m->slots[i];
		if (!s->key || (s->klen == klen && memcmp(s->key, key, klen) == 0)) return s;
	}
}

void *ig_strmap_get(const ig_strmap *m, const char *key, size_t klen)
{
	if (!m->cap) return NULL;
	ig_strmap_slot *s = strmap__find(m, key, klen);
	return s->key ? s->value : NULL;
}

void *ig_strmap_put(ig_strmap *m, const char *key, size_t klen, void *value)
{
	if ((m->count + 1) * 4 >= m->cap * 3) {
		ig_strmap old = *m;
		m->cap = old.cap ? old.cap * 2 : 64;
		m->slots = ig_arena_alloc(m->arena, m->cap * sizeof(*m->slots));
		m->count = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i].key) {
				*strmap__find(m, old.slots[i].key, old.slots[i].klen) = old.slots[i];
				m->count++;
			}
	}
	ig_strmap_slot *s = strmap__find(m, key, klen);
	void *prev = s->key ? s->value : NULL;
	if (!s->key) { s->key = key; s->klen = klen; m->count++; }
	s->value = value;
	return prev;
}
