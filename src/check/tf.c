/* Terraform HCL against the AWS provider schema (tf.kb): resource and data
 * source types, their arguments and nested blocks (docs/rules/tf.md).
 *
 * Only `aws_` types are judged; another provider's types are unknown here,
 * not wrong. Meta-arguments and meta-blocks belong to Terraform, not to the
 * provider: they are skipped, and `dynamic "X"` is checked as the block X
 * with its `content` as the body. */
#include "check/tfkb.h"
#include "syntax/syntax.h"
#include "util/strutil.h"
#include <stdio.h>
#include <string.h>

typedef struct tf_walk {
	ig_check_ctx *c;
	const ig_kb *kb;
	const char *top;  /* the type's key: "aws_s3_bucket" or "data.aws_ami" */
	const char *type; /* its Terraform name, for messages */
	bool old_only;    /* the pin excludes the current major: names only in the previous one are right */
} tf_walk;

static const char *tf__text(ig_check_ctx *c, TSNode n) { return ig_node_text(&c->task->arena, c->parse, n); }

static bool tf__is(TSNode n, const char *type) { return strcmp(ts_node_type(n), type) == 0; }

/* A block label: "aws_s3_bucket" (string_lit) or aws_s3_bucket (identifier). */
static const char *tf__label(ig_check_ctx *c, TSNode n)
{
	if (tf__is(n, "identifier")) return tf__text(c, n);
	if (!tf__is(n, "string_lit")) return NULL;
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
		TSNode t = ts_node_named_child(n, i);
		if (tf__is(t, "template_literal")) return tf__text(c, t);
	}
	return NULL; /* an empty or interpolated label */
}

static TSNode tf__body(TSNode blk, bool *found)
{
	*found = false;
	for (uint32_t i = 0; i < ts_node_named_child_count(blk); i++) {
		TSNode n = ts_node_named_child(blk, i);
		if (tf__is(n, "body")) {
			*found = true;
			return n;
		}
	}
	return blk;
}

/* Terraform's own arguments and blocks inside a resource or data block. */
static bool tf__meta_argument(const char *name)
{
	static const char *const meta[] = {"count", "for_each", "depends_on", "provider"};
	for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
		if (strcmp(name, meta[i]) == 0) return true;
	return false;
}

static bool tf__meta_block(const char *name)
{
	static const char *const meta[] = {"lifecycle", "provisioner", "connection"};
	for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
		if (strcmp(name, meta[i]) == 0) return true;
	return false;
}

/* An argument that holds objects (no "NAME block." in the data): Terraform
 * accepts it written as a block too (attributes-as-blocks), so both forms are
 * left alone. */
static bool tf__holds_objects(const ig_kb *kb, const ig_kb_entry *e)
{
	return strstr(ig_kb_str(kb, e->type), "object") != NULL || strstr(ig_kb_str(kb, e->type), "any") != NULL;
}

/* The entry changed between block and argument across the indexed versions. */
static bool tf__kind_changed(const ig_kb *kb, const ig_kb_entry *e)
{
	return ig_starts_with(ig_kb_str(kb, e->extra), "was ");
}

static void tf__removed(tf_walk *w, const ig_kb_entry *e, const char *what, const char *path, unsigned line)
{
	const char *note = ig_tfkb_removed(w->kb, e);
	if (note && !w->old_only)
		ig_check_report(w->c, IG_RULE_TF_REMOVED, line, "keep the provider below its next major, or migrate (see the provider's upgrade guide)",
				"%s `%s` of %s %s", what, path, w->type, note);
}

/* "aws_s3_bucket", or "`rule.copy_action` of aws_backup_plan" for a nested block. */
static const char *tf__where(tf_walk *w, const char *key)
{
	if (strcmp(key, w->top) == 0) return w->type;
	return ig_arena_printf(&w->c->task->arena, "`%s` of %s", key + strlen(w->top) + 1, w->type);
}

