#include "task/load.h"
#include "md/md.h"
#include "task/metadata.h"
#include "task/role.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/strutil.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define LOAD_MAX_TURNS 9
#define LOAD_MAX_LIB_FILES 400
#define LOAD_MAX_DEPTH 6

void ig_task_init(ig_task *t)
{
	memset(t, 0, sizeof(*t));
	ig_arena_init(&t->arena);
}

void ig_task_free(ig_task *t)
{
	ig_arena_free(&t->arena);
	memset(t, 0, sizeof(*t));
}

/* The folder holding PROMPT.md and friends: lib/ in the usual layout, the task
 * folder itself otherwise. */
const char *ig_task_docs_dir(ig_arena *a, const char *dir)
{
	char *lib = ig_path_join(a, dir, "lib");
	if (ig_path_is_dir(lib)) return lib;
	return dir;
}

bool ig_task_dir_looks_like_task(const char *dir)
{
	ig_arena a;
	ig_arena_init(&a);
	bool yes = ig_path_is_file(ig_path_join(&a, dir, "metadata.json")) ||
		   ig_path_is_file(ig_path_join(&a, dir, "lib/metadata.json"));
	if (!yes) {
		const char *docs = ig_task_docs_dir(&a, dir);
		static const char *const names[] = {"MODEL_RESPONSE.md", "IDEAL_RESPONSE.md", "PROMPT.md"};
		for (size_t i = 0; i < 3 && !yes; i++) yes = ig_path_is_file(ig_path_join(&a, docs, names[i]));
	}
	ig_arena_free(&a);
	return yes;
}

/* Read a markdown document of the task; reports problems. NULL when absent. */
static const char *load__md(ig_task *t, const char *docs, const char *name, const char *rel, size_t *len)
{
	ig_text txt;
	ig_read_status st = ig_file_read(&t->arena, ig_path_join(&t->arena, docs, name), IG_MD_CAP, &txt);
	if (st == IG_READ_MISSING) return NULL;
	if (st != IG_READ_OK) {
		ig_task_add_finding(t, st == IG_READ_TOO_BIG ? IG_RULE_INPUT_FILE_TOO_LARGE : IG_RULE_INPUT_UNREADABLE, 0,
				    IG_SEV_ERROR, NULL, rel, 0, 0, "%s: %s (%zu bytes)", rel, ig_read_status_str(st), txt.size_on_disk);
		return NULL;
	}
	if (txt.had_nul || txt.bad_utf8)
		ig_task_add_finding(t, txt.had_nul ? IG_RULE_INPUT_NUL_BYTES : IG_RULE_INPUT_INVALID_UTF8, 0, IG_SEV_WARNING, NULL, rel,
				    (unsigned)txt.first_bad_line, 0, "%s: %s from line %zu on (replaced; the rest is read)", rel,
				    txt.had_nul ? "NUL bytes" : "invalid UTF-8", txt.first_bad_line);
	if (txt.len == 0)
		ig_task_add_finding(t, IG_RULE_INPUT_EMPTY_FILE, 0, IG_SEV_WARNING, NULL, rel, 0, 0, "%s is empty", rel);
	*len = txt.len;
	return txt.data;
}

static ig_file *load__find(ig_response *r, const char *path)
{
	for (size_t i = 0; i < r->n_files; i++)
		if (strcmp(r->files[i].path, path) == 0) return &r->files[i];
	return NULL;
}

typedef struct {
	ig_task *t;
	ig_response *r;
} load_repeat;

static void load__repeat(void *vctx, const ig_md_file *kept, const ig_md_block *again, bool kept_earlier)
{
	load_repeat *c = vctx;
	ig_task_add_finding(c->t, IG_RULE_MD_DUPLICATE_FILE, 0, IG_SEV_INFO, c->r->name, kept->path, 0, again->md_line,
			    "%s: %s is given again at line %u (first at line %u); the %s is used", c->r->source, kept->path,
			    again->fence_line, kept->block->md_line, kept_earlier ? "earlier complete block" : "later block");
}

