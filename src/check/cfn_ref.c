/* CloudFormation intrinsic functions and what they name: Ref, Fn::GetAtt and
 * Fn::Sub name parameters, resources and pseudo parameters; Fn::If and
 * Condition name conditions; Fn::FindInMap names a mapping and its keys;
 * DependsOn names resources. What a resource's Properties and DependsOn name
 * are its dependencies; a cycle among them fails the stack. */
#include "check/cfn.h"
#include "util/strutil.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void ref__walk(cfn_tmpl *t, const ig_jval *v, bool cond, int depth);

bool cfn_function(const ig_jval *v, const char **name, const ig_jval **arg)
{
	if (!v || v->type != IG_JOBJ || v->n != 1) return false;
	const char *k = v->keys[0];
	if (strcmp(k, "Ref") != 0 && (!ig_starts_with(k, "Fn::") || ig_starts_with(k, "Fn::ForEach::"))) return false;
	*name = k;
	*arg = v->items[0];
	return true;
}

/* A name a Fn::ForEach loop substitutes into: not known until the loop runs. */
static bool ref__dynamic(const char *name) { return strstr(name, "${") || strstr(name, "&{"); }

static bool ref__loopvar(const cfn_tmpl *t, const char *name)
{
	for (size_t i = 0; i < t->n_loopvars; i++)
		if (strcmp(t->loopvars[i], name) == 0) return true;
	return false;
}

typedef struct {
	const cfn_tmpl *t;
	const char *name;
	bool found;
} ref_generated;

static bool ref__generated_visit(const ig_kb_entry *e, void *vctx)
{
	ref_generated *c = vctx;
	c->found = ig_starts_with(c->name, ig_kb_name(c->t->kb, e));
	return !c->found;
}

/* Names SAM generates: the implicit APIs and what hangs off them
 * (ServerlessRestApiProdStage), and names that start with a SAM resource's
 * logical ID (MyFunctionRole, MyApi.Stage). */
static bool ref__sam_generated(cfn_tmpl *t, const char *name)
{
	if (!t->sam_prefix) return false;
	for (size_t i = 0; i < t->n_res; i++)
		if (t->res[i].sam && ig_starts_with(name, t->res[i].name)) return true;
	ref_generated c = {.t = t, .name = name};
	ig_kb_each_child(t->kb, "sam-generated", ref__generated_visit, &c);
	return c.found;
}

static void ref__dep(cfn_tmpl *t, cfn_res *r)
{
	if (!t->cur || !r || r->sam) return;
	size_t *slot = IG_PUSH(&t->c->task->arena, t->cur->deps, t->cur->n_deps, t->cur->cap_deps);
	*slot = (size_t)(r - t->res);
}

/* "did you mean" among the template's own names: resources, and parameters when they fit. */
static const char *ref__suggest(cfn_tmpl *t, const char *name, bool params)
{
	if (!cfn_may_suggest(t)) return NULL;
	ig_arena *a = &t->c->task->arena;
	size_t cap = t->n_res + (params && t->params ? t->params->n : 0), n = 0;
	if (!cap) return NULL;
	const char **names = ig_arena_alloc(a, cap * sizeof *names);
	for (size_t i = 0; i < t->n_res; i++)
		if (!t->res[i].pattern) names[n++] = t->res[i].name;
	if (params && t->params && t->params->type == IG_JOBJ)
		for (size_t i = 0; i < t->params->n; i++) names[n++] = t->params->keys[i];
	size_t idx[3], k = ig_kb_closest_in(name, names, n, idx, 3);
	const char *near[3];
	for (size_t i = 0; i < k; i++) near[i] = names[idx[i]];
	return ig_check_suggest_names(t->c, near, k);
}

/* The closest keys of one mapping (conditions, a mapping's entries). */
static const char *ref__suggest_keys(cfn_tmpl *t, const char *name, const ig_jval *obj)
{
	if (!obj || obj->type != IG_JOBJ || !obj->n || !cfn_may_suggest(t)) return NULL;
	size_t idx[3], k = ig_kb_closest_in(name, obj->keys, obj->n, idx, 3);
	const char *near[3];
	for (size_t i = 0; i < k; i++) near[i] = obj->keys[idx[i]];
	return ig_check_suggest_names(t->c, near, k);
}

