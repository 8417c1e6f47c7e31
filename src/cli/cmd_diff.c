/* iacgrade diff A [B]: the semantic IaC diff: what changed between two
 * answers, by resource, function and template section, with formatting,
 * comments, import order, reordering, quoting and renames set apart. */
#include "analyze/analyze.h"
#include "cli/cli.h"
#include "cli/files.h"
#include "cli/review.h"
#include "detect/detect.h"
#include "diff/diff.h"
#include "model/model.h"
#include "report/report.h"
#include "task/load.h"
#include "util/file.h"
#include "util/strutil.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void diff__help(FILE *out)
{
	fputs("usage: iacgrade diff TASK [--format text|json] [-o FILE]\n"
	      "       iacgrade diff A B [--a model|ideal|ideal_md] [--b model|ideal|ideal_md] [--format text|json]\n\n"
	      "Compares two answers by meaning, not by text: each resource, function, class and template\n"
	      "section is matched with its counterpart (by name, then by content when renamed), and what\n"
	      "changed inside it is one fix, located on both sides (file line, and the markdown line when the\n"
	      "code came from an answer's code block). Comments, whitespace, quote style, semicolons, trailing\n"
	      "commas, import order, the order of resources and template keys, YAML block or flow style,\n"
	      "short or long intrinsic functions (!Ref X, {\"Ref\": \"X\"}) and a local name renamed everywhere\n"
	      "are not changes; every changed line is either part of a fix or counted under the reason it is\n"
	      "not one (docs/diff.md).\n\n"
	      "With one TASK folder: its model answer (the last turn) against its ideal, as `iacgrade task`\n"
	      "reports them. With two paths, each is a task folder, a markdown answer (its code blocks), a\n"
	      "code file, or a folder of code files. A task folder stands for its model answer as A and for\n"
	      "its ideal as B, unless --a or --b says otherwise.\n\n"
	      "options:\n"
	      "  --format F   text (default: each fix with its before and after code) or json (schema\n"
	      "               \"iacgrade.diff\", docs/json-schema.md, docs/schema/diff.schema.json)\n"
	      "  --a R, --b R which response of a task folder: model, ideal (lib/ code, else\n"
	      "               IDEAL_RESPONSE.md) or ideal_md (IDEAL_RESPONSE.md)\n"
	      "  -o FILE      write the report to FILE instead of standard output\n\n"
	      "exit codes: 0 no fix (the same by meaning); 1 fixes; 2 usage; 3 a path cannot be read.\n\n"
	      "examples:\n"
	      "  iacgrade diff examples/cdk-ts-logs\n"
	      "  iacgrade diff examples/cdk-ts-logs/lib/MODEL_RESPONSE.md examples/cdk-ts-logs/lib\n"
	      "  iacgrade diff examples/cdk-ts-logs examples/cdk-ts-logs --a ideal --b ideal_md\n", out);
}

/* One side: its own task (arena, findings) and the response compared. */
typedef struct {
	ig_task t;
	ig_response plain;      /* files or a markdown answer given directly */
	const ig_response *r;
} diff_side;

static const ig_response *diff__pick(const ig_task *t, const char *which)
{
	if (strcmp(which, "model") == 0) return &t->model;
	if (strcmp(which, "ideal_md") == 0) return &t->ideal_md;
	return &t->ideal;
}

static int diff__load(diff_side *s, const char *path, const char *which)
{
	ig_task_init(&s->t);
	struct stat st;
	if (stat(path, &st) != 0) {
		ig_cli_error("diff", "%s: %s", path, strerror(errno));
		return IG_EXIT_INPUT;
	}
	if (S_ISDIR(st.st_mode) && ig_task_dir_looks_like_task(path)) {
		const char *err = NULL;
		ig_task_free(&s->t);
		if (ig_cli_review_tests_whole(&s->t, path, &err, true) != 0) {
			ig_cli_error("diff", "%s: %s", path, err);
			return IG_EXIT_INPUT;
		}
		s->r = diff__pick(&s->t, which);
		if (!s->r->present) {
			ig_cli_error("diff", "%s: the task has no %s answer", path, which);
			return IG_EXIT_INPUT;
		}
		return IG_EXIT_OK;
	}
	ig_response *r = &s->plain;
	*r = (ig_response){.name = "file", .source = ig_arena_strdup(&s->t.arena, path), .present = true};
	if (!S_ISDIR(st.st_mode) && ig_ends_with(path, ".md")) {
		ig_text text;
		if (ig_file_read(&s->t.arena, path, IG_MD_CAP, &text) != IG_READ_OK) {
			ig_cli_error("diff", "%s: cannot read (or over %zu MB)", path, IG_MD_CAP >> 20);
			return IG_EXIT_INPUT;
		}
		r->name = "answer";
		ig_task_md_response(&s->t, r, text.data, text.len);
	} else {
		ig_paths files = {0};
		if (S_ISDIR(st.st_mode)) {
			char dir[4096];
			snprintf(dir, sizeof dir, "%s", path);
			size_t len = strlen(dir);
			while (len > 1 && dir[len - 1] == '/') dir[--len] = 0;
			ig_paths_walk(&files, dir, 0);
			if (!files.n) {
				ig_cli_error("diff", "%s: no infrastructure-as-code file found in this folder", path);
				free(files.paths);
				return IG_EXIT_INPUT;
			}
		} else {
			ig_paths_push(&files, path);
		}
		for (size_t i = 0; i < files.n; i++) {
			if (!ig_cli_load_file(&s->t, r, files.paths[i]))
				ig_cli_error("diff", "%s: cannot read: %s", files.paths[i], strerror(errno));
			free(files.paths[i]);
		}
		free(files.paths);
		/* folders compare by the path below them: a/lib/x.ts pairs with b/lib/x.ts */
		size_t skip = S_ISDIR(st.st_mode) ? strlen(path) : 0;
		for (size_t i = 0; i < r->n_files && skip; i++) {
			const char *p = r->files[i].path + (strlen(r->files[i].path) > skip ? skip : 0);
			while (*p == '/') p++;
			r->files[i].path = p;
		}
	}
	for (size_t i = 0; i < r->n_files; i++) ig_analyze_file(&s->t, r, &r->files[i], false);
	ig_detect_response(r, IG_LANG_UNKNOWN);
	s->r = r;
	return IG_EXIT_OK;
}

