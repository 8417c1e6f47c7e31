#include "report/report.h"
#include "diff/diff.h"
#include "req/req.h"
#include "util/strutil.h"
#include <string.h>

static void json__lang(ig_jsonw *w, const char *key, ig_lang l)
{
	ig_jsonw_kstr(w, key, l == IG_LANG_UNKNOWN ? NULL : ig_lang_name(l));
}

static void json__platform(ig_jsonw *w, const char *key, ig_platform p)
{
	ig_jsonw_kstr(w, key, p == IG_PLAT_UNKNOWN ? NULL : ig_platform_name(p));
}

static void json__file(ig_jsonw *w, const ig_file *f)
{
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "path", f->path);
	ig_jsonw_kstr(w, "path_source", f->path_source);
	ig_jsonw_kstr(w, "role", ig_role_name(f->role));
	ig_jsonw_kstr(w, "derived_from", f->derived_from);
	json__lang(w, "language", f->lang);
	ig_jsonw_kline(w, "md_line", f->md_line);
	ig_jsonw_kstr(w, "md_source", f->md_source);
	if (f->turn) ig_jsonw_kint(w, "turn", f->turn);
	ig_jsonw_kint(w, "lines", (long long)ig_text_lines(f->text, f->len));
	ig_jsonw_kbool(w, "truncated", f->truncated);
	ig_jsonw_kbool(w, "skipped", f->skipped);
	ig_jsonw_kbool(w, "imports_only", f->imports_only);
	json__platform(w, "platform", f->platform);
	ig_jsonw_key(w, "parse_errors");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < f->parse.n_errors; i++) {
		const ig_parse_error *e = &f->parse.errors[i];
		ig_jsonw_obj(w);
		ig_jsonw_kint(w, "line", e->line);
		ig_jsonw_kint(w, "col", e->col);
		ig_jsonw_kline(w, "md_line", f->md_line ? f->md_line + e->line - 1 : 0);
		if (e->missing) ig_jsonw_kstr(w, "expected", e->what);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
	ig_jsonw_kint(w, "parse_error_count", (long long)f->parse.n_errors_total);
	ig_jsonw_key(w, "resources");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < f->n_resources; i++) {
		const ig_resource *r = &f->resources[i];
		ig_jsonw_obj(w);
		ig_jsonw_kstr(w, "type", r->native_type);
		ig_jsonw_kstr(w, "name", r->name);
		ig_jsonw_kstr(w, "service", r->service);
		ig_jsonw_kline(w, "line", r->line);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
	ig_jsonw_obj_end(w);
}

static void json__response(ig_jsonw *w, const ig_response *r)
{
	ig_jsonw_obj(w);
	ig_jsonw_kbool(w, "present", r->present);
	ig_jsonw_kstr(w, "source", r->source);
	if (r->turn) ig_jsonw_kint(w, "turn", r->turn);
	ig_jsonw_kbool(w, "truncated", r->truncated);
	ig_jsonw_kbool(w, "has_reasoning_trace", r->has_reasoning);
	json__platform(w, "platform", r->platform);
	json__lang(w, "language", r->lang);
	ig_jsonw_key(w, "files");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < r->n_files; i++) json__file(w, &r->files[i]);
	ig_jsonw_arr_end(w);
	ig_jsonw_obj_end(w);
}

static void json__strings(ig_jsonw *w, const char *key, const char *const *s, size_t n)
{
	ig_jsonw_key(w, key);
	ig_jsonw_arr(w);
	for (size_t i = 0; i < n; i++) ig_jsonw_str(w, s[i]);
	ig_jsonw_arr_end(w);
}

void ig_report_json_finding(ig_jsonw *w, const ig_finding *f)
{
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "rule", f->rule);
	ig_jsonw_key(w, "category");
	if (f->category) ig_jsonw_strn(w, &f->category, 1); else ig_jsonw_null(w);
	ig_jsonw_kstr(w, "severity", ig_severity_name(f->severity));
	ig_jsonw_kstr(w, "message", f->message);
	ig_jsonw_kstr(w, "fix", f->fix);
	ig_jsonw_kstr(w, "response", f->response);
	ig_jsonw_kstr(w, "file", f->file);
	ig_jsonw_kline(w, "line", f->line);
	ig_jsonw_kline(w, "md_line", f->md_line);
	ig_jsonw_obj_end(w);
}

static void json__factor(ig_jsonw *w, const char *key, const ig_score_factor *f)
{
	ig_jsonw_key(w, key);
	ig_jsonw_obj(w);
	ig_jsonw_kbool(w, "on", f->on);
	ig_jsonw_kstr(w, "evidence", f->evidence);
	ig_jsonw_obj_end(w);
}

