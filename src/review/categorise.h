/* The review's second stage: each fix of the diff gets a category (A-D) and a
 * reason naming its evidence, and the score is computed from them
 * (docs/scoring.md). A fix that removes a model finding takes that finding's
 * rule category; a fix nothing explains is categorised by what it touches
 * (data/review/fix-topics.tsv, SCORING.md's categories). */
#ifndef IG_CATEGORISE_H
#define IG_CATEGORISE_H
#include "task/types.h"

/* Categorise t->diff's fixes (resolves[], category, reason, environment,
 * counted). Needs the task analysed. */
void ig_review_categorise(ig_task *t);
/* Every step of the score (docs/scoring.md) into t->score, from the
 * categorised fixes, the ideal and its IaC model (NULL: the integrated
 * factor is off); the platform/language blocker's finding is added here. */
struct ig_model;
void ig_review_score(ig_task *t, const struct ig_model *ideal_model);
#endif
