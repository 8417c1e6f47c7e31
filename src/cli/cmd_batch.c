/* iacgrade batch ROOT...: review every task under the roots, on N threads. */
#include "cli/cli.h"
#include "cli/progress.h"
#include "cli/review.h"
#include "report/report.h"
#include "task/find.h"
#include "util/pool.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

static void batch__help(FILE *out)
{
	fputs("usage: iacgrade batch ROOT... [-j N] [--jsonl FILE] [--junit FILE] [--fail-on LEVEL] [--quiet]\n\n"
	      "Finds every task folder under the roots (a folder with metadata.json, or with lib/ holding\n"
	      "MODEL_RESPONSE.md, IDEAL_RESPONSE.md or PROMPT.md), reviews each like `iacgrade task`, and\n"
	      "writes one JSON line per task (docs/json-schema.md, docs/schema/batch-line.schema.json), in the\n"
	      "order of the sorted folder names whatever N is. A task that cannot be read gets a line with\n"
	      "an `error` and the batch goes on. Progress goes to stderr, then a summary.\n\n"
	      "options:\n"
	      "  -j N          worker threads (default: the number of cores)\n"
	      "  --jsonl FILE  write the JSON lines to FILE (default: standard output)\n"
	      "  --junit FILE  also write JUnit XML to FILE: a testsuite per task, a testcase per finding\n"
	      "                (an error finding a failure, a task with no finding one passing testcase,\n"
	      "                a task that cannot be read a testcase in error), in the same order\n"
	      "  --fail-on L   exit 1 when a task has a finding of severity L or above: error (default),\n"
	      "                warning, info, or none (a corpus run: exit 0 whatever is found)\n"
	      "  --quiet       no progress and no summary\n\n"
	      "exit codes: 0 done, no finding at the --fail-on level; 1 such findings; 2 usage; 3 a root\n"
	      "            cannot be read or holds no task (the other roots are still reviewed), or the\n"
	      "            JSON lines or the JUnit XML cannot be written.\n\n"
	      "examples:\n"
	      "  iacgrade batch examples --fail-on none\n"
	      "  iacgrade batch examples --jsonl /tmp/examples.jsonl --junit /tmp/examples.xml --fail-on none\n"
	      "  iacgrade batch ../shared/corpus/dev -j 2 --jsonl /tmp/dev.jsonl --fail-on none\n", out);
}

typedef struct {
	const ig_task_list *list;
	int *worst;   /* per task, written by the worker that reviews it */
	char **junit; /* per task when --junit: its testsuite, written by the worker, freed once emitted */
	FILE *out, *junit_out;
	size_t errors;
	ig_progress progress;
} batch_ctx;

static char *batch__work(size_t i, void *ctx)
{
	const batch_ctx *c = ctx;
	return ig_cli_review_jsonl(c->list->dirs[i], &c->worst[i], c->junit ? &c->junit[i] : NULL);
}

static void batch__emit(size_t i, char *line, void *ctx)
{
	batch_ctx *c = ctx;
	if (c->junit && c->junit[i]) {
		fputs(c->junit[i], c->junit_out);
		free(c->junit[i]);
		c->junit[i] = NULL;
	}
	if (line) {
		/* an error line is the only one whose top level has "error" right after "path" */
		if (strstr(line, "\"error\":") && !strstr(line, "\"responses\"")) c->errors++;
		fputs(line, c->out);
		fputc('\n', c->out);
		free(line);
	}
	ig_progress_step(&c->progress);
}

int ig_cli_parse_jobs(const char *cmd, const char *s, int *jobs)
{
	char *end;
	long j = strtol(s, &end, 10);
	if (*end || j < 1 || j > 256) {
		ig_cli_error(cmd, "-j takes a number of threads from 1 to 256, not '%s'", s);
		return -1;
	}
	*jobs = (int)j;
	return 0;
}

