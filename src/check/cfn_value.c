/* CloudFormation properties and values against the types of cfn.kb.
 *
 * A property's type is an expression (docs/kb-cfn.md): string integer number
 * boolean json date-time tag, list<T>, map<T>, a property type key
 * (AWS::S3::Bucket/Rule), and A|B. Only a literal is judged: an intrinsic
 * function is unknown, except Fn::If, whose two branches are values of the
 * same property. CloudFormation converts scalars to the type a property wants
 * ("30" is a fine integer, 30 a fine string), so only a shape that cannot be
 * converted is the wrong type. */
#include "check/cfn.h"
#include "util/strutil.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void value__object(cfn_tmpl *t, const char *owner, const ig_jval *obj, bool any_props, int depth);

static bool value__numeric(const char *s, double *out)
{
	if (!s || !*s) return false;
	char *end;
	double d = strtod(s, &end);
	while (*end == ' ') end++;
	if (*end || end == s) return false;
	if (out) *out = d;
	return true;
}

/* The next alternative of a type expression: up to the '|' at bracket depth 0. */
static ig_slice value__next_alt(const char **p, const char *end)
{
	const char *s = *p;
	int depth = 0;
	const char *q = s;
	for (; q < end; q++) {
		if (*q == '<') depth++;
		else if (*q == '>') depth--;
		else if (*q == '|' && depth == 0) break;
	}
	*p = q < end ? q + 1 : end;
	return (ig_slice){s, (size_t)(q - s)};
}

/* list<T> / map<T>: T, or an empty slice when alt is not of that form. */
static ig_slice value__inner(ig_slice alt, const char *wrapper)
{
	size_t w = strlen(wrapper);
	if (alt.n > w + 1 && strncmp(alt.p, wrapper, w) == 0 && alt.p[w] == '<' && alt.p[alt.n - 1] == '>')
		return (ig_slice){alt.p + w + 1, alt.n - w - 2};
	return (ig_slice){NULL, 0};
}

static bool value__is_struct(ig_slice alt) { return memchr(alt.p, '/', alt.n) && !memchr(alt.p, '<', alt.n); }

/* Could a value of this shape be of type alt? */
static bool value__accepts(ig_slice alt, const ig_jval *v)
{
	if (ig_slice_eq(alt, "json")) return true;
	bool scalar = v->type == IG_JSTR || v->type == IG_JNUM || v->type == IG_JBOOL;
	if (ig_slice_eq(alt, "string") || ig_slice_eq(alt, "date-time")) return scalar;
	if (ig_slice_eq(alt, "integer") || ig_slice_eq(alt, "number"))
		return v->type == IG_JNUM || (v->type == IG_JSTR && value__numeric(v->str, NULL));
	if (ig_slice_eq(alt, "boolean"))
		return v->type == IG_JBOOL || v->type == IG_JNUM ||
		       (v->type == IG_JSTR && (strcasecmp(v->str, "true") == 0 || strcasecmp(v->str, "false") == 0));
	if (ig_slice_eq(alt, "null")) return v->type == IG_JNULL;
	if (value__inner(alt, "list").p) return v->type == IG_JARR;
	return v->type == IG_JOBJ; /* map<T>, tag, a property type */
}

static const char *value__shape(const ig_jval *v)
{
	switch (v->type) {
	case IG_JSTR: return value__numeric(v->str, NULL) ? "a number" : "a string";
	case IG_JNUM: return "a number";
	case IG_JBOOL: return "a boolean";
	case IG_JARR: return "a list";
	case IG_JOBJ: return "a mapping";
	default: return "a value";
	}
}

/* "a list of strings", "a structure (AWS::S3::Bucket/Rule)"... */
static const char *value__describe(cfn_tmpl *t, ig_slice type)
{
	ig_arena *a = &t->c->task->arena;
	const char *p = type.p, *end = type.p + type.n, *out = "";
	while (p < end) {
		ig_slice alt = value__next_alt(&p, end);
		ig_slice in = value__inner(alt, "list"), min = value__inner(alt, "map");
		const char *d;
		if (in.p) d = ig_arena_printf(a, "a list of %.*s", (int)in.n, in.p);
		else if (min.p) d = ig_arena_printf(a, "a mapping of %.*s", (int)min.n, min.p);
		else if (ig_slice_eq(alt, "tag")) d = "a tag (Key, Value)";
		else if (value__is_struct(alt)) d = ig_arena_printf(a, "a structure (%.*s)", (int)alt.n, alt.p);
		else d = ig_arena_printf(a, "%s %.*s", strchr("aeiou", alt.p[0]) ? "an" : "a", (int)alt.n, alt.p);
		out = *out ? ig_arena_printf(a, "%s or %s", out, d) : d;
	}
	return out;
}

