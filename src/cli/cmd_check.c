/* iacgrade check PATH...: lint plain IaC files (not in a task) against the
 * knowledge base, like cfn-lint or checkov. */
#include "analyze/analyze.h"
#include "check/check.h"
#include "cli/cli.h"
#include "kb/kb.h"
#include "report/report.h"
#include "task/load.h"
#include "util/file.h"
#include "util/strutil.h"
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void check__help(FILE *out)
{
	fputs("usage: iacgrade check PATH... [--format text|json|sarif] [-o FILE] [--fail-on LEVEL]\n"
	      "                            [--select RULES] [--ignore RULES]\n"
	      "       iacgrade check --list-rules\n\n"
	      "Checks infrastructure-as-code files against the knowledge base built from AWS's own API data:\n"
	      "CloudFormation templates (JSON, YAML), Terraform HCL, and CDK, CDKTF and Pulumi programs in\n"
	      "TypeScript, JavaScript, Python, Go and Java. A folder is searched recursively for such files\n"
	      "(node_modules, cdk.out, .terraform and hidden folders are skipped). Each file's platform is\n"
	      "detected from its code; files of no known platform are listed and not judged.\n\n"
	      "It reports what the data contradicts: a resource type, property, argument, class, member or\n"
	      "enum value that does not exist (Category A: the code does not build or deploy, with the\n"
	      "closest real names as the fix), a deprecated API (Category B, with the data's message), a\n"
	      "value outside the allowed ones, a reference to nothing. Values the code computes are unknown,\n"
	      "never wrong. Every rule is documented in docs/rules.md.\n\n"
	      "options:\n"
	      "  --format F      text (default: path:line, the line itself, the fix), json (schema\n"
	      "                  \"iacgrade.check\", docs/json-schema.md) or sarif (SARIF 2.1.0, for code hosts)\n"
	      "  -o FILE         write the report to FILE instead of standard output\n"
	      "  --fail-on L     exit 1 when a finding of severity L or above is reported: error\n"
	      "                  (default), warning, info, or none (exit 0 whatever is found)\n"
	      "  --select RULES  report only these rules: ids or families, comma-separated\n"
	      "                  (--select cfn,cdk.unknown-prop); a family is the part before the dot\n"
	      "  --ignore RULES  leave these rules out (--ignore cdk.deprecated); after --select\n"
	      "  --list-rules    list every rule: id, category, severity, title\n"
	      "  --color         colour the text report (default: when standard output is a terminal)\n"
	      "  --no-color\n\n"
	      "exit codes: 0 no finding at the --fail-on level; 1 findings; 2 usage; 3 a path could not be\n"
	      "            read (the others are still checked and reported).\n\n"
	      "examples:\n"
	      "  iacgrade check examples/cfn-yaml-loggroup/lib/TapStack.yml\n"
	      "  iacgrade check examples/ --format sarif -o /tmp/iacgrade.sarif\n"
	      "  iacgrade check examples/tf-hcl-vpc/lib --fail-on warning\n"
	      "  iacgrade check examples/ --ignore cdk.deprecated,input\n", out);
}

/* Folders a project keeps generated or third-party code in. */
static bool check__skip_dir(const char *name)
{
	static const char *const skip[] = {"node_modules", "cdk.out", ".terraform", "__pycache__", "venv", "dist", NULL};
	if (name[0] == '.') return true;
	for (int i = 0; skip[i]; i++)
		if (strcmp(name, skip[i]) == 0) return true;
	return false;
}

/* Files worth checking: the languages tree-sitter parses for us. */
static bool check__wanted(const char *path)
{
	ig_lang l = ig_lang_from_path(path);
	return ig_lang_parsed(l) && !ig_ends_with(path, ".d.ts") && !ig_ends_with(path, "package-lock.json");
}

typedef struct {
	char **paths;
	size_t n, cap;
} path_list;

static void check__push(path_list *l, const char *p)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->paths = ig_xrealloc(l->paths, l->cap * sizeof *l->paths);
	}
	l->paths[l->n++] = strdup(p);
	if (!l->paths[l->n - 1]) ig_die_oom();
}

