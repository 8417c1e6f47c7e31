/* CDK checks: the resolution every language shares (see cdk.h). */
#include "check/cdk.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define CDK_ROOT "aws-cdk-lib"
#define CDK_MAX_BASES 48

static const cdk_sym cdk__unknown = {0};

/* ---- small helpers ---- */

static const char *cdk__key(cdk *k, const ig_kb_entry *e) { return ig_kb_key(k->kb, e); }

static const ig_kb_entry *cdk__find(cdk *k, const char *key) { return ig_kb_find(k->kb, key, strlen(key)); }

/* The prefix of a module's children: "" for the root, whose types are top-level keys. */
static const char *cdk__prefix(cdk *k, const ig_kb_entry *mod)
{
	const char *key = cdk__key(k, mod);
	return strcmp(key, CDK_ROOT) == 0 ? "" : key;
}

static bool cdk__is_type(ig_kb_kind kind)
{
	return kind == IG_KB_CLASS || kind == IG_KB_STRUCT || kind == IG_KB_INTERFACE || kind == IG_KB_ENUM;
}

/* a and b equal ignoring case and every character but letters and digits */
static bool cdk__fold_eq(const char *a, const char *b)
{
	for (;;) {
		while (*a && !isalnum((unsigned char)*a)) a++;
		while (*b && !isalnum((unsigned char)*b)) b++;
		if (!*a || !*b) return !*a && !*b;
		if (tolower((unsigned char)*a++) != tolower((unsigned char)*b++)) return false;
	}
}

static bool cdk__has_lower(const char *s)
{
	for (; *s; s++)
		if (islower((unsigned char)*s)) return true;
	return false;
}

typedef struct {
	cdk *k;
	const char *name;
	const ig_kb_entry *best;
} cdk_fold_ctx;

/* Python and Go spell `auroraMysql()` and `AURORA_MYSQL` alike once folded:
 * the spelling with the same case style (a constant or not) wins. */
static bool cdk__fold_visit(const ig_kb_entry *e, void *vctx)
{
	cdk_fold_ctx *c = vctx;
	const char *n = ig_kb_name(c->k->kb, e);
	if (ig_kb_kind_of(e) == IG_KB_ALIAS || !cdk__fold_eq(n, c->name)) return true;
	bool want = cdk__has_lower(c->name);
	if (!c->best || (cdk__has_lower(n) == want && cdk__has_lower(ig_kb_name(c->k->kb, c->best)) != want)) c->best = e;
	return true;
}

/* The child of parent called name in the language's spelling. */
static const ig_kb_entry *cdk__child(cdk *k, const char *parent, const char *name)
{
	const ig_kb_entry *e = *parent ? ig_kb_child(k->kb, parent, name) : cdk__find(k, name);
	if (e || !k->folded || !*parent) return e;
	cdk_fold_ctx c = {.k = k, .name = name};
	ig_kb_each_child(k->kb, parent, cdk__fold_visit, &c);
	return c.best;
}

bool cdk_name_eq(cdk *k, const char *kb_name, const char *name)
{
	return k->folded ? cdk__fold_eq(kb_name, name) : strcmp(kb_name, name) == 0;
}

/* One line of a '\n' list in a kb string. */
static bool cdk__in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len == n && memcmp(p, name, n) == 0) return true;
		if (!nl) break;
		p = nl + 1;
	}
	return false;
}

/* ---- findings ---- */

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
static const char *cdk__version(cdk *k)
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
	const char *note = cdk__note(k, e), *key = cdk__key(k, e);
	/* the message is the fix when it says what to use instead */
	const char *fix = ig_memcasestr(note, strlen(note), "use ") ? note : NULL;
	cdk_report(k, "cdk.deprecated", line, key, fix, "%s is deprecated in %s%s%s", key, cdk__version(k), *note ? ": " : "", note);
}

/* ---- bases ---- */

typedef struct {
	const ig_kb_entry *types[CDK_MAX_BASES];
	size_t n;
	bool complete; /* every base is indexed */
} cdk_chain;

