/* Platform, language and resources of one code file, from its syntax tree:
 * import statements bind local names to modules; constructor calls through
 * those names are resources. Templates (CloudFormation, Terraform, pipelines)
 * are read from their YAML/JSON/HCL structure. */
#include "detect/detect.h"
#include "syntax/imports.h"
#include "syntax/jsonval.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define CODE_MAX_RESOURCES 2000

typedef struct {
	ig_arena *a;
	ig_file *f;
	const ig_parse *p;
	ig_imports im;       /* the file's imports (src/syntax/imports.h) */
	ig_import wild;      /* a class resolved through a Java wildcard import */
	bool cdk, cdktf, pulumi, boto3;
	bool main_guard;     /* Python `if __name__ == "__main__":` : a standalone script */
	bool handler;        /* defines a Lambda handler(event, context) */
	bool want_resources;
} code_scan;

/* ---- small helpers ---- */

static const char *code__text(code_scan *s, TSNode n) { return ig_node_text(s->a, s->p, n); }

static bool code__has_prefix_seg(const char *path, const char *prefix)
{
	size_t m = strlen(prefix);
	return strncmp(path, prefix, m) == 0 && (path[m] == 0 || path[m] == '/' || path[m] == '.');
}

/* Which framework a module path belongs to. */
static ig_platform code__platform_of_path(const char *path)
{
	if (code__has_prefix_seg(path, "cdktf") || code__has_prefix_seg(path, "@cdktf/provider-aws") ||
	    code__has_prefix_seg(path, "cdktf_cdktf_provider_aws") || ig_starts_with(path, "github.com/hashicorp/terraform-cdk-go") ||
	    ig_starts_with(path, "github.com/cdktf/") || ig_starts_with(path, "com.hashicorp.cdktf") ||
	    code__has_prefix_seg(path, "imports.aws"))
		return IG_PLAT_CDKTF;
	if (ig_starts_with(path, "@pulumi/") || code__has_prefix_seg(path, "pulumi") || ig_starts_with(path, "pulumi_") ||
	    ig_starts_with(path, "github.com/pulumi/") || ig_starts_with(path, "com.pulumi"))
		return IG_PLAT_PULUMI;
	if (code__has_prefix_seg(path, "aws-cdk-lib") || ig_starts_with(path, "@aws-cdk/") || code__has_prefix_seg(path, "aws_cdk") ||
	    ig_starts_with(path, "github.com/aws/aws-cdk-go/") || ig_starts_with(path, "software.amazon.awscdk"))
		return IG_PLAT_CDK;
	return IG_PLAT_UNKNOWN;
}

static void code__note_import(code_scan *s, const char *path)
{
	switch (code__platform_of_path(path)) {
	case IG_PLAT_CDKTF: s->cdktf = true; break;
	case IG_PLAT_PULUMI: s->pulumi = true; break;
	case IG_PLAT_CDK: s->cdk = true; break;
	default:
		if (code__has_prefix_seg(path, "boto3") || code__has_prefix_seg(path, "botocore")) s->boto3 = true;
	}
}

/* ---- resources from constructor calls ---- */

/* The module segment of a path after a framework root:
 * CDK "aws-cdk-lib/aws-s3" -> "aws-s3"; Pulumi "@pulumi/aws/s3" -> "s3"; ... */
static const char *code__module(code_scan *s, ig_platform plat, const char *full)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", full);
	const char *segs[32];
	int n = 0;
	char *save = NULL; /* strtok_r: strtok keeps hidden state shared by all threads */
	for (char *p = strtok_r(buf, "./", &save); p && n < 32; p = strtok_r(NULL, "./", &save)) segs[n++] = p;
	const char *found = NULL;
	for (int i = 0; i < n; i++) {
		const char *g = segs[i];
		if (plat == IG_PLAT_CDK) {
			if ((ig_starts_with(g, "aws_") || ig_starts_with(g, "aws-") ||
			     (ig_starts_with(g, "aws") && strlen(g) > 3 && strcmp(g, "awscdk") != 0)) && strcmp(g, "aws-cdk-lib") != 0 &&
			    strcmp(g, "aws-cdk-go") != 0 && strcmp(g, "aws_cdk") != 0)
				found = g;
			if (strcmp(g, "services") == 0 && i + 1 < n) found = segs[i + 1];
		} else if (plat == IG_PLAT_PULUMI) {
			/* @pulumi/aws, pulumi_aws, and the crosswalk components @pulumi/awsx / pulumi_awsx */
			if ((strcmp(g, "aws") == 0 || strcmp(g, "pulumi_aws") == 0 || strcmp(g, "awsx") == 0 ||
			     strcmp(g, "pulumi_awsx") == 0) && i + 1 < n) { found = segs[i + 1]; break; }
		} else if (plat == IG_PLAT_CDKTF) {
			if ((strcmp(g, "lib") == 0 || strcmp(g, "cdktf_cdktf_provider_aws") == 0 || strcmp(g, "provider-aws") == 0 ||
			     (strcmp(g, "aws") == 0 && i > 0)) && i + 1 < n) {
				found = segs[i + 1];
				if (segs[i + 1][0] == 'v' && isdigit((unsigned char)segs[i + 1][1]) && i + 2 < n) found = segs[i + 2];
			}
		}
	}
	return found ? ig_arena_strdup(s->a, found) : NULL;
}

