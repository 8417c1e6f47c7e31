/* CDK, CDKTF and Pulumi adapter for program code. Which calls create
 * resources is what detection already knows (detect/code.c: imports bind
 * names, constructor calls through them are resources, each with its native
 * type and line); this file adds what the model needs on top: the resolved
 * type, the canonical type, the construct level, the name and the properties.
 *
 * Properties are read for TypeScript / JavaScript (the props object) and
 * Python (keyword arguments). Values follow constants of the file and of the
 * response's other files (`const x = ...`, `X = ...`), template strings and
 * f-strings, spreads of known objects, and variables holding resources
 * (`bucket.bucketArn` is a reference to the bucket). Enum and static members
 * (`s3.BucketEncryption.S3_MANAGED`, `Duration.days(30)`) are calls named as
 * written. Go and Java resources come with their types and names only. */
#include "model/model_int.h"
#include "detect/detect.h"
#include "util/buf.h"
#include "util/strutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CODE_MAX_DEPTH 24

typedef struct code_ctx {
	ig_model *m;
	const ig_file *f;
	const ig_parse *p;
	ig_arena *tmp;
	int file_id;
	bool py;
	ig_strmap consts;     /* name -> TSNode* of its value (first binding wins); a plain name bound
				 inside a function is keyed "SCOPE:name" (its function's start byte + 1) */
	ig_strmap scoped;     /* the plain names bound inside some function */
	uint32_t scope;       /* while collecting: the innermost function's start byte + 1, 0 at the top */
	ig_strmap res_vars;   /* name ("bucket", "this.bucket", "self.bucket") -> ig_model_resource* */
	ig_resource *found;   /* detection's resources of the file */
	size_t n_found;
	bool *used;
	long budget;          /* value nodes left to evaluate: constants that refer to each other must not explode */
	int times;            /* how many times the code being walked runs: loops multiply, 0 = not known */
	bool symbols;         /* reading constants for other files: no resources, no imports followed */
} code_ctx;

static bool code__is(TSNode n, const char *t) { return !ts_node_is_null(n) && strcmp(ts_node_type(n), t) == 0; }
static const char *code__text(code_ctx *c, TSNode n) { return ig_node_text(c->tmp, c->p, n); }
static ig_model_span code__span(code_ctx *c, TSNode n)
{
	if (ts_node_is_null(n)) return mdl_span(c->file_id, c->f->path, 0, 0);
	return mdl_span(c->file_id, c->f->path, ts_node_start_point(n).row + 1, ts_node_end_point(n).row + 1);
}

static ig_model_value *code__value(code_ctx *c, TSNode n, int depth);

/* ---- bindings ---- */

/* A function, method or lambda: the scope of the plain names bound in it. */
static bool code__is_function(TSNode n)
{
	static const char *const kinds[] = {"function_declaration", "function_expression", "arrow_function", "method_definition",
					    "generator_function_declaration", "function_definition", "lambda", NULL};
	const char *t = ts_node_type(n);
	for (int i = 0; kinds[i]; i++)
		if (strcmp(t, kinds[i]) == 0) return true;
	return false;
}

static void code__bind(code_ctx *c, TSNode name, TSNode value)
{
	if (ts_node_is_null(name) || ts_node_is_null(value)) return;
	const char *k = code__text(c, name);
	/* a plain name is the function's own (two methods' `kwargs` are two
	 * values); an attribute (self.x, this.x) belongs to the object */
	if (c->scope && code__is(name, "identifier")) {
		ig_strmap_put(&c->scoped, k, strlen(k), (void *)k);
		k = ig_arena_printf(c->tmp, "%u:%s", c->scope, k);
	}
	if (ig_strmap_get(&c->consts, k, strlen(k))) return;
	TSNode *slot = ig_arena_alloc(c->tmp, sizeof *slot);
	*slot = value;
	ig_strmap_put(&c->consts, k, strlen(k), slot);
}

/* The value bound to a name where it is used: the enclosing functions'
 * own bindings, innermost first, then the file's top level. */
static TSNode *code__bound(code_ctx *c, TSNode use, const char *text)
{
	if (!strchr(text, '.') && ig_strmap_get(&c->scoped, text, strlen(text)))
		for (TSNode p = ts_node_parent(use); !ts_node_is_null(p); p = ts_node_parent(p)) {
			if (!code__is_function(p)) continue;
			const char *k = ig_arena_printf(c->tmp, "%u:%s", ts_node_start_byte(p) + 1, text);
			TSNode *v = ig_strmap_get(&c->consts, k, strlen(k));
			if (v) return v;
		}
	return ig_strmap_get(&c->consts, text, strlen(text));
}

/* Every `const x = v` (TS/JS) and `x = v` (Python) of the file. */
static void code__collect(code_ctx *c, TSNode n, int depth)
{
	if (depth > 200) return;
	const char *t = ts_node_type(n);
	if (strcmp(t, "variable_declarator") == 0) {
		/* const only: a let or var (a loop counter) may change */
		TSNode decl = ts_node_parent(n), kw = ts_node_is_null(decl) ? decl : ts_node_child(decl, 0);
		TSNode name = ts_node_child_by_field_name(n, "name", 4);
		if (code__is(name, "identifier") && !ts_node_is_null(kw) && ig_node_text_eq(c->p, kw, "const"))
			code__bind(c, name, ts_node_child_by_field_name(n, "value", 5));
	} else if (c->py && strcmp(t, "assignment") == 0) {
		TSNode l = ts_node_child_by_field_name(n, "left", 4);
		if (code__is(l, "identifier") || code__is(l, "attribute")) code__bind(c, l, ts_node_child_by_field_name(n, "right", 5));
	} else if (strcmp(t, "assignment_expression") == 0) {
		TSNode l = ts_node_child_by_field_name(n, "left", 4);
		if (code__is(l, "member_expression") || code__is(l, "identifier")) code__bind(c, l, ts_node_child_by_field_name(n, "right", 5));
	}
	uint32_t outer = c->scope;
	if (code__is_function(n)) c->scope = ts_node_start_byte(n) + 1;
	/* one cursor over the children: indexing them one by one costs the square of their number */
	TSTreeCursor cur = ts_tree_cursor_new(n);
	if (ts_tree_cursor_goto_first_child(&cur)) do {
		TSNode k = ts_tree_cursor_current_node(&cur);
		if (ts_node_is_named(k)) code__collect(c, k, depth + 1);
	} while (ts_tree_cursor_goto_next_sibling(&cur));
	ts_tree_cursor_delete(&cur);
	c->scope = outer;
}