/* Every step of docs/scoring.md with what it rests on. */
void ig_report_json_score(ig_jsonw *w, const ig_task *t)
{
	const ig_score *s = &t->score;
	ig_jsonw_key(w, "score");
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "status", s->complete ? "complete" : "incomplete");
	ig_jsonw_kstr(w, "status_reason", s->complete ? NULL : s->status_reason);
	ig_jsonw_key(w, "value");
	if (s->complete) ig_jsonw_int(w, s->value); else ig_jsonw_null(w);
	ig_jsonw_key(w, "approved");
	if (s->complete) ig_jsonw_bool(w, s->approved); else ig_jsonw_null(w);
	ig_jsonw_key(w, "blocker");
	if (s->blocker) {
		ig_jsonw_obj(w);
		ig_jsonw_kint(w, "score", s->blocker);
		ig_jsonw_kstr(w, "reason", s->blocker_reason);
		ig_jsonw_obj_end(w);
	} else {
		ig_jsonw_null(w);
	}
	ig_jsonw_key(w, "blockers_not_checked");
	ig_jsonw_arr(w);
	if (!s->services_checked) ig_jsonw_str(w, "required services missing (the prompt names no service)");
	if (!s->region_checked) ig_jsonw_str(w, "required region (no prompt)");
	ig_jsonw_arr_end(w);
	ig_jsonw_key(w, "fixes");
	ig_jsonw_obj(w);
	ig_jsonw_kint(w, "A", s->n_a);
	ig_jsonw_kint(w, "B", s->n_b);
	ig_jsonw_kint(w, "C", s->n_c);
	ig_jsonw_kint(w, "D", s->n_d);
	ig_jsonw_kint(w, "not_counted", s->n_not_counted);
	ig_jsonw_obj_end(w);
	ig_jsonw_key(w, "adjustment");
	ig_jsonw_obj(w);
	ig_jsonw_kint(w, "value", s->adjustment);
	ig_jsonw_kstr(w, "rule", s->adjustment_rule);
	ig_jsonw_obj_end(w);
	ig_jsonw_key(w, "complexity");
	ig_jsonw_obj(w);
	ig_jsonw_kint(w, "value", s->complexity);
	ig_jsonw_kint(w, "services", s->n_services);
	ig_jsonw_kstr(w, "service_names", s->services);
	json__factor(w, "integrated", &s->integrated);
	json__factor(w, "security", &s->security);
	json__factor(w, "high_availability", &s->high_availability);
	json__factor(w, "advanced", &s->advanced);
	ig_jsonw_obj_end(w);
	ig_jsonw_obj_end(w);
}

static void json__req_eval(ig_jsonw *w, const char *key, const ig_req_eval *e)
{
	ig_jsonw_key(w, key);
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "status", ig_req_status_name(e->status));
	ig_jsonw_kstr(w, "file", e->file);
	ig_jsonw_kline(w, "line", e->line);
	ig_jsonw_kline(w, "md_line", e->md_line);
	ig_jsonw_kstr(w, "note", e->note);
	ig_jsonw_obj_end(w);
}

/* Constraints read from the prompts and their status per response (src/req). */
static void json__requirements(ig_jsonw *w, const ig_task *t)
{
	ig_jsonw_key(w, "requirements");
	ig_jsonw_arr(w);
	for (size_t i = 0; t->reqs && i < t->reqs->n; i++) {
		const ig_req *r = &t->reqs->items[i];
		ig_jsonw_obj(w);
		ig_jsonw_kstr(w, "kind", ig_req_kind_name(r->kind));
		ig_jsonw_kstr(w, "value", r->value);
		ig_jsonw_kstr(w, "detail", r->detail);
		ig_jsonw_kstr(w, "file", r->file);
		ig_jsonw_kint(w, "line", r->line);
		ig_jsonw_kstr(w, "text", r->quote);
		json__req_eval(w, "model", &r->model);
		json__req_eval(w, "ideal", &r->ideal);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
}

void ig_report_json(ig_jsonw *w, const ig_task *t, const char *path)
{
	const ig_metadata *m = &t->meta;
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "schema", "iacgrade.task");
	ig_jsonw_kint(w, "version", IG_JSON_SCHEMA_VERSION);
	ig_jsonw_kstr(w, "path", path);
	ig_jsonw_key(w, "platform");
	ig_jsonw_obj(w);
	json__platform(w, "declared", m->platform);
	json__platform(w, "detected", t->platform);
	ig_jsonw_obj_end(w);
	ig_jsonw_key(w, "language");
	ig_jsonw_obj(w);
	json__lang(w, "declared", m->language);
	json__lang(w, "detected", t->lang);
	ig_jsonw_obj_end(w);
	ig_jsonw_key(w, "metadata");
	ig_jsonw_obj(w);
	ig_jsonw_kbool(w, "present", m->present);
	ig_jsonw_kbool(w, "parsed", m->parsed);
	ig_jsonw_kstr(w, "platform", m->platform_raw);
	ig_jsonw_kstr(w, "language", m->language_raw);
	ig_jsonw_kstr(w, "complexity", m->complexity);
	ig_jsonw_kstr(w, "subtask", m->subtask);
	json__strings(w, "aws_services", m->aws_services, m->n_aws_services);
	ig_jsonw_key(w, "training_quality");
	if (m->has_training_quality) ig_jsonw_num(w, m->training_quality); else ig_jsonw_null(w);
	ig_jsonw_obj_end(w);
	ig_jsonw_key(w, "responses");
	ig_jsonw_obj(w);
	ig_jsonw_key(w, "model");
	json__response(w, &t->model);
	ig_jsonw_key(w, "ideal");
	json__response(w, &t->ideal);
	ig_jsonw_key(w, "ideal_md");
	json__response(w, &t->ideal_md);
	ig_jsonw_key(w, "model_turns");
	ig_jsonw_arr(w);
	for (size_t k = 0; k < t->n_turns; k++) json__response(w, &t->turns[k]);
	ig_jsonw_arr_end(w);
	ig_jsonw_obj_end(w);
	ig_jsonw_key(w, "services");
	ig_jsonw_obj(w);
	json__strings(w, "model", t->model.services, t->model.n_services);
	json__strings(w, "ideal", t->ideal.services, t->ideal.n_services);
	ig_jsonw_obj_end(w);
	json__requirements(w, t);
	ig_jsonw_key(w, "findings");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < t->n_findings; i++) ig_report_json_finding(w, &t->findings[i]);
	ig_jsonw_arr_end(w);
	if (t->diff) ig_report_diff_json(w, t->diff);
	ig_report_json_score(w, t);
	ig_jsonw_obj_end(w);
}
