/* Plain files given on the command line (check, diff): a folder searched for
 * IaC files in a stable order, and one file read into a response with its
 * problems (too large, NUL bytes, invalid UTF-8) as findings. */
#include "cli/files.h"
#include "task/load.h"
#include "util/file.h"
#include "util/strutil.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Folders a project keeps generated or third-party code in. */
static bool files__skip_dir(const char *name)
{
	static const char *const skip[] = {"node_modules", "cdk.out", ".terraform", "__pycache__", "venv", "dist", NULL};
	if (name[0] == '.') return true;
	for (int i = 0; skip[i]; i++)
		if (strcmp(name, skip[i]) == 0) return true;
	return false;
}

/* Files worth checking: the languages tree-sitter parses for us. */
static bool files__wanted(const char *path)
{
	ig_lang l = ig_lang_from_path(path);
	return ig_lang_parsed(l) && !ig_ends_with(path, ".d.ts") && !ig_ends_with(path, "package-lock.json");
}

void ig_paths_push(ig_paths *l, const char *p)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->paths = ig_xrealloc(l->paths, l->cap * sizeof *l->paths);
	}
	l->paths[l->n++] = strdup(p);
	if (!l->paths[l->n - 1]) ig_die_oom();
}

static int files__cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Collect the files under dir in sorted order (deterministic output). */
int ig_paths_walk(ig_paths *out, const char *dir, int depth)
{
	if (depth > 32) return 0;
	DIR *d = opendir(dir);
	if (!d) return -1;
	ig_paths here = {0};
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
		char path[4096];
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path) continue;
		ig_paths_push(&here, path);
	}
	closedir(d);
	if (here.n) qsort(here.paths, here.n, sizeof *here.paths, files__cmp); /* an empty folder has no array */
	for (size_t i = 0; i < here.n; i++) {
		const char *p = here.paths[i], *base = strrchr(p, '/') + 1;
		if (ig_path_is_dir(p)) {
			if (!files__skip_dir(base)) ig_paths_walk(out, p, depth + 1);
		} else if (files__wanted(p)) {
			ig_paths_push(out, p);
		}
		free(here.paths[i]);
	}
	free(here.paths);
	return 0;
}

/* Read one file into the response as a file to check; problems become
 * findings (never fatal). Returns false when it cannot be read at all. */
bool ig_cli_load_file(ig_task *t, ig_response *r, const char *path)
{
	ig_text text;
	ig_read_status st = ig_file_read(&t->arena, path, IG_CODE_CAP, &text);
	if (st == IG_READ_MISSING || st == IG_READ_ERROR) return false;
	ig_file *f = IG_PUSH(&t->arena, r->files, r->n_files, r->cap_files);
	f->path = ig_arena_strdup(&t->arena, path);
	f->path_source = "path";
	f->lang = ig_lang_from_path(path);
	if (st == IG_READ_TOO_BIG) {
		f->skipped = true;
		f->text = "";
		ig_task_add_finding(t, IG_RULE_INPUT_FILE_TOO_LARGE, 0, IG_SEV_WARNING, r->name, path, 0, 0,
				    "%s is %zu bytes, over the %zu-byte cap: not checked", path, text.size_on_disk, IG_CODE_CAP);
		return true;
	}
	f->text = text.data;
	f->len = text.len;
	if (text.had_nul)
		ig_task_add_finding(t, IG_RULE_INPUT_NUL_BYTES, 0, IG_SEV_WARNING, r->name, path, (unsigned)text.first_bad_line, 0,
				    "%s holds NUL bytes (first on line %zu); replaced by spaces", path, text.first_bad_line);
	else if (text.bad_utf8)
		ig_task_add_finding(t, IG_RULE_INPUT_INVALID_UTF8, 0, IG_SEV_WARNING, r->name, path, (unsigned)text.first_bad_line, 0,
				    "%s is not valid UTF-8 (first bad byte on line %zu); replaced by '?'", path,
				    text.first_bad_line);
	return true;
}