/* A type and every type it extends or implements, breadth first. */
static void cdk__chain(cdk *k, const ig_kb_entry *t, cdk_chain *ch)
{
	ch->n = 0;
	ch->complete = true;
	ch->types[ch->n++] = t;
	for (size_t i = 0; i < ch->n; i++) {
		const char *bases = ig_kb_str(k->kb, ch->types[i]->extra);
		for (const char *p = bases; *p;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			const ig_kb_entry *b = ig_kb_find(k->kb, p, len);
			if (!b) ch->complete = false;
			bool seen = !b;
			for (size_t j = 0; j < ch->n && !seen; j++) seen = ch->types[j] == b;
			if (!seen) {
				if (ch->n == CDK_MAX_BASES) { ch->complete = false; return; }
				ch->types[ch->n++] = b;
			}
			if (!nl) break;
			p = nl + 1;
		}
	}
}

static size_t cdk__chain_keys(cdk *k, const cdk_chain *ch, const char **keys)
{
	for (size_t i = 0; i < ch->n; i++) keys[i] = cdk__key(k, ch->types[i]);
	return ch->n;
}

typedef enum { CDK_STATIC, CDK_INSTANCE } cdk_side;

static bool cdk__on_side(const ig_kb_entry *e, cdk_side side)
{
	ig_kb_kind kind = ig_kb_kind_of(e);
	if (side == CDK_INSTANCE) return kind == IG_KB_PROPERTY || kind == IG_KB_METHOD;
	return kind == IG_KB_STATIC_PROPERTY || kind == IG_KB_STATIC_METHOD || kind == IG_KB_ENUM_MEMBER || cdk__is_type(kind);
}

/* name on the type or a base. *other is set when the name exists on the
 * other side (an instance member reached statically): not reported. */
static const ig_kb_entry *cdk__lookup(cdk *k, const cdk_chain *ch, const char *name, cdk_side side, bool *other)
{
	*other = false;
	for (size_t i = 0; i < ch->n; i++) {
		const ig_kb_entry *e = cdk__child(k, cdk__key(k, ch->types[i]), name);
		if (!e) continue;
		if (cdk__on_side(e, side)) return e;
		*other = true;
	}
	return NULL;
}

/* Members every object of the language has, whatever the index says. */
static bool cdk__universal(cdk *k, const char *name, cdk_side side)
{
	static const char *const ts_static[] = {"prototype", "name", "length", "call", "apply", "bind", NULL};
	static const char *const ts_any[] = {"toString", "valueOf", "constructor", "hasOwnProperty", "toJSON", NULL};
	static const char *const java_any[] = {"toString", "equals", "hashCode", "getClass", "class", "values", "valueOf", NULL};
	const char *const *lists[2] = {NULL, NULL};
	if (k->lang == IG_LANG_PY) return name[0] == '_';
	if (k->lang == IG_LANG_JAVA) lists[0] = java_any;
	else if (k->lang == IG_LANG_TS || k->lang == IG_LANG_JS) {
		lists[0] = ts_any;
		if (side == CDK_STATIC) lists[1] = ts_static;
	}
	for (int l = 0; l < 2; l++)
		for (int i = 0; lists[l] && lists[l][i]; i++)
			if (strcmp(lists[l][i], name) == 0) return true;
	return false;
}

/* ---- symbols ---- */

static cdk_sym cdk__sym(cdk_kind kind, const ig_kb_entry *e)
{
	cdk_sym s = {kind, e, NULL, false};
	return s;
}

cdk_sym cdk_value_of(cdk *k, const char *type)
{
	if (!type || !*type) return cdk__unknown;
	const ig_kb_entry *t = cdk__find(k, type);
	if (!t || !cdk__is_type(ig_kb_kind_of(t))) return cdk__unknown;
	cdk_sym s = cdk__sym(CDK_VALUE, t);
	/* Python hands back the object itself, whose class may have more
	 * members than the interface a method is declared to return; JavaScript
	 * has no declared types at all (node.defaultChild is the CfnResource) */
	s.open = (k->lang == IG_LANG_PY && ig_kb_kind_of(t) == IG_KB_INTERFACE) || k->lang == IG_LANG_JS;
	return s;
}

