#include "syntax/edit.h"
#include "util/myers.h"
#include "util/strutil.h"
#include "util/arena.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Line starts of a text: off[i] is where line i starts, off[n] == len; a
 * last newline opens an empty last line, as tree-sitter counts rows. */
static size_t edit__lines(const char *s, size_t len, size_t **off_out, uint64_t **hash_out)
{
	size_t n = 1;
	for (size_t k = 0; k < len; k++) n += s[k] == '\n';
	size_t *off = ig_xmalloc((n + 1) * sizeof *off);
	uint64_t *h = ig_xmalloc(n * sizeof *h);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		const char *nl = memchr(s + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - s) + 1 : len;
		off[i] = at;
		h[i] = ig_hash(s + at, end - at);
		at = end;
	}
	off[n] = len;
	*off_out = off;
	*hash_out = h;
	return n;
}

/* The point reached from (row, 0) over s[0..n). */
static TSPoint edit__advance(uint32_t row, const char *s, size_t n)
{
	TSPoint p = {row, 0};
	for (size_t k = 0; k < n; k++) {
		if (s[k] == '\n') p.row++, p.column = 0;
		else p.column++;
	}
	return p;
}

static int edit__cmp(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* How many of new's lines occur in old (as a multiset): a bound on the
 * lines the diff can share, found in n log n. */
static size_t edit__common(const uint64_t *oh, size_t on, const uint64_t *nh, size_t nn)
{
	uint64_t *a = ig_xmalloc((on + 1) * sizeof *a), *b = ig_xmalloc((nn + 1) * sizeof *b);
	memcpy(a, oh, on * sizeof *a);
	memcpy(b, nh, nn * sizeof *b);
	qsort(a, on, sizeof *a, edit__cmp);
	qsort(b, nn, sizeof *b, edit__cmp);
	size_t i = 0, j = 0, n = 0;
	while (i < on && j < nn) {
		if (a[i] == b[j]) n++, i++, j++;
		else if (a[i] < b[j]) i++;
		else j++;
	}
	free(a);
	free(b);
	return n;
}

TSTree *ig_syntax_edited_copy(const TSTree *old_tree, const char *old, size_t old_len, const char *new_text, size_t new_len)
{
	if (!old_tree || (old_len == new_len && memcmp(old, new_text, old_len) == 0)) return NULL;
	size_t *oo, *no;
	uint64_t *oh, *nh;
	size_t on = edit__lines(old, old_len, &oo, &oh), nn = edit__lines(new_text, new_len, &no, &nh);
	ig_match *runs = NULL;
	size_t nr = 0, shared = 0;
	/* the edit script only when it can share half the lines; it is bounded by
	 * that half, past which a whole parse is as fast */
	if (edit__common(oh, on, nh, nn) * 2 >= nn) nr = ig_myers(oh, on, nh, nn, nn / 2 + 1, &runs);
	for (size_t k = 0; k < nr; k++) shared += runs[k].n;
	TSTree *tree = NULL;
	if (shared * 2 >= nn) {
		tree = ts_tree_copy(old_tree);
		/* each gap between runs of shared lines is one edit, from the last to
		 * the first: an edit never moves what lies before it, so each gap's
		 * start is where it is in the old text */
		for (size_t k = nr + 1; k-- > 0;) {
			size_t oa = k ? runs[k - 1].a_at + runs[k - 1].n : 0, na = k ? runs[k - 1].b_at + runs[k - 1].n : 0;
			size_t ob = k < nr ? runs[k].a_at : on, nb = k < nr ? runs[k].b_at : nn;
			if (oa == ob && na == nb) continue;
			size_t os = oo[oa], oe = oo[ob], ns = no[na], ne = no[nb];
			TSInputEdit e = {
				.start_byte = (uint32_t)os, .old_end_byte = (uint32_t)oe, .new_end_byte = (uint32_t)(os + (ne - ns)),
				.start_point = {(uint32_t)oa, 0},
				.old_end_point = edit__advance((uint32_t)oa, old + os, oe - os),
				.new_end_point = edit__advance((uint32_t)oa, new_text + ns, ne - ns),
			};
			ts_tree_edit(tree, &e);
		}
	}
	free(runs);
	free(oo), free(oh), free(no), free(nh);
	return tree;
}