static void code__add_resource(code_scan *s, ig_platform plat, const char *full, const char *cls, const char *name,
			       unsigned line)
{
	if (!cls || !isupper((unsigned char)cls[0]) || s->f->n_resources >= CODE_MAX_RESOURCES) return;
	const char *module = code__module(s, plat, full);
	if (!module) return; /* Stack, App, Duration: the framework, not a resource */
	if (plat == IG_PLAT_CDKTF && (strcmp(cls, "AwsProvider") == 0 || strcmp(module, "provider") == 0)) return;
	ig_resource *r = IG_PUSH(s->a, s->f->resources, s->f->n_resources, s->f->cap_resources);
	const char *sep = plat == IG_PLAT_CDK || plat == IG_PLAT_PULUMI ? "." : "/";
	r->native_type = ig_arena_printf(s->a, "%s%s%s", module, sep, cls);
	r->name = name;
	r->line = line;
	r->service = ig_service_of_type(plat, module, cls);
}

/* First argument that is a string literal (construct id or Pulumi name). */
static const char *code__string_arg(code_scan *s, TSNode args, int index)
{
	if (ts_node_is_null(args) || (int)ts_node_named_child_count(args) <= index) return NULL;
	TSNode a = ts_node_named_child(args, (uint32_t)index);
	const char *t = ts_node_type(a);
	if (strcmp(t, "call_expression") == 0) { /* jsii.String("Id") */
		TSNode inner = ig_node_field(a, "arguments");
		if (!ts_node_is_null(inner) && ts_node_named_child_count(inner)) a = ts_node_named_child(inner, 0), t = ts_node_type(a);
	}
	if (strstr(t, "string")) return ig_node_text_unquoted(s->a, s->p, a);
	return NULL;
}

/* CDK and CDKTF constructs take (scope, id, ...): the scope is `this`,
 * `self`, a variable or a member (`this.stack`), never a literal, an object,
 * or a keyword argument (`dynamodb.Attribute(name="id", ...)` is a struct). */
static bool code__first_arg_is_scope(code_scan *s, TSNode args)
{
	(void)s;
	if (ts_node_is_null(args) || ts_node_named_child_count(args) < 2) return false;
	const char *t = ts_node_type(ts_node_named_child(args, 0));
	static const char *const scopes[] = {"this", "identifier", "member_expression", "attribute",
					     "selector_expression", "field_access", "unary_expression", NULL};
	for (int i = 0; scopes[i]; i++)
		if (strcmp(t, scopes[i]) == 0) return true;
	return false;
}

/* Java `import software.amazon.awscdk.services.kms.*;` then `Key...`: the
 * class comes from the one framework package imported with a wildcard (with
 * several, the class cannot be placed without the API index: skipped). */
static const ig_import *code__java_wildcard(code_scan *s, const char *cls)
{
	const ig_import *found = NULL;
	for (size_t i = 0; i < s->im.n; i++) {
		const ig_import *im = &s->im.items[i];
		if (!im->alias || strcmp(im->alias, "*") != 0 || code__platform_of_path(im->path) == IG_PLAT_UNKNOWN) continue;
		if (found) return NULL;
		found = im;
	}
	if (!found) return NULL;
	s->wild = (ig_import){cls, found->path, cls, found->line};
	return &s->wild;
}