/* ---- values ---- */

static ig_model_value *code__num(code_ctx *c, TSNode n, double sign)
{
	ig_model_value *v = mdl_val(c->m, IG_MV_NUMBER, code__span(c, n));
	const char *t = code__text(c, n);
	v->num = sign * strtod(t, NULL);
	v->text = sign < 0 ? ig_arena_printf(&c->m->arena, "-%s", t) : ig_arena_strdup(&c->m->arena, t);
	return v;
}

static ig_model_value *code__bool(code_ctx *c, TSNode n, bool b)
{
	ig_model_value *v = mdl_val(c->m, IG_MV_BOOL, code__span(c, n));
	v->b = b;
	return v;
}

/* Append a known scalar's text; false when it is not known. */
static bool code__append(ig_buf *b, const ig_model_value *v)
{
	if (v->kind == IG_MV_STRING || v->kind == IG_MV_NUMBER) ig_buf_puts(b, v->text);
	else if (v->kind == IG_MV_BOOL) ig_buf_puts(b, v->b ? "true" : "false");
	else return false;
	return true;
}

/* `a-${x}` and f"a-{x}": literal text between the substitutions, each
 * substitution evaluated. */
static ig_model_value *code__template(code_ctx *c, TSNode n, int depth, const char *sub_type, uint32_t open, uint32_t close)
{
	ig_buf b = {0};
	bool known = true, env = false;
	uint32_t pos = ts_node_start_byte(n) + open, end = ts_node_end_byte(n) - close;
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
		TSNode k = ts_node_named_child(n, i);
		if (!code__is(k, sub_type)) continue;
		uint32_t ks = ts_node_start_byte(k), ke = ts_node_end_byte(k);
		if (ks > pos) ig_buf_put(&b, c->p->src + pos, ks - pos);
		pos = ke;
		TSNode e = ts_node_named_child(k, 0);
		ig_model_value *v = ts_node_is_null(e) ? NULL : code__value(c, e, depth + 1);
		if (v && v->uses_env_suffix) env = true;
		if (!v || !code__append(&b, v)) {
			known = false;
			ig_buf_put(&b, c->p->src + ks, ke - ks);
		}
	}
	if (end > pos) ig_buf_put(&b, c->p->src + pos, end - pos);
	const char *s = b.len ? ig_buf_cstr(&b) : "";
	ig_model_value *v = known ? mdl_str(c->m, s, code__span(c, n)) : mdl_unresolved(c->m, s, code__span(c, n));
	if (env) v->uses_env_suffix = true;
	ig_buf_free(&b);
	return v;
}

/* A plain string literal's content (escapes kept as written). */
static ig_model_value *code__string(code_ctx *c, TSNode n, int depth)
{
	if (c->py) {
		bool interp = false;
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) interp |= code__is(ts_node_named_child(n, i), "interpolation");
		if (interp) {
			/* the prefix and quote: f" or f''' */
			const char *s = c->p->src + ts_node_start_byte(n);
			uint32_t open = 0;
			while (open < 4 && s[open] != '"' && s[open] != '\'') open++;
			uint32_t q = (s[open] == s[open + 1] && s[open] == s[open + 2]) ? 3 : 1;
			return code__template(c, n, depth, "interpolation", open + q, q);
		}
		ig_buf b = {0};
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
			TSNode k = ts_node_named_child(n, i);
			if (code__is(k, "string_content")) ig_buf_puts(&b, code__text(c, k));
		}
		ig_model_value *v = mdl_str(c->m, b.len ? ig_buf_cstr(&b) : "", code__span(c, n));
		ig_buf_free(&b);
		return v;
	}
	return mdl_str(c->m, ig_node_text_unquoted(c->tmp, c->p, n), code__span(c, n));
}

static ig_model_value *code__ref(code_ctx *c, TSNode at, const ig_model_resource *r, const char *attr)
{
	ig_model_value *v = mdl_val(c->m, IG_MV_REF, code__span(c, at));
	v->ref_target = IG_REF_RESOURCE;
	v->ref_index = r->index;
	v->ref_name = r->name;
	v->ref_attr = attr ? ig_arena_strdup(&c->m->arena, attr) : NULL;
	v->text = ig_arena_strdup(&c->m->arena, code__text(c, at));
	return v;
}

/* A CDK name with its import alias replaced by the jsii module: `s3.Bucket`,
 * `aws_s3.Bucket` and `cdk.aws_s3.Bucket` are all "aws_s3.Bucket"; names of
 * the core module have none ("RemovalPolicy.DESTROY"). Other names as written. */
