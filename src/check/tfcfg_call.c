/* The calls of a file and the imports that name them, for the CDKTF and
 * Pulumi checks (src/check/tfcfg.h). */
#include "check/tfcfg.h"
#include "syntax/imports.h"
#include "syntax/syntax.h"
#include <ctype.h>
#include <string.h>

void ig_tfcfg_each_call(ig_check_ctx *c, void (*fn)(void *ctx, const ig_tfcfg_call *call), void *ctx)
{
	ig_lang l = c->file->lang;
	bool py = l == IG_LANG_PY, java = l == IG_LANG_JAVA;
	TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(c->parse->tree));
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		const char *t = ts_node_type(n);
		ig_tfcfg_call call = {.node = n, .line = ig_node_line(n)};
		bool found = true;
		if (!strcmp(t, "new_expression")) {
			call.callee = ig_node_field(n, "constructor");
			call.is_new = true;
		} else if (java && !strcmp(t, "object_creation_expression")) {
			call.callee = ig_node_field(n, "type");
			call.is_new = true;
		} else if (java && !strcmp(t, "method_invocation")) {
			call.callee = n;
		} else if ((py && !strcmp(t, "call")) || (!py && !java && !strcmp(t, "call_expression"))) {
			call.callee = ig_node_field(n, "function");
		} else {
			found = false;
		}
		if (found) {
			call.args = ig_node_field(n, "arguments");
			if (!ts_node_is_null(call.callee) && !ts_node_is_null(call.args)) fn(ctx, &call);
		}
		if (ts_tree_cursor_goto_first_child(&cur)) continue;
		while (!ts_tree_cursor_goto_next_sibling(&cur))
			if (!ts_tree_cursor_goto_parent(&cur)) {
				ts_tree_cursor_delete(&cur);
				return;
			}
	}
}

int ig_tfcfg_callee(ig_check_ctx *c, TSNode callee, const char **parts, int max)
{
	if (strcmp(ts_node_type(callee), "method_invocation") != 0) return ig_node_chain(&c->task->arena, c->parse, callee, parts, max);
	TSNode obj = ig_node_field(callee, "object"), name = ig_node_field(callee, "name");
	if (ts_node_is_null(name) || max < 1) return 0;
	int n = 0;
	if (!ts_node_is_null(obj)) {
		n = ig_node_chain(&c->task->arena, c->parse, obj, parts, max - 1);
		if (!n) return 0; /* called on a value: `x.build().foo()`, `this.bar()` */
	}
	parts[n++] = ig_node_text(&c->task->arena, c->parse, name);
	return n;
}

const char *ig_tfcfg_last_name(ig_check_ctx *c, TSNode callee)
{
	const char *parts[8];
	int n = ig_tfcfg_callee(c, callee, parts, 8);
	return n > 0 ? parts[n - 1] : NULL;
}

/* `com.pulumi.aws.s3.Bucket`: the package is the parts before the first
 * capitalised one (Java packages are lowercase by convention, classes not). */
static int call__java_qualified(ig_check_ctx *c, const char **parts, int n, const char **path)
{
	int k = 0;
	while (k < n && !isupper((unsigned char)parts[k][0])) k++;
	if (k < 2 || k == n) return -1;
	size_t len = 0;
	for (int i = 0; i < k; i++) len += strlen(parts[i]) + 1;
	char *out = ig_arena_alloc(&c->task->arena, len);
	size_t at = 0;
	for (int i = 0; i < k; i++) {
		size_t pl = strlen(parts[i]);
		if (i) out[at++] = '.';
		memcpy(out + at, parts[i], pl);
		at += pl;
	}
	out[at] = 0;
	*path = out;
	return k;
}

int ig_tfcfg_binding(ig_check_ctx *c, const char **parts, int n, ig_tfcfg_has_fn has, void *ctx, const char **path, const char **member)
{
	if (n < 1) return -1;
	const ig_imports *im = &c->file->imports;
	const ig_import *b = ig_imports_find(im, parts[0]);
	*member = NULL;
	if (b && b->path) {
		*path = b->path;
		*member = b->member;
		return 1;
	}
	if (c->file->lang != IG_LANG_JAVA) return -1;
	int k = call__java_qualified(c, parts, n, path);
	if (k > 0) return k;
	/* the one wildcard-imported package that has the class */
	const char *found = NULL;
	for (size_t i = 0; i < im->n; i++) {
		const ig_import *w = &im->items[i];
		if (!w->alias || strcmp(w->alias, "*") != 0 || !w->path || !has(ctx, w->path, parts[0])) continue;
		if (found && strcmp(found, w->path) != 0) return -1; /* ambiguous: javac rejects it */
		found = w->path;
	}
	if (!found) return -1;
	*path = found;
	return 0;
}
