/* Shared between the prompt reader (read.c), the per-kind phrase readers
 * (kinds.c, services.c) and the status (eval.c). */
#ifndef IG_REQ_INTERNAL_H
#define IG_REQ_INTERNAL_H
#include "req/req.h"
#include <regex.h>

/* One clause of a prompt line, with markdown emphasis, example ARNs and URLs
 * removed, and what the reader knows of its phrasing. */
typedef struct req_clause {
	const char *text;         /* NUL-terminated cleaned clause */
	size_t len;
	const char *line_text;    /* the whole cleaned line */
	bool hedged;              /* "probably", "maybe": states nothing */
	bool example;             /* "e.g.", "for example", "such as": literals are examples */
	bool audit;               /* "Flag buckets without ...": what a script looks for, not what to build */
	const char *heading;      /* the last heading above (cleaned), "" for none */
} req_clause;

typedef struct req_ctx {
	ig_arena *a;
	ig_req_set *set;
	const char *file;
	unsigned line;
	const char *quote;
	/* platform and language, decided over the whole file */
	int platform_rank;
	unsigned platform_line;
	const char *platform, *language;
	unsigned language_line;
	int language_strength;    /* 3 on a platform line, 2 "Language:", 1 "in X", 0 none yet */
	const char *platform_quote, *language_quote;
	/* a "tags" lead-in line: the list below it names tags */
	unsigned tag_list_until;
	bool tag_list_heading;    /* the list was opened by a heading ("### Tags") */
} req_ctx;

/* Add a constraint at the current line unless the same one is already there. */
void req_add(req_ctx *c, ig_req_kind kind, const char *value, const char *detail);

/* Compile once (thread-safe); abort on a pattern error, which is a bug. */
regex_t *req_re(regex_t *slot, int *done, const char *pattern);
/* Match at or after `from`; 0 on a match with m filled (offsets from s). */
int req_match(regex_t *re, const char *s, size_t from, regmatch_t *m, size_t nm);

/* A pattern with the words one of which every match contains ("east-|west-"
 * for a region, case ignored; NULL: none known): a text without any of them
 * is not given to the regex engine, which costs a thousand times more. */
typedef struct {
	regex_t re;
	int done;
	const char *pattern, *needles;
} req_rx;
int req_find(req_rx *rx, const char *s, size_t from, regmatch_t *m, size_t nm);
/* An AWS region name (us-east-1), as the prompt and the code write it. */
req_rx *req_region_rx(void);

/* A number written in digits or words ("3", "three", "a dozen" not) or -1. */
int req_number(const char *s, size_t n);

void req_kinds_clause(req_ctx *c, const req_clause *cl);
void req_services_clause(req_ctx *c, const req_clause *cl);
/* A CloudFormation resource type name ("Subnet", "NatGateway") that a run of
 * words names, singular or plural, or NULL. */
const char *req_resource_name(ig_arena *a, const char *words, size_t n);
#endif