static const char *code__qualify(code_ctx *c, TSNode n, const char *text)
{
	const char *parts[8];
	int np = ig_node_chain(c->tmp, c->p, n, parts, 8);
	if (np < 1) return text;
	const ig_import *b = ig_imports_find(&c->f->imports, parts[0]);
	if (!b || !b->path || c->f->platform != IG_PLAT_CDK) return text;
	/* the module: the path's last segment ("aws-cdk-lib/aws-s3", "aws_cdk.aws_s3"), or the root */
	const char *seg = b->path + strlen(b->path);
	while (seg > b->path && seg[-1] != '/' && seg[-1] != '.') seg--;
	char buf[128];
	const char *mod = mdl_cdk_module(seg, buf, sizeof buf);
	ig_buf o = {0};
	int first = 1;
	if (mod) ig_buf_puts(&o, mod);
	if (b->member) ig_buf_printf(&o, "%s%s", o.len ? "." : "", b->member);
	for (int i = 1; i < np; i++) {
		if (first && !mod && !b->member) {
			/* cdk.aws_s3.X: the module written after the root alias */
			char buf2[128];
			const char *m2 = mdl_cdk_module(parts[i], buf2, sizeof buf2);
			first = 0;
			if (m2) {
				ig_buf_puts(&o, m2);
				continue;
			}
		}
		first = 0;
		ig_buf_printf(&o, "%s%s", o.len ? "." : "", parts[i]);
	}
	const char *q = o.len ? ig_arena_strdup(&c->m->arena, ig_buf_cstr(&o)) : text;
	ig_buf_free(&o);
	return q;
}

/* A name or member chain: a resource variable, a resource's attribute, a
 * constant, or a member of an imported module (an enum or static member). */
static ig_model_value *code__name(code_ctx *c, TSNode n, int depth)
{
	const char *text = code__text(c, n);
	ig_model_resource *r = ig_strmap_get(&c->res_vars, text, strlen(text));
	if (r) return code__ref(c, n, r, NULL);
	/* x.attr where x holds a resource */
	const char *dot = strrchr(text, '.');
	if (dot) {
		r = ig_strmap_get(&c->res_vars, text, (size_t)(dot - text));
		if (r) return code__ref(c, n, r, dot + 1);
	}
	TSNode *bound = code__bound(c, n, text);
	if (bound && depth < CODE_MAX_DEPTH) {
		ig_model_value *v = code__value(c, *bound, depth + 1);
		if (v->kind != IG_MV_UNRESOLVED) return v;
	}
	const char *parts[8];
	int np = ig_node_chain(c->tmp, c->p, n, parts, 8);
	const ig_import *b = np >= 1 ? ig_imports_find(&c->f->imports, parts[0]) : NULL;
	if (b && b->path && !c->symbols && (b->path[0] == '.' || !strchr(b->path, '/'))) {
		/* a constant of another file of the response: `import { PREFIX } from './config'`,
		 * `import * as config from './config'` then config.PREFIX, `from .config import PREFIX` */
		const char *name = np == 1 && b->member ? b->member : np == 2 && !b->member ? parts[1] : NULL;
		const ig_model_value *k = name ? ig_strmap_get(&c->m->constants, name, strlen(name)) : NULL;
		if (k) return (ig_model_value *)k; /* shared: values are read-only once built */
	}
	if (np >= 2 && b) {
		/* s3.BucketEncryption.S3_MANAGED: a static member, known by name */
		ig_model_value *v = mdl_val(c->m, IG_MV_CALL, code__span(c, n));
		v->text = ig_arena_strdup(&c->m->arena, code__qualify(c, n, text));
		v->member = true;
		return v;
	}
	ig_model_value *v = mdl_unresolved(c->m, text, code__span(c, n));
	return v;
}

static void code__spread(code_ctx *c, ig_model_value *into, TSNode arg, int depth)
{
	ig_model_value *s = code__value(c, arg, depth + 1);
	if (s->kind == IG_MV_MAP && into->kind == IG_MV_MAP) {
		for (size_t i = 0; i < s->n; i++) mdl_push_item(c->m, into, s->keys[i], s->items[i]);
	} else if (s->kind == IG_MV_LIST && into->kind == IG_MV_LIST) {
		for (size_t i = 0; i < s->n; i++) mdl_push_item(c->m, into, NULL, s->items[i]);
	} else {
		/* an unknown spread: the object may hold any key, so it is marked */
		mdl_push_item(c->m, into, into->kind == IG_MV_MAP ? "..." : NULL, mdl_unresolved(c->m, code__text(c, arg), code__span(c, arg)));
	}
}

/* A key written later replaces one written earlier ({...base, a: 2}). */
static void code__map_set(code_ctx *c, ig_model_value *map, const char *key, ig_model_value *v)
{
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0) {
			map->items[i] = v;
			return;
		}
	mdl_push_item(c->m, map, key, v);
}

static const char *code__key(code_ctx *c, TSNode k, int depth)
{
	if (code__is(k, "property_identifier") || code__is(k, "identifier")) return code__text(c, k);
	if (code__is(k, "computed_property_name")) k = ts_node_named_child(k, 0);
	ig_model_value *v = code__value(c, k, depth + 1);
	return v->kind == IG_MV_STRING || v->kind == IG_MV_NUMBER ? v->text : code__text(c, k);
}

