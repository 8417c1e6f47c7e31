/* The diff's fixes as JSON and as text: each fix with where it lies on both
 * sides (file, line, and the markdown line when the file came from an
 * answer's code block) and a stacked before/after code frame. */
#include "diff/diff.h"
#include "report/report.h"
#include <string.h>

const char *ig_report_line(const ig_file *f, unsigned n, size_t *len)
{
	const char *p = f->text, *end = f->text + f->len;
	for (unsigned i = 1; i < n && p < end; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl) return NULL;
		p = nl + 1;
	}
	if (p >= end) return NULL;
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*len = (size_t)((nl ? nl : end) - p);
	if (*len && p[*len - 1] == '\r') (*len)--;
	return p;
}

static unsigned diff__md(const ig_file *f, unsigned line) { return f && f->md_line && line ? f->md_line + line - 1 : 0; }

static void diff__place_json(ig_jsonw *w, const char *key, const ig_fix_place *p)
{
	ig_jsonw_key(w, key);
	if (!p->file) { ig_jsonw_null(w); return; }
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "file", p->file->path);
	ig_jsonw_kstr(w, "md_file", p->file->md_source);
	ig_jsonw_kint(w, "turn", p->file->turn);
	ig_jsonw_kint(w, "line", p->line);
	ig_jsonw_kint(w, "end_line", p->end_line);
	ig_jsonw_kline(w, "md_line", diff__md(p->file, p->line));
	ig_jsonw_kline(w, "md_end_line", diff__md(p->file, p->end_line));
	ig_jsonw_kbool(w, "anchor", p->anchor);
	ig_jsonw_obj_end(w);
}

