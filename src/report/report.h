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
#endif