/* How a reference reads in a message: "Ref to X", "${X} in Fn::Sub". */
static const char *ref__how(cfn_tmpl *t, const char *fn, const char *name, bool sub)
{
	return sub ? ig_arena_printf(&t->c->task->arena, "${%s} in Fn::Sub", name) : ig_arena_printf(&t->c->task->arena, "%s %s", fn, name);
}

/* No close name for a ${} of Fn::Sub: it may be meant literally (a shell variable). */
static const char *ref__sub_fix(cfn_tmpl *t, const char *near, const char *name, bool sub)
{
	if (near || !sub) return near;
	return ig_arena_printf(&t->c->task->arena, "write ${!%s} for a literal ${%s}", name, name);
}

static void ref__ref(cfn_tmpl *t, const char *name, unsigned line, bool sub)
{
	if (cfn_fact(t, "pseudo", name) || ref__loopvar(t, name) || ig_json_get(t->params, name)) return;
	cfn_res *r = cfn_resource(t, name);
	if (r) {
		ref__dep(t, r);
		return;
	}
	if (t->partial || ref__dynamic(name) || ref__sam_generated(t, name)) return;
	if (ig_starts_with(name, "AWS::")) {
		ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, line, cfn_suggest_fact(t, "pseudo", name),
				"%s: %s, which is not a pseudo parameter", cfn_path(t), ref__how(t, "Ref to", name, sub));
		return;
	}
	const char *dot = strchr(name, '.');
	if (dot && cfn_resource(t, ig_arena_strndup(&t->c->task->arena, name, (size_t)(dot - name)))) {
		ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, line, ig_arena_printf(&t->c->task->arena, "Fn::GetAtt %s", name),
				"%s: Ref to %s: Ref takes a logical name, not an attribute", cfn_path(t), name);
		return;
	}
	ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, line, ref__sub_fix(t, ref__suggest(t, name, true), name, sub),
			"%s: %s, which is no parameter, resource or pseudo parameter of the template", cfn_path(t),
			ref__how(t, "Ref to", name, sub));
}

/* Whether the type returns attribute attr: listed, or a path below an
 * attribute whose value is a list, a mapping or JSON (Outputs.Name of a nested
 * stack), or a property of a structured attribute. */
static bool ref__attribute(cfn_tmpl *t, const char *type, const char *attr)
{
	char key[512];
	int n = snprintf(key, sizeof key, "%s@%s", type, attr);
	if (n < 0 || (size_t)n >= sizeof key) return true; /* too long to judge */
	const ig_kb_entry *e = ig_kb_find(t->kb, key, (size_t)n);
	if (e && ig_kb_kind_of(e) == IG_KB_CFN_ATTRIBUTE) return true;
	size_t base = strlen(type) + 1;
	for (const char *dot = strchr(attr, '.'); dot; dot = strchr(dot + 1, '.')) {
		size_t plen = base + (size_t)(dot - attr);
		e = ig_kb_find(t->kb, key, plen);
		if (!e || ig_kb_kind_of(e) != IG_KB_CFN_ATTRIBUTE) continue;
		const char *at = ig_kb_str(t->kb, e->type);
		if (strcmp(at, "json") == 0 || ig_starts_with(at, "list<") || ig_starts_with(at, "map<")) return true;
		if (strchr(at, '/') && !strchr(at, '<')) {
			char seg[256];
			const char *s = dot + 1, *end = strchr(s, '.');
			size_t sl = end ? (size_t)(end - s) : strlen(s);
			if (sl >= sizeof seg) continue;
			memcpy(seg, s, sl);
			seg[sl] = 0;
			if (ig_kb_child(t->kb, at, seg)) return true;
		}
	}
	return false;
}

static const char *ref__suggest_attr(cfn_tmpl *t, const char *type, const char *attr);

/* Fn::GetAtt (or ${A.B} in Fn::Sub) of resource res, attribute attr (NULL: computed). */
static const char *ref__getatt_how(cfn_tmpl *t, const char *res, const char *attr, bool sub)
{
	if (sub) return ref__how(t, NULL, ig_arena_printf(&t->c->task->arena, "%s.%s", res, attr ? attr : "?"), true);
	return ref__how(t, "Fn::GetAtt of", res, false);
}

