/* CDKTF resources against the Terraform AWS provider schema (tf.kb):
 * the class of the provider a construct names, and its config object
 * (docs/rules/cdktf.md). Through the file's imports:
 *
 *   TS    import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket"   new S3Bucket(this, "b", {...})
 *         import * as aws from "@cdktf/provider-aws"                     new aws.s3Bucket.S3Bucket(this, "b", {...})
 *   Py    from cdktf_cdktf_provider_aws.s3_bucket import S3Bucket        S3Bucket(self, "b", bucket=...)
 *         import cdktf_cdktf_provider_aws as aws                          aws.s3_bucket.S3Bucket(self, "b", ...)
 *   Go    import ".../cdktf-provider-aws-go/aws/v19/s3bucket"            s3bucket.NewS3Bucket(stack, jsii.String("b"), &s3bucket.S3BucketConfig{...})
 *   Java  import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;   S3Bucket.Builder.create(this, "b").bucket("x").build()
 *                                                                       new S3Bucket(this, "b", S3BucketConfig.builder().bucket("x").build())
 *
 * Modules fold ("s3-bucket", "s3_bucket", "s3bucket" are the jsii module
 * s3Bucket); a module tf.kb does not hold (an older package layout) is
 * unknown, not wrong. */
#include "check/tfcfg.h"
#include "syntax/imports.h"
#include "util/strutil.h"
#include <string.h>

typedef struct cdktf_scan {
	ig_check_ctx *c;
	const ig_kb *kb;
} cdktf_scan;

/* The module path after the package root, "" for the root itself, NULL for another package. */
static const char *cdktf__subpath(const char *path)
{
	/* npm, PyPI and, from the jsii targets of the bindings, the Java package */
	static const char *const roots[] = {"@cdktf/provider-aws", "cdktf_cdktf_provider_aws", "com.hashicorp.cdktf.providers.aws"};
	for (size_t i = 0; i < sizeof roots / sizeof *roots; i++) {
		size_t n = strlen(roots[i]);
		if (strncmp(path, roots[i], n) != 0) continue;
		const char *rest = path + n;
		if (!*rest) return rest;
		if (*rest == '.') return rest + 1;
		if (ig_starts_with(rest, "/lib/")) return rest + 5;
		if (*rest == '/') return rest + 1;
		return NULL;
	}
	/* Go: github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucket */
	const char *go = strstr(path, "cdktf-provider-aws-go/aws");
	if (!go) return NULL;
	const char *rest = go + strlen("cdktf-provider-aws-go/aws");
	if (*rest == '/' && rest[1] == 'v') {
		rest = strchr(rest + 1, '/');
		if (!rest) return "";
	}
	return *rest == '/' ? rest + 1 : rest;
}

/* A Java wildcard-imported package holding the class (ig_tfcfg_binding). */
static bool cdktf__has(void *ctx, const char *path, const char *name)
{
	cdktf_scan *s = ctx;
	const char *sub = cdktf__subpath(path);
	const ig_kb_entry *mod = sub && *sub ? ig_kb_child_folded(s->kb, "cdktf", sub) : NULL;
	return mod && ig_kb_kind_of(mod) == IG_KB_MODULE && ig_kb_child(s->kb, ig_kb_key(s->kb, mod), name) != NULL;
}

/* Module and class named by a call, through the imports; *builder for
 * Java's `S3Bucket.Builder.create(scope, id)`. */
static bool cdktf__resolve(cdktf_scan *s, const ig_tfcfg_call *call, const char **module, const char **cls, bool *builder)
{
	const char *parts[10], *path, *member;
	int n = ig_tfcfg_callee(s->c, call->callee, parts, 10);
	int used = ig_tfcfg_binding(s->c, parts, n, cdktf__has, s, &path, &member);
	if (used < 0) return false;
	const char *sub = cdktf__subpath(path);
	if (!sub) return false;
	const char *seq[12];
	int k = 0;
	if (*sub) {
		/* "s3-bucket", "s3-bucket/index", "s3_bucket" */
		const char *slash = strchr(sub, '/');
		seq[k++] = slash ? ig_arena_strndup(&s->c->task->arena, sub, (size_t)(slash - sub)) : sub;
	}
	if (member) seq[k++] = member;
	for (int i = used; i < n && k < 12; i++) seq[k++] = parts[i];
	ig_lang l = s->c->file->lang;
	*builder = l == IG_LANG_JAVA && k == 4 && strcmp(seq[2], "Builder") == 0 && strcmp(seq[3], "create") == 0;
	if (*builder) k = 2;
	else if ((l == IG_LANG_JAVA || l == IG_LANG_TS || l == IG_LANG_TSX || l == IG_LANG_JS) && !call->is_new) return false;
	if (k != 2) return false;
	*module = seq[0];
	*cls = seq[1];
	if (l == IG_LANG_GO) {
		if (!ig_starts_with(*cls, "New")) return false; /* a Go constructor: NewS3Bucket */
		*cls += 3;
	}
	return true;
}

