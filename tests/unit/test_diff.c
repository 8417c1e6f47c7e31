#include "harness.h"
#include "diff/myers.h"
#include <stdlib.h>

/* Length of the longest common subsequence by dynamic programming: the
 * reference the linear-space search must agree with. */
static size_t lcs_len(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t *row = calloc(nb + 1, sizeof *row), *prev = calloc(nb + 1, sizeof *prev);
	for (size_t i = 1; i <= na; i++) {
		for (size_t j = 1; j <= nb; j++)
			row[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : (prev[j] > row[j - 1] ? prev[j] : row[j - 1]);
		size_t *t = prev; prev = row; row = t;
	}
	size_t n = prev[nb];
	free(row);
	free(prev);
	return n;
}

TEST(myers_matches_are_a_longest_common_subsequence)
{
	unsigned seed = 12345;
	for (int round = 0; round < 400; round++) {
		uint64_t a[60], b[60];
		seed = seed * 1103515245u + 12345u;
		size_t na = (seed >> 8) % 60, nb;
		seed = seed * 1103515245u + 12345u;
		nb = (seed >> 8) % 60;
		unsigned alpha = 2 + round % 6; /* small alphabets: many equal items */
		for (size_t i = 0; i < na; i++) { seed = seed * 1103515245u + 12345u; a[i] = (seed >> 10) % alpha; }
		for (size_t i = 0; i < nb; i++) { seed = seed * 1103515245u + 12345u; b[i] = (seed >> 10) % alpha; }
		ig_match *m = NULL;
		size_t n = ig_myers(a, na, b, nb, 1000, &m), total = 0, ai = 0, bi = 0;
		int ok = 1;
		for (size_t k = 0; k < n; k++) {
			if (m[k].a_at < ai || m[k].b_at < bi || m[k].n == 0) ok = 0;
			for (size_t t = 0; t < m[k].n; t++)
				if (m[k].a_at + t >= na || m[k].b_at + t >= nb || a[m[k].a_at + t] != b[m[k].b_at + t]) ok = 0;
			ai = m[k].a_at + m[k].n, bi = m[k].b_at + m[k].n, total += m[k].n;
		}
		CHECK(ok);
		CHECK_INT(total, lcs_len(a, na, b, nb));
		free(m);
		if (!ok) break;
	}
}

TEST(myers_bounded_cost_replaces_whole)
{
	uint64_t a[] = {1, 2, 3, 4, 5, 6, 7, 8}, b[] = {1, 9, 9, 9, 9, 9, 9, 8};
	ig_match *m = NULL;
	size_t n = ig_myers(a, 8, b, 8, 2, &m), total = 0;
	for (size_t k = 0; k < n; k++) total += m[k].n;
	CHECK_INT(total, 2); /* the common first and last items, nothing searched between */
	free(m);
}
