/* The worked examples and table rows of docs/scoring.md. */
#include "harness.h"
#include "grade/score.h"

static int score_of(int a, int b, int c, int d, ig_complexity_facts cx)
{
	ig_score_input in = {.fixes = {a, b, c, d}, .complexity = cx};
	ig_score_breakdown out;
	ig_score_compute(&in, &out);
	return out.value;
}

TEST(score_worked_examples)
{
	/* 2 A, Lambda + DynamoDB + API Gateway integrated, KMS: 8 + 2 + 2 = 12 -> 10 */
	CHECK_INT(score_of(2, 0, 0, 0, (ig_complexity_facts){.n_services = 4, .integrated = true, .security = true, .advanced = true}), 10);
	/* 2 B, 2 services: 8 */
	CHECK_INT(score_of(0, 2, 0, 0, (ig_complexity_facts){.n_services = 2}), 8);
	/* 3 C only, 2 services: 5 */
	CHECK_INT(score_of(0, 0, 3, 0, (ig_complexity_facts){.n_services = 2}), 5);
	/* 6 C only, 1 service: 8 - 2 - 1 = 5 */
	CHECK_INT(score_of(0, 0, 6, 0, (ig_complexity_facts){.n_services = 1}), 5);
}

TEST(score_adjustment_table)
{
	ig_fix_counts none = {0};
	CHECK_INT(ig_score_adjustment(none, NULL), -4);
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.c = 1}, NULL), -4);
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.c = 2}, NULL), -4);
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.c = 3}, NULL), -3);
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.c = 4}, NULL), -1);
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.c = 5}, NULL), -1);
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.c = 6}, NULL), -2);
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.c = 2, .d = 1}, NULL), -3); /* D counts as C */
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.b = 1, .c = 9}, NULL), 0);
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.a = 1, .c = 9}, NULL), 1);
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.a = 2}, NULL), 2);
	CHECK_INT(ig_score_adjustment((ig_fix_counts){.a = 7, .b = 3}, NULL), 2);
}

TEST(score_complexity_caps_and_single_service)
{
	CHECK_INT(ig_score_complexity(&(ig_complexity_facts){.n_services = 5, .integrated = true, .security = true,
							    .high_availability = true, .advanced = true}), 2);
	CHECK_INT(ig_score_complexity(&(ig_complexity_facts){.n_services = 2, .integrated = true}), 0); /* needs 3 services */
	CHECK_INT(ig_score_complexity(&(ig_complexity_facts){.n_services = 1, .security = true}), 0);
	CHECK_INT(ig_score_complexity(&(ig_complexity_facts){.n_services = 1}), -1);
}

TEST(score_blockers_and_clamp)
{
	ig_score_input in = {.blocker = 3, .fixes = {.a = 5}};
	ig_score_breakdown out;
	ig_score_compute(&in, &out);
	CHECK_INT(out.value, 3);
	CHECK(!out.approved);
	CHECK_INT(out.base, 0);
	/* clamp at 0: no fixes, single service: 8 - 4 - 1 = 3 (not clamped); floor shown by -4 -1 */
	CHECK_INT(score_of(0, 0, 0, 0, (ig_complexity_facts){.n_services = 1}), 3);
	ig_score_input approved = {.fixes = {.a = 1}, .complexity = {.n_services = 2}};
	ig_score_compute(&approved, &out);
	CHECK_INT(out.value, 9);
	CHECK(out.approved);
}
