/* CDK checks: what a name denotes in the index (cdk.h): a module's types,
 * a type's members through its bases, props, Go's package-level spellings,
 * Java's getters. Reports what the index is sure does not exist. */
#include "check/cdk.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>


static const cdk_sym cdk__unknown = {0};

/* ---- small helpers ---- */

const char *cdk_prefix(cdk *k, const ig_kb_entry *mod)
{
	const char *key = cdk_key(k, mod);
	return strcmp(key, CDK_ROOT) == 0 ? "" : key;
}

bool cdk_is_type(ig_kb_kind kind)
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

const ig_kb_entry *cdk_child(cdk *k, const char *parent, const char *name)
{
	const ig_kb_entry *e = *parent ? ig_kb_child(k->kb, parent, name) : cdk_find(k, name);
	if (e || !k->folded || !*parent) return e;
	cdk_fold_ctx c = {.k = k, .name = name};
	ig_kb_each_child(k->kb, parent, cdk__fold_visit, &c);
	return c.best;
}

bool cdk_name_eq(cdk *k, const char *kb_name, const char *name)
{
	return k->folded ? cdk__fold_eq(kb_name, name) : strcmp(kb_name, name) == 0;
}

/* The line of a '\n' list that is name or "name=value"; NULL when absent. */
static const char *cdk__list_line(const char *list, const char *name, size_t *len)
{
	size_t n = strlen(name);
	for (const char *p = list; *p;) {
		size_t l = strcspn(p, "\n");
		if (l >= n && memcmp(p, name, n) == 0 && (l == n || p[n] == '=')) {
			*len = l;
			return p;
		}
		p += l + (p[l] == '\n');
	}
	return NULL;
}

bool cdk_in_list(const char *list, const char *name)
{
	size_t len;
	return cdk__list_line(list, name, &len) != NULL;
}

/* ---- bases ---- */

typedef struct {
	const ig_kb_entry *types[IG_KB_MAX_BASES];
	size_t n;
	bool complete; /* every base is indexed */
} cdk_chain;

/* A type and every type it extends or implements, breadth first. */
static void cdk__chain(cdk *k, const ig_kb_entry *t, cdk_chain *ch)
{
	ch->n = ig_kb_bases(k->kb, t, ch->types, IG_KB_MAX_BASES, &ch->complete);
}

static size_t cdk__chain_keys(cdk *k, const cdk_chain *ch, const char **keys)
{
	for (size_t i = 0; i < ch->n; i++) keys[i] = cdk_key(k, ch->types[i]);
	return ch->n;
}

typedef enum { CDK_STATIC, CDK_INSTANCE } cdk_side;

static bool cdk__on_side(const ig_kb_entry *e, cdk_side side)
{
	ig_kb_kind kind = ig_kb_kind_of(e);
	if (side == CDK_INSTANCE) return kind == IG_KB_PROPERTY || kind == IG_KB_METHOD;
	return kind == IG_KB_STATIC_PROPERTY || kind == IG_KB_STATIC_METHOD || kind == IG_KB_ENUM_MEMBER || cdk_is_type(kind);
}

/* name on the type or a base. *other is set when the name exists on the
 * other side (an instance member reached statically): not reported. */