static void ref__getatt_names(cfn_tmpl *t, const char *res, const char *attr, unsigned line, bool sub)
{
	if (ref__dynamic(res) || ref__loopvar(t, res)) return;
	cfn_res *r = cfn_resource(t, res);
	if (!r) {
		if (t->partial || ref__sam_generated(t, res)) return;
		if (ig_json_get(t->params, res))
			ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, line, NULL,
					"%s: %s: %s is a parameter, and only resources have attributes", cfn_path(t),
					ref__getatt_how(t, res, attr, sub), res);
		else
			ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, line, ref__suggest(t, res, false),
					"%s: %s: %s is no resource of the template", cfn_path(t), ref__getatt_how(t, res, attr, sub), res);
		return;
	}
	ref__dep(t, r);
	if (!attr || r->any_attrs || !r->type || ref__dynamic(attr) || ref__attribute(t, r->type, attr)) return;
	ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_ATTRIBUTE, line, ref__suggest_attr(t, r->type, attr), "%s: %s: %s has no attribute %s",
			cfn_path(t), sub ? ref__getatt_how(t, res, attr, true) : ig_arena_printf(&t->c->task->arena, "Fn::GetAtt %s.%s", res, attr),
			r->type, attr);
}

typedef struct {
	const cfn_tmpl *t;
	size_t skip;
	const char **names;
	size_t n, cap;
} ref_attrs;

static bool ref__attrs_visit(const ig_kb_entry *e, void *vctx)
{
	ref_attrs *c = vctx;
	if (ig_kb_kind_of(e) != IG_KB_CFN_ATTRIBUTE) return true;
	if (c->n == c->cap) return false;
	c->names[c->n++] = ig_kb_key(c->t->kb, e) + c->skip;
	return true;
}

static const char *ref__suggest_attr(cfn_tmpl *t, const char *type, const char *attr)
{
	if (!cfn_may_suggest(t)) return NULL;
	const char *names[128];
	char prefix[256];
	int pn = snprintf(prefix, sizeof prefix, "%s@", type);
	if (pn < 0 || (size_t)pn >= sizeof prefix) return NULL;
	ref_attrs c = {.t = t, .skip = (size_t)pn, .names = names, .cap = sizeof names / sizeof *names};
	ig_kb_each_prefix(t->kb, prefix, ref__attrs_visit, &c);
	size_t idx[3], k = ig_kb_closest_in(attr, names, c.n, idx, 3);
	const char *near[3];
	for (size_t i = 0; i < k; i++) near[i] = names[idx[i]];
	if (!k) /* nothing close: the few there are */
		return c.n ? ig_arena_printf(&t->c->task->arena, "attributes of %s: %s", type,
					     ig_check_suggest_names(t->c, names, c.n < 8 ? c.n : 8))
			   : ig_arena_printf(&t->c->task->arena, "%s has no attributes: use Ref", type);
	return ig_check_suggest_names(t->c, near, k);
}

static void ref__getatt(cfn_tmpl *t, const ig_jval *arg, int depth)
{
	if (cfn_is_string(arg)) {
		const char *dot = strchr(arg->str, '.');
		if (!dot) return;
		ref__getatt_names(t, ig_arena_strndup(&t->c->task->arena, arg->str, (size_t)(dot - arg->str)), dot + 1, arg->line, false);
		return;
	}
	if (arg->type != IG_JARR || arg->n < 2 || !cfn_is_string(arg->items[0])) {
		ref__walk(t, arg, false, depth + 1);
		return;
	}
	const ig_jval *attr = arg->items[1];
	if (!cfn_is_string(attr)) ref__walk(t, attr, false, depth + 1);
	ref__getatt_names(t, arg->items[0]->str, cfn_is_string(attr) ? attr->str : NULL, arg->items[0]->line, false);
}

/* The name of a ${} of Fn::Sub that is judged: letters, digits, '_', ':' and '.' */
static bool ref__var_name(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '.'))
			return false;
	}
	return n > 0;
}

