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

TSTree *ig_syntax_edited_copy(const TSTree *old_tree, const char *old, size_t old_len, const char *new_text, size_t new_len)
{
	if (!old_tree || (old_len == new_len && memcmp(old, new_text, old_len) == 0)) return NULL;
	size_t *oo, *no;
	uint64_t *oh, *nh;
	size_t on = edit__lines(old, old_len, &oo, &oh), nn = edit__lines(new_text, new_len, &no, &nh);
	ig_match *runs = NULL;
	size_t nr, shared = 0;
	/* lines of one text only are set aside before the search, which is bounded
	 * by half of new's lines: past that a whole parse is as fast */
	nr = ig_myers_discarding(oh, on, nh, nn, nn / 2 + 1, &runs);
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
