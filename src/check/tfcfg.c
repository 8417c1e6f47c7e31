/* Config objects of CDKTF and Pulumi resources, member by member. */
#include "check/tfcfg.h"
#include "syntax/syntax.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool cfg__is(TSNode n, const char *type) { return strcmp(ts_node_type(n), type) == 0; }

TSNode ig_tfcfg_arg(TSNode args, uint32_t n)
{
	uint32_t seen = 0;
	for (uint32_t i = 0; i < ts_node_named_child_count(args); i++) {
		TSNode a = ts_node_named_child(args, i);
		if (cfg__is(a, "comment")) continue;
		if (seen++ == n) return a;
	}
	TSNode none = {{0}, NULL, NULL};
	return none;
}

const char *ig_tfcfg_spell(ig_check_ctx *c, const char *name)
{
	ig_lang l = c->file->lang;
	ig_arena *a = &c->task->arena;
	size_t n = strlen(name);
	if (l == IG_LANG_PY) {
		char *snake = ig_arena_printf(a, "%*s", (int)(2 * n), "");
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			if (isupper((unsigned char)name[i]) && k) snake[k++] = '_';
			snake[k++] = (char)tolower((unsigned char)name[i]);
		}
		snake[k] = 0;
		return snake;
	}
	char *out = ig_arena_strndup(a, name, n);
	size_t k = 0;
	bool up = l == IG_LANG_GO;
	for (size_t i = 0; i < n; i++) {
		if (name[i] == '_') {
			up = true;
			continue;
		}
		out[k++] = up ? (char)toupper((unsigned char)name[i]) : name[i];
		up = false;
	}
	out[k] = 0;
	return out;
}

static void cfg__report_unknown(ig_tfcfg *t, const char *name, const char *key, unsigned line, bool read_only)
{
	ig_arena *a = &t->c->task->arena;
	const char *where = t->what;
	size_t tl = strlen(t->top);
	if (strncmp(key, t->top, tl) == 0 && key[tl] == '.') where = ig_arena_printf(a, "`%s` of %s", key + tl + 1, t->what);
	else if (ig_starts_with(key, "input.")) where = ig_arena_printf(a, "input type `%s` of %s", key + 6, t->what);
	if (read_only) {
		ig_check_report(t->c, t->rule_unknown, line, "remove it: the provider computes it", "`%s` of %s is a read-only attribute: it cannot be set",
				name, where);
		return;
	}
	const char *instead = t->unknown_fix && strcmp(key, t->top) == 0 ? t->unknown_fix(t, name) : NULL;
	if (instead) {
		ig_check_report(t->c, t->rule_unknown, line, instead, "property `%s` does not exist in %s (%s)", name, where,
				ig_tfkb_versions(t->c, t->kb));
		return;
	}
	const ig_kb_entry *near[12];
	size_t n = ig_kb_closest(t->kb, key, name, near, 12), keep = 0;
	for (size_t i = 0; i < n && keep < 3; i++)
		if (!ig_tfkb_read_only(near[i]) && !ig_kb_has(near[i], IG_KB_REMOVED)) near[keep++] = near[i];
	char fix[512];
	size_t used = 0;
	fix[0] = 0;
	for (size_t i = 0; i < keep; i++) {
		int w = snprintf(fix + used, sizeof fix - used, "%s%s", i ? ", " : "did you mean ", ig_tfcfg_spell(t->c, ig_kb_name(t->kb, near[i])));
		if (w < 0 || (size_t)w >= sizeof fix - used) break;
		used += (size_t)w;
	}
	ig_check_report(t->c, t->rule_unknown, line, keep ? ig_arena_printf(a, "%s?", fix) : NULL, "property `%s` does not exist in %s (%s)",
			name, where, ig_tfkb_versions(t->c, t->kb));
}

