/* CDK checks in Go: package members as jsii-pacmak names them
 * (`awsrds.NewDatabaseCluster`, `awsrds.AuroraPostgresEngineVersion_VER_15_4()`,
 * `awslogs.RetentionDays_ONE_MONTH`), struct literals with their fields
 * (`&awsrds.DatabaseClusterProps{InstanceProps: ...}`, elements of
 * `[]*awsec2.SubnetConfiguration{{...}}`), and variables of a known type
 * (`db := awsrds.NewDatabaseCluster(...)`, `vpc awsec2.IVpc`). Go names are
 * PascalCase; they compare with the index's camelCase folded. */
#include "check/cdk.h"
#include <string.h>

#define GO_MAX_DEPTH 256

static cdk_sym go__eval(cdk *k, TSNode n, int depth);

/* `awsrds.DatabaseClusterProps`, `*awsec2.SubnetConfiguration`: the type named. */
static cdk_sym go__type(cdk *k, TSNode t)
{
	cdk_sym none = {0};
	while (cdk_is(t, "pointer_type") || cdk_is(t, "parenthesized_type"))
		t = ts_node_named_child_count(t) ? ts_node_named_child(t, 0) : (TSNode){0};
	if (!cdk_is(t, "qualified_type")) return none;
	TSNode pkg = ig_node_field(t, "package"), name = ig_node_field(t, "name");
	if (ts_node_is_null(pkg) || ts_node_is_null(name)) return none;
	const char *p = cdk_text(k, pkg), *nm = cdk_text(k, name);
	cdk_sym m = cdk_name(k, p);
	if (m.kind == CDK_UNKNOWN) cdk_unbound_qualifier(k, p, nm, ig_node_line(name));
	if (m.kind != CDK_MODULE) return none;
	cdk_sym s = cdk_member(k, m, nm, ig_node_line(name));
	return s.kind == CDK_TYPE ? s : none;
}

static void go__literal(cdk *k, TSNode body, const ig_kb_entry *st, int depth);

/* The elements of a slice literal whose element type is a struct; an
 * element written `{...}` takes that type. */
static void go__slice(cdk *k, TSNode body, const ig_kb_entry *st, int depth)
{
	uint32_t n = ts_node_named_child_count(body);
	for (uint32_t i = 0; i < n; i++) {
		TSNode el = ts_node_named_child(body, i);
		if (cdk_is(el, "literal_element") && ts_node_named_child_count(el)) el = ts_node_named_child(el, 0);
		if (cdk_is(el, "literal_value")) go__literal(k, el, st, depth + 1);
	}
}

/* Keyed fields of a struct literal. */
static void go__literal(cdk *k, TSNode body, const ig_kb_entry *st, int depth)
{
	if (depth > GO_MAX_DEPTH) return;
	uint32_t n = ts_node_named_child_count(body);
	for (uint32_t i = 0; i < n; i++) {
		TSNode el = ts_node_named_child(body, i);
		if (!cdk_is(el, "keyed_element") || ts_node_has_error(el)) continue;
		TSNode key = ig_node_field(el, "key");
		if (cdk_is(key, "literal_element") && ts_node_named_child_count(key)) key = ts_node_named_child(key, 0);
		if (!cdk_is(key, "identifier") && !cdk_is(key, "field_identifier")) continue;
		cdk_prop(k, st, cdk_text(k, key), ig_node_line(key));
	}
}

/* A value with its `&` and parentheses taken off. */
static TSNode go__bare(TSNode n)
{
	for (int i = 0; i < 8 && (cdk_is(n, "unary_expression") || cdk_is(n, "parenthesized_expression") || cdk_is(n, "literal_element")) &&
			ts_node_named_child_count(n);
	     i++)
		n = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
	return n;
}

static void go__judge_body(cdk *k, TSNode body, const ig_kb_entry *st, int depth);

/* A struct literal of the type want given to a construct or method, or as a
 * field of one: nothing can set more of its fields before it is used, so the
 * required ones must be there (jsii's Go checks each struct argument when the
 * call runs). A literal held in a variable is not judged. */
static void go__judge(cdk *k, TSNode value, const ig_kb_entry *want, int depth)
{
	TSNode lit = go__bare(value);
	if (depth > GO_MAX_DEPTH || !cdk_is(lit, "composite_literal") || ts_node_has_error(lit)) return;
	TSNode type = ig_node_field(lit, "type"), body = ig_node_field(lit, "body");
	if (cdk_is(type, "slice_type") || cdk_is(type, "array_type")) {
		cdk_sym el = go__type(k, ig_node_field(type, "element"));
		if (el.kind != CDK_TYPE || ig_kb_kind_of(el.e) != IG_KB_STRUCT) return;
		for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
			TSNode item = go__bare(ts_node_named_child(body, i));
			if (cdk_is(item, "literal_value")) go__judge_body(k, item, el.e, depth + 1);
			else go__judge(k, item, el.e, depth + 1);
		}
		return;
	}
	cdk_sym t = go__type(k, type);
	if (t.kind == CDK_TYPE && ig_kb_kind_of(t.e) == IG_KB_STRUCT && want == t.e) go__judge_body(k, body, t.e, depth + 1);
}