cdk_sym cdk_result(cdk *k, cdk_sym callee)
{
	if (callee.kind == CDK_CALLABLE) return cdk_value_of(k, ig_kb_str(k->kb, callee.e->type));
	if (callee.kind == CDK_TYPE && (ig_kb_kind_of(callee.e) == IG_KB_CLASS || ig_kb_kind_of(callee.e) == IG_KB_STRUCT))
		return cdk__sym(CDK_VALUE, callee.e);
	return cdk__unknown;
}

/* The symbol a found member gives. */
static cdk_sym cdk__of_member(cdk *k, const ig_kb_entry *m, bool open)
{
	switch (ig_kb_kind_of(m)) {
	case IG_KB_PROPERTY:
	case IG_KB_STATIC_PROPERTY: {
		cdk_sym s = cdk_value_of(k, ig_kb_str(k->kb, m->type));
		s.open |= open;
		return s;
	}
	case IG_KB_METHOD:
	case IG_KB_STATIC_METHOD: return cdk__sym(CDK_CALLABLE, m);
	case IG_KB_MODULE: return cdk__sym(CDK_MODULE, m);
	default: return cdk__is_type(ig_kb_kind_of(m)) ? cdk__sym(CDK_TYPE, m) : cdk__unknown;
	}
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
		const ig_kb_entry *e = cdk__child(k, cdk__prefix(k, k->wild[i]), name);
		if (!e || !(cdk__is_type(ig_kb_kind_of(e)) || ig_kb_kind_of(e) == IG_KB_MODULE)) continue;
		if (found && found != e) return cdk__unknown;
		found = e;
	}
	if (!found) return cdk__unknown;
	cdk_sym s = cdk__of_member(k, found, false);
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

/* ---- modules ---- */

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

/* Names only TypeScript sees: module members jsii leaves out (functions,
 * constants, type aliases) and enum members sharing another's value. */
static bool cdk__ts_only(cdk *k, const ig_kb_entry *e, const char *name)
{
	ig_kb_kind kind = ig_kb_kind_of(e);
	return (k->lang == IG_LANG_TS || k->lang == IG_LANG_JS) && (kind == IG_KB_MODULE || kind == IG_KB_ENUM) &&
	       cdk__in_list(ig_kb_str(k->kb, e->extra), name);
}

/* Python's aws_cdk is a namespace package: other distributions (the alpha
 * modules, assets) add lower-case submodules the index does not hold. */
static bool cdk__open_namespace(cdk *k, const ig_kb_entry *mod, const char *name)
{
	return k->lang == IG_LANG_PY && !*cdk__prefix(k, mod) && !isupper((unsigned char)name[0]);
}

/* Go spells module members NewBucket (constructor), Bucket_FromBucketName
 * (static), RetentionDays_ONE_MONTH (enum member), CfnBucket_CorsRuleProperty
 * (nested type). Resolves without reporting; *owner is the type a member name
 * was looked up in, *rest the member part. */
static const ig_kb_entry *cdk__go_name(cdk *k, const char *prefix, const char *name, const ig_kb_entry **owner,
				       const char **rest, bool *ctor)
{
	*owner = NULL;
	*rest = NULL;
	*ctor = false;
	const ig_kb_entry *e = cdk__child(k, prefix, name);
	if (e) return e;
	char buf[256];
	if (strncmp(name, "New", 3) == 0 && isupper((unsigned char)name[3])) {
		snprintf(buf, sizeof buf, "%s", name + 3);
		char *ov = strstr(buf, "_Override");
		if (ov && ov[9] == 0) *ov = 0; /* NewBucket_Override: the constructor for subclasses */
		const ig_kb_entry *c = cdk__child(k, prefix, buf);
		if (c && ig_kb_kind_of(c) == IG_KB_CLASS) {
			*ctor = true;
			return c;
		}
	}
	const char *us = strchr(name, '_');
	if (!us || us == name) return NULL;
	snprintf(buf, sizeof buf, "%.*s", (int)(us - name), name);
	*owner = cdk__child(k, prefix, buf);
	if (!*owner || !cdk__is_type(ig_kb_kind_of(*owner))) {
		*owner = NULL;
		return NULL;
	}
	*rest = us + 1;
	return NULL;
}