static void code__call(code_scan *s, TSNode callee, TSNode args, bool go, unsigned line)
{
	const char *parts[16];
	int np = 0;
	if (ts_node_is_null(callee) || !(np = ig_node_chain(s->a, s->p, callee, parts, 16))) return;
	const ig_import *b = ig_imports_find(&s->im, parts[0]);
	if (!b && s->f->lang == IG_LANG_JAVA && np == 1) b = code__java_wildcard(s, parts[0]);
	if (!b) return;
	char full[512];
	int k = snprintf(full, sizeof full, "%s%s%s", b->path, b->member ? "/" : "", b->member ? b->member : "");
	for (int i = 1; i < np - 1 && k > 0 && (size_t)k < sizeof full; i++) k += snprintf(full + k, sizeof full - (size_t)k, "/%s", parts[i]);
	const char *cls = np > 1 ? parts[np - 1] : b->member;
	if (np == 1 && b->member) {
		/* `new Bucket(...)` of `import { Bucket } from 'aws-cdk-lib/aws-s3'`: the path is the module */
		snprintf(full, sizeof full, "%s", b->path);
	}
	if (!cls) return;
	if (go) {
		if (!ig_starts_with(cls, "New")) return;
		cls += 3;
	}
	ig_platform plat = code__platform_of_path(full);
	if (plat == IG_PLAT_UNKNOWN) return;
	if (plat == IG_PLAT_PULUMI) {
		const char *name = code__string_arg(s, args, go ? 1 : 0);
		if (!name && !go && (ts_node_is_null(args) || ts_node_named_child_count(args) == 0)) return; /* `new X;` has none */
		code__add_resource(s, plat, full, cls, name, line);
	} else {
		if (!code__first_arg_is_scope(s, args)) return;
		code__add_resource(s, plat, full, cls, code__string_arg(s, args, 1), line);
	}
}

/* boto3.client('s3') / session.resource("dynamodb") / a wrapper such as
 * self._make_boto_client("logs"): an analysis script uses the service without
 * declaring a resource. Kept as a resource of type "boto3:<client name>" so
 * services are collected the same way. A wrapper counts only when its string
 * names a service, so get_client("default") adds nothing. */
static void code__boto3_client(code_scan *s, TSNode call, unsigned line)
{
	if (!s->boto3 || s->f->n_resources >= CODE_MAX_RESOURCES) return;
	TSNode fn = ig_node_field(call, "function");
	if (ts_node_is_null(fn)) return;
	TSNode last = fn;
	if (strcmp(ts_node_type(fn), "attribute") == 0) last = ig_node_field(fn, "attribute");
	else if (strcmp(ts_node_type(fn), "identifier") != 0) return;
	if (ts_node_is_null(last)) return;
	const char *fname = code__text(s, last);
	bool direct = strcmp(fname, "client") == 0 || strcmp(fname, "resource") == 0;
	if (!direct && !strstr(fname, "client")) return;
	TSNode args = ig_node_field(call, "arguments");
	const char *name = code__string_arg(s, args, 0);
	if (!name && !ts_node_is_null(args)) { /* boto3.client(service_name="ec2") */
		uint32_t n = ts_node_named_child_count(args);
		for (uint32_t i = 0; i < n && !name; i++) {
			TSNode kw = ts_node_named_child(args, i);
			if (strcmp(ts_node_type(kw), "keyword_argument") != 0 ||
			    !ig_node_text_eq(s->p, ig_node_field(kw, "name"), "service_name"))
				continue;
			TSNode v = ig_node_field(kw, "value");
			if (!ts_node_is_null(v) && strstr(ts_node_type(v), "string")) name = ig_node_text_unquoted(s->a, s->p, v);
		}
	}
	if (!name || !*name) return;
	const char *svc = ig_service_fold(name, strlen(name));
	if (!direct && !svc) return;
	ig_resource *r = IG_PUSH(s->a, s->f->resources, s->f->n_resources, s->f->cap_resources);
	r->native_type = ig_arena_printf(s->a, "boto3:%s", name);
	r->line = line;
	r->service = svc;
}

/* CDKTF's escape hatch declares Terraform resources by path:
 * stack.AddOverride("resource.aws_vpc.main", {...}) in Go, addOverride in
 * TypeScript and Java, add_override in Python. */
static void code__cdktf_override(code_scan *s, TSNode call, unsigned line)
{
	if (!s->cdktf || s->f->n_resources >= CODE_MAX_RESOURCES) return;
	TSNode fn, args, name;
	if (s->f->lang == IG_LANG_JAVA) {
		name = ig_node_field(call, "name");
		args = ig_node_field(call, "arguments");
	} else {
		fn = ig_node_field(call, "function");
		if (ts_node_is_null(fn)) return;
		const char *t = ts_node_type(fn);
		name = strcmp(t, "member_expression") == 0 ? ig_node_field(fn, "property")
		     : strcmp(t, "attribute") == 0 ? ig_node_field(fn, "attribute")
		     : strcmp(t, "selector_expression") == 0 ? ig_node_field(fn, "field") : (TSNode){0};
		args = ig_node_field(call, "arguments");
	}
	if (ts_node_is_null(name) || (!ig_node_text_eq(s->p, name, "addOverride") && !ig_node_text_eq(s->p, name, "AddOverride") &&
				      !ig_node_text_eq(s->p, name, "add_override")))
		return;
	const char *path = code__string_arg(s, args, 0);
	if (!path || !ig_starts_with(path, "resource.aws_")) return;
	const char *type = path + 9, *dot = strchr(type, '.');
	if (!dot) return;
	const char *rest = dot + 1, *end = strchr(rest, '.');
	if (end) return; /* "resource.aws_vpc.main.tags": a property of a resource declared elsewhere */
	ig_resource *r = IG_PUSH(s->a, s->f->resources, s->f->n_resources, s->f->cap_resources);
	r->native_type = ig_arena_strndup(s->a, type, (size_t)(dot - type));
	r->name = rest;
	r->line = line;
	r->service = ig_service_of_type(IG_PLAT_TF, NULL, r->native_type);
}