static void go__judge_body(cdk *k, TSNode body, const ig_kb_entry *st, int depth)
{
	if (depth > GO_MAX_DEPTH) return;
	cdk_given given = {0};
	uint32_t n = ts_node_named_child_count(body);
	for (uint32_t i = 0; i < n; i++) {
		TSNode el = ts_node_named_child(body, i);
		if (cdk_is(el, "comment")) continue;
		TSNode key = cdk_is(el, "keyed_element") ? go__bare(ig_node_field(el, "key")) : (TSNode){0};
		const ig_kb_entry *prop = NULL;
		if (cdk_is(key, "identifier") || cdk_is(key, "field_identifier")) prop = cdk_find_prop(k, st, cdk_text(k, key));
		/* an unkeyed or unknown field: the fields given are not known */
		cdk_give(k, &given, prop && !ts_node_has_error(el) ? cdk_text(k, key) : NULL);
		if (!prop) continue;
		TSNode value = go__bare(ig_node_field(el, "value"));
		const ig_kb_entry *sub = cdk_struct_of(k, ig_kb_str(k->kb, prop->type), true);
		if (!sub) continue;
		/* a slice's elements may leave their type out: `{Name: ...}` */
		if (cdk_is(value, "literal_value")) go__judge_body(k, value, sub, depth + 1);
		else go__judge(k, value, sub, depth + 1);
	}
	cdk_required(k, st, &given, ig_node_line(body));
}

/* The arguments of a call of e: struct literals given for its parameters. */
static void go__judge_args(cdk *k, const ig_kb_entry *e, TSNode args)
{
	cdk_param ps[CDK_MAX_PARAMS];
	size_t np = cdk_params(k, e, ps, CDK_MAX_PARAMS);
	uint32_t n = ts_node_named_child_count(args), idx = 0;
	for (uint32_t i = 0; i < n && idx < np; i++) {
		TSNode a = ts_node_named_child(args, i);
		if (cdk_is(a, "comment")) continue;
		const ig_kb_entry *st = cdk_struct_of(k, ps[idx++].type, false);
		if (st) go__judge(k, a, st, 0);
	}
}

static cdk_sym go__composite(cdk *k, TSNode n, int depth)
{
	cdk_sym none = {0};
	TSNode type = ig_node_field(n, "type"), body = ig_node_field(n, "body");
	if (ts_node_is_null(body)) return none;
	if (cdk_is(type, "slice_type") || cdk_is(type, "array_type")) {
		cdk_sym el = go__type(k, ig_node_field(type, "element"));
		if (el.kind == CDK_TYPE && ig_kb_kind_of(el.e) == IG_KB_STRUCT) go__slice(k, body, el.e, depth);
		return none;
	}
	cdk_sym t = go__type(k, type);
	if (t.kind != CDK_TYPE || ig_kb_kind_of(t.e) != IG_KB_STRUCT) return none;
	go__literal(k, body, t.e, depth);
	cdk_sym v = {CDK_VALUE, t.e, NULL, false};
	return v;
}

static cdk_sym go__eval(cdk *k, TSNode n, int depth)
{
	cdk_sym none = {0};
	if (depth > GO_MAX_DEPTH || ts_node_is_null(n) || ts_node_has_error(n)) return none;
	const char *t = ts_node_type(n);
	if (strcmp(t, "identifier") == 0) return cdk_name(k, cdk_text(k, n));
	if (strcmp(t, "selector_expression") == 0) {
		TSNode obj = ig_node_field(n, "operand"), field = ig_node_field(n, "field");
		if (ts_node_is_null(obj) || ts_node_is_null(field)) return none;
		const char *name = cdk_text(k, field);
		cdk_sym from = go__eval(k, obj, depth + 1);
		if (from.kind == CDK_UNKNOWN && cdk_is(obj, "identifier")) cdk_unbound_qualifier(k, cdk_text(k, obj), name, ig_node_line(field));
		return cdk_member(k, from, name, ig_node_line(field));
	}
	if (strcmp(t, "call_expression") == 0) {
		cdk_sym callee = go__eval(k, ig_node_field(n, "function"), depth + 1);
		/* a static or instance property is read by calling it: Bucket.BucketArn() */
		if (callee.kind == CDK_VALUE) return callee;
		bool call = callee.kind == CDK_CALLABLE || (callee.kind == CDK_TYPE && ig_kb_kind_of(callee.e) == IG_KB_CLASS);
		if (!call) return none;
		TSNode args = ig_node_field(n, "arguments");
		if (cdk_is(args, "argument_list")) go__judge_args(k, callee.e, args);
		return cdk_result(k, callee);
	}
	if (strcmp(t, "composite_literal") == 0) return go__composite(k, n, depth);
	if (strcmp(t, "parenthesized_expression") == 0 || (strcmp(t, "unary_expression") == 0 && ts_node_named_child_count(n)))
		return go__eval(k, ts_node_named_child(n, ts_node_named_child_count(n) - 1), depth + 1);
	return none;
}

