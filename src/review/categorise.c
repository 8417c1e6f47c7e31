#include "review/categorise.h"
#include "detect/aws_types.h"
#include "diff/diff.h"
#include "util/buf.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

extern const ig_kv ig_review_fix_topics[];
extern const unsigned ig_review_fix_topics_count;

static bool in_place(const ig_fix_place *p, const char *file, unsigned line)
{
	return p->file && !p->anchor && file && line && strcmp(p->file->path, file) == 0 && line >= p->line &&
	       line <= p->end_line;
}

static bool model_finding(const ig_finding *f)
{
	return f->response && (strcmp(f->response, "model") == 0 || strncmp(f->response, "model_turn", 10) == 0);
}

/* The ideal still has this rule at the fix's ideal place: the same rule at
 * the aligned place on both sides is not resolved. */
static bool ideal_has(const ig_task *t, const ig_fix *x, const char *rule)
{
	for (size_t k = 0; k < t->n_findings; k++) {
		const ig_finding *f = &t->findings[k];
		if (f->response && strcmp(f->response, "ideal") == 0 && strcmp(f->rule, rule) == 0 &&
		    x->ideal.file && f->file && strcmp(f->file, x->ideal.file->path) == 0 && f->line >= x->ideal.line &&
		    f->line <= x->ideal.end_line)
			return true;
	}
	return false;
}

/* The fix's words: its types, service and changed lines, folded to
 * lowercase letters and digits (as the topic table is written). */
static char *fix_words(ig_arena *a, const ig_fix *x)
{
	ig_buf b = {0};
	const char *parts[] = {x->model_type, x->ideal_type, x->service, x->model_name, x->ideal_name};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		if (parts[i]) ig_buf_printf(&b, "%s ", parts[i]);
	const ig_fix_place *pl[] = {&x->model, &x->ideal};
	for (int s = 0; s < 2; s++) {
		const ig_fix_place *p = pl[s];
		if (!p->file || p->anchor) continue;
		const char *txt = p->file->text, *end = txt + p->file->len;
		for (unsigned l = 1; l < p->line && txt < end; l++) {
			const char *nl = memchr(txt, '\n', (size_t)(end - txt));
			txt = nl ? nl + 1 : end;
		}
		const char *e = txt;
		for (unsigned l = p->line; l <= p->end_line && e < end && (size_t)(e - txt) < 20000; l++) {
			const char *nl = memchr(e, '\n', (size_t)(end - e));
			e = nl ? nl + 1 : end;
		}
		ig_buf_put(&b, txt, (size_t)(e - txt));
		ig_buf_putc(&b, ' ');
	}
	char *w = ig_fold_alnum(a, b.data ? b.data : "", b.len);
	ig_buf_free(&b);
	return w;
}

static const char *where(ig_arena *a, const ig_fix *x)
{
	const char *n = x->ideal_name ? x->ideal_name : x->model_name;
	if (x->unit == IG_UNIT_RESOURCE) return ig_arena_printf(a, "%s %s", x->ideal_type ? x->ideal_type : x->model_type ? x->model_type : "resource", n ? n : "");
	return ig_arena_printf(a, "%s %s", ig_unit_kind_name(x->unit), n && *n ? n : "(top level)");
}

