/* Pulumi's enums against pulumi.kb (types/enums of @pulumi/aws): a member
 * the enum does not have, a deprecated one (docs/rules/pulumi.md):
 *
 *   TS    runtime: aws.lambda.Runtime.NodeJS20dX       aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole
 *         region: aws.Region.USEast1                   (the package root's enums are module "index")
 *
 * TypeScript and JavaScript only: Python, Go and Java spell the members by
 * rules of their own code generators, which the package does not hold. */
#include "check/pulumi.h"
#include "syntax/imports.h"
#include "syntax/syntax.h"
#include <string.h>

/* The enum a resolved chain names and the member after it: [lambda, Runtime,
 * NodeJS20dX], or [Region, USEast1] of the package root. NULL when the chain
 * names no enum of pulumi.kb. */
static const ig_kb_entry *pulumi_enum__of(pulumi_scan *s, const char **seq, int k, const char **member)
{
	ig_arena *a = &s->c->task->arena;
	for (int at = 2; at <= 3 && at <= k; at++) {
		const char *key = at == 3 ? ig_arena_printf(a, "%s.%s", seq[0], seq[1]) : ig_arena_printf(a, "index.%s", seq[0]);
		const ig_kb_entry *e = ig_kb_find(s->kb, key, strlen(key));
		if (e && ig_kb_kind_of(e) == IG_KB_ENUM) {
			*member = seq[at - 1];
			return e;
		}
	}
	return NULL;
}

static void pulumi_enum__check(pulumi_scan *s, TSNode n)
{
	const char *parts[10], *seq[12], *path, *member;
	int np = ig_node_chain(&s->c->task->arena, s->c->parse, n, parts, 10);
	if (np < 3) return;
	int k = pulumi_resolve(s, parts, np, seq, 12, &path);
	const ig_kb_entry *en = k >= 2 ? pulumi_enum__of(s, seq, k, &member) : NULL;
	if (!en) return;
	const char *key = ig_kb_key(s->kb, en);
	const char *shown = strncmp(key, "index.", 6) == 0 ? key + 6 : key;
	const ig_kb_entry *m = ig_kb_child(s->kb, key, member);
	unsigned line = ig_node_line(n);
	if (m && ig_kb_has(m, IG_KB_DEPRECATED)) {
		ig_check_report(s->c, IG_RULE_PULUMI_DEPRECATED, line, NULL, "`aws.%s.%s` (\"%s\") is deprecated: %s", shown, member,
				ig_kb_str(s->kb, m->extra), ig_kb_str(s->kb, m->note));
		return;
	}
	if (m) return;
	const ig_kb_entry *near[3];
	const char *names[3];
	size_t nn = ig_kb_closest(s->kb, key, member, near, 3);
	for (size_t i = 0; i < nn; i++) names[i] = ig_kb_name(s->kb, near[i]);
	const char *fix = ig_check_suggest_names(s->c, names, nn);
	bool js = s->c->file->lang == IG_LANG_JS;
	ig_check_report(s->c, js ? IG_RULE_PULUMI_JS_UNDEFINED : IG_RULE_PULUMI_UNKNOWN_MEMBER, line, fix ? ig_arena_printf(&s->c->task->arena, "did you mean %s?", fix) : NULL,
			"enum `aws.%s` has no member `%s` in %s: %s", shown, member, s->kb->source,
			js ? "JavaScript reads it as undefined and the argument is lost" : "the code does not compile");
}

void pulumi_enum_members(pulumi_scan *s)
{
	ig_lang l = s->c->file->lang;
	if (l != IG_LANG_TS && l != IG_LANG_TSX && l != IG_LANG_JS) return;
	TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(s->c->parse->tree));
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		/* the outermost member expression of a chain (aws.lambda.Runtime.NodeJS20dX, not
		 * aws.lambda.Runtime); its object may hold more (a call's arguments) */
		if (strcmp(ts_node_type(n), "member_expression") == 0) {
			TSNode up = ts_node_parent(n);
			bool inner = !ts_node_is_null(up) && strcmp(ts_node_type(up), "member_expression") == 0 &&
				     ts_node_eq(ig_node_field(up, "object"), n);
			if (!inner) pulumi_enum__check(s, n);
		}
		if (ts_tree_cursor_goto_first_child(&cur)) continue;
		while (!ts_tree_cursor_goto_next_sibling(&cur))
			if (!ts_tree_cursor_goto_parent(&cur)) {
				ts_tree_cursor_delete(&cur);
				return;
			}
	}
}