/* The literal text of a scalar, as CloudFormation would read it. */
static const char *value__text(const ig_jval *v)
{
	if (v->type == IG_JBOOL) return v->b ? "true" : "false";
	return v->type == IG_JSTR || v->type == IG_JNUM ? v->str : NULL;
}

/* The allowed values nearest to a wrong one: for a number the ones just
 * below and just above it, the nearer first; otherwise by spelling. */
static const char *value__nearest(cfn_tmpl *t, const char **vals, size_t n, const char *got)
{
	double g, d;
	const char *names[3];
	size_t k = 0;
	if (!cfn_may_suggest(t)) return NULL;
	if (value__numeric(got, &g)) {
		size_t below = n, above = n;
		double db = 0, da = 0;
		for (size_t i = 0; i < n; i++) {
			if (!value__numeric(vals[i], &d)) continue;
			if (d < g && (below == n || g - d < db)) below = i, db = g - d;
			if (d > g && (above == n || d - g < da)) above = i, da = d - g;
		}
		if (below < n && (above == n || db <= da)) names[k++] = vals[below];
		if (above < n) names[k++] = vals[above];
		if (below < n && k == 1 && above < n) names[k++] = vals[below];
	} else {
		size_t idx[3];
		k = ig_kb_closest_in(got, vals, n, idx, 3);
		for (size_t i = 0; i < k; i++) names[i] = vals[idx[i]];
	}
	return ig_check_suggest_names(t->c, names, k);
}

static void value__allowed(cfn_tmpl *t, const ig_kb_entry *prop, const ig_jval *v)
{
	const char *extra = ig_kb_str(t->kb, prop->extra), *got = value__text(v);
	if (!*extra || !got) return;
	/* as many slots as the list has lines: a fixed array would drop the values past its end and
	 * report a value the data allows */
	size_t cap = 1, n = 0;
	for (const char *p = extra; *p; p++) cap += *p == '\n';
	const char **vals = ig_arena_alloc(&t->c->task->arena, cap * sizeof *vals);
	double g, d;
	bool numeric = value__numeric(got, &g);
	for (const char *p = extra; *p && n < cap;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		vals[n++] = ig_arena_strndup(&t->c->task->arena, p, len);
		if (len == strlen(got) && strncmp(p, got, len) == 0) return;
		if (numeric && value__numeric(vals[n - 1], &d) && d == g) return;
		p = nl ? nl + 1 : p + len;
	}
	ig_check_report(t->c, IG_RULE_CFN_VALUE_NOT_ALLOWED, v->line, value__nearest(t, vals, n, got),
			"%s: %s is not an allowed value of %s", cfn_path(t), got, ig_kb_key(t->kb, prop));
}

static void value__check(cfn_tmpl *t, const ig_kb_entry *prop, ig_slice type, const ig_jval *v, int depth);

/* A value that holds one value of a list/map/structure, or of a Fn::If branch. */
static void value__descend(cfn_tmpl *t, const ig_kb_entry *prop, ig_slice alt, const ig_jval *v, int depth)
{
	ig_slice in = value__inner(alt, "list"), min = value__inner(alt, "map");
	if (in.p) {
		cfn_push(t, "[]");
		for (size_t i = 0; i < v->n; i++) value__check(t, prop, in, v->items[i], depth + 1);
		cfn_pop(t);
	} else if (min.p) {
		for (size_t i = 0; i < v->n; i++) {
			cfn_push(t, v->keys[i]);
			value__check(t, prop, min, v->items[i], depth + 1);
			cfn_pop(t);
		}
	} else if (value__is_struct(alt)) {
		char key[512];
		if (alt.n >= sizeof key) return;
		memcpy(key, alt.p, alt.n);
		key[alt.n] = 0;
		value__object(t, ig_arena_strdup(&t->c->task->arena, key), v, false, depth + 1);
	} else if (v->type != IG_JOBJ && v->type != IG_JARR) {
		value__allowed(t, prop, v);
	}
}

