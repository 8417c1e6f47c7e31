/* CloudFormation template checks: what src/check/cfn*.c share.
 *
 *   cfn.c        the template: sections, transforms, parameters, resources, outputs
 *   cfn_value.c  properties and values against the resource and property types of cfn.kb
 *   cfn_ref.c    intrinsic functions and what they name (Ref, Fn::GetAtt, Fn::Sub, Condition,
 *                Fn::FindInMap, DependsOn), the dependency graph and its cycles
 *
 * JSON and YAML templates become one value tree (syntax/jsonval.h); YAML short
 * forms (!Ref x) are expanded to the long form ({"Ref": "x"}) while it is built,
 * so every check reads one shape. Only literal values are judged: whatever an
 * intrinsic function computes is unknown. */
#ifndef IG_CHECK_CFN_H
#define IG_CHECK_CFN_H
#include "check/check.h"
#include "syntax/jsonval.h"
#include "util/strmap.h"

typedef struct cfn_res {
	const char *name;          /* logical ID; for a resource made by Fn::ForEach, its key with ${x} */
	const ig_jval *body;
	unsigned line;
	const char *type;          /* NULL when Type is not a literal string */
	const char *kbtype;        /* the cfn.kb type its properties are checked against, NULL for none */
	bool any_props;            /* takes properties the data does not list (custom resources) */
	bool any_attrs;            /* returns attributes the data does not list (custom, SAM, unknown types) */
	bool sam;                  /* AWS::Serverless::*: the transform rewrites it */
	bool pattern;              /* name holds ${x} or &{x} (Fn::ForEach) */
	size_t *deps;              /* indexes of the resources it depends on */
	size_t n_deps, cap_deps;
} cfn_res;

#define CFN_MAX_PATH (IG_JSON_MAX_DEPTH + 8)
#define CFN_MAX_LOOPVARS 8
/* A file with thousands of unknown names must not cost thousands of searches
 * over every resource type: past this many, findings come without a fix. */
#define CFN_MAX_SUGGESTIONS 100

typedef struct cfn_tmpl {
	ig_check_ctx *c;
	const ig_kb *kb;
	const ig_jval *root;
	const ig_jval *transform;  /* the Transform section, NULL when absent */
	const char *sam_prefix;    /* type prefix a transform makes valid (AWS::Serverless::), or NULL */
	bool partial;              /* syntax errors or a cut-off block: what seems missing may only be unseen */
	bool dynamic_conditions;   /* Conditions made by Fn::ForEach: condition names are not known */
	const ig_jval *params, *conditions, *mappings;
	ig_strmap res_by_name;     /* name -> index + 1 (cast), for the resources without a pattern */
	cfn_res *res;
	size_t n_res, cap_res;
	const char *loopvars[CFN_MAX_LOOPVARS]; /* Fn::ForEach identifiers in scope */
	size_t n_loopvars;
	cfn_res *cur;              /* resource whose Properties / DependsOn are walked: dependencies go to it */
	const char *path[CFN_MAX_PATH]; /* where the value being checked is, for messages */
	size_t depth;
	size_t n_patterns;         /* resources named by a Fn::ForEach pattern */
	unsigned suggested;        /* "did you mean" searches so far (capped: they cost) */
	bool preprocessed;         /* a preprocessor's template (Rain): not CloudFormation yet */
} cfn_tmpl;

/* cfn.c */
const char *cfn_path(cfn_tmpl *t);
void cfn_push(cfn_tmpl *t, const char *seg);
void cfn_pop(cfn_tmpl *t);
/* The fact "<group>.<name>" of data/kb/cfn.tsv, or NULL. */
const ig_kb_entry *cfn_fact(const cfn_tmpl *t, const char *group, const char *name);
const char *cfn_fact_value(const cfn_tmpl *t, const ig_kb_entry *fact);
/* Whether what needs a transform (a fact's value: "" for nothing) is usable here. */
bool cfn_available(const cfn_tmpl *t, const char *needs);
/* The transform a function needs ("" for none), or NULL when the function does not exist. */
const char *cfn_function_needs(const cfn_tmpl *t, const char *name);
/* Whether another "did you mean" search may run (CFN_MAX_SUGGESTIONS). */
bool cfn_may_suggest(cfn_tmpl *t);
/* "did you mean" among the facts of a group. */
const char *cfn_suggest_fact(cfn_tmpl *t, const char *group, const char *name);
/* The resource named name (a ForEach pattern matches too), or NULL. */
cfn_res *cfn_resource(cfn_tmpl *t, const char *name);
bool cfn_is_string(const ig_jval *v);

/* cfn_value.c: a resource's Properties against its type. */
void cfn_check_properties(cfn_tmpl *t, cfn_res *r, const ig_jval *props);

/* cfn_ref.c */
/* An intrinsic function: an object of one key that is Ref or Fn::*. */
bool cfn_function(const ig_jval *v, const char **name, const ig_jval **arg);
/* Every intrinsic function in v: what it names must exist. In a condition
 * (cond) `{"Condition": name}` is a function too. */
void cfn_walk(cfn_tmpl *t, const ig_jval *v, bool cond);
/* A `Fn::ForEach::Name: [identifier, collection, template]` pair. */
void cfn_foreach(cfn_tmpl *t, const char *key, const ig_jval *v);
/* A resource's DependsOn and Condition, and a condition name anywhere. */
void cfn_depends_on(cfn_tmpl *t, const ig_jval *v);
void cfn_condition_name(cfn_tmpl *t, const ig_jval *v);
/* Cycles in the dependencies collected by cfn_walk and cfn_depends_on. */
void cfn_cycles(cfn_tmpl *t);
#endif