/* One member `name` (its value may be null) of the object checked against key. */
static void cfg__member(ig_tfcfg *t, const char *name, TSNode at, TSNode value, const char *key, int depth)
{
	bool top = strcmp(key, t->top) == 0;
	if (top && t->framework && t->framework(t, name)) return;
	unsigned line = ig_node_line(at);
	const ig_kb_entry *e = ig_kb_child_folded(t->kb, key, name);
	if (e && ig_kb_kind_of(e) == IG_KB_ALIAS) e = ig_kb_resolve(t->kb, e);
	const char *older = !e && t->older && t->rule_removed ? t->older(t, key, name) : NULL;
	if (older) {
		ig_check_report(t->c, t->rule_removed, line, "keep the SDK below its next major, or migrate", "`%s` of %s %s", name, t->what, older);
		return;
	}
	if (!e) {
		cfg__report_unknown(t, name, key, line, false);
		return;
	}
	if (ig_tfkb_read_only(e)) {
		cfg__report_unknown(t, name, key, line, true);
		return;
	}
	if (t->rule_removed && ig_kb_has(e, IG_KB_REMOVED))
		ig_check_report(t->c, t->rule_removed, line, "keep the provider below its next major, or migrate", "`%s` of %s %s", name, t->what,
				ig_kb_str(t->kb, e->note)); /* the note reads "was removed in ..." */
	if (t->rule_deprecated && ig_kb_has(e, IG_KB_DEPRECATED))
		ig_check_report(t->c, t->rule_deprecated, line, NULL, "`%s` of %s is deprecated: %s", name, t->what, ig_kb_str(t->kb, e->note));
	const char *inner = t->nested ? t->nested(t, e) : NULL;
	if (inner && !ts_node_is_null(value)) ig_tfcfg_value(t, value, inner, depth + 1);
}

/* The text of a string or identifier key, or NULL (computed, interpolated). */
static const char *cfg__key(ig_tfcfg *t, TSNode k)
{
	const char *type = ts_node_type(k);
	if (!strcmp(type, "property_identifier") || !strcmp(type, "identifier") || !strcmp(type, "field_identifier"))
		return ig_node_text(&t->c->task->arena, t->c->parse, k);
	if (!strcmp(type, "string") || !strcmp(type, "interpreted_string_literal")) {
		for (uint32_t i = 0; i < ts_node_named_child_count(k); i++) {
			TSNode s = ts_node_named_child(k, i);
			if (cfg__is(s, "interpolation")) return NULL;
		}
		if (ts_node_named_child_count(k) == 0) return NULL;
		TSNode s = ts_node_named_child(k, cfg__is(k, "string") && t->c->file->lang == IG_LANG_PY ? 1 : 0);
		if (ts_node_is_null(s) || !(cfg__is(s, "string_fragment") || cfg__is(s, "string_content") ||
					    cfg__is(s, "interpreted_string_literal_content")))
			return NULL;
		return ig_node_text(&t->c->task->arena, t->c->parse, s);
	}
	return NULL;
}

static void cfg__ts_object(ig_tfcfg *t, TSNode obj, const char *key, int depth)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(obj); i++) {
		TSNode m = ts_node_named_child(obj, i);
		if (cfg__is(m, "pair")) {
			TSNode k = ig_node_field(m, "key");
			const char *name = ts_node_is_null(k) ? NULL : cfg__key(t, k);
			if (name) cfg__member(t, name, m, ig_node_field(m, "value"), key, depth);
		} else if (cfg__is(m, "shorthand_property_identifier")) {
			TSNode none = {{0}, NULL, NULL};
			cfg__member(t, ig_node_text(&t->c->task->arena, t->c->parse, m), m, none, key, depth);
		}
		/* spread_element, method_definition: unknown members */
	}
}

static void cfg__py_dict(ig_tfcfg *t, TSNode d, const char *key, int depth)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(d); i++) {
		TSNode m = ts_node_named_child(d, i);
		if (!cfg__is(m, "pair")) continue;
		TSNode k = ig_node_field(m, "key");
		const char *name = ts_node_is_null(k) ? NULL : cfg__key(t, k);
		if (name) cfg__member(t, name, m, ig_node_field(m, "value"), key, depth);
	}
}

