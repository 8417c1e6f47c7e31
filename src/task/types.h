/* The data every stage shares: a task, its responses, their files, findings.
 * Everything here is allocated in the task's arena and freed with it. */
#ifndef IG_TYPES_H
#define IG_TYPES_H
#include <stdbool.h>
#include <stddef.h>
#include "syntax/imports.h"
#include "syntax/lang.h"
#include "syntax/syntax.h"
#include "util/arena.h"
#include "rule_ids.h" /* IG_RULE_* constants, generated from the rules/ registry */

typedef enum ig_platform {
	IG_PLAT_UNKNOWN = 0,
	IG_PLAT_CDK, IG_PLAT_CDKTF, IG_PLAT_PULUMI, IG_PLAT_CFN, IG_PLAT_TF,
	IG_PLAT_CICD, IG_PLAT_ANALYSIS,
	IG_PLAT_COUNT
} ig_platform;

const char *ig_platform_name(ig_platform p);            /* "cdk", "cfn", ... "unknown" */
/* Normalise a metadata spelling: "cdk-typescript" -> cdk, "cloudformation" -> cfn,
 * "terraform" -> tf. Unknown spellings give IG_PLAT_UNKNOWN. */
ig_platform ig_platform_from_name(const char *s, size_t n);

/* Where a file's name came from, for the report ("heading", "bold", "label",
 * "prose", "comment", "info", "lib" for files read from lib/, "none"). */
typedef const char *ig_path_source;

/* One AWS resource found in the code (a thin view; the full IaC model comes later). */
typedef struct ig_resource {
	const char *native_type;  /* "aws_s3_bucket", "AWS::S3::Bucket", "s3.Bucket", "aws.s3.Bucket" */
	const char *name;         /* logical name / construct id, may be NULL */
	const char *service;      /* canonical service ("S3", "VPC", "Lambda"), NULL if unknown */
	unsigned line;            /* 1-based line in the file */
} ig_resource;

/* What a file is to the task (docs/json-schema.md): the deployed ideal is its
 * iac and entry files; project files are evidence for platform and language;
 * tests are parsed and detected but add no resources or services. */
typedef enum ig_role {
	IG_ROLE_IAC = 0,          /* lib/ code, or a response's code */
	IG_ROLE_ENTRY,            /* bin/, tap.py, tap.go: where the app creates the stack */
	IG_ROLE_PROJECT,          /* cdk.json, cdktf.json, Pulumi.yaml */
	IG_ROLE_TEST,             /* test/, tests/, *.test.ts, test_*.py, *_test.go */
	IG_ROLE_DOC,              /* markdown and plain-text blocks */
	IG_ROLE_COUNT
} ig_role;

const char *ig_role_name(ig_role r);    /* "iac", "entry", "project", "test", "doc" */

typedef struct ig_file {
	const char *path;         /* "lib/tap-stack.ts"; for unnamed blocks "block-<n>.<ext>" */
	ig_path_source path_source;
	ig_lang lang;
	const char *text;
	size_t len;
	unsigned md_line;         /* line of the first code line in the response markdown; 0 = lib/ file */
	const char *md_source;    /* the markdown md_line refers to ("lib/MODEL_RESPONSE2.md"), NULL for lib/ */
	int turn;                 /* model turn the file comes from, 0 for the ideal */
	bool truncated;           /* the fence was never closed (cut-off answer) */
	bool skipped;             /* too large: not parsed */
	ig_role role;
	const char *derived_from; /* a template twin converted from this primary (TapStack.json
				     from TapStack.yml): its findings are not the ideal's; NULL otherwise */
	ig_parse parse;           /* tree released after analysis; errors kept */
	ig_imports imports;       /* names bound by the file's imports (code languages) */
	ig_platform platform;     /* detected from this file's code */
	ig_lang platform_lang;    /* language the platform code is written in (ts for cdk ts...) */
	ig_resource *resources;
	size_t n_resources, cap_resources;
	struct ig_tokens *tokens;  /* what the diff compares (diff/tokens.h), NULL when not parsed */
	bool imports_only;        /* a test of the ideal while the model's answer has none: only the head
				     that holds its imports was parsed (syntax/imports.h), for detection;
				     no token stream, no syntax errors; the diff lists it as one added file */
} ig_file;

typedef struct ig_response {
	const char *name;         /* "model", "model_turn1", "ideal", "ideal_md" */
	const char *source;       /* "lib/MODEL_RESPONSE.md", "lib/" */
	bool present;
	int turn;                 /* 1-based turn for model responses, 0 otherwise */
	ig_file *files;
	size_t n_files, cap_files;
	bool truncated;           /* ends inside an unclosed fence */
	bool has_reasoning;       /* had a "Reasoning Trace" section (its code is not the answer) */
	ig_platform platform;     /* detected */
	ig_lang lang;             /* detected */
	const char **services;    /* canonical, sorted, unique */
	size_t n_services;
} ig_response;