static void ref__sub(cfn_tmpl *t, const ig_jval *arg, int depth)
{
	const ig_jval *tmpl = arg, *vars = NULL;
	if (arg->type == IG_JARR) {
		if (!arg->n) return;
		tmpl = arg->items[0];
		if (arg->n > 1) vars = arg->items[1], ref__walk(t, vars, false, depth + 1);
	}
	if (!cfn_is_string(tmpl)) {
		ref__walk(t, tmpl, false, depth + 1);
		return;
	}
	if (vars && vars->type != IG_JOBJ) return; /* the variables are computed: any name may be one */
	const char *s = tmpl->str;
	unsigned line = tmpl->line;
	const char *counted = s;
	for (const char *p = s; (p = strstr(p, "${"));) {
		const char *start = p + 2, *close = strchr(start, '}');
		if (*start == '!') { p = start; continue; } /* ${!Literal} */
		if (!close) break;
		size_t n = (size_t)(close - start);
		p = close + 1;
		if (n >= 256 || !ref__var_name(start, n)) continue;
		char name[256];
		memcpy(name, start, n);
		name[n] = 0;
		if (vars && ig_json_get(vars, name)) continue;
		for (; counted < start; counted++) line += *counted == '\n';
		char *dot = strchr(name, '.');
		if (dot) {
			*dot = 0;
			ref__getatt_names(t, ig_arena_strdup(&t->c->task->arena, name), ig_arena_strdup(&t->c->task->arena, dot + 1), line, true);
		} else {
			ref__ref(t, ig_arena_strdup(&t->c->task->arena, name), line, true);
		}
	}
}

static const char *ref__literal(const ig_jval *v)
{
	if (v->type == IG_JSTR || v->type == IG_JNUM) return v->str;
	if (v->type == IG_JBOOL) return v->b ? "true" : "false";
	return NULL;
}

/* Fn::FindInMap [map, top key, second key]: the map, and the keys given literally. */
static void ref__findinmap(cfn_tmpl *t, const ig_jval *arg, int depth)
{
	ref__walk(t, arg, false, depth + 1);
	if (arg->type != IG_JARR || arg->n < 3 || t->partial || !cfn_is_string(arg->items[0])) return;
	const char *name = arg->items[0]->str;
	const ig_jval *map = ig_json_get(t->mappings, name);
	unsigned line = arg->items[0]->line;
	if (!map) {
		if (!ref__dynamic(name))
			ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, line, ref__suggest_keys(t, name, t->mappings),
					"%s: Fn::FindInMap of %s, which is no mapping of the template", cfn_path(t), name);
		return;
	}
	/* a fourth argument is a default value (AWS::LanguageExtensions): a missing key is fine */
	if (map->type != IG_JOBJ || arg->n > 3) return;
	const char *k1 = ref__literal(arg->items[1]), *k2 = ref__literal(arg->items[2]);
	if (k1) {
		const ig_jval *sub = ig_json_get(map, k1);
		if (!sub)
			ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, arg->items[1]->line, ref__suggest_keys(t, k1, map),
					"%s: Fn::FindInMap: mapping %s has no key %s", cfn_path(t), name, k1);
		else if (k2 && sub->type == IG_JOBJ && !ig_json_get(sub, k2))
			ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, arg->items[2]->line, ref__suggest_keys(t, k2, sub),
					"%s: Fn::FindInMap: mapping %s, key %s has no key %s", cfn_path(t), name, k1, k2);
		return;
	}
	if (!k2 || !map->n) return;
	for (size_t i = 0; i < map->n; i++)
		if (map->items[i]->type != IG_JOBJ || ig_json_get(map->items[i], k2)) return;
	ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, arg->items[2]->line, ref__suggest_keys(t, k2, map->items[0]),
			"%s: Fn::FindInMap: no entry of mapping %s has a key %s", cfn_path(t), name, k2);
}

void cfn_condition_name(cfn_tmpl *t, const ig_jval *v)
{
	if (!cfn_is_string(v) || t->partial || t->dynamic_conditions || ref__dynamic(v->str)) return;
	if (ig_json_get(t->conditions, v->str)) return;
	ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, v->line, ref__suggest_keys(t, v->str, t->conditions),
			"%s: condition %s is not declared in Conditions", cfn_path(t), v->str);
}

void cfn_depends_on(cfn_tmpl *t, const ig_jval *v)
{
	if (!v) return;
	const ig_jval *one[1] = {v};
	const ig_jval *const *list = v->type == IG_JARR ? (const ig_jval *const *)v->items : one;
	size_t n = v->type == IG_JARR ? v->n : 1;
	for (size_t i = 0; i < n; i++) {
		if (!cfn_is_string(list[i])) continue;
		const char *name = list[i]->str;
		cfn_res *r = cfn_resource(t, name);
		if (r) {
			ref__dep(t, r);
			continue;
		}
		if (t->partial || ref__dynamic(name) || ref__loopvar(t, name) || ref__sam_generated(t, name)) continue;
		if (ig_json_get(t->params, name))
			ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, list[i]->line, NULL,
					"%s: DependsOn %s, a parameter: DependsOn names resources", cfn_path(t), name);
		else
			ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_REFERENCE, list[i]->line, ref__suggest(t, name, false),
					"%s: DependsOn %s, which is no resource of the template", cfn_path(t), name);
	}
}

