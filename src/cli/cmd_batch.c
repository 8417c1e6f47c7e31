/* iacgrade batch ROOT...: review every task under the roots, on N threads. */
#include "cli/cli.h"
#include "cli/progress.h"
#include "cli/review.h"
#include "task/find.h"
#include "util/pool.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void batch__help(FILE *out)
{
	fputs("usage: iacgrade batch ROOT... [-j N] [--jsonl FILE] [--quiet]\n\n"
	      "Finds every task folder under the roots (a folder with metadata.json, or with lib/ holding\n"
	      "MODEL_RESPONSE.md, IDEAL_RESPONSE.md or PROMPT.md), reviews each like `iacgrade task`, and\n"
	      "writes one JSON line per task (the task schema of docs/json-schema.md plus `path`), in the\n"
	      "order of the sorted folder names whatever N is. A task that cannot be read gets a line with\n"
	      "an `error` and the batch goes on. Progress goes to stderr, then a summary.\n\n"
	      "options:\n"
	      "  -j N          worker threads (default: the number of cores)\n"
	      "  --jsonl FILE  write the JSON lines to FILE (default: standard output)\n"
	      "  --quiet       no progress and no summary\n\n"
	      "exit codes: 0 done (findings do not change it), 2 usage, 3 a root cannot be read (the other\n"
	      "            roots are still reviewed).\n\n"
	      "examples:\n"
	      "  iacgrade batch examples\n"
	      "  iacgrade batch ../shared/corpus/dev -j 2 --jsonl dev.jsonl\n", out);
}

typedef struct {
	const ig_task_list *list;
	FILE *out;
	size_t errors;
	ig_progress progress;
} batch_ctx;

static char *batch__work(size_t i, void *ctx)
{
	const batch_ctx *c = ctx;
	return ig_cli_review_jsonl(c->list->dirs[i]);
}

static void batch__emit(size_t i, char *line, void *ctx)
{
	batch_ctx *c = ctx;
	(void)i;
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
	const char *jsonl = NULL;
	bool quiet = false;
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

	batch_ctx c = {.list = &list, .out = stdout};
	if (jsonl && !(c.out = fopen(jsonl, "w"))) {
		ig_cli_error("batch", "cannot write %s", jsonl);
		ig_arena_free(&a);
		return IG_EXIT_INPUT;
	}
	ig_progress_start(&c.progress, "reviewed", list.n, quiet);
	ig_pool_run(list.n, jobs, batch__work, batch__emit, &c);
	ig_progress_end(&c.progress);
	double secs = ig_now() - c.progress.start;
	if (c.out != stdout) fclose(c.out);
	if (!quiet)
		fprintf(stderr, "batch: %zu tasks in %.2f s (%.0f tasks/s) on %d thread%s, %zu unreadable, peak RSS %.0f MB%s%s\n",
			list.n, secs, list.n / (secs > 0 ? secs : 1e-9), jobs, jobs == 1 ? "" : "s", c.errors,
			ig_peak_rss_mb(), jsonl ? ", written to " : "", jsonl ? jsonl : "");
	int rc = list.n_bad ? IG_EXIT_INPUT : IG_EXIT_OK;
	ig_arena_free(&a);
	return rc;
}
