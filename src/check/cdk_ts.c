/* CDK checks in TypeScript and JavaScript: member chains (`logs.RetentionDays.
 * ONE_MONTH`), `new` and method calls with their object-literal props,
 * type references (`ec2.IVpc`), and variables whose type the code states
 * (`const db = new rds.DatabaseCluster(...)`, `vpc: ec2.IVpc`). */
#include "check/cdk.h"
#include <string.h>

#define TS_MAX_DEPTH 256

static cdk_sym ts__eval(cdk *k, TSNode n, int depth, bool deref);
static void ts__object(cdk *k, TSNode obj, const ig_kb_entry *st, int depth);

/* A value given where `type` is expected: an object literal is a struct's
 * props, an array literal of them a list of structs. */
static void ts__arg(cdk *k, TSNode arg, const char *type, int depth)
{
	if (depth > TS_MAX_DEPTH || ts_node_is_null(arg)) return;
	if (cdk_is(arg, "object")) {
		const ig_kb_entry *st = cdk_struct_of(k, type, false);
		if (st) ts__object(k, arg, st, depth + 1);
	} else if (cdk_is(arg, "array") && strncmp(type, "list<", 5) == 0) {
		const ig_kb_entry *st = cdk_struct_of(k, type, true);
		uint32_t n = ts_node_named_child_count(arg);
		for (uint32_t i = 0; st && i < n; i++) {
			TSNode el = ts_node_named_child(arg, i);
			if (cdk_is(el, "object")) ts__object(k, el, st, depth + 1);
		}
	}
}

/* The name of an object-literal key, or NULL when it is computed. */
static const char *ts__key(cdk *k, TSNode key)
{
	if (cdk_is(key, "property_identifier")) return cdk_text(k, key);
	if (cdk_is(key, "string")) return ig_node_text_unquoted(k->a, k->p, key);
	return NULL;
}

/* The keys of an object literal given for the struct st: each checked, and
 * the required ones that are missing when every key is known. */
static void ts__object(cdk *k, TSNode obj, const ig_kb_entry *st, int depth)
{
	cdk_given given = {0};
	given.open = ts_node_has_error(obj);
	uint32_t n = ts_node_named_child_count(obj);
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(obj, i);
		TSNode key = {0}, value = {0};
		if (cdk_is(c, "pair")) key = ig_node_field(c, "key"), value = ig_node_field(c, "value");
		else if (cdk_is(c, "shorthand_property_identifier")) key = c;
		else if (cdk_is(c, "method_definition")) key = ig_node_field(c, "name");
		else {
			given.open |= !cdk_is(c, "comment"); /* a spread gives keys no one can see */
			continue;
		}
		const char *name = cdk_is(key, "shorthand_property_identifier") ? cdk_text(k, key) : ts__key(k, key);
		if (!name || ts_node_has_error(c)) {
			given.open = true;
			continue;
		}
		const ig_kb_entry *prop = cdk_prop(k, st, name, ig_node_line(key));
		cdk_give(k, &given, prop ? name : NULL);
		if (prop && !ts_node_is_null(value)) ts__arg(k, value, ig_kb_str(k->kb, prop->type), depth);
	}
	cdk_required(k, st, &given, ig_node_line(obj));
}

/* Arguments of a call or `new` against the parameters of e. */
static void ts__args(cdk *k, const ig_kb_entry *e, TSNode args, int depth)
{
	cdk_param ps[CDK_MAX_PARAMS];
	size_t np = cdk_params(k, e, ps, CDK_MAX_PARAMS);
	if (!np || ts_node_is_null(args)) return;
	uint32_t n = ts_node_named_child_count(args), idx = 0;
	for (uint32_t i = 0; i < n; i++) {
		TSNode a = ts_node_named_child(args, i);
		if (cdk_is(a, "comment")) continue;
		if (cdk_is(a, "spread_element")) return; /* the positions after it are unknown */
		const cdk_param *p = idx < np ? &ps[idx] : ps[np - 1].variadic ? &ps[np - 1] : NULL;
		if (!p) return;
		ts__arg(k, a, p->type, depth);
		idx++;
	}
}

static cdk_sym ts__member(cdk *k, TSNode n, int depth, bool deref)
{
	TSNode obj = ig_node_field(n, "object"), prop = ig_node_field(n, "property");
	if (ts_node_is_null(obj) || ts_node_is_null(prop) || !cdk_is(prop, "property_identifier")) return (cdk_sym){0};
	const char *name = cdk_text(k, prop);
	if (cdk_is(obj, "this")) return cdk_name(k, ig_arena_printf(k->a, "this.%s", name));
	cdk_sym from = ts__eval(k, obj, depth + 1, true);
	if (from.kind == CDK_UNKNOWN && cdk_is(obj, "identifier")) cdk_unbound_qualifier(k, cdk_text(k, obj), name, ig_node_line(prop));
	k->deref = deref;
	return cdk_member(k, from, name, ig_node_line(prop));
}

