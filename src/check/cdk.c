/* CDK checks: the state and steps every language shares (see cdk.h):
 * findings, names and imports, the missing-import check, the tree walk. */
#include "check/cdk.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cdk_sym cdk__unknown = {0};

/* ---- findings ---- */

/* What a name that does not exist does to the build. */
const char *cdk_consequence(cdk *k)
{
	if (k->lang == IG_LANG_PY) return "the app fails when it runs (synth)";
	if (k->lang == IG_LANG_JS) return "using it fails when the app runs (synth)";
	return "the code does not compile";
}

void cdk_report(cdk *k, const char *rule, unsigned line, const char *name, const char *fix, const char *fmt, ...)
{
	char *key = ig_arena_printf(k->a, "%s:%u:%s", rule, line, name);
	if (ig_strmap_get(&k->reported, key, strlen(key))) return;
	ig_strmap_put(&k->reported, key, strlen(key), key);
	char msg[1536];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ig_check_report(k->c, rule, line, fix, "%s", msg);
}

/* "aws-cdk-lib 2.276.0" from the kb's source "aws-cdk-lib@2.276.0+constructs@10.8.1" */
const char *cdk_version(cdk *k)
{
	const char *s = k->kb->source, *at = strchr(s, '@'), *plus = strchr(s, '+');
	if (!at) return s;
	size_t n = plus ? (size_t)(plus - s) : strlen(s);
	return ig_arena_printf(k->a, "%.*s %.*s", (int)(at - s), s, (int)(n - (size_t)(at - s) - 1), at + 1);
}

/* The data's deprecation message ("- use writer and readers instead"), or
 * "" when it only says deprecated. */
static const char *cdk__note(cdk *k, const ig_kb_entry *e)
{
	const char *note = ig_kb_str(k->kb, e->note);
	while (*note == '-' || *note == ' ') note++;
	return strcmp(note, "deprecated") == 0 ? "" : note;
}

void cdk_deprecated(cdk *k, const ig_kb_entry *e, unsigned line)
{
	if (!e || !ig_kb_has(e, IG_KB_DEPRECATED)) return;
	const char *note = cdk__note(k, e), *key = cdk_key(k, e);
	/* the message is the fix when it says what to use instead */
	const char *fix = ig_memcasestr(note, strlen(note), "use ") ? note : NULL;
	cdk_report(k, IG_RULE_CDK_DEPRECATED, line, key, fix, "%s is deprecated in %s%s%s", key, cdk_version(k), *note ? ": " : "", note);
}

/* ---- names ---- */

cdk_sym cdk_name(cdk *k, const char *name)
{
	const cdk_sym *bound = ig_strmap_get(&k->names, name, strlen(name));
	if (bound) return *bound;
	/* Java `import ...services.s3.*;`, Python `from aws_cdk.aws_s3 import *`:
	 * a name two such modules have is ambiguous, so unknown */
	const ig_kb_entry *found = NULL;
	for (size_t i = 0; i < k->n_wild; i++) {
		const ig_kb_entry *e = cdk_child(k, cdk_prefix(k, k->wild[i]), name);
		if (!e || !(cdk_is_type(ig_kb_kind_of(e)) || ig_kb_kind_of(e) == IG_KB_MODULE)) continue;
		if (found && found != e) return cdk__unknown;
		found = e;
	}
	if (!found) return cdk__unknown;
	cdk_sym s = cdk_of_member(k, found, false);
	/* beside `import java.util.*;` the name may be that package's (Map) */
	s.open = k->wild_foreign;
	return s;
}

static bool cdk__same(cdk_sym a, cdk_sym b) { return a.kind == b.kind && a.e == b.e && a.builds == b.builds; }

void cdk_bind(cdk *k, const char *name, cdk_sym s)
{
	if (!name || !*name) return;
	cdk_sym *old = ig_strmap_get(&k->names, name, strlen(name));
	if (old) {
		if (!cdk__same(*old, s)) *old = cdk__unknown; /* two meanings: neither is sure */
		return;
	}
	cdk_sym *slot = ig_arena_alloc(k->a, sizeof *slot);
	*slot = s;
	ig_strmap_put(&k->names, ig_arena_strdup(k->a, name), strlen(name), slot);
}

