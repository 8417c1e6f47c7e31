/* The CDK checks (docs/rules/cdk.md): names the code takes from aws-cdk-lib
 * are resolved at the syntax level and looked up in build/kb/cdk.kb.
 *
 * cdk.c holds the state and the steps every language shares: findings,
 * import bindings, local names, the missing-import check, the tree walk;
 * cdk_member.c what a name denotes in the index: members through bases,
 * props, each language's spellings. One walker per language turns its
 * syntax into those steps:
 * cdk_ts.c (TypeScript and JavaScript), cdk_py.c, cdk_go.c, cdk_java.c.
 * cdk_suggest.c writes the "did you mean" text.
 *
 * What resolves is checked; what does not (a local of unknown type, another
 * library, a spread, a type outside the index) is unknown and never reported. */
#ifndef IG_CHECK_CDK_H
#define IG_CHECK_CDK_H
#include "check/check.h"
#include "util/strmap.h"
#include <string.h>

/* The root module's key: its types are top-level keys ("Duration"). */
#define CDK_ROOT "aws-cdk-lib"

/* What an expression denotes, as far as the index tells. */
typedef enum cdk_kind {
	CDK_UNKNOWN = 0,
	CDK_MODULE,   /* a module: e = its entry */
	CDK_TYPE,     /* a class, struct, interface or enum itself (its static side): e = the type */
	CDK_VALUE,    /* an instance of a type: e = the type */
	CDK_CALLABLE, /* a method or static method before the call: e = the method */
	CDK_BUILDER,  /* Java: a builder; its methods are the props of e (a struct), build() gives `builds` */
} cdk_kind;

typedef struct cdk_sym {
	cdk_kind kind;
	const ig_kb_entry *e;
	const ig_kb_entry *builds; /* CDK_BUILDER */
	bool open;                 /* may have members the type does not list (a Python interface proxy, any
				      JavaScript value, a Java name a foreign wildcard import may also give) */
} cdk_sym;

#define CDK_MAX_PARAMS 24

typedef struct cdk_param {
	const char *name, *type;
	bool optional, variadic;
} cdk_param;

typedef struct cdk_missing {
	const char *alias;           /* `ec2`, used as a module but bound nowhere */
	const ig_kb_entry *module;   /* the module the name stands for by convention */
	const char *used;            /* "ec2.Vpc" */
	unsigned line;
} cdk_missing;

typedef struct cdk {
	ig_check_ctx *c;
	const ig_kb *kb;
	ig_arena *a;
	const ig_parse *p;
	ig_lang lang;              /* IG_LANG_TS (also for TSX), JS, PY, GO or JAVA */
	const char *tag;           /* the kb's alias prefix for the language: "ts", "py", "go", "java" */
	bool folded;               /* member names compare ignoring case and '_' (Python, Go) */
	ig_strmap names;           /* local name -> cdk_sym * (imports, typed variables) */
	ig_strmap reported;        /* findings made, "rule:line:name" */
	ig_strmap plain;           /* names seen in a position that is not `name.member` */
	cdk_missing *missing;
	size_t n_missing, cap_missing;
	const ig_kb_entry *wild[16]; /* modules whose every name is imported (Java `.*`, Python `import *`) */
	size_t n_wild;
	bool wild_foreign;         /* a wildcard import of something not indexed: unbound names may come from it */
	bool deref;                /* JavaScript: the member looked up now is called or read through */
	bool java_setters;         /* Java: the props looked up now are a builder's methods (for "did you mean") */
} cdk;

/* Every node of the file's tree once, in source order, with its parent's
 * node type and its field in the parent (NULL when none). Nodes inside a
 * syntax error are visited with in_error set: the code there is broken
 * anyway, so only the names it declares are worth noting. */
typedef void (*cdk_visit_fn)(cdk *k, TSNode n, const char *parent, const char *field, bool in_error);
void cdk_walk(cdk *k, cdk_visit_fn fn);

/* Node helpers the walkers share. */
static inline bool cdk_is(TSNode n, const char *type) { return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0; }
static inline const char *cdk_text(cdk *k, TSNode n) { return ig_node_text(k->a, k->p, n); }

/* Language walkers. */
void cdk_walk_ts(cdk *k);
void cdk_walk_py(cdk *k);
void cdk_walk_go(cdk *k);
void cdk_walk_java(cdk *k);
/* A struct property's Java builder method as jsii-pacmak names it
 * (`enforceSsl` for enforceSSL, `defaultValue` for default; from the index). */
const char *cdk_java_setter(cdk *k, const ig_kb_entry *prop);

/* ---- names ---- */

/* The symbol a local name is bound to (import, typed variable, wildcard). */
cdk_sym cdk_name(cdk *k, const char *name);
/* Bind a local variable to what its initializer or annotation denotes. A
 * name bound twice to different things becomes unknown (scopes are not
 * tracked, so two `bucket` variables of different types stay unresolved). */
void cdk_bind(cdk *k, const char *name, cdk_sym s);
/* A name used where it is not the qualifier of `name.member`: it is declared
 * or used as a value somewhere, so it is never a missing import. */
void cdk_plain(cdk *k, const char *name);
/* `alias.next` where alias is bound nowhere: remembered, reported at the end
 * when alias is a module's conventional name and was never declared. */
void cdk_unbound_qualifier(cdk *k, const char *alias, const char *next, unsigned line);