/* deref: the value is called or read through (JavaScript fails only then). */
static cdk_sym ts__eval(cdk *k, TSNode n, int depth, bool deref)
{
	cdk_sym none = {0};
	if (depth > TS_MAX_DEPTH || ts_node_is_null(n) || ts_node_has_error(n)) return none;
	const char *t = ts_node_type(n);
	if (strcmp(t, "identifier") == 0) return cdk_name(k, cdk_text(k, n));
	if (strcmp(t, "member_expression") == 0) return ts__member(k, n, depth, deref);
	if (strcmp(t, "parenthesized_expression") == 0 || strcmp(t, "non_null_expression") == 0)
		return ts_node_named_child_count(n) ? ts__eval(k, ts_node_named_child(n, 0), depth + 1, deref) : none;
	if (strcmp(t, "call_expression") == 0) {
		cdk_sym callee = ts__eval(k, ig_node_field(n, "function"), depth + 1, true);
		if (callee.kind != CDK_CALLABLE) return none;
		ts__args(k, callee.e, ig_node_field(n, "arguments"), depth);
		return cdk_result(k, callee);
	}
	if (strcmp(t, "new_expression") == 0) {
		cdk_sym cls = ts__eval(k, ig_node_field(n, "constructor"), depth + 1, true);
		if (cls.kind != CDK_TYPE || ig_kb_kind_of(cls.e) != IG_KB_CLASS) return none;
		ts__args(k, cls.e, ig_node_field(n, "arguments"), depth);
		return cdk_result(k, cls);
	}
	return none;
}

/* `ec2.IVpc`, `cdk.aws_ec2.IVpc`, `Construct` in a type position. */
static cdk_sym ts__type(cdk *k, TSNode n)
{
	cdk_sym none = {0};
	const char *parts[16];
	int np = ig_node_chain(k->a, k->p, n, parts, 16);
	if (np <= 0) return none;
	cdk_sym s = cdk_name(k, parts[0]);
	unsigned line = ig_node_line(n);
	if (s.kind == CDK_UNKNOWN && np > 1) cdk_unbound_qualifier(k, parts[0], parts[1], line);
	for (int i = 1; i < np && s.kind != CDK_UNKNOWN; i++) {
		k->deref = true; /* a type position: JavaScript has none */
		s = cdk_member(k, s, parts[i], line);
	}
	return s;
}

/* The value a type annotation promises. */
static cdk_sym ts__annotated(cdk *k, TSNode ann)
{
	cdk_sym none = {0};
	if (!cdk_is(ann, "type_annotation") || !ts_node_named_child_count(ann)) return none;
	TSNode t = ts_node_named_child(ann, 0);
	if (!cdk_is(t, "nested_type_identifier") && !cdk_is(t, "type_identifier")) return none;
	cdk_sym s = ts__type(k, t);
	if (s.kind != CDK_TYPE) return none;
	cdk_sym v = {CDK_VALUE, s.e, NULL, false};
	return v;
}

/* What a declared name holds: its annotation (`x: any` is unknown whatever
 * its value), else its initializer. */
static void ts__declare(cdk *k, const char *name, TSNode type, TSNode value)
{
	cdk_sym s = ts__annotated(k, type);
	if (ts_node_is_null(type) && !ts_node_is_null(value)) s = ts__eval(k, value, 0, false);
	cdk_bind(k, name, s);
}

static bool ts__pattern_parent(const char *parent)
{
	static const char *const patterns[] = {"array_pattern", "pair_pattern", "rest_pattern", "assignment_pattern",
					       "object_assignment_pattern", "formal_parameters", "for_in_statement",
					       "catch_clause", "arrow_function", "function_declaration", "class_declaration",
					       "abstract_class_declaration", "generator_function_declaration", "class", NULL};
	for (int i = 0; parent && patterns[i]; i++)
		if (strcmp(parent, patterns[i]) == 0) return true;
	return false;
}

/* `x instanceof s3.CfnBucket`, `'grant' in x`, `CfnResource.isCfnResource(x)`:
 * past such a test the compiler knows more of x than its declaration says. */