typedef enum ig_severity { IG_SEV_INFO = 0, IG_SEV_WARNING, IG_SEV_ERROR } ig_severity;
const char *ig_severity_name(ig_severity s);

typedef struct ig_finding {
	const char *rule;         /* "IG-E001" style id, documented in docs/rules/ */
	char category;            /* 'A'..'D', or 0 for diagnostics about the input */
	ig_severity severity;
	const char *message;
	const char *fix;          /* may be NULL */
	const char *response;     /* response name, NULL for task-level findings */
	const char *file;         /* extracted file path or task-relative path, may be NULL */
	unsigned line;            /* line in the extracted file, 0 = none */
	unsigned md_line;         /* line in the response markdown, 0 = none (lib/ files) */
} ig_finding;

typedef struct ig_metadata {
	const char *path;         /* task-relative: "metadata.json", or "lib/metadata.json" when only lib/ has it */
	bool present;             /* metadata.json exists */
	bool parsed;              /* its JSON could be read (perhaps with repairs) */
	const char *platform_raw, *language_raw;
	ig_platform platform;
	ig_lang language;
	const char *complexity;
	const char *subtask;
	const char **aws_services;
	size_t n_aws_services;
	bool has_training_quality;
	double training_quality;
} ig_metadata;

typedef struct ig_score_factor {
	bool on;
	const char *evidence;     /* "lib/tap-stack.ts:12: encrypt", or why not */
} ig_score_factor;

typedef struct ig_score {
	bool complete;            /* every step computed */
	const char *status_reason;/* why not complete: no model answer, no code in it, no ideal code */
	int value;                /* valid when complete or blocker > 0 */
	int blocker;              /* the blocker's score (3, 4, 5), 0 = none */
	const char *blocker_reason;
	bool services_checked;    /* the prompt names services, so the services blocker was decided */
	bool region_checked;      /* the prompt's requirements were read for the region blocker */
	int n_a, n_b, n_c, n_d;   /* counted fixes per category */
	int n_not_counted;        /* LocalStack-only fixes */
	int adjustment;
	const char *adjustment_rule; /* the row of the table that applied */
	int complexity;
	int n_services;           /* distinct services of the ideal's resources */
	const char *services;     /* their names, comma-separated */
	ig_score_factor integrated, security, high_availability, advanced;
	bool approved;
} ig_score;

/* One prompt file as read (PROMPT.md, PROMPT2.md, ...), for line numbers. */
typedef struct ig_prompt {
	const char *path;         /* "lib/PROMPT2.md" */
	const char *text;
	size_t len;
} ig_prompt;

struct ig_req_set;

typedef struct ig_task {
	ig_arena arena;
	const char *dir;
	ig_metadata meta;
	const char *prompt;       /* all PROMPTn.md joined, NULL when absent */
	ig_prompt *prompts;       /* each PROMPTn.md on its own */
	size_t n_prompts, cap_prompts;
	struct ig_req_set *reqs;  /* requirements read from the prompts (src/req), NULL before analysis */
	ig_response *turns;       /* model turns, turn 1..n (files of turn n replace turn n-1's) */
	size_t n_turns;
	ig_response model;        /* the last turn, resolved */
	ig_response ideal;        /* lib/ code when present, else ideal_md */
	ig_response ideal_md;     /* IDEAL_RESPONSE.md */
	ig_platform platform;     /* detected for the task (from the ideal, else the model) */
	ig_lang lang;
	ig_finding *findings;
	size_t n_findings, cap_findings;
	ig_score score;
	bool keep_trees;          /* analysis keeps parse trees (for the IaC models), freed after the review */
	bool tests_imports_only;  /* analysis reads tests for their imports only (the ideal's, when the
				     model's answer has no test to compare them with) */
	bool read_tests_whole;    /* set before analysis: every test is read whole (`iacgrade diff`
				     compares the tests of any two answers) */
	struct ig_diff *diff;     /* the model against the ideal (diff/diff.h), NULL before analysis */
} ig_task;

/* Add a finding; strings are copied into the task arena. rule is an IG_RULE_*
 * constant (rule_ids.h), so an id the registry does not have does not compile. */
ig_finding *ig_task_add_finding(ig_task *t, const char *rule, char category, ig_severity sev,
				const char *response, const char *file, unsigned line, unsigned md_line,
				const char *fmt, ...) __attribute__((format(printf, 9, 10)));
#endif