/* ---- the walk ---- */

static void code__visit(code_scan *s, TSNode n)
{
	const char *t = ts_node_type(n);
	unsigned line = ig_node_line(n);
	switch (s->f->lang) {
	case IG_LANG_TS: case IG_LANG_TSX: case IG_LANG_JS:
		if (s->want_resources && strcmp(t, "new_expression") == 0)
			code__call(s, ig_node_field(n, "constructor"), ig_node_field(n, "arguments"), false, line);
		else if (s->want_resources && strcmp(t, "call_expression") == 0)
			code__cdktf_override(s, n, line);
		break;
	case IG_LANG_PY:
		if (s->want_resources && strcmp(t, "call") == 0) {
			code__call(s, ig_node_field(n, "function"), ig_node_field(n, "arguments"), false, line);
			code__boto3_client(s, n, line);
			code__cdktf_override(s, n, line);
		} else if (strcmp(t, "if_statement") == 0) {
			TSNode cond = ig_node_field(n, "condition");
			if (!ts_node_is_null(cond) && strstr(code__text(s, cond), "__name__")) s->main_guard = true;
		} else if (strcmp(t, "function_definition") == 0) {
			TSNode params = ig_node_field(n, "parameters");
			if (!ts_node_is_null(params) && strstr(code__text(s, params), "context")) s->handler = true;
		}
		break;
	case IG_LANG_GO:
		if (s->want_resources && strcmp(t, "call_expression") == 0) {
			code__call(s, ig_node_field(n, "function"), ig_node_field(n, "arguments"), true, line);
			code__cdktf_override(s, n, line);
		}
		break;
	case IG_LANG_JAVA:
		if (s->want_resources && strcmp(t, "object_creation_expression") == 0)
			code__call(s, ig_node_field(n, "type"), ig_node_field(n, "arguments"), false, line);
		else if (s->want_resources && strcmp(t, "method_invocation") == 0 && !ig_node_text_eq(s->p, ig_node_field(n, "name"), "create"))
			code__cdktf_override(s, n, line);
		else if (s->want_resources && strcmp(t, "method_invocation") == 0) {
			/* Bucket.Builder.create(this, "Id") */
			TSNode obj = ig_node_field(n, "object");
			if (!ts_node_is_null(obj) && strcmp(ts_node_type(obj), "field_access") == 0 &&
			    ig_node_text_eq(s->p, ig_node_field(obj, "field"), "Builder"))
				code__call(s, ig_node_field(obj, "object"), ig_node_field(n, "arguments"), false, line);
		}
		break;
	default:
		break;
	}
}

/* Walk every node for constructor calls; the imports were collected first. */
static void code__walk(code_scan *s, TSNode root)
{
	TSTreeCursor c = ts_tree_cursor_new(root);
	for (;;) {
		code__visit(s, ts_tree_cursor_current_node(&c));
		if (ts_tree_cursor_goto_first_child(&c)) continue;
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&c)) break;
			if (!ts_tree_cursor_goto_parent(&c)) { ts_tree_cursor_delete(&c); return; }
		}
	}
}

/* ---- templates ---- */

static const char *code__yaml_scalar(code_scan *s, TSNode n)
{
	/* a key or value node: flow_node > plain_scalar / quoted scalar */
	while (!ts_node_is_null(n) && ts_node_named_child_count(n) == 1 &&
	       (strcmp(ts_node_type(n), "flow_node") == 0 || strcmp(ts_node_type(n), "block_node") == 0))
		n = ts_node_named_child(n, 0);
	if (ts_node_is_null(n)) return NULL;
	const char *t = ts_node_type(n);
	if (!strstr(t, "scalar")) return NULL;
	const char *txt = code__text(s, n);
	size_t len = strlen(txt);
	if (len >= 2 && (txt[0] == '"' || txt[0] == '\'')) return ig_arena_strndup(s->a, txt + 1, len - 2);
	return txt;
}