/* Fn::If [condition, then, else]: each branch as the value itself. True when v was one. */
static bool value__if(const ig_jval *v, const ig_jval **branches)
{
	const char *fn;
	const ig_jval *arg;
	if (!cfn_function(v, &fn, &arg)) return false;
	branches[0] = branches[1] = NULL;
	if (strcmp(fn, "Fn::If") == 0 && arg->type == IG_JARR && arg->n == 3) branches[0] = arg->items[1], branches[1] = arg->items[2];
	return true;
}

/* Whether an older type of the property (aux) takes the value: a template
 * written for it still deploys. */
static bool value__older(cfn_tmpl *t, const ig_kb_entry *prop, const ig_jval *v)
{
	const char *aux = ig_kb_str(t->kb, prop->aux);
	while (*aux) {
		const char *nl = strchr(aux, '\n'), *end = nl ? nl : aux + strlen(aux);
		for (const char *p = aux; p < end;)
			if (value__accepts(value__next_alt(&p, end), v)) return true;
		aux = nl ? nl + 1 : end;
	}
	return false;
}

/* {"Select": [...]}: a function without its Fn:: prefix (short forms turned
 * into JSON by hand). Not where the property takes JSON or a mapping, or has
 * a property of that name. */
static bool value__bare_function(cfn_tmpl *t, ig_slice type, const ig_jval *v)
{
	if (v->type != IG_JOBJ || v->n != 1 || strchr(v->keys[0], ':')) return false;
	char fn[128];
	int n = snprintf(fn, sizeof fn, "Fn::%s", v->keys[0]);
	if (n < 0 || (size_t)n >= sizeof fn || !cfn_function_needs(t, fn)) return false;
	for (const char *p = type.p, *end = type.p + type.n; p < end;) {
		ig_slice alt = value__next_alt(&p, end);
		if (ig_slice_eq(alt, "json") || ig_slice_eq(alt, "tag") || value__inner(alt, "map").p) return false;
		if (value__is_struct(alt)) {
			char key[512];
			if (alt.n >= sizeof key) return false;
			memcpy(key, alt.p, alt.n);
			key[alt.n] = 0;
			if (ig_kb_child(t->kb, key, v->keys[0])) return false;
		}
	}
	ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_FUNCTION, v->line, fn, "%s: %s is not an intrinsic function; %s is", cfn_path(t),
			v->keys[0], fn);
	return true;
}

static void value__check(cfn_tmpl *t, const ig_kb_entry *prop, ig_slice type, const ig_jval *v, int depth)
{
	if (depth > IG_JSON_MAX_DEPTH) return;
	if (value__bare_function(t, type, v)) return;
	const ig_jval *br[2];
	if (value__if(v, br)) {
		for (int i = 0; i < 2; i++)
			if (br[i]) value__check(t, prop, type, br[i], depth + 1);
		return;
	}
	if (v->type == IG_JDEEP || v->type == IG_JNULL) return;
	ig_slice fit = {0};
	size_t n_fit = 0;
	bool json = false;
	for (const char *p = type.p, *end = type.p + type.n; p < end;) {
		ig_slice alt = value__next_alt(&p, end);
		if (!value__accepts(alt, v)) continue;
		if (!n_fit++) fit = alt;
		json |= ig_slice_eq(alt, "json");
	}
	if (!n_fit) {
		if (value__older(t, prop, v)) return;
		ig_check_report(t->c, IG_RULE_CFN_WRONG_TYPE, v->line, NULL, "%s is %s, but %s takes %s", cfn_path(t), value__shape(v),
				ig_kb_key(t->kb, prop), value__describe(t, type));
		return;
	}
	if (json) return;
	if (n_fit == 1) value__descend(t, prop, fit, v, depth);
	else if (v->type != IG_JOBJ && v->type != IG_JARR) value__allowed(t, prop, v);
}

typedef struct {
	cfn_tmpl *t;
	const ig_jval *obj;       /* NULL: no Properties at all */
	const char *owner;
	unsigned line;
} value_required;

