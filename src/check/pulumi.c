/* Pulumi AWS resources against @pulumi/aws (pulumi.kb): the resource class a
 * constructor names and its arguments, nested input objects included
 * (docs/rules/pulumi.md). Through the file's imports:
 *
 *   TS  import * as aws from "@pulumi/aws"              new aws.s3.Bucket("b", { ... })
 *       import { s3 } from "@pulumi/aws"                new s3.Bucket("b", { ... })
 *   Py  import pulumi_aws as aws                        aws.s3.Bucket("b", acl=..., opts=...)
 *       from pulumi_aws import s3                       s3.Bucket("b", args=s3.BucketArgs(...))
 *   Go  import ".../pulumi-aws/sdk/v7/go/aws/s3"        s3.NewBucket(ctx, "b", &s3.BucketArgs{ ... })
 *
 * A module pulumi.kb does not hold is unknown, not wrong. Java is not
 * checked yet. */
#include "check/tfcfg.h"
#include "syntax/imports.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct pulumi_scan {
	ig_check_ctx *c;
	const ig_kb *kb;
} pulumi_scan;

/* The module path after the package root ("" for the root), NULL for another package. */
static const char *pulumi__subpath(const char *path)
{
	static const char *const roots[] = {"@pulumi/aws", "pulumi_aws"};
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

static bool pulumi__resolve(pulumi_scan *s, TSNode callee, const char **module, const char **cls)
{
	const char *parts[8];
	int n = ig_node_chain(&s->c->task->arena, s->c->parse, callee, parts, 8);
	if (n < 1) return false;
	const ig_import *b = ig_imports_find(&s->c->file->imports, parts[0]);
	if (!b || !b->path) return false;
	const char *sub = pulumi__subpath(b->path);
	if (!sub || pulumi__older_go_sdk(s->kb, b->path)) return false;
	const char *seq[10];
	int k = 0;
	if (*sub) seq[k++] = sub;
	if (b->member) seq[k++] = b->member;
	for (int i = 1; i < n && k < 10; i++) seq[k++] = parts[i];
	if (k != 2) return false;
	*module = seq[0];
	*cls = seq[1];
	if (s->c->file->lang == IG_LANG_GO) {
		if (!ig_starts_with(*cls, "New")) return false;
		*cls += 3;
	}
	return isupper((unsigned char)**cls) != 0; /* a class, not a function (get_ami) */
}

static const char *pulumi__nested(ig_tfcfg *t, const ig_kb_entry *e)
{
	const char *in = ig_kb_str(t->kb, e->extra);
	return *in ? in : NULL;
}

/* aws.s3.BucketVersioningArgs(...) builds the input type input.s3.BucketVersioning. */
static bool pulumi__struct_call(ig_tfcfg *t, const char *name, const char *key)
{
	size_t n = strlen(name);
	const char *dot = strrchr(key, '.');
	return n > 4 && strcmp(name + n - 4, "Args") == 0 && dot && strlen(dot + 1) == n - 4 && strncmp(dot + 1, name, n - 4) == 0;
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
	return ig_arena_printf(&t->c->task->arena, "`%s` of %s, which the previous SDK major bridged (%s)", ig_kb_name(tkb, e), tf,
			       ig_kb_str(tkb, e->note));
}

/* The Python SDK's own keywords of a resource constructor. */
static bool pulumi__py_sdk(ig_tfcfg *t, const char *name)
{
	(void)t;
	return strcmp(name, "opts") == 0 || strcmp(name, "resource_name") == 0;
}

/* One constructor-shaped call (ig_tfcfg_each_call). */
static void pulumi__construct(void *ctx, TSNode callee, TSNode args, unsigned line)
{
	pulumi_scan *s = ctx;
	const char *module, *cls;
	if (ts_node_is_null(args) || !pulumi__resolve(s, callee, &module, &cls)) return;
	const ig_kb_entry *mod = ig_kb_find(s->kb, module, strlen(module));
	if (!mod || ig_kb_kind_of(mod) != IG_KB_MODULE) return;
	ig_lang l = s->c->file->lang;
	const ig_kb_entry *e = ig_kb_child(s->kb, module, cls);
	if (!e && l == IG_LANG_PY) {
		/* BucketArgs(...) and other input-type classes of the Python SDK are not resources */
		size_t n = strlen(cls);
		if (n > 4 && strcmp(cls + n - 4, "Args") == 0) return;
	}
	if (!e || ig_kb_kind_of(e) != IG_KB_CLASS) {
		if (e) return; /* a member of another kind */
		const char *near = ig_tfkb_suggest(s->c, s->kb, module, cls);
		ig_check_report(s->c, "pulumi.unknown-resource", line, near ? ig_arena_printf(&s->c->task->arena, "did you mean %s?", near) : NULL,
				"resource class `%s.%s` does not exist in %s", module, cls, s->kb->source);
		return;
	}
	const char *key = ig_kb_key(s->kb, e);
	if (ig_kb_has(e, IG_KB_DEPRECATED))
		ig_check_report(s->c, "pulumi.deprecated", line, NULL, "`%s` is deprecated: %s", key, ig_kb_str(s->kb, e->note));
	const char *tf = ig_kb_str(s->kb, e->type);
	ig_tfcfg t = {.c = s->c, .kb = s->kb, .top = key, .rule_unknown = "pulumi.unknown-argument", .rule_deprecated = "pulumi.deprecated",
		      .what = *tf ? ig_arena_printf(&s->c->task->arena, "aws.%s (%s)", key, tf) : ig_arena_printf(&s->c->task->arena, "aws.%s", key),
		      .rule_removed = "pulumi.removed", .older = pulumi__older, .data = (void *)tf,
		      .nested = pulumi__nested, .struct_call = pulumi__struct_call};
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

void ig_check_pulumi(ig_check_ctx *c)
{
	const ig_kb *kb = &c->kb->pulumi;
	if (!kb->n_entries || !ig_tfcfg_lang(c->file->lang)) return;
	pulumi_scan s = {.c = c, .kb = kb};
	ig_tfcfg_each_call(c, pulumi__construct, &s);
}