/* Names bound by `:=`, `=`, a var spec or a parameter: the stated type, or
 * the value when names and values pair up (a, b := f() leaves them unknown). */
static void go__declare(cdk *k, const TSNode *ids, uint32_t nn, TSNode type, TSNode values)
{
	cdk_sym typed = {0};
	if (!ts_node_is_null(type)) {
		typed = go__type(k, type);
		typed = typed.kind == CDK_TYPE ? (cdk_sym){CDK_VALUE, typed.e, NULL, false} : (cdk_sym){0};
	}
	uint32_t nv = 0;
	TSNode vals[16];
	if (cdk_is(values, "expression_list"))
		for (uint32_t i = 0; i < ts_node_named_child_count(values) && nv < 16; i++) vals[nv++] = ts_node_named_child(values, i);
	else if (!ts_node_is_null(values)) vals[nv++] = values;
	for (uint32_t i = 0; i < nn; i++) {
		if (!cdk_is(ids[i], "identifier")) continue;
		cdk_sym s = typed;
		if (ts_node_is_null(type) && nv == nn) s = go__eval(k, vals[i], 0);
		cdk_bind(k, cdk_text(k, ids[i]), s);
	}
}

/* The identifiers directly under n (the names of a var spec or parameter),
 * or those of an expression list (the left of `:=`). */
static uint32_t go__names(TSNode n, TSNode *ids, uint32_t max)
{
	uint32_t k = 0;
	if (cdk_is(n, "identifier")) ids[k++] = n;
	for (uint32_t i = 0; !cdk_is(n, "identifier") && i < ts_node_named_child_count(n) && k < max; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (cdk_is(c, "identifier")) ids[k++] = c;
	}
	return k;
}

static void go__visit(cdk *k, TSNode n, const char *parent, const char *field, bool in_error)
{
	const char *t = ts_node_type(n);
	if (strcmp(t, "identifier") == 0 || strcmp(t, "package_identifier") == 0) {
		bool qualifier = field && parent &&
				 ((strcmp(field, "operand") == 0 && strcmp(parent, "selector_expression") == 0) ||
				  (strcmp(field, "package") == 0 && strcmp(parent, "qualified_type") == 0));
		if (!qualifier) cdk_plain(k, cdk_text(k, n));
		if (parent && field && strcmp(field, "name") == 0 &&
		    (strcmp(parent, "function_declaration") == 0 || strcmp(parent, "method_declaration") == 0))
			cdk_bind(k, cdk_text(k, n), (cdk_sym){0});
		return;
	}
	if (in_error) return;
	TSNode ids[16], none = {0};
	if (strcmp(t, "short_var_declaration") == 0 || strcmp(t, "assignment_statement") == 0) {
		uint32_t nn = go__names(ig_node_field(n, "left"), ids, 16);
		go__declare(k, ids, nn, none, ig_node_field(n, "right"));
		return;
	}
	if (strcmp(t, "var_spec") == 0 || strcmp(t, "const_spec") == 0 || strcmp(t, "parameter_declaration") == 0 ||
	    strcmp(t, "variadic_parameter_declaration") == 0) {
		uint32_t nn = go__names(n, ids, 16);
		go__declare(k, ids, nn, ig_node_field(n, "type"), ig_node_field(n, "value"));
		return;
	}
	if (strcmp(t, "range_clause") == 0) {
		uint32_t nn = go__names(ig_node_field(n, "left"), ids, 16);
		go__declare(k, ids, nn, none, none);
		return;
	}
	if (strcmp(t, "qualified_type") == 0) {
		go__type(k, n);
		return;
	}
	bool chain = strcmp(t, "selector_expression") == 0 || strcmp(t, "call_expression") == 0 || strcmp(t, "composite_literal") == 0;
	if (!chain) return;
	bool part = field && parent &&
		    ((strcmp(field, "operand") == 0 && strcmp(parent, "selector_expression") == 0) ||
		     (strcmp(field, "function") == 0 && strcmp(parent, "call_expression") == 0));
	if (!part) go__eval(k, n, 0);
}

void cdk_walk_go(cdk *k)
{
	cdk_walk(k, go__visit);
}
