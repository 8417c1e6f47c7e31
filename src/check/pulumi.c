/* Pulumi AWS resources and functions against @pulumi/aws (pulumi.kb): the
 * resource class a constructor names and its arguments, nested input
 * objects included, and the data-source functions (invokes) with theirs
 * (docs/rules/pulumi.md). Through the file's imports:
 *
 *   TS    import * as aws from "@pulumi/aws"              new aws.s3.Bucket("b", { ... })      aws.ec2.getAmi({ ... })
 *         import { s3 } from "@pulumi/aws"                new s3.Bucket("b", { ... })
 *   Py    import pulumi_aws as aws                        aws.s3.Bucket("b", acl=..., opts=...)   aws.ec2.get_ami(most_recent=True)
 *         from pulumi_aws import s3                       s3.Bucket("b", args=s3.BucketArgs(...))
 *   Go    import ".../pulumi-aws/sdk/v7/go/aws/s3"        s3.NewBucket(ctx, "b", &s3.BucketArgs{ ... })
 *                                                         ec2.LookupAmi(ctx, &ec2.LookupAmiArgs{ ... }, nil)
 *   Java  import com.pulumi.aws.s3.Bucket;                new Bucket("b", BucketArgs.builder().bucket("x").build())
 *         import com.pulumi.aws.ec2.Ec2Functions;         Ec2Functions.getAmi(GetAmiArgs.builder().mostRecent(true).build())
 *
 * A module pulumi.kb does not hold is unknown, not wrong; so is a function
 * that is not a data-source one (`get...`). Enum members (aws.lambda.Runtime.NodeJS20dX)
 * are pulumi_enum.c's. */
#include "check/pulumi.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The module path after the package root ("" for the root), NULL for another package. */
static const char *pulumi__subpath(const char *path)
{
	static const char *const roots[] = {"@pulumi/aws", "pulumi_aws", "com.pulumi.aws"};
	for (size_t i = 0; i < sizeof roots / sizeof *roots; i++) {
		size_t n = strlen(roots[i]);
		if (strncmp(path, roots[i], n) != 0) continue;
		const char *rest = path + n;
		if (!*rest) return rest;
		if (*rest == '.' || *rest == '/') return rest + 1;
		return NULL;
	}
	/* Go: github.com/pulumi/pulumi-aws/sdk/v7/go/aws/s3 */
	const char *go = strstr(path, "pulumi-aws/sdk/");
	if (!go) return NULL;
	const char *aws = strstr(go, "/go/aws");
	if (!aws) return NULL;
	aws += strlen("/go/aws");
	return *aws == '/' ? aws + 1 : aws;
}

/* A Go import of an older major of the SDK (".../pulumi-aws/sdk/v6/go/aws/s3" against
 * @pulumi/aws 7): its schema is not indexed, so its names are unknown here. */
static bool pulumi__older_go_sdk(const ig_kb *kb, const char *path)
{
	const char *v = strstr(path, "pulumi-aws/sdk/v"), *at = strrchr(kb->source, '@');
	if (!v || !at) return false;
	long major = strtol(v + strlen("pulumi-aws/sdk/v"), NULL, 10), indexed = strtol(at + 1, NULL, 10);
	return major > 0 && indexed > 0 && major < indexed;
}

/* The module of pulumi.kb a package path names ("index" for the root), or NULL. */
static const char *pulumi__module(const ig_kb *kb, const char *path)
{
	const char *sub = pulumi__subpath(path);
	if (!sub) return NULL;
	if (!*sub) sub = "index";
	const ig_kb_entry *m = ig_kb_find(kb, sub, strlen(sub));
	return m && ig_kb_kind_of(m) == IG_KB_MODULE ? sub : NULL;
}

const char *pulumi_rule_unknown(const ig_check_ctx *c)
{
	return c->file->lang == IG_LANG_JS ? IG_RULE_PULUMI_JS_UNDEFINED : IG_RULE_PULUMI_UNKNOWN_ARGUMENT;
}

bool pulumi_functions_class(const char *path, const char *cls)
{
	const char *last = strrchr(path, '.');
	last = last ? last + 1 : path;
	size_t n = strlen(last);
	return strncasecmp(cls, last, n) == 0 && strcmp(cls + n, "Functions") == 0;
}

/* A Java wildcard-imported package holding the class (ig_tfcfg_binding). */
static bool pulumi__has(void *ctx, const char *path, const char *name)
{
	pulumi_scan *s = ctx;
	const char *module = pulumi__module(s->kb, path);
	return module && (ig_kb_child(s->kb, module, name) || pulumi_functions_class(path, name));
}

