#include "util/arena.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ig_arena_chunk {
	ig_arena_chunk *next;
	size_t cap, used;
	_Alignas(16) unsigned char data[];
};

#define IG_CHUNK_MIN (64 * 1024)

void ig_die_oom(void)
{
	fputs("iacgrade: out of memory\n", stderr);
	abort();
}

void *ig_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) ig_die_oom();
	return p;
}

void *ig_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) ig_die_oom();
	return q;
}

void ig_arena_init(ig_arena *a) { a->head = NULL; a->used_total = 0; }

void ig_arena_free(ig_arena *a)
{
	ig_arena_chunk *c = a->head;
	while (c) {
		ig_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used_total = 0;
}

void *ig_arena_alloc(ig_arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	ig_arena_chunk *c = a->head;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > IG_CHUNK_MIN ? n : IG_CHUNK_MIN;
		if (c && cap < c->cap * 2 && c->cap < (16u << 20)) cap = c->cap * 2;
		c = ig_xmalloc(sizeof(*c) + cap);
		c->cap = cap;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += n;
	a->used_total += n;
	memset(p, 0, n);
	return p;
}

char *ig_arena_strndup(ig_arena *a, const char *s, size_t n)
{
	char *p = ig_arena_alloc(a, n + 1);
	if (n) memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *ig_arena_strdup(ig_arena *a, const char *s)
{
	return s ? ig_arena_strndup(a, s, strlen(s)) : NULL;
}

char *ig_arena_printf(ig_arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) n = 0;
	char *p = ig_arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

void *ig_arena_grow(ig_arena *a, void **items, size_t *len, size_t *cap, size_t elem)
{
	if (*len == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		void *n = ig_arena_alloc(a, ncap * elem);
		if (*len) memcpy(n, *items, *len * elem);
		*items = n;
		*cap = ncap;
	}
	void *slot = (unsigned char *)*items + (*len)++ * elem;
	memset(slot, 0, elem);
	return slot;
}