/* What a name that does not exist does to the build. */
static const char *cdk__consequence(cdk *k)
{
	if (k->lang == IG_LANG_PY) return "the app fails when it runs (synth)";
	if (k->lang == IG_LANG_JS) return "using it fails when the app runs (synth)";
	return "the code does not compile";
}

/* JavaScript reads a name that does not exist as undefined and goes on: only
 * using it (calling it, reading through it) fails. A prop key or a member
 * that is only read silently loses the setting it was meant for. */
static bool cdk__js_read(cdk *k) { return k->lang == IG_LANG_JS && !k->deref; }

static void cdk__js_undefined(cdk *k, const char *owner, const char *what, const char *name, unsigned line, const char *fix)
{
	cdk_report(k, "cdk.js-undefined", line, name, fix,
		   "%s has no %s %s in %s: JavaScript reads it as undefined and the setting is lost", owner, what, name,
		   cdk__version(k));
}

static cdk_sym cdk__static_member(cdk *k, const ig_kb_entry *t, const char *name, unsigned line, bool open);

static cdk_sym cdk__module_member(cdk *k, const ig_kb_entry *mod, const char *name, unsigned line)
{
	const char *prefix = cdk__prefix(k, mod);
	const ig_kb_entry *e;
	if (k->lang == IG_LANG_GO) {
		const ig_kb_entry *owner;
		const char *rest;
		bool ctor;
		e = cdk__go_name(k, prefix, name, &owner, &rest, &ctor);
		if (ctor) {
			cdk_deprecated(k, e, line);
			cdk_sym s = cdk__sym(CDK_TYPE, e);
			return s;
		}
		if (owner) {
			cdk_deprecated(k, owner, line);
			/* CfnBucket_CorsRuleProperty, EmrCreateCluster_InstanceRoleType_MASTER:
			 * a nested type's name, then its member */
			const char *us;
			while (!cdk__child(k, cdk__key(k, owner), rest) && (us = strchr(rest, '_')) && us > rest) {
				const ig_kb_entry *nested = cdk__child(k, cdk__key(k, owner), ig_arena_strndup(k->a, rest, (size_t)(us - rest)));
				if (!nested || !cdk__is_type(ig_kb_kind_of(nested))) break;
				owner = nested;
				rest = us + 1;
			}
			return cdk__static_member(k, owner, rest, line, false);
		}
	} else {
		e = cdk__child(k, prefix, name);
	}
	if (e && (cdk__is_type(ig_kb_kind_of(e)) || ig_kb_kind_of(e) == IG_KB_MODULE)) {
		cdk_deprecated(k, e, line);
		return cdk__of_member(k, e, false);
	}
	if (e || cdk__ts_only(k, mod, name) || cdk__open_namespace(k, mod, name)) return cdk__unknown;
	/* Go package names that are not types (NewX of an unknown X, X_Y of an
	 * unknown X) are reported under the type's name */
	const char *shown = name;
	if (k->lang == IG_LANG_GO && cdk__has_lower(name)) {
		if (strncmp(name, "New", 3) == 0 && isupper((unsigned char)name[3])) shown = name + 3;
		if (strchr(shown, '_')) shown = ig_arena_strndup(k->a, shown, (size_t)(strchr(shown, '_') - shown));
	}
	const char *parents[1] = {cdk__key(k, mod)};
	const char *fix = cdk_suggest(k, parents, 1, shown);
	if (cdk__js_read(k)) cdk__js_undefined(k, parents[0], "export", shown, line, fix);
	else
		cdk_report(k, "cdk.unknown-class", line, shown, fix, "%s has no %s in %s: %s", parents[0], shown, cdk__version(k),
			   cdk__consequence(k));
	return cdk__unknown;
}

