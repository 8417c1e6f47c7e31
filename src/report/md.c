#include "report/report.h"
#include <string.h>

static void md__services(ig_buf *o, const ig_response *r)
{
	if (!r->n_services) { ig_buf_puts(o, "none found"); return; }
	for (size_t i = 0; i < r->n_services; i++) ig_buf_printf_text(o, "%s%s", i ? ", " : "", r->services[i]);
}

/* Markdown view of the review. The full MODEL_FAILURES.md report comes with
 * the fix categorisation; this lists what is known so far. */
void ig_report_md(ig_buf *o, const ig_task *t, const char *path)
{
	const ig_metadata *m = &t->meta;
	ig_buf_printf_text(o, "# Review of %s\n\n", path);
	ig_buf_puts(o, "| | declared (metadata.json) | detected (code) |\n|---|---|---|\n");
	ig_buf_printf_text(o, "| platform | %s | %s |\n", ig_platform_name(m->platform), ig_platform_name(t->platform));
	ig_buf_printf_text(o, "| language | %s | %s |\n\n", ig_lang_name(m->language), ig_lang_name(t->lang));
	ig_buf_puts(o, "**Services (model)**: ");
	md__services(o, &t->model);
	ig_buf_puts(o, "  \n**Services (ideal)**: ");
	md__services(o, &t->ideal);
	ig_buf_puts(o, "\n\n## Findings\n\n");
	if (!t->n_findings) ig_buf_puts(o, "None.\n");
	for (size_t i = 0; i < t->n_findings; i++) {
		const ig_finding *f = &t->findings[i];
		ig_buf_printf_text(o, "%zu. **%s**", i + 1, f->rule);
		if (f->category) ig_buf_printf_text(o, " (Category %c)", f->category);
		ig_buf_printf_text(o, ", %s", ig_severity_name(f->severity));
		if (f->file) {
			ig_buf_printf_text(o, ", `%s", f->file);
			if (f->line) ig_buf_printf_text(o, ":%u", f->line);
			ig_buf_putc(o, '`');
			if (f->md_line) ig_buf_printf_text(o, " (markdown line %u)", f->md_line);
		}
		ig_buf_printf_text(o, ": %s\n", f->message);
		if (f->fix) ig_buf_printf_text(o, "   Fix: %s\n", f->fix);
	}
	ig_buf_puts(o, "\n## Score\n\n");
	const ig_score *s = &t->score;
	if (s->blocker) ig_buf_printf_text(o, "**%d** (blocker: %s)\n", s->value, s->blocker_reason);
	else if (s->complete)
		ig_buf_printf_text(o, "**%d** = 8 %+d (fixes: %d A, %d B, %d C, %d D; %s) %+d (complexity: %d services) -> %s\n",
				   s->value, s->adjustment, s->n_a, s->n_b, s->n_c, s->n_d, s->adjustment_rule, s->complexity,
				   s->n_services, s->approved ? "approved" : "blocked");
	else ig_buf_printf_text(o, "Incomplete: %s.\n", s->status_reason ? s->status_reason : "unknown");
}