static const char *cdktf__nested(ig_tfcfg *t, const ig_kb_entry *e)
{
	ig_kb_kind k = ig_kb_kind_of(e);
	if (k == IG_KB_TF_BLOCK && strcmp(ig_kb_str(t->kb, e->type), "any") != 0) return ig_kb_key(t->kb, e);
	if (k == IG_KB_TF_ARGUMENT && strstr(ig_kb_str(t->kb, e->type), "object")) return ig_kb_key(t->kb, e);
	return NULL;
}

/* A struct class of the resource's module (S3BucketVersioningA) naming the block key. */
static bool cdktf__struct_call(ig_tfcfg *t, const char *name, const char *key)
{
	const char *module = t->data;
	const ig_kb_entry *e = ig_kb_child(t->kb, module, name);
	e = e ? ig_kb_resolve(t->kb, e) : NULL;
	return e && strcmp(ig_kb_key(t->kb, e), key) == 0;
}

static bool cdktf__framework(ig_tfcfg *t, const char *name) { return ig_kb_child_folded(t->kb, "cdktf_meta", name) != NULL; }

/* One call of the file (ig_tfcfg_each_call). */
static void cdktf__construct(void *ctx, const ig_tfcfg_call *call)
{
	cdktf_scan *s = ctx;
	const char *module, *cls;
	bool builder;
	unsigned line = call->line;
	if (!cdktf__resolve(s, call, &module, &cls, &builder)) return;
	const ig_kb_entry *mod = ig_kb_child_folded(s->kb, "cdktf", module);
	if (!mod || ig_kb_kind_of(mod) != IG_KB_MODULE) return; /* not a module of the indexed packages */
	const char *modkey = ig_kb_key(s->kb, mod);
	const ig_kb_entry *e = ig_kb_child(s->kb, modkey, cls);
	/* a resource class of another module: the service-grouped layout of older
	 * bindings (`vpc.Subnet`), whose version is unknown here */
	if (!e && ig_kb_child(s->kb, "cdktf_class", cls)) return;
	if (!e) {
		const char *res = ig_kb_str(s->kb, mod->type);
		const ig_kb_entry *r = ig_kb_find(s->kb, res, strlen(res));
		const char *real = r ? strchr(ig_kb_str(s->kb, r->aux), '.') : NULL;
		ig_check_report(s->c, IG_RULE_CDKTF_UNKNOWN_CLASS, line,
				real ? ig_arena_printf(&s->c->task->arena, "the resource class of module %s is %s", modkey + 6, real + 1) : NULL,
				"class `%s` does not exist in module %s of the AWS provider bindings (%s)", cls, modkey + 6,
				ig_tfkb_versions(s->c, s->kb));
		return;
	}
	const ig_kb_entry *res = ig_kb_resolve(s->kb, e);
	if (!res || (ig_kb_kind_of(res) != IG_KB_TF_RESOURCE && ig_kb_kind_of(res) != IG_KB_TF_DATA)) return; /* a struct class */
	const char *key = ig_kb_key(s->kb, res);
	ig_tfcfg t = {.c = s->c, .kb = s->kb, .top = key, .rule_unknown = s->c->file->lang == IG_LANG_JS ? IG_RULE_CDKTF_JS_UNDEFINED : IG_RULE_CDKTF_UNKNOWN_PROPERTY, .rule_removed = IG_RULE_CDKTF_REMOVED,
		      .what = ig_arena_printf(&s->c->task->arena, "%s (%s)", cls, key), .nested = cdktf__nested,
		      .struct_call = cdktf__struct_call, .framework = cdktf__framework, .data = (void *)modkey};
	if (builder) ig_tfcfg_java_builder(&t, call->node, key, 1);
	else if (s->c->file->lang == IG_LANG_PY) ig_tfcfg_kwargs(&t, call->args, key, NULL, 1);
	else ig_tfcfg_value(&t, ig_tfcfg_arg(call->args, 2), key, 1);
}

void ig_check_cdktf(ig_check_ctx *c)
{
	const ig_kb *kb = &c->kb->tf;
	if (!kb->n_entries || !ig_tfcfg_lang(c->file->lang)) return;
	cdktf_scan s = {.c = c, .kb = kb};
	ig_tfcfg_each_call(c, cdktf__construct, &s);
}
