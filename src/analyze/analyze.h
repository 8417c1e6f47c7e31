/* Runs the analysis stages on a loaded task: parse every file, detect
 * platform, language, resources and services, compare the two ideals, and
 * compute what of the score can be computed yet. */
#ifndef IG_ANALYZE_H
#define IG_ANALYZE_H
#include "task/types.h"

void ig_analyze_task(ig_task *t);
/* Parse one file, record its syntax errors as findings, detect its platform
 * and resources, run the knowledge-base checks when `check` is set, then free
 * its tree. */
void ig_analyze_file(ig_task *t, const ig_response *r, ig_file *f, bool check);
#endif
