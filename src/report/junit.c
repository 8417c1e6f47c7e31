/* JUnit XML, the test report CI systems show (Jenkins, GitLab, the JUnit reporters of code
 * hosts): a testsuite per task (per file for `check`), a testcase per finding. An error finding
 * is a <failure>; a warning or info finding is a passing testcase with the finding in its
 * <system-out>, not <skipped> (it was checked, not left out; the exit code fails only on errors
 * by default too); a task or file with no finding is one passing testcase, so CI lists it. No
 * time attribute: the report is the same on every run. Every text goes through ig_buf_put_xml. */
#include "report/report.h"
#include "util/arena.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void junit__attr(ig_buf *o, const char *name, const char *value)
{
	ig_buf_printf(o, " %s=\"", name);
	if (value) ig_buf_put_xml(o, value, strlen(value), true);
	ig_buf_putc(o, '"');
}

static void junit__attr_num(ig_buf *o, const char *name, long v) { ig_buf_printf(o, " %s=\"%ld\"", name, v); }

void ig_report_junit_open(ig_buf *o, const char *name, long tests, long failures, long errors)
{
	ig_buf_puts(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
	junit__attr(o, "name", name);
	if (tests >= 0) {
		junit__attr_num(o, "tests", tests);
		junit__attr_num(o, "failures", failures);
		junit__attr_num(o, "errors", errors);
	}
	ig_buf_puts(o, ">\n");
}

void ig_report_junit_close(ig_buf *o) { ig_buf_puts(o, "</testsuites>\n"); }

/* The <testsuite> start tag with its counts (tests 0: the one "no findings" testcase). */
static void junit__suite_open(ig_buf *o, const char *name, long tests, long failures)
{
	ig_buf_puts(o, "  <testsuite");
	junit__attr(o, "name", name);
	junit__attr_num(o, "tests", tests ? tests : 1);
	junit__attr_num(o, "failures", failures);
	ig_buf_puts(o, " errors=\"0\" skipped=\"0\">\n");
}

/* The testcase of a suite that has no finding. */
static void junit__clean(ig_buf *o, const char *classname)
{
	ig_buf_puts(o, "    <testcase");
	junit__attr(o, "classname", classname);
	ig_buf_puts(o, " name=\"no findings\"/>\n");
}

/* One <testcase> for finding f, its place as in SARIF; classname groups the cases (a file, a task). */
static void junit__case(ig_buf *o, const ig_task *t, const ig_finding *f, const char *dir, const char *classname)
{
	const char *label = ig_report_response_label(f->response);
	ig_place at;
	ig_report_place(t, f, &at);
	ig_buf file = {0}, name = {0}, body = {0};
	if (at.file) ig_report_join(&file, dir, at.file);
	/* the name says where in the code: the extracted file when the place is its markdown */
	if (label) ig_buf_printf(&name, "%s: ", label);
	ig_buf_puts(&name, f->rule);
	if (at.code_file) ig_buf_printf(&name, at.code_line ? " at %s:%u" : " at %s", at.code_file, at.code_line);
	else if (at.file && label) ig_buf_printf(&name, at.line ? " at %s:%u" : " at %s", at.file, at.line);
	else if (at.line) ig_buf_printf(&name, " at line %u", at.line);
	ig_buf_printf(&body, "%s %s", ig_severity_name(f->severity), f->rule);
	if (f->category) ig_buf_printf(&body, " (Category %c)", f->category);
	if (at.file) ig_buf_printf(&body, "\n%s", file.data);
	if (at.file && at.line) ig_buf_printf(&body, ":%u", at.line);
	if (at.code_file && at.code_line) ig_buf_printf(&body, " (%s line %u of the %s)", at.code_file, at.code_line, label);
	else if (at.code_file) ig_buf_printf(&body, " (%s of the %s)", at.code_file, label);
	ig_buf_printf(&body, "\n%s\n", f->message);
	if (f->fix) ig_buf_printf(&body, "fix: %s\n", f->fix);

	ig_buf_puts(o, "    <testcase");
	junit__attr(o, "classname", classname ? classname : file.data ? file.data : "");
	junit__attr(o, "name", name.data);
	if (at.file) junit__attr(o, "file", file.data);
	if (at.file && at.line) junit__attr_num(o, "line", at.line);
	ig_buf_puts(o, ">\n");
	if (f->severity == IG_SEV_ERROR) {
		ig_buf_puts(o, "      <failure");
		junit__attr(o, "message", f->message);
		junit__attr(o, "type", f->rule);
		ig_buf_putc(o, '>');
		ig_buf_put_xml(o, body.data, body.len, false);
		ig_buf_puts(o, "</failure>\n");
	} else {
		ig_buf_puts(o, "      <system-out>");
		ig_buf_put_xml(o, body.data, body.len, false);
		ig_buf_puts(o, "</system-out>\n");
	}
	ig_buf_puts(o, "    </testcase>\n");
	ig_buf_free(&file);
	ig_buf_free(&name);
	ig_buf_free(&body);
}

static void junit__property(ig_buf *o, const char *name, const char *value)
{
	if (!value) return;
	ig_buf_puts(o, "      <property");
	junit__attr(o, "name", name);
	junit__attr(o, "value", value);
	ig_buf_puts(o, "/>\n");
}

void ig_report_junit_task(ig_buf *o, const ig_task *t, const char *path)
{
	const ig_score *s = &t->score;
	char score[16];
	snprintf(score, sizeof score, "%d", s->value);
	long failures = 0;
	for (size_t i = 0; i < t->n_findings; i++) failures += t->findings[i].severity == IG_SEV_ERROR;
	junit__suite_open(o, path, (long)t->n_findings, failures);
	ig_buf_puts(o, "    <properties>\n");
	junit__property(o, "platform", t->platform == IG_PLAT_UNKNOWN ? NULL : ig_platform_name(t->platform));
	junit__property(o, "language", t->lang == IG_LANG_UNKNOWN ? NULL : ig_lang_name(t->lang));
	junit__property(o, "score", s->complete ? score : "incomplete");
	junit__property(o, "approved", s->complete ? (s->approved ? "true" : "false") : NULL);
	junit__property(o, "blocker", s->blocker ? s->blocker_reason : NULL);
	ig_buf_puts(o, "    </properties>\n");
	for (size_t i = 0; i < t->n_findings; i++) junit__case(o, t, &t->findings[i], path, path);
	if (!t->n_findings) junit__clean(o, path);
	ig_buf_puts(o, "  </testsuite>\n");
}

void ig_report_junit_unreadable(ig_buf *o, const char *path, const char *why)
{
	ig_buf_puts(o, "  <testsuite");
	junit__attr(o, "name", path);
	ig_buf_puts(o, " tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase");
	junit__attr(o, "classname", path);
	ig_buf_puts(o, " name=\"read the task folder\">\n      <error");
	junit__attr(o, "message", why);
	ig_buf_puts(o, "/>\n    </testcase>\n  </testsuite>\n");
}

static bool junit__same(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

/* One suite of `check`: the findings whose file is `file` (NULL: those of no file). */
static void junit__file_suite(ig_buf *o, const ig_task *t, const char *file, const char *name)
{
	long tests = 0, failures = 0;
	for (size_t i = 0; i < t->n_findings; i++)
		if (junit__same(t->findings[i].file, file)) tests++, failures += t->findings[i].severity == IG_SEV_ERROR;
	junit__suite_open(o, name, tests, failures);
	for (size_t i = 0; i < t->n_findings; i++)
		if (junit__same(t->findings[i].file, file)) junit__case(o, t, &t->findings[i], NULL, name);
	if (!tests) junit__clean(o, name);
	ig_buf_puts(o, "  </testsuite>\n");
}

/* `check`: a suite per file read, in order, then one per other place findings name (a path that
 * could not be read), in the order of their first finding. */
void ig_report_check_junit(ig_buf *o, const ig_task *t, const ig_response *r)
{
	long failures = 0, tests = 0;
	bool *other = ig_xmalloc((t->n_findings + 1) * sizeof *other); /* the first finding of a place not read */
	for (size_t i = 0; i < t->n_findings; i++) {
		const ig_finding *f = &t->findings[i];
		failures += f->severity == IG_SEV_ERROR;
		bool read = false;
		for (size_t k = 0; k < r->n_files && !read; k++) read = junit__same(f->file, r->files[k].path);
		other[i] = !read;
		for (size_t j = 0; j < i && other[i]; j++) other[i] = !junit__same(t->findings[j].file, f->file);
		tests += 1;
	}
	for (size_t k = 0; k < r->n_files; k++) {
		bool any = false;
		for (size_t i = 0; i < t->n_findings && !any; i++) any = junit__same(t->findings[i].file, r->files[k].path);
		tests += !any; /* its "no findings" testcase */
	}
	ig_report_junit_open(o, "iacgrade check", tests, failures, 0);
	for (size_t k = 0; k < r->n_files; k++) junit__file_suite(o, t, r->files[k].path, r->files[k].path);
	for (size_t i = 0; i < t->n_findings; i++)
		if (other[i]) junit__file_suite(o, t, t->findings[i].file, t->findings[i].file ? t->findings[i].file : "iacgrade check");
	ig_report_junit_close(o);
	free(other);
}