void cfn_foreach(cfn_tmpl *t, const char *key, const ig_jval *v)
{
	const char *needs = cfn_function_needs(t, "Fn::ForEach");
	if (needs && !cfn_available(t, needs))
		ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_FUNCTION, v->line, ig_arena_printf(&t->c->task->arena, "add Transform: %s", needs),
				"%s needs Transform: %s", key, needs);
	if (v->type != IG_JARR || v->n != 3) return;
	ref__walk(t, v->items[1], false, 1);
	bool pushed = cfn_is_string(v->items[0]) && t->n_loopvars < CFN_MAX_LOOPVARS;
	if (pushed) t->loopvars[t->n_loopvars++] = v->items[0]->str;
	ref__walk(t, v->items[2], false, 1);
	if (pushed) t->n_loopvars--;
}

static void ref__function(cfn_tmpl *t, const char *fn, const ig_jval *arg, const ig_jval *v, int depth)
{
	if (strcmp(fn, "Ref") == 0) {
		if (cfn_is_string(arg)) ref__ref(t, arg->str, arg->line, false);
		else ref__walk(t, arg, false, depth + 1);
		return;
	}
	if (strcmp(fn, "Fn::GetAtt") == 0) { ref__getatt(t, arg, depth); return; }
	if (strcmp(fn, "Fn::Sub") == 0) { ref__sub(t, arg, depth); return; }
	if (strcmp(fn, "Fn::FindInMap") == 0) { ref__findinmap(t, arg, depth); return; }
	const char *needs = cfn_function_needs(t, fn);
	ig_arena *a = &t->c->task->arena;
	if (!needs)
		ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_FUNCTION, v->line, cfn_suggest_fact(t, "function", fn),
				"%s: %s is not an intrinsic function", cfn_path(t), fn);
	else if (strcmp(needs, "Rules") == 0)
		ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_FUNCTION, v->line, NULL, "%s: %s is a function of the Rules section only",
				cfn_path(t), fn);
	else if (!cfn_available(t, needs))
		ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_FUNCTION, v->line, ig_arena_printf(a, "add Transform: %s", needs),
				"%s: %s needs Transform: %s", cfn_path(t), fn, needs);
	if (strcmp(fn, "Fn::If") == 0 && arg->type == IG_JARR && arg->n >= 1) {
		cfn_condition_name(t, arg->items[0]);
		for (size_t i = 1; i < arg->n; i++) ref__walk(t, arg->items[i], false, depth + 1);
		return;
	}
	/* the operands of And, Or and Not are conditions, where {"Condition": name} is a function */
	bool cond = strcmp(fn, "Fn::And") == 0 || strcmp(fn, "Fn::Or") == 0 || strcmp(fn, "Fn::Not") == 0;
	ref__walk(t, arg, cond, depth + 1);
}

static void ref__walk(cfn_tmpl *t, const ig_jval *v, bool cond, int depth)
{
	if (!v || depth > IG_JSON_MAX_DEPTH) return;
	if (v->type == IG_JARR) {
		for (size_t i = 0; i < v->n; i++) ref__walk(t, v->items[i], cond, depth + 1);
		return;
	}
	if (v->type != IG_JOBJ) return;
	const char *fn;
	const ig_jval *arg;
	if (cfn_function(v, &fn, &arg)) {
		ref__function(t, fn, arg, v, depth);
		return;
	}
	if (cond && v->n == 1 && strcmp(v->keys[0], "Condition") == 0) {
		cfn_condition_name(t, v->items[0]);
		return;
	}
	for (size_t i = 0; i < v->n; i++) {
		if (ig_starts_with(v->keys[i], "Fn::ForEach::")) cfn_foreach(t, v->keys[i], v->items[i]);
		else ref__walk(t, v->items[i], false, depth + 1);
	}
}

void cfn_walk(cfn_tmpl *t, const ig_jval *v, bool cond) { ref__walk(t, v, cond, 0); }

/* ---- cycles ---- */

/* One cycle through the strongly connected component `in` marks, from first
 * back to it (a breadth-first search inside the component), as "A -> B -> A". */
