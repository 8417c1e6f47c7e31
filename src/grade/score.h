/* The training-quality score of docs/scoring.md (from SCORING.md): blockers,
 * base 8, adjustment from fix categories, complexity of the ideal. Pure
 * functions: the callers gather the inputs. */
#ifndef IG_SCORE_H
#define IG_SCORE_H
#include <stdbool.h>

typedef struct ig_fix_counts { int a, b, c, d; } ig_fix_counts;

typedef struct ig_complexity_facts {
	int n_services;          /* distinct AWS service namespaces in the ideal's resources */
	bool integrated;         /* >= 3 services and one references another */
	bool security;           /* CMK, encryption at rest, least privilege, secrets store */
	bool high_availability;  /* multi-AZ, auto scaling, failover, read replicas */
	bool advanced;           /* event-driven, serverless, microservices */
} ig_complexity_facts;

typedef struct ig_score_input {
	int blocker;             /* 3, 4 or 5 when a blocker applies (lowest wins), else 0 */
	ig_fix_counts fixes;
	ig_complexity_facts complexity;
} ig_score_input;

typedef struct ig_score_breakdown {
	int blocker;             /* 0 when none */
	int base;                /* 8, or 0 under a blocker */
	int adjustment;
	int complexity;
	int value;               /* final 0..10 */
	bool approved;           /* value >= 8 */
	const char *adjustment_rule;  /* which row of the table applied */
} ig_score_breakdown;

int ig_score_adjustment(ig_fix_counts f, const char **rule);
int ig_score_complexity(const ig_complexity_facts *c);
void ig_score_compute(const ig_score_input *in, ig_score_breakdown *out);
#endif