/* Files of one markdown response (md/'s ig_md_files: the last complete block
 * of a path wins, each repeat reported). */
void ig_task_md_response(ig_task *t, ig_response *r, const char *md, size_t len)
{
	ig_md_doc doc;
	ig_md_extract(&t->arena, md, len, &doc);
	r->present = true;
	r->truncated = doc.truncated;
	r->has_reasoning = doc.has_reasoning;
	load_repeat c = {t, r};
	ig_md_file *mf;
	size_t n = ig_md_files(&t->arena, &doc, &mf, load__repeat, &c);
	for (size_t i = 0; i < n; i++) {
		const ig_md_block *b = mf[i].block;
		ig_file *f = IG_PUSH(&t->arena, r->files, r->n_files, r->cap_files);
		memset(f, 0, sizeof(*f));
		f->path = mf[i].path;
		f->path_source = b->path ? b->path_source : "none";
		f->lang = mf[i].lang;
		f->text = b->code;
		f->len = b->code_len;
		f->md_line = b->md_line;
		f->md_source = r->source;
		f->turn = r->turn;
		f->truncated = !b->closed;
		f->role = ig_role_of_path(b->path ? f->path : NULL, f->lang);
	}
}

static bool load__skip_dir(const char *name)
{
	static const char *const skip[] = {"node_modules", ".git", "cdk.out", "__pycache__", ".terraform",
					   "dist", "build", "target", "cdktf.out", ".venv", "venv", ".gen", "imports"};
	for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
		if (strcmp(name, skip[i]) == 0) return true;
	return name[0] == '.';
}

static int load__cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Read one code file of the task folder into the ideal response: "lib" for
 * lib/'s files, "task" for the app's entry points, project files and tests
 * beside it. */
static void load__lib_file(ig_task *t, ig_response *r, const char *full, const char *rel, const char *source)
{
	ig_lang lang = ig_lang_from_path(rel);
	if (!ig_lang_parsed(lang) && lang != IG_LANG_DOCKERFILE && lang != IG_LANG_SHELL) return;
	if (r->n_files >= LOAD_MAX_LIB_FILES) return;
	ig_text txt;
	ig_read_status st = ig_file_read(&t->arena, full, IG_CODE_CAP, &txt);
	ig_file *f = IG_PUSH(&t->arena, r->files, r->n_files, r->cap_files);
	f->path = rel;
	f->path_source = source;
	f->lang = lang;
	f->role = ig_role_of_path(rel, lang);
	if (st != IG_READ_OK) {
		f->skipped = true;
		f->text = "";
		ig_task_add_finding(t, st == IG_READ_TOO_BIG ? IG_RULE_INPUT_FILE_TOO_LARGE : IG_RULE_INPUT_UNREADABLE, 0,
				    IG_SEV_WARNING, r->name, rel, 0, 0, "%s: %s (%zu bytes); not analysed", rel,
				    ig_read_status_str(st), txt.size_on_disk);
		return;
	}
	if (txt.had_nul || txt.bad_utf8)
		ig_task_add_finding(t, txt.had_nul ? IG_RULE_INPUT_NUL_BYTES : IG_RULE_INPUT_INVALID_UTF8, 0, IG_SEV_WARNING, r->name, rel,
				    (unsigned)txt.first_bad_line, 0, "%s: %s from line %zu on (replaced; the rest is read)", rel,
				    txt.had_nul ? "NUL bytes" : "invalid UTF-8", txt.first_bad_line);
	f->text = txt.data;
	f->len = txt.len;
}

/* Walk lib/ in name order (deterministic output), not following symlinks to
 * folders (a link loop must not hang the walk). */
