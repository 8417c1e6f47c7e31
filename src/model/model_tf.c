/* Terraform adapter: HCL blocks into the model. Resources are named by their
 * Terraform address ("aws_s3_bucket.logs", "module.vpc"), which is what a
 * reference writes, so references resolve by name. Variables with a default
 * and locals are followed where they are scalar; anything computed (count.index,
 * a conditional, a for expression) stays unresolved with its text. */
#include "model/model_int.h"
#include "util/buf.h"
#include "util/strutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tf_ctx {
	ig_model *m;
	const ig_file *f;
	const ig_parse *p;
	ig_arena *tmp;
	int file_id;
} tf_ctx;

static const char *tf__text(tf_ctx *c, TSNode n) { return ig_node_text(c->tmp, c->p, n); }
static bool tf__is(TSNode n, const char *type) { return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0; }

static ig_model_span tf__span(tf_ctx *c, TSNode n)
{
	if (ts_node_is_null(n)) return mdl_span(c->file_id, c->f->path, 0, 0);
	return mdl_span(c->file_id, c->f->path, ts_node_start_point(n).row + 1, ts_node_end_point(n).row + 1);
}

static ig_model_value *tf__expr(tf_ctx *c, TSNode n, int depth);
static ig_model_value *tf__body(tf_ctx *c, TSNode body, int depth);

/* A string literal's text (template_literal children joined). */
static const char *tf__string_lit(tf_ctx *c, TSNode n)
{
	ig_buf b = {0};
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
		TSNode k = ts_node_named_child(n, i);
		if (tf__is(k, "template_literal")) ig_buf_puts(&b, tf__text(c, k));
	}
	const char *s = ig_arena_strdup(c->tmp, b.len ? ig_buf_cstr(&b) : "");
	ig_buf_free(&b);
	return s;
}

static const ig_model_named *tf__find(const ig_model_named *items, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(items[i].name, name) == 0) return &items[i];
	return NULL;
}

/* A copy of a known scalar for another place, keeping what it came from. */
static ig_model_value *tf__copy_scalar(tf_ctx *c, const ig_model_value *v, TSNode at, bool env)
{
	ig_model_value *o = mdl_val(c->m, v->kind, tf__span(c, at));
	o->b = v->b;
	o->num = v->num;
	o->text = v->text;
	o->uses_env_suffix = v->uses_env_suffix || env;
	return o;
}

static bool tf__scalar(const ig_model_value *v)
{
	return v && (v->kind == IG_MV_STRING || v->kind == IG_MV_NUMBER || v->kind == IG_MV_BOOL);
}

/* variable_expr followed by get_attr / index parts: var.x, local.y, aws_s3_bucket.b.arn, data.x.y.id, module.m.out */
static ig_model_value *tf__traversal(tf_ctx *c, TSNode expr, int depth)
{
	ig_model *m = c->m;
	const char *parts[8];
	int np = 0;
	bool plain = true;
	for (uint32_t i = 0; i < ts_node_named_child_count(expr); i++) {
		TSNode k = ts_node_named_child(expr, i);
		if (tf__is(k, "variable_expr") || tf__is(k, "get_attr")) {
			TSNode id = ts_node_named_child(k, 0);
			if (np < 8 && !ts_node_is_null(id)) parts[np++] = tf__text(c, id);
		} else plain = false; /* an index or a splat: the instance is not known */
	}
	const char *text = tf__text(c, expr);
	if (np == 0) return mdl_unresolved(m, text, tf__span(c, expr));
	const char *root = parts[0];
	if (strcmp(root, "var") == 0 && np >= 2) {
		bool env = mdl_text_has_env_suffix(parts[1]);
		const ig_model_named *x = tf__find(m->parameters, m->n_parameters, parts[1]);
		if (np == 2 && x && tf__scalar(x->value)) return tf__copy_scalar(c, x->value, expr, env);
		ig_model_value *v = mdl_val(m, IG_MV_REF, tf__span(c, expr));
		v->ref_target = IG_REF_PARAMETER;
		v->ref_name = ig_arena_strdup(&m->arena, parts[1]);
		v->text = ig_arena_strdup(&m->arena, text);
		v->uses_env_suffix = env;
		return v;
	}
	if (strcmp(root, "local") == 0 && np >= 2) {
		const ig_model_named *x = tf__find(m->locals, m->n_locals, parts[1]);
		if (np == 2 && x && x->value && x->value->kind != IG_MV_UNRESOLVED) {
			if (tf__scalar(x->value)) return tf__copy_scalar(c, x->value, expr, false);
			return x->value; /* a shared subtree: values are read-only once built */
		}
		ig_model_value *v = mdl_unresolved(m, text, tf__span(c, expr));
		if (x && x->value && x->value->uses_env_suffix) v->uses_env_suffix = true;
		return v;
	}
	if (strcmp(root, "data") == 0 && np >= 3) {
		ig_model_value *v = mdl_val(m, IG_MV_REF, tf__span(c, expr));
		v->ref_target = IG_REF_PSEUDO;
		v->ref_name = ig_arena_printf(&m->arena, "data.%s.%s", parts[1], parts[2]);
		v->ref_attr = np >= 4 ? ig_arena_strdup(&m->arena, parts[3]) : NULL;
		v->text = ig_arena_strdup(&m->arena, text);
		return v;
	}
	if ((strcmp(root, "module") == 0 && np >= 2) || (np >= 2 && strchr(root, '_') && strcmp(root, "count") != 0)) {
		ig_model_value *v = mdl_val(m, IG_MV_REF, tf__span(c, expr));
		v->ref_target = IG_REF_RESOURCE;
		v->ref_name = ig_arena_printf(&m->arena, "%s.%s", root, parts[1]);
		v->ref_attr = np >= 3 ? ig_arena_strdup(&m->arena, parts[2]) : NULL;
		v->text = ig_arena_strdup(&m->arena, text);
		(void)plain;
		return v;
	}
	(void)depth;
	return mdl_unresolved(m, text, tf__span(c, expr));
}