static int check__cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Collect the files under dir in sorted order (deterministic output). */
static int check__walk(path_list *out, const char *dir, int depth)
{
	if (depth > 32) return 0;
	DIR *d = opendir(dir);
	if (!d) return -1;
	path_list here = {0};
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
		char path[4096];
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path) continue;
		check__push(&here, path);
	}
	closedir(d);
	if (here.n) qsort(here.paths, here.n, sizeof *here.paths, check__cmp); /* an empty folder has no array */
	for (size_t i = 0; i < here.n; i++) {
		const char *p = here.paths[i], *base = strrchr(p, '/') + 1;
		if (ig_path_is_dir(p)) {
			if (!check__skip_dir(base)) check__walk(out, p, depth + 1);
		} else if (check__wanted(p)) {
			check__push(out, p);
		}
		free(here.paths[i]);
	}
	free(here.paths);
	return 0;
}

/* Read one file into the response as a file to check; problems become
 * findings (never fatal). Returns false when it cannot be read at all. */
static bool check__load(ig_task *t, ig_response *r, const char *path)
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

typedef struct {
	ig_finding f;
	size_t order;
} check_sorted;

static int check__by_place(const void *va, const void *vb)
{
	const check_sorted *a = va, *b = vb;
	int c = strcmp(a->f.file ? a->f.file : "", b->f.file ? b->f.file : "");
	if (c) return c;
	if (a->f.line != b->f.line) return a->f.line < b->f.line ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order; /* stable */
}

/* A linter's report reads top to bottom: findings by file, then line. */
static void check__sort(ig_task *t)
{
	if (t->n_findings < 2) return;
	check_sorted *tmp = ig_xmalloc(t->n_findings * sizeof *tmp);
	for (size_t i = 0; i < t->n_findings; i++) tmp[i] = (check_sorted){t->findings[i], i};
	qsort(tmp, t->n_findings, sizeof *tmp, check__by_place);
	for (size_t i = 0; i < t->n_findings; i++) t->findings[i] = tmp[i].f;
	free(tmp);
}

/* True when the comma-separated list names the rule or its family
 * ("cfn" and "cfn." are every cfn.* rule). */
static bool check__rule_in(const char *list, const char *rule)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		size_t m = n && p[n - 1] == '.' ? n - 1 : n;
		if (m && strncmp(rule, p, m) == 0 && (rule[m] == 0 || rule[m] == '.')) return true;
		p += n + (p[n] == ',');
	}
	return false;
}

/* Every item of a --select or --ignore list must name a registered rule or
 * family: a typo would otherwise silently select nothing. */
static bool check__rules_known(const char *opt, const char *list)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		char item[128];
		snprintf(item, sizeof item, "%.*s", (int)(n < sizeof item ? n : sizeof item - 1), p);
		bool known = false;
		for (unsigned i = 0; i < ig_rules_count && !known; i++) known = *item && check__rule_in(item, ig_rules[i].id);
		if (!known) {
			ig_cli_error("check", "%s '%s': no such rule or family (iacgrade check --list-rules)", opt, item);
			return false;
		}
		p += n + (p[n] == ',');
	}
	return true;
}

static void check__filter(ig_task *t, const char *select, const char *ignore)
{
	size_t kept = 0;
	for (size_t i = 0; i < t->n_findings; i++) {
		const char *rule = t->findings[i].rule;
		if (select && !check__rule_in(select, rule)) continue;
		if (ignore && check__rule_in(ignore, rule)) continue;
		t->findings[kept++] = t->findings[i];
	}
	t->n_findings = kept;
}

static void check__list_rules(void)
{
	for (unsigned i = 0; i < ig_rules_count; i++) {
		const ig_rule_info *r = &ig_rules[i];
		printf("%-34s %c  %-7s %s\n", r->id, r->category ? r->category : '-', r->severity, r->title);
	}
}

