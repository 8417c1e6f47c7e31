/* iacgrade check PATH...: lint plain IaC files (not in a task) against the
 * knowledge base, like cfn-lint or checkov. */
#include "analyze/analyze.h"
#include "check/check.h"
#include "model/model.h"
#include "cli/cli.h"
#include "cli/files.h"
#include "kb/kb.h"
#include "report/report.h"
#include "task/load.h"
#include "util/file.h"
#include "util/strutil.h"
#include <errno.h>
#include <sys/stat.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check__help(FILE *out)
{
	fputs("usage: iacgrade check PATH... [--format text|json|sarif|junit] [-o FILE] [--fail-on LEVEL]\n"
	      "                            [--select RULES] [--ignore RULES] [--color|--no-color]\n"
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
	      "                  \"iacgrade.check\", docs/json-schema.md, docs/schema/check.schema.json), sarif\n"
	      "                  (SARIF 2.1.0, for code hosts) or junit (JUnit XML for CI: a testsuite per\n"
	      "                  file, a testcase per finding, an error finding a failure)\n"
	      "  -o FILE         write the report to FILE instead of standard output\n"
	      "  --fail-on L     exit 1 when a finding of severity L or above is reported: error\n"
	      "                  (default), warning, info, or none (exit 0 whatever is found)\n"
	      "  --select RULES  report only these rules: ids or families, comma-separated\n"
	      "                  (--select cfn,cdk.unknown-prop); a family is the part before the dot\n"
	      "  --ignore RULES  leave these rules out (--ignore cdk.deprecated); after --select\n"
	      "  --list-rules    list every rule: id, category, severity, title\n"
	      "  --color         colour the text report (default: when standard output is a terminal and\n"
	      "  --no-color      NO_COLOR is unset or empty, https://no-color.org)\n\n"
	      "exit codes: 0 no finding at the --fail-on level; 1 findings; 2 usage; 3 a path could not be\n"
	      "            read (the others are still checked and reported).\n\n"
	      "examples:\n"
	      "  iacgrade check examples/cfn-yaml-loggroup/lib/TapStack.yml\n"
	      "  iacgrade check examples/ --format sarif -o /tmp/iacgrade.sarif\n"
	      "  iacgrade check examples/ --format json -o /tmp/iacgrade-check.json\n"
	      "  iacgrade check tests/fixtures/check --format junit -o /tmp/iacgrade-check.xml --fail-on none\n"
	      "  iacgrade check examples/tf-hcl-vpc/lib --fail-on warning\n"
	      "  iacgrade check examples/ --ignore cdk.deprecated,input\n", out);
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
	ig_paths inputs = {0};
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
			ig_paths_push(&inputs, a);
		}
	}
	if (!inputs.n) { check__help(stderr); rc = IG_EXIT_USAGE; goto done; }
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "sarif") && strcmp(format, "junit")) {
		ig_cli_error("check", "unknown format '%s': use text, json, sarif or junit", format);
		rc = IG_EXIT_USAGE;
		goto done;
	}
	/* loaded once here so a missing table is said before any output */
	if (ig_kbset_default_error()) ig_cli_error("check", "%s", ig_kbset_default_error());

	ig_paths files = {0};
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
			if (ig_paths_walk(&files, path, 0) != 0) {
				ig_cli_error("check", "%s: cannot read this folder: %s", shown, strerror(errno));
				rc = IG_EXIT_INPUT;
			} else if (files.n == before) {
				ig_cli_error("check", "%s: no infrastructure-as-code file found in this folder (looked for .json, .yaml, "
					     ".yml, .tf, .ts, .js, .py, .go and .java)", shown);
				rc = IG_EXIT_INPUT;
			}
		} else {
			ig_paths_push(&files, path); /* named explicitly: checked whatever its name */
		}
	}
	ig_task t;
	ig_task_init(&t);
	ig_response r = {.name = "file", .source = "check", .present = true};
	for (size_t i = 0; i < files.n; i++) {
		if (!ig_cli_load_file(&t, &r, files.paths[i])) {
			ig_cli_error("check", "%s: cannot read: %s", files.paths[i], strerror(errno));
			rc = IG_EXIT_INPUT;
		}
		free(files.paths[i]);
	}
	free(files.paths);
	t.keep_trees = true; /* the IaC model of the files reads the analysis' trees */
	for (size_t i = 0; i < r.n_files; i++) ig_analyze_file(&t, &r, &r.files[i], true);
	ig_model *model = ig_model_build_response(&r);
	ig_check_model_required(&t, &r, model);
	ig_model_free(model);
	for (size_t i = 0; i < r.n_files; i++) ig_parse_release(&r.files[i].parse);
	check__filter(&t, select, ignore);
	check__sort(&t);

	ig_buf b = {0};
	if (strcmp(format, "text") == 0) {
		ig_report_check_text(&b, &t, &r, ig_cli_color(color, out_path));
	} else if (strcmp(format, "junit") == 0) {
		ig_report_check_junit(&b, &t, &r);
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