/* ---- resolution ---- */

/* The module an import path names in this language, or NULL. *exists is
 * set when the path is a known import that the index does not cover. */
const ig_kb_entry *cdk_module_of_path(cdk *k, const char *path, bool *exists);
/* name.member, with the finding when the index is sure it does not exist or
 * is deprecated. */
cdk_sym cdk_member(cdk *k, cdk_sym from, const char *name, unsigned line);
/* A value of a type given as a kb type string ("aws_rds.IClusterEngine"). */
cdk_sym cdk_value_of(cdk *k, const char *type);
/* The result of calling a method, constructing a class or a struct. */
cdk_sym cdk_result(cdk *k, cdk_sym callee);
/* Parameters of a method or initializer (from the entry's aux). */
size_t cdk_params(cdk *k, const ig_kb_entry *e, cdk_param *out, size_t max);
/* The struct entry a type string names ("aws_ec2.SubnetSelection"); with
 * list set, also the element of "list<...>". NULL when it is not a struct. */
const ig_kb_entry *cdk_struct_of(cdk *k, const char *type, bool list);
/* One key of a struct literal (props). Reports unknown and deprecated keys;
 * returns the prop entry, or NULL when absent or not known. */
const ig_kb_entry *cdk_prop(cdk *k, const ig_kb_entry *st, const char *name, unsigned line);
/* The property of a struct (or its bases) called name, without reporting;
 * NULL when absent or not known. */
const ig_kb_entry *cdk_find_prop(cdk *k, const ig_kb_entry *st, const char *name);
/* Calls fn for each property of st and its bases once (the nearest
 * declaration of a name), in base order. Returns false when a base is not
 * indexed: the list is then incomplete. */
bool cdk_each_prop(cdk *k, const ig_kb_entry *st, void (*fn)(cdk *k, const ig_kb_entry *prop, void *ctx), void *ctx);
/* A type or member used: cdk.deprecated when the data marks it. */
void cdk_deprecated(cdk *k, const ig_kb_entry *e, unsigned line);
/* Whether a kb name (a member, a parameter) is `name` in this language's spelling. */
bool cdk_name_eq(cdk *k, const char *kb_name, const char *name);

/* ---- required props (cdk_required.c) ---- */

/* The keys a props literal gives: an object literal, keyword arguments, a
 * dict, a Go struct literal, the setters of a Java builder chain. */
typedef struct cdk_given {
	const char **names;
	size_t n, cap;
	bool open; /* a spread, **kwargs, a computed or unknown key: more may be given */
} cdk_given;

void cdk_give(cdk *k, cdk_given *g, const char *name);
/* cdk.missing-required-prop: the props st (with its bases) requires that g
 * does not give, reported at line. Nothing when g is open. */
void cdk_required(cdk *k, const ig_kb_entry *st, const cdk_given *g, unsigned line);

/* ---- the index (cdk_member.c) ---- */

/* A kb entry's key; the entry of a key, or NULL. */
static inline const char *cdk_key(cdk *k, const ig_kb_entry *e) { return ig_kb_key(k->kb, e); }
static inline const ig_kb_entry *cdk_find(cdk *k, const char *key) { return ig_kb_find(k->kb, key, strlen(key)); }
/* The prefix of a module's children: "" for the root, whose types are top-level keys. */
const char *cdk_prefix(cdk *k, const ig_kb_entry *mod);
bool cdk_is_type(ig_kb_kind kind);
/* The child of parent called name in the language's spelling. */
const ig_kb_entry *cdk_child(cdk *k, const char *parent, const char *name);
/* Whether name is a line of a '\n' list in a kb string. */
bool cdk_in_list(const char *list, const char *name);
/* The module's import path in the file's language (aws-cdk-lib/aws-lambda,
 * aws_cdk.aws_lambda, the Go package path, software.amazon.awscdk.services.lambda),
 * n bytes; NULL when the index has none. */
const char *cdk_module_path(cdk *k, const ig_kb_entry *mod, size_t *n);
/* A Go package member, resolved without reporting: the entry name is, or
 * with *ctor a class NewX constructs, or (NULL) the type *owner whose
 * member *rest is spelled Type_Member. */
const ig_kb_entry *cdk_go_name(cdk *k, const char *prefix, const char *name, const ig_kb_entry **owner, const char **rest,
			       bool *ctor);
cdk_sym cdk_sym_of(cdk_kind kind, const ig_kb_entry *e);
/* The symbol a member, type or module entry gives when named. */
cdk_sym cdk_of_member(cdk *k, const ig_kb_entry *m, bool open);

/* ---- findings (cdk.c) ---- */

/* "aws-cdk-lib 2.276.0", for messages. */
const char *cdk_version(cdk *k);
/* What a name that does not exist does to the build, in this language. */
const char *cdk_consequence(cdk *k);

/* Report once per rule, line and name. */
void cdk_report(cdk *k, const char *rule, unsigned line, const char *name, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* "did you mean" text for name among the children of the parents (a type and
 * its bases), spelled for the language; NULL when nothing is close. */
const char *cdk_suggest(cdk *k, const char *const *parents, size_t n, const char *name);
/* A kb name as the language spells it (Python snake_case, Go PascalCase). */
const char *cdk_spell(cdk *k, const char *name, bool member);
#endif
