/* The JSON value reader (src/syntax/jsonval.c) on the bytes of a JSON file. */
#include "fuzz.h"
#include "syntax/jsonval.h"

/* Every value is well formed, and nothing is deeper than the cap promises. */
static void fuzz__walk(const ig_jval *v, int depth)
{
	FUZZ_ASSERT(v && v->type <= IG_JDEEP && v->line >= 1);
	FUZZ_ASSERT(depth <= IG_JSON_MAX_DEPTH + 1 || v->type == IG_JDEEP);
	if (v->type == IG_JSTR || v->type == IG_JNUM) FUZZ_ASSERT(v->str != NULL);
	if (v->type != IG_JARR && v->type != IG_JOBJ) return;
	for (size_t i = 0; i < v->n; i++) {
		if (v->type == IG_JOBJ) FUZZ_ASSERT(v->keys[i] != NULL);
		fuzz__walk(v->items[i], depth + 1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_text text = fuzz_text(&a, data, size);
	ig_parse p;
	ig_syntax_parse(&p, &a, IG_LANG_JSON, text.data, text.len);
	ig_jval *root = ig_json_value(&a, &p);
	ig_parse_release(&p);
	if (root) {
		fuzz__walk(root, 0);
		ig_json_get(root, "Resources");
	}
	ig_arena_free(&a);
	return 0;
}