/* "prefix-${var.environment_suffix}": known when every part is a known scalar. */
static ig_model_value *tf__template(tf_ctx *c, TSNode tmpl, TSNode at, int depth)
{
	ig_model *m = c->m;
	ig_buf b = {0};
	bool known = true, env = false;
	for (uint32_t i = 0; i < ts_node_named_child_count(tmpl); i++) {
		TSNode k = ts_node_named_child(tmpl, i);
		if (tf__is(k, "template_literal")) ig_buf_puts(&b, tf__text(c, k));
		else if (tf__is(k, "template_interpolation")) {
			TSNode e = ts_node_named_child(k, 1);
			if (!tf__is(e, "expression")) e = ts_node_named_child(k, 0);
			ig_model_value *v = tf__is(e, "expression") ? tf__expr(c, e, depth + 1) : NULL;
			if (v && v->uses_env_suffix) env = true;
			if (v && (v->kind == IG_MV_STRING || v->kind == IG_MV_NUMBER)) ig_buf_puts(&b, v->text);
			else if (v && v->kind == IG_MV_BOOL) ig_buf_puts(&b, v->b ? "true" : "false");
			else {
				known = false;
				ig_buf_printf(&b, "${%s}", tf__is(e, "expression") ? tf__text(c, e) : "");
			}
		} else if (!tf__is(k, "quoted_template_start") && !tf__is(k, "quoted_template_end") &&
			   !tf__is(k, "heredoc_start") && !tf__is(k, "heredoc_identifier")) {
			known = false; /* a template directive (%{ if }): not evaluated */
			ig_buf_puts(&b, tf__text(c, k));
		}
	}
	const char *s = b.len ? ig_buf_cstr(&b) : "";
	ig_model_value *v = known ? mdl_str(m, s, tf__span(c, at)) : mdl_unresolved(m, s, tf__span(c, at));
	if (env) v->uses_env_suffix = true;
	ig_buf_free(&b);
	return v;
}