static void by_kind(ig_arena *a, ig_fix *x)
{
	const char *w = where(a, x);
	switch (x->kind) {
	case IG_FIX_TRUNCATED_ANSWER:
		x->category = 'A', x->reason = ig_arena_printf(a, "A: the model's %s is cut off, so its code does not build; the ideal completes it",
							       x->model_name ? x->model_name : "answer");
		return;
	case IG_FIX_NO_CODE:
		x->category = 'A', x->reason = "A: the model's answer holds no code";
		return;
	case IG_FIX_RESOURCE_ADDED:
		x->category = 'A', x->reason = ig_arena_printf(a, "A (architecture): the ideal adds %s, which the model left out", w);
		return;
	case IG_FIX_RESOURCE_REMOVED:
		x->category = 'B', x->reason = ig_arena_printf(a, "B: the ideal drops the model's %s", w);
		return;
	case IG_FIX_RESOURCE_RETYPED:
		x->category = 'A', x->reason = ig_arena_printf(a, "A (architecture): the ideal replaces the model's %s by %s",
							       x->model_type ? x->model_type : "resource", x->ideal_type ? x->ideal_type : "another type");
		return;
	case IG_FIX_IMPORTS_CHANGED:
		x->category = 'C', x->reason = "C (lint): imports changed";
		return;
	default:
		break;
	}
	if (x->unit == IG_UNIT_SECTION) {
		const char *n = x->ideal_name ? x->ideal_name : x->model_name ? x->model_name : "";
		bool outputs = ig_memcasestr(n, strlen(n), "output") != NULL;
		x->category = outputs ? 'C' : 'B';
		x->reason = ig_arena_printf(a, "%c (%s): %s %s", x->category, outputs ? "outputs" : "configuration", w,
					    x->kind == IG_FIX_CODE_ADDED ? "added" : x->kind == IG_FIX_CODE_REMOVED ? "removed" : "changed");
		return;
	}
	x->category = 'B';
	x->reason = ig_arena_printf(a, "B (configuration): %s %s", w,
				    x->kind == IG_FIX_CODE_ADDED ? "added" : x->kind == IG_FIX_CODE_REMOVED ? "removed" : "changed");
}

static void categorise_fix(ig_task *t, ig_fix *x)
{
	ig_arena *a = &t->arena;
	x->counted = true;
	/* a fix that removes a model finding takes its rule's category (the best one) */
	char best = 0;
	const ig_finding *why = NULL;
	for (size_t k = 0; k < t->n_findings; k++) {
		const ig_finding *f = &t->findings[k];
		if (!model_finding(f) || !f->category || !in_place(&x->model, f->file, f->line) || ideal_has(t, x, f->rule)) continue;
		size_t *slot = IG_PUSH(a, x->resolves, x->n_resolves, x->cap_resolves);
		*slot = k;
		if (!best || f->category < best) best = f->category, why = f;
	}
	/* the tests are never counted, a cut-off test file included: the app builds without them */
	if (x->test) {
		x->counted = false;
		x->reason = ig_arena_printf(a, "not counted: a change to the tests (%s)", where(a, x));
		return;
	}
	if (x->kind == IG_FIX_TRUNCATED_ANSWER || x->kind == IG_FIX_NO_CODE) { by_kind(a, x); return; }
	if (why) {
		x->category = best;
		x->reason = ig_arena_printf(a, "%c: %s [%s]; the ideal's %s no longer has it", best, why->message, why->rule,
					    where(a, x));
		return;
	}
	if (x->kind != IG_FIX_RESOURCE_ADDED && x->kind != IG_FIX_RESOURCE_REMOVED) {
		const char *words = fix_words(a, x);
		for (unsigned i = 0; i < ig_review_fix_topics_count; i++) {
			if (!strstr(words, ig_review_fix_topics[i].key)) continue;
			const char *v = ig_review_fix_topics[i].value, *bar1 = strchr(v, '|'), *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
			if (!bar1 || !bar2) continue;
			if (v[0] == '-') { /* the emulator's needs: listed apart, not counted */
				x->environment = "localstack";
				x->counted = false;
				x->category = 0;
				x->reason = ig_arena_printf(a, "not counted: %s at %s", bar2 + 1, where(a, x));
				return;
			}
			x->category = v[0];
			x->reason = ig_arena_printf(a, "%c (%.*s): %s at %s", v[0], (int)(bar2 - bar1 - 1), bar1 + 1, bar2 + 1, where(a, x));
			return;
		}
	}
	by_kind(a, x);
}

void ig_review_categorise(ig_task *t)
{
	if (!t->diff) return;
	for (size_t i = 0; i < t->diff->n_fixes; i++) categorise_fix(t, &t->diff->fixes[i]);
}