int ig_cmd_check(int argc, char **argv)
{
	const char *format = "text", *out_path = NULL, *select = NULL, *ignore = NULL;
	int fail_on = IG_SEV_ERROR;
	int color = -1;
	path_list inputs = {0};
	int rc = IG_EXIT_OK;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (ig_cli_is_help(a)) { check__help(stdout); goto done; }
		if (strcmp(a, "--format") == 0 || strcmp(a, "-f") == 0 || strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 ||
		    strcmp(a, "--fail-on") == 0) {
			if (++i >= argc) { ig_cli_error("check", "%s needs a value (see iacgrade check --help)", a); rc = IG_EXIT_USAGE; goto done; }
			if (a[1] == 'o' || strcmp(a, "--output") == 0) out_path = argv[i];
			else if (strcmp(a, "--fail-on") == 0) {
				if (ig_cli_fail_on_arg("check", argv[i], &fail_on) != 0) { rc = IG_EXIT_USAGE; goto done; }
			} else format = argv[i];
		} else if (strncmp(a, "--format=", 9) == 0) {
			format = a + 9;
		} else if (strcmp(a, "--select") == 0 || strcmp(a, "--ignore") == 0) {
			if (++i >= argc) { ig_cli_error("check", "%s needs rule ids or families (iacgrade check --list-rules)", a); rc = IG_EXIT_USAGE; goto done; }
			if (!check__rules_known(a, argv[i])) { rc = IG_EXIT_USAGE; goto done; }
			if (a[2] == 's') select = argv[i];
			else ignore = argv[i];
		} else if (strcmp(a, "--list-rules") == 0) {
			check__list_rules();
			goto done;
		} else if (strcmp(a, "--color") == 0) {
			color = 1;
		} else if (strcmp(a, "--no-color") == 0) {
			color = 0;
		} else if (a[0] == '-' && a[1]) {
			ig_cli_error("check", "unknown option '%s' (see iacgrade check --help)", a);
			rc = IG_EXIT_USAGE;
			goto done;
		} else {
			check__push(&inputs, a);
		}
	}
	if (!inputs.n) { check__help(stderr); rc = IG_EXIT_USAGE; goto done; }
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "sarif")) {
		ig_cli_error("check", "unknown format '%s': use text, json or sarif", format);
		rc = IG_EXIT_USAGE;
		goto done;
	}
	/* loaded once here so a missing table is said before any output */
	if (ig_kbset_default_error()) ig_cli_error("check", "%s", ig_kbset_default_error());

	path_list files = {0};
	for (size_t i = 0; i < inputs.n; i++) {
		char *path = inputs.paths[i];
		struct stat st;
		if (stat(path, &st) != 0) { /* said with the path as the user wrote it */
			ig_cli_error("check", "%s: %s", path, strerror(errno));
			rc = IG_EXIT_INPUT;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			size_t before = files.n, len = strlen(path);
			char shown[4096];
			snprintf(shown, sizeof shown, "%s", path);
			while (len > 1 && path[len - 1] == '/') path[--len] = 0; /* "lib/" -> "lib" for the paths below it */
			if (check__walk(&files, path, 0) != 0) {
				ig_cli_error("check", "%s: cannot read this folder: %s", shown, strerror(errno));
				rc = IG_EXIT_INPUT;
			} else if (files.n == before) {
				ig_cli_error("check", "%s: no infrastructure-as-code file found in this folder (looked for .json, .yaml, "
					     ".yml, .tf, .ts, .js, .py, .go and .java)", shown);
				rc = IG_EXIT_INPUT;
			}
		} else {
			check__push(&files, path); /* named explicitly: checked whatever its name */
		}
	}
	ig_task t;
	ig_task_init(&t);
	ig_response r = {.name = "file", .source = "check", .present = true};
	for (size_t i = 0; i < files.n; i++) {
		if (!check__load(&t, &r, files.paths[i])) {
			ig_cli_error("check", "%s: cannot read: %s", files.paths[i], strerror(errno));
			rc = IG_EXIT_INPUT;
		}
		free(files.paths[i]);
	}
	free(files.paths);
	for (size_t i = 0; i < r.n_files; i++) ig_analyze_file(&t, &r, &r.files[i], true);
	check__filter(&t, select, ignore);
	check__sort(&t);

	ig_buf b = {0};
	if (strcmp(format, "text") == 0) {
		bool use_color = color == 1 || (color < 0 && !out_path && isatty(1));
		ig_report_check_text(&b, &t, &r, use_color);
	} else {
		ig_jsonw w;
		ig_jsonw_init(&w, &b, true);
		if (strcmp(format, "json") == 0) ig_report_check_json(&w, &t, &r);
		else ig_report_check_sarif(&w, &t, &r, IG_VERSION);
		ig_buf_putc(&b, '\n');
	}
	bool failing = false;
	for (size_t i = 0; i < t.n_findings; i++) failing |= (int)t.findings[i].severity >= fail_on;
	if (failing && rc == IG_EXIT_OK) rc = IG_EXIT_FINDINGS;
	int wrote = ig_cli_emit("check", out_path, &b, false);
	if (wrote) rc = wrote;
	ig_buf_free(&b);
	ig_task_free(&t);
done:
	for (size_t i = 0; i < inputs.n; i++) free(inputs.paths[i]);
	free(inputs.paths);
	return rc;
}
