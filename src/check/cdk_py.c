/* CDK checks in Python: attribute chains (`logs.RetentionDays.ONE_MONTH`),
 * calls of constructs, structs and methods with their keyword arguments
 * (jsii flattens the props struct into keywords: `instance_props=...`), and
 * variables bound to a construct (`db = rds.DatabaseCluster(self, ...)`).
 * Names are snake_case; they compare with the index's camelCase folded. */
#include "check/cdk.h"
#include <string.h>

#define PY_MAX_DEPTH 256

static cdk_sym py__eval(cdk *k, TSNode n, int depth);

/* A dict key that is a plain string literal ("subnet_type"), else NULL (an
 * f-string, bytes, a name: the key is not known). */
static const char *py__literal_key(cdk *k, TSNode key)
{
	if (!cdk_is(key, "string")) return NULL;
	const char *name = NULL;
	for (uint32_t i = 0; i < ts_node_named_child_count(key); i++) {
		TSNode c = ts_node_named_child(key, i);
		if (cdk_is(c, "string_content") && !name && !ts_node_named_child_count(c)) name = cdk_text(k, c);
		else if (cdk_is(c, "string_start")) {
			const char *q = cdk_text(k, c);
			if (strcspn(q, "\"'") != 0) return NULL; /* a prefix: f"", b"", r"" */
		} else if (!cdk_is(c, "string_end")) {
			return NULL; /* an interpolation, an escape, a second part */
		}
	}
	return name;
}

static void py__dict(cdk *k, TSNode dict, const ig_kb_entry *st, int depth);

/* The value given for a prop: jsii's Python structs turn a dict given for a
 * struct-typed prop into that struct (`X(**value)`), so its keys are the
 * struct's keyword arguments. A list of dicts is passed on as it is. */
static void py__prop_value(cdk *k, const ig_kb_entry *prop, TSNode value, int depth)
{
	const ig_kb_entry *st = cdk_struct_of(k, ig_kb_str(k->kb, prop->type), false);
	if (st && cdk_is(value, "dictionary")) py__dict(k, value, st, depth + 1);
}

static void py__dict(cdk *k, TSNode dict, const ig_kb_entry *st, int depth)
{
	if (depth > PY_MAX_DEPTH || ts_node_has_error(dict)) return;
	cdk_given given = {0};
	uint32_t n = ts_node_named_child_count(dict);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(dict, i);
		if (cdk_is(c, "comment")) continue;
		const char *name = cdk_is(c, "pair") ? py__literal_key(k, ig_node_field(c, "key")) : NULL;
		if (!name) {
			given.open = true; /* **other, a computed key */
			continue;
		}
		const ig_kb_entry *prop = cdk_prop(k, st, name, ig_node_line(c));
		cdk_give(k, &given, prop ? name : NULL);
		if (prop) py__prop_value(k, prop, ig_node_field(c, "value"), depth);
	}
	cdk_required(k, st, &given, ig_node_line(dict));
}

/* Keyword arguments against the parameters of e (a method or a class's
 * initializer) or, for a struct, its properties. jsii lifts the fields of
 * a last parameter that is a struct into keyword-only arguments, required
 * when the field is (whether or not the parameter is optional); a positional
 * parameter spelled like a lifted field is renamed (`scope_`), so a keyword
 * that names a field is the field. */
