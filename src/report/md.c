#include "report/report.h"
#include "check/check.h"
#include "diff/diff.h"
#include <string.h>


/* MODEL_FAILURES.md as the field writes it (../shared/seeds): a title and an
 * overview, the failures grouped by severity and numbered once across the
 * document, each with its category, impact, the model's and the ideal's code
 * with file and line, the root cause, why it matters and a reference; a
 * summary whose counts are those of the body; the score and the decision.
 * Severity from the category (SCORING.md): what broke the build, synthesis
 * or deployment is Critical, other A High, B Medium, C and D Low. */

enum { SEV_CRITICAL, SEV_HIGH, SEV_MEDIUM, SEV_LOW, SEV_COUNT };
static const char *const md_sev_name[] = {"Critical", "High", "Medium", "Low"};
static const char *const md_sev_why[] = {
	"The model's code does not build, synthesize or deploy as written.",
	"Security, architecture or a complete feature the task needs is missing or wrong.",
	"Configuration or a standard pattern differs from what the task needs.",
	"Lint, naming, outputs or documentation: the code works without it."};

/* A fix broke the build when it completes a cut-off answer, repairs code that
 * did not parse, or removes an error finding of Category A. */
static int md__severity(const ig_task *t, const ig_fix *x)
{
	if (x->category == 'A') {
		if (x->kind == IG_FIX_TRUNCATED_ANSWER || x->kind == IG_FIX_NO_CODE ||
		    (x->model_name && strcmp(x->model_name, "syntax error") == 0))
			return SEV_CRITICAL;
		for (size_t k = 0; k < x->n_resolves; k++) {
			const ig_finding *f = &t->findings[x->resolves[k]];
			if (f->category == 'A' && f->severity == IG_SEV_ERROR) return SEV_CRITICAL;
		}
		return SEV_HIGH;
	}
	return x->category == 'B' ? SEV_MEDIUM : SEV_LOW;
}

static const char *md__fence_lang(const ig_file *f) { return f && f->lang != IG_LANG_UNKNOWN ? ig_lang_name(f->lang) : ""; }

/* The lines of one side as a fenced block (a fence longer than any run of
 * backticks inside), at most 15 lines. */
static void md__code(ig_buf *o, const char *label, const ig_fix_place *p)
{
	if (!p->file) { ig_buf_printf(o, "**%s**: none (the %s has no such code).\n\n", label, strcmp(label, "Model") == 0 ? "model's answer" : "ideal"); return; }
	unsigned md = p->file->md_line ? p->file->md_line + p->line - 1 : 0;
	ig_buf_printf_text(o, "**%s** (`%s:%u`", label, p->file->path, p->line);
	if (md) ig_buf_printf_text(o, ", %s line %u", p->file->md_source ? p->file->md_source : "markdown", md);
	ig_buf_puts(o, p->anchor ? ", where the change goes):\n\n" : "):\n\n");
	unsigned last = p->end_line - p->line >= 15 ? p->line + 14 : p->end_line;
	ig_buf body = {0};
	for (unsigned l = p->line; l <= last; l++) {
		size_t len = 0;
		const char *line = ig_report_line(p->file, l, &len);
		if (!line) break;
		ig_buf_put(&body, line, len);
		ig_buf_putc(&body, '\n');
	}
	if (last < p->end_line) ig_buf_printf(&body, "... (%u more lines)\n", p->end_line - last);
	size_t run = 0, longest = 0;
	for (size_t i = 0; i < body.len; i++) {
		run = body.data[i] == '`' ? run + 1 : 0;
		if (run > longest) longest = run;
	}
	size_t fence = longest >= 3 ? longest + 1 : 3;
	for (size_t i = 0; i < fence; i++) ig_buf_putc(o, '`');
	ig_buf_printf(o, "%s\n", md__fence_lang(p->file));
	if (body.len) ig_buf_put_text(o, body.data, body.len);
	for (size_t i = 0; i < fence; i++) ig_buf_putc(o, '`');
	ig_buf_puts(o, "\n\n");
	ig_buf_free(&body);
}