static ig_model_value *tf__expr(tf_ctx *c, TSNode n, int depth)
{
	ig_model *m = c->m;
	if (ts_node_is_null(n)) return mdl_unresolved(m, "", mdl_span(c->file_id, c->f->path, 0, 0));
	if (depth > 48) return mdl_unresolved(m, tf__text(c, n), tf__span(c, n));
	if (tf__is(n, "expression")) {
		TSNode first = ts_node_named_child(n, 0);
		if (tf__is(first, "variable_expr")) return tf__traversal(c, n, depth);
		if (ts_node_named_child_count(n) == 1) return tf__expr(c, first, depth + 1);
		return mdl_unresolved(m, tf__text(c, n), tf__span(c, n));
	}
	const char *type = ts_node_type(n);
	if (strcmp(type, "literal_value") == 0) return tf__expr(c, ts_node_named_child(n, 0), depth + 1);
	if (strcmp(type, "numeric_lit") == 0) {
		ig_model_value *v = mdl_val(m, IG_MV_NUMBER, tf__span(c, n));
		v->text = ig_arena_strdup(&m->arena, tf__text(c, n));
		v->num = strtod(v->text, NULL);
		return v;
	}
	if (strcmp(type, "bool_lit") == 0) {
		ig_model_value *v = mdl_val(m, IG_MV_BOOL, tf__span(c, n));
		v->b = ig_node_text_eq(c->p, n, "true");
		return v;
	}
	if (strcmp(type, "null_lit") == 0) return mdl_val(m, IG_MV_NULL, tf__span(c, n));
	if (strcmp(type, "string_lit") == 0) return mdl_str(m, tf__string_lit(c, n), tf__span(c, n));
	if (strcmp(type, "template_expr") == 0) {
		TSNode t = ts_node_named_child(n, 0);
		return tf__template(c, t, n, depth);
	}
	if (strcmp(type, "collection_value") == 0) return tf__expr(c, ts_node_named_child(n, 0), depth + 1);
	if (strcmp(type, "tuple") == 0) {
		ig_model_value *v = mdl_val(m, IG_MV_LIST, tf__span(c, n));
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
			TSNode k = ts_node_named_child(n, i);
			if (tf__is(k, "expression")) mdl_push_item(m, v, NULL, tf__expr(c, k, depth + 1));
		}
		return v;
	}
	if (strcmp(type, "object") == 0) {
		ig_model_value *v = mdl_val(m, IG_MV_MAP, tf__span(c, n));
		for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
			TSNode el = ts_node_named_child(n, i);
			if (!tf__is(el, "object_elem")) continue;
			TSNode k = ts_node_child_by_field_name(el, "key", 3), val = ts_node_child_by_field_name(el, "val", 3);
			if (ts_node_is_null(k) || ts_node_is_null(val)) continue;
			/* a bare key is its own name, not a variable */
			TSNode kk = ts_node_named_child(k, 0);
			const char *key;
			if (tf__is(kk, "variable_expr") && ts_node_named_child_count(k) == 1) key = tf__text(c, kk);
			else {
				ig_model_value *kv = tf__expr(c, k, depth + 1);
				key = kv->kind == IG_MV_STRING ? kv->text : tf__text(c, k);
			}
			mdl_push_item(m, v, key, tf__expr(c, val, depth + 1));
		}
		return v;
	}
	if (strcmp(type, "function_call") == 0) {
		ig_model_value *v = mdl_val(m, IG_MV_CALL, tf__span(c, n));
		v->text = ig_arena_strdup(&m->arena, tf__text(c, ts_node_named_child(n, 0)));
		TSNode args = ts_node_named_child(n, 1);
		for (uint32_t i = 0; tf__is(args, "function_arguments") && i < ts_node_named_child_count(args); i++) {
			TSNode k = ts_node_named_child(args, i);
			if (tf__is(k, "expression")) {
				ig_model_value *a = tf__expr(c, k, depth + 1);
				if (a->uses_env_suffix) v->uses_env_suffix = true;
				mdl_push_item(m, v, NULL, a);
			}
		}
		return v;
	}
	if (strcmp(type, "heredoc_template") == 0) return tf__template(c, n, n, depth);
	return mdl_unresolved(m, tf__text(c, n), tf__span(c, n));
}

/* A block's body as a map: attributes, and nested blocks by type (a block
 * given more than once becomes a list of maps). */
static void tf__put(ig_model *m, ig_model_value *map, const char *key, ig_model_value *v)
{
	for (size_t i = 0; i < map->n; i++) {
		if (strcmp(map->keys[i], key) != 0) continue;
		ig_model_value *old = map->items[i];
		if (old->kind != IG_MV_LIST || !old->text || strcmp(old->text, "repeated") != 0) {
			ig_model_value *l = mdl_val(m, IG_MV_LIST, old->span);
			l->text = "repeated";
			mdl_push_item(m, l, NULL, old);
			map->items[i] = old = l;
		}
		mdl_push_item(m, old, NULL, v);
		return;
	}
	mdl_push_item(m, map, key, v);
}

static TSNode tf__block_body(TSNode blk)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(blk); i++)
		if (tf__is(ts_node_named_child(blk, i), "body")) return ts_node_named_child(blk, i);
	TSNode none = {0};
	return none;
}

static const char *tf__label(tf_ctx *c, TSNode blk, uint32_t k)
{
	TSNode l = ts_node_named_child(blk, k);
	if (tf__is(l, "string_lit")) return tf__string_lit(c, l);
	if (tf__is(l, "identifier")) return tf__text(c, l);
	return NULL;
}