void ig_tfcfg_kwargs(ig_tfcfg *t, TSNode arglist, const char *key, const char *skip, int depth)
{
	if (depth > IG_TFKB_MAX_DEPTH) return;
	for (uint32_t i = 0; i < ts_node_named_child_count(arglist); i++) {
		TSNode m = ts_node_named_child(arglist, i);
		if (!cfg__is(m, "keyword_argument")) continue; /* positional, *args, **kwargs */
		TSNode k = ig_node_field(m, "name");
		if (ts_node_is_null(k)) continue;
		const char *name = ig_node_text(&t->c->task->arena, t->c->parse, k);
		if (skip && strcmp(name, skip) == 0) continue;
		cfg__member(t, name, m, ig_node_field(m, "value"), key, depth);
	}
}

static void cfg__go_literal(ig_tfcfg *t, TSNode lit, const char *key, int depth)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(lit); i++) {
		TSNode m = ts_node_named_child(lit, i);
		if (cfg__is(m, "keyed_element")) {
			TSNode k = ig_node_field(m, "key"), v = ig_node_field(m, "value");
			if (ts_node_is_null(k) || !ts_node_named_child_count(k)) continue;
			const char *name = cfg__key(t, ts_node_named_child(k, 0));
			TSNode val = ts_node_is_null(v) || !ts_node_named_child_count(v) ? v : ts_node_named_child(v, 0);
			if (name) cfg__member(t, name, m, val, key, depth);
		} else if (cfg__is(m, "literal_element") && ts_node_named_child_count(m)) {
			ig_tfcfg_value(t, ts_node_named_child(m, 0), key, depth); /* an element of a slice of structs */
		}
	}
}

/* A Java builder chain can be long, one link per member: room for long ones,
 * and a bound on the walk over a pathological file. */
#define CFG_JAVA_MAX_LINKS 512

/* The builder methods called on `from`'s result, in source order, up to
 * build(), to `until` (inclusive) when it is not null, or to the end of the
 * chain: each method sets one member, its arguments the value. */
static void cfg__java_members(ig_tfcfg *t, TSNode from, TSNode until, const char *key, int depth)
{
	TSNode cur = from;
	for (int links = 0; links < CFG_JAVA_MAX_LINKS; links++) {
		if (!ts_node_is_null(until) && ts_node_eq(cur, until)) return;
		TSNode p = ts_node_parent(cur);
		if (ts_node_is_null(p) || !cfg__is(p, "method_invocation")) return;
		TSNode obj = ig_node_field(p, "object"), name = ig_node_field(p, "name");
		if (ts_node_is_null(obj) || !ts_node_eq(obj, cur) || ts_node_is_null(name)) return;
		const char *text = ig_node_text(&t->c->task->arena, t->c->parse, name);
		if (strcmp(text, "build") == 0) return;
		cfg__member(t, text, name, ig_node_field(p, "arguments"), key, depth);
		cur = p;
	}
}

void ig_tfcfg_java_builder(ig_tfcfg *t, TSNode from, const char *key, int depth)
{
	TSNode none = {{0}, NULL, NULL};
	cfg__java_members(t, from, none, key, depth);
}

/* Java's list factories, whose arguments are the elements: List.of(a, b),
 * Arrays.asList(a, b), Set.of(a), Collections.singletonList(a). */
static bool cfg__java_list(ig_tfcfg *t, TSNode call)
{
	static const char *const lists[][2] = {{"List", "of"}, {"Set", "of"}, {"Arrays", "asList"}, {"Collections", "singletonList"}};
	const char *parts[4];
	int n = ig_tfcfg_callee(t->c, call, parts, 4);
	if (n != 2) return false;
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
		if (strcmp(parts[0], lists[i][0]) == 0 && strcmp(parts[1], lists[i][1]) == 0) return true;
	return false;
}