static bool value__required_visit(const ig_kb_entry *e, void *vctx)
{
	value_required *c = vctx;
	if (ig_kb_kind_of(e) != IG_KB_CFN_PROPERTY || !ig_kb_has(e, IG_KB_REQUIRED)) return true;
	const char *name = ig_kb_name(c->t->kb, e);
	if (c->obj && ig_json_get(c->obj, name)) return true;
	/* RoleArn for RoleARN: the unknown-property finding already names it */
	for (size_t i = 0; c->obj && i < c->obj->n; i++)
		if (strcasecmp(c->obj->keys[i], name) == 0) return true;
	ig_check_report(c->t->c, IG_RULE_CFN_MISSING_REQUIRED_PROPERTY, c->line, NULL,
			"%s lacks %s, which %s requires", cfn_path(c->t), name, c->owner);
	return true;
}

/* An object whose keys are not all known: Fn::ForEach makes keys, Fn::Transform
 * (AWS::Include) inserts them. */
static bool value__dynamic(const ig_jval *obj)
{
	for (size_t i = 0; i < obj->n; i++)
		if (ig_starts_with(obj->keys[i], "Fn::ForEach::") || strcmp(obj->keys[i], "Fn::Transform") == 0) return true;
	return false;
}

static void value__object(cfn_tmpl *t, const char *owner, const ig_jval *obj, bool any_props, int depth)
{
	if (depth > IG_JSON_MAX_DEPTH) return;
	const ig_jval *br[2];
	if (value__if(obj, br)) {
		for (int i = 0; i < 2; i++)
			if (br[i] && br[i]->type == IG_JOBJ) value__object(t, owner, br[i], any_props, depth + 1);
		return;
	}
	if (obj->type != IG_JOBJ) return;
	bool dynamic = value__dynamic(obj);
	for (size_t i = 0; i < obj->n; i++) {
		const char *key = obj->keys[i];
		if (ig_starts_with(key, "Fn::ForEach::") || strcmp(key, "Fn::Transform") == 0) continue;
		const ig_kb_entry *prop = ig_kb_child(t->kb, owner, key);
		if (!prop || ig_kb_kind_of(prop) != IG_KB_CFN_PROPERTY) {
			if (any_props || dynamic) continue;
			const ig_kb_entry *near[3];
			size_t n = cfn_may_suggest(t) ? ig_kb_closest(t->kb, owner, key, near, 3) : 0;
			ig_check_report(t->c, IG_RULE_CFN_UNKNOWN_PROPERTY, obj->items[i]->line, ig_check_suggest(t->c, t->kb, near, n),
					"%s.%s: %s has no property %s", cfn_path(t), key, owner, key);
			continue;
		}
		cfn_push(t, key);
		if (ig_kb_has(prop, IG_KB_DEPRECATED))
			ig_check_report(t->c, IG_RULE_CFN_DEPRECATED_PROPERTY, obj->items[i]->line, NULL, "%s: %s is %s", cfn_path(t),
					ig_kb_key(t->kb, prop), ig_kb_str(t->kb, prop->note));
		const char *type = ig_kb_str(t->kb, prop->type);
		value__check(t, prop, (ig_slice){type, strlen(type)}, obj->items[i], depth + 1);
		cfn_pop(t);
	}
	if (t->partial || dynamic) return;
	value_required rq = {.t = t, .obj = obj, .owner = owner, .line = obj->line};
	ig_kb_each_child(t->kb, owner, value__required_visit, &rq);
}

void cfn_check_properties(cfn_tmpl *t, cfn_res *r, const ig_jval *props)
{
	cfn_push(t, "Properties");
	if (!props) {
		if (!t->partial) {
			value_required rq = {.t = t, .obj = NULL, .owner = r->kbtype, .line = r->line};
			ig_kb_each_child(t->kb, r->kbtype, value__required_visit, &rq);
		}
	} else if (props->type == IG_JOBJ) {
		value__object(t, r->kbtype, props, r->any_props, 0);
	} else if (props->type != IG_JDEEP && props->type != IG_JNULL) {
		ig_check_report(t->c, IG_RULE_CFN_WRONG_TYPE, props->line, NULL, "%s is %s, not a mapping of properties", cfn_path(t),
				value__shape(props));
	}
	cfn_pop(t);
}