void cdk_plain(cdk *k, const char *name)
{
	if (!ig_strmap_get(&k->plain, name, strlen(name)))
		ig_strmap_put(&k->plain, ig_arena_strdup(k->a, name), strlen(name), (void *)name);
}

/* ---- imports ---- */

const ig_kb_entry *cdk_module_of_path(cdk *k, const char *path, bool *exists)
{
	char key[768];
	*exists = false;
	int n = snprintf(key, sizeof key, "%s:%s", k->tag, path);
	if (n < 0 || (size_t)n >= sizeof key) return NULL;
	const ig_kb_entry *a = ig_kb_find(k->kb, key, (size_t)n);
	if (!a) return NULL;
	*exists = true; /* an alias naming no key: the path exists, its contents are not indexed */
	const ig_kb_entry *m = ig_kb_resolve(k->kb, a);
	return m && ig_kb_kind_of(m) == IG_KB_MODULE ? m : NULL;
}

/* The module an unbound name stands for by convention: `ec2` for aws_ec2,
 * `cdk` for the root (the Python module names without "aws_"), `lambda_`
 * for aws_lambda; in Go the package name (`awsec2`). */
static const ig_kb_entry *cdk__conventional(cdk *k, const char *alias)
{
	char key[256];
	const ig_kb_entry *a = NULL;
	if (k->lang == IG_LANG_GO) {
		snprintf(key, sizeof key, "gopkg:%s", alias);
		a = cdk_find(k, key);
	} else if (k->lang != IG_LANG_JAVA) {
		size_t n = strlen(alias);
		if (n && alias[n - 1] == '_') n--;
		snprintf(key, sizeof key, "py:aws_cdk.aws_%.*s", (int)n, alias);
		a = cdk_find(k, key);
		if (!a) {
			snprintf(key, sizeof key, "py:aws_%.*s", (int)n, alias);
			a = cdk_find(k, key);
		}
	}
	const ig_kb_entry *m = a ? ig_kb_resolve(k->kb, a) : NULL;
	return m && ig_kb_kind_of(m) == IG_KB_MODULE ? m : NULL;
}

void cdk_unbound_qualifier(cdk *k, const char *alias, const char *next, unsigned line)
{
	if (!alias || !next || ig_strmap_get(&k->names, alias, strlen(alias))) return;
	for (size_t i = 0; i < k->n_missing; i++)
		if (strcmp(k->missing[i].alias, alias) == 0) return;
	const ig_kb_entry *mod = cdk__conventional(k, alias);
	if (!mod) return;
	/* the member must be the module's, so that the guess is not a coincidence
	 * (in Go, NewVpc or Vpc_FromLookup name the type Vpc) */
	const char *prefix = cdk_prefix(k, mod), *rest;
	const ig_kb_entry *owner = NULL, *e;
	bool ctor;
	e = k->lang == IG_LANG_GO ? cdk_go_name(k, prefix, next, &owner, &rest, &ctor) : cdk_child(k, prefix, next);
	if (!e) e = owner;
	if (!e || !(cdk_is_type(ig_kb_kind_of(e)) || ig_kb_kind_of(e) == IG_KB_MODULE)) return;
	cdk_missing *m = IG_PUSH(k->a, k->missing, k->n_missing, k->cap_missing);
	m->alias = alias;
	m->module = mod;
	m->used = ig_arena_printf(k->a, "%s.%s", alias, next);
	m->line = line;
}

const char *cdk_module_path(cdk *k, const ig_kb_entry *mod, size_t *n)
{
	const char *want = k->lang == IG_LANG_PY ? "py=" : k->lang == IG_LANG_GO ? "gopath=" : k->lang == IG_LANG_JAVA ? "java=" : "ts=";
	const char *p = strstr(ig_kb_str(k->kb, mod->aux), want);
	if (!p) return NULL;
	p += strlen(want);
	*n = strcspn(p, "\n");
	return p;
}

