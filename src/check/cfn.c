/* CloudFormation templates: the sections, the transforms that change the
 * vocabulary, parameters, resources and outputs (see cfn.h). */
#include "check/cfn.h"
#include "syntax/yamlval.h"
#include "util/buf.h"
#include "util/strutil.h"
#include <string.h>

#define CFN_FOREACH "Fn::ForEach::"
#define CFN_MAX_FOREACH_DEPTH 4

bool cfn_is_string(const ig_jval *v) { return v && v->type == IG_JSTR; }

void cfn_push(cfn_tmpl *t, const char *seg)
{
	if (t->depth < CFN_MAX_PATH) t->path[t->depth] = seg;
	t->depth++;
}

void cfn_pop(cfn_tmpl *t)
{
	if (t->depth) t->depth--;
}

const char *cfn_path(cfn_tmpl *t)
{
	ig_buf b = {0};
	size_t n = t->depth < CFN_MAX_PATH ? t->depth : CFN_MAX_PATH;
	for (size_t i = 0; i < n; i++) {
		if (i && t->path[i][0] != '[') ig_buf_putc(&b, '.');
		ig_buf_puts(&b, t->path[i]);
	}
	const char *s = ig_arena_strdup(&t->c->task->arena, b.len ? ig_buf_cstr(&b) : "");
	ig_buf_free(&b);
	return s;
}

const ig_kb_entry *cfn_fact(const cfn_tmpl *t, const char *group, const char *name)
{
	const ig_kb_entry *e = ig_kb_child(t->kb, group, name);
	return e && ig_kb_kind_of(e) == IG_KB_FACT ? e : NULL;
}

const char *cfn_fact_value(const cfn_tmpl *t, const ig_kb_entry *fact) { return ig_kb_str(t->kb, fact->extra); }

bool cfn_may_suggest(cfn_tmpl *t) { return t->suggested++ < CFN_MAX_SUGGESTIONS; }

const char *cfn_suggest_fact(cfn_tmpl *t, const char *group, const char *name)
{
	if (!cfn_may_suggest(t)) return NULL;
	const ig_kb_entry *near[3];
	size_t n = ig_kb_closest(t->kb, group, name, near, 3);
	return ig_check_suggest(t->c, t->kb, near, n);
}

/* A name made by Fn::ForEach: each ${x} or &{x} of the pattern matches any
 * run of characters (the classic glob walk, one backtrack point). */
static bool cfn__match(const char *pat, const char *s)
{
	const char *star_p = NULL, *star_s = NULL;
	while (*s) {
		if ((pat[0] == '$' || pat[0] == '&') && pat[1] == '{' && strchr(pat, '}')) {
			pat = strchr(pat, '}') + 1;
			star_p = pat, star_s = s;
			continue;
		}
		if (*pat == *s) { pat++, s++; continue; }
		if (!star_p) return false;
		pat = star_p, s = ++star_s;
	}
	while ((pat[0] == '$' || pat[0] == '&') && pat[1] == '{' && strchr(pat, '}')) pat = strchr(pat, '}') + 1;
	return !*pat;
}

cfn_res *cfn_resource(cfn_tmpl *t, const char *name)
{
	uintptr_t i = (uintptr_t)ig_strmap_get(&t->res_by_name, name, strlen(name));
	if (i) return &t->res[i - 1];
	for (size_t k = 0; t->n_patterns && k < t->n_res; k++)
		if (t->res[k].pattern && cfn__match(t->res[k].name, name)) return &t->res[k];
	return NULL;
}

/* YAML short forms: !Ref and !Condition keep their name, any other !Name is
 * Fn::Name. A preprocessor's directive (!Rain::Embed) marks the template. */
static ig_jval *cfn__tag(ig_arena *a, const char *tag, ig_jval *v, void *ctx)
{
	cfn_tmpl *t = ctx;
	const char *name = tag[0] == '!' ? tag + 1 : tag, *sep = strstr(name, "::");
	if (sep && (size_t)(sep - name) < 64) {
		char tool[64];
		memcpy(tool, name, (size_t)(sep - name));
		tool[sep - name] = 0;
		if (cfn_fact(t, "preprocessor", tool)) t->preprocessed = true;
	}
	if (!*name) return v;
	return ig_json_obj1(a, strcmp(name, "Ref") == 0 || strcmp(name, "Condition") == 0 ? name : ig_arena_printf(a, "Fn::%s", name), v);
}