static const ig_kb_entry *cdk__lookup(cdk *k, const cdk_chain *ch, const char *name, cdk_side side, bool *other)
{
	*other = false;
	for (size_t i = 0; i < ch->n; i++) {
		const ig_kb_entry *e = cdk_child(k, cdk_key(k, ch->types[i]), name);
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

cdk_sym cdk_sym_of(cdk_kind kind, const ig_kb_entry *e)
{
	cdk_sym s = {kind, e, NULL, false};
	return s;
}

cdk_sym cdk_value_of(cdk *k, const char *type)
{
	if (!type || !*type) return cdk__unknown;
	const ig_kb_entry *t = cdk_find(k, type);
	if (!t || !cdk_is_type(ig_kb_kind_of(t))) return cdk__unknown;
	cdk_sym s = cdk_sym_of(CDK_VALUE, t);
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
		return cdk_sym_of(CDK_VALUE, callee.e);
	return cdk__unknown;
}

/* The symbol a found member gives. */
cdk_sym cdk_of_member(cdk *k, const ig_kb_entry *m, bool open)
{
	switch (ig_kb_kind_of(m)) {
	case IG_KB_PROPERTY:
	case IG_KB_STATIC_PROPERTY: {
		cdk_sym s = cdk_value_of(k, ig_kb_str(k->kb, m->type));
		s.open |= open;
		return s;
	}
	case IG_KB_METHOD:
	case IG_KB_STATIC_METHOD: return cdk_sym_of(CDK_CALLABLE, m);
	case IG_KB_MODULE: return cdk_sym_of(CDK_MODULE, m);
	default: return cdk_is_type(ig_kb_kind_of(m)) ? cdk_sym_of(CDK_TYPE, m) : cdk__unknown;
	}
}

/* ---- modules ---- */

/* A type of that name in another module, as the fix of a type looked for in
 * the wrong one: `cdk.IConstruct` is constructs', `ec2.Function` aws_lambda's.
 * Only on the error path: a scan of the whole index. */
typedef struct {
	cdk *k;
	const ig_kb_entry *here;
	size_t name_len;
	char buf[512];
	int used, found;
} cdk_elsewhere_ctx;

static bool cdk__elsewhere_visit(const ig_kb_entry *e, void *vctx)
{
	cdk_elsewhere_ctx *c = vctx;
	cdk *k = c->k;
	if (!cdk_is_type(ig_kb_kind_of(e))) return true;
	const char *key = ig_kb_key(k->kb, e);
	const ig_kb_entry *mod = ig_kb_find(k->kb, key, strlen(key) - c->name_len - 1);
	if (!mod || mod == c->here || ig_kb_kind_of(mod) != IG_KB_MODULE) return true;
	const char *mkey = cdk_key(k, mod);
	size_t pn;
	const char *p = cdk_module_path(k, mod, &pn);
	bool same = p && pn == strlen(mkey) && strncmp(p, mkey, pn) == 0;
	int w = snprintf(c->buf + c->used, sizeof c->buf - (size_t)c->used, p && !same ? "%s%s (%.*s)" : "%s%s",
			 c->found ? ", " : "", mkey, (int)pn, p);
	if (w < 0 || (size_t)(c->used + w) >= sizeof c->buf) return false;
	c->used += w;
	return ++c->found < 3;
}

static const char *cdk__elsewhere(cdk *k, const ig_kb_entry *here, const char *name)
{
	cdk_elsewhere_ctx c = {.k = k, .here = here, .name_len = strlen(name)};
	c.used = snprintf(c.buf, sizeof c.buf, "%s is in ", name);
	ig_kb_each_suffix(k->kb, name, cdk__elsewhere_visit, &c);
	return c.found ? ig_arena_strdup(k->a, c.buf) : NULL;
}

/* Names only TypeScript sees: module members jsii leaves out (functions,
 * constants, type aliases) and enum members sharing another's value. */
static bool cdk__ts_only(cdk *k, const ig_kb_entry *e, const char *name)
{
	ig_kb_kind kind = ig_kb_kind_of(e);
	return (k->lang == IG_LANG_TS || k->lang == IG_LANG_JS) && (kind == IG_KB_MODULE || kind == IG_KB_ENUM) &&
	       cdk_in_list(ig_kb_str(k->kb, e->extra), name);
}

/* Python's aws_cdk is a namespace package: other distributions (the alpha
 * modules, assets) add lower-case submodules the index does not hold. */
static bool cdk__open_namespace(cdk *k, const ig_kb_entry *mod, const char *name)
{
	return k->lang == IG_LANG_PY && !*cdk_prefix(k, mod) && !isupper((unsigned char)name[0]);
}

/* Go spells module members NewBucket (constructor), Bucket_FromBucketName
 * (static), RetentionDays_ONE_MONTH (enum member), CfnBucket_CorsRuleProperty
 * (nested type). Resolves without reporting; *owner is the type a member name
 * was looked up in, *rest the member part. */
const ig_kb_entry *cdk_go_name(cdk *k, const char *prefix, const char *name, const ig_kb_entry **owner,
				       const char **rest, bool *ctor)
{
	*owner = NULL;
	*rest = NULL;
	*ctor = false;
	const ig_kb_entry *e = cdk_child(k, prefix, name);
	if (e) return e;
	char buf[256];
	if (strncmp(name, "New", 3) == 0 && isupper((unsigned char)name[3])) {
		snprintf(buf, sizeof buf, "%s", name + 3);
		char *ov = strstr(buf, "_Override");
		if (ov && ov[9] == 0) *ov = 0; /* NewBucket_Override: the constructor for subclasses */
		const ig_kb_entry *c = cdk_child(k, prefix, buf);
		if (c && ig_kb_kind_of(c) == IG_KB_CLASS) {
			*ctor = true;
			return c;
		}
	}
	const char *us = strchr(name, '_');
	if (!us || us == name) return NULL;
	snprintf(buf, sizeof buf, "%.*s", (int)(us - name), name);
	*owner = cdk_child(k, prefix, buf);
	if (!*owner || !cdk_is_type(ig_kb_kind_of(*owner))) {
		*owner = NULL;
		return NULL;
	}
	*rest = us + 1;
	return NULL;
}

/* Go: the type a package-level name spells, nested types joined by '_'
 * (CfnPipeline_ActionDeclarationProperty), or NULL. */
static const ig_kb_entry *cdk__go_type(cdk *k, const char *prefix, const char *name)
{
	const ig_kb_entry *owner;
	const char *rest;
	bool ctor;
	const ig_kb_entry *e = cdk_go_name(k, prefix, name, &owner, &rest, &ctor);
	if (e) return !ctor && cdk_is_type(ig_kb_kind_of(e)) ? e : NULL;
	while (owner && rest && *rest) {
		const char *us = strchr(rest, '_');
		const ig_kb_entry *nested =
			cdk_child(k, cdk_key(k, owner), us ? ig_arena_strndup(k->a, rest, (size_t)(us - rest)) : rest);
		if (!nested || !cdk_is_type(ig_kb_kind_of(nested))) return NULL;
		if (!us) return nested;
		owner = nested;
		rest = us + 1;
	}
	return NULL;
}

/* Go: `NewX(...)` where X is a struct, an interface or an enum. jsii-pacmak
 * writes a constructor function only for a class; a struct is a literal
 * (`&awscodepipeline.CfnPipeline_ActionDeclarationProperty{...}`). */
static bool cdk__go_no_ctor(cdk *k, const ig_kb_entry *mod, const char *name, unsigned line)
{
	if (strncmp(name, "New", 3) != 0 || !isupper((unsigned char)name[3])) return false;
	const ig_kb_entry *t = cdk__go_type(k, cdk_prefix(k, mod), name + 3);
	if (!t || ig_kb_kind_of(t) == IG_KB_CLASS) return false;
	const char *pkg = strstr(ig_kb_str(k->kb, mod->aux), "go=");
	size_t pn = pkg ? strcspn(pkg + 3, "\n") : 0;
	const char *what = ig_kb_kind_of(t) == IG_KB_STRUCT ? "a struct" : ig_kb_kind_of(t) == IG_KB_ENUM ? "an enum" : "an interface";
	const char *fix = ig_kb_kind_of(t) == IG_KB_STRUCT
				  ? ig_arena_printf(k->a, "write the struct literal &%.*s%s%s{...}", (int)pn, pkg ? pkg + 3 : "",
						    pn ? "." : "", name + 3)
				  : NULL;
	cdk_report(k, IG_RULE_CDK_UNKNOWN_MEMBER, line, name, fix,
		   "%s is %s: Go has no constructor %s for it in %s (jsii-pacmak writes New functions for classes only): %s",
		   cdk_key(k, t), what, name, cdk_version(k), cdk_consequence(k));
	return true;
}

/* JavaScript reads a name that does not exist as undefined and goes on: only
 * using it (calling it, reading through it) fails. A prop key or a member
 * that is only read silently loses the setting it was meant for. */
static bool cdk__js_read(cdk *k) { return k->lang == IG_LANG_JS && !k->deref; }

static void cdk__js_undefined(cdk *k, const char *owner, const char *what, const char *name, unsigned line, const char *fix)
{
	cdk_report(k, IG_RULE_CDK_JS_UNDEFINED, line, name, fix,
		   "%s has no %s %s in %s: JavaScript reads it as undefined and the setting is lost", owner, what, name,
		   cdk_version(k));
}

static cdk_sym cdk__static_member(cdk *k, const ig_kb_entry *t, const char *name, unsigned line, bool open);

static cdk_sym cdk__module_member(cdk *k, const ig_kb_entry *mod, const char *name, unsigned line)
{
	const char *prefix = cdk_prefix(k, mod);
	const ig_kb_entry *e;
	if (k->lang == IG_LANG_GO) {
		const ig_kb_entry *owner;
		const char *rest;
		bool ctor;
		e = cdk_go_name(k, prefix, name, &owner, &rest, &ctor);
		if (!e && cdk__go_no_ctor(k, mod, name, line)) return cdk__unknown;
		if (ctor) {
			cdk_deprecated(k, e, line);
			cdk_sym s = cdk_sym_of(CDK_TYPE, e);
			return s;
		}
		if (owner) {
			cdk_deprecated(k, owner, line);
			/* CfnBucket_CorsRuleProperty, EmrCreateCluster_InstanceRoleType_MASTER:
			 * a nested type's name, then its member */
			const char *us;
			while (!cdk_child(k, cdk_key(k, owner), rest) && (us = strchr(rest, '_')) && us > rest) {
				const ig_kb_entry *nested = cdk_child(k, cdk_key(k, owner), ig_arena_strndup(k->a, rest, (size_t)(us - rest)));
				if (!nested || !cdk_is_type(ig_kb_kind_of(nested))) break;
				owner = nested;
				rest = us + 1;
			}
			return cdk__static_member(k, owner, rest, line, false);
		}
	} else {
		e = cdk_child(k, prefix, name);
	}
	if (e && (cdk_is_type(ig_kb_kind_of(e)) || ig_kb_kind_of(e) == IG_KB_MODULE)) {
		cdk_deprecated(k, e, line);
		return cdk_of_member(k, e, false);
	}
	if (e || cdk__ts_only(k, mod, name) || cdk__open_namespace(k, mod, name)) return cdk__unknown;
	/* Go package names that are not types (NewX of an unknown X, X_Y of an
	 * unknown X) are reported under the type's name */
	const char *shown = name;
	if (k->lang == IG_LANG_GO && cdk__has_lower(name)) {
		if (strncmp(name, "New", 3) == 0 && isupper((unsigned char)name[3])) shown = name + 3;
		if (strchr(shown, '_')) shown = ig_arena_strndup(k->a, shown, (size_t)(strchr(shown, '_') - shown));
	}
	const char *parents[1] = {cdk_key(k, mod)};
	const char *fix = cdk__elsewhere(k, mod, shown);
	if (!fix) fix = cdk_suggest(k, parents, 1, shown);
	if (cdk__js_read(k)) cdk__js_undefined(k, parents[0], "export", shown, line, fix);
	else
		cdk_report(k, IG_RULE_CDK_UNKNOWN_CLASS, line, shown, fix, "%s has no %s in %s: %s", parents[0], shown, cdk_version(k),
			   cdk_consequence(k));
	return cdk__unknown;
}

/* ---- members ---- */

static void cdk__report_member(cdk *k, const cdk_chain *ch, const char *name, unsigned line)
{
	const char *keys[IG_KB_MAX_BASES];
	size_t n = cdk__chain_keys(k, ch, keys);
	const char *fix = cdk_suggest(k, keys, n, name);
	if (cdk__js_read(k)) {
		cdk__js_undefined(k, keys[0], "member", name, line, fix);
		return;
	}
	cdk_report(k, IG_RULE_CDK_UNKNOWN_MEMBER, line, name, fix, "%s has no member %s in %s: %s", keys[0], name, cdk_version(k),
		   cdk_consequence(k));
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

/* An enum member TypeScript has and jsii dropped, used from another language:
 * jsii keeps one name per value (aws/jsii#2782), so GENERAL_PURPOSE_SSD is
 * GP2 outside TypeScript. Reported with the name that language has. */
static bool cdk__ts_enum_member(cdk *k, const ig_kb_entry *t, const char *name, unsigned line)
{
	size_t len;
	const char *l = ig_kb_kind_of(t) == IG_KB_ENUM ? cdk__list_line(ig_kb_str(k->kb, t->extra), name, &len) : NULL;
	if (!l) return false;
	size_t n = strlen(name);
	const char *jsii = len > n ? ig_arena_strndup(k->a, l + n + 1, len - n - 1) : NULL;
	const char *fix = jsii ? ig_arena_printf(k->a, "use %s (the same value)", jsii) : NULL;
	cdk_report(k, IG_RULE_CDK_UNKNOWN_MEMBER, line, name, fix,
		   "%s has no member %s outside TypeScript in %s (jsii keeps one name per value%s%s): %s", cdk_key(k, t), name,
		   cdk_version(k), jsii ? ": " : "", jsii ? jsii : "", cdk_consequence(k));
	return true;
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
			return cdk_sym_of(CDK_CALLABLE, p);
		}
	}
	if (m) {
		cdk_deprecated(k, m, line);
		/* an enum member is a number or a string: its own members are the language's */
		if (ig_kb_kind_of(m) == IG_KB_ENUM_MEMBER) return cdk__unknown;
		return cdk_of_member(k, m, false);
	}
	if (!other && ch.complete && !open && !cdk__ts_only(k, t, name) && !cdk__ts_enum_member(k, t, name, line))
		cdk__report_member(k, &ch, name, line);
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
		/* getDefaultValue() reads `default`: jsii-pacmak escapes a Java keyword */
		for (size_t i = 0; !m && i < ch.n; i++) {
			const ig_kb_entry *a = cdk_find(k, ig_arena_printf(k->a, "javaget:%s.%s", cdk_key(k, ch.types[i]), name));
			if (a && ig_kb_kind_of(a) == IG_KB_ALIAS) m = ig_kb_resolve(k->kb, a);
		}
		if (m && ig_kb_kind_of(m) != IG_KB_PROPERTY) m = NULL;
		if (m) {
			/* the getter is called: its value is the property's */
			cdk_deprecated(k, m, line);
			cdk_sym s = cdk_sym_of(CDK_CALLABLE, m);
			return s;
		}
	}
	if (m) {
		cdk_deprecated(k, m, line);
		return cdk_of_member(k, m, v.open);
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
		const char *keys[IG_KB_MAX_BASES];
		size_t n = cdk__chain_keys(k, &ch, keys);
		const char *fix = cdk_suggest(k, keys, n, name);
		if (k->lang == IG_LANG_JS) cdk__js_undefined(k, keys[0], "property", name, line, fix);
		else
			cdk_report(k, IG_RULE_CDK_UNKNOWN_PROP, line, name, fix, "%s has no property %s in %s: %s", keys[0], name,
				   cdk_version(k), cdk_consequence(k));
	}
	return NULL;
}