static void tf__unknown(tf_walk *w, const char *parent, const char *name, bool block, unsigned line)
{
	const char *where = tf__where(w, parent);
	if (block) {
		const char *home = ig_tfkb_block_home(w->c, w->kb, w->top, name);
		if (home) {
			const char *in = tf__where(w, home);
			ig_check_report(w->c, IG_RULE_TF_MISPLACED_BLOCK, line, ig_arena_printf(&w->c->task->arena, "move it into %s", in),
					"block `%s` does not belong in %s: it is a block of %s", name, where, in);
			return;
		}
	}
	const char *near = ig_tfkb_suggest(w->c, w->kb, parent, name);
	ig_check_report(w->c, IG_RULE_TF_UNKNOWN_ARGUMENT, line, near ? ig_arena_printf(&w->c->task->arena, "did you mean %s?", near) : NULL,
			"%s `%s` does not exist in %s (%s)", block ? "block" : "argument", name, where,
			ig_tfkb_versions(w->c, w->kb));
}

static void tf__body_walk(tf_walk *w, TSNode body, const char *parent, int depth);

static void tf__attribute(tf_walk *w, TSNode attr, const char *parent, bool top)
{
	if (!ts_node_named_child_count(attr)) return;
	TSNode id = ts_node_named_child(attr, 0);
	if (!tf__is(id, "identifier")) return;
	const char *name = tf__text(w->c, id);
	unsigned line = ig_node_line(attr);
	if (top && tf__meta_argument(name)) return;
	const ig_kb_entry *e = ig_kb_child(w->kb, parent, name);
	if (!e || ig_kb_kind_of(e) == IG_KB_ALIAS) {
		tf__unknown(w, parent, name, false, line);
		return;
	}
	if (ig_kb_kind_of(e) == IG_KB_TF_BLOCK && !tf__kind_changed(w->kb, e)) {
		ig_check_report(w->c, IG_RULE_TF_BLOCK_AS_ARGUMENT, line, ig_arena_printf(&w->c->task->arena, "write it as a block: `%s { ... }`", name),
				"`%s` of %s is a nested block, not an argument: `%s = ...` is rejected", name, w->type, name);
		return;
	}
	if (ig_tfkb_read_only(e)) {
		ig_check_report(w->c, IG_RULE_TF_READ_ONLY_ARGUMENT, line, "remove it: the provider computes it; read it as an attribute instead",
				"`%s` of %s is a read-only attribute: it cannot be set", name, w->type);
		return;
	}
	tf__removed(w, e, "argument", name, line);
}

static void tf__block(tf_walk *w, TSNode blk, const char *parent, bool top, int depth)
{
	if (!ts_node_named_child_count(blk)) return;
	TSNode id = ts_node_named_child(blk, 0);
	if (!tf__is(id, "identifier")) return;
	const char *name = tf__text(w->c, id);
	unsigned line = ig_node_line(blk);
	bool has_body;
	TSNode body = tf__body(blk, &has_body);
	if (top && tf__meta_block(name)) return;
	if (strcmp(name, "dynamic") == 0) {
		/* dynamic "X" { for_each = ..., iterator = ..., content { ... } } */
		if (ts_node_named_child_count(blk) < 2) return;
		const char *target = tf__label(w->c, ts_node_named_child(blk, 1));
		if (!target) return;
		const ig_kb_entry *e = ig_kb_child(w->kb, parent, target);
		if (!e || ig_kb_kind_of(e) == IG_KB_ALIAS) {
			tf__unknown(w, parent, target, true, line);
			return;
		}
		if (!has_body) return;
		for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
			TSNode n = ts_node_named_child(body, i);
			if (!tf__is(n, "block") || !ts_node_named_child_count(n) || !ig_node_text_eq(w->c->parse, ts_node_named_child(n, 0), "content"))
				continue;
			bool inner;
			TSNode cb = tf__body(n, &inner);
			if (inner && ig_kb_kind_of(e) == IG_KB_TF_BLOCK && strcmp(ig_kb_str(w->kb, e->type), "any") != 0)
				tf__body_walk(w, cb, ig_kb_key(w->kb, e), depth + 1);
		}
		return;
	}
	const ig_kb_entry *e = ig_kb_child(w->kb, parent, name);
	if (!e || ig_kb_kind_of(e) == IG_KB_ALIAS) {
		tf__unknown(w, parent, name, true, line);
		return;
	}
	if (ig_kb_kind_of(e) == IG_KB_TF_ARGUMENT) {
		if (tf__holds_objects(w->kb, e) || tf__kind_changed(w->kb, e)) return;
		ig_check_report(w->c, IG_RULE_TF_ARGUMENT_AS_BLOCK, line, ig_arena_printf(&w->c->task->arena, "write it as an argument: `%s = ...`", name),
				"`%s` of %s is an argument, not a nested block: `%s { ... }` is rejected", name, w->type, name);
		return;
	}
	tf__removed(w, e, "block", name, line);
	/* a block whose schema the bindings do not spell out ("any") is not descended into */
	if (has_body && strcmp(ig_kb_str(w->kb, e->type), "any") != 0) tf__body_walk(w, body, ig_kb_key(w->kb, e), depth + 1);
}