static ig_model_value *tf__body(tf_ctx *c, TSNode body, int depth)
{
	ig_model *m = c->m;
	ig_model_value *v = mdl_val(m, IG_MV_MAP, tf__span(c, body));
	if (ts_node_is_null(body)) return v;
	for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
		TSNode k = ts_node_named_child(body, i);
		if (tf__is(k, "attribute")) {
			tf__put(m, v, tf__text(c, ts_node_named_child(k, 0)), tf__expr(c, ts_node_named_child(k, 1), depth + 1));
		} else if (tf__is(k, "block")) {
			const char *name = tf__text(c, ts_node_named_child(k, 0));
			if (strcmp(name, "dynamic") == 0) {
				/* dynamic "x" { for_each ...; content {...} }: as many blocks as the collection */
				const char *label = tf__label(c, k, 1);
				tf__put(m, v, label ? label : name, mdl_unresolved(m, tf__text(c, k), tf__span(c, k)));
				continue;
			}
			if (depth > 32) continue;
			tf__put(m, v, name, tf__body(c, tf__block_body(k), depth + 1));
		}
	}
	return v;
}

static void tf__resource(tf_ctx *c, TSNode blk, bool module)
{
	ig_model *m = c->m;
	const char *type = module ? "module" : tf__label(c, blk, 1), *name = tf__label(c, blk, module ? 1 : 2);
	if (!type || !name) return;
	ig_model_value *body = tf__body(c, tf__block_body(blk), 0);
	ig_model_resource *r;
	if (module) {
		const char *src = NULL;
		for (size_t i = 0; i < body->n; i++)
			if (strcmp(body->keys[i], "source") == 0 && body->items[i]->kind == IG_MV_STRING) src = body->items[i]->text;
		r = mdl_resource(m, "module", src ? src : "module", tf__span(c, blk));
		r->level = IG_LEVEL_MODULE;
	} else {
		r = mdl_resource(m, type, type, tf__span(c, blk));
		r->level = IG_LEVEL_PROVIDER;
		mdl_canon_tf(r, r->type); /* r->type is the model's copy: `type` goes with the parse */
	}
	r->platform = IG_PLAT_TF;
	r->lang = IG_LANG_HCL;
	r->name = ig_arena_printf(&m->arena, "%s.%s", module ? "module" : type, name);
	r->name_value = mdl_str(m, name, tf__span(c, blk));
	for (size_t i = 0; i < body->n; i++) {
		const char *k = body->keys[i];
		ig_model_value *x = body->items[i];
		if (strcmp(k, "count") == 0) r->count = x->kind == IG_MV_NUMBER && x->num >= 0 && x->num < 1e6 ? (int)x->num : 0;
		if (strcmp(k, "for_each") == 0) r->count = (x->kind == IG_MV_MAP || x->kind == IG_MV_LIST) ? (int)x->n : 0;
		/* an inline block CloudFormation keeps under the same property as a separate resource
		 * (versioning {} and aws_s3_bucket_versioning) takes that resource's shape */
		if (!module && mdl_tf_inline(m, r, k, x)) continue;
		mdl_prop(m, r, k, x);
	}
	/* the name argument of the resource, when it has one, names it in AWS */
	static const char *const name_args[] = {"name", "bucket", "function_name", "table_name", "cluster_identifier",
						"identifier", "name_prefix", "bucket_prefix", "repository_name", "queue_name",
						"topic_name", "role_name", "db_name"};
	for (size_t i = 0; i < sizeof name_args / sizeof *name_args && !module; i++) {
		const ig_model_value *nv = ig_model_prop_get(r, name_args[i]);
		if (nv && nv->uses_env_suffix) r->name_uses_env_suffix = true;
	}
}

static void tf__provider(tf_ctx *c, TSNode blk)
{
	ig_model *m = c->m;
	const char *name = tf__label(c, blk, 1);
	if (!name) return;
	ig_model_value *body = tf__body(c, tf__block_body(blk), 0);
	ig_model_provider *p = IG_PUSH(&m->arena, m->providers, m->n_providers, m->cap_providers);
	p->name = ig_arena_strdup(&m->arena, name);
	p->span = tf__span(c, blk);
	for (size_t i = 0; i < body->n; i++) {
		if (strcmp(body->keys[i], "alias") == 0 && body->items[i]->kind == IG_MV_STRING) p->alias = body->items[i]->text;
		if (strcmp(body->keys[i], "region") == 0) p->region = body->items[i];
		if (strcmp(body->keys[i], "default_tags") == 0) {
			const ig_model_value *dt = body->items[i];
			for (size_t k = 0; dt->kind == IG_MV_MAP && k < dt->n; k++)
				if (strcmp(dt->keys[k], "tags") == 0) p->default_tags = dt->items[k];
		}
	}
	if (p->default_tags && !m->default_tags) m->default_tags = p->default_tags;
}