static void load__lib_walk(ig_task *t, ig_response *r, const char *dir, const char *rel, int depth, const char *source)
{
	if (depth > LOAD_MAX_DEPTH) return;
	DIR *d = opendir(dir);
	if (!d) return;
	const char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
		*IG_PUSH(&t->arena, names, n, cap) = ig_arena_strdup(&t->arena, e->d_name);
	}
	closedir(d);
	if (n) qsort(names, n, sizeof *names, load__cmp_str);
	for (size_t i = 0; i < n; i++) {
		const char *full = ig_path_join(&t->arena, dir, names[i]);
		const char *sub = ig_path_join(&t->arena, rel, names[i]);
		struct stat st;
		if (lstat(full, &st) != 0) continue;
		if (S_ISDIR(st.st_mode)) {
			if (!load__skip_dir(names[i])) load__lib_walk(t, r, full, sub, depth + 1, source);
		} else if (S_ISREG(st.st_mode)) {
			/* documents, and metadata.json where a task keeps it in lib/ */
			if (ig_ends_with(names[i], ".md") || strcmp(names[i], "metadata.json") == 0) continue;
			load__lib_file(t, r, full, sub, source);
		}
	}
}

/* The app beside lib/, as the source repository lays it out: bin/ (the entry
 * that creates the stack with its region, account and props), tap.py /
 * tap.go at the root, the project files (cdk.json, cdktf.json, Pulumi.yaml)
 * and the tests (test/, tests/). Other root files (package.json, lock files)
 * say nothing the code does not. */
static void load__task_files(ig_task *t, ig_response *r)
{
	static const char *const dirs[] = {"bin", "test", "tests"};
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		const char *full = ig_path_join(&t->arena, t->dir, dirs[i]);
		struct stat st;
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) load__lib_walk(t, r, full, dirs[i], 1, "task");
	}
	DIR *d = opendir(t->dir);
	if (!d) return;
	const char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (ig_role_is_project_name(e->d_name) || ig_role_is_root_entry(e->d_name))
			*IG_PUSH(&t->arena, names, n, cap) = ig_arena_strdup(&t->arena, e->d_name);
	closedir(d);
	if (n) qsort(names, n, sizeof *names, load__cmp_str);
	for (size_t i = 0; i < n; i++) {
		const char *full = ig_path_join(&t->arena, t->dir, names[i]);
		struct stat st;
		if (lstat(full, &st) == 0 && S_ISREG(st.st_mode)) load__lib_file(t, r, full, names[i], "task");
	}
}

/* Turn n's files are turn n-1's with turn n's files replacing them. */
static void load__resolve_model(ig_task *t)
{
	ig_response *m = &t->model;
	const ig_response *last = &t->turns[t->n_turns - 1];
	*m = *last;
	m->name = "model";
	m->files = NULL;
	m->n_files = m->cap_files = 0;
	for (size_t k = 0; k < t->n_turns; k++) {
		const ig_response *turn = &t->turns[k];
		for (size_t i = 0; i < turn->n_files; i++) {
			ig_file *f = load__find(m, turn->files[i].path);
			if (!f) f = IG_PUSH(&t->arena, m->files, m->n_files, m->cap_files);
			*f = turn->files[i];
		}
	}
}

static void load__turns(ig_task *t, const char *docs)
{
	t->turns = ig_arena_alloc(&t->arena, LOAD_MAX_TURNS * sizeof(*t->turns));
	for (int k = 1; k <= LOAD_MAX_TURNS; k++) {
		char name[32];
		if (k == 1) snprintf(name, sizeof name, "MODEL_RESPONSE.md");
		else snprintf(name, sizeof name, "MODEL_RESPONSE%d.md", k);
		const char *rel = ig_arena_printf(&t->arena, "%s%s", docs == t->dir ? "" : "lib/", name);
		size_t len = 0;
		const char *md = load__md(t, docs, name, rel, &len);
		if (!md) {
			if (k == 1) continue; /* MODEL_RESPONSE2.md without a first one still counts */
			break;
		}
		ig_response *r = &t->turns[t->n_turns++];
		r->name = ig_arena_printf(&t->arena, "model_turn%d", k);
		r->source = rel;
		r->turn = k;
		ig_task_md_response(t, r, md, len);
	}
	if (t->n_turns) load__resolve_model(t);
	else ig_task_add_finding(t, IG_RULE_INPUT_MISSING_FILE, 0, IG_SEV_ERROR, NULL, "lib/MODEL_RESPONSE.md", 0, 0,
				 "no MODEL_RESPONSE.md: there is no model answer to review");
}

