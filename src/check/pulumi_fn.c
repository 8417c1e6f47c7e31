/* Pulumi data-source functions (invokes) against pulumi.kb: the function a
 * call names and its arguments (docs/rules/pulumi.md):
 *
 *   TS    aws.ec2.getAmi({ mostRecent: true })               aws.getCallerIdentity()
 *   Py    aws.ec2.get_ami(most_recent=True)                  aws.get_caller_identity()
 *   Go    ec2.LookupAmi(ctx, &ec2.LookupAmiArgs{...}, nil)   aws.GetCallerIdentity(ctx, nil, nil)
 *   Java  Ec2Functions.getAmi(GetAmiArgs.builder()...build())  AwsFunctions.getCallerIdentity()
 *
 * Only data-source functions (`get...`) are judged: the package's other
 * functions are hand-written helpers pulumi.kb does not index. */
#include "check/pulumi.h"
#include "util/strutil.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* A function of a module (an invoke) as the file names it, with the value
 * holding its arguments (null for Python's keywords, or none). */
typedef struct pulumi_fn {
	const char *module; /* "ec2", "index" for the package root */
	const char *name;   /* as written: getAmi, get_ami, LookupAmi */
	const char *key;    /* as pulumi.kb folds it: getAmi, get_ami, getAmi */
	TSNode args;
} pulumi_fn;

/* Go's second argument of an invoke: nil, absent, or a literal of the
 * function's own Args type (`&ec2.LookupAmiArgs{...}`); a resource's
 * GetBucket(ctx, name, id, state) passes a name, and is not one. */
static bool pulumi_fn__go_invoke(pulumi_scan *s, const ig_tfcfg_call *call, const char *name, TSNode *lit)
{
	TSNode a = ig_tfcfg_arg(call->args, 1);
	if (ts_node_is_null(a)) return true;
	if (strcmp(ts_node_type(a), "nil") == 0 || (strcmp(ts_node_type(a), "identifier") == 0 && ig_node_text_eq(s->c->parse, a, "nil")))
		return true;
	if (strcmp(ts_node_type(a), "unary_expression") == 0) a = ig_node_field(a, "operand");
	if (ts_node_is_null(a) || strcmp(ts_node_type(a), "composite_literal") != 0) return false;
	TSNode type = ig_node_field(a, "type");
	const char *tn = ts_node_is_null(type) ? NULL : ig_tfcfg_last_name(s->c, type);
	if (!tn || strcmp(tn, ig_arena_printf(&s->c->task->arena, "%sArgs", name)) != 0) return false;
	*lit = a;
	return true;
}

/* The data-source function a call names, per language (docs/rules/pulumi.md):
 * TS/JS `aws.ec2.getAmi(args)`, Python `aws.ec2.get_ami(**kwargs)`, Go
 * `ec2.LookupAmi(ctx, &ec2.LookupAmiArgs{...})` (Go renames getX to LookupX
 * when GetX is taken, by a resource's getter: both prefixes are read as
 * get), Java `Ec2Functions.getAmi(GetAmiArgs...)` (getAmiPlain is the same
 * function with plain arguments). */
static bool pulumi_fn__function(pulumi_scan *s, const ig_tfcfg_call *call, const char **seq, int k, const char *path, pulumi_fn *f)
{
	ig_lang l = s->c->file->lang;
	ig_arena *a = &s->c->task->arena;
	bool java = l == IG_LANG_JAVA;
	if (call->is_new) return false;
	if (java) {
		if (k != 2 && k != 3) return false;
		if (!pulumi_functions_class(path, seq[k - 2])) return false;
		k--; /* drop the class: ec2, getAmi */
		seq[k - 1] = seq[k];
	}
	if (k != 1 && k != 2) return false;
	f->module = k == 2 ? seq[0] : "index";
	f->name = f->key = seq[k - 1];
	TSNode none = {{0}, NULL, NULL};
	f->args = none;
	if (l == IG_LANG_PY) return ig_starts_with(f->name, "get_");
	if (l == IG_LANG_GO) {
		const char *rest = ig_starts_with(f->name, "Lookup") ? f->name + 6 : ig_starts_with(f->name, "Get") ? f->name + 3 : NULL;
		if (!rest || !isupper((unsigned char)*rest) || !pulumi_fn__go_invoke(s, call, f->name, &f->args)) return false;
		f->key = ig_arena_printf(a, "get%s", rest);
		return true;
	}
	if (!ig_starts_with(f->name, "get") || !isupper((unsigned char)f->name[3])) return false;
	size_t n = strlen(f->key);
	if (java && n > 5 && strcmp(f->key + n - 5, "Plain") == 0) f->key = ig_arena_strndup(a, f->key, n - 5);
	f->args = ig_tfcfg_arg(call->args, 0);
	return true;
}

/* A function the SDK lacks whose Terraform data source only the previous
 * provider major has (tf.kb: removed): valid with the SDK major that
 * bridged it. "aws" + module + the name after get, or "aws" + that name,
 * folded (getSubnetIds of ec2: aws_subnet_ids). */
static const char *pulumi_fn__older_function(pulumi_scan *s, const pulumi_fn *f)
{
	const ig_kb *tkb = &s->c->kb->tf;
	ig_arena *a = &s->c->task->arena;
	if (!tkb->n_entries) return NULL;
	const char *rest = f->key + 3;
	size_t n = strlen(rest);
	if (n > 6 && strcasecmp(rest + n - 6, "output") == 0) n -= 6;
	const char *names[2] = {ig_arena_printf(a, "aws_%s_%.*s", f->module, (int)n, rest), ig_arena_printf(a, "aws_%.*s", (int)n, rest)};
	for (size_t i = strcmp(f->module, "index") == 0 ? 1 : 0; i < 2; i++) {
		const ig_kb_entry *e = ig_kb_child_folded(tkb, "data", names[i]);
		if (e && ig_kb_has(e, IG_KB_REMOVED))
			return ig_arena_printf(a, "the function of data source %s, which the previous SDK major bridged; it %s", ig_kb_key(tkb, e),
					       ig_kb_str(tkb, e->note));
		if (e) return ""; /* the data source exists: a function named otherwise, unknown here */
	}
	return NULL;
}

/* A function name as the file's language spells it: get_ami in Python;
 * in Go LookupAmi when the module has a resource Ami (whose getter takes
 * GetAmi), else GetAmiIds. For messages only. */
static const char *pulumi_fn__spell_function(pulumi_scan *s, const char *module, const char *name)
{
	if (s->c->file->lang != IG_LANG_GO) return ig_tfcfg_spell(s->c, name);
	const char *rest = name + 3;
	return ig_arena_printf(&s->c->task->arena, "%s%s", ig_kb_child(s->kb, module, rest) ? "Lookup" : "Get", rest);
}

static void pulumi_fn__unknown_function(pulumi_scan *s, const ig_tfcfg_call *call, const pulumi_fn *f)
{
	const ig_kb_entry *near[12];
	const char *names[3];
	size_t n = ig_kb_closest(s->kb, f->module, f->key, near, 12), keep = 0;
	for (size_t i = 0; i < n && keep < 3; i++)
		if (ig_kb_kind_of(near[i]) == IG_KB_STATIC_METHOD) names[keep++] = pulumi_fn__spell_function(s, f->module, ig_kb_name(s->kb, near[i]));
	const char *fix = ig_check_suggest_names(s->c, names, keep);
	const char *where = strcmp(f->module, "index") == 0 ? "the package root" : ig_arena_printf(&s->c->task->arena, "module %s", f->module);
	ig_check_report(s->c, IG_RULE_PULUMI_UNKNOWN_FUNCTION, call->line, fix ? ig_arena_printf(&s->c->task->arena, "did you mean %s?", fix) : NULL,
			"function `%s` does not exist in %s of %s", f->name, where, s->kb->source);
}

/* A data-source function and its arguments. */
static void pulumi_fn__invoke(pulumi_scan *s, const ig_tfcfg_call *call, const pulumi_fn *f)
{
	const ig_kb_entry *mod = ig_kb_find(s->kb, f->module, strlen(f->module));
	if (!mod || ig_kb_kind_of(mod) != IG_KB_MODULE) return;
	const ig_kb_entry *e = ig_kb_child_folded(s->kb, f->module, f->key);
	if (e && ig_kb_kind_of(e) != IG_KB_STATIC_METHOD) return; /* a member of another kind */
	if (!e) {
		const char *older = pulumi_fn__older_function(s, f);
		if (older && *older)
			ig_check_report(s->c, IG_RULE_PULUMI_REMOVED, call->line, "keep the SDK below its next major, or migrate", "`%s` is %s", f->name, older);
		else if (!older)
			pulumi_fn__unknown_function(s, call, f);
		return;
	}
	const char *key = ig_kb_key(s->kb, e);
	const char *what = ig_arena_printf(&s->c->task->arena, "aws.%s", strcmp(f->module, "index") == 0 ? ig_kb_name(s->kb, e) : key);
	if (ig_kb_has(e, IG_KB_DEPRECATED))
		ig_check_report(s->c, IG_RULE_PULUMI_DEPRECATED, call->line, NULL, "`%s` is deprecated: %s", what, ig_kb_str(s->kb, e->note));
	ig_tfcfg t = {.c = s->c, .kb = s->kb, .top = key, .rule_unknown = pulumi_rule_unknown(s->c), .rule_deprecated = IG_RULE_PULUMI_DEPRECATED,
		      .what = what, .nested = pulumi_nested, .struct_call = pulumi_struct_call};
	if (s->c->file->lang == IG_LANG_PY) ig_tfcfg_kwargs(&t, call->args, key, "opts", 1);
	else if (*ig_kb_str(s->kb, e->type)) ig_tfcfg_value(&t, f->args, key, 1); /* its first argument is opts when it takes none */
}

void pulumi_function_call(pulumi_scan *s, const ig_tfcfg_call *call, const char **seq, int k, const char *path)
{
	pulumi_fn f;
	if (pulumi_fn__function(s, call, seq, k, path, &f)) pulumi_fn__invoke(s, call, &f);
}