/* A Java value built by a chain `X.builder().a(1).b(2).build()` (v its last
 * call): checked when X builds the object of key. */
static void cfg__java_chain(ig_tfcfg *t, TSNode v, const char *key, int depth)
{
	TSNode root = v;
	for (int links = 0; links < CFG_JAVA_MAX_LINKS; links++) {
		TSNode obj = ig_node_field(root, "object");
		if (ts_node_is_null(obj) || !cfg__is(obj, "method_invocation")) break;
		root = obj;
	}
	const char *parts[8];
	int n = ig_tfcfg_callee(t->c, root, parts, 8);
	if (n < 2 || strcmp(parts[n - 1], "builder") != 0 || !t->struct_call || !t->struct_call(t, parts[n - 2], key)) return;
	cfg__java_members(t, root, v, key, depth);
}

void ig_tfcfg_value(ig_tfcfg *t, TSNode v, const char *key, int depth)
{
	if (ts_node_is_null(v) || depth > IG_TFKB_MAX_DEPTH) return;
	const char *type = ts_node_type(v);
	if (!strcmp(type, "parenthesized_expression") || !strcmp(type, "as_expression") || !strcmp(type, "satisfies_expression") ||
	    !strcmp(type, "non_null_expression")) {
		if (ts_node_named_child_count(v)) ig_tfcfg_value(t, ts_node_named_child(v, 0), key, depth);
	} else if (!strcmp(type, "object")) {
		cfg__ts_object(t, v, key, depth);
	} else if (!strcmp(type, "array") || !strcmp(type, "list") || !strcmp(type, "tuple")) {
		for (uint32_t i = 0; i < ts_node_named_child_count(v); i++) ig_tfcfg_value(t, ts_node_named_child(v, i), key, depth + 1);
	} else if (!strcmp(type, "dictionary")) {
		cfg__py_dict(t, v, key, depth);
	} else if (!strcmp(type, "call") && t->struct_call) {
		/* S3BucketVersioningA(enabled=True), aws.s3.BucketVersioningArgs(enabled=True) */
		TSNode fn = ig_node_field(v, "function"), args = ig_node_field(v, "arguments");
		const char *name = ts_node_is_null(fn) ? NULL : ig_tfcfg_last_name(t->c, fn);
		if (name && !ts_node_is_null(args) && t->struct_call(t, name, key)) ig_tfcfg_kwargs(t, args, key, NULL, depth + 1);
	} else if (!strcmp(type, "unary_expression")) {
		TSNode op = ig_node_field(v, "operand");
		if (!ts_node_is_null(op)) ig_tfcfg_value(t, op, key, depth);
	} else if (!strcmp(type, "composite_literal")) {
		TSNode body = ig_node_field(v, "body");
		if (!ts_node_is_null(body)) cfg__go_literal(t, body, key, depth);
	} else if (!strcmp(type, "literal_value")) {
		cfg__go_literal(t, v, key, depth); /* an element whose type Go elides: []ec2.GetAmiFilter{{Name: ...}} */
	} else if (!strcmp(type, "method_invocation")) {
		if (!cfg__java_list(t, v)) cfg__java_chain(t, v, key, depth);
		else ig_tfcfg_value(t, ig_node_field(v, "arguments"), key, depth + 1);
	} else if (!strcmp(type, "argument_list")) {
		/* a Java builder method's arguments (varargs: several elements) */
		for (uint32_t i = 0; i < ts_node_named_child_count(v); i++) ig_tfcfg_value(t, ts_node_named_child(v, i), key, depth + 1);
	}
	/* identifiers, calls of other functions, tokens: unknown */
}

bool ig_tfcfg_lang(ig_lang l)
{
	return l == IG_LANG_TS || l == IG_LANG_TSX || l == IG_LANG_JS || l == IG_LANG_PY || l == IG_LANG_GO || l == IG_LANG_JAVA;
}