/* The block_mapping (or flow_mapping) inside a node, or a null node. */
static TSNode code__yaml_mapping(TSNode n)
{
	for (int depth = 0; depth < 4 && !ts_node_is_null(n); depth++) {
		const char *t = ts_node_type(n);
		if (strcmp(t, "block_mapping") == 0 || strcmp(t, "flow_mapping") == 0) return n;
		TSNode next = {0};
		uint32_t cnt = ts_node_named_child_count(n);
		for (uint32_t i = 0; i < cnt; i++) {
			TSNode c = ts_node_named_child(n, i);
			const char *ct = ts_node_type(c);
			if (strcmp(ct, "tag") && strcmp(ct, "anchor") && strcmp(ct, "comment")) { next = c; break; }
		}
		n = next;
	}
	TSNode none = {0};
	return none;
}

typedef struct {
	bool awstfv, resources, on, jobs, stages, phases, steps, pipeline, workflows, trigger, cloudbuild;
	int cfn_types;
} yaml_top;

/* One `Type: AWS::...` entry of a CloudFormation Resources mapping. */
static void code__yaml_cfn_resource(code_scan *s, yaml_top *top, TSNode rp)
{
	const char *logical = code__yaml_scalar(s, ig_node_field(rp, "key"));
	TSNode body = code__yaml_mapping(ig_node_field(rp, "value"));
	if (!logical || ts_node_is_null(body)) return;
	uint32_t nb = ts_node_named_child_count(body);
	for (uint32_t q = 0; q < nb; q++) {
		TSNode bp = ts_node_named_child(body, q);
		const char *k = code__yaml_scalar(s, ig_node_field(bp, "key"));
		if (!k || strcmp(k, "Type") != 0) continue;
		const char *type = code__yaml_scalar(s, ig_node_field(bp, "value"));
		if (!type || (!ig_starts_with(type, "AWS::") && !ig_starts_with(type, "Custom::"))) continue;
		top->cfn_types++;
		if (s->f->n_resources >= CODE_MAX_RESOURCES) return;
		ig_resource *r = IG_PUSH(s->a, s->f->resources, s->f->n_resources, s->f->cap_resources);
		r->native_type = type;
		r->name = logical;
		r->line = ig_node_line(rp);
		r->service = ig_service_of_type(IG_PLAT_CFN, NULL, type);
	}
}

/* One top-level key: template markers and the keys pipelines are made of. */
static void code__yaml_top_key(code_scan *s, yaml_top *top, const char *key, TSNode pair)
{
	if (!key) return;
	if (strcmp(key, "AWSTemplateFormatVersion") == 0) top->awstfv = true;
	else if (strcmp(key, "on") == 0 || strcmp(key, "true") == 0) top->on = true; /* YAML 1.1 reads `on` as true */
	else if (strcmp(key, "jobs") == 0) top->jobs = true;
	else if (strcmp(key, "stages") == 0) top->stages = true;
	else if (strcmp(key, "phases") == 0) top->phases = true;
	else if (strcmp(key, "steps") == 0) top->steps = true;
	else if (strcmp(key, "pipeline") == 0 || strcmp(key, "pipelines") == 0) top->pipeline = true;
	else if (strcmp(key, "workflows") == 0) top->workflows = true;
	else if (strcmp(key, "trigger") == 0 || strcmp(key, "pr") == 0) top->trigger = true;
	/* Google Cloud Build: steps beside substitutions / options / timeout / images */
	else if (strcmp(key, "substitutions") == 0 || strcmp(key, "options") == 0 || strcmp(key, "timeout") == 0 ||
		 strcmp(key, "availableSecrets") == 0 || strcmp(key, "images") == 0)
		top->cloudbuild = true;
	else if (strcmp(key, "Resources") == 0 && !ts_node_is_null(pair)) {
		top->resources = true;
		TSNode res = code__yaml_mapping(ig_node_field(pair, "value"));
		if (ts_node_is_null(res)) return;
		uint32_t nr = ts_node_named_child_count(res);
		for (uint32_t r = 0; r < nr; r++) code__yaml_cfn_resource(s, top, ts_node_named_child(res, r));
	}
}

static void code__yaml_top_pair(code_scan *s, yaml_top *top, TSNode pair)
{
	if (strcmp(ts_node_type(pair), "block_mapping_pair") != 0 && strcmp(ts_node_type(pair), "flow_pair") != 0) return;
	code__yaml_top_key(s, top, code__yaml_scalar(s, ig_node_field(pair, "key")), pair);
}