/* A YAML template that does not parse to its end (an answer cut off, one bad
 * line): tree-sitter's recovery often loses the nesting of the whole file, so
 * the value is read from the longest run of whole lines, from the top, that
 * parses cleanly (a binary search: a few extra parses, for broken files only). */
static ig_jval *cfn__yaml_prefix(cfn_tmpl *t)
{
	ig_check_ctx *c = t->c;
	ig_arena *a = &c->task->arena;
	const char *src = c->file->text;
	size_t len = c->file->len, n = 0;
	for (size_t i = 0; i < len; i++) n += src[i] == '\n';
	size_t *ends = ig_arena_alloc(a, (n + 1) * sizeof *ends), k = 0;
	for (size_t i = 0; i < len; i++)
		if (src[i] == '\n') ends[k++] = i + 1;
	if (len && src[len - 1] != '\n') ends[k++] = len; /* the last line, without its newline */
	if (c->parse->cut_line && k > c->parse->cut_line - 1) k = c->parse->cut_line - 1; /* never parsed past it */
	size_t lo = 0, hi = k; /* the first lo lines parse; the whole file (k lines) does not */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		ig_parse p = {0};
		bool clean = ig_syntax_parse(&p, a, IG_LANG_YAML, src, ends[mid - 1]) == 0 && p.tree && !p.n_errors_total;
		ig_parse_release(&p);
		if (clean) lo = mid;
		else hi = mid;
	}
	if (!lo) return NULL;
	ig_parse p = {0};
	if (ig_syntax_parse(&p, a, IG_LANG_YAML, src, ends[lo - 1]) != 0) return NULL;
	ig_jval *v = ig_yaml_value(a, &p, cfn__tag, t);
	ig_parse_release(&p);
	return v;
}

/* ---- transforms ---- */

/* Transform: one name or a list. A transform the data does not describe
 * (AWS::Include, a macro) may rewrite anything: the template is not judged. */
static bool cfn__transforms(cfn_tmpl *t, const ig_jval *v)
{
	if (!v) return true;
	const ig_jval *one[1] = {v};
	const ig_jval *const *list = v->type == IG_JARR ? (const ig_jval *const *)v->items : one;
	size_t n = v->type == IG_JARR ? v->n : 1;
	for (size_t i = 0; i < n; i++) {
		const ig_kb_entry *f = cfn_is_string(list[i]) ? cfn_fact(t, "transform", list[i]->str) : NULL;
		if (!f) return false;
		if (*cfn_fact_value(t, f)) t->sam_prefix = cfn_fact_value(t, f);
	}
	t->transform = v;
	return true;
}

static bool cfn__has_transform(const cfn_tmpl *t, const char *name)
{
	const ig_jval *v = t->transform;
	if (!v) return false;
	if (cfn_is_string(v)) return strcmp(v->str, name) == 0;
	for (size_t i = 0; v->type == IG_JARR && i < v->n; i++)
		if (cfn_is_string(v->items[i]) && strcmp(v->items[i]->str, name) == 0) return true;
	return false;
}

const char *cfn_function_needs(const cfn_tmpl *t, const char *name)
{
	const ig_kb_entry *f = cfn_fact(t, "function", name);
	return f ? cfn_fact_value(t, f) : NULL;
}

bool cfn_available(const cfn_tmpl *t, const char *needs)
{
	return !needs || !*needs || cfn__has_transform(t, needs);
}

/* A key of a section whose vocabulary is a group of facts (section, resource-key...). */
static void cfn__key(cfn_tmpl *t, const char *group, const char *what, const char *key, unsigned line)
{
	const ig_kb_entry *f = cfn_fact(t, group, key);
	if (!f) {
		ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_TEMPLATE_KEY, line, cfn_suggest_fact(t, group, key), "%s%s%s is not %s",
				cfn_path(t), t->depth ? "." : "", key, what);
		return;
	}
	const char *needs = cfn_fact_value(t, f);
	if (!cfn_available(t, needs))
		ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_TEMPLATE_KEY, line, ig_arena_printf(&t->c->task->arena, "add Transform: %s", needs),
				"%s%s%s is %s only with Transform: %s", cfn_path(t), t->depth ? "." : "", key, what, needs);
}

/* ---- resources ---- */

typedef struct {
	cfn_tmpl *t;
	const char *type;
	const char *base; /* the type the custom family is checked as */
} cfn_custom_find;

