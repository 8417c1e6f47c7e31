#include "cli/review.h"
#include "analyze/analyze.h"
#include "report/report.h"
#include "cli/cli.h"
#include "kb/kb.h"
#include "task/load.h"
#include <pthread.h>
#include <string.h>

static pthread_once_t review__kb_once = PTHREAD_ONCE_INIT;

/* Said once per run: without its tables the review is incomplete. */
static void review__kb_warn(void)
{
	const char *why = ig_kbset_default_error();
	if (why) ig_cli_error("review", "warning: %s; the checks that need it are skipped", why);
}

int ig_cli_review_tests_whole(ig_task *t, const char *dir, const char **err, bool tests_whole)
{
	pthread_once(&review__kb_once, review__kb_warn);
	ig_task_init(t);
	if (ig_task_load(t, dir, err) != 0) return -1;
	t->read_tests_whole = tests_whole;
	ig_analyze_task(t);
	return 0;
}

int ig_cli_review(ig_task *t, const char *dir, const char **err) { return ig_cli_review_tests_whole(t, dir, err, false); }

char *ig_cli_review_jsonl(const char *dir, int *worst, char **junit)
{
	ig_buf x = {0};
	*worst = -1;
	ig_task t;
	const char *err = NULL;
	ig_buf b = {0};
	ig_jsonw w;
	ig_jsonw_init(&w, &b, false);
	if (ig_cli_review(&t, dir, &err) != 0) {
		ig_jsonw_obj(&w);
		ig_jsonw_kstr(&w, "schema", "iacgrade.task");
		ig_jsonw_kint(&w, "version", IG_JSON_SCHEMA_VERSION);
		ig_jsonw_kstr(&w, "path", dir);
		ig_jsonw_kstr(&w, "error", err);
		ig_jsonw_obj_end(&w);
		if (junit) ig_report_junit_unreadable(&x, dir, err);
	} else {
		ig_report_json(&w, &t, dir);
		if (junit) ig_report_junit_task(&x, &t, dir);
		for (size_t i = 0; i < t.n_findings; i++)
			if ((int)t.findings[i].severity > *worst) *worst = (int)t.findings[i].severity;
	}
	ig_task_free(&t);
	if (junit) *junit = (char *)ig_buf_cstr(&x);
	ig_buf_cstr(&b);
	return b.data;
}
