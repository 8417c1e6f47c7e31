/* CDK checks in Java: classes from imports (explicit, or the one wildcard
 * package that has the name), static fields and methods
 * (`RetentionDays.ONE_MONTH`, `Duration.minutes(5)`), the builders jsii
 * generates (`DatabaseCluster.Builder.create(this, "Db").instanceProps(...)
 * .build()`, `DatabaseClusterProps.builder()...build()`: each builder method is
 * a props property), getters (`getClusterEndpoint()`) and variables of a
 * declared type (`DatabaseCluster db = ...`). */
#include "check/cdk.h"
#include <ctype.h>
#include <string.h>

/* a builder chain is one level per call: room for long ones */
#define JAVA_MAX_DEPTH 512

static cdk_sym java__eval(cdk *k, TSNode n, int depth);

/* The builder jsii generates for a class (Bucket.Builder: the props of its
 * initializer's struct) or for a struct (BucketProps.builder()). */
static cdk_sym java__builder(cdk *k, const ig_kb_entry *type)
{
	cdk_sym b = {CDK_BUILDER, NULL, type, false};
	if (ig_kb_kind_of(type) == IG_KB_STRUCT) {
		b.e = type;
		return b;
	}
	cdk_param ps[CDK_MAX_PARAMS];
	size_t np = cdk_params(k, type, ps, CDK_MAX_PARAMS);
	if (np) b.e = cdk_struct_of(k, ps[np - 1].type, false);
	return b;
}

const char *cdk_java_setter(cdk *k, const ig_kb_entry *prop)
{
	const char *aux = ig_kb_str(k->kb, prop->aux);
	return strncmp(aux, "java=", 5) == 0 ? aux + 5 : ig_kb_name(k->kb, prop);
}

/* The prop a builder method sets. jsii-pacmak camel-cases a setter's name
 * again (enforceSsl for enforceSSL, defaultValue for default); the index
 * holds each one that differs as a "javaset:" alias of its property. */
static const ig_kb_entry *java__setter_alias(cdk *k, const ig_kb_entry *st, const char *name)
{
	const ig_kb_entry *chain[IG_KB_MAX_BASES];
	bool complete;
	size_t n = ig_kb_bases(k->kb, st, chain, IG_KB_MAX_BASES, &complete);
	for (size_t i = 0; i < n; i++) {
		const ig_kb_entry *a = cdk_find(k, ig_arena_printf(k->a, "javaset:%s.%s", cdk_key(k, chain[i]), name));
		if (a && ig_kb_kind_of(a) == IG_KB_ALIAS) return ig_kb_resolve(k->kb, a);
	}
	return NULL;
}

static const char *java__setter_prop(cdk *k, const ig_kb_entry *st, const char *name)
{
	const ig_kb_entry *p = java__setter_alias(k, st, name);
	return p ? ig_kb_name(k->kb, p) : name;
}

/* A builder method named as the property is (enforceSSL) where jsii-pacmak
 * spells the setter otherwise (enforceSsl): the builder has no such method. */
static bool java__jsii_spelling(cdk *k, cdk_sym b, const char *name, unsigned line)
{
	const ig_kb_entry *p = java__setter_alias(k, b.e, name) ? NULL : cdk_find_prop(k, b.e, name);
	if (!p || strcmp(cdk_java_setter(k, p), name) == 0) return false;
	const char *setter = cdk_java_setter(k, p);
	cdk_report(k, IG_RULE_CDK_UNKNOWN_PROP, line, name, ig_arena_printf(k->a, "did you mean %s", setter),
		   "%s's Java builder has no method %s in %s (jsii-pacmak names the setter of %s %s): %s", cdk_key(k, b.e),
		   name, cdk_version(k), ig_kb_name(k->kb, p), setter, cdk_consequence(k));
	return true;
}

/* A method called on a builder: create() starts it, build() ends it, the
 * others set one property each. */
static cdk_sym java__builder_call(cdk *k, cdk_sym b, const char *name, unsigned line)
{
	cdk_sym none = {0};
	if (strcmp(name, "create") == 0) return b;
	if (strcmp(name, "build") == 0) {
		cdk_sym v = {CDK_VALUE, b.builds, NULL, false};
		return v;
	}
	if (!b.e) return none;
	if (java__jsii_spelling(k, b, name, line)) return b;
	k->java_setters = true;
	const ig_kb_entry *p = cdk_prop(k, b.e, java__setter_prop(k, b.e, name), line);
	k->java_setters = false;
	return p ? b : none;
}

/* `X.Builder.create(...).a(...).b(...).build()` or `XProps.builder()...
 * .build()` in one expression: build() fails at run time when a required
 * prop has no setter in the chain (jsii's Java checks each). A builder held
 * in a variable is not followed. The setters were checked on the way in. */