int ig_cmd_batch(int argc, char **argv)
{
	int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	const char *jsonl = NULL, *junit = NULL;
	bool quiet = false;
	int fail_on = IG_SEV_ERROR;
	ig_arena a;
	ig_arena_init(&a);
	ig_task_list list = {0};
	const char **roots = NULL;
	size_t n_roots = 0, cap_roots = 0;
	for (int i = 1; i < argc; i++) {
		if (ig_cli_is_help(argv[i])) { batch__help(stdout); ig_arena_free(&a); return IG_EXIT_OK; }
		if (strcmp(argv[i], "-j") == 0 || strcmp(argv[i], "--jobs") == 0) {
			if (++i >= argc || ig_cli_parse_jobs("batch", argv[i], &jobs)) { ig_arena_free(&a); return IG_EXIT_USAGE; }
		} else if (strncmp(argv[i], "-j", 2) == 0 && argv[i][2]) {
			if (ig_cli_parse_jobs("batch", argv[i] + 2, &jobs)) { ig_arena_free(&a); return IG_EXIT_USAGE; }
		} else if (strcmp(argv[i], "--jsonl") == 0 || strcmp(argv[i], "-o") == 0) {
			if (++i >= argc) { ig_cli_error("batch", "--jsonl needs a file name"); ig_arena_free(&a); return IG_EXIT_USAGE; }
			jsonl = argv[i];
		} else if (strcmp(argv[i], "--junit") == 0) {
			if (++i >= argc) { ig_cli_error("batch", "--junit needs a file name"); ig_arena_free(&a); return IG_EXIT_USAGE; }
			junit = argv[i];
		} else if (strcmp(argv[i], "--fail-on") == 0) {
			if (++i >= argc) { ig_cli_error("batch", "--fail-on needs a level: error, warning, info or none"); ig_arena_free(&a); return IG_EXIT_USAGE; }
			if (ig_cli_fail_on_arg("batch", argv[i], &fail_on) != 0) { ig_arena_free(&a); return IG_EXIT_USAGE; }
		} else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
			quiet = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			ig_cli_error("batch", "unknown option '%s' (see iacgrade batch --help)", argv[i]);
			ig_arena_free(&a);
			return IG_EXIT_USAGE;
		} else {
			*IG_PUSH(&a, roots, n_roots, cap_roots) = argv[i];
		}
	}
	if (!n_roots) { batch__help(stderr); ig_arena_free(&a); return IG_EXIT_USAGE; }
	for (size_t i = 0; i < n_roots; i++) ig_task_find(&a, roots[i], &list);
	for (size_t i = 0; i < list.n_bad; i++) ig_cli_error("batch", "%s: cannot be read (no such folder or no permission)", list.bad_roots[i]);
	if (!list.n) {
		ig_cli_error("batch", "no task found under %s%s (a task is a folder with metadata.json, or with lib/ holding "
			     "MODEL_RESPONSE.md, IDEAL_RESPONSE.md or PROMPT.md)", roots[0], n_roots > 1 ? " or the other roots" : "");
		ig_arena_free(&a);
		return IG_EXIT_INPUT;
	}

	batch_ctx c = {.list = &list, .out = stdout, .worst = ig_arena_alloc(&a, list.n * sizeof(int))};
	if (jsonl && !(c.out = fopen(jsonl, "w"))) {
		ig_cli_error("batch", "cannot write %s: %s", jsonl, strerror(errno));
		ig_arena_free(&a);
		return IG_EXIT_INPUT;
	}
	if (junit) {
		if (!(c.junit_out = fopen(junit, "w"))) {
			ig_cli_error("batch", "cannot write %s: %s", junit, strerror(errno));
			if (c.out != stdout) fclose(c.out);
			ig_arena_free(&a);
			return IG_EXIT_INPUT;
		}
		c.junit = ig_arena_alloc(&a, list.n * sizeof *c.junit);
		memset(c.junit, 0, list.n * sizeof *c.junit);
		ig_buf head = {0};
		ig_report_junit_open(&head, "iacgrade batch", -1, 0, 0); /* streamed: no totals */
		fputs(head.data, c.junit_out);
		ig_buf_free(&head);
	}
	ig_progress_start(&c.progress, "reviewed", list.n, quiet);
	ig_pool_run(list.n, jobs, batch__work, batch__emit, &c);
	ig_progress_end(&c.progress);
	double secs = ig_now() - c.progress.start;
	bool write_failed = c.out != stdout ? fclose(c.out) != 0 : fflush(c.out) != 0;
	if (write_failed) ig_cli_error("batch", "cannot write %s: %s", jsonl ? jsonl : "standard output", strerror(errno));
	if (junit) {
		ig_buf tail = {0};
		ig_report_junit_close(&tail);
		fputs(tail.data, c.junit_out);
		ig_buf_free(&tail);
		if (fclose(c.junit_out) != 0) {
			ig_cli_error("batch", "cannot write %s: %s", junit, strerror(errno));
			write_failed = true;
		}
	}
	if (!quiet)
		fprintf(stderr, "batch: %zu tasks in %.2f s (%.0f tasks/s) on %d thread%s, %zu unreadable, peak RSS %.0f MB%s%s\n",
			list.n, secs, list.n / (secs > 0 ? secs : 1e-9), jobs, jobs == 1 ? "" : "s", c.errors,
			ig_peak_rss_mb(), jsonl ? ", written to " : "", jsonl ? jsonl : "");
	int rc = IG_EXIT_OK;
	for (size_t i = 0; i < list.n; i++)
		if (c.worst[i] >= fail_on) rc = IG_EXIT_FINDINGS;
	if (list.n_bad || write_failed) rc = IG_EXIT_INPUT;
	ig_arena_free(&a);
	return rc;
}