/* ---- members ---- */

static void cdk__report_member(cdk *k, const cdk_chain *ch, const char *name, unsigned line)
{
	const char *keys[CDK_MAX_BASES];
	size_t n = cdk__chain_keys(k, ch, keys);
	const char *fix = cdk_suggest(k, keys, n, name);
	if (cdk__js_read(k)) {
		cdk__js_undefined(k, keys[0], "member", name, line, fix);
		return;
	}
	cdk_report(k, "cdk.unknown-member", line, name, fix, "%s has no member %s in %s: %s", keys[0], name, cdk__version(k),
		   cdk__consequence(k));
}

/* Java reads a property through its getter: getBucketArn() is bucketArn. */
static const char *cdk__java_property(cdk *k, const char *name)
{
	if (k->lang != IG_LANG_JAVA || (strncmp(name, "get", 3) && strncmp(name, "set", 3)) || !isupper((unsigned char)name[3]))
		return NULL;
	char *p = ig_arena_strdup(k->a, name + 3);
	p[0] = (char)tolower((unsigned char)p[0]);
	return p;
}

static cdk_sym cdk__static_member(cdk *k, const ig_kb_entry *t, const char *name, unsigned line, bool open)
{
	if (cdk__universal(k, name, CDK_STATIC)) return cdk__unknown;
	cdk_chain ch;
	cdk__chain(k, t, &ch);
	bool other;
	const ig_kb_entry *m = cdk__lookup(k, &ch, name, CDK_STATIC, &other);
	const char *prop = m ? NULL : cdk__java_property(k, name);
	if (prop) {
		/* JsonPath.getTaskToken(): a static property that is not a constant */
		bool other2;
		const ig_kb_entry *p = cdk__lookup(k, &ch, prop, CDK_STATIC, &other2);
		if (p && ig_kb_kind_of(p) == IG_KB_STATIC_PROPERTY) {
			cdk_deprecated(k, p, line);
			return cdk__sym(CDK_CALLABLE, p);
		}
	}
	if (m) {
		cdk_deprecated(k, m, line);
		/* an enum member is a number or a string: its own members are the language's */
		if (ig_kb_kind_of(m) == IG_KB_ENUM_MEMBER) return cdk__unknown;
		return cdk__of_member(k, m, false);
	}
	if (!other && ch.complete && !open && !cdk__ts_only(k, t, name)) cdk__report_member(k, &ch, name, line);
	return cdk__unknown;
}

static cdk_sym cdk__instance_member(cdk *k, cdk_sym v, const char *name, unsigned line)
{
	if (ig_kb_kind_of(v.e) == IG_KB_ENUM || cdk__universal(k, name, CDK_INSTANCE)) return cdk__unknown;
	cdk_chain ch;
	cdk__chain(k, v.e, &ch);
	bool other;
	const ig_kb_entry *m = cdk__lookup(k, &ch, name, CDK_INSTANCE, &other);
	const char *prop = m ? NULL : cdk__java_property(k, name);
	if (prop) {
		bool other2;
		m = cdk__lookup(k, &ch, prop, CDK_INSTANCE, &other2);
		other |= other2;
		if (m && ig_kb_kind_of(m) != IG_KB_PROPERTY) m = NULL;
		if (m) {
			/* the getter is called: its value is the property's */
			cdk_deprecated(k, m, line);
			cdk_sym s = cdk__sym(CDK_CALLABLE, m);
			return s;
		}
	}
	if (m) {
		cdk_deprecated(k, m, line);
		return cdk__of_member(k, m, v.open);
	}
	if (!other && ch.complete && !v.open) cdk__report_member(k, &ch, name, line);
	return cdk__unknown;
}

cdk_sym cdk_member(cdk *k, cdk_sym from, const char *name, unsigned line)
{
	if (!name || !*name || !from.e) return cdk__unknown;
	switch (from.kind) {
	case CDK_MODULE: return cdk__module_member(k, from.e, name, line);
	case CDK_TYPE: return cdk__static_member(k, from.e, name, line, from.open);
	case CDK_VALUE: return cdk__instance_member(k, from, name, line);
	default: return cdk__unknown;
	}
}

