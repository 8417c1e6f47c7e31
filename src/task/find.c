#include "task/find.h"
#include "task/load.h"
#include "util/file.h"
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FIND_MAX_DEPTH 12

static int find__cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void find__walk(ig_arena *a, const char *dir, int depth, ig_task_list *out)
{
	if (ig_task_dir_looks_like_task(dir)) {
		*IG_PUSH(a, out->dirs, out->n, out->cap) = dir;
		return;
	}
	if (depth >= FIND_MAX_DEPTH) return;
	DIR *d = opendir(dir);
	if (!d) return;
	const char **subs = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "node_modules") == 0) continue;
		const char *full = ig_path_join(a, dir, e->d_name);
		struct stat st;
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) *IG_PUSH(a, subs, n, cap) = full;
	}
	closedir(d);
	if (n) qsort(subs, n, sizeof *subs, find__cmp);
	for (size_t i = 0; i < n; i++) find__walk(a, subs[i], depth + 1, out);
}

void ig_task_find(ig_arena *a, const char *root, ig_task_list *out)
{
	size_t len = strlen(root);
	while (len > 1 && root[len - 1] == '/') len--;
	const char *r = ig_arena_strndup(a, root, len);
	DIR *d = opendir(r);
	if (!d) {
		*IG_PUSH(a, out->bad_roots, out->n_bad, out->cap_bad) = r;
		return;
	}
	closedir(d);
	find__walk(a, r, 0, out);
}
