#include "analyze/analyze.h"
#include "check/check.h"
#include "detect/detect.h"
#include "diff/diff.h"
#include "diff/tokens.h"
#include "model/model.h"
#include "req/req.h"
#include "review/categorise.h"
#include "task/load.h"
#include "syntax/imports.h"
#include "task/role.h"
#include "util/strmap.h"
#include "util/strutil.h"
#include <ctype.h>
#include <string.h>

/* Model code that does not parse did not build: that is a Category A defect.
 * In the ideal it is a warning about the ideal, not a fix. */
static void analyze__syntax_findings(ig_task *t, const ig_response *r, const ig_file *f)
{
	if (!f->parse.n_errors_total) return;
	const ig_parse_error *e = &f->parse.errors[0];
	/* the answer under review: a model turn, or a plain file given to `check` */
	bool model = r->turn > 0 || strcmp(r->name, "model") == 0 || strcmp(r->name, "file") == 0;
	unsigned md_line = f->md_line ? f->md_line + e->line - 1 : 0;
	const char *what = f->truncated ? " (the block is cut off: the answer was truncated)" : "";
	if (e->missing)
		ig_task_add_finding(t, IG_RULE_SYNTAX_ERROR, model ? 'A' : 0, model ? IG_SEV_ERROR : IG_SEV_WARNING, r->name,
				    f->path, e->line, md_line, "%s:%u:%u: syntax error, expected %s (%zu error%s in the file)%s",
				    f->path, e->line, e->col, e->what, f->parse.n_errors_total,
				    f->parse.n_errors_total == 1 ? "" : "s", what);
	else
		ig_task_add_finding(t, IG_RULE_SYNTAX_ERROR, model ? 'A' : 0, model ? IG_SEV_ERROR : IG_SEV_WARNING, r->name,
				    f->path, e->line, md_line, "%s:%u:%u: syntax error%s (%zu error%s in the file)%s", f->path,
				    e->line, e->col, e->at_end ? ": the code ends before its last construct is closed" : "",
				    f->parse.n_errors_total, f->parse.n_errors_total == 1 ? "" : "s", what);
}

typedef struct {
	unsigned line;
	size_t at; /* position when found: equal lines keep that order */
} analyze_place;

static int analyze__by_line(const void *x, const void *y)
{
	const analyze_place *a = x, *b = y;
	if (a->line != b->line) return a->line < b->line ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

/* A file's findings in line order: some checks report at the end of the file
 * (an import never written is known only then). */
static void analyze__sort_file_findings(ig_task *t, size_t from)
{
	size_t n = t->n_findings - from;
	if (n < 2) return;
	analyze_place *order = ig_arena_alloc(&t->arena, n * sizeof *order);
	ig_finding *copy = ig_arena_alloc(&t->arena, n * sizeof *copy);
	memcpy(copy, t->findings + from, n * sizeof *copy);
	for (size_t i = 0; i < n; i++) order[i] = (analyze_place){copy[i].line, i};
	qsort(order, n, sizeof *order, analyze__by_line);
	for (size_t i = 0; i < n; i++) t->findings[from + i] = copy[order[i].at];
}

/* An unnamed block of code (no heading or comment names its file): when it
 * imports jest, pytest, the CDK assertions..., it is a test, not the app. */
static bool analyze__unnamed_code(const ig_file *f)
{
	return f->role == IG_ROLE_IAC && f->path_source && strcmp(f->path_source, "none") == 0;
}

/* The checks of a file whose facts are out, then its tree freed (unless the
 * IaC model of the answers reads it after, ig_analyze_task) and its findings
 * (from `from` on) put in line order. */
static void analyze__check_and_release(ig_task *t, const ig_response *r, ig_file *f, bool check, size_t from)
{
	/* the checks are about the app: tests, project files and documents are
	 * parsed and detected only */
	check = check && ig_role_app_file(f);
	if (check && f->parse.tree) {
		ig_check_ctx c = {.task = t, .response = r->name, .file = f, .parse = &f->parse, .kb = ig_kbset_default()};
		ig_check_file(&c);
	}
	if (!t->keep_trees) ig_parse_release(&f->parse);
	analyze__sort_file_findings(t, from);
}

/* A test read for its imports only (ig_task.tests_imports_only): the model's
 * answer has no test to compare it with, and detection wants only which app
 * file it imports. Its head is parsed, not the whole file (a third of the
 * code the review read was such tests). A test block of a markdown answer is
 * read whole: a syntax error there is the answer's. */
static bool analyze__imports_only(const ig_task *t, const ig_file *f)
{
	return t->tests_imports_only && f->role == IG_ROLE_TEST && !f->md_source && ig_lang_parsed(f->lang);
}

static const char *analyze__base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* An earlier file of the task much like f, whose tree f's parse can start
 * from (syntax/edit.h): the same file name in IDEAL_RESPONSE.md or the
 * model's answer (the ideal is most often the model's answer corrected). */
