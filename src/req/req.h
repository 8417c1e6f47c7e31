/* Requirements read from the prompt (lib/PROMPT.md, PROMPT2.md, ...): each a
 * constraint of one kind with its prompt file and line, and for each response
 * whether it is met, not met or unknown, with the evidence. docs/requirements.md
 * lists the kinds, the phrasings read and how each status is decided. */
#ifndef IG_REQ_H
#define IG_REQ_H
#include "task/types.h"

typedef enum ig_req_kind {
	IG_REQ_REGION,            /* "us-east-1"; role "primary", "dr", ... when stated */
	IG_REQ_MULTI_REGION,      /* "yes" (several regions) or "no" (single region) */
	IG_REQ_AZ,                /* "3", "2+" (at least two), "multi" (multi-AZ without a number) */
	IG_REQ_COUNT,             /* "3 Subnet", "2 public Subnet", "2+ TargetGroup" (CloudFormation type name) */
	IG_REQ_SERVICE,           /* canonical service, as src/detect/services.c folds it */
	IG_REQ_FORBID,            /* a service or resource type the prompt forbids */
	IG_REQ_TAG,               /* tag key; detail holds the value when given */
	IG_REQ_DESTROY,           /* "yes": every resource must be destroyable */
	IG_REQ_ENCRYPTION,        /* "yes": encryption at rest */
	IG_REQ_KMS,               /* "yes": customer-managed KMS keys */
	IG_REQ_TLS,               /* "1.2", "1.2+" or "required" (in transit, version not stated) */
	IG_REQ_LOG_RETENTION,     /* days: "30", "7-30", "90+" */
	IG_REQ_BACKUP_RETENTION,  /* days */
	IG_REQ_ROTATION,          /* days */
	IG_REQ_INSTANCE,          /* "t3.micro", "db.r5.large", "cache.t3.small" */
	IG_REQ_ENGINE,            /* "postgres", "postgres 14.6", "aurora-mysql 8.0", "redis 7" */
	IG_REQ_CIDR,              /* "10.0.0.0/16" */
	IG_REQ_ENV_SUFFIX,        /* "yes": names carry the environment suffix */
	IG_REQ_PLATFORM,          /* "cdk", "cdktf", "pulumi", "tf", "cfn" */
	IG_REQ_LANGUAGE,          /* "ts", "js", "py", "go", "java", "yaml", "json", "hcl" */
	IG_REQ_KIND_COUNT
} ig_req_kind;

const char *ig_req_kind_name(ig_req_kind k);

typedef enum ig_req_status { IG_REQ_UNKNOWN = 0, IG_REQ_MET, IG_REQ_NOT_MET } ig_req_status;
const char *ig_req_status_name(ig_req_status s);   /* "unknown", "met", "not_met" */

/* The status of one requirement for one response, with its evidence. */
typedef struct ig_req_eval {
	ig_req_status status;
	const char *file;         /* extracted file the evidence is in, NULL for none */
	unsigned line;            /* 1-based line in that file, 0 = none */
	unsigned md_line;         /* line in the response markdown, 0 = none */
	const char *note;         /* why: what was found or why it cannot be told yet */
} ig_req_eval;

typedef struct ig_req {
	ig_req_kind kind;
	const char *value;        /* normalised, see the kinds above */
	const char *detail;       /* region role, tag value; NULL */
	const char *file;         /* "lib/PROMPT.md" */
	unsigned line;            /* 1-based line in that file */
	const char *quote;        /* the prompt line, markdown emphasis removed, trimmed */
	ig_req_eval model, ideal;
} ig_req;

typedef struct ig_req_set {
	ig_req *items;
	size_t n, cap;
} ig_req_set;

/* Read one prompt file into s (appending; a constraint already in s with the
 * same kind, value and detail is not added again). Code blocks, example ARNs
 * and URLs are not requirement statements; hedged lines ("probably",
 * "e.g.") state none; negated mentions of a service are forbidden services. */
void ig_req_read(ig_arena *a, ig_req_set *s, const char *file, const char *text, size_t len);

/* The status of r for response resp (NULL or absent: unknown). */
ig_req_eval ig_req_eval_response(ig_arena *a, const ig_req *r, const ig_response *resp);

/* Read every prompt of t and evaluate the model and the ideal: sets t->reqs. */
void ig_req_task(ig_task *t);
#endif