static bool cfn__custom_visit(const ig_kb_entry *e, void *vctx)
{
	cfn_custom_find *c = vctx;
	const char *name = ig_kb_name(c->t->kb, e);
	size_t n = strlen(name);
	bool family = n > 2 && name[n - 1] == ':' && name[n - 2] == ':';
	if (family ? strncmp(c->type, name, n) == 0 : strcmp(c->type, name) == 0) {
		c->base = cfn_fact_value(c->t, e);
		return false;
	}
	return true;
}

/* What a resource's type means for the checks. */
static void cfn__classify(cfn_tmpl *t, cfn_res *r)
{
	r->any_attrs = true;
	if (!r->type) return;
	cfn_custom_find cf = {.t = t, .type = r->type};
	ig_kb_each_child(t->kb, "custom", cfn__custom_visit, &cf);
	if (cf.base) {
		r->kbtype = cf.base;
		r->any_props = true;
		return;
	}
	const ig_kb_entry *e = ig_kb_find(t->kb, r->type, strlen(r->type));
	bool known = e && ig_kb_kind_of(e) == IG_KB_CFN_RESOURCE;
	/* the data's SAM types are an old SAM schema (no SnapStart, LoggingConfig...):
	 * their properties are not judged, only that the transform is there */
	if (known && *ig_kb_str(t->kb, e->aux)) known = false, r->sam = true;
	if (t->sam_prefix && ig_starts_with(r->type, t->sam_prefix)) r->sam = true;
	if (!known) return;
	r->kbtype = r->type;
	r->any_attrs = false;
}

static void cfn__add_resource(cfn_tmpl *t, const char *name, const ig_jval *body)
{
	cfn_res *r = IG_PUSH(&t->c->task->arena, t->res, t->n_res, t->cap_res);
	r->name = name;
	r->body = body;
	r->line = body->line;
	r->pattern = strstr(name, "${") || strstr(name, "&{");
	const ig_jval *type = ig_json_get(body, "Type");
	r->type = cfn_is_string(type) ? type->str : NULL;
	cfn__classify(t, r);
	if (r->pattern) t->n_patterns++;
	else ig_strmap_put(&t->res_by_name, name, strlen(name), (void *)(uintptr_t)t->n_res);
}

/* Resources, and the resources of Fn::ForEach loops ([identifier, collection, {key: resource}]). */
static void cfn__index_resources(cfn_tmpl *t, const ig_jval *obj, int depth)
{
	for (size_t i = 0; i < obj->n; i++) {
		const ig_jval *v = obj->items[i];
		if (ig_starts_with(obj->keys[i], CFN_FOREACH)) {
			if (depth < CFN_MAX_FOREACH_DEPTH && v->type == IG_JARR && v->n == 3 && v->items[2]->type == IG_JOBJ)
				cfn__index_resources(t, v->items[2], depth + 1);
		} else if (v->type == IG_JOBJ) {
			cfn__add_resource(t, obj->keys[i], v);
		}
	}
}

static bool cfn__first(const ig_kb_entry *e, void *ctx)
{
	(void)e, (void)ctx;
	return false; /* one is enough */
}

static void cfn__type(cfn_tmpl *t, cfn_res *r)
{
	const ig_jval *type = ig_json_get(r->body, "Type");
	if (!type) {
		if (!t->partial) ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_RESOURCE_TYPE, r->line, NULL, "resource %s has no Type", r->name);
		return;
	}
	if (!r->type) return;
	const ig_kb_entry *e = ig_kb_find(t->kb, r->type, strlen(r->type));
	if (e && ig_kb_kind_of(e) == IG_KB_CFN_RESOURCE) {
		const char *needs = ig_kb_str(t->kb, e->aux);
		if (!cfn_available(t, needs))
			ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_RESOURCE_TYPE, type->line,
					ig_arena_printf(&t->c->task->arena, "add Transform: %s", needs),
					"%s: %s exists only with Transform: %s", r->name, r->type, needs);
		return;
	}
	if (r->kbtype || r->sam) return;
	/* only the namespaces the data covers are judged: a private registry
	 * type or a module (Org::Service::Thing::MODULE) is not known, not wrong */
	const char *sep = strstr(r->type, "::");
	if (!sep) {
		ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_RESOURCE_TYPE, type->line, NULL, "%s: %s is not a resource type (Vendor::Service::Resource)",
				r->name, r->type);
		return;
	}
	char ns[64];
	size_t n = (size_t)(sep - r->type) + 2;
	if (n >= sizeof ns) return;
	memcpy(ns, r->type, n);
	ns[n] = 0;
	if (!ig_kb_each_prefix(t->kb, ns, cfn__first, NULL)) return;
	const ig_kb_entry *near[3];
	size_t nn = cfn_may_suggest(t) ? ig_kb_closest_top(t->kb, IG_KB_CFN_RESOURCE, r->type, near, 3) : 0;
	ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_RESOURCE_TYPE, type->line, ig_check_suggest(t->c, t->kb, near, nn),
			"%s: %s is not a CloudFormation resource type", r->name, r->type);
}

