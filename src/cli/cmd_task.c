/* iacgrade task DIR: review one task folder. */
#include "cli/cli.h"
#include <stdbool.h>
#include "cli/review.h"
#include "report/report.h"
#include "task/load.h"
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void task__help(FILE *out)
{
	fputs("usage: iacgrade task DIR [--format text|json|md|sarif|junit] [-o FILE] [--fail-on LEVEL]\n"
	      "                         [--color|--no-color]\n\n"
	      "Reviews one task folder: metadata.json, lib/PROMPT*.md, lib/MODEL_RESPONSE*.md (every turn),\n"
	      "lib/IDEAL_RESPONSE.md, the code in lib/ and the app beside it (bin/, tap.py, cdk.json,\n"
	      "cdktf.json, Pulumi.yaml, test/, tests/; each file with its role). Prints the files extracted\n"
	      "from each response with their lines in the markdown, the platform and language detected from\n"
	      "the code (never from metadata.json), the AWS services used, the findings, and the score as far\n"
	      "as it is known.\n\n"
	      "options:\n"
	      "  --format F   text (default), json (docs/json-schema.md, docs/schema/task.schema.json), md\n"
	      "               (MODEL_FAILURES.md as the field writes it), sarif (SARIF 2.1.0: a result per\n"
	      "               finding, in the answer's markdown at its line when the code came from one; the\n"
	      "               score and the fixes in the run's properties) or junit (JUnit XML for CI: a\n"
	      "               testcase per finding, an error finding a failure)\n"
	      "  -o FILE      write the report to FILE instead of standard output\n"
	      "               (the tool never writes into the task folder)\n"
	      "  --fail-on L  exit 1 when a finding of severity L or above is reported: error (default),\n"
	      "               warning, info, or none (exit 0 whatever is found)\n"
	      "  --color      colour the text report (default: when standard output is a terminal and\n"
	      "  --no-color   NO_COLOR is unset or empty, https://no-color.org)\n\n"
	      "exit codes: 0 reviewed, no finding at the --fail-on level; 1 reviewed, such findings; 2 usage;\n"
	      "            3 the folder cannot be read or the report cannot be written.\n\n"
	      "examples:\n"
	      "  iacgrade task examples/cdk-ts-logs\n"
	      "  iacgrade task examples/cdk-ts-logs --format json -o /tmp/cdk-ts-logs.json\n"
	      "  iacgrade task examples/cdk-ts-logs --format md\n"
	      "  iacgrade task examples/cdk-ts-logs --format sarif -o /tmp/cdk-ts-logs.sarif\n"
	      "  iacgrade task examples/cdk-ts-logs --format junit -o /tmp/cdk-ts-logs.xml\n"
	      "  NO_COLOR=1 iacgrade task examples/cdk-py-queue\n", out);
}

/* True when the file path would land inside folder dir (both resolved). */
static bool task__inside(const char *path, const char *dir)
{
	char copy[PATH_MAX], parent[PATH_MAX], root[PATH_MAX];
	snprintf(copy, sizeof copy, "%s", path);
	if (!realpath(dirname(copy), parent) || !realpath(dir, root)) return false;
	size_t n = strlen(root);
	return strncmp(parent, root, n) == 0 && (parent[n] == 0 || parent[n] == '/');
}

int ig_cmd_task(int argc, char **argv)
{
	const char *dir = NULL, *format = "text", *out_path = NULL;
	int fail_on = IG_SEV_ERROR, color = -1;
	for (int i = 1; i < argc; i++) {
		if (ig_cli_is_help(argv[i])) { task__help(stdout); return IG_EXIT_OK; }
		int took = ig_cli_format_arg("task", argc, argv, &i, &format, "text, json, md, sarif or junit");
		if (took < 0) return IG_EXIT_USAGE;
		if (took) continue;
		if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
			if (++i >= argc) { ig_cli_error("task", "-o needs a file name"); return IG_EXIT_USAGE; }
			out_path = argv[i];
		} else if (strcmp(argv[i], "--fail-on") == 0) {
			if (++i >= argc) { ig_cli_error("task", "--fail-on needs a level: error, warning, info or none"); return IG_EXIT_USAGE; }
			if (ig_cli_fail_on_arg("task", argv[i], &fail_on) != 0) return IG_EXIT_USAGE;
		} else if (strcmp(argv[i], "--color") == 0 || strcmp(argv[i], "--no-color") == 0) {
			color = argv[i][2] == 'c';
		} else if (argv[i][0] == '-' && argv[i][1]) {
			ig_cli_error("task", "unknown option '%s' (see iacgrade task --help)", argv[i]);
			return IG_EXIT_USAGE;
		} else if (dir) {
			ig_cli_error("task", "one task folder at a time; use `iacgrade batch` for several");
			return IG_EXIT_USAGE;
		} else {
			dir = argv[i];
		}
	}
	if (!dir) { task__help(stderr); return IG_EXIT_USAGE; }
	static const char *const formats[] = {"text", "json", "md", "sarif", "junit"};
	size_t f = 0;
	while (f < 5 && strcmp(format, formats[f]) != 0) f++;
	if (f == 5) {
		ig_cli_error("task", "unknown format '%s': use text, json, md, sarif or junit", format);
		return IG_EXIT_USAGE;
	}
	if (out_path && task__inside(out_path, dir)) {
		ig_cli_error("task", "-o %s is inside the task folder: iacgrade never writes into a task", out_path);
		return IG_EXIT_USAGE;
	}
	ig_task t;
	const char *err = NULL;
	if (ig_cli_review(&t, dir, &err) != 0) {
		ig_cli_error("task", "%s: %s", dir, err);
		ig_task_free(&t);
		return IG_EXIT_INPUT;
	}
	ig_buf b = {0};
	if (strcmp(format, "json") == 0 || strcmp(format, "sarif") == 0) {
		ig_jsonw w;
		ig_jsonw_init(&w, &b, true);
		if (strcmp(format, "json") == 0) ig_report_json(&w, &t, dir);
		else ig_report_sarif(&w, &t, dir, IG_VERSION);
		ig_buf_putc(&b, '\n');
	} else if (strcmp(format, "junit") == 0) {
		long failures = 0;
		for (size_t i = 0; i < t.n_findings; i++) failures += t.findings[i].severity == IG_SEV_ERROR;
		ig_report_junit_open(&b, "iacgrade task", t.n_findings ? (long)t.n_findings : 1, failures, 0);
		ig_report_junit_task(&b, &t, dir);
		ig_report_junit_close(&b);
	} else if (strcmp(format, "md") == 0) {
		ig_report_md(&b, &t, dir);
	} else {
		ig_report_text(&b, &t, dir, ig_cli_color(color, out_path));
	}
	int rc = IG_EXIT_OK;
	for (size_t i = 0; i < t.n_findings; i++)
		if ((int)t.findings[i].severity >= fail_on) rc = IG_EXIT_FINDINGS;
	int wrote = ig_cli_emit("task", out_path, &b, false);
	if (wrote) rc = wrote;
	ig_buf_free(&b);
	ig_task_free(&t);
	return rc;
}
