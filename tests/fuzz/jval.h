/* The value-tree invariants the JSON and YAML targets check (src/syntax/jsonval.h):
 * every value well formed, no deeper than max_depth (IG_JDEEP, the cut-off
 * marker, may sit one level below it), and the walk short: YAML aliases share
 * values and must not name more nodes than the alias budget lets through. */
#ifndef IG_FUZZ_JVAL_H
#define IG_FUZZ_JVAL_H
#include "fuzz.h"
#include "syntax/jsonval.h"

static void fuzz_jval_walk(const ig_jval *v, int depth, int max_depth, size_t *seen)
{
	FUZZ_ASSERT(v && v->type <= IG_JDEEP && v->line >= 1);
	FUZZ_ASSERT(depth <= max_depth || v->type == IG_JDEEP);
	FUZZ_ASSERT(++*seen < 10000000);
	if (v->type == IG_JSTR || v->type == IG_JNUM) FUZZ_ASSERT(v->str != NULL);
	if (v->type != IG_JARR && v->type != IG_JOBJ) return;
	for (size_t i = 0; i < v->n; i++) {
		if (v->type == IG_JOBJ) FUZZ_ASSERT(v->keys[i] != NULL);
		fuzz_jval_walk(v->items[i], depth + 1, max_depth, seen);
	}
}
#endif
