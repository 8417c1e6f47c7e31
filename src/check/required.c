/* Required arguments of Terraform, CDKTF and Pulumi resources, read over the
 * IaC model (src/model) once it is built for a response: a resource whose
 * written properties lack an argument the provider's schema marks required
 * fails at plan (`Missing required argument`) or at the Pulumi type check.
 * The schema is tf.kb's REQUIRED flag (Terraform, CDKTF) and pulumi.kb's
 * (Pulumi, whose required inputs leave out what it names by itself, such as a
 * Lambda function's name). A resource whose properties the model could not
 * read in full (an unknown spread or a props object it cannot follow, Go and
 * Java code) is never reported: unknown is not missing. */
#include "check/check.h"
#include "check/tfkb.h"
#include "model/model.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct {
	const ig_kb *kb;
	const ig_model_resource *r;
	ig_arena *a;
	const char *missing[8];
	size_t n_missing;
} required_scan;

static bool required__written(const ig_model_resource *r, const char *folded)
{
	for (size_t i = 0; i < r->n_props; i++)
		if (!r->props[i].from && strcmp(r->props[i].folded, folded) == 0) return true;
	return false;
}

static bool required__each(const ig_kb_entry *e, void *ctx)
{
	required_scan *s = ctx;
	ig_kb_kind k = ig_kb_kind_of(e);
	if ((k != IG_KB_TF_ARGUMENT && k != IG_KB_PROPERTY) || !ig_kb_has(e, IG_KB_REQUIRED) || ig_kb_has(e, IG_KB_REMOVED))
		return true;
	const char *name = ig_kb_name(s->kb, e);
	if (!required__written(s->r, ig_model_fold(s->a, name, strlen(name))) && s->n_missing < 8)
		s->missing[s->n_missing++] = name;
	return true;
}

/* The properties were all read: written in a language whose props the model
 * reads, with no unknown spread among them. */
static bool required__complete(const ig_model_resource *r)
{
	if (r->lang != IG_LANG_HCL && r->lang != IG_LANG_TS && r->lang != IG_LANG_TSX && r->lang != IG_LANG_JS &&
	    r->lang != IG_LANG_PY)
		return false;
	for (size_t i = 0; i < r->n_props; i++)
		if (strcmp(r->props[i].key, "...") == 0) return false;
	return true;
}

/* The resource's own text spreads an object into its arguments (`**kwargs`,
 * `...props`: the model may have followed a variable of that name in another
 * function) or elides part of itself (`# ...`, `// ...` in an answer's
 * snippet): what it writes is not known in full. */
static bool required__opaque(const ig_file *f, const ig_model_resource *r)
{
	if (!f->text) return true;
	unsigned line = 1;
	const char *s = f->text, *end = f->text + f->len, *from = NULL, *to = end;
	for (const char *p = s; p < end && line <= r->span.end_line; p++) {
		if (line == r->span.line && !from) from = p;
		if (*p == '\n' && ++line > r->span.end_line) to = p;
	}
	if (!from) return true;
	return ig_memstr(from, (size_t)(to - from), "...") || ig_memstr(from, (size_t)(to - from), "**");
}

/* Another resource of the same type and name: an answer restating a
 * resource in a later snippet (only the part it changes). */
static bool required__restated(const ig_model *m, const ig_model_resource *r)
{
	if (!r->name) return false;
	for (size_t i = 0; i < m->n_resources; i++) {
		const ig_model_resource *o = &m->resources[i];
		if (o != r && o->name && o->type && strcmp(o->name, r->name) == 0 && strcmp(o->type, r->type) == 0) return true;
	}
	return false;
}

/* A name as the language writes it: snake_case in HCL and Python, camelCase in
 * TypeScript (the data has Terraform's snake_case and Pulumi's camelCase). */
static const char *required__spelling(ig_arena *a, const char *name, ig_lang lang)
{
	bool snake = lang == IG_LANG_HCL || lang == IG_LANG_PY;
	size_t n = strlen(name);
	char *out = ig_arena_alloc(a, 2 * n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)name[i];
		if (snake && isupper(ch)) *o++ = '_', *o++ = (char)tolower(ch);
		else if (!snake && ch == '_' && i + 1 < n) *o++ = (char)toupper((unsigned char)name[++i]);
		else *o++ = (char)ch;
	}
	*o = 0;
	return out;
}

void ig_check_model_required(ig_task *t, ig_response *resp, const ig_model *m)
{
	if (!m) return;
	const ig_kbset *kbs = ig_kbset_default();
	for (size_t i = 0; i < m->n_resources; i++) {
		const ig_model_resource *r = &m->resources[i];
		if (r->level != IG_LEVEL_PROVIDER || !r->type || !required__complete(r)) continue;
		if (r->span.file_id < 0 || (size_t)r->span.file_id >= resp->n_files || !r->span.line) continue;
		ig_file *f = &resp->files[r->span.file_id];
		if ((f->role != IG_ROLE_IAC && f->role != IG_ROLE_ENTRY) || f->derived_from) continue;
		if (required__opaque(f, r) || required__restated(m, r)) continue;
		const ig_kb *kb;
		const char *parent, *rule;
		if (r->platform == IG_PLAT_TF && r->tf_type) kb = &kbs->tf, parent = r->tf_type, rule = IG_RULE_TF_MISSING_REQUIRED_ARGUMENT;
		else if (r->platform == IG_PLAT_CDKTF && r->tf_type)
			kb = &kbs->tf, parent = r->tf_type, rule = IG_RULE_CDKTF_MISSING_REQUIRED_ARGUMENT;
		else if (r->platform == IG_PLAT_PULUMI && ig_starts_with(r->type, "aws."))
			kb = &kbs->pulumi, parent = r->type + 4, rule = IG_RULE_PULUMI_MISSING_REQUIRED_ARGUMENT;
		else continue;
		if (!kb->n_entries || !ig_kb_find(kb, parent, strlen(parent))) continue;
		required_scan s = {.kb = kb, .r = r, .a = &t->arena};
		ig_kb_each_child(kb, parent, required__each, &s);
		if (!s.n_missing) continue;
		char list[512];
		size_t at = 0;
		list[0] = 0;
		for (size_t k = 0; k < s.n_missing && at < sizeof list - 64; k++)
			at += (size_t)snprintf(list + at, sizeof list - at, "%s`%s`", k ? ", " : "",
					       required__spelling(&t->arena, s.missing[k], r->lang));
		ig_check_ctx c = {.task = t, .response = resp->name, .file = f, .parse = &f->parse, .kb = kbs};
		/* a Terraform address names its type already (aws_lambda_function.fn) */
		const char *name = r->name ? r->name : "", *type = r->type_written;
		size_t tl = strlen(type);
		bool address = strncmp(name, type, tl) == 0 && name[tl] == '.';
		ig_check_report(&c, rule, r->span.line, NULL, "%s%s%s is missing the required argument%s %s (%s)", address ? "" : type,
				*name && !address ? " " : "", name, s.n_missing == 1 ? "" : "s", list,
				kb == &kbs->tf ? ig_tfkb_versions(&c, kb) : kb->source);
	}
}