const ig_kb_entry *cdk_find_prop(cdk *k, const ig_kb_entry *st, const char *name)
{
	if (!st || !name || !*name) return NULL;
	cdk_chain ch;
	cdk__chain(k, st, &ch);
	bool other;
	const ig_kb_entry *m = cdk__lookup(k, &ch, name, CDK_INSTANCE, &other);
	return m && ig_kb_kind_of(m) == IG_KB_PROPERTY ? m : NULL;
}

typedef struct {
	cdk *k;
	const cdk_chain *ch;
	size_t at; /* the type whose properties are visited */
	void (*fn)(cdk *k, const ig_kb_entry *prop, void *ctx);
	void *ctx;
} cdk_each_ctx;

static bool cdk__each_visit(const ig_kb_entry *e, void *vctx)
{
	cdk_each_ctx *c = vctx;
	if (ig_kb_kind_of(e) != IG_KB_PROPERTY) return true;
	/* a name a nearer type declares was visited there */
	const char *name = ig_kb_name(c->k->kb, e);
	for (size_t j = 0; j < c->at; j++)
		if (ig_kb_child(c->k->kb, cdk_key(c->k, c->ch->types[j]), name)) return true;
	c->fn(c->k, e, c->ctx);
	return true;
}

bool cdk_each_prop(cdk *k, const ig_kb_entry *st, void (*fn)(cdk *k, const ig_kb_entry *prop, void *ctx), void *ctx)
{
	cdk_chain ch;
	cdk__chain(k, st, &ch);
	cdk_each_ctx c = {.k = k, .ch = &ch, .fn = fn, .ctx = ctx};
	for (c.at = 0; c.at < ch.n; c.at++) ig_kb_each_child(k->kb, cdk_key(k, ch.types[c.at]), cdk__each_visit, &c);
	return ch.complete;
}