/* The import statement that would bind alias to the module. */
static const char *cdk__import_fix(cdk *k, const cdk_missing *m)
{
	size_t n;
	const char *p = cdk_module_path(k, m->module, &n);
	if (!p) return NULL;
	if (k->lang == IG_LANG_PY) {
		const char *dot = memchr(p, '.', n);
		if (!dot) return ig_arena_printf(k->a, "import %.*s as %s", (int)n, p, m->alias);
		return ig_arena_printf(k->a, "from %.*s import %.*s as %s", (int)(dot - p), p, (int)(n - (size_t)(dot - p) - 1),
				       dot + 1, m->alias);
	}
	if (k->lang == IG_LANG_GO) return ig_arena_printf(k->a, "import \"%.*s\"", (int)n, p);
	if (k->lang == IG_LANG_JAVA) return ig_arena_printf(k->a, "import %.*s.*;", (int)n, p);
	return ig_arena_printf(k->a, "import * as %s from '%.*s';", m->alias, (int)n, p);
}

static void cdk__finish(cdk *k)
{
	for (size_t i = 0; i < k->n_missing; i++) {
		const cdk_missing *m = &k->missing[i];
		if (ig_strmap_get(&k->plain, m->alias, strlen(m->alias)) || ig_strmap_get(&k->names, m->alias, strlen(m->alias)))
			continue;
		cdk_report(k, IG_RULE_CDK_MISSING_IMPORT, m->line, m->alias, cdk__import_fix(k, m),
			   "%s is used (%s) but never imported or declared in this file: %s", m->alias, m->used,
			   cdk_consequence(k));
	}
}

/* Java imports name packages and classes alike: the longest indexed package
 * prefix, then classes and nested classes. */
static cdk_sym cdk__java_path(cdk *k, const char *path, const char *member, unsigned line)
{
	char buf[768];
	snprintf(buf, sizeof buf, "%s%s%s", path, member ? "." : "", member ? member : "");
	size_t n = strlen(buf);
	for (;;) {
		bool exists;
		buf[n] = 0;
		const ig_kb_entry *mod = cdk_module_of_path(k, buf, &exists);
		if (mod) {
			char full[768];
			snprintf(full, sizeof full, "%s%s%s", path, member ? "." : "", member ? member : "");
			const char *rest = full[n] ? full + n + 1 : "";
			cdk_sym s = cdk_sym_of(CDK_MODULE, mod);
			while (*rest) {
				const char *dot = strchr(rest, '.');
				char *seg = ig_arena_strndup(k->a, rest, dot ? (size_t)(dot - rest) : strlen(rest));
				/* a lower-case segment is a package the index does not hold (alpha modules) */
				if (s.kind == CDK_MODULE && !cdk_child(k, cdk_prefix(k, s.e), seg) && !isupper((unsigned char)seg[0]))
					return cdk__unknown;
				s = cdk_member(k, s, seg, line);
				if (s.kind == CDK_UNKNOWN || !dot) break;
				rest = dot + 1;
			}
			return s;
		}
		char *dot = strrchr(buf, '.');
		if (!dot) return cdk__unknown;
		n = (size_t)(dot - buf);
	}
}

/* CDK v1 (end of support in 2023) has modules of its own: code written for it
 * is not checked against v2. */
static bool cdk__v1(const ig_import *im)
{
	const char *p = im->path;
	if (!p) return false;
	if (strcmp(p, "@aws-cdk/core") == 0 || strcmp(p, "aws_cdk.core") == 0 || ig_starts_with(p, "software.amazon.awscdk.core"))
		return true;
	return strcmp(p, "aws_cdk") == 0 && im->member && strcmp(im->member, "core") == 0;
}

