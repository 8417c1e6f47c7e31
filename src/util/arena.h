/* Arena allocator: one per task (and one for the knowledge base), freed at once.
 * Allocation never fails silently: on out-of-memory the process aborts with a
 * message, because every caller would otherwise need the same error path. */
#ifndef IG_ARENA_H
#define IG_ARENA_H
#include <stddef.h>

typedef struct ig_arena_chunk ig_arena_chunk;
typedef struct ig_arena {
	ig_arena_chunk *head;
	size_t used_total; /* bytes handed out, for memory figures */
} ig_arena;

void ig_arena_init(ig_arena *a);
void ig_arena_free(ig_arena *a);
void *ig_arena_alloc(ig_arena *a, size_t n);          /* zeroed, 16-byte aligned */
char *ig_arena_strndup(ig_arena *a, const char *s, size_t n);
char *ig_arena_strdup(ig_arena *a, const char *s);
char *ig_arena_printf(ig_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Grow an arena-backed array *items of *len elements to hold one more; returns
 * the new (zeroed) slot. The old block is abandoned to the arena. */
void *ig_arena_grow(ig_arena *a, void **items, size_t *len, size_t *cap, size_t elem);
#define IG_PUSH(arena, items, len, cap) \
	((__typeof__(*(items)) *)ig_arena_grow((arena), (void **)&(items), &(len), &(cap), sizeof(*(items))))

/* Abort with a message; used only for out-of-memory. */
void ig_die_oom(void) __attribute__((noreturn));
void *ig_xmalloc(size_t n);
void *ig_xrealloc(void *p, size_t n);
#endif