static void py__kwargs(cdk *k, const ig_kb_entry *e, TSNode args)
{
	cdk_param ps[CDK_MAX_PARAMS];
	size_t np = 0, positional = 0;
	const ig_kb_entry *st = NULL;
	bool judged = true; /* whether required fields left out are reported */
	if (ig_kb_kind_of(e) == IG_KB_STRUCT) {
		st = e;
	} else {
		np = cdk_params(k, e, ps, CDK_MAX_PARAMS);
		if (np) st = cdk_struct_of(k, ps[np - 1].type, false);
		/* a variadic struct parameter is not lifted (jsii-pacmak's
		 * getliftedProp): its keywords are checked as the fields, but what
		 * it requires is not judged */
		if (st) positional = np - 1, judged = !ps[np - 1].variadic;
	}
	cdk_given given = {0};
	uint32_t n = ts_node_named_child_count(args), given_positional = 0;
	for (uint32_t i = 0; i < n; i++) {
		TSNode a = ts_node_named_child(args, i);
		if (cdk_is(a, "comment")) continue;
		if (!cdk_is(a, "keyword_argument") || ts_node_has_error(a)) {
			/* *args, **kwargs: the arguments are not known; a positional one
			 * past the positional parameters is a wrong call, not a props matter */
			if (cdk_is(a, "list_splat") || cdk_is(a, "dictionary_splat") || ts_node_has_error(a) || ++given_positional > positional)
				given.open = true;
			continue;
		}
		TSNode name = ig_node_field(a, "name");
		if (!cdk_is(name, "identifier")) continue;
		const char *kw = cdk_text(k, name);
		bool param = false;
		if (!st || !cdk_find_prop(k, st, kw))
			for (size_t j = 0; j < np && !param; j++) param = cdk_name_eq(k, ps[j].name, kw);
		if (param) continue;
		if (st) {
			const ig_kb_entry *prop = cdk_prop(k, st, kw, ig_node_line(name));
			cdk_give(k, &given, prop ? kw : NULL);
			if (prop) py__prop_value(k, prop, ig_node_field(a, "value"), 0);
		} else if (np || ig_kb_kind_of(e) != IG_KB_CLASS) {
			/* a keyword no parameter has is a TypeError at synth time */
			const char *key = ig_kb_key(k->kb, e);
			cdk_report(k, IG_RULE_CDK_UNKNOWN_PROP, ig_node_line(name), kw, NULL,
				   "%s takes no keyword argument %s: the code fails when it runs", key, kw);
		}
	}
	/* an optional props parameter left out entirely is judged by no language */
	if (st && judged && (given.n || !np || !ps[np - 1].optional)) cdk_required(k, st, &given, ig_node_line(args));
}

static cdk_sym py__attribute(cdk *k, TSNode n, int depth)
{
	TSNode obj = ig_node_field(n, "object"), attr = ig_node_field(n, "attribute");
	if (ts_node_is_null(obj) || !cdk_is(attr, "identifier")) return (cdk_sym){0};
	const char *name = cdk_text(k, attr);
	if (cdk_is(obj, "identifier") && ig_node_text_eq(k->p, obj, "self"))
		return cdk_name(k, ig_arena_printf(k->a, "self.%s", name));
	cdk_sym from = py__eval(k, obj, depth + 1);
	if (from.kind == CDK_UNKNOWN && cdk_is(obj, "identifier")) cdk_unbound_qualifier(k, cdk_text(k, obj), name, ig_node_line(attr));
	return cdk_member(k, from, name, ig_node_line(attr));
}

static cdk_sym py__eval(cdk *k, TSNode n, int depth)
{
	cdk_sym none = {0};
	if (depth > PY_MAX_DEPTH || ts_node_is_null(n) || ts_node_has_error(n)) return none;
	const char *t = ts_node_type(n);
	if (strcmp(t, "identifier") == 0) return cdk_name(k, cdk_text(k, n));
	if (strcmp(t, "attribute") == 0) return py__attribute(k, n, depth);
	if (strcmp(t, "parenthesized_expression") == 0)
		return ts_node_named_child_count(n) ? py__eval(k, ts_node_named_child(n, 0), depth + 1) : none;
	if (strcmp(t, "call") == 0) {
		cdk_sym callee = py__eval(k, ig_node_field(n, "function"), depth + 1);
		TSNode args = ig_node_field(n, "arguments");
		bool callable = callee.kind == CDK_CALLABLE ||
				(callee.kind == CDK_TYPE && (ig_kb_kind_of(callee.e) == IG_KB_CLASS || ig_kb_kind_of(callee.e) == IG_KB_STRUCT));
		if (!callable) return none;
		if (cdk_is(args, "argument_list")) py__kwargs(k, callee.e, args);
		return cdk_result(k, callee);
	}
	return none;
}

/* The value an annotation promises (`scope: Construct`, `vpc: ec2.IVpc`). */
static cdk_sym py__annotated(cdk *k, TSNode type)
{
	cdk_sym none = {0};
	if (cdk_is(type, "type") && ts_node_named_child_count(type)) type = ts_node_named_child(type, 0);
	if (!cdk_is(type, "identifier") && !cdk_is(type, "attribute")) return none;
	cdk_sym s = py__eval(k, type, 0);
	if (s.kind != CDK_TYPE) return none;
	cdk_sym v = {CDK_VALUE, s.e, NULL, ig_kb_kind_of(s.e) == IG_KB_INTERFACE};
	return v;
}

/* Every name a target (a, (a, b), [a, *b]) binds holds something unknown. */
static void py__unknown_targets(cdk *k, TSNode n, int depth)
{
	if (depth > PY_MAX_DEPTH || ts_node_is_null(n)) return;
	if (cdk_is(n, "identifier")) {
		cdk_bind(k, cdk_text(k, n), (cdk_sym){0});
		return;
	}
	if (cdk_is(n, "attribute") || cdk_is(n, "subscript")) return;
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) py__unknown_targets(k, ts_node_named_child(n, i), depth + 1);
}