static ig_model_value *code__call(code_ctx *c, TSNode n, int depth)
{
	bool isnew = code__is(n, "new_expression");
	TSNode fn = ts_node_child_by_field_name(n, isnew ? "constructor" : "function", isnew ? 11 : 8);
	TSNode args = ts_node_child_by_field_name(n, "arguments", 9);
	ig_model_value *v = mdl_val(c->m, IG_MV_CALL, code__span(c, n));
	const char *name = ts_node_is_null(fn) ? "" : code__qualify(c, fn, code__text(c, fn));
	/* `new iam.ServicePrincipal(...)` and Python's `iam.ServicePrincipal(...)` are one call */
	v->text = ig_arena_strdup(&c->m->arena, name);
	for (uint32_t i = 0; !ts_node_is_null(args) && i < ts_node_named_child_count(args); i++) {
		TSNode a = ts_node_named_child(args, i);
		if (code__is(a, "comment")) continue;
		ig_model_value *x;
		if (code__is(a, "keyword_argument")) {
			/* Python keywords: one map argument, in order */
			if (!v->n || v->items[v->n - 1]->kind != IG_MV_MAP || !v->items[v->n - 1]->text) {
				ig_model_value *kw = mdl_val(c->m, IG_MV_MAP, code__span(c, a));
				kw->text = "keywords";
				mdl_push_item(c->m, v, NULL, kw);
			}
			x = code__value(c, ts_node_child_by_field_name(a, "value", 5), depth + 1);
			mdl_push_item(c->m, v->items[v->n - 1], code__text(c, ts_node_child_by_field_name(a, "name", 4)), x);
			if (x->uses_env_suffix) v->uses_env_suffix = true;
			continue;
		}
		x = code__value(c, a, depth + 1);
		if (x->uses_env_suffix) v->uses_env_suffix = true;
		mdl_push_item(c->m, v, NULL, x);
	}
	return v;
}

static ig_model_value *code__value(code_ctx *c, TSNode n, int depth)
{
	ig_model *m = c->m;
	if (ts_node_is_null(n)) return mdl_unresolved(m, "", mdl_span(c->file_id, c->f->path, 0, 0));
	if (depth > CODE_MAX_DEPTH || --c->budget < 0) return mdl_unresolved(m, code__text(c, n), code__span(c, n));
	const char *t = ts_node_type(n);
	if (strcmp(t, "string") == 0) return code__string(c, n, depth);
	if (strcmp(t, "template_string") == 0) return code__template(c, n, depth, "template_substitution", 1, 1);
	if (strcmp(t, "number") == 0 || strcmp(t, "integer") == 0 || strcmp(t, "float") == 0) return code__num(c, n, 1);
	if (strcmp(t, "true") == 0 || strcmp(t, "True") == 0) return code__bool(c, n, true);
	if (strcmp(t, "false") == 0 || strcmp(t, "False") == 0) return code__bool(c, n, false);
	if (strcmp(t, "null") == 0 || strcmp(t, "none") == 0 || strcmp(t, "undefined") == 0) return mdl_val(m, IG_MV_NULL, code__span(c, n));
	if (strcmp(t, "unary_expression") == 0 || strcmp(t, "unary_operator") == 0) {
		TSNode a = ts_node_named_child(n, 0);
		if ((code__is(a, "number") || code__is(a, "integer") || code__is(a, "float")) && c->p->src[ts_node_start_byte(n)] == '-')
			return code__num(c, a, -1);
	}
	if (strcmp(t, "parenthesized_expression") == 0 || strcmp(t, "as_expression") == 0 ||
	    strcmp(t, "satisfies_expression") == 0 || strcmp(t, "non_null_expression") == 0)
		return code__value(c, ts_node_named_child(n, 0), depth + 1);
	if (strcmp(t, "array") == 0 || strcmp(t, "list") == 0 || strcmp(t, "tuple") == 0) {
		ig_model_value *v = mdl_val(m, IG_MV_LIST, code__span(c, n));
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
			TSNode k = ts_node_named_child(n, i);
			if (code__is(k, "comment")) continue;
			if (code__is(k, "spread_element") || code__is(k, "list_splat")) code__spread(c, v, ts_node_named_child(k, 0), depth);
			else mdl_push_item(m, v, NULL, code__value(c, k, depth + 1));
		}
		return v;
	}
	if (strcmp(t, "object") == 0 || strcmp(t, "dictionary") == 0) {
		ig_model_value *v = mdl_val(m, IG_MV_MAP, code__span(c, n));
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
			TSNode k = ts_node_named_child(n, i);
			if (code__is(k, "pair")) {
				TSNode key = ts_node_child_by_field_name(k, "key", 3);
				code__map_set(c, v, code__key(c, key, depth), code__value(c, ts_node_child_by_field_name(k, "value", 5), depth + 1));
			} else if (code__is(k, "shorthand_property_identifier")) {
				code__map_set(c, v, code__text(c, k), code__name(c, k, depth + 1));
			} else if (code__is(k, "spread_element") || code__is(k, "dictionary_splat")) {
				code__spread(c, v, ts_node_named_child(k, 0), depth);
			}
		}
		return v;
	}
	if (strcmp(t, "identifier") == 0 || strcmp(t, "member_expression") == 0 || strcmp(t, "attribute") == 0)
		return code__name(c, n, depth);
	if (strcmp(t, "call_expression") == 0 || strcmp(t, "call") == 0 || strcmp(t, "new_expression") == 0) return code__call(c, n, depth);
	if (strcmp(t, "binary_expression") == 0 || strcmp(t, "binary_operator") == 0) {
		/* "a" + x: string concatenation when both sides are known */
		TSNode l = ts_node_child_by_field_name(n, "left", 4), r = ts_node_child_by_field_name(n, "right", 5);
		TSNode op = ts_node_child_by_field_name(n, "operator", 8);
		if (!ts_node_is_null(l) && !ts_node_is_null(r) && !ts_node_is_null(op) && ig_node_text_eq(c->p, op, "+")) {
			ig_model_value *a = code__value(c, l, depth + 1), *b = code__value(c, r, depth + 1);
			if ((a->kind == IG_MV_STRING || b->kind == IG_MV_STRING) && a->kind != IG_MV_UNRESOLVED && b->kind != IG_MV_UNRESOLVED) {
				ig_buf buf = {0};
				code__append(&buf, a);
				code__append(&buf, b);
				ig_model_value *v = mdl_str(m, buf.len ? ig_buf_cstr(&buf) : "", code__span(c, n));
				v->uses_env_suffix |= a->uses_env_suffix || b->uses_env_suffix;
				ig_buf_free(&buf);
				return v;
			}
			ig_model_value *v = mdl_unresolved(m, code__text(c, n), code__span(c, n));
			v->uses_env_suffix |= a->uses_env_suffix || b->uses_env_suffix;
			return v;
		}
	}
	return mdl_unresolved(m, code__text(c, n), code__span(c, n));
}

