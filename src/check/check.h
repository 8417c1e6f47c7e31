/* Checks against the knowledge base: each platform family walks the syntax
 * tree of one file and reports what the authoritative data contradicts (an
 * API, property, argument or value that does not exist, or is deprecated).
 * Runs on every response of `iacgrade task` and on plain files in
 * `iacgrade check`. Rule ids, categories and titles are data (rules/FAMILY.rules,
 * compiled into ig_rules[] and the IG_RULE_* constants of rule_ids.h); each family documents its rules in
 * docs/rules/<family>.md. */
#ifndef IG_CHECK_H
#define IG_CHECK_H
#include "kb/kb.h"
#include "task/types.h"

typedef struct ig_check_ctx {
	ig_task *task;            /* findings go to task->findings, strings to task->arena */
	const char *response;     /* response name for findings ("model", "ideal", "file") */
	ig_file *file;            /* platform, lang, text, md_line already set */
	const ig_parse *parse;    /* the file's tree (never NULL here) */
	const ig_kbset *kb;
} ig_check_ctx;

/* Run every check that applies to the file's platform and language. */
void ig_check_file(ig_check_ctx *c);

/* Required arguments of Terraform, CDKTF and Pulumi resources, over the IaC
 * model of a whole response once it is built (required.c). */
struct ig_model;
void ig_check_model_required(ig_task *t, ig_response *resp, const struct ig_model *m);

/* Report a finding at a 1-based line of the file (md_line is derived from the
 * file's position in its markdown). The category and severity come from the
 * rule's record in rules/FAMILY.rules (rule is its IG_RULE_* constant); fix may be NULL. Returns the finding. */
ig_finding *ig_check_report(ig_check_ctx *c, const char *rule, unsigned line, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* "did you mean" text from up to n kb entries ("ONE_MONTH, ONE_WEEK"), in the
 * task arena; NULL when n is 0. */
const char *ig_check_suggest(ig_check_ctx *c, const ig_kb *kb, const ig_kb_entry *const *near, size_t n);
/* The same from plain names (a template's own logical names, attribute names). */
const char *ig_check_suggest_names(ig_check_ctx *c, const char *const *names, size_t n);

/* One family each (src/check/<family>*.c). */
void ig_check_cfn(ig_check_ctx *c);    /* CloudFormation JSON and YAML */
void ig_check_cdk(ig_check_ctx *c);    /* CDK in TypeScript, JavaScript, Python, Go, Java */
void ig_check_tf(ig_check_ctx *c);     /* Terraform HCL */
void ig_check_cdktf(ig_check_ctx *c);  /* CDKTF in every language */
void ig_check_pulumi(ig_check_ctx *c); /* Pulumi in every language */

/* The member of a CDK enum whose members carry numbers that means the
 * quantity `name` spells (aws_logs.RetentionDays, "THIRTY_DAYS" -> ONE_MONTH,
 * whose value is 30), within a tenth; NULL when there is none. */
const ig_kb_entry *ig_cdk_enum_by_value(const ig_kb *kb, const char *enum_key, const char *name);

/* The rule registry (generated from rules/FAMILY.rules; format in docs/rules.md). */
typedef struct ig_rule_info {
	const char *id;           /* "cfn.unknown-property" */
	char category;            /* 'A'..'D', 0 for none */
	const char *severity;     /* "error", "warning", "info" */
	const char *title;        /* one line */
	const char *doc;          /* docs/rules/<family>.md#<anchor> */
	const char *impact;       /* what ignoring the finding costs; NULL when not written yet */
	const char *reference;    /* the authoritative page (https URL); NULL when not written yet */
} ig_rule_info;
extern const ig_rule_info ig_rules[];
extern const unsigned ig_rules_count;
const ig_rule_info *ig_rule_find(const char *id);
#endif
