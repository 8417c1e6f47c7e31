/* The config objects of CDKTF and Pulumi resources checked member by member
 * against a knowledge-base key, in TypeScript/JavaScript (object literals),
 * Python (keyword arguments, dicts, struct calls) and Go (composite
 * literals). Names fold (camelCase, snake_case and PascalCase are one name).
 * A spread, a computed key, a variable holding the config or a value of a
 * call the walker cannot place is unknown: it is skipped, never reported. */
#ifndef IG_CHECK_TFCFG_H
#define IG_CHECK_TFCFG_H
#include "check/tfkb.h"

typedef struct ig_tfcfg ig_tfcfg;
struct ig_tfcfg {
	ig_check_ctx *c;
	const ig_kb *kb;
	const char *rule_unknown;    /* "cdktf.unknown-property" */
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
	void *data;
};

/* Check one value (an object literal, dict, struct call, composite literal,
 * or a list of them) against key. */
void ig_tfcfg_value(ig_tfcfg *t, TSNode value, const char *key, int depth);
/* Check the keyword arguments of a Python call (positional ones skipped;
 * `skip` names a keyword to leave alone, e.g. "opts"). */
void ig_tfcfg_kwargs(ig_tfcfg *t, TSNode arglist, const char *key, const char *skip, int depth);
/* The n-th (0-based) argument of an argument list, skipping comments; null when absent. */
TSNode ig_tfcfg_arg(TSNode args, uint32_t n);
/* Whether the config walker reads this language (TypeScript, JavaScript, Python, Go). */
bool ig_tfcfg_lang(ig_lang l);
/* Every constructor-shaped call of the file, in source order: `new X(...)` in
 * TypeScript/JavaScript, `X(...)` in Python and Go, with its callee, argument
 * list and 1-based line. The walk is iterative: code can nest deeply. */
void ig_tfcfg_each_call(ig_check_ctx *c, void (*fn)(void *ctx, TSNode callee, TSNode args, unsigned line), void *ctx);
/* The last identifier of a callee (`aws.s3.Bucket` -> "Bucket"), in the arena; NULL when not a name. */
const char *ig_tfcfg_last_name(ig_check_ctx *c, TSNode callee);
#endif