static void md__title(ig_buf *o, const ig_fix *x)
{
	const char *name = x->ideal_name ? x->ideal_name : x->model_name;
	const char *type = x->ideal_type ? x->ideal_type : x->model_type;
	switch (x->kind) {
	case IG_FIX_TRUNCATED_ANSWER: ig_buf_printf_text(o, "The answer is cut off in %s", x->model_name ? x->model_name : "a file"); return;
	case IG_FIX_NO_CODE: ig_buf_puts(o, "The answer holds no code"); return;
	case IG_FIX_RESOURCE_ADDED: ig_buf_printf_text(o, "Missing resource `%s` (%s)", name, type ? type : "resource"); return;
	case IG_FIX_RESOURCE_REMOVED: ig_buf_printf_text(o, "Resource `%s` (%s) that the ideal drops", name, type ? type : "resource"); return;
	case IG_FIX_RESOURCE_RETYPED: ig_buf_printf_text(o, "Resource `%s` of the wrong type (%s, the ideal uses %s)", name, x->model_type, x->ideal_type); return;
	case IG_FIX_IMPORTS_CHANGED: ig_buf_puts(o, "Imports"); return;
	default: break;
	}
	if (x->unit == IG_UNIT_RESOURCE) {
		ig_buf_printf_text(o, "`%s` (%s)", name, type ? type : "resource");
		for (size_t k = 0; k < x->n_details && k < 4; k++) ig_buf_printf_text(o, "%s`%s`", k ? ", " : ": ", x->details[k].path);
		if (x->n_details > 4) ig_buf_printf(o, " and %zu more", x->n_details - 4);
		return;
	}
	const char *what = x->kind == IG_FIX_CODE_ADDED ? "missing" : x->kind == IG_FIX_CODE_REMOVED ? "not in the ideal" : "changed";
	if (x->unit == IG_UNIT_TOP) {
		const ig_fix_place *p = x->ideal.file ? &x->ideal : &x->model;
		ig_buf_printf_text(o, "Top-level code of `%s` %s", p->file ? p->file->path : "a file", what);
		return;
	}
	ig_buf_printf_text(o, "%s `%s` %s", ig_unit_kind_name(x->unit), name && *name ? name : "(top level)", what);
}

static const char *md__reference(const ig_task *t, const ig_fix *x)
{
	for (size_t k = 0; k < x->n_resolves; k++) {
		const ig_rule_info *r = ig_rule_find(t->findings[x->resolves[k]].rule);
		if (r && r->reference) return r->reference;
	}
	return NULL;
}

static void md__score(ig_buf *o, const ig_task *t)
{
	const ig_score *s = &t->score;
	ig_buf_puts(o, "## Training Quality Score\n\n");
	if (!s->complete) {
		ig_buf_printf_text(o, "Not computed: %s.\n", s->status_reason ? s->status_reason : "unknown");
		return;
	}
	if (s->blocker) {
		ig_buf_printf_text(o, "- Blocker: %s -> score %d (steps 2-4 skipped)\n", s->blocker_reason, s->blocker);
	} else {
		ig_buf_puts(o, "- Blockers: none\n- Base: 8\n");
		ig_buf_printf_text(o, "- Adjustment: %+d (%d A, %d B, %d C, %d D: %s)\n", s->adjustment, s->n_a, s->n_b, s->n_c, s->n_d,
				   s->adjustment_rule);
		ig_buf_printf_text(o, "- Complexity: %+d (%d services: %s", s->complexity, s->n_services, s->services ? s->services : "");
		const ig_score_factor *f[] = {&s->integrated, &s->security, &s->high_availability, &s->advanced};
		const char *n[] = {"integrated", "security", "high availability", "advanced patterns"};
		for (int i = 0; i < 4; i++)
			if (f[i]->on) ig_buf_printf_text(o, "; %s: %s", n[i], f[i]->evidence);
		ig_buf_puts(o, ")\n");
		ig_buf_printf(o, "- Final: clamp(8 %+d %+d, 0, 10) = %d\n", s->adjustment, s->complexity, s->value);
	}
	ig_buf_printf(o, "\n**Score: %d/10. Decision: %s** (approved at 8 or more).\n", s->value, s->approved ? "APPROVED" : "BLOCKED");
}