/* ---- calls and props ---- */

size_t cdk_params(cdk *k, const ig_kb_entry *e, cdk_param *out, size_t max)
{
	size_t n = 0;
	const char *p = ig_kb_str(k->kb, e->aux);
	while (*p && n < max) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *line = ig_arena_strndup(k->a, p, len);
		cdk_param *q = &out[n++];
		memset(q, 0, sizeof *q);
		if (strncmp(line, "...", 3) == 0) q->variadic = true, line += 3;
		const char *colon = strchr(line, ':');
		size_t nlen = colon ? (size_t)(colon - line) : strlen(line);
		if (nlen && line[nlen - 1] == '?') q->optional = true, nlen--;
		q->name = ig_arena_strndup(k->a, line, nlen);
		q->type = colon ? colon + 1 : "";
		if (!nl) break;
		p = nl + 1;
	}
	return n;
}

const ig_kb_entry *cdk_struct_of(cdk *k, const char *type, bool list)
{
	if (!type) return NULL;
	size_t n = strlen(type);
	if (list && n > 6 && strncmp(type, "list<", 5) == 0 && type[n - 1] == '>') type += 5, n -= 6;
	const ig_kb_entry *e = ig_kb_find(k->kb, type, n);
	return e && ig_kb_kind_of(e) == IG_KB_STRUCT ? e : NULL;
}

const ig_kb_entry *cdk_prop(cdk *k, const ig_kb_entry *st, const char *name, unsigned line)
{
	if (!st || !name || !*name) return NULL;
	cdk_chain ch;
	cdk__chain(k, st, &ch);
	bool other;
	const ig_kb_entry *m = cdk__lookup(k, &ch, name, CDK_INSTANCE, &other);
	if (m && ig_kb_kind_of(m) == IG_KB_PROPERTY) {
		cdk_deprecated(k, m, line);
		return m;
	}
	if (!m && !other && ch.complete) {
		const char *keys[CDK_MAX_BASES];
		size_t n = cdk__chain_keys(k, &ch, keys);
		const char *fix = cdk_suggest(k, keys, n, name);
		if (k->lang == IG_LANG_JS) cdk__js_undefined(k, keys[0], "property", name, line, fix);
		else
			cdk_report(k, "cdk.unknown-prop", line, name, fix, "%s has no property %s in %s: %s", keys[0], name,
				   cdk__version(k), cdk__consequence(k));
	}
	return NULL;
}

/* ---- imports ---- */

/* The module an unbound name stands for by convention: `ec2` for aws_ec2,
 * `cdk` for the root (the Python module names without "aws_"), `lambda_`
 * for aws_lambda; in Go the package name (`awsec2`). */
