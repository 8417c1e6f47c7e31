/* Parallel for-each with in-order results: workers take items by index and
 * return a heap string; the calling thread hands the strings to `emit` in
 * item order, as soon as each is ready, so output is deterministic whatever
 * the thread count and memory stays bounded by the out-of-order window. */
#ifndef IG_POOL_H
#define IG_POOL_H
#include <stddef.h>

typedef char *(*ig_pool_work)(size_t index, void *ctx);         /* returns malloc'd text or NULL */
typedef void (*ig_pool_emit)(size_t index, char *result, void *ctx); /* takes ownership */

void ig_pool_run(size_t n_items, int n_threads, ig_pool_work work, ig_pool_emit emit, void *ctx);
#endif
