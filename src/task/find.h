/* Finding task folders under roots. */
#ifndef IG_FIND_H
#define IG_FIND_H
#include <stddef.h>
#include "util/arena.h"

typedef struct ig_task_list {
	const char **dirs;
	size_t n, cap;
	const char **bad_roots;   /* roots that could not be read at all */
	size_t n_bad, cap_bad;
} ig_task_list;

/* Adds every task folder under root (root itself if it is one), sorted, not
 * following symlinks to folders and not descending into a task. */
void ig_task_find(ig_arena *a, const char *root, ig_task_list *out);
#endif