static bool diff__which_ok(const char *w)
{
	return strcmp(w, "model") == 0 || strcmp(w, "ideal") == 0 || strcmp(w, "ideal_md") == 0;
}

int ig_cmd_diff(int argc, char **argv)
{
	const char *paths[2] = {NULL, NULL}, *which[2] = {NULL, NULL}, *format = "text", *out_path = NULL;
	int n_paths = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (ig_cli_is_help(a)) { diff__help(stdout); return IG_EXIT_OK; }
		int took = ig_cli_format_arg("diff", argc, argv, &i, &format, "text or json");
		if (took < 0) return IG_EXIT_USAGE;
		if (took) continue;
		if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 || strcmp(a, "--a") == 0 || strcmp(a, "--b") == 0) {
			if (++i >= argc) { ig_cli_error("diff", "%s needs a value (see iacgrade diff --help)", a); return IG_EXIT_USAGE; }
			if (a[1] == 'o' || a[2] == 'o') out_path = argv[i];
			else {
				if (!diff__which_ok(argv[i])) {
					ig_cli_error("diff", "%s %s: use model, ideal or ideal_md", a, argv[i]);
					return IG_EXIT_USAGE;
				}
				which[a[2] == 'b'] = argv[i];
			}
		} else if (a[0] == '-' && a[1]) {
			ig_cli_error("diff", "unknown option '%s' (see iacgrade diff --help)", a);
			return IG_EXIT_USAGE;
		} else if (n_paths == 2) {
			ig_cli_error("diff", "two paths at most: A and B");
			return IG_EXIT_USAGE;
		} else {
			paths[n_paths++] = a;
		}
	}
	if (!n_paths) { diff__help(stderr); return IG_EXIT_USAGE; }
	if (strcmp(format, "text") && strcmp(format, "json")) {
		ig_cli_error("diff", "unknown format '%s': use text or json", format);
		return IG_EXIT_USAGE;
	}
	if (n_paths == 1) paths[1] = paths[0];
	static diff_side sides[2];
	int rc = IG_EXIT_OK;
	for (int k = 0; k < 2 && rc == IG_EXIT_OK; k++)
		rc = diff__load(&sides[k], paths[k], which[k] ? which[k] : k ? "ideal" : "model");
	if (rc != IG_EXIT_OK) {
		for (int k = 0; k < 2; k++) ig_task_free(&sides[k].t);
		return rc;
	}
	ig_diff d;
	ig_diff_responses(&sides[0].t.arena, sides[0].r, sides[1].r, &d);
	ig_model *mm = ig_model_build_response(sides[0].r), *mi = ig_model_build_response(sides[1].r);
	ig_diff_model_details(&sides[0].t.arena, &d, sides[0].r, sides[1].r, mm, mi);
	ig_diff_model_equivalent(&d, mm, mi);
	ig_model_free(mm);
	ig_model_free(mi);
	ig_buf b = {0};
	if (strcmp(format, "json") == 0) {
		ig_jsonw w;
		ig_jsonw_init(&w, &b, true);
		ig_jsonw_obj(&w);
		ig_jsonw_kstr(&w, "schema", "iacgrade.diff");
		ig_jsonw_kint(&w, "version", 1);
		ig_jsonw_kstr(&w, "a", paths[0]);
		ig_jsonw_kstr(&w, "b", paths[1]);
		ig_report_diff_json(&w, &d);
		ig_jsonw_obj_end(&w);
		ig_buf_putc(&b, '\n');
	} else {
		ig_buf_printf_text(&b, "--- %s (%s)\n+++ %s (%s)\n", paths[0], sides[0].r->source, paths[1], sides[1].r->source);
		ig_report_diff_text(&b, &d);
	}
	rc = d.n_fixes ? IG_EXIT_FINDINGS : IG_EXIT_OK;
	int wrote = ig_cli_emit("diff", out_path, &b, false);
	if (wrote) rc = wrote;
	ig_buf_free(&b);
	for (int k = 0; k < 2; k++) ig_task_free(&sides[k].t);
	return rc;
}