/* DeletionPolicy and UpdateReplacePolicy: a literal must be one of the policies. */
static void cfn__policy(cfn_tmpl *t, cfn_res *r, const char *key, const char *group)
{
	const ig_jval *v = ig_json_get(r->body, key);
	if (!cfn_is_string(v) || cfn_fact(t, group, v->str)) return;
	ig_check_report(t->c, IG_RULE_CFN_VALUE_NOT_ALLOWED, v->line, cfn_suggest_fact(t, group, v->str),
			"%s.%s: %s is not one of the %s values", cfn_path(t), key, v->str, key);
}

static void cfn__check_resource(cfn_tmpl *t, cfn_res *r)
{
	cfn_push(t, r->name);
	for (size_t i = 0; i < r->body->n; i++)
		if (!t->partial) cfn__key(t, "resource-key", "a resource key", r->body->keys[i], r->body->items[i]->line);
	cfn__type(t, r);
	cfn__policy(t, r, "DeletionPolicy", "deletion-policy");
	cfn__policy(t, r, "UpdateReplacePolicy", "update-replace-policy");
	const ig_jval *props = ig_json_get(r->body, "Properties");
	if (r->kbtype) cfn_check_properties(t, r, props);
	cfn_condition_name(t, ig_json_get(r->body, "Condition"));
	/* what Properties and DependsOn name are dependencies; Metadata and the
	 * policies may name things too, without ordering the resources */
	t->cur = r->sam ? NULL : r;
	if (props) cfn_walk(t, props, false);
	cfn_depends_on(t, ig_json_get(r->body, "DependsOn"));
	t->cur = NULL;
	static const char *const others[] = {"Metadata", "UpdatePolicy", "CreationPolicy"};
	for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
		const ig_jval *v = ig_json_get(r->body, others[i]);
		if (v) cfn_walk(t, v, false);
	}
	cfn_pop(t);
}

/* The resources in the order cfn__index_resources added them, with the loop
 * identifiers of their Fn::ForEach in scope. */
static void cfn__check_resources(cfn_tmpl *t, const ig_jval *obj, size_t *next, int depth)
{
	for (size_t i = 0; i < obj->n; i++) {
		const ig_jval *v = obj->items[i];
		if (ig_starts_with(obj->keys[i], CFN_FOREACH)) {
			const char *needs = cfn_function_needs(t, "Fn::ForEach");
			if (needs && !cfn_available(t, needs))
				ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_FUNCTION, v->line,
						ig_arena_printf(&t->c->task->arena, "add Transform: %s", needs),
						"%s needs Transform: %s", obj->keys[i], needs);
			if (depth >= CFN_MAX_FOREACH_DEPTH || v->type != IG_JARR || v->n != 3 || v->items[2]->type != IG_JOBJ) continue;
			cfn_walk(t, v->items[1], false);
			bool pushed = cfn_is_string(v->items[0]) && t->n_loopvars < CFN_MAX_LOOPVARS;
			if (pushed) t->loopvars[t->n_loopvars++] = v->items[0]->str;
			cfn__check_resources(t, v->items[2], next, depth + 1);
			if (pushed) t->n_loopvars--;
		} else if (v->type == IG_JOBJ && *next < t->n_res) {
			cfn__check_resource(t, &t->res[(*next)++]);
		}
	}
}

/* ---- the other sections ---- */