static const char *ref__cycle_text(cfn_tmpl *t, size_t first, const bool *in, size_t *parent, size_t *queue)
{
	size_t n = t->n_res, head = 0, tail = 0, last = SIZE_MAX;
	for (size_t i = 0; i < n; i++) parent[i] = SIZE_MAX;
	queue[tail++] = first;
	while (head < tail && last == SIZE_MAX) {
		size_t v = queue[head++];
		const cfn_res *r = &t->res[v];
		for (size_t k = 0; k < r->n_deps; k++) {
			size_t w = r->deps[k];
			if (!in[w]) continue;
			if (w == first) { last = v; break; }
			if (parent[w] != SIZE_MAX) continue;
			parent[w] = v;
			queue[tail++] = w;
		}
	}
	if (last == SIZE_MAX) return "";
	/* the path first -> ... -> last, then back to first */
	size_t len = 0;
	for (size_t v = last; v != first; v = parent[v]) queue[len++] = v;
	ig_arena *a = &t->c->task->arena;
	const char *s = t->res[first].name;
	for (size_t i = len; i > 0; i--) {
		if (len - i >= 8) { s = ig_arena_printf(a, "%s -> ...", s); break; }
		s = ig_arena_printf(a, "%s -> %s", s, t->res[queue[i - 1]].name);
	}
	return ig_arena_printf(a, "%s -> %s", s, t->res[first].name);
}

typedef struct {
	size_t *index, *low, *stack, *call, *edge, *parent, *queue;
	bool *on, *in;
	size_t sp, cp, counter;
} ref_tarjan;

static void ref__component(cfn_tmpl *t, ref_tarjan *g, size_t v)
{
	size_t start = g->sp;
	do start--; while (g->stack[start] != v);
	size_t first = SIZE_MAX;
	for (size_t k = start; k < g->sp; k++) {
		size_t w = g->stack[k];
		g->on[w] = false;
		g->in[w] = true;
		if (w < first) first = w;
	}
	bool cycle = g->sp - start > 1;
	for (size_t k = 0; !cycle && k < t->res[v].n_deps; k++) cycle = t->res[v].deps[k] == v;
	if (cycle)
		ig_check_report(t->c, IG_RULE_CFN_CIRCULAR_DEPENDENCY, t->res[first].line,
				"break the cycle: drop a DependsOn or a reference between these resources",
				"circular dependency: %s", ref__cycle_text(t, first, g->in, g->parent, g->queue));
	for (size_t k = start; k < g->sp; k++) g->in[g->stack[k]] = false;
	g->sp = start;
}

static void ref__visit(ref_tarjan *g, size_t v)
{
	g->index[v] = g->low[v] = g->counter++;
	g->stack[g->sp++] = v;
	g->on[v] = true;
	g->edge[v] = 0;
	g->call[g->cp++] = v;
}

/* Tarjan's strongly connected components, with an explicit stack: a template
 * of thousands of resources must not exhaust the C stack. */
void cfn_cycles(cfn_tmpl *t)
{
	size_t n = t->n_res;
	if (!n) return;
	ig_arena *a = &t->c->task->arena;
	ref_tarjan g = {0};
	size_t **arrays[] = {&g.index, &g.low, &g.stack, &g.call, &g.edge, &g.parent, &g.queue};
	for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++) *arrays[i] = ig_arena_alloc(a, n * sizeof(size_t));
	g.on = ig_arena_alloc(a, n);
	g.in = ig_arena_alloc(a, n);
	for (size_t i = 0; i < n; i++) g.index[i] = SIZE_MAX;
	for (size_t root = 0; root < n; root++) {
		if (g.index[root] != SIZE_MAX) continue;
		ref__visit(&g, root);
		while (g.cp) {
			size_t v = g.call[g.cp - 1];
			const cfn_res *r = &t->res[v];
			if (g.edge[v] < r->n_deps) {
				size_t w = r->deps[g.edge[v]++];
				if (g.index[w] == SIZE_MAX) ref__visit(&g, w);
				else if (g.on[w] && g.index[w] < g.low[v]) g.low[v] = g.index[w];
				continue;
			}
			g.cp--;
			if (g.cp && g.low[v] < g.low[g.call[g.cp - 1]]) g.low[g.call[g.cp - 1]] = g.low[v];
			if (g.low[v] == g.index[v]) ref__component(t, &g, v);
		}
	}
}
