/* The JSON value reader (src/syntax/jsonval.c) on the bytes of a JSON file. */
#include "jval.h"

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
		size_t seen = 0;
		fuzz_jval_walk(root, 0, IG_JSON_MAX_DEPTH + 1, &seen);
		ig_json_get(root, "Resources");
	}
	ig_arena_free(&a);
	return 0;
}
