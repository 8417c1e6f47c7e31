/* The config objects of CDKTF and Pulumi resources checked member by member
 * against a knowledge-base key, in TypeScript/JavaScript (object literals),
 * Python (keyword arguments, dicts, struct calls), Go (composite literals)
 * and Java (builder chains: each method a member). Names fold (camelCase,
 * snake_case and PascalCase are one name). A spread, a computed key, a
 * variable holding the config or a value of a call the walker cannot place
 * is unknown: it is skipped, never reported.
 *
 * tfcfg.c walks the values; tfcfg_call.c finds the calls of a file and the
 * imports that name them. */
#ifndef IG_CHECK_TFCFG_H
#define IG_CHECK_TFCFG_H
#include "check/tfkb.h"

typedef struct ig_tfcfg ig_tfcfg;
struct ig_tfcfg {
	ig_check_ctx *c;
	const ig_kb *kb;
	const char *rule_unknown;    /* IG_RULE_CDKTF_UNKNOWN_PROPERTY */
	const char *rule_removed;    /* names only in the previous major (tf.kb), or NULL */
	const char *rule_deprecated; /* @deprecated members (pulumi.kb), or NULL */
	const char *what;            /* "S3Bucket (aws_s3_bucket)", for messages */
	const char *top;             /* the resource's key ("aws_s3_bucket", "s3.Bucket") */
	/* The key a member's nested objects are checked against, or NULL. */
	const char *(*nested)(ig_tfcfg *t, const ig_kb_entry *member);
	/* Whether a call `Name(...)` builds the nested object of key (a CDKTF
	 * struct class, a Pulumi XArgs class): its arguments are then checked. */
	bool (*struct_call)(ig_tfcfg *t, const char *name, const char *key);
	/* Names of the framework's own that the top level accepts (CDKTF meta-arguments). */
	bool (*framework)(ig_tfcfg *t, const char *name);
	/* For a name the kb lacks: the note of an older schema that had it
	 * (Pulumi through its bridged Terraform type in tf.kb), or NULL. It is
	 * then reported under rule_removed, never as unknown. */
	const char *(*older)(ig_tfcfg *t, const char *key, const char *name);
	/* For a name the top level lacks: a fix that says what it is instead (a
	 * Pulumi resource option written among the arguments), or NULL. */
	const char *(*unknown_fix)(ig_tfcfg *t, const char *name);
	void *data;
};

/* Check one value (an object literal, dict, struct call, composite literal,
 * Java builder chain, or a list of them) against key. */
void ig_tfcfg_value(ig_tfcfg *t, TSNode value, const char *key, int depth);
/* Check the Java builder methods called on the result of `from`, up to
 * build(): `S3Bucket.Builder.create(this, "b").bucket("x").build()`. */
void ig_tfcfg_java_builder(ig_tfcfg *t, TSNode from, const char *key, int depth);
/* Check the keyword arguments of a Python call (positional ones skipped;
 * `skip` names a keyword to leave alone, e.g. "opts"). */
void ig_tfcfg_kwargs(ig_tfcfg *t, TSNode arglist, const char *key, const char *skip, int depth);
/* The n-th (0-based) argument of an argument list, skipping comments; null when absent. */
TSNode ig_tfcfg_arg(TSNode args, uint32_t n);
/* A display spelling of a Terraform or Pulumi name in the file's language:
 * retention_in_days as retentionInDays (TS, Java), RetentionInDays (Go),
 * retention_in_days (Python), in the arena. Only for messages: lookups fold. */
const char *ig_tfcfg_spell(ig_check_ctx *c, const char *name);
/* Whether the config walker reads this language (TypeScript, JavaScript, Python, Go, Java). */
bool ig_tfcfg_lang(ig_lang l);

/* One call of a file. */
typedef struct ig_tfcfg_call {
	TSNode node;   /* the call */
	TSNode callee; /* what it calls (`aws.s3.Bucket`, a Java type); a Java method invocation is its own callee */
	TSNode args;   /* its argument list */
	unsigned line; /* 1-based */
	bool is_new;   /* `new X(...)`; Python and Go construct with plain calls */
} ig_tfcfg_call;
/* Every call of the file, in source order: `new X(...)` and plain calls in
 * TypeScript/JavaScript and Java, calls in Python and Go. The walk is
 * iterative: code can nest deeply. */
void ig_tfcfg_each_call(ig_check_ctx *c, void (*fn)(void *ctx, const ig_tfcfg_call *call), void *ctx);
/* The identifiers a callee names, outermost first (ig_node_chain; a Java
 * method invocation gives its object's chain and then the method:
 * `S3Bucket.Builder.create`, `Ec2Functions.getAmi`). 0 when it is not a plain name. */
int ig_tfcfg_callee(ig_check_ctx *c, TSNode callee, const char **parts, int max);
/* The last identifier of a callee (`aws.s3.Bucket` -> "Bucket"), in the arena; NULL when not a name. */
const char *ig_tfcfg_last_name(ig_check_ctx *c, TSNode callee);
/* Whether a package `path` holds `name` (the check's own knowledge, for Java wildcards). */
typedef bool (*ig_tfcfg_has_fn)(void *ctx, const char *path, const char *name);
/* The import a callee's parts come through: sets *path to the module path
 * it names and *member to the imported name (NULL for a whole module), and
 * returns how many leading parts it stands for. The binding of parts[0];
 * in Java also a fully qualified name (`com.pulumi.aws.s3.Bucket`: the
 * parts before the first capitalised one are the package) or the one
 * wildcard import whose package `has` parts[0] (0 parts used). -1 when
 * no import names it. */
int ig_tfcfg_binding(ig_check_ctx *c, const char **parts, int n, ig_tfcfg_has_fn has, void *ctx, const char **path, const char **member);
#endif