/* ---- resources ---- */

/* A property, or for Terraform-vocabulary resources (CDKTF, Pulumi) an inline
 * form of an attachment rewritten to the attachment's shape (model_attach.c). */
static void code__prop(ig_model *m, ig_model_resource *r, const char *key, ig_model_value *v)
{
	if (r->tf_type && mdl_tf_inline(m, r, key, v)) return;
	mdl_prop(m, r, key, v);
}

/* The native type of a detected resource ("aws-s3.Bucket", "s3-bucket/S3Bucket",
 * "s3.Bucket") resolved and mapped to its canonical type. False when the
 * knowledge base says it is no resource: a Pulumi input type
 * (SecurityGroupIngressArgs), a CDKTF data source (DataAwsAmi). */
static bool code__types(code_ctx *c, ig_model_resource *r, ig_platform plat, const char *native)
{
	ig_model *m = c->m;
	const char *sep = strrchr(native, plat == IG_PLAT_CDKTF ? '/' : '.');
	if (!sep) return true;
	char module[128];
	snprintf(module, sizeof module, "%.*s", (int)(sep - native < 127 ? sep - native : 127), native);
	const char *cls = sep + 1;
	if (plat == IG_PLAT_CDK) {
		char buf[128];
		const char *mod = mdl_cdk_module(module, buf, sizeof buf);
		if (mod) {
			r->type = ig_arena_printf(&m->arena, "%s.%s", mod, cls);
			mdl_canon_cdk(m, r, mod, cls);
		}
		if (r->level == IG_LEVEL_UNKNOWN) r->level = IG_LEVEL_L3;
	} else if (plat == IG_PLAT_CDKTF) {
		r->level = IG_LEVEL_PROVIDER;
		mdl_canon_cdktf(r, cls);
		if (ig_starts_with(r->type, "data.")) return false;
	} else if (plat == IG_PLAT_PULUMI) {
		r->level = IG_LEVEL_PROVIDER;
		const char *mod = strcmp(module, "lambda_") == 0 ? "lambda" : module;
		r->type = ig_arena_printf(&m->arena, "aws.%s.%s", mod, cls);
		return mdl_canon_pulumi(r, mod, cls);
	}
	return true;
}

/* Defaults of the props left out, once the written ones are in. A props
 * object the model could not read may hold anything: no defaults then. */
static void code__defaults(code_ctx *c, ig_model_resource *r)
{
	const char *dot = strchr(r->type, '.');
	if (!dot || strchr(dot + 1, '.')) return;
	for (size_t i = 0; i < r->n_props; i++)
		if (strcmp(r->props[i].key, "...") == 0) return;
	char module[128];
	snprintf(module, sizeof module, "%.*s", (int)(dot - r->type < 127 ? dot - r->type : 127), r->type);
	mdl_cdk_defaults(c->m, r, module, dot + 1);
}

/* The detected resource a constructor call at this line stands for. */
/* The class a call constructs, as written: its callee's text. */
static const char *code__callee(code_ctx *c, TSNode call)
{
	TSNode fn = ts_node_child_by_field_name(call, "constructor", 11);
	if (ts_node_is_null(fn)) fn = ts_node_child_by_field_name(call, "function", 8);
	if (ts_node_is_null(fn)) fn = ts_node_child_by_field_name(call, "type", 4);
	if (ts_node_is_null(fn)) fn = ts_node_child_by_field_name(call, "name", 4);
	return ts_node_is_null(fn) ? "" : code__text(c, fn);
}

/* A call on the line of a detected construct that only wraps it
 * (`this.alarms.push(new Alarm(...))`): its callee does not name the class,
 * one of its arguments on the same line does. The construct is that argument. */
static bool code__wraps(code_ctx *c, TSNode call, const char *native_type)
{
	const char *cls = native_type + strlen(native_type);
	while (cls > native_type && cls[-1] != '/' && cls[-1] != '.') cls--;
	if (!*cls || strstr(code__callee(c, call), cls)) return false;
	TSNode args = ts_node_child_by_field_name(call, "arguments", 9);
	unsigned line = ig_node_line(call);
	for (uint32_t i = 0; !ts_node_is_null(args) && i < ts_node_named_child_count(args); i++) {
		TSNode a = ts_node_named_child(args, i);
		const char *t = ts_node_type(a);
		if ((strcmp(t, "new_expression") == 0 || strcmp(t, "call_expression") == 0 || strcmp(t, "call") == 0) &&
		    ig_node_line(a) == line && strstr(code__callee(c, a), cls))
			return true;
	}
	return false;
}