static void cfn__parameters(cfn_tmpl *t)
{
	if (!t->params || t->params->type != IG_JOBJ || t->partial) return;
	cfn_push(t, "Parameters");
	for (size_t i = 0; i < t->params->n; i++) {
		const ig_jval *p = t->params->items[i];
		if (p->type != IG_JOBJ) continue;
		cfn_push(t, t->params->keys[i]);
		for (size_t k = 0; k < p->n; k++) cfn__key(t, "parameter-key", "a parameter key", p->keys[k], p->items[k]->line);
		cfn_pop(t);
	}
	cfn_pop(t);
}

static void cfn__outputs(cfn_tmpl *t, const ig_jval *outputs)
{
	if (!outputs || outputs->type != IG_JOBJ) return;
	cfn_push(t, "Outputs");
	for (size_t i = 0; i < outputs->n; i++) {
		const ig_jval *o = outputs->items[i];
		if (ig_starts_with(outputs->keys[i], CFN_FOREACH)) {
			cfn_foreach(t, outputs->keys[i], o);
			continue;
		}
		if (o->type != IG_JOBJ) continue;
		cfn_push(t, outputs->keys[i]);
		for (size_t k = 0; k < o->n; k++)
			if (!t->partial) cfn__key(t, "output-key", "an output key", o->keys[k], o->items[k]->line);
		cfn_condition_name(t, ig_json_get(o, "Condition"));
		const char *walked[] = {"Value", "Export", "Description"};
		for (size_t k = 0; k < sizeof walked / sizeof *walked; k++) {
			const ig_jval *v = ig_json_get(o, walked[k]);
			if (v) cfn_walk(t, v, false);
		}
		cfn_pop(t);
	}
	cfn_pop(t);
}

static void cfn__conditions(cfn_tmpl *t)
{
	const ig_jval *conds = t->conditions;
	if (!conds || conds->type != IG_JOBJ) return;
	for (size_t i = 0; i < conds->n; i++)
		if (ig_starts_with(conds->keys[i], CFN_FOREACH)) t->dynamic_conditions = true;
	cfn_push(t, "Conditions");
	for (size_t i = 0; i < conds->n; i++) {
		cfn_push(t, conds->keys[i]);
		cfn_walk(t, conds->items[i], true);
		cfn_pop(t);
	}
	cfn_pop(t);
}

static void cfn__sections(cfn_tmpl *t)
{
	if (t->partial) return;
	for (size_t i = 0; i < t->root->n; i++) cfn__key(t, "section", "a template section", t->root->keys[i], t->root->items[i]->line);
}

void ig_check_cfn(ig_check_ctx *c)
{
	const ig_kb *kb = &c->kb->cfn;
	if (!kb->n_entries) return;
	ig_arena *a = &c->task->arena;
	cfn_tmpl t = {.c = c, .kb = kb};
	bool yaml = c->file->lang == IG_LANG_YAML;
	/* a file cut where the grammar stops (syntax.c) is parsed cleanly up to there */
	if (yaml && c->parse->n_errors_total > (c->parse->cut_line ? 1u : 0u)) t.root = cfn__yaml_prefix(&t);
	if (yaml && !ig_json_get(t.root, "Resources")) t.root = ig_yaml_value(a, c->parse, cfn__tag, &t);
	else if (c->file->lang == IG_LANG_JSON) t.root = ig_json_value(a, c->parse);
	if (!t.root || t.root->type != IG_JOBJ) return;
	for (size_t i = 0; i < t.root->n; i++) t.preprocessed |= cfn_fact(&t, "preprocessor", t.root->keys[i]) != NULL;
	if (t.preprocessed) return;
	const ig_jval *resources = ig_json_get(t.root, "Resources");
	if (!resources || resources->type != IG_JOBJ) return; /* not a template (a snippet, a parameters file) */
	if (!cfn__transforms(&t, ig_json_get(t.root, "Transform"))) return;
	t.partial = c->parse->n_errors_total > 0 || c->file->truncated;
	t.params = ig_json_get(t.root, "Parameters");
	t.conditions = ig_json_get(t.root, "Conditions");
	t.mappings = ig_json_get(t.root, "Mappings");
	ig_strmap_init(&t.res_by_name, a);
	cfn__index_resources(&t, resources, 0);

	cfn__sections(&t);
	cfn__parameters(&t);
	cfn__conditions(&t);
	cfn_push(&t, "Resources");
	size_t next = 0;
	cfn__check_resources(&t, resources, &next, 0);
	cfn_pop(&t);
	cfn__outputs(&t, ig_json_get(t.root, "Outputs"));
	if (!t.partial) cfn_cycles(&t);
}