static const ig_parse *analyze__similar(const ig_task *t, const ig_file *f)
{
	const char *base = analyze__base(f->path);
	const ig_response *rs[2] = {&t->ideal_md, &t->model};
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < rs[k]->n_files; i++) {
			const ig_file *g = &rs[k]->files[i];
			if (g != f && g->lang == f->lang && g->parse.tree && !g->imports_only && g->parse.src == g->text &&
			    strcmp(analyze__base(g->path), base) == 0)
				return &g->parse;
		}
	return NULL;
}

void ig_analyze_file(ig_task *t, const ig_response *r, ig_file *f, bool check)
{
	if (f->skipped) return;
	size_t from = t->n_findings;
	f->imports_only = analyze__imports_only(t, f);
	if (ig_lang_parsed(f->lang)) {
		size_t len = f->imports_only ? ig_imports_head_len(f->lang, f->text, f->len) : f->len;
		ig_syntax_parse_like(&f->parse, &t->arena, f->lang, f->text, len, f->imports_only ? NULL : analyze__similar(t, f));
		if (f->imports_only) f->parse.n_errors = f->parse.n_errors_total = 0; /* the head's cut is no error */
		else analyze__syntax_findings(t, r, f);
	}
	ig_detect_file(&t->arena, f);
	if (analyze__unnamed_code(f) && ig_role_imports_test(&f->imports)) f->role = IG_ROLE_TEST;
	if (!f->imports_only) f->tokens = ig_tokens_build(&t->arena, f);
	analyze__check_and_release(t, r, f, check, from);
}

/* Same folder and stem ("lib/TapStack.yml" and "lib/TapStack.json"). */
static bool analyze__same_stem(const char *a, const char *b)
{
	const char *da = strrchr(a, '.'), *db = strrchr(b, '.');
	size_t na = da ? (size_t)(da - a) : strlen(a), nb = db ? (size_t)(db - b) : strlen(b);
	return na == nb && strncmp(a, b, na) == 0;
}

/* A template kept twice in one response (TapStack.yml and the TapStack.json
 * converted from it for the tests) is one template: the primary is the one in
 * the documented answer's format (hint), else the YAML people write. Returns
 * the primary when f is the other one, NULL otherwise. */
static const ig_file *analyze__twin_primary(const ig_response *r, const ig_file *f, ig_lang hint)
{
	if (f->role != IG_ROLE_IAC || (f->lang != IG_LANG_JSON && f->lang != IG_LANG_YAML)) return NULL;
	ig_lang primary = hint == IG_LANG_JSON ? IG_LANG_JSON : IG_LANG_YAML;
	if (f->lang == primary) return NULL;
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *g = &r->files[i];
		if (g != f && g->role == IG_ROLE_IAC && g->lang == primary && analyze__same_stem(f->path, g->path)) return g;
	}
	return NULL;
}

/* A task often holds the same file several times (a model turn the ideal
 * kept, IDEAL_RESPONSE.md's copy of a lib/ file): a file takes the parse,
 * detection and token stream of an earlier file with the same bytes instead
 * of finding them again. A file to be checked needs that file's tree (the
 * checks walk it and their findings are this response's own); the tree is
 * immutable, so a copy is a reference. */