static bool cdk__bind_imports(cdk *k)
{
	const ig_imports *im = &k->c->file->imports;
	for (size_t i = 0; i < im->n; i++)
		if (cdk__v1(&im->items[i])) return false;
	for (size_t i = 0; i < im->n; i++) {
		const ig_import *it = &im->items[i];
		bool exists = false;
		if (k->lang == IG_LANG_JAVA) {
			cdk_sym s = cdk__java_path(k, it->path, it->member, it->line);
			if (it->alias && strcmp(it->alias, "*") == 0) {
				/* a package's classes, or a class's nested ones (`import ...CfnBucket.*;`) */
				bool container = s.kind == CDK_MODULE || (s.kind == CDK_TYPE && ig_kb_kind_of(s.e) == IG_KB_CLASS);
				if (container && k->n_wild < sizeof k->wild / sizeof *k->wild) k->wild[k->n_wild++] = s.e;
				else k->wild_foreign = true;
			} else if (it->alias) {
				cdk_bind(k, it->alias, s);
			}
			continue;
		}
		const char *path = it->path;
		/* Python `import aws_cdk.aws_s3` binds aws_cdk */
		const char *alias = it->alias;
		if (k->lang == IG_LANG_PY && alias && !it->member && strchr(alias, '.') && strcmp(alias, path) == 0) {
			alias = ig_arena_strndup(k->a, alias, (size_t)(strchr(alias, '.') - alias));
			path = alias;
		}
		const ig_kb_entry *mod = cdk_module_of_path(k, path, &exists);
		if (!alias) {
			if (mod && k->lang == IG_LANG_PY && k->n_wild < sizeof k->wild / sizeof *k->wild) k->wild[k->n_wild++] = mod;
			else if (k->lang == IG_LANG_PY) k->wild_foreign = true;
			continue;
		}
		if (!mod) {
			if (!exists && (k->lang == IG_LANG_TS || k->lang == IG_LANG_JS) && ig_starts_with(path, CDK_ROOT "/"))
				cdk_report(k, IG_RULE_CDK_UNKNOWN_MODULE, it->line, path, NULL,
					   "%s is not a module of %s: the import fails", path, cdk_version(k));
			cdk_bind(k, alias, cdk__unknown);
			continue;
		}
		cdk_sym s = cdk_sym_of(CDK_MODULE, mod);
		k->deref = true; /* an ES module that lacks a named export fails to load */
		if (it->member) s = cdk_member(k, s, it->member, it->line);
		cdk_bind(k, alias, s);
	}
	return true;
}

/* ---- walking ---- */

/* The ancestors of the node visited, one level per depth, grown as deep as
 * the tree goes: past a fixed stack a node's parent was unknown, every node
 * there looked like the head of an expression and was evaluated again down
 * to the evaluator's depth cap (a chain of 50,000 calls took seconds). */
typedef struct {
	const char *type; /* of the ancestor at this depth */
	unsigned errors;  /* ERROR nodes among the ancestors of a node at this depth */
} cdk_level;

void cdk_walk(cdk *k, cdk_visit_fn fn)
{
	size_t depth = 0, cap = 64;
	cdk_level *up = ig_xmalloc(cap * sizeof *up);
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(k->p->tree));
	up[0] = (cdk_level){NULL, 0};
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		const char *parent = depth ? up[depth - 1].type : NULL;
		bool in_error = up[depth].errors > 0 || ts_node_is_missing(n);
		fn(k, n, parent, ts_tree_cursor_current_field_name(&c), in_error);
		if (ts_tree_cursor_goto_first_child(&c)) {
			if (depth + 1 == cap) up = ig_xrealloc(up, (cap *= 2) * sizeof *up);
			up[depth].type = ts_node_type(n);
			up[depth + 1].errors = up[depth].errors + (strcmp(ts_node_type(n), "ERROR") == 0);
			depth++;
			continue;
		}
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&c)) break;
			if (!ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
				free(up);
				return;
			}
			depth--;
		}
	}
}

/* ---- entry point ---- */

void ig_check_cdk(ig_check_ctx *c)
{
	const ig_kb *kb = &c->kb->cdk;
	if (!kb->n_entries) return;
	cdk k = {.c = c, .kb = kb, .a = &c->task->arena, .p = c->parse};
	switch (c->file->lang) {
	case IG_LANG_TS: case IG_LANG_TSX: k.lang = IG_LANG_TS, k.tag = "ts"; break;
	case IG_LANG_JS: k.lang = IG_LANG_JS, k.tag = "ts"; break;
	case IG_LANG_PY: k.lang = IG_LANG_PY, k.tag = "py", k.folded = true; break;
	case IG_LANG_GO: k.lang = IG_LANG_GO, k.tag = "go", k.folded = true; break;
	case IG_LANG_JAVA: k.lang = IG_LANG_JAVA, k.tag = "java"; break;
	default: return;
	}
	ig_strmap_init(&k.names, k.a);
	ig_strmap_init(&k.reported, k.a);
	ig_strmap_init(&k.plain, k.a);
	if (!cdk__bind_imports(&k)) return;
	switch (k.lang) {
	case IG_LANG_PY: cdk_walk_py(&k); break;
	case IG_LANG_GO: cdk_walk_go(&k); break;
	case IG_LANG_JAVA: cdk_walk_java(&k); break;
	default: cdk_walk_ts(&k); break;
	}
	cdk__finish(&k);
}
