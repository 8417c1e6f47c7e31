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
void ig_report_text(ig_buf *out, const ig_task *t, const char *path);
void ig_report_md(ig_buf *out, const ig_task *t, const char *path);
/* One finding as a JSON object (the same shape in every report). */
void ig_report_json_finding(ig_jsonw *w, const ig_finding *f);

/* `iacgrade check` on plain files: the files are the response r of t, the
 * findings t's. Text with a code frame per finding, JSON (schema
 * "iacgrade.check", docs/json-schema.md) and SARIF 2.1.0. */
#define IG_CHECK_SCHEMA_VERSION 1
void ig_report_check_text(ig_buf *out, const ig_task *t, const ig_response *r, bool color);
void ig_report_check_json(ig_jsonw *w, const ig_task *t, const ig_response *r);
void ig_report_check_sarif(ig_jsonw *w, const ig_task *t, const ig_response *r, const char *version);

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