static const ig_resource *code__match(code_ctx *c, TSNode call)
{
	unsigned line = ig_node_line(call);
	for (size_t i = 0; i < c->n_found; i++)
		if (!c->used[i] && c->found[i].line == line && !ig_starts_with(c->found[i].native_type, "boto3:") &&
		    !code__wraps(c, call, c->found[i].native_type)) {
			c->used[i] = true;
			return &c->found[i];
		}
	return NULL;
}

static void code__resource(code_ctx *c, TSNode call, const ig_resource *d, TSNode holder)
{
	ig_model *m = c->m;
	ig_platform plat = c->f->platform;
	TSNode args = ts_node_child_by_field_name(call, "arguments", 9);
	ig_model_resource *r = mdl_resource(m, d->native_type, d->native_type, code__span(c, call));
	r->platform = plat;
	r->lang = c->f->lang;
	r->service = d->service;
	r->count = c->times;
	if (!code__types(c, r, plat, d->native_type)) {
		m->n_resources--; /* the last one pushed, not referred to yet */
		return;
	}
	/* positional arguments: (scope, id, props) for CDK and CDKTF, (name, args, opts) for Pulumi */
	TSNode pos[4];
	int np = 0;
	ig_model_value *kw = NULL;
	for (uint32_t i = 0; !ts_node_is_null(args) && i < ts_node_named_child_count(args); i++) {
		TSNode a = ts_node_named_child(args, i);
		if (code__is(a, "comment")) continue;
		if (code__is(a, "dictionary_splat")) {
			/* **base: the keywords of a known dict */
			if (!kw) kw = mdl_val(m, IG_MV_MAP, code__span(c, a));
			code__spread(c, kw, ts_node_named_child(a, 0), 1);
		} else if (code__is(a, "keyword_argument")) {
			if (!kw) kw = mdl_val(m, IG_MV_MAP, code__span(c, a));
			mdl_push_item(m, kw, code__text(c, ts_node_child_by_field_name(a, "name", 4)),
				      code__value(c, ts_node_child_by_field_name(a, "value", 5), 1));
		} else if (np < 4) pos[np++] = a;
	}
	int id_at = plat == IG_PLAT_PULUMI ? 0 : 1, props_at = id_at + 1;
	if (np > id_at) {
		r->name_value = code__value(c, pos[id_at], 1);
		r->name = r->name_value->kind == IG_MV_STRING ? r->name_value->text : r->name_value->text;
	} else if (d->name) r->name = ig_arena_strdup(&m->arena, d->name);
	if (r->name_value && r->name_value->uses_env_suffix) r->name_uses_env_suffix = true;
	ig_model_value *props = np > props_at ? code__value(c, pos[props_at], 1) : NULL;
	if (kw && c->py) {
		/* Python: keywords are the props (Pulumi's `opts=` is not one) */
		for (size_t i = 0; i < kw->n; i++)
			if (strcmp(kw->keys[i], "opts") != 0) code__prop(m, r, kw->keys[i], kw->items[i]);
		if (props && props->kind == IG_MV_MAP)
			for (size_t i = 0; i < props->n; i++) code__prop(m, r, props->keys[i], props->items[i]);
	} else if (props && props->kind == IG_MV_MAP) {
		for (size_t i = 0; i < props->n; i++) code__prop(m, r, props->keys[i], props->items[i]);
	} else if (props && props->kind == IG_MV_CALL && c->py) {
		/* Python args classes: BucketArgs(versioning=...) */
		for (size_t i = 0; i < props->n; i++)
			if (props->items[i]->kind == IG_MV_MAP && props->items[i]->text)
				for (size_t k = 0; k < props->items[i]->n; k++)
					code__prop(m, r, props->items[i]->keys[k], props->items[i]->items[k]);
	} else if (props) {
		code__prop(m, r, "...", props);
	}
	if (plat == IG_PLAT_CDK) code__defaults(c, r);
	if (!ts_node_is_null(holder)) {
		const char *h = code__text(c, holder);
		ig_strmap_put(&c->res_vars, h, strlen(h), r);
	}
}

/* The props of a call as a map: the first object argument (TypeScript) or
 * the keywords (Python); NULL when there is none. */
static ig_model_value *code__call_props(code_ctx *c, TSNode call)
{
	ig_model_value *v = code__call(c, call, 1);
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i]->kind == IG_MV_MAP) return v->items[i];
	return NULL;
}

static const ig_model_value *code__get(const ig_model_value *map, const char *key)
{
	for (size_t i = 0; map && map->kind == IG_MV_MAP && i < map->n; i++)
		if (mdl_folded_eq(map->keys[i], key, strlen(key))) return map->items[i];
	return NULL;
}

/* Stack facts from calls that are not resources: a provider (Pulumi's
 * aws.Provider, CDKTF's AwsProvider) with its region, alias and default tags;
 * a stack's `env: { region }` (CDK). */
static void code__stack_call(code_ctx *c, TSNode call)
{
	bool isnew = code__is(call, "new_expression");
	TSNode fn = ts_node_child_by_field_name(call, isnew ? "constructor" : "function", isnew ? 11 : 8);
	if (ts_node_is_null(fn)) return;
	const char *name = code__text(c, fn), *last = strrchr(name, '.');
	last = last ? last + 1 : name;
	bool provider = strcmp(last, "AwsProvider") == 0 || (strcmp(last, "Provider") == 0 && c->f->platform == IG_PLAT_PULUMI);
	bool stack = !provider && c->f->platform == IG_PLAT_CDK && strstr(last, "Stack");
	if (!provider && !stack) return;
	ig_model_value *props = code__call_props(c, call);
	if (stack) {
		const ig_model_value *r = code__get(code__get(props, "env"), "region");
		if (r && r->kind == IG_MV_STRING) mdl_region(c->m, r->text);
		return;
	}
	ig_model *m = c->m;
	ig_model_provider *p = IG_PUSH(&m->arena, m->providers, m->n_providers, m->cap_providers);
	p->name = "aws";
	p->span = code__span(c, call);
	const ig_model_value *alias = code__get(props, "alias");
	if (alias && alias->kind == IG_MV_STRING) p->alias = alias->text;
	p->region = (ig_model_value *)code__get(props, "region");
	const ig_model_value *dt = code__get(props, "defaultTags");
	if (dt && dt->kind == IG_MV_LIST && dt->n) dt = dt->items[0]; /* CDKTF: a list of one */
	p->default_tags = (ig_model_value *)code__get(dt, "tags");
	if (p->default_tags && !m->default_tags) m->default_tags = p->default_tags;
}

