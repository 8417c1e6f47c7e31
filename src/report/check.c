/* Reports of `iacgrade check`: what a linter user expects (cfn-lint, ruff):
 * path:line, severity, rule, message, the line itself and the fix. */
#include "check/check.h"
#include "report/report.h"
#include <string.h>

static const ig_file *check__file(const ig_response *r, const char *path)
{
	for (size_t i = 0; path && i < r->n_files; i++)
		if (strcmp(r->files[i].path, path) == 0) return &r->files[i];
	return NULL;
}

void ig_report_check_text(ig_buf *o, const ig_task *t, const ig_response *r, bool color)
{
	const char *bold = color ? "\033[1m" : "", *off = color ? "\033[0m" : "";
	size_t counts[3] = {0};
	for (size_t i = 0; i < t->n_findings; i++) {
		const ig_finding *fd = &t->findings[i];
		counts[fd->severity]++;
		const char *sev = ig_severity_name(fd->severity);
		const char *sev_color = ig_report_severity_color(fd->severity, color);
		/* user text (paths, messages, the code line) goes through the escaping
		 * writer; only the colour codes are written raw */
		ig_buf_puts(o, bold);
		ig_buf_printf_text(o, "%s", fd->file ? fd->file : "-");
		if (fd->line) ig_buf_printf(o, ":%u", fd->line);
		ig_buf_printf(o, ":%s %s%s%s %s", off, sev_color, sev, off, fd->rule);
		if (fd->category) ig_buf_printf(o, " (Category %c)", fd->category);
		ig_buf_printf_text(o, ": %s\n", fd->message);
		const ig_file *f = check__file(r, fd->file);
		size_t len = 0;
		const char *line = f && fd->line ? ig_report_line(f, fd->line, &len) : NULL;
		if (line) {
			if (len > 160) {
				len = 160;
				while (len && ((unsigned char)line[len] & 0xc0) == 0x80) len--; /* not inside a UTF-8 sequence */
			}
			ig_buf_printf(o, "  %5u | ", fd->line);
			ig_buf_put_text(o, line, len);
			ig_buf_putc(o, '\n');
		}
		if (fd->fix) ig_buf_printf_text(o, "        = fix: %s\n", fd->fix);
	}
	ig_buf_printf(o, "%zu file%s checked: %zu error%s, %zu warning%s, %zu note%s\n", r->n_files,
		      r->n_files == 1 ? "" : "s", counts[IG_SEV_ERROR], counts[IG_SEV_ERROR] == 1 ? "" : "s",
		      counts[IG_SEV_WARNING], counts[IG_SEV_WARNING] == 1 ? "" : "s", counts[IG_SEV_INFO],
		      counts[IG_SEV_INFO] == 1 ? "" : "s");
}

void ig_report_check_json(ig_jsonw *w, const ig_task *t, const ig_response *r)
{
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "schema", "iacgrade.check");
	ig_jsonw_kint(w, "version", IG_CHECK_SCHEMA_VERSION);
	ig_jsonw_key(w, "files");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *f = &r->files[i];
		ig_jsonw_obj(w);
		ig_jsonw_kstr(w, "path", f->path);
		ig_jsonw_kstr(w, "language", f->lang == IG_LANG_UNKNOWN ? NULL : ig_lang_name(f->lang));
		ig_jsonw_kstr(w, "platform", f->platform == IG_PLAT_UNKNOWN ? NULL : ig_platform_name(f->platform));
		ig_jsonw_kint(w, "parse_error_count", (long long)f->parse.n_errors_total);
		ig_jsonw_kbool(w, "skipped", f->skipped);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
	ig_jsonw_key(w, "findings");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < t->n_findings; i++) ig_report_json_finding(w, &t->findings[i]);
	ig_jsonw_arr_end(w);
	ig_jsonw_obj_end(w);
}
