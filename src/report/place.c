/* Where a finding is shown by the reports a code host or CI reads (SARIF, JUnit): a file that
 * exists in the task folder. A finding in code extracted from a markdown answer lies in that
 * markdown, at its markdown line; any other at its file and line. */
#include "report/report.h"
#include <string.h>

static const ig_response *place__response(const ig_task *t, const char *name)
{
	if (!name) return NULL;
	if (strcmp(name, "model") == 0) return &t->model;
	if (strcmp(name, "ideal") == 0) return &t->ideal;
	if (strcmp(name, "ideal_md") == 0) return &t->ideal_md;
	for (size_t k = 0; k < t->n_turns; k++)
		if (t->turns[k].name && strcmp(t->turns[k].name, name) == 0) return &t->turns[k];
	return NULL;
}

static bool place__is_md(const char *path)
{
	size_t n = path ? strlen(path) : 0;
	return n > 3 && strcmp(path + n - 3, ".md") == 0;
}

void ig_report_place(const ig_task *t, const ig_finding *f, ig_place *out)
{
	*out = (ig_place){.file = f->file, .line = f->line};
	/* a finding about the whole task (the platform differs from the declared one) is shown at the
	 * file that declares it */
	if (!f->file && t->meta.present) out->file = t->meta.path;
	if (!f->md_line || !f->file) return;
	const ig_response *r = place__response(t, f->response);
	const char *md = NULL;
	for (size_t i = 0; r && i < r->n_files && !md; i++)
		if (strcmp(r->files[i].path, f->file) == 0) md = r->files[i].md_source;
	if (!md && r && place__is_md(r->source)) md = r->source;
	if (!md) return;
	*out = (ig_place){.file = md, .line = f->md_line, .code_file = f->file, .code_line = f->line};
}

const char *ig_report_response_label(const char *response)
{
	if (!response) return "task";
	if (strcmp(response, "model") == 0) return "model answer";
	if (strcmp(response, "ideal") == 0) return "ideal";
	if (strcmp(response, "ideal_md") == 0) return "IDEAL_RESPONSE.md";
	if (strcmp(response, "file") == 0) return NULL; /* `check`: the file says it all */
	return response; /* model_turnN */
}

void ig_report_join(ig_buf *o, const char *dir, const char *rel)
{
	if (!dir || !*dir || strcmp(dir, ".") == 0 || (rel && rel[0] == '/')) {
		ig_buf_puts(o, rel ? rel : "");
		return;
	}
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/') n--;
	ig_buf_put(o, dir, n);
	if (rel) {
		if (dir[n - 1] != '/') ig_buf_putc(o, '/');
		ig_buf_puts(o, rel);
	}
}