/* Walk the tree in source order: constructor calls matched to detection's
 * resources, and the variable each is assigned to. */
/* How many times a loop runs its body: a constant bound (`i < 3`, `range(3)`)
 * or a known list (`for (const az of ['a', 'b'])`, `[...].forEach`); 0 when
 * not known, -1 when n is no loop. */
static int code__loop_times(code_ctx *c, TSNode n)
{
	const char *t = ts_node_type(n);
	ig_model_value *v = NULL;
	if (strcmp(t, "for_statement") == 0 && !c->py) {
		TSNode cond = ts_node_child_by_field_name(n, "condition", 9);
		if (code__is(cond, "expression_statement")) cond = ts_node_named_child(cond, 0);
		TSNode op = ts_node_child_by_field_name(cond, "operator", 8), r = ts_node_child_by_field_name(cond, "right", 5);
		TSNode init = ts_node_child_by_field_name(n, "initializer", 11);
		if (!code__is(cond, "binary_expression") || ts_node_is_null(op) || ts_node_is_null(init) || !strstr(code__text(c, init), "= 0"))
			return 0;
		v = code__value(c, r, 1);
		if (v->kind != IG_MV_NUMBER || v->num < 0 || v->num > 1000) return 0;
		return (int)v->num + (ig_node_text_eq(c->p, op, "<=") ? 1 : 0);
	}
	if (strcmp(t, "for_in_statement") == 0 || (c->py && strcmp(t, "for_statement") == 0)) {
		TSNode r = ts_node_child_by_field_name(n, "right", 5);
		if (ts_node_is_null(r)) return 0;
		if (c->py && code__is(r, "call") && ig_node_text_eq(c->p, ts_node_child_by_field_name(r, "function", 8), "range")) {
			v = code__call(c, r, 1);
			return v->n == 1 && v->items[0]->kind == IG_MV_NUMBER && v->items[0]->num >= 0 && v->items[0]->num <= 1000
				       ? (int)v->items[0]->num : 0;
		}
		v = code__value(c, r, 1);
		return v->kind == IG_MV_LIST || v->kind == IG_MV_MAP ? (int)v->n : 0;
	}
	if (strcmp(t, "call_expression") == 0) {
		TSNode fn = ts_node_child_by_field_name(n, "function", 8);
		TSNode prop = code__is(fn, "member_expression") ? ts_node_child_by_field_name(fn, "property", 8) : (TSNode){0};
		if (ts_node_is_null(prop) || !(ig_node_text_eq(c->p, prop, "forEach") || ig_node_text_eq(c->p, prop, "map"))) return -1;
		v = code__value(c, ts_node_child_by_field_name(fn, "object", 6), 1);
		return v->kind == IG_MV_LIST ? (int)v->n : 0;
	}
	return -1;
}

static void code__walk(code_ctx *c, TSNode n, TSNode holder, int depth)
{
	if (depth > 400) return;
	const char *t = ts_node_type(n);
	int times = code__loop_times(c, n);
	int outer = c->times;
	if (times >= 0) c->times = c->times > 0 && times > 0 ? c->times * times : 0;
	if (strcmp(t, "variable_declarator") == 0) holder = ts_node_child_by_field_name(n, "name", 4);
	else if (strcmp(t, "assignment_expression") == 0 || strcmp(t, "assignment") == 0 ||
		 strcmp(t, "public_field_definition") == 0) {
		holder = ts_node_child_by_field_name(n, strcmp(t, "public_field_definition") == 0 ? "name" : "left",
						     strcmp(t, "public_field_definition") == 0 ? 4 : 4);
	} else if (strcmp(t, "new_expression") == 0 || strcmp(t, "call") == 0 || strcmp(t, "call_expression") == 0 ||
		   strcmp(t, "object_creation_expression") == 0 || strcmp(t, "method_invocation") == 0) {
		const ig_resource *d = c->n_found ? code__match(c, n) : NULL;
		if (!d) code__stack_call(c, n);
		if (d) {
			/* arguments first: a resource made inside another's props comes before it */
			for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) code__walk(c, ts_node_named_child(n, i), (TSNode){0}, depth + 1);
			code__resource(c, n, d, holder);
			c->times = outer;
			return;
		}
	} else if (strcmp(t, "expression_statement") != 0 && strcmp(t, "parenthesized_expression") != 0 &&
		   strcmp(t, "as_expression") != 0 && strcmp(t, "await_expression") != 0) {
		holder = (TSNode){0};
	}
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) code__walk(c, ts_node_named_child(n, i), holder, depth + 1);
	c->times = outer;
}