void ig_report_md(ig_buf *o, const ig_task *t, const char *path)
{
	const ig_diff *d = t->diff;
	size_t counts[SEV_COUNT] = {0}, cats[4] = {0}, n = 0, apart = 0;
	for (size_t i = 0; d && i < d->n_fixes; i++) {
		const ig_fix *x = &d->fixes[i];
		if (!x->counted) { apart++; continue; }
		counts[md__severity(t, x)]++;
		if (x->category >= 'A' && x->category <= 'D') cats[x->category - 'A']++;
		n++;
	}
	ig_buf_puts(o, "# Model Response Failures Analysis\n\n## Overview\n\n");
	ig_buf_printf_text(o, "Task `%s`: %s+%s. The model's answer (%s) is compared with the ideal (%s) by resource, function and "
			   "template section; comments, formatting, import order, reordering and renames are not failures.\n\n",
			   path, ig_platform_name(t->platform), ig_lang_name(t->lang), t->model.present ? t->model.source : "absent",
			   t->ideal.present ? t->ideal.source : "absent");
	if (d && d->note) ig_buf_printf_text(o, "Note: %s.\n\n", d->note);
	size_t number = 0;
	for (int sev = 0; sev < SEV_COUNT; sev++) {
		if (!counts[sev]) continue;
		ig_buf_printf(o, "## %s Failures\n\n", md_sev_name[sev]);
		for (size_t i = 0; i < d->n_fixes; i++) {
			const ig_fix *x = &d->fixes[i];
			if (!x->counted || md__severity(t, x) != sev) continue;
			ig_buf_printf(o, "### %zu. ", ++number);
			md__title(o, x);
			ig_buf_puts(o, "\n\n");
			ig_buf_printf(o, "**Severity**: %s  \n**Category**: Category %c  \n", md_sev_name[sev], x->category ? x->category : '?');
			ig_buf_printf(o, "**Impact**: %s\n\n", md_sev_why[sev]);
			md__code(o, "Model", &x->model);
			md__code(o, "Ideal", &x->ideal);
			for (size_t k = 0; k < x->n_details; k++) {
				const ig_fix_detail *dt = &x->details[k];
				ig_buf_printf_text(o, "- `%s`: %s", dt->path, !dt->old_text ? "added" : !dt->new_text ? "removed" : "changed");
				if (dt->model.file) ig_buf_printf_text(o, " (model `%s:%u`)", dt->model.file->path, dt->model.line);
				if (dt->ideal.file) ig_buf_printf_text(o, " (ideal `%s:%u`)", dt->ideal.file->path, dt->ideal.line);
				ig_buf_putc(o, '\n');
			}
			if (x->n_details) ig_buf_putc(o, '\n');
			ig_buf_printf_text(o, "**Root cause**: %s\n\n", x->reason ? x->reason : "not explained");
			const char *ref = md__reference(t, x);
			if (ref) ig_buf_printf_text(o, "**Reference**: %s\n\n", ref);
		}
	}
	if (!n) ig_buf_puts(o, "No failures: the model's answer is the ideal in meaning.\n\n");
	static const char *const apart_title[] = {"LocalStack Compatibility Changes (not counted)", "Test Changes (not counted)"};
	for (int group = 0; group < 2 && apart; group++) {
		bool any = false;
		for (size_t i = 0; i < d->n_fixes; i++) {
			const ig_fix *x = &d->fixes[i];
			if (x->counted || x->test != (group == 1)) continue;
			if (!any) ig_buf_printf(o, "## %s\n\n", apart_title[group]);
			any = true;
			ig_buf_puts(o, "- ");
			md__title(o, x);
			ig_buf_printf_text(o, ": %s\n", x->reason ? x->reason : "");
		}
		if (any) ig_buf_putc(o, '\n');
	}
	ig_buf_puts(o, "## Summary\n\n");
	ig_buf_printf(o, "- Total failures: %zu\n", n);
	for (int sev = 0; sev < SEV_COUNT; sev++) ig_buf_printf(o, "- %s: %zu\n", md_sev_name[sev], counts[sev]);
	ig_buf_printf(o, "- Category A: %zu, Category B: %zu, Category C: %zu, Category D: %zu\n", cats[0], cats[1], cats[2], cats[3]);
	if (apart) ig_buf_printf(o, "- Not counted (LocalStack, tests): %zu\n", apart);
	ig_buf_putc(o, '\n');
	md__score(o, t);
}
