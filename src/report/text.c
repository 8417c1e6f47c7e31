#include "report/report.h"
#include "diff/diff.h"
#include "req/req.h"
#include <string.h>

const char *ig_report_severity_color(ig_severity s, bool color)
{
	if (!color) return "";
	return s == IG_SEV_ERROR ? "\033[31m" : s == IG_SEV_WARNING ? "\033[33m" : "\033[36m";
}

static void text__services(ig_buf *o, const ig_response *r)
{
	if (!r->n_services) { ig_buf_puts(o, "(none found)"); return; }
	for (size_t i = 0; i < r->n_services; i++) ig_buf_printf_text(o, "%s%s", i ? ", " : "", r->services[i]);
}

static void text__response(ig_buf *o, const char *label, const ig_response *r)
{
	if (!r->present) { ig_buf_printf_text(o, "  %-9s absent\n", label); return; }
	ig_buf_printf_text(o, "  %-9s %s: %zu file%s, %s/%s%s%s\n", label, r->source, r->n_files, r->n_files == 1 ? "" : "s",
		      ig_platform_name(r->platform), ig_lang_name(r->lang), r->truncated ? ", truncated" : "",
		      r->has_reasoning ? ", has a reasoning trace" : "");
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *f = &r->files[i];
		ig_buf_printf_text(o, "      %-40s %-5s", f->path, ig_lang_name(f->lang));
		if (f->role != IG_ROLE_IAC) ig_buf_printf_text(o, " %s", ig_role_name(f->role));
		if (f->derived_from) ig_buf_printf_text(o, " derived from %s", f->derived_from);
		if (f->md_line) ig_buf_printf_text(o, " md:%u", f->md_line);
		if (f->parse.n_errors_total) ig_buf_printf_text(o, " %zu syntax error%s", f->parse.n_errors_total,
							   f->parse.n_errors_total == 1 ? "" : "s");
		if (f->n_resources) ig_buf_printf_text(o, " %zu resource%s", f->n_resources, f->n_resources == 1 ? "" : "s");
		if (f->truncated) ig_buf_puts(o, " truncated");
		if (f->skipped) ig_buf_puts(o, " skipped");
		ig_buf_putc(o, '\n');
	}
}

/* One line per requirement: what the prompt says where, and each response's status. */
static void text__requirements(ig_buf *o, const ig_task *t)
{
	size_t n = t->reqs ? t->reqs->n : 0;
	ig_buf_printf_text(o, "requirements: %zu\n", n);
	for (size_t i = 0; i < n; i++) {
		const ig_req *r = &t->reqs->items[i];
		ig_buf_printf_text(o, "  %-18s %s%s%s%s  %s:%u  model %s, ideal %s\n", ig_req_kind_name(r->kind), r->value,
				   r->detail ? " (" : "", r->detail ? r->detail : "", r->detail ? ")" : "", r->file, r->line,
				   ig_req_status_name(r->model.status), ig_req_status_name(r->ideal.status));
	}
}

void ig_report_text(ig_buf *o, const ig_task *t, const char *path, bool color)
{
	const ig_metadata *m = &t->meta;
	/* user text goes through the escaping writer; only the colour codes are written raw */
	const char *bold = color ? "\033[1m" : "", *off = color ? "\033[0m" : "";
	ig_buf_puts(o, bold);
	ig_buf_printf_text(o, "%s", path);
	ig_buf_printf(o, "%s\n", off);
	ig_buf_printf_text(o, "  platform  declared %s/%s, detected %s/%s\n", ig_platform_name(m->platform),
		      ig_lang_name(m->language), ig_platform_name(t->platform), ig_lang_name(t->lang));
	text__response(o, "model", &t->model);
	text__response(o, "ideal", &t->ideal);
	ig_buf_puts(o, "  services  model: ");
	text__services(o, &t->model);
	ig_buf_puts(o, "\n            ideal: ");
	text__services(o, &t->ideal);
	ig_buf_putc(o, '\n');
	text__requirements(o, t);
	ig_buf_printf_text(o, "findings: %zu\n", t->n_findings);
	for (size_t i = 0; i < t->n_findings; i++) {
		const ig_finding *f = &t->findings[i];
		ig_buf_printf(o, "  %s%-7s%s %c  ", ig_report_severity_color(f->severity, color), ig_severity_name(f->severity),
			      color ? off : "", f->category ? f->category : '-');
		if (f->file) {
			ig_buf_printf_text(o, "%s", f->file);
			if (f->line) ig_buf_printf_text(o, ":%u", f->line);
			if (f->md_line) ig_buf_printf_text(o, " (md:%u)", f->md_line);
			ig_buf_puts(o, "  ");
		}
		ig_buf_printf_text(o, "[%s] %s\n", f->rule, f->message);
		if (f->fix) ig_buf_printf_text(o, "            fix: %s\n", f->fix);
	}
	if (t->diff) ig_report_diff_text(o, t->diff);
	const ig_score *s = &t->score;
	if (s->blocker)
		ig_buf_printf_text(o, "score: %d (blocker: %s) -> %s\n", s->value, s->blocker_reason, s->approved ? "approved" : "blocked");
	else if (s->complete)
		ig_buf_printf_text(o, "score: %d = 8 %+d (fixes: %d A, %d B, %d C, %d D; %s) %+d (complexity: %d services%s%s%s) -> %s\n",
				   s->value, s->adjustment, s->n_a, s->n_b, s->n_c, s->n_d, s->adjustment_rule, s->complexity, s->n_services,
				   s->security.on ? ", security" : "", s->high_availability.on ? ", high availability" : "",
				   s->advanced.on ? ", advanced patterns" : "", s->approved ? "approved" : "blocked");
	else
		ig_buf_printf_text(o, "score: incomplete (%s)\n", s->status_reason ? s->status_reason : "unknown");
}