/* Languages without a props reader: the detected resources with their types. */
static void code__bare(code_ctx *c)
{
	for (size_t i = 0; i < c->n_found; i++) {
		const ig_resource *d = &c->found[i];
		if (ig_starts_with(d->native_type, "boto3:")) continue;
		ig_model_resource *r = mdl_resource(c->m, d->native_type, d->native_type,
						    mdl_span(c->file_id, c->f->path, d->line, d->line));
		r->platform = c->f->platform;
		r->lang = c->f->lang;
		r->service = d->service;
		if (d->name) r->name = ig_arena_strdup(&c->m->arena, d->name);
		if (!code__types(c, r, c->f->platform, d->native_type)) c->m->n_resources--;
	}
}

/* Top-level bindings only: a constant inside a function belongs to it. */
static void code__top_consts(code_ctx *c, TSNode root)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(root); i++) {
		TSNode s = ts_node_named_child(root, i);
		if (code__is(s, "export_statement")) s = ts_node_named_child(s, 0);
		if (code__is(s, "expression_statement") && c->py) s = ts_node_named_child(s, 0);
		if (code__is(s, "lexical_declaration") || (c->py && code__is(s, "assignment"))) {
			if (c->py) {
				TSNode l = ts_node_child_by_field_name(s, "left", 4);
				if (!code__is(l, "identifier")) continue;
				ig_model_value *v = code__value(c, ts_node_child_by_field_name(s, "right", 5), 1);
				const char *k = code__text(c, l);
				if (v->kind != IG_MV_UNRESOLVED && !ig_strmap_get(&c->m->constants, k, strlen(k)))
					ig_strmap_put(&c->m->constants, ig_arena_strdup(&c->m->arena, k), strlen(k), v);
				continue;
			}
			TSNode kw = ts_node_child(s, 0);
			if (!ig_node_text_eq(c->p, kw, "const")) continue;
			for (uint32_t k = 0; k < ts_node_named_child_count(s); k++) {
				TSNode d = ts_node_named_child(s, k);
				TSNode name = ts_node_child_by_field_name(d, "name", 4);
				if (!code__is(d, "variable_declarator") || !code__is(name, "identifier")) continue;
				ig_model_value *v = code__value(c, ts_node_child_by_field_name(d, "value", 5), 1);
				const char *key = code__text(c, name);
				if (v->kind != IG_MV_UNRESOLVED && !ig_strmap_get(&c->m->constants, key, strlen(key)))
					ig_strmap_put(&c->m->constants, ig_arena_strdup(&c->m->arena, key), strlen(key), v);
			}
		}
	}
}

void mdl_code_symbols(ig_model *m, const ig_file *f, int file_id)
{
	if (f->lang != IG_LANG_TS && f->lang != IG_LANG_TSX && f->lang != IG_LANG_JS && f->lang != IG_LANG_PY) return;
	if (!f->text || !f->len) return;
	ig_arena tmp;
	ig_arena_init(&tmp);
	ig_file copy = *f;
	memset(&copy.imports, 0, sizeof copy.imports);
	ig_parse p = {0};
	if (mdl_parse(&p, &tmp, f, f->lang)) {
		copy.parse = p;
		if (mdl_same_tree(f)) copy.imports = f->imports;
		else ig_imports_collect(&tmp, &p, &copy.imports);
		code_ctx c = {.m = m, .f = &copy, .p = &p, .tmp = &tmp, .file_id = file_id, .py = f->lang == IG_LANG_PY,
			      .budget = 50000, .times = 1, .symbols = true};
		ig_strmap_init(&c.consts, &tmp);
		ig_strmap_init(&c.scoped, &tmp);
		ig_strmap_init(&c.res_vars, &tmp);
		code__collect(&c, ts_tree_root_node(p.tree), 0);
		code__top_consts(&c, ts_tree_root_node(p.tree));
	}
	ig_parse_release(&p);
	ig_arena_free(&tmp);
}

void mdl_code_file(ig_model *m, const ig_file *f, int file_id)
{
	ig_arena tmp;
	ig_arena_init(&tmp);
	ig_file copy = *f;
	copy.resources = NULL;
	copy.n_resources = copy.cap_resources = 0;
	memset(&copy.imports, 0, sizeof copy.imports);
	ig_parse p = {0};
	if (mdl_parse(&p, &tmp, f, f->lang)) {
		copy.parse = p;
		/* the analysis detected this very tree: its resources, imports and
		 * platform are read, not found again */
		if (mdl_same_tree(f)) copy.resources = f->resources, copy.n_resources = copy.cap_resources = f->n_resources,
				      copy.imports = f->imports;
		else ig_detect_file(&tmp, &copy);
		if (copy.platform == IG_PLAT_CDK || copy.platform == IG_PLAT_CDKTF || copy.platform == IG_PLAT_PULUMI) {
			code_ctx c = {.m = m, .f = &copy, .p = &p, .tmp = &tmp, .file_id = file_id,
				      .py = f->lang == IG_LANG_PY, .found = copy.resources, .n_found = copy.n_resources,
				      .budget = 200000, .times = 1};
			c.used = ig_arena_alloc(&tmp, (copy.n_resources + 1) * sizeof *c.used);
			ig_strmap_init(&c.consts, &tmp);
			ig_strmap_init(&c.scoped, &tmp);
			ig_strmap_init(&c.res_vars, &tmp);
			if (f->lang == IG_LANG_TS || f->lang == IG_LANG_TSX || f->lang == IG_LANG_JS || f->lang == IG_LANG_PY) {
				code__collect(&c, ts_tree_root_node(p.tree), 0);
				code__walk(&c, ts_tree_root_node(p.tree), (TSNode){0}, 0);
			} else code__bare(&c);
			if (m->platform == IG_PLAT_UNKNOWN) m->platform = copy.platform;
		}
	}
	ig_parse_release(&p);
	ig_arena_free(&tmp);
}
