/* The model-vs-ideal diff: every change the ideal made to the model's answer,
 * grouped into fixes (one per resource, function, class or template section
 * that changed), each located on both sides, and every other changed line
 * accounted for with the reason it is not a fix (see docs/diff.md).
 *
 * Files are aligned by path, then by name, then by content; inside a file
 * pair, units by kind and name (then by content when renamed); inside a unit
 * pair, tokens by the shortest edit script. */
#ifndef IG_DIFF_H
#define IG_DIFF_H
#include <stdbool.h>
#include <stddef.h>
#include "diff/tokens.h"
#include "task/types.h"

typedef enum ig_fix_kind {
	IG_FIX_RESOURCE_ADDED, IG_FIX_RESOURCE_REMOVED, IG_FIX_RESOURCE_CHANGED, IG_FIX_RESOURCE_RETYPED,
	IG_FIX_CODE_ADDED, IG_FIX_CODE_REMOVED, IG_FIX_CODE_CHANGED, IG_FIX_IMPORTS_CHANGED,
	IG_FIX_TRUNCATED_ANSWER, IG_FIX_NO_CODE,
	IG_FIX_KIND_COUNT
} ig_fix_kind;

const char *ig_fix_kind_name(ig_fix_kind k); /* "resource-added", ..., "truncated-answer", "no-code" */

/* Why a changed line is not part of any fix. */
typedef enum ig_ignore_reason {
	IG_IGN_FORMATTING, IG_IGN_COMMENT, IG_IGN_IMPORT_ORDER, IG_IGN_REORDERED, IG_IGN_SPELLING, IG_IGN_RENAME,
	IG_IGN_TEST,
	IG_IGN_SUPERSEDED,       /* code an answer gives again later (a later turn's snippet): the later one counts */
	IG_IGN_COUNT
} ig_ignore_reason;

const char *ig_ignore_reason_name(ig_ignore_reason r); /* "formatting", ..., "equivalent-spelling", ... */

/* Where a fix lies on one side: file NULL when that side has none (a resource
 * added has no model side). Lines are the file's; md_line follows from the file. */
typedef struct ig_fix_place {
	const ig_file *file;
	unsigned line, end_line;
	bool anchor;             /* nothing changed on this side: the line is where the other side's change goes */
} ig_fix_place;

typedef struct ig_fix_detail {
	const char *path;        /* "Properties.BucketEncryption" (templates), or the unit's name */
	const char *old_text, *new_text; /* the lines as written on each side (trimmed, NULL when absent) */
	ig_fix_place model, ideal;
} ig_fix_detail;

typedef struct ig_fix {
	char id[12];             /* "F" + 8 hex digits of kind, unit and file: the same for the same input */
	ig_fix_kind kind;
	ig_unit_kind unit;       /* what changed: a resource, a function, a class, a section */
	const char *model_name, *ideal_name; /* the unit's name on each side (NULL when absent) */
	const char *model_type, *ideal_type; /* a resource's native type on each side */
	const char *service;     /* a resource's canonical service (ideal side first), NULL when unknown */
	ig_fix_place model, ideal;
	ig_fix_detail *details;
	size_t n_details, cap_details;
	size_t model_tokens, ideal_tokens; /* tokens changed on each side */
	size_t model_lines, ideal_lines;   /* changed lines it accounts for */
	/* set by the review (review/categorise.h) */
	char category;           /* 'A'..'D', 0 before the review */
	const char *reason;      /* why that category, naming the evidence */
	size_t *resolves;        /* indexes of the model's findings this fix removes */
	size_t n_resolves, cap_resolves;
	const char *environment; /* "localstack" for a change made only for the emulator, else NULL */
	bool counted;            /* counts for the score (not LocalStack-only, not tests) */
	bool test;               /* a change to the tests: reported apart, never a fix for the score */
} ig_fix;

typedef struct ig_diff {
	ig_fix *fixes;
	size_t n_fixes, cap_fixes;
	size_t changed_lines[2];                /* [0] model, [1] ideal */
	size_t ignored_lines[IG_IGN_COUNT][2];  /* per reason and side */
	size_t files_paired, files_model_only, files_ideal_only;
	const char *note;                       /* why there is nothing to compare, NULL otherwise */
} ig_diff;

/* Compare the model's answer with the ideal (both analysed: their files hold
 * token streams). The result lives in the arena. */
void ig_diff_responses(ig_arena *a, const ig_response *model, const ig_response *ideal, ig_diff *out);
/* The lines [l0, l1] of f, trimmed and shortened to 400 bytes: a detail's text. */
const char *ig_diff_lines_text(ig_arena *a, const ig_file *f, unsigned l0, unsigned l1);

/* Fill the details of code resources' fixes, property by property, from the
 * IaC model of each side (details.c); a template's fixes have theirs. */
struct ig_model;
void ig_diff_model_details(ig_arena *a, ig_diff *d, const ig_response *model, const ig_response *ideal,
			   const struct ig_model *mm, const struct ig_model *mi);
/* Terraform keeps some settings either inline (a `versioning {}` block) or in
 * an attachment resource (aws_s3_bucket_versioning); the IaC model folds both
 * into the parent. A resource whose model is the same on both sides, though its
 * tokens changed, and the attachments folded into it, are equivalent spellings:
 * their fixes leave the list, their lines go under that reason (details.c). */
void ig_diff_model_equivalent(ig_diff *d, const struct ig_model *mm, const struct ig_model *mi);
#endif