static bool analyze__reuse(ig_task *t, const ig_response *r, ig_file *f, bool check, ig_strmap *seen)
{
	if (f->skipped || !ig_lang_parsed(f->lang) || !f->len) return false;
	bool checked = check && ig_role_app_file(f);
	const ig_file *g = ig_strmap_get(seen, f->text, f->len);
	if (!g || g->lang != f->lang || (checked && !g->parse.tree) || g->imports_only != analyze__imports_only(t, f)) return false;
	size_t from = t->n_findings;
	f->parse = g->parse;
	f->parse.src = f->text;
	f->parse.tree = g->parse.tree && (checked || t->keep_trees) ? ts_tree_copy(g->parse.tree) : NULL;
	f->imports = g->imports;
	f->platform = g->platform;
	f->platform_lang = g->platform_lang;
	f->resources = g->resources;
	f->n_resources = f->cap_resources = g->n_resources; /* shared: a push would copy */
	f->tokens = g->tokens; /* read only: the diff's stream of the same bytes */
	f->imports_only = g->imports_only;
	if (analyze__unnamed_code(f) && (g->role == IG_ROLE_TEST || ig_role_imports_test(&f->imports))) f->role = IG_ROLE_TEST;
	analyze__syntax_findings(t, r, f);
	analyze__check_and_release(t, r, f, checked, from);
	return true;
}

static void analyze__one(ig_task *t, ig_response *r, ig_file *f, bool check, ig_strmap *seen)
{
	if (seen && analyze__reuse(t, r, f, check, seen)) return;
	ig_analyze_file(t, r, f, check);
	if (seen && !f->skipped && ig_lang_parsed(f->lang) && f->len && !ig_strmap_get(seen, f->text, f->len))
		ig_strmap_put(seen, f->text, f->len, f);
}

static void analyze__response(ig_task *t, ig_response *r, ig_lang hint, bool check, ig_strmap *seen)
{
	if (!r->present) return;
	/* twins after their primaries: a twin of a CloudFormation template is
	 * derived (detected, never checked: its findings would be the
	 * primary's again) */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < r->n_files; i++) {
			ig_file *f = &r->files[i];
			const ig_file *primary = analyze__twin_primary(r, f, hint);
			if ((primary != NULL) != (pass == 1)) continue;
			if (!primary || primary->platform != IG_PLAT_CFN) {
				analyze__one(t, r, f, check, seen);
				continue;
			}
			size_t from = t->n_findings;
			f->derived_from = primary->path;
			ig_analyze_file(t, r, f, check);
			t->n_findings = from; /* the twin's syntax findings are not the ideal's either */
			if (f->platform != IG_PLAT_CFN) { /* not a template after all: a file of its own */
				f->derived_from = NULL;
				ig_analyze_file(t, r, f, check);
			}
		}
	ig_detect_response(r, hint);
	ig_services_collect(&t->arena, r);
}

/* Compare with whitespace removed: formatting is not a disagreement. */
static bool analyze__same_code(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;
	for (;;) {
		while (i < an && isspace((unsigned char)a[i])) i++;
		while (j < bn && isspace((unsigned char)b[j])) j++;
		if (i == an || j == bn) return i == an && j == bn;
		if (a[i++] != b[j++]) return false;
	}
}


/* The ideal exists twice: lib/ (deployed) and IDEAL_RESPONSE.md (documented).
 * Say where they disagree, matching files by base name. */