static void tf__body_walk(tf_walk *w, TSNode body, const char *parent, int depth)
{
	if (depth > IG_TFKB_MAX_DEPTH) return;
	bool top = strcmp(parent, w->top) == 0;
	for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
		TSNode n = ts_node_named_child(body, i);
		if (tf__is(n, "attribute")) tf__attribute(w, n, parent, top);
		else if (tf__is(n, "block")) tf__block(w, n, parent, top, depth);
	}
}

/* resource "TYPE" "NAME" { ... } and data "TYPE" "NAME" { ... } */
static void tf__top_block(ig_check_ctx *c, const ig_kb *kb, TSNode blk, bool old_only)
{
	if (ts_node_named_child_count(blk) < 3) return;
	TSNode id = ts_node_named_child(blk, 0);
	bool data = ig_node_text_eq(c->parse, id, "data");
	if (!data && !ig_node_text_eq(c->parse, id, "resource")) return;
	const char *type = tf__label(c, ts_node_named_child(blk, 1));
	if (!type || !ig_starts_with(type, "aws_")) return;
	const char *key = data ? ig_arena_printf(&c->task->arena, "data.%s", type) : type;
	unsigned line = ig_node_line(blk);
	const ig_kb_entry *e = ig_kb_find(kb, key, strlen(key));
	ig_kb_kind want = data ? IG_KB_TF_DATA : IG_KB_TF_RESOURCE;
	if (!e || ig_kb_kind_of(e) != want) {
		const char *near = ig_tfkb_suggest_type(c, kb, type, data);
		ig_check_report(c, data ? IG_RULE_TF_UNKNOWN_DATA_SOURCE : IG_RULE_TF_UNKNOWN_RESOURCE, line,
				near ? ig_arena_printf(&c->task->arena, "did you mean %s?", near) : NULL,
				"%s type `%s` does not exist (%s)", data ? "data source" : "resource", type, ig_tfkb_versions(c, kb));
		return;
	}
	tf_walk w = {.c = c, .kb = kb, .top = ig_kb_key(kb, e), .type = data ? key : type, .old_only = old_only};
	const char *note = ig_tfkb_removed(kb, e);
	if (note && !old_only)
		ig_check_report(c, IG_RULE_TF_REMOVED, line, "keep the provider below its next major, or migrate (see the provider's upgrade guide)",
				"%s type `%s` %s", data ? "data source" : "resource", type, note);
	bool has_body;
	TSNode body = tf__body(blk, &has_body);
	if (has_body) tf__body_walk(&w, body, w.top, 1);
}

void ig_check_tf(ig_check_ctx *c)
{
	const ig_kb *kb = &c->kb->tf;
	if (!kb->n_entries || c->file->lang != IG_LANG_HCL) return;
	/* pinned below every indexed major: its schema is not indexed, so nothing can be judged */
	int pin = ig_tfpin_max_major(c), oldest = ig_tfkb_major(kb, "provider_previous"), cur = ig_tfkb_major(kb, "provider");
	if (pin >= 0 && pin < (oldest >= 0 ? oldest : cur)) return;
	bool old_only = pin >= 0 && pin < cur;
	TSNode root = ts_tree_root_node(c->parse->tree);
	for (uint32_t i = 0; i < ts_node_named_child_count(root); i++) {
		TSNode body = ts_node_named_child(root, i);
		if (!tf__is(body, "body")) continue;
		for (uint32_t j = 0; j < ts_node_named_child_count(body); j++) {
			TSNode blk = ts_node_named_child(body, j);
			if (tf__is(blk, "block")) tf__top_block(c, kb, blk, old_only);
		}
	}
}