static void java__judge(cdk *k, TSNode build, cdk_sym b)
{
	if (!b.e) return;
	cdk_given given = {0};
	TSNode cur = ig_node_field(build, "object");
	bool start = false; /* create() or builder() reached */
	for (int i = 0; i < JAVA_MAX_DEPTH && !start; i++) {
		if (!cdk_is(cur, "method_invocation")) return;
		const char *nm = cdk_text(k, ig_node_field(cur, "name"));
		start = strcmp(nm, "create") == 0 || strcmp(nm, "builder") == 0;
		if (!start) {
			cdk_give(k, &given, java__setter_prop(k, b.e, nm));
			cur = ig_node_field(cur, "object");
		}
	}
	if (!start) return;
	/* a construct's builder makes its props only when a setter is called if
	 * the initializer's props parameter is optional */
	if (b.builds && ig_kb_kind_of(b.builds) == IG_KB_CLASS && !given.n) {
		cdk_param ps[CDK_MAX_PARAMS];
		size_t np = cdk_params(k, b.builds, ps, CDK_MAX_PARAMS);
		if (!np || ps[np - 1].optional) return;
	}
	cdk_required(k, b.e, &given, ig_node_line(ig_node_field(cur, "name")));
}

static cdk_sym java__invocation(cdk *k, TSNode n, int depth)
{
	cdk_sym none = {0};
	TSNode obj = ig_node_field(n, "object"), name_n = ig_node_field(n, "name");
	if (ts_node_is_null(obj) || !cdk_is(name_n, "identifier")) return none; /* a method of this class */
	const char *name = cdk_text(k, name_n);
	unsigned line = ig_node_line(name_n);
	cdk_sym from = java__eval(k, obj, depth + 1);
	if (from.kind == CDK_BUILDER && strcmp(name, "build") == 0) java__judge(k, n, from);
	if (from.kind == CDK_BUILDER) return java__builder_call(k, from, name, line);
	if (from.kind == CDK_TYPE && ig_kb_kind_of(from.e) == IG_KB_STRUCT && strcmp(name, "builder") == 0)
		return java__builder(k, from.e);
	cdk_sym m = cdk_member(k, from, name, line);
	return m.kind == CDK_CALLABLE ? cdk_result(k, m) : none;
}

/* The dotted text of a name made only of identifiers (`software.amazon.
 * awscdk.services.s3`), or NULL. *head is its first identifier. */
static const char *java__dotted(cdk *k, TSNode n, const char **head, int depth)
{
	if (depth > JAVA_MAX_DEPTH) return NULL;
	if (cdk_is(n, "identifier") || cdk_is(n, "type_identifier")) return *head = cdk_text(k, n);
	if (!cdk_is(n, "field_access") && !cdk_is(n, "scoped_type_identifier")) return NULL;
	uint32_t nc = ts_node_named_child_count(n);
	TSNode obj = cdk_is(n, "field_access") ? ig_node_field(n, "object") : ts_node_named_child(n, 0);
	TSNode last = cdk_is(n, "field_access") ? ig_node_field(n, "field") : ts_node_named_child(n, nc ? nc - 1 : 0);
	if (nc != 2 || (!cdk_is(last, "identifier") && !cdk_is(last, "type_identifier"))) return NULL;
	const char *left = java__dotted(k, obj, head, depth + 1);
	return left ? ig_arena_printf(k->a, "%s.%s", left, cdk_text(k, last)) : NULL;
}

/* A fully qualified package in code (`software.amazon.awscdk.services.s3`
 * before `.Bucket`): the module, when no local name is its first part. */
static cdk_sym java__package(cdk *k, TSNode n)
{
	cdk_sym none = {0};
	const char *head = NULL, *path = java__dotted(k, n, &head, 0);
	if (!path || !strchr(path, '.') || ig_strmap_get(&k->names, head, strlen(head))) return none;
	bool exists;
	const ig_kb_entry *mod = cdk_module_of_path(k, path, &exists);
	return mod ? cdk_sym_of(CDK_MODULE, mod) : none;
}

static cdk_sym java__eval(cdk *k, TSNode n, int depth)
{
	cdk_sym none = {0};
	if (depth > JAVA_MAX_DEPTH || ts_node_is_null(n) || ts_node_has_error(n)) return none;
	const char *t = ts_node_type(n);
	if (strcmp(t, "identifier") == 0 || strcmp(t, "type_identifier") == 0) return cdk_name(k, cdk_text(k, n));
	if (strcmp(t, "method_invocation") == 0) return java__invocation(k, n, depth);
	if (strcmp(t, "field_access") == 0 || strcmp(t, "scoped_type_identifier") == 0) {
		TSNode obj = ts_node_named_child(n, 0), field = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
		if (cdk_is(n, "field_access")) obj = ig_node_field(n, "object"), field = ig_node_field(n, "field");
		if (ts_node_is_null(obj) || ts_node_is_null(field) || ts_node_eq(obj, field)) return none;
		if (cdk_is(obj, "this")) return cdk_name(k, ig_arena_printf(k->a, "this.%s", cdk_text(k, field)));
		cdk_sym from = java__package(k, obj);
		if (from.kind == CDK_UNKNOWN) from = java__eval(k, obj, depth + 1);
		const char *name = cdk_text(k, field);
		/* a lower-case name in a package is a package the index does not hold
		 * (an alpha module), not a missing class */
		if (from.kind == CDK_MODULE && !cdk_child(k, cdk_prefix(k, from.e), name) && !isupper((unsigned char)name[0]))
			return none;
		if (from.kind == CDK_TYPE && ig_kb_kind_of(from.e) == IG_KB_CLASS && strcmp(name, "Builder") == 0)
			return java__builder(k, from.e);
		if (from.kind == CDK_TYPE && ig_kb_kind_of(from.e) == IG_KB_STRUCT && strcmp(name, "Builder") == 0)
			return java__builder(k, from.e);
		return cdk_member(k, from, name, ig_node_line(field));
	}
	if (strcmp(t, "object_creation_expression") == 0) {
		cdk_sym type = java__eval(k, ig_node_field(n, "type"), depth + 1);
		if (type.kind == CDK_BUILDER) return type; /* new Bucket.Builder(...) */
		if (type.kind != CDK_TYPE || ig_kb_kind_of(type.e) != IG_KB_CLASS) return none;
		return cdk_result(k, type);
	}
	if (strcmp(t, "parenthesized_expression") == 0)
		return ts_node_named_child_count(n) ? java__eval(k, ts_node_named_child(n, 0), depth + 1) : none;
	return none;
}

