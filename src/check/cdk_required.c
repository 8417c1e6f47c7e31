/* CDK checks: required props that a props literal leaves out
 * (cdk.missing-required-prop). The walkers collect the keys they see; a
 * literal whose keys are all known is judged against the props its struct and
 * the struct's bases declare without `optional` in the jsii. */
#include "check/cdk.h"
#include <stdio.h>
#include <string.h>

/* How many missing props a message names before "and N more". */
#define REQUIRED_SHOWN 6

void cdk_give(cdk *k, cdk_given *g, const char *name)
{
	if (!name || !*name) {
		g->open = true;
		return;
	}
	*IG_PUSH(k->a, g->names, g->n, g->cap) = name;
}

typedef struct {
	const cdk_given *g;
	const ig_kb_entry **missing;
	size_t n, cap;
} required_ctx;

static void required__visit(cdk *k, const ig_kb_entry *prop, void *vctx)
{
	required_ctx *c = vctx;
	if (ig_kb_has(prop, IG_KB_OPTIONAL)) return;
	const char *name = ig_kb_name(k->kb, prop);
	for (size_t i = 0; i < c->g->n; i++)
		if (cdk_name_eq(k, name, c->g->names[i])) return;
	*IG_PUSH(k->a, c->missing, c->n, c->cap) = prop;
}

/* What leaving a required prop out does, in this language. */
static const char *required__consequence(cdk *k)
{
	switch (k->lang) {
	case IG_LANG_PY: return "the call raises TypeError (a required keyword argument is missing) when the app runs (synth)";
	case IG_LANG_GO: return "the props check panics (required, but nil was provided) when the app runs (synth)";
	case IG_LANG_JAVA: return "build() throws NullPointerException (is required) when the app runs (synth)";
	default: return "the code does not compile";
	}
}

/* One prop as the language writes it where it is given, with its type:
 * `code: ... (aws_lambda.Code)`, `code=...`, `Code: ...`, `.code(...)`. */
static const char *required__spelled(cdk *k, const ig_kb_entry *prop)
{
	const char *name = ig_kb_name(k->kb, prop), *type = ig_kb_str(k->kb, prop->type);
	switch (k->lang) {
	case IG_LANG_PY: return ig_arena_printf(k->a, "%s=... (%s)", cdk_spell(k, name, true), type);
	case IG_LANG_GO: return ig_arena_printf(k->a, "%s: ... (%s)", cdk_spell(k, name, true), type);
	case IG_LANG_JAVA: return ig_arena_printf(k->a, ".%s(...) (%s)", cdk_java_setter(k, prop), type);
	default: return ig_arena_printf(k->a, "%s: ... (%s)", name, type);
	}
}

void cdk_required(cdk *k, const ig_kb_entry *st, const cdk_given *g, unsigned line)
{
	if (!st || g->open || k->lang == IG_LANG_JS) return;
	required_ctx c = {.g = g};
	if (!cdk_each_prop(k, st, required__visit, &c) || !c.n) return;
	char names[512], fix[1024];
	size_t un = 0, uf = 0;
	names[0] = fix[0] = 0;
	for (size_t i = 0; i < c.n && i < REQUIRED_SHOWN; i++) {
		const char *sep = i == 0 ? "" : i + 1 == c.n ? " and " : ", ";
		int w = snprintf(names + un, sizeof names - un, "%s%s", sep, cdk_spell(k, ig_kb_name(k->kb, c.missing[i]), true));
		if (w > 0) un += (size_t)w < sizeof names - un ? (size_t)w : sizeof names - un - 1;
		w = snprintf(fix + uf, sizeof fix - uf, "%s%s", i ? ", " : "add ", required__spelled(k, c.missing[i]));
		if (w > 0) uf += (size_t)w < sizeof fix - uf ? (size_t)w : sizeof fix - uf - 1;
	}
	if (c.n > REQUIRED_SHOWN) snprintf(names + un, sizeof names - un, " and %zu more", c.n - REQUIRED_SHOWN);
	const char *key = cdk_key(k, st);
	cdk_report(k, IG_RULE_CDK_MISSING_REQUIRED_PROP, line, key, fix, "%s requires %s, which %s not given here: %s", key, names,
		   c.n == 1 ? "is" : "are", required__consequence(k));
}