/* Top-level pairs of every document. A syntax error high in the file makes
 * tree-sitter wrap the pairs in an ERROR node instead of a mapping: read the
 * pairs found directly under it too, so one bad line does not hide a pipeline. */
static void code__yaml_tops(code_scan *s, yaml_top *top, TSNode n, int depth)
{
	uint32_t nd = ts_node_named_child_count(n);
	for (uint32_t d = 0; d < nd; d++) {
		TSNode c = ts_node_named_child(n, d);
		const char *t = ts_node_type(c);
		if (strcmp(t, "block_mapping_pair") == 0) { code__yaml_top_pair(s, top, c); continue; }
		if (strcmp(t, "ERROR") == 0 && depth < 2) { code__yaml_tops(s, top, c, depth + 1); continue; }
		if (depth > 0 && strcmp(t, "flow_node") == 0) {
			/* under an ERROR, `jobs:` may come out as a lone scalar whose
			 * entries follow as siblings: the key still counts */
			TSNode none = {0};
			code__yaml_top_key(s, top, code__yaml_scalar(s, c), none);
			continue;
		}
		TSNode map = code__yaml_mapping(c);
		if (ts_node_is_null(map)) continue;
		uint32_t np = ts_node_named_child_count(map);
		for (uint32_t i = 0; i < np; i++) code__yaml_top_pair(s, top, ts_node_named_child(map, i));
	}
}

/* Leading spaces of a line, or -1 for a blank or comment-only line. */
static int code__indent(const char *p, const char *end)
{
	int n = 0;
	while (p + n < end && p[n] == ' ') n++;
	if (p + n >= end || p[n] == '\n' || p[n] == '\r' || p[n] == '#') return -1;
	return n;
}

/* `key:` at the start of a line (a plain key, no quotes): its length, or 0. */
static size_t code__line_key(const char *p, const char *end)
{
	size_t n = 0;
	while (p + n < end && (isalnum((unsigned char)p[n]) || p[n] == '_' || p[n] == '-' || p[n] == '.')) n++;
	if (!n || p + n >= end || p[n] != ':') return 0;
	if (p + n + 1 < end && p[n + 1] != ' ' && p[n + 1] != '\n' && p[n + 1] != '\r' && p[n + 1] != '\t') return 0;
	return n;
}

/* A YAML file the parser could not read to the end (a bad line, a cut-off
 * answer): read the top-level keys line by line, where a key at column 0 can
 * only be a key (comments start with '#', block scalars are indented), and
 * the CloudFormation Resources entries by their indentation. Keeps the tree's
 * resources unless the lines find more. */
static void code__yaml_lines(code_scan *s, yaml_top *top)
{
	const char *p = s->f->text, *end = p + s->f->len;
	bool in_res = false;
	int res_indent = -1;
	const char *logical = NULL;
	unsigned logical_line = 0, line = 1;
	ig_resource *found = NULL;
	size_t n_found = 0, cap_found = 0;
	TSNode none = {0};
	for (; p < end; line++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol) eol = end;
		int ind = code__indent(p, eol);
		if (ind == 0) {
			size_t k = code__line_key(p, eol);
			in_res = k == 9 && strncmp(p, "Resources", 9) == 0;
			res_indent = -1;
			logical = NULL;
			if (k) code__yaml_top_key(s, top, ig_arena_strndup(s->a, p, k), none);
		} else if (ind > 0 && in_res) {
			const char *q = p + ind;
			size_t k = code__line_key(q, eol);
			if (res_indent < 0) res_indent = ind;
			if (ind == res_indent && k) {
				logical = ig_arena_strndup(s->a, q, k);
				logical_line = line;
			} else if (ind > res_indent && logical && k == 4 && strncmp(q, "Type", 4) == 0) {
				const char *v = q + 5;
				while (v < eol && (*v == ' ' || *v == '"' || *v == '\'')) v++;
				size_t m = 0;
				while (v + m < eol && (isalnum((unsigned char)v[m]) || v[m] == ':')) m++;
				if (m > 5 && (strncmp(v, "AWS::", 5) == 0 || strncmp(v, "Custom::", 8) == 0) && n_found < CODE_MAX_RESOURCES) {
					ig_resource *r = IG_PUSH(s->a, found, n_found, cap_found);
					r->native_type = ig_arena_strndup(s->a, v, m);
					r->name = logical;
					r->line = logical_line;
					r->service = ig_service_of_type(IG_PLAT_CFN, NULL, r->native_type);
					logical = NULL;
				}
			}
		}
		p = eol + 1;
	}
	if (n_found > s->f->n_resources) {
		s->f->resources = found;
		s->f->n_resources = s->f->cap_resources = n_found;
		top->cfn_types = (int)n_found;
	}
}

