/* The shortest edit script between two sequences of hashes (Myers 1986, the
 * linear-space "middle snake" form), as the runs of equal items. Used for
 * tokens of code and for lines of text. */
#ifndef IG_MYERS_H
#define IG_MYERS_H
#include <stddef.h>
#include <stdint.h>

/* qsort and bsearch order of hashes (uint64_t). */
int ig_hash_cmp(const void *x, const void *y);

/* One run of equal items: a[a_at .. a_at+n) == b[b_at .. b_at+n). */
typedef struct ig_match {
	size_t a_at, b_at, n;
} ig_match;

/* The matching runs in order; whatever lies between two runs (or before the
 * first, after the last) is deleted from a / inserted in b. Above `max_cost`
 * edits in one region the region is taken as replaced whole (a bound on time
 * for two unrelated files). Returns the number of runs; *out is malloc'd (free
 * it), NULL when there is none. */
size_t ig_myers(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t max_cost, ig_match **out);
/* The same, after setting aside the items that occur on one side only: they
 * can never match, and for two texts that differ much they are most of the
 * search (the shortest script keeps its length; among scripts of equal cost
 * it may pick another). For the lines of two files. */
size_t ig_myers_discarding(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t max_cost, ig_match **out);
#endif