int pulumi_resolve(pulumi_scan *s, const char **parts, int n, const char **seq, int max, const char **path)
{
	const char *member;
	int used = ig_tfcfg_binding(s->c, parts, n, pulumi__has, s, path, &member);
	if (used < 0) return -1;
	const char *sub = pulumi__subpath(*path);
	if (!sub || pulumi__older_go_sdk(s->kb, *path)) return -1;
	int k = 0;
	if (*sub) seq[k++] = sub;
	if (member && k < max) seq[k++] = member;
	for (int i = used; i < n && k < max; i++) seq[k++] = parts[i];
	/* Python spells a module that is a keyword with a trailing underscore (aws.lambda_) */
	size_t len = k ? strlen(seq[0]) : 0;
	if (len > 1 && seq[0][len - 1] == '_' && !ig_kb_find(s->kb, seq[0], len) && ig_kb_find(s->kb, seq[0], len - 1))
		seq[0] = ig_arena_strndup(&s->c->task->arena, seq[0], len - 1);
	return k;
}

/* The names after the package root a call names (module, then class or function). */
static int pulumi__resolve(pulumi_scan *s, const ig_tfcfg_call *call, const char **seq, int max, const char **path)
{
	const char *parts[10];
	int n = ig_tfcfg_callee(s->c, call->callee, parts, 10);
	return pulumi_resolve(s, parts, n, seq, max, path);
}

const char *pulumi_nested(ig_tfcfg *t, const ig_kb_entry *e)
{
	const char *in = ig_kb_str(t->kb, e->extra);
	return *in && ig_kb_find(t->kb, in, strlen(in)) ? in : NULL;
}

bool pulumi_struct_call(ig_tfcfg *t, const char *name, const char *key)
{
	size_t n = strlen(name);
	const char *dot = strrchr(key, '.');
	if (n <= 4 || strcmp(name + n - 4, "Args") != 0 || !dot || strlen(dot + 1) != n - 4) return false;
	return toupper((unsigned char)dot[1]) == name[0] && strncmp(dot + 2, name + 1, n - 5) == 0;
}

/* A top-level argument the bridged Terraform type had only in the previous
 * provider major (stageName of apigateway.Deployment: stage_name, removed in
 * AWS provider 6): valid in the SDK major that bridged it. */
static const char *pulumi__older(ig_tfcfg *t, const char *key, const char *name)
{
	const char *tf = t->data;
	const ig_kb *tkb = &t->c->kb->tf;
	if (!tf || !*tf || strcmp(key, t->top) != 0 || !tkb->n_entries) return NULL;
	const ig_kb_entry *e = ig_kb_child_folded(tkb, tf, name);
	size_t n = strlen(name);
	if (!e && n > 1 && name[n - 1] == 's') /* Pulumi pluralises list blocks */
		e = ig_kb_child_folded(tkb, tf, ig_arena_strndup(&t->c->task->arena, name, n - 1));
	if (!e || !ig_kb_has(e, IG_KB_REMOVED)) return NULL;
	return ig_arena_printf(&t->c->task->arena, "`%s` of %s, which the previous SDK major bridged; it %s", ig_kb_name(tkb, e), tf,
			       ig_kb_str(tkb, e->note));
}

/* The Python SDK's own keywords of a resource constructor. */
static bool pulumi__py_sdk(ig_tfcfg *t, const char *name)
{
	(void)t;
	return strcmp(name, "opts") == 0 || strcmp(name, "resource_name") == 0;
}

/* A resource constructor: `new aws.s3.Bucket("b", {...})` and its forms. */
/* A resource option (dependsOn, protect, provider...) written among a
 * resource's arguments: Pulumi's options are the argument after them
 * (data/kb/facts.tsv, from Pulumi's resource-options document, whose URL the
 * fix gives). The option is named as the document names it; only the
 * TypeScript and Java spellings are that name as such. */
static const char *pulumi__option_fix(ig_tfcfg *t, const char *name)
{
	const ig_kb *facts = &t->c->kb->facts;
	const ig_kb_entry *e = facts->n_entries ? ig_kb_child_folded(facts, "pulumi-resource-option", name) : NULL;
	if (!e) return NULL;
	ig_arena *a = &t->c->task->arena;
	const char *opt = ig_kb_name(facts, e), *url = ig_kb_str(facts, e->aux);
	const char *how;
	switch (t->c->file->lang) {
	case IG_LANG_PY: how = ig_arena_printf(a, "opts=pulumi.ResourceOptions(%s=...)", name); break; /* a keyword as written */
	case IG_LANG_JAVA: how = ig_arena_printf(a, "CustomResourceOptions.builder().%s(...).build() after the arguments", opt); break;
	case IG_LANG_GO: how = "the resource options after the arguments"; break;
	default: how = ig_arena_printf(a, "the options after the arguments, { %s: ... }", opt); break;
	}
	return ig_arena_printf(a, "`%s` is the resource option %s, not an argument: pass it in %s (%s)", name, opt, how, url);
}