static void py__assignment(cdk *k, TSNode n)
{
	TSNode left = ig_node_field(n, "left"), right = ig_node_field(n, "right"), type = ig_node_field(n, "type");
	cdk_sym s = py__annotated(k, type);
	if (ts_node_is_null(type) && !ts_node_is_null(right) && !cdk_is(right, "assignment")) s = py__eval(k, right, 0);
	if (cdk_is(left, "identifier")) {
		cdk_bind(k, cdk_text(k, left), s);
	} else if (cdk_is(left, "attribute") && ig_node_text_eq(k->p, ig_node_field(left, "object"), "self")) {
		cdk_bind(k, ig_arena_printf(k->a, "self.%s", cdk_text(k, ig_node_field(left, "attribute"))), s);
	} else {
		py__unknown_targets(k, left, 0);
	}
}

/* A parameter: its annotation says what it holds, if anything. */
static void py__parameter(cdk *k, TSNode n)
{
	TSNode name = {0};
	if (cdk_is(n, "identifier")) name = n;
	else if (cdk_is(n, "typed_parameter") && ts_node_named_child_count(n)) name = ts_node_named_child(n, 0);
	else name = ig_node_field(n, "name");
	if (!cdk_is(name, "identifier")) return;
	cdk_bind(k, cdk_text(k, name), py__annotated(k, ig_node_field(n, "type")));
}

/* isinstance(x, s3.CfnBucket): past the test x is more than its declaration. */
static void py__narrowed(cdk *k, TSNode n)
{
	TSNode fn = ig_node_field(n, "function"), args = ig_node_field(n, "arguments");
	if (!cdk_is(fn, "identifier") || !ig_node_text_eq(k->p, fn, "isinstance") || !cdk_is(args, "argument_list") ||
	    !ts_node_named_child_count(args))
		return;
	TSNode x = ts_node_named_child(args, 0);
	if (cdk_is(x, "identifier")) cdk_bind(k, cdk_text(k, x), (cdk_sym){0});
}

static bool py__in(const char *s, const char *const *list)
{
	for (int i = 0; s && list[i]; i++)
		if (strcmp(s, list[i]) == 0) return true;
	return false;
}

static void py__visit(cdk *k, TSNode n, const char *parent, const char *field, bool in_error)
{
	const char *t = ts_node_type(n);
	if (strcmp(t, "identifier") == 0) {
		/* `x.attr` qualifies, `attr` and `kw=` are not names of the scope */
		bool not_a_use = field && parent &&
				 ((strcmp(parent, "attribute") == 0 && (strcmp(field, "object") == 0 || strcmp(field, "attribute") == 0)) ||
				  (strcmp(parent, "keyword_argument") == 0 && strcmp(field, "name") == 0));
		if (!not_a_use) cdk_plain(k, cdk_text(k, n));
		static const char *const declaring[] = {"parameters", "lambda_parameters", "list_splat_pattern",
							"dictionary_splat_pattern", "function_definition", "class_definition",
							"as_pattern_target", "global_statement", "nonlocal_statement", NULL};
		if (py__in(parent, declaring) && (!field || strcmp(field, "name") == 0 || strcmp(parent, "parameters") == 0 ||
						  strcmp(parent, "lambda_parameters") == 0))
			cdk_bind(k, cdk_text(k, n), (cdk_sym){0});
		return;
	}
	if (in_error) return;
	if (strcmp(t, "assignment") == 0) {
		py__assignment(k, n);
		return;
	}
	if (strcmp(t, "augmented_assignment") == 0) {
		py__unknown_targets(k, ig_node_field(n, "left"), 0);
		return;
	}
	if (strcmp(t, "for_statement") == 0 || strcmp(t, "for_in_clause") == 0) {
		py__unknown_targets(k, ig_node_field(n, "left"), 0);
		return;
	}
	if (strcmp(t, "typed_parameter") == 0 || strcmp(t, "typed_default_parameter") == 0 || strcmp(t, "default_parameter") == 0) {
		py__parameter(k, n);
		return;
	}
	bool chain = strcmp(t, "attribute") == 0 || strcmp(t, "call") == 0;
	if (!chain) return;
	if (strcmp(t, "call") == 0) py__narrowed(k, n);
	bool part = field && parent &&
		    ((strcmp(field, "object") == 0 && strcmp(parent, "attribute") == 0) ||
		     (strcmp(field, "function") == 0 && strcmp(parent, "call") == 0));
	if (!part) py__eval(k, n, 0);
}

void cdk_walk_py(cdk *k)
{
	cdk_walk(k, py__visit);
}