static const ig_kb_entry *cdk__conventional(cdk *k, const char *alias)
{
	char key[256];
	const ig_kb_entry *a = NULL;
	if (k->lang == IG_LANG_GO) {
		snprintf(key, sizeof key, "gopkg:%s", alias);
		a = cdk__find(k, key);
	} else if (k->lang != IG_LANG_JAVA) {
		size_t n = strlen(alias);
		if (n && alias[n - 1] == '_') n--;
		snprintf(key, sizeof key, "py:aws_cdk.aws_%.*s", (int)n, alias);
		a = cdk__find(k, key);
		if (!a) {
			snprintf(key, sizeof key, "py:aws_%.*s", (int)n, alias);
			a = cdk__find(k, key);
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
	const char *prefix = cdk__prefix(k, mod), *rest;
	const ig_kb_entry *owner = NULL, *e;
	bool ctor;
	e = k->lang == IG_LANG_GO ? cdk__go_name(k, prefix, next, &owner, &rest, &ctor) : cdk__child(k, prefix, next);
	if (!e) e = owner;
	if (!e || !(cdk__is_type(ig_kb_kind_of(e)) || ig_kb_kind_of(e) == IG_KB_MODULE)) return;
	cdk_missing *m = IG_PUSH(k->a, k->missing, k->n_missing, k->cap_missing);
	m->alias = alias;
	m->module = mod;
	m->used = ig_arena_printf(k->a, "%s.%s", alias, next);
	m->line = line;
}

/* The import statement that would bind alias to the module. */
static const char *cdk__import_fix(cdk *k, const cdk_missing *m)
{
	const char *aux = ig_kb_str(k->kb, m->module->aux);
	const char *want = k->lang == IG_LANG_PY ? "py=" : k->lang == IG_LANG_GO ? "gopath=" : "ts=";
	const char *p = strstr(aux, want);
	if (!p) return NULL;
	p += strlen(want);
	size_t n = strcspn(p, "\n");
	if (k->lang == IG_LANG_PY) {
		const char *dot = memchr(p, '.', n);
		if (!dot) return ig_arena_printf(k->a, "import %.*s as %s", (int)n, p, m->alias);
		return ig_arena_printf(k->a, "from %.*s import %.*s as %s", (int)(dot - p), p, (int)(n - (size_t)(dot - p) - 1),
				       dot + 1, m->alias);
	}
	if (k->lang == IG_LANG_GO) return ig_arena_printf(k->a, "import \"%.*s\"", (int)n, p);
	return ig_arena_printf(k->a, "import * as %s from '%.*s';", m->alias, (int)n, p);
}

static void cdk__finish(cdk *k)
{
	for (size_t i = 0; i < k->n_missing; i++) {
		const cdk_missing *m = &k->missing[i];
		if (ig_strmap_get(&k->plain, m->alias, strlen(m->alias)) || ig_strmap_get(&k->names, m->alias, strlen(m->alias)))
			continue;
		cdk_report(k, "cdk.missing-import", m->line, m->alias, cdk__import_fix(k, m),
			   "%s is used (%s) but never imported or declared in this file: %s", m->alias, m->used,
			   cdk__consequence(k));
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
			cdk_sym s = cdk__sym(CDK_MODULE, mod);
			while (*rest) {
				const char *dot = strchr(rest, '.');
				char *seg = ig_arena_strndup(k->a, rest, dot ? (size_t)(dot - rest) : strlen(rest));
				/* a lower-case segment is a package the index does not hold (alpha modules) */
				if (s.kind == CDK_MODULE && !cdk__child(k, cdk__prefix(k, s.e), seg) && !isupper((unsigned char)seg[0]))
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
				cdk_report(k, "cdk.unknown-module", it->line, path, NULL,
					   "%s is not a module of %s: the import fails", path, cdk__version(k));
			cdk_bind(k, alias, cdk__unknown);
			continue;
		}
		cdk_sym s = cdk__sym(CDK_MODULE, mod);
		k->deref = true; /* an ES module that lacks a named export fails to load */
		if (it->member) s = cdk_member(k, s, it->member, it->line);
		cdk_bind(k, alias, s);
	}
	return true;
}

/* ---- walking ---- */

void cdk_walk(cdk *k, cdk_visit_fn fn)
{
	enum { MAX_STACK = 512 };
	const char *types[MAX_STACK];
	unsigned errors[MAX_STACK]; /* ERROR nodes among the ancestors, per depth */
	unsigned depth = 0;
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(k->p->tree));
	types[0] = NULL;
	errors[0] = 0;
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		unsigned d = depth < MAX_STACK ? depth : MAX_STACK - 1;
		const char *parent = d ? types[d - 1] : NULL;
		bool in_error = errors[d] > 0 || ts_node_is_missing(n);
		fn(k, n, depth < MAX_STACK ? parent : NULL, ts_tree_cursor_current_field_name(&c), in_error);
		if (ts_tree_cursor_goto_first_child(&c)) {
			if (depth + 1 < MAX_STACK) {
				types[depth] = ts_node_type(n);
				errors[depth + 1] = errors[d] + (strcmp(ts_node_type(n), "ERROR") == 0);
			}
			depth++;
			continue;
		}
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&c)) break;
			if (!ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
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