/* `DatabaseCluster db = ...`, `final IVpc vpc`, fields, parameters: the
 * declared type says what the names hold (`var` leaves it to the value). */
static void java__declare(cdk *k, TSNode n, const char *prefix)
{
	TSNode type = ig_node_field(n, "type");
	cdk_sym typed = cdk_is(type, "type_identifier") || cdk_is(type, "scoped_type_identifier") ? java__eval(k, type, 0) : (cdk_sym){0};
	typed = typed.kind == CDK_TYPE ? (cdk_sym){CDK_VALUE, typed.e, NULL, false} : (cdk_sym){0};
	bool var = cdk_is(type, "type_identifier") && ig_node_text_eq(k->p, type, "var");
	TSNode name = ig_node_field(n, "name");
	if (cdk_is(name, "identifier")) {
		cdk_bind(k, ig_arena_printf(k->a, "%s%s", prefix, cdk_text(k, name)), typed);
		return;
	}
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
		TSNode d = ts_node_named_child(n, i);
		if (!cdk_is(d, "variable_declarator")) continue;
		TSNode nm = ig_node_field(d, "name");
		if (!cdk_is(nm, "identifier")) continue;
		cdk_sym s = typed;
		if (var) s = java__eval(k, ig_node_field(d, "value"), 0);
		cdk_bind(k, ig_arena_printf(k->a, "%s%s", prefix, cdk_text(k, nm)), s);
		/* a field is read as `this.name` or `name` */
		if (*prefix) cdk_bind(k, cdk_text(k, nm), s);
	}
}

static void java__visit(cdk *k, TSNode n, const char *parent, const char *field, bool in_error)
{
	const char *t = ts_node_type(n);
	if (strcmp(t, "identifier") == 0 || strcmp(t, "type_identifier") == 0) {
		if (parent && field && strcmp(field, "name") == 0 &&
		    (strcmp(parent, "class_declaration") == 0 || strcmp(parent, "interface_declaration") == 0 ||
		     strcmp(parent, "enum_declaration") == 0 || strcmp(parent, "record_declaration") == 0 ||
		     strcmp(parent, "enhanced_for_statement") == 0 || strcmp(parent, "catch_formal_parameter") == 0))
			cdk_bind(k, cdk_text(k, n), (cdk_sym){0});
		if (parent && (strcmp(parent, "lambda_expression") == 0 || strcmp(parent, "inferred_parameters") == 0))
			cdk_bind(k, cdk_text(k, n), (cdk_sym){0});
		return;
	}
	if (in_error) return;
	if (strcmp(t, "instanceof_expression") == 0) {
		/* `node instanceof CfnResource`: past the test node is more than declared */
		TSNode x = ig_node_field(n, "left");
		if (cdk_is(x, "identifier")) cdk_bind(k, cdk_text(k, x), (cdk_sym){0});
	}
	if (strcmp(t, "local_variable_declaration") == 0 || strcmp(t, "formal_parameter") == 0) {
		java__declare(k, n, "");
		return;
	}
	if (strcmp(t, "field_declaration") == 0) {
		java__declare(k, n, "this.");
		return;
	}
	if (strcmp(t, "scoped_type_identifier") == 0) {
		if (!parent || strcmp(parent, "scoped_type_identifier") != 0) java__eval(k, n, 0);
		return;
	}
	bool chain = strcmp(t, "method_invocation") == 0 || strcmp(t, "field_access") == 0 || strcmp(t, "object_creation_expression") == 0;
	if (!chain) return;
	bool part = field && parent && strcmp(field, "object") == 0 &&
		    (strcmp(parent, "method_invocation") == 0 || strcmp(parent, "field_access") == 0);
	if (!part) java__eval(k, n, 0);
}

void cdk_walk_java(cdk *k)
{
	cdk_walk(k, java__visit);
}
