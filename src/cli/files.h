#ifndef IG_CLI_FILES_H
#define IG_CLI_FILES_H
#include <stdbool.h>
#include <stddef.h>
#include "task/types.h"

typedef struct {
	char **paths;
	size_t n, cap;
} ig_paths;

/* Append a copy of p. */
void ig_paths_push(ig_paths *l, const char *p);
/* Collect the IaC files under dir (the languages tree-sitter parses; generated
 * and hidden folders skipped) in sorted order. -1 when dir cannot be read. */
int ig_paths_walk(ig_paths *out, const char *dir, int depth);
/* Read one file into r; problems become findings of t (never fatal). False
 * when it cannot be read at all. */
bool ig_cli_load_file(ig_task *t, ig_response *r, const char *path);
#endif
