/* The training-quality score (docs/scoring.md). */
#include "grade/score.h"

int ig_score_adjustment(ig_fix_counts f, const char **rule)
{
	int minor = f.c + f.d; /* D fixes count as C */
	const char *r;
	int adj;
	if (f.a >= 2) { adj = 2; r = "2 or more A fixes: +2"; }
	else if (f.a == 1) { adj = 1; r = "exactly 1 A fix: +1"; }
	else if (f.b >= 1) { adj = 0; r = "no A, at least 1 B: 0"; }
	else if (minor >= 6) { adj = -2; r = "only C/D, 6 or more: -2"; }
	else if (minor >= 4) { adj = -1; r = "only C/D, 4 or 5: -1"; }
	else if (minor == 3) { adj = -3; r = "only C/D, 3: -3"; }
	else if (minor >= 1) { adj = -4; r = "only C/D, 1 or 2: -4"; }
	else { adj = -4; r = "no fixes: -4"; }
	if (rule) *rule = r;
	return adj;
}

int ig_score_complexity(const ig_complexity_facts *c)
{
	/* factors in order, stopping once +2 is reached */
	const bool factors[] = {c->integrated && c->n_services >= 3, c->security, c->high_availability, c->advanced};
	int plus = 0;
	for (unsigned i = 0; i < sizeof factors / sizeof *factors && plus < 2; i++) plus += factors[i];
	/* independently, a single service is a simple task */
	return plus - (c->n_services == 1 ? 1 : 0);
}

void ig_score_compute(const ig_score_input *in, ig_score_breakdown *out)
{
	*out = (ig_score_breakdown){0};
	if (in->blocker > 0) {
		out->blocker = in->blocker;
		out->value = in->blocker;
		out->approved = out->value >= 8;
		out->adjustment_rule = "blocker: steps 2-4 skipped";
		return;
	}
	out->base = 8;
	out->adjustment = ig_score_adjustment(in->fixes, &out->adjustment_rule);
	out->complexity = ig_score_complexity(&in->complexity);
	int v = out->base + out->adjustment + out->complexity; /* integers: rounding is exact */
	out->value = v < 0 ? 0 : v > 10 ? 10 : v;
	out->approved = out->value >= 8;
}