static void analyze__compare_ideals(ig_task *t)
{
	const ig_response *lib = &t->ideal, *md = &t->ideal_md;
	if (strcmp(lib->source, "lib/") != 0 || !md->present) return;
	size_t differ = 0, only_lib = 0, reported = 0, app = 0;
	for (size_t i = 0; i < lib->n_files; i++) {
		const ig_file *lf = &lib->files[i];
		/* the deployed app: its tests, project files and converted twins are
		 * not expected in the documented answer */
		if ((lf->role != IG_ROLE_IAC && lf->role != IG_ROLE_ENTRY) || lf->derived_from) continue;
		app++;
		const ig_file *mf = NULL;
		for (size_t j = 0; j < md->n_files && !mf; j++)
			if (strcmp(analyze__base(md->files[j].path), analyze__base(lf->path)) == 0) mf = &md->files[j];
		if (!mf) { only_lib++; continue; }
		if (lf->skipped || analyze__same_code(lf->text, lf->len, mf->text, mf->len)) continue;
		/* compared as the model's answer is with the ideal: only real changes
		 * count (formatting, comments, order and spellings do not) */
		const ig_fix *first = NULL;
		size_t changes = 0;
		if (lf->tokens && mf->tokens) {
			ig_response one_md = *md, one_lib = *lib;
			one_md.files = (ig_file *)mf, one_md.n_files = 1;
			one_lib.files = (ig_file *)lf, one_lib.n_files = 1;
			ig_diff d = {0};
			ig_diff_responses(&t->arena, &one_md, &one_lib, &d);
			changes = d.n_fixes;
			for (size_t k = 0; k < d.n_fixes && !first; k++)
				if (d.fixes[k].ideal.file) first = &d.fixes[k];
			if (!changes) continue;
		}
		differ++;
		if (reported++ >= 10) continue;
		if (first) {
			const char *name = first->ideal_name ? first->ideal_name : first->model_name;
			ig_task_add_finding(t, IG_RULE_IDEAL_MD_DIFFERS, 0, IG_SEV_INFO, "ideal", lf->path, first->ideal.line,
					    mf->md_line, "%s differs from the block for %s in %s (line %u): %zu change%s, the first "
					    "at line %u (%s%s%s); lib/ is what was deployed and is used", lf->path, mf->path,
					    md->source, mf->md_line, changes, changes == 1 ? "" : "s", first->ideal.line,
					    ig_fix_kind_name(first->kind), name && *name ? " " : "", name && *name ? name : "");
		} else if (changes)
			ig_task_add_finding(t, IG_RULE_IDEAL_MD_DIFFERS, 0, IG_SEV_INFO, "ideal", lf->path, 0, mf->md_line,
					    "%s differs from the block for %s in %s (line %u): %zu change%s, code the block has and "
					    "lib/ has not; lib/ is what was deployed and is used", lf->path, mf->path, md->source,
					    mf->md_line, changes, changes == 1 ? "" : "s");
		else
			ig_task_add_finding(t, IG_RULE_IDEAL_MD_DIFFERS, 0, IG_SEV_INFO, "ideal", lf->path, 0, mf->md_line,
					    "%s differs from the block for %s in %s (line %u): lib/ is what was deployed and is used",
					    lf->path, mf->path, md->source, mf->md_line);
	}
	if (md->n_files == 0)
		ig_task_add_finding(t, IG_RULE_IDEAL_MD_NO_CODE, 0, IG_SEV_INFO, "ideal_md", md->source, 0, 0,
				    "%s has no code block; the code in lib/ is used as the ideal", md->source);
	else if (only_lib && differ + only_lib == app)
		ig_task_add_finding(t, IG_RULE_IDEAL_MD_DIFFERS, 0, IG_SEV_INFO, "ideal_md", md->source, 0, 0,
				    "none of the %zu code files of the app (lib/, bin/) matches a block of %s", app, md->source);
}

/* The trees the models read, freed once; the turns' copies of the model's
 * files point at the same trees and only forget them. */
static void analyze__release_trees(ig_task *t)
{
	for (size_t i = 0; i < t->model.n_files; i++) ig_parse_release(&t->model.files[i].parse);
	for (size_t i = 0; i < t->ideal.n_files; i++) ig_parse_release(&t->ideal.files[i].parse);
	for (size_t k = 0; k < t->n_turns; k++)
		for (size_t i = 0; i < t->turns[k].n_files; i++) t->turns[k].files[i].parse.tree = NULL;
	if (t->ideal_md.files != t->ideal.files)
		for (size_t i = 0; i < t->ideal_md.n_files; i++) ig_parse_release(&t->ideal_md.files[i].parse);
}

