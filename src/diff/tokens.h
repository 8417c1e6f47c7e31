/* A file as the diff compares it: a stream of tokens whose hashes ignore what
 * never changes meaning (comments, whitespace, quote style, a TypeScript `;`,
 * a trailing comma, the spelling of a number, the order of a template's keys),
 * cut into units (a resource, a function or method, a class, a template
 * section, the file's top level) so that each change belongs to one unit.
 *
 * Built from the parse tree while the analysis still holds it (code files),
 * or from the value tree of a JSON or YAML document (templates and project
 * files), where keys are sorted and CloudFormation's short intrinsic forms are
 * read as the long ones. */
#ifndef IG_DIFF_TOKENS_H
#define IG_DIFF_TOKENS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "task/types.h"

typedef enum ig_unit_kind {
	IG_UNIT_TOP = 0,   /* the file's top level (index 0 of every stream) */
	IG_UNIT_CLASS,
	IG_UNIT_FUNCTION,  /* function, method, constructor, a function held by a variable */
	IG_UNIT_RESOURCE,  /* the statement or block that creates a resource */
	IG_UNIT_SECTION,   /* a template's parameter, output, condition, mapping; a Terraform variable, output, provider */
	IG_UNIT_IMPORTS,   /* the file's imports, compared as a set */
} ig_unit_kind;

const char *ig_unit_kind_name(ig_unit_kind k);

typedef struct ig_unit {
	ig_unit_kind kind;
	const char *name;        /* "TapStack", "TapStack.constructor", "DataBucket", "Parameters.Env"; "" at the top */
	const char *type;        /* a resource's native type ("AWS::S3::Bucket", "s3.Bucket"), else NULL */
	const char *service;     /* a resource's canonical service ("S3"), from detection; NULL when unknown */
	unsigned line, end_line; /* 1-based, in the file */
	uint32_t parent;         /* enclosing unit (0 = the top level) */
	uint32_t ordinal;        /* among units of the same key in the file: pairs duplicates in order */
} ig_unit;

enum {
	IG_TOKF_IDENT = 1,       /* an identifier (a rename may map it) */
	IG_TOKF_IMPORT = 2,      /* one whole import statement, hashed as one token */
};

typedef struct ig_token {
	uint64_t hash;           /* what is compared */
	uint64_t raw;            /* the exact text: a matched pair that differs here is an equivalent spelling */
	unsigned line, end_line;
	uint32_t unit;           /* innermost unit */
	uint32_t flags;
	const char *path;        /* data files: the key path ("Resources.B.Properties.BucketName"), else NULL */
} ig_token;

typedef struct ig_tokens {
	ig_token *tok;
	size_t n, cap;
	ig_unit *units;          /* units[0] is the top level */
	size_t n_units, cap_units;
	uint64_t *declared;      /* hashes of identifiers the file declares (variables, parameters, functions) */
	size_t n_declared, cap_declared;
	unsigned n_lines;
	uint8_t *comment_line;   /* [1..n_lines]: the line holds (part of) a comment */
	bool data;               /* built from a JSON/YAML value tree */
} ig_tokens;

/* The stream of a parsed file (f->parse.tree still held, resources detected).
 * NULL for a file that is not parsed. */
ig_tokens *ig_tokens_build(ig_arena *a, const ig_file *f);

/* The two builders behind it. */
ig_tokens *ig_tokens_from_tree(ig_arena *a, const ig_file *f);
/* NULL when the document holds no value (the caller then reads the tree). */
ig_tokens *ig_tokens_from_data(ig_arena *a, const ig_file *f);

/* Shared by both builders. */
ig_tokens *ig_tokens_new(ig_arena *a, const ig_file *f);
uint32_t ig_tokens_unit(ig_arena *a, ig_tokens *t, ig_unit_kind kind, const char *name, const char *type,
			unsigned line, unsigned end_line, uint32_t parent);
ig_token *ig_tokens_push(ig_arena *a, ig_tokens *t, uint64_t hash, uint64_t raw, unsigned line, unsigned end_line,
			 uint32_t unit);
uint64_t ig_tokens_hash(const char *s, size_t n);
uint64_t ig_tokens_mix(uint64_t h, uint64_t v);
#endif