static void ts__narrowed(cdk *k, TSNode n)
{
	cdk_sym none = {0};
	if (cdk_is(n, "binary_expression")) {
		TSNode op = ig_node_field(n, "operator");
		TSNode x = ig_node_field(n, ig_node_text_eq(k->p, op, "instanceof") ? "left" : ig_node_text_eq(k->p, op, "in") ? "right" : "");
		if (cdk_is(x, "identifier")) cdk_bind(k, cdk_text(k, x), none);
		return;
	}
	TSNode fn = ig_node_field(n, "function"), args = ig_node_field(n, "arguments");
	if (cdk_is(fn, "member_expression")) fn = ig_node_field(fn, "property");
	if (ts_node_is_null(fn) || ts_node_is_null(args) || strncmp(cdk_text(k, fn), "is", 2) != 0) return;
	for (uint32_t i = 0; i < ts_node_named_child_count(args); i++) {
		TSNode a = ts_node_named_child(args, i);
		if (cdk_is(a, "identifier")) cdk_bind(k, cdk_text(k, a), none);
	}
}

static void ts__visit(cdk *k, TSNode n, const char *parent, const char *field, bool in_error)
{
	const char *t = ts_node_type(n);
	if (strcmp(t, "identifier") == 0 || strcmp(t, "shorthand_property_identifier") == 0 ||
	    strcmp(t, "shorthand_property_identifier_pattern") == 0) {
		bool qualifier = field && parent &&
				 ((strcmp(field, "object") == 0 && (strcmp(parent, "member_expression") == 0 || strcmp(parent, "nested_identifier") == 0)) ||
				  (strcmp(field, "module") == 0 && strcmp(parent, "nested_type_identifier") == 0));
		if (!qualifier) cdk_plain(k, cdk_text(k, n));
		/* names a pattern, a parameter or a loop declares hold something unknown */
		if (strcmp(t, "shorthand_property_identifier_pattern") == 0 || ts__pattern_parent(parent))
			cdk_bind(k, cdk_text(k, n), (cdk_sym){0});
		return;
	}
	if (in_error) return;
	if (strcmp(t, "variable_declarator") == 0) {
		TSNode name = ig_node_field(n, "name"), value = ig_node_field(n, "value");
		/* `const s3 = require('aws-cdk-lib/aws-s3')`: bound by the file's
		 * imports already; a second binding would make it unknown */
		if (cdk_is(value, "call_expression") && ig_node_text_eq(k->p, ig_node_field(value, "function"), "require")) return;
		if (cdk_is(name, "identifier")) ts__declare(k, cdk_text(k, name), ig_node_field(n, "type"), ig_node_field(n, "value"));
		return;
	}
	if (strcmp(t, "required_parameter") == 0 || strcmp(t, "optional_parameter") == 0) {
		TSNode pat = ig_node_field(n, "pattern");
		TSNode none = {0};
		if (cdk_is(pat, "identifier")) ts__declare(k, cdk_text(k, pat), ig_node_field(n, "type"), none);
		return;
	}
	if (strcmp(t, "public_field_definition") == 0) {
		TSNode name = ig_node_field(n, "name");
		if (cdk_is(name, "property_identifier"))
			ts__declare(k, ig_arena_printf(k->a, "this.%s", cdk_text(k, name)), ig_node_field(n, "type"), ig_node_field(n, "value"));
		return;
	}
	if (strcmp(t, "assignment_expression") == 0) {
		TSNode left = ig_node_field(n, "left"), none = {0};
		const char *name = NULL;
		if (cdk_is(left, "identifier")) name = cdk_text(k, left);
		else if (cdk_is(left, "member_expression") && cdk_is(ig_node_field(left, "object"), "this"))
			name = ig_arena_printf(k->a, "this.%s", cdk_text(k, ig_node_field(left, "property")));
		if (name) ts__declare(k, name, none, ig_node_field(n, "right"));
		return;
	}
	if (strcmp(t, "binary_expression") == 0 || strcmp(t, "call_expression") == 0) ts__narrowed(k, n);
	if (strcmp(t, "nested_type_identifier") == 0) {
		if (!parent || strcmp(parent, "nested_type_identifier") != 0) ts__type(k, n);
		return;
	}
	/* an expression checked as a whole, not as a part of a longer chain */
	bool chain = strcmp(t, "member_expression") == 0 || strcmp(t, "call_expression") == 0 || strcmp(t, "new_expression") == 0;
	if (!chain) return;
	bool part = field && parent &&
		    ((strcmp(field, "object") == 0 && strcmp(parent, "member_expression") == 0) ||
		     (strcmp(field, "function") == 0 && strcmp(parent, "call_expression") == 0) ||
		     (strcmp(field, "constructor") == 0 && strcmp(parent, "new_expression") == 0));
	if (!part) ts__eval(k, n, 0, false);
}

void cdk_walk_ts(cdk *k)
{
	cdk_walk(k, ts__visit);
}