void ig_report_diff_json(ig_jsonw *w, const ig_diff *d)
{
	ig_jsonw_key(w, "diff");
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "note", d->note);
	ig_jsonw_kint(w, "files_paired", (long long)d->files_paired);
	ig_jsonw_kint(w, "files_model_only", (long long)d->files_model_only);
	ig_jsonw_kint(w, "files_ideal_only", (long long)d->files_ideal_only);
	ig_jsonw_key(w, "changed_lines");
	ig_jsonw_obj(w);
	ig_jsonw_kint(w, "model", (long long)d->changed_lines[0]);
	ig_jsonw_kint(w, "ideal", (long long)d->changed_lines[1]);
	ig_jsonw_obj_end(w);
	ig_jsonw_obj_end(w);
	ig_jsonw_key(w, "fixes");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < d->n_fixes; i++) {
		const ig_fix *f = &d->fixes[i];
		ig_jsonw_obj(w);
		ig_jsonw_kstr(w, "id", f->id);
		ig_jsonw_kstr(w, "kind", ig_fix_kind_name(f->kind));
		ig_jsonw_kstr(w, "unit", ig_unit_kind_name(f->unit));
		ig_jsonw_key(w, "names");
		ig_jsonw_obj(w);
		ig_jsonw_kstr(w, "model", f->model_name);
		ig_jsonw_kstr(w, "ideal", f->ideal_name);
		ig_jsonw_obj_end(w);
		ig_jsonw_key(w, "resource");
		if (f->unit == IG_UNIT_RESOURCE) {
			ig_jsonw_obj(w);
			ig_jsonw_kstr(w, "model_type", f->model_type);
			ig_jsonw_kstr(w, "ideal_type", f->ideal_type);
			ig_jsonw_obj_end(w);
		} else {
			ig_jsonw_null(w);
		}
		diff__place_json(w, "model", &f->model);
		diff__place_json(w, "ideal", &f->ideal);
		ig_jsonw_key(w, "lines");
		ig_jsonw_obj(w);
		ig_jsonw_kint(w, "model", (long long)f->model_lines);
		ig_jsonw_kint(w, "ideal", (long long)f->ideal_lines);
		ig_jsonw_obj_end(w);
		ig_jsonw_key(w, "details");
		ig_jsonw_arr(w);
		for (size_t k = 0; k < f->n_details; k++) {
			const ig_fix_detail *dt = &f->details[k];
			ig_jsonw_obj(w);
			ig_jsonw_kstr(w, "path", dt->path);
			ig_jsonw_kstr(w, "old", dt->old_text);
			ig_jsonw_kstr(w, "new", dt->new_text);
			diff__place_json(w, "model", &dt->model);
			diff__place_json(w, "ideal", &dt->ideal);
			ig_jsonw_obj_end(w);
		}
		ig_jsonw_arr_end(w);
		ig_jsonw_key(w, "category");
		if (f->category) ig_jsonw_strn(w, &f->category, 1); else ig_jsonw_null(w);
		ig_jsonw_kstr(w, "reason", f->reason);
		ig_jsonw_kbool(w, "counted", f->counted);
		ig_jsonw_kbool(w, "test", f->test);
		ig_jsonw_key(w, "resolves");
		ig_jsonw_arr(w);
		for (size_t k = 0; k < f->n_resolves; k++) ig_jsonw_int(w, (long long)f->resolves[k]);
		ig_jsonw_arr_end(w);
		ig_jsonw_kstr(w, "environment", f->environment);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
	ig_jsonw_key(w, "diff_ignored");
	ig_jsonw_obj(w);
	for (int r = 0; r < IG_IGN_COUNT; r++) {
		ig_jsonw_key(w, ig_ignore_reason_name((ig_ignore_reason)r));
		ig_jsonw_obj(w);
		ig_jsonw_kint(w, "model", (long long)d->ignored_lines[r][0]);
		ig_jsonw_kint(w, "ideal", (long long)d->ignored_lines[r][1]);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_obj_end(w);
}

#define FRAME_MAX_LINES 12

/* Lines [line, end_line] of one side, each with its file line and markdown line. */
static void diff__frame(ig_buf *o, char mark, const ig_fix_place *p)
{
	if (!p->file) return;
	if (p->anchor) mark = ' '; /* context: where the other side's change goes */
	unsigned last = p->end_line;
	if (last - p->line >= FRAME_MAX_LINES) last = p->line + FRAME_MAX_LINES - 1;
	for (unsigned l = p->line; l <= last; l++) {
		size_t len = 0;
		const char *s = ig_report_line(p->file, l, &len);
		if (!s) break;
		if (len > 160) {
			len = 160;
			while (len && ((unsigned char)s[len] & 0xc0) == 0x80) len--; /* not inside a UTF-8 sequence */
		}
		unsigned md = diff__md(p->file, l);
		if (md) ig_buf_printf(o, "    %c %5u md:%-5u| ", mark, l, md);
		else ig_buf_printf(o, "    %c %5u         | ", mark, l);
		ig_buf_put_text(o, s, len);
		ig_buf_putc(o, '\n');
	}
	if (last < p->end_line) ig_buf_printf(o, "    %c   ... %u more line%s\n", mark, p->end_line - last,
						p->end_line - last == 1 ? "" : "s");
}

static void diff__where(ig_buf *o, const char *label, const ig_fix_place *p)
{
	if (!p->file) { ig_buf_printf(o, "    %s: none\n", label); return; }
	ig_buf_printf_text(o, "    %s: %s%s:%u-%u", label, p->anchor ? "after " : "", p->file->path, p->line, p->end_line);
	if (p->file->md_line) ig_buf_printf_text(o, " (%s:%u)", p->file->md_source ? p->file->md_source : "md",
						 diff__md(p->file, p->line));
	ig_buf_putc(o, '\n');
}

void ig_report_diff_text(ig_buf *o, const ig_diff *d)
{
	if (d->note && !d->n_fixes) { ig_buf_printf_text(o, "fixes: none (%s)\n", d->note); return; }
	ig_buf_printf(o, "fixes: %zu (%zu file%s paired, %zu only in the model, %zu only in the ideal)\n", d->n_fixes,
		      d->files_paired, d->files_paired == 1 ? "" : "s", d->files_model_only, d->files_ideal_only);
	for (size_t i = 0; i < d->n_fixes; i++) {
		const ig_fix *f = &d->fixes[i];
		const char *name = f->ideal_name ? f->ideal_name : f->model_name;
		ig_buf_printf_text(o, "  %s %s %s %s", f->id, ig_fix_kind_name(f->kind), ig_unit_kind_name(f->unit),
				   name && *name ? name : "(top level)");
		if (f->model_name && f->ideal_name && strcmp(f->model_name, f->ideal_name) != 0)
			ig_buf_printf_text(o, " (model: %s)", f->model_name);
		if (f->unit == IG_UNIT_RESOURCE && (f->ideal_type || f->model_type))
			ig_buf_printf_text(o, " [%s]", f->ideal_type ? f->ideal_type : f->model_type);
		ig_buf_putc(o, '\n');
		if (f->reason) ig_buf_printf_text(o, "    %s\n", f->reason);
		diff__where(o, "model", &f->model);
		diff__where(o, "ideal", &f->ideal);
		for (size_t k = 0; k < f->n_details; k++) {
			const ig_fix_detail *dt = &f->details[k];
			ig_buf_printf_text(o, "    %s: %s", dt->path, !dt->old_text ? "added" : !dt->new_text ? "removed" : "changed");
			if (dt->model.file) ig_buf_printf(o, " (model line %u)", dt->model.line);
			if (dt->ideal.file) ig_buf_printf(o, " (ideal line %u)", dt->ideal.line);
			ig_buf_putc(o, '\n');
		}
		diff__frame(o, '-', &f->model);
		diff__frame(o, '+', &f->ideal);
	}
	ig_buf_printf(o, "changed lines: model %zu, ideal %zu; not in a fix (model/ideal):", d->changed_lines[0],
		      d->changed_lines[1]);
	for (int r = 0; r < IG_IGN_COUNT; r++)
		if (d->ignored_lines[r][0] || d->ignored_lines[r][1])
			ig_buf_printf(o, " %s %zu/%zu", ig_ignore_reason_name((ig_ignore_reason)r), d->ignored_lines[r][0],
				      d->ignored_lines[r][1]);
	ig_buf_putc(o, '\n');
}