static ig_model_value *tf__attr(ig_model_value *body, const char *key)
{
	for (size_t i = 0; body && i < body->n; i++)
		if (strcmp(body->keys[i], key) == 0) return body->items[i];
	return NULL;
}

/* Variables and locals first, in every file, so that resources in any file
 * read them (mdl_tf_file). */
static void tf__symbols(tf_ctx *c, TSNode body_node)
{
	ig_model *m = c->m;
	for (uint32_t i = 0; i < ts_node_named_child_count(body_node); i++) {
		TSNode blk = ts_node_named_child(body_node, i);
		if (!tf__is(blk, "block")) continue;
		const char *kind = tf__text(c, ts_node_named_child(blk, 0));
		if (strcmp(kind, "variable") == 0) {
			const char *name = tf__label(c, blk, 1);
			if (!name || tf__find(m->parameters, m->n_parameters, name)) continue;
			ig_model_value *body = tf__body(c, tf__block_body(blk), 0);
			ig_model_named *x = mdl_named(m, &m->parameters, &m->n_parameters, &m->cap_parameters, name,
						      tf__attr(body, "default"), tf__span(c, blk));
			const ig_model_value *t = tf__attr(body, "type"), *d = tf__attr(body, "description");
			if (t) x->type = t->text;
			if (d && d->kind == IG_MV_STRING) x->description = d->text;
		} else if (strcmp(kind, "locals") == 0) {
			TSNode b = tf__block_body(blk);
			for (uint32_t k = 0; !ts_node_is_null(b) && k < ts_node_named_child_count(b); k++) {
				TSNode a = ts_node_named_child(b, k);
				if (!tf__is(a, "attribute")) continue;
				mdl_named(m, &m->locals, &m->n_locals, &m->cap_locals, tf__text(c, ts_node_named_child(a, 0)),
					  tf__expr(c, ts_node_named_child(a, 1), 0), tf__span(c, a));
			}
		}
	}
}

static void tf__blocks(tf_ctx *c, TSNode body_node)
{
	ig_model *m = c->m;
	for (uint32_t i = 0; i < ts_node_named_child_count(body_node); i++) {
		TSNode blk = ts_node_named_child(body_node, i);
		if (!tf__is(blk, "block")) continue;
		const char *kind = tf__text(c, ts_node_named_child(blk, 0));
		if (strcmp(kind, "resource") == 0) tf__resource(c, blk, false);
		else if (strcmp(kind, "module") == 0) tf__resource(c, blk, true);
		else if (strcmp(kind, "provider") == 0) tf__provider(c, blk);
		else if (strcmp(kind, "output") == 0) {
			const char *name = tf__label(c, blk, 1);
			if (!name) continue;
			ig_model_value *body = tf__body(c, tf__block_body(blk), 0);
			ig_model_named *x = mdl_named(m, &m->outputs, &m->n_outputs, &m->cap_outputs, name, tf__attr(body, "value"), tf__span(c, blk));
			const ig_model_value *d = tf__attr(body, "description");
			if (d && d->kind == IG_MV_STRING) x->description = d->text;
		}
	}
}

static TSNode tf__root_body(const ig_parse *p)
{
	TSNode root = ts_tree_root_node(p->tree);
	for (uint32_t i = 0; i < ts_node_named_child_count(root); i++)
		if (tf__is(ts_node_named_child(root, i), "body")) return ts_node_named_child(root, i);
	return root;
}

static void tf__run(ig_model *m, const ig_file *f, int file_id, bool symbols)
{
	if (!f->text || f->lang != IG_LANG_HCL) return;
	ig_arena tmp;
	ig_arena_init(&tmp);
	ig_parse p = {0};
	if (mdl_parse(&p, &tmp, f, IG_LANG_HCL)) {
		tf_ctx c = {.m = m, .f = f, .p = &p, .tmp = &tmp, .file_id = file_id};
		if (symbols) tf__symbols(&c, tf__root_body(&p));
		else tf__blocks(&c, tf__root_body(&p));
	}
	ig_parse_release(&p);
	ig_arena_free(&tmp);
}

void mdl_tf_symbols(ig_model *m, const ig_file *f, int file_id) { tf__run(m, f, file_id, true); }
void mdl_tf_file(ig_model *m, const ig_file *f, int file_id) { tf__run(m, f, file_id, false); }