static void load__prompt(ig_task *t, const char *docs)
{
	ig_buf all = {0};
	for (int k = 1; k <= LOAD_MAX_TURNS; k++) {
		char name[32];
		if (k == 1) snprintf(name, sizeof name, "PROMPT.md");
		else snprintf(name, sizeof name, "PROMPT%d.md", k);
		size_t len = 0;
		const char *md = load__md(t, docs, name, ig_arena_printf(&t->arena, "lib/%s", name), &len);
		if (!md) { if (k > 1) break; continue; }
		ig_prompt *pr = IG_PUSH(&t->arena, t->prompts, t->n_prompts, t->cap_prompts);
		*pr = (ig_prompt){ig_arena_printf(&t->arena, "lib/%s", name), md, len};
		if (all.len) ig_buf_puts(&all, "\n\n");
		ig_buf_put(&all, md, len);
	}
	if (all.len) t->prompt = ig_arena_strndup(&t->arena, all.data, all.len);
	ig_buf_free(&all);
}

/* lib/ and bin/ hold the deployed app when they hold code: tests and
 * project files alone are no ideal (IDEAL_RESPONSE.md is then used). */
static bool load__has_ideal_code(const ig_response *r)
{
	for (size_t i = 0; i < r->n_files; i++)
		if (r->files[i].role == IG_ROLE_IAC || r->files[i].role == IG_ROLE_ENTRY) return true;
	return false;
}

int ig_task_load(ig_task *t, const char *dir, const char **err)
{
	if (!ig_path_is_dir(dir)) {
		*err = ig_path_is_file(dir) ? "is a file, not a task folder" : "no such folder";
		return -1;
	}
	t->dir = ig_arena_strdup(&t->arena, dir);
	/* a few tasks keep metadata.json in lib/ instead of the root */
	t->meta.path = "metadata.json";
	if (!ig_path_is_file(ig_path_join(&t->arena, dir, "metadata.json")) &&
	    ig_path_is_file(ig_path_join(&t->arena, dir, "lib/metadata.json")))
		t->meta.path = "lib/metadata.json";
	ig_metadata_load(t, ig_path_join(&t->arena, dir, t->meta.path));
	const char *docs = ig_task_docs_dir(&t->arena, t->dir);
	if (docs == t->dir && ig_path_is_file(ig_path_join(&t->arena, dir, "lib")))
		ig_task_add_finding(t, IG_RULE_INPUT_UNREADABLE, 0, IG_SEV_ERROR, NULL, "lib", 0, 0, "lib is a file, not a folder");
	load__prompt(t, docs);
	load__turns(t, docs);

	ig_response *md = &t->ideal_md;
	md->name = "ideal_md";
	md->source = docs == t->dir ? "IDEAL_RESPONSE.md" : "lib/IDEAL_RESPONSE.md";
	size_t len = 0;
	const char *ideal_text = load__md(t, docs, "IDEAL_RESPONSE.md", md->source, &len);
	if (ideal_text) ig_task_md_response(t, md, ideal_text, len);

	ig_response lib = {.name = "ideal", .source = "lib/"};
	if (docs != t->dir) load__lib_walk(t, &lib, docs, "lib", 0, "lib");
	load__task_files(t, &lib);
	if (load__has_ideal_code(&lib)) {
		lib.present = true;
		t->ideal = lib;
	} else {
		t->ideal = *md;
		t->ideal.name = "ideal";
		if (!md->present)
			ig_task_add_finding(t, IG_RULE_INPUT_MISSING_FILE, 0, IG_SEV_ERROR, NULL, md->source, 0, 0,
					    "no ideal response: neither code in lib/ nor IDEAL_RESPONSE.md");
		else if (md->n_files == 0)
			ig_task_add_finding(t, IG_RULE_IDEAL_NO_CODE, 0, IG_SEV_WARNING, "ideal", md->source, 0, 0,
					    "IDEAL_RESPONSE.md has no code block and lib/ has no code");
	}
	return 0;
}
