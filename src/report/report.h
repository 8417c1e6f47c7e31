/* Writers for one analysed task: JSON (versioned schema, docs/json-schema.md),
 * a terminal text view, and markdown. They only format: every fact comes from
 * the task. */
#ifndef IG_REPORT_H
#define IG_REPORT_H
#include <stdbool.h>
#include "task/types.h"
#include "util/buf.h"
#include "util/jsonw.h"

#define IG_JSON_SCHEMA_VERSION 1

/* The task object; `path` as given by the user. */
void ig_report_json(ig_jsonw *w, const ig_task *t, const char *path);
/* color: ANSI colours for a terminal (the caller decides: --color, NO_COLOR, a tty). */
void ig_report_text(ig_buf *out, const ig_task *t, const char *path, bool color);
void ig_report_md(ig_buf *out, const ig_task *t, const char *path);
/* One finding as a JSON object (the same shape in every report). */
void ig_report_json_finding(ig_jsonw *w, const ig_finding *f);

/* The score of a task as the JSON member "score" (every step of docs/scoring.md). */
void ig_report_json_score(ig_jsonw *w, const ig_task *t);

/* `iacgrade check` on plain files: the files are the response r of t, the
 * findings t's. Text with a code frame per finding, JSON (schema
 * "iacgrade.check", docs/json-schema.md), SARIF 2.1.0 and JUnit XML (a testsuite per file). */
#define IG_CHECK_SCHEMA_VERSION 1
void ig_report_check_text(ig_buf *out, const ig_task *t, const ig_response *r, bool color);
void ig_report_check_json(ig_jsonw *w, const ig_task *t, const ig_response *r);
void ig_report_check_sarif(ig_jsonw *w, const ig_task *t, const ig_response *r, const char *version);
void ig_report_check_junit(ig_buf *out, const ig_task *t, const ig_response *r);

/* SARIF 2.1.0 (report/sarif.c): one run, the rules that fired, a result per finding. For a task
 * (dir: the folder as given), each result names its response and lies in the file a reader has:
 * the answer's markdown at its markdown line when the code came from one; the run's properties
 * hold the task's score and fixes. For `check` (dir NULL), paths as found. */
void ig_report_sarif(ig_jsonw *w, const ig_task *t, const char *dir, const char *version);

/* JUnit XML (report/junit.c): a <testsuites> document of one <testsuite> per task, one
 * <testcase> per finding; an error finding is a <failure>, a warning or info finding a passing
 * testcase with the finding in <system-out>, a task without findings one passing testcase.
 * ig_report_junit_open and _close frame the suites; tests < 0 leaves the totals out (a batch
 * streams its suites). */
void ig_report_junit_open(ig_buf *out, const char *name, long tests, long failures, long errors);
void ig_report_junit_close(ig_buf *out);
void ig_report_junit_task(ig_buf *out, const ig_task *t, const char *path);
/* A task folder that cannot be read: a suite of one testcase in error. */
void ig_report_junit_unreadable(ig_buf *out, const char *path, const char *why);

/* Where SARIF and JUnit place a finding (report/place.c): the answer's markdown and its line when
 * the finding's code was extracted from one (code_file and code_line then say where in the code),
 * else its file and line, and a finding about the whole task at its metadata.json; paths relative
 * to the task folder. */
typedef struct ig_place {
	const char *file;        /* NULL: the task as a whole */
	unsigned line;           /* 0: none */
	const char *code_file;   /* the extracted file, when file is its markdown; else NULL */
	unsigned code_line;
} ig_place;
void ig_report_place(const ig_task *t, const ig_finding *f, ig_place *out);
/* What a reader calls a finding's response: "model answer", "ideal", "IDEAL_RESPONSE.md",
 * "model_turnN", "task" for none; NULL for `check`'s files. */
const char *ig_report_response_label(const char *response);
/* dir/rel with one '/', rel alone when dir is NULL, "" or "." or rel is absolute. */
void ig_report_join(ig_buf *out, const char *dir, const char *rel);

/* The ANSI colour of a severity in a text view ("" when !color): red, yellow, cyan. */
const char *ig_report_severity_color(ig_severity s, bool color);

/* The text of 1-based line n of f, without its newline (NULL past the end):
 * what a code frame shows. */
const char *ig_report_line(const ig_file *f, unsigned n, size_t *len);

/* The model-vs-ideal diff (diff/diff.h): fixes[] and diff_ignored as JSON
 * members of the enclosing object, and a text view with a before and after
 * code frame per fix. */
struct ig_diff;
void ig_report_diff_json(ig_jsonw *w, const struct ig_diff *d);
void ig_report_diff_text(ig_buf *out, const struct ig_diff *d);
#endif