static bool analyze__has_tests(const ig_response *r)
{
	for (size_t i = 0; i < r->n_files; i++)
		if (r->files[i].role == IG_ROLE_TEST && r->files[i].tokens) return true;
	return false;
}

void ig_analyze_task(ig_task *t)
{
	/* The resolved model shares its files with the turns: analyse it, then
	 * copy the results back so each turn's listing shows them too. */
	ig_strmap seen;
	ig_strmap_init(&seen, &t->arena);
	/* the model and the ideal keep their trees until their IaC models are built */
	t->keep_trees = true;
	analyze__response(t, &t->model, IG_LANG_UNKNOWN, true, &seen);
	t->keep_trees = false;
	for (size_t k = 0; k < t->n_turns; k++) {
		ig_response *turn = &t->turns[k];
		for (size_t i = 0; i < turn->n_files; i++)
			for (size_t j = 0; j < t->model.n_files; j++)
				if (t->model.files[j].turn == turn->turn && strcmp(t->model.files[j].path, turn->files[i].path) == 0)
					turn->files[i] = t->model.files[j];
	}
	/* the ideal's tests are compared with the model's; with none to compare
	 * them with, their imports are all the review reads of them */
	t->tests_imports_only = !t->read_tests_whole && !analyze__has_tests(&t->model);
	/* the documented ideal first: its language breaks ties among lib/ files */
	bool from_lib = strcmp(t->ideal.source, "lib/") == 0;
	/* IDEAL_RESPONSE.md beside lib/ is documentation: the lib/ code is checked */
	/* its trees kept too: lib/ files of the same bytes are checked on them */
	t->keep_trees = true;
	if (from_lib) analyze__response(t, &t->ideal_md, IG_LANG_UNKNOWN, false, &seen);
	analyze__response(t, &t->ideal, from_lib ? t->ideal_md.lang : IG_LANG_UNKNOWN, true, &seen);
	t->keep_trees = false;
	t->tests_imports_only = false;
	if (!from_lib) t->ideal_md = t->ideal, t->ideal_md.name = "ideal_md";
	analyze__compare_ideals(t);
	if (t->model.present && t->model.truncated)
		ig_task_add_finding(t, IG_RULE_MD_UNCLOSED_FENCE, 'A', IG_SEV_ERROR, "model", t->model.source, 0, 0,
				    "%s ends inside an unclosed code block: the answer was cut off", t->model.source);
	t->platform = t->ideal.platform != IG_PLAT_UNKNOWN ? t->ideal.platform : t->model.platform;
	t->lang = t->ideal.platform != IG_PLAT_UNKNOWN ? t->ideal.lang : t->model.lang;
	ig_req_task(t);
	t->diff = ig_arena_alloc(&t->arena, sizeof *t->diff);
	ig_diff_responses(&t->arena, &t->model, &t->ideal, t->diff);
	/* the IaC model of each answer: property details of code resources' fixes, the ideal's edges */
	ig_model *mm = t->model.present ? ig_model_build_response(&t->model) : NULL;
	ig_model *mi = t->ideal.present ? ig_model_build_response(&t->ideal) : NULL;
	ig_diff_model_details(&t->arena, t->diff, &t->model, &t->ideal, mm, mi);
	ig_diff_model_equivalent(t->diff, mm, mi);
	/* the checks that read a whole response's model (their findings come
	 * after the files'), before the review links findings to fixes */
	ig_check_model_required(t, &t->model, mm);
	ig_check_model_required(t, &t->ideal, mi);
	ig_review_categorise(t);
	ig_review_score(t, mi);
	if (mm) ig_model_free(mm);
	if (mi) ig_model_free(mi);
	analyze__release_trees(t);
}