static void pulumi__construct(pulumi_scan *s, const ig_tfcfg_call *call, const char *module, const char *cls)
{
	const ig_kb_entry *mod = ig_kb_find(s->kb, module, strlen(module));
	if (!mod || ig_kb_kind_of(mod) != IG_KB_MODULE) return;
	ig_lang l = s->c->file->lang;
	unsigned line = call->line;
	TSNode args = call->args;
	const ig_kb_entry *e = ig_kb_child(s->kb, module, cls);
	if (!e && l == IG_LANG_PY) {
		/* BucketArgs(...) and other input-type classes of the Python SDK are not resources */
		size_t n = strlen(cls);
		if (n > 4 && strcmp(cls + n - 4, "Args") == 0) return;
	}
	if (!e || ig_kb_kind_of(e) != IG_KB_CLASS) {
		if (e) return; /* a member of another kind */
		const char *near = ig_tfkb_suggest(s->c, s->kb, module, cls);
		ig_check_report(s->c, IG_RULE_PULUMI_UNKNOWN_RESOURCE, line, near ? ig_arena_printf(&s->c->task->arena, "did you mean %s?", near) : NULL,
				"resource class `%s.%s` does not exist in %s", module, cls, s->kb->source);
		return;
	}
	const char *key = ig_kb_key(s->kb, e);
	if (ig_kb_has(e, IG_KB_DEPRECATED))
		ig_check_report(s->c, IG_RULE_PULUMI_DEPRECATED, line, NULL, "`%s` is deprecated: %s", key, ig_kb_str(s->kb, e->note));
	const char *tf = ig_kb_str(s->kb, e->type);
	ig_tfcfg t = {.c = s->c, .kb = s->kb, .top = key, .rule_unknown = pulumi_rule_unknown(s->c), .rule_deprecated = IG_RULE_PULUMI_DEPRECATED,
		      .what = *tf ? ig_arena_printf(&s->c->task->arena, "aws.%s (%s)", key, tf) : ig_arena_printf(&s->c->task->arena, "aws.%s", key),
		      .rule_removed = IG_RULE_PULUMI_REMOVED, .older = pulumi__older, .data = (void *)tf,
		      .nested = pulumi_nested, .struct_call = pulumi_struct_call, .unknown_fix = pulumi__option_fix};
	if (l == IG_LANG_PY) {
		/* Resource(resource_name, opts=None, **kwargs), or Resource(resource_name, args=XArgs(...), opts=None) */
		TSNode argv = {{0}, NULL, NULL};
		for (uint32_t i = 0; i < ts_node_named_child_count(args); i++) {
			TSNode kw = ts_node_named_child(args, i);
			TSNode nm = ig_node_field(kw, "name");
			if (strcmp(ts_node_type(kw), "keyword_argument") == 0 && !ts_node_is_null(nm) && ig_node_text_eq(s->c->parse, nm, "args"))
				argv = ig_node_field(kw, "value");
		}
		if (!ts_node_is_null(argv)) {
			TSNode fn = ig_node_field(argv, "function"), inner = ig_node_field(argv, "arguments");
			const char *name = strcmp(ts_node_type(argv), "call") == 0 && !ts_node_is_null(fn) ? ig_tfcfg_last_name(s->c, fn) : NULL;
			if (name && !ts_node_is_null(inner) && strcmp(name, ig_arena_printf(&s->c->task->arena, "%sArgs", cls)) == 0)
				ig_tfcfg_kwargs(&t, inner, key, NULL, 1);
			return;
		}
		t.framework = pulumi__py_sdk;
		ig_tfcfg_kwargs(&t, args, key, NULL, 1);
		return;
	}
	ig_tfcfg_value(&t, ig_tfcfg_arg(args, l == IG_LANG_GO ? 2 : 1), key, 1);
}

/* One call of the file (ig_tfcfg_each_call): a resource constructor or a function. */
static void pulumi__call(void *ctx, const ig_tfcfg_call *call)
{
	pulumi_scan *s = ctx;
	const char *seq[12], *path;
	int k = pulumi__resolve(s, call, seq, 12, &path);
	if (k < 1) return;
	ig_lang l = s->c->file->lang;
	bool needs_new = l == IG_LANG_TS || l == IG_LANG_TSX || l == IG_LANG_JS || l == IG_LANG_JAVA;
	/* Go constructs with NewBucket; its other capitalised functions are invokes (LookupAmi) */
	bool ctor = k == 2 && isupper((unsigned char)seq[1][0]) && call->is_new == needs_new && (l != IG_LANG_GO || ig_starts_with(seq[1], "New"));
	if (ctor) {
		pulumi__construct(s, call, seq[0], l == IG_LANG_GO ? seq[1] + 3 : seq[1]);
		return;
	}
	pulumi_function_call(s, call, seq, k, path);
}

void ig_check_pulumi(ig_check_ctx *c)
{
	const ig_kb *kb = &c->kb->pulumi;
	if (!kb->n_entries || !ig_tfcfg_lang(c->file->lang)) return;
	pulumi_scan s = {.c = c, .kb = kb};
	ig_tfcfg_each_call(c, pulumi__call, &s);
	pulumi_enum_members(&s);
}
