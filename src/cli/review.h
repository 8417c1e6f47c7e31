/* Review one task folder end to end (load, analyse) for the commands. */
#ifndef IG_CLI_REVIEW_H
#define IG_CLI_REVIEW_H
#include "task/types.h"

/* Loads and analyses; returns 0, or -1 with *err set when the folder cannot
 * be read at all. The task must be freed with ig_task_free either way. */
int ig_cli_review(ig_task *t, const char *dir, const char **err);
/* The same, every test read whole when tests_whole (ig_task.read_tests_whole): `iacgrade diff` compares any
 * two answers, and their tests are compared with each other. */
int ig_cli_review_tests_whole(ig_task *t, const char *dir, const char **err, bool tests_whole);
/* One compact JSON line (no newline) for a task, or an error line. malloc'd.
 * *worst is the highest finding severity (an ig_severity), -1 for none. When junit is not NULL,
 * *junit is the task's JUnit <testsuite> (malloc'd), from the same review. */
char *ig_cli_review_jsonl(const char *dir, int *worst, char **junit);
#endif