/* A service a pipeline uses, once per file: "awscli:ecs" for `aws ecs
 * update-service`, "aws-actions:ecr" for `uses: aws-actions/amazon-ecr-login`. */
static void code__pipeline_service(code_scan *s, const char *kind, const char *name, size_t n, unsigned line)
{
	const char *svc = ig_service_fold(name, n);
	if (!svc || s->f->n_resources >= CODE_MAX_RESOURCES) return;
	for (size_t i = 0; i < s->f->n_resources; i++)
		if (s->f->resources[i].service && strcmp(s->f->resources[i].service, svc) == 0) return;
	ig_resource *r = IG_PUSH(s->a, s->f->resources, s->f->n_resources, s->f->cap_resources);
	r->native_type = ig_arena_printf(s->a, "%s:%.*s", kind, (int)n, name);
	r->line = line;
	r->service = svc;
}

static size_t code__cli_word(const char *p)
{
	size_t n = 0;
	while (islower((unsigned char)p[n]) || isdigit((unsigned char)p[n]) || p[n] == '-') n++;
	return n;
}

/* AWS CLI calls and AWS's own actions inside one scalar of a pipeline (the
 * commands live in strings and block scalars; comments are not scalars). */
static void code__pipeline_scalar(code_scan *s, TSNode n)
{
	const char *t = code__text(s, n);
	unsigned line = ig_node_line(n);
	for (const char *p = t; *p; p++) {
		if (*p == '\n') line++;
		if (p > t && (isalnum((unsigned char)p[-1]) || p[-1] == '-' || p[-1] == '_' || p[-1] == '/' || p[-1] == '.')) continue;
		if (strncmp(p, "aws ", 4) == 0) {
			const char *w = p + 4;
			while (*w == ' ') w++;
			size_t k = code__cli_word(w);
			const char *sub = w + k;
			if (!k || *sub != ' ') continue;
			while (*sub == ' ') sub++;
			if (!islower((unsigned char)*sub)) continue; /* `aws s3 cp`, not `aws --version` or prose */
			code__pipeline_service(s, "awscli", w, k, line);
		} else if (strncmp(p, "aws-actions/amazon-", 19) == 0) {
			const char *w = p + 19;
			size_t k = 0;
			while (isalnum((unsigned char)w[k])) k++;
			if (k) code__pipeline_service(s, "aws-actions", w, k, line);
		}
	}
}

static void code__pipeline_services(code_scan *s, TSNode root)
{
	TSTreeCursor c = ts_tree_cursor_new(root);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		const char *t = ts_node_type(n);
		bool scalar = strcmp(t, "plain_scalar") == 0 || strcmp(t, "double_quote_scalar") == 0 ||
			      strcmp(t, "single_quote_scalar") == 0 || strcmp(t, "block_scalar") == 0;
		if (scalar) code__pipeline_scalar(s, n);
		if (!scalar && ts_tree_cursor_goto_first_child(&c)) continue;
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&c)) break;
			if (!ts_tree_cursor_goto_parent(&c)) { ts_tree_cursor_delete(&c); return; }
		}
	}
}

static void code__yaml(code_scan *s, TSNode root)
{
	yaml_top top = {0};
	code__yaml_tops(s, &top, root, strcmp(ts_node_type(root), "ERROR") == 0);
	if (ts_node_has_error(root)) code__yaml_lines(s, &top);
	if (top.awstfv || top.cfn_types) s->f->platform = IG_PLAT_CFN;
	else if ((top.on && top.jobs) || top.stages || top.phases || top.workflows || top.pipeline ||
		 (top.steps && (top.trigger || top.jobs || top.cloudbuild)))
		s->f->platform = IG_PLAT_CICD;
	if (s->f->platform == IG_PLAT_CICD && s->want_resources) code__pipeline_services(s, root);
}

static void code__json(code_scan *s)
{
	ig_jval *root = ig_json_value(s->a, s->p);
	if (!root || root->type != IG_JOBJ) return;
	bool awstfv = ig_json_get(root, "AWSTemplateFormatVersion") != NULL;
	const ig_jval *res = ig_json_get(root, "Resources");
	int types = 0;
	if (res && res->type == IG_JOBJ) {
		for (size_t i = 0; i < res->n; i++) {
			const ig_jval *type = ig_json_get(res->items[i], "Type");
			if (!type || type->type != IG_JSTR || (!ig_starts_with(type->str, "AWS::") && !ig_starts_with(type->str, "Custom::")))
				continue;
			types++;
			if (s->f->n_resources >= CODE_MAX_RESOURCES) continue;
			ig_resource *r = IG_PUSH(s->a, s->f->resources, s->f->n_resources, s->f->cap_resources);
			r->native_type = type->str;
			r->name = res->keys[i];
			r->line = res->items[i]->line;
			r->service = ig_service_of_type(IG_PLAT_CFN, NULL, type->str);
		}
	}
	if (awstfv || types) s->f->platform = IG_PLAT_CFN;
}

static void code__hcl(code_scan *s, TSNode root)
{
	TSNode body = root;
	for (uint32_t i = 0; i < ts_node_named_child_count(root); i++)
		if (strcmp(ts_node_type(ts_node_named_child(root, i)), "body") == 0) body = ts_node_named_child(root, i);
	uint32_t n = ts_node_named_child_count(body);
	bool tf = false;
	for (uint32_t i = 0; i < n; i++) {
		TSNode blk = ts_node_named_child(body, i);
		if (strcmp(ts_node_type(blk), "block") != 0 || !ts_node_named_child_count(blk)) continue;
		TSNode id = ts_node_named_child(blk, 0);
		static const char *const kinds[] = {"resource", "data", "provider", "terraform", "module", "variable", "output", "locals"};
		for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) tf |= ig_node_text_eq(s->p, id, kinds[k]);
		if (!ig_node_text_eq(s->p, id, "resource") || ts_node_named_child_count(blk) < 3) continue;
		TSNode type_n = ts_node_named_child(blk, 1), name_n = ts_node_named_child(blk, 2);
		if (strcmp(ts_node_type(type_n), "string_lit") != 0) continue;
		const char *type = ig_node_text_unquoted(s->a, s->p, type_n);
		if (!ig_starts_with(type, "aws_") || s->f->n_resources >= CODE_MAX_RESOURCES) continue;
		ig_resource *r = IG_PUSH(s->a, s->f->resources, s->f->n_resources, s->f->cap_resources);
		r->native_type = type;
		r->name = strcmp(ts_node_type(name_n), "string_lit") == 0 ? ig_node_text_unquoted(s->a, s->p, name_n) : NULL;
		r->line = ig_node_line(blk);
		r->service = ig_service_of_type(IG_PLAT_TF, NULL, type);
	}
	if (tf) s->f->platform = IG_PLAT_TF;
}

static void code__scan(ig_arena *a, ig_file *f)
{
	if (f->skipped || !ig_lang_parsed(f->lang)) return;
	ig_parse local;
	const ig_parse *p = &f->parse;
	bool own = false;
	if (!p->tree) {
		if (ig_syntax_parse(&local, a, f->lang, f->text, f->len) != 0) return;
		p = &local;
		own = true;
	}
	code_scan s = {.a = a, .f = f, .p = p, .want_resources = true};
	f->n_resources = 0;
	f->platform = IG_PLAT_UNKNOWN;
	TSNode root = ts_tree_root_node(p->tree);
	f->platform_lang = IG_LANG_UNKNOWN;
	if (ig_detect_project(a, f, p)) {
		if (own) ig_parse_release(&local);
		return;
	}
	switch (f->lang) {
	case IG_LANG_YAML: code__yaml(&s, root); break;
	case IG_LANG_JSON: code__json(&s); break;
	case IG_LANG_HCL: code__hcl(&s, root); break;
	default:
		ig_imports_collect(a, p, &f->imports);
		s.im = f->imports;
		for (size_t i = 0; i < s.im.n; i++) code__note_import(&s, s.im.items[i].path);
		code__walk(&s, root);
		/* cdktf apps import constructs and cdktf; Pulumi and CDK never import cdktf */
		f->platform = s.cdktf ? IG_PLAT_CDKTF : s.pulumi ? IG_PLAT_PULUMI : s.cdk ? IG_PLAT_CDK
			    : (s.boto3 && f->lang == IG_LANG_PY && s.main_guard && !s.handler) ? IG_PLAT_ANALYSIS
												   : IG_PLAT_UNKNOWN;
	}
	f->platform_lang = f->lang == IG_LANG_TSX ? IG_LANG_TS : f->lang;
	if (own) ig_parse_release(&local);
}

void ig_detect_file(ig_arena *a, ig_file *f)
{
	code__scan(a, f);
}

void ig_resources_extract(ig_arena *a, ig_file *f)
{
	ig_platform p = f->platform;
	ig_lang l = f->platform_lang;
	code__scan(a, f);
	f->platform = p;
	f->platform_lang = l;
}
